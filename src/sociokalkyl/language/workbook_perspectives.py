"""The words of the xlsx report's sheet Perspektiv (Perspectives), Swedish and English."""

from __future__ import annotations

from sociokalkyl.language.labels import Lang, pick

__all__ = ["WORKBOOK_PERSPECTIVE_LABELS", "sheet_label"]

WORKBOOK_PERSPECTIVE_LABELS: dict[str, tuple[str, str]] = {
    "sheet": ("Perspektiv", "Perspectives"),
    "title": ("Svaret per perspektiv och aktör", "The answer per perspective and actor"),
    "how": (
        "Varje svar är en formel över raderna längst ned: nuvärdet av varje rad "
        "(SUMPRODUCT med diskonteringsfaktorerna på bladet År) gånger radens vikt för "
        "aktören eller perspektivet (se docs/perspectives.md).",
        "Every answer is a formula over the lines at the bottom: each line's present "
        "value (SUMPRODUCT with the discount factors on the sheet Years) times the "
        "line's weight for the actor or perspective (see docs/perspectives.md).",
    ),
    "by_perspective": ("Per perspektiv", "Per perspective"),
    "by_actor": ("Per aktör", "Per actor"),
    "perspective": ("Perspektiv", "Perspective"),
    "actors": ("Aktörer", "Actors"),
    "actor": ("Aktör", "Actor"),
    "npv": ("Nettonuvärde, kr", "Net present value, SEK"),
    "pv_costs": ("Nuvärde av kostnader, kr", "PV of costs, SEK"),
    "pv_gains": ("Nuvärde av vinster, kr", "PV of gains, SEK"),
    "bcr": ("Nytta/kostnad (kvot)", "Benefit-cost ratio"),
    "matrix_how": (
        "Raden betalar kolumnen; negativt: betalar mindre med insatsen.",
        "The row pays the column; negative: pays less with the intervention.",
    ),
    "lines": ("Rader: flöden per år, nuvärde och vikter", "Lines: yearly flows, PV and weights"),
    "line": ("Rad", "Line"),
    "flow": ("Flöde", "Flow"),
    "pv": ("Nuvärde, kr", "Present value, SEK"),
    "weights": ("Vikter (1 = vinst, -1 = kostnad)", "Weights (1 = gain, -1 = cost)"),
}
"""Labels by key: ``(svenska, English)``."""


def sheet_label(key: str, lang: Lang = "sv") -> str:
    """A label of the sheet Perspektiv.

    Parameters
    ----------
    key
        A key of :data:`WORKBOOK_PERSPECTIVE_LABELS`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label; the key itself when there is none.

    Examples
    --------
    >>> sheet_label("sheet"), sheet_label("sheet", "en")
    ('Perspektiv', 'Perspectives')
    """
    pair = WORKBOOK_PERSPECTIVE_LABELS.get(key)
    return key if pair is None else pick(pair, lang)

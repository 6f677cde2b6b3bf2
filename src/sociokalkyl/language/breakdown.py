"""The words of the reports' sections on unpriced effects and on outcomes, sv and en.

Every report format (text, Markdown, CSV, JSON keys aside, xlsx, HTML, PDF, the
notebook display) reads its headings here; see ``docs/outcomes.md`` and
``docs/report.md``.
"""

from __future__ import annotations

from sociokalkyl.language.labels import Lang

__all__ = ["BREAKDOWN_LABELS", "breakdown_label"]

BREAKDOWN_LABELS: dict[str, tuple[str, str]] = {
    "unpriced": (
        "Ej värderade effekter (ingår inte i nettonuvärdet)",
        "Unpriced effects (not in the net present value)",
    ),
    "unpriced.short": ("Ej värderade effekter", "Unpriced effects"),
    "unpriced.effect": ("Effekt", "Effect"),
    "unpriced.note": (
        "Effekter som källorna beskriver men som ingen kan värdera i kronor. De ingår "
        "inte i nettonuvärdet men hör till beslutsunderlaget.",
        "Effects the sources describe that no one can value in money. They are not in "
        "the net present value but belong to the decision.",
    ),
    "outcomes": (
        "Per utfall (nuvärde av följderna)",
        "By outcome (present value of the consequences)",
    ),
    "outcomes.outcome": ("Utfall", "Outcome"),
    "outcomes.actor": ("Aktör", "Actor"),
    "outcomes.pv": ("Nuvärde", "Present value"),
    "outcomes.total": ("Summa, alla aktörer", "Total, every actor"),
    "outcomes.overlap": (
        "överlappar (se varningen)",
        "overlaps (see the warning)",
    ),
    "outcomes.note": (
        "Nuvärdet av varje utfalls följder för varje aktör, före regeln om överlapp: där "
        "ett utfall och en annan källa ändrar samma kostnadspost räknar nettonuvärdet "
        "den större besparingen varje år, inte summan.",
        "The present value of each outcome's consequences for each actor, before the "
        "rule for overlaps: where an outcome and another source change the same cost "
        "item, the net present value counts the larger saving in each year, not the sum.",
    ),
}
"""Labels by key: (svenska, English)."""


def breakdown_label(key: str, lang: Lang = "sv") -> str:
    """A label of :data:`BREAKDOWN_LABELS` in ``lang``.

    Parameters
    ----------
    key
        E.g. ``"unpriced"`` or ``"outcomes"``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label.

    Examples
    --------
    >>> breakdown_label("unpriced.short"), breakdown_label("outcomes", "en")
    ('Ej värderade effekter', 'By outcome (present value of the consequences)')
    """
    sv, en = BREAKDOWN_LABELS[key]
    return sv if lang == "sv" else en

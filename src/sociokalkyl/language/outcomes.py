"""The words of outcomes, their consequences and unpriced effects, Swedish and English.

Reports read their labels here (see ``docs/outcomes.md``).
"""

from __future__ import annotations

from sociokalkyl.language.labels import WORDS, Lang

__all__ = [
    "OUTCOME_LABELS",
    "OUTCOME_PARAMETER_LABELS",
    "OUTCOME_WORDS",
    "outcome_label",
    "overlap_text",
]

OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "unpriced_effects": ("Ej värderade effekter", "Unpriced effects"),
    "unpriced_effects.none": ("Inga ej värderade effekter angivna", "No unpriced effects given"),
    "outcome": ("Utfall", "Outcome"),
    "consequence": ("Följd", "Consequence"),
    "overlap.max": (
        "Varning: {item} ändras av flera källor ({sources}); den största besparingen "
        "varje år räknas (inte summan), se docs/outcomes.md",
        "Warning: {item} is changed by several sources ({sources}); the larger saving "
        "in each year counts (not the sum), see docs/outcomes.md",
    ),
    "overlap.add": (
        'Varning: {item} ändras av flera källor ({sources}); de med combine = "add" '
        "läggs till, kontrollera att de inte räknar samma sak två gånger",
        "Warning: {item} is changed by several sources ({sources}); those with "
        'combine = "add" are added: check that they do not count the same thing twice',
    ),
}
"""Labels by key: (svenska, English)."""

OUTCOME_PARAMETER_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("outcome_effects", "change"): (
        "Förändrad sannolikhet (eller frekvens) för utfall {index}",
        "Change of probability (or rate) of outcome {index}",
    ),
    ("outcome_effects", "drop_off"): (
        "Avtagande per år för utfallseffekt {index}",
        "Drop-off of outcome effect {index}",
    ),
    ("outcome_effects", "deadweight"): (
        "Dödvikt för utfallseffekt {index}",
        "Deadweight of outcome effect {index}",
    ),
    ("outcome_effects", "attribution"): (
        "Tillskrivning för utfallseffekt {index}",
        "Attribution of outcome effect {index}",
    ),
    ("outcome_effects", "displacement"): (
        "Undanträngning för utfallseffekt {index}",
        "Displacement of outcome effect {index}",
    ),
    ("outcomes", "change"): (
        "Förändrad användning per person med utfallet ({index})",
        "Change of use per person with the outcome ({index})",
    ),
}
"""Parameter labels by (section, field), read by ``language.parameters``."""


def outcome_label(key: str, lang: Lang = "sv") -> str:
    """A label of :data:`OUTCOME_LABELS` in ``lang``.

    Parameters
    ----------
    key
        E.g. ``"unpriced_effects"``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The label.

    Examples
    --------
    >>> outcome_label("unpriced_effects")
    'Ej värderade effekter'
    """
    sv, en = OUTCOME_LABELS[key]
    return sv if lang == "sv" else en


def overlap_text(item: str, sources: tuple[str, ...], rule: str, lang: str = "sv") -> str:
    """The warning for a cost item changed by several sources.

    Parameters
    ----------
    item
        The cost item's key.
    sources
        The sources (``"effects[0]"``, ``"outcome_effects[0]"``).
    rule
        ``"max"`` or ``"add"``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        One line for a report.

    Examples
    --------
    >>> overlap_text("hvb", ("effects[0]", "outcome_effects[0]"), "max", "en")[:33]
    'Warning: hvb is changed by severa'
    """
    sv, en = OUTCOME_LABELS[f"overlap.{rule}"]
    return (sv if lang == "sv" else en).format(item=item, sources=", ".join(sources))


OUTCOME_WORDS: dict[str, tuple[str, str]] = {
    "probability": ("förändrad sannolikhet", "change of probability"),
    "rate": ("förändrad frekvens per år", "change of rate per year"),
    "consequence": ("följd per person med utfallet", "consequence per person with the outcome"),
    "evidence_haircut": ("avdrag efter evidensgrad", "evidence-grade haircut"),
    "years_after_intake": ("utfallet {} år efter start", "outcome {} years after intake"),
}
"""Words of the assumption log for outcome rows (variants and details)."""

WORDS.update(OUTCOME_WORDS)  # the assumption log's word source reads them by key

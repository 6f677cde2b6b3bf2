"""How a parameter of a plan reads, by its key's section and field, Swedish and English."""

from __future__ import annotations

from sociokalkyl.language.labels import Lang
from sociokalkyl.language.outcomes import OUTCOME_PARAMETER_LABELS

__all__ = ["PARAMETER_LABELS", "parameter_label"]

PARAMETER_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    # (section, field): (svenska, English); {item} is the cost item's name, {index} the
    # position or intake year, {name} the intervention cost's name, {year} a price year
    ("target_group", "intake"): (
        "Deltagare som börjar år {index}",
        "Participants entering in year {index}",
    ),
    ("cost_items", "unit_cost"): ("{item} ({year} års priser)", "{item} ({year} prices)"),
    ("cost_items", "real_growth"): (
        "Real kostnadsutveckling för {item}",
        "Real cost growth of {item}",
    ),
    ("baseline", "use"): (
        "Användning av {item} per deltagare utan insatsen",
        "Baseline use of {item} per participant",
    ),
    ("baseline", "exit_rate"): (
        "Årligt utflöde från {item} utan insatsen",
        "Yearly exit from {item} without the intervention",
    ),
    ("effects", "change"): ("Förändring av användningen av {item}", "Change of {item} use"),
    ("effects", "drop_off"): ("Avtagande per år för effekt {index}", "Drop-off of effect {index}"),
    ("effects", "deadweight"): ("Dödvikt för effekt {index}", "Deadweight of effect {index}"),
    ("effects", "attribution"): (
        "Tillskrivning för effekt {index}",
        "Attribution of effect {index}",
    ),
    ("effects", "displacement"): (
        "Undanträngning för effekt {index}",
        "Displacement of effect {index}",
    ),
    ("costs", "amount"): ("{name}", "{name}"),
    ("settings", "optimism_bias"): (
        "Påslag för optimismbias på insatsens kostnader",
        "Optimism-bias uplift on intervention costs",
    ),
    ("settings", "effect_multiplier"): (
        "Multipel av varje effekt (1 = som angiven)",
        "Multiple of every effect (1 = as given)",
    ),
    ("settings", "discount_rate"): ("Real kalkylränta", "Real discount rate"),
    ("settings", "municipal_tax_rate"): (
        "Kommunalskatt, kommun och region",
        "Municipal income tax rate, kommun and region",
    ),
    ("settings", "kommun_tax_share"): (
        "Kommunens andel av kommunalskatten",
        "The kommun's share of the municipal income tax",
    ),
    ("settings", "employer_contribution_rate"): (
        "Arbetsgivaravgifter",
        "Employer contribution rate",
    ),
}
"""How a parameter reads, by its key's section and field (see ``engine.ParameterKey``)."""
PARAMETER_LABELS.update(OUTCOME_PARAMETER_LABELS)  # outcomes: language/outcomes.py


def parameter_label(section: str, field: str, lang: Lang = "sv", **names: object) -> str:
    """A parameter in words, from its key's ``section`` and ``field`` and the ``names``.

    Parameters
    ----------
    section, field
        The parameter key's section (``"baseline"``) and field (``"exit_rate"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).
    **names
        What fills the label: ``item``, ``index``, ``name``, ``year``.

    Returns
    -------
    str
        The label; ``"section.field"`` when there is none.

    Examples
    --------
    >>> parameter_label("baseline", "exit_rate", "sv", item="HVB-placering")
    'Årligt utflöde från HVB-placering utan insatsen'
    >>> parameter_label("cost_items", "unit_cost", "en", item="HVB", year=2018)
    'HVB (2018 prices)'
    """
    pair = PARAMETER_LABELS.get((section, field))
    if pair is None:
        return f"{section}.{field}"
    return (pair[0] if lang == "sv" else pair[1]).format(**names)

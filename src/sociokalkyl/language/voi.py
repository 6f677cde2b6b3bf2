"""The words of comparison groups and of what to measure next, Swedish and English."""

from __future__ import annotations

from sociokalkyl.language.labels import Lang

__all__ = ["VOI_LABELS", "voi_label"]

VOI_LABELS: dict[str, tuple[str, str]] = {
    # comparison groups (sociokalkyl effekt)
    "did_title": (
        "Effekt från jämförelsegrupper (skillnad i skillnader)",
        "Effect from comparison groups (difference in differences)",
    ),
    "treated": ("Insatsgrupp", "Treated group"),
    "comparison": ("Jämförelsegrupp", "Comparison group"),
    "group": ("Grupp", "Group"),
    "before": ("Före", "Before"),
    "after": ("Efter", "After"),
    "change": ("Förändring", "Change"),
    "size": ("Antal", "Size"),
    "effect": ("Effekt", "Effect"),
    "se": ("Medelfel", "Standard error"),
    "pp": ("procentenheter", "percentage points"),
    "range": ("Intervall", "Range"),
    "mean_effect": ("Effekt, medelvärde", "Effect, mean"),
    "sd_effect": (
        "Standardavvikelse (urvalsfel och skillnad mellan jämförelsegrupperna)",
        "Standard deviation (sampling error and spread between comparison groups)",
    ),
    "for_uncertainty": ("Till tabellen [uncertainty]", "For the [uncertainty] table"),
    "use_note": (
        "Effekten gånger användningen utan insatsen ({use} per deltagare och år)",
        "The effect times the use without the intervention ({use} per participant and year)",
    ),
    "deadweight_note": (
        "Jämfört med en kontrollgrupp är dödvikten redan avräknad; en före-efter-jämförelse "
        "utan kontrollgrupp kan inte utesluta den.",
        "Measured against a control group, deadweight is already excluded; a before-after "
        "comparison without one cannot exclude it.",
    ),
    # value of information (sociokalkyl vardet-av-information)
    "voi_title": ("Vad är värt att mäta? {name}", "What is worth measuring? {name}"),
    "perspective": ("Perspektiv", "Perspective"),
    "total": ("totalt", "total"),
    "expected_npv": ("Förväntat nettonuvärde", "Expected NPV"),
    "decision": ("Beslut utan mer information", "Decision without more information"),
    "invest": ("investera", "invest"),
    "do not invest": ("avstå", "do not invest"),
    "evpi": (
        "Värdet av fullständig information (EVPI)",
        "Expected value of perfect information (EVPI)",
    ),
    "evppi_all": (
        "EVPPI för alla parametrar tillsammans (kontroll, bör ligga nära EVPI)",
        "EVPPI of all parameters together (a check: close to EVPI)",
    ),
    "prob_mandate": (
        "Sannolikhet att återbetalas inom mandatperioden ({years} år)",
        "Probability of payback within the mandate period ({years} years)",
    ),
    "rank": ("Rang", "Rank"),
    "parameter": ("Parameter", "Parameter"),
    "evppi": ("Värde av att veta (EVPPI)", "Value of knowing (EVPPI)"),
    "share_of_evpi": ("Andel av EVPI", "Share of EVPI"),
    "variance_share": ("Förklarad andel av spridningen", "Share of the spread explained"),
    "draws": ("Antal dragningar", "Draws"),
    "no_change_note": (
        "Ingen enskild parameter kan ändra beslutet (alla EVPPI 0): att mäta en av dem "
        "ändrar inte valet. Ordningen följer hur mycket av spridningen var och en förklarar.",
        "No single parameter can change the decision (every EVPPI 0): measuring one of "
        "them would not change the choice. The order follows the share of the spread each "
        "explains.",
    ),
}
"""Labels of ``sociokalkyl effekt`` and ``sociokalkyl vardet-av-information``."""


def voi_label(key: str, lang: Lang = "sv", **values: object) -> str:
    """A label of :data:`VOI_LABELS` in ``lang``, filled with ``values``.

    Parameters
    ----------
    key
        A key of :data:`VOI_LABELS`.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).
    **values
        The fields of the label's format string (``name``, ``years``, ``use``).

    Returns
    -------
    str
        The label (the key itself when there is none).

    Examples
    --------
    >>> voi_label("prob_mandate", years=4)
    'Sannolikhet att återbetalas inom mandatperioden (4 år)'
    """
    pair = VOI_LABELS.get(key)
    text = key if pair is None else (pair[0] if lang == "sv" else pair[1])
    return text.format(**values) if values else text

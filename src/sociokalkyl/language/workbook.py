"""The words of the xlsx report, Swedish and English; shared words come from the report's."""

from __future__ import annotations

from sociokalkyl.language.labels import CONFIDENCE_WORDS, LABELS, confidence_label, pick
from sociokalkyl.language.simulation import SIMULATION_LABELS

__all__ = ["WORKBOOK_LABELS", "confidence_legend", "workbook_label"]


def _with_unit(key: str, unit: tuple[str, str]) -> tuple[str, str]:
    return (f"{LABELS[key][0]}, {unit[0]}", f"{LABELS[key][1]}, {unit[1]}")


_KR = ("kr", "SEK")
_YEARS = ("år", "years")

WORKBOOK_LABELS: dict[str, tuple[str, str]] = {
    # the xlsx report (report/excel.py): (svenska, English); shared words come from LABELS
    "summary": ("Sammanfattning", "Summary"),
    "years": ("År", "Years"),
    "assumptions": ("Antaganden", "Assumptions"),
    "title": ("{name}: samhällsekonomisk kalkyl", "{name}: social cost-benefit analysis"),
    "basis": (
        "Kronor i {price_year} års priser; nuvärden per basåret {base_year} (år 0, odiskonterat).",
        "SEK in {price_year} prices; present values at base year {base_year} "
        "(year 0, undiscounted).",
    ),
    "results": ("Resultat", "Results"),
    "how": ("Hur det räknas", "How it is calculated"),
    "npv": _with_unit("npv", _KR),
    "npv_how": (
        "Summan av diskonterat netto (År, kolumn H)",
        "Sum of discounted net (Years, H)",
    ),
    "pv_costs": _with_unit("pv_costs", _KR),
    "pv_costs_how": (
        "SUMPRODUCT av kostnader och diskonteringsfaktorer (År, C och G)",
        "SUMPRODUCT of costs and discount factors (Years, C and G)",
    ),
    "pv_avoided": _with_unit("pv_avoided", _KR),
    "pv_avoided_how": (
        "SUMPRODUCT av undvikna kostnader och faktorer (År, D och G)",
        "SUMPRODUCT of avoided costs and factors (Years, D and G)",
    ),
    "bcr": LABELS["bcr"],
    "bcr_how": ("Nuvärde undvikna / nuvärde kostnader", "PV avoided / PV costs"),
    "payback": _with_unit("payback", _YEARS),
    "payback_how": (
        "Sista året kumulativt netto går från negativt till icke-negativt: "
        "år + (-kumulativt)/nästa års netto (År, kolumn K)",
        "Last year the cumulative net turns non-negative: "
        "year + (-cumulative)/next year's net (Years, K)",
    ),
    "payback_d": _with_unit("payback_discounted", _YEARS),
    "payback_d_how": (
        "Som ovan på diskonterat netto (År, kolumn L)",
        "The same on discounted net (Years, L)",
    ),
    "never": LABELS["not_within"],
    "irr": LABELS["irr"],
    "computed": (
        "Beräknad av sociokalkyl (ett tal, ingen formel)",
        "Computed by sociokalkyl (a number)",
    ),
    "break_even": LABELS["break_even_effect"],
    "excel_npv": ("Kontroll: samma NPV med Excels NPV()", "Check: the same NPV with Excel's NPV()"),
    "excel_npv_how": (
        "NPV() diskonterar sitt första värde, så år 0 läggs till odiskonterat: "
        "=NPV(ränta; år 1..N) + år 0",
        "NPV() discounts its first value, so year 0 is added undiscounted: "
        "=NPV(rate, year 1..N) + year 0",
    ),
    "settings": ("Inställningar", "Settings"),
    "intervention": SIMULATION_LABELS["intervention"],
    "base_year": ("Basår (år 0)", "Base year (year 0)"),
    "price_year": SIMULATION_LABELS["price_year"],
    "horizon": SIMULATION_LABELS["horizon"],
    "discounting": ("Diskontering", "Discounting"),
    "rate": ("Diskonteringsränta (real)", "Discount rate (real)"),
    "rate_how": (
        "Ändra räntan här: bladet År och resultaten räknas om",
        "Change the rate here: all sheets follow",
    ),
    "schedule": (
        "Räntor per år enligt schema: År, kolumn F",
        "Yearly rates of the schedule: Years, column F",
    ),
    "by_payer": LABELS["by_payer"],
    "payer": LABELS["payer"],
    "by_item": LABELS["by_cost_item"],
    "key": ("Nyckel", "Key"),
    "name": LABELS["name"],
    "pv_baseline": _with_unit("pv_baseline", _KR),
    "year": LABELS["year"],
    "calendar_year": LABELS["calendar_year"],
    "costs": LABELS["costs"],
    "avoided": LABELS["avoided"],
    "net": LABELS["net"],
    "year_rate": ("Diskonteringsränta", "Discount rate"),
    "factor": LABELS["discount_factor"],
    "discounted_net": LABELS["discounted_net"],
    "cumulative": LABELS["cumulative_net"],
    "cumulative_d": LABELS["cumulative_discounted_net"],
    "helper": ("Återbetalning (hjälpkolumn)", "Payback (helper)"),
    "helper_d": ("Diskonterad återbetalning (hjälpkolumn)", "Discounted payback (helper)"),
    "total": ("Summa", "Total"),
    "years_title": (
        "Årliga flöden, kr i {price_year} års priser. Flödena är tal; övriga kolumner är formler.",
        "Yearly flows, SEK in {price_year} prices. Flows are numbers; the other columns "
        "are formulas.",
    ),
    "log_title": LABELS["assumptions"],
    "what": LABELS["what"],
    "in_words": ("I ord", "In words"),
    "unit_cost": LABELS["kind_cost_item"],
    "rebased": ("Omräknad till analysens prisår", "Rebased to the analysis price year"),
    "analysis_year": ("Analysens prisår", "Analysis price year"),
    "index": ("Prisindex", "Price index"),
    "source": LABELS["source"],
    "confidence": LABELS["confidence"],
    "geography": ("Geografi", "Geography"),
    "parameters": ("Parametrar (indata som de angavs)", "Parameters (inputs as given)"),
    "parameter": ("Parameter", "Parameter"),
    "value": LABELS["value"],
    "unit": ("Enhet", "Unit"),
    "description": ("Beskrivning", "Description"),
    "uncertainty": ("Osäkerhet", "Uncertainty"),
    "uncertainty_title": LABELS["simulation"],
    "uncertainty_note": (
        "Sammanfattning av simuleringen över [uncertainty]; kr i kalkylens priser. Talen är "
        "beräknade av sociokalkyl (inga formler).",
        "Summary of the simulation over [uncertainty]; SEK in the analysis prices. Computed "
        "by sociokalkyl (numbers, no formulas).",
    ),
    "uncertainty_metrics": (
        "Fördelning per mått, betalare och kostnadspost",
        "Spread by metric, payer and cost item",
    ),
}
"""Labels of the xlsx report; the words it shares with the text report are the same."""


def confidence_legend(lang: str = "sv") -> str:
    """The confidence marks and their words on one line, as the workbooks show them.

    Parameters
    ----------
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        ``"Säkerhet: S: står i källan, ..."``.

    Examples
    --------
    >>> confidence_legend()
    'Säkerhet: S: står i källan, S2: andrahandskälla, D: härlett, A: antagande.'
    """
    marks = ", ".join(confidence_label(m, lang) for m in CONFIDENCE_WORDS if m is not None)
    return f"{pick(LABELS['confidence'], lang)}: {marks}."


def workbook_label(key: str, lang: str = "sv") -> str:
    """A label of the xlsx report; ``"legend"`` is :func:`confidence_legend`.

    Parameters
    ----------
    key
        A key of :data:`WORKBOOK_LABELS`, or ``"legend"``.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The label; the key itself when there is none.

    Examples
    --------
    >>> workbook_label("npv"), workbook_label("npv", "en")
    ('Nettonuvärde, kr', 'Net present value, SEK')
    """
    if key == "legend":
        return confidence_legend(lang)
    pair = WORKBOOK_LABELS.get(key)
    return key if pair is None else pick(pair, lang)

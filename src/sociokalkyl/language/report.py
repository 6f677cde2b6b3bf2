"""The words of the printable report (HTML, PDF) and of the xlsx report's charts.

Shared words (net present value, payer, source, confidence) come from
:data:`~sociokalkyl.language.labels.LABELS`; this table holds the report's own.
"""

from __future__ import annotations

from sociokalkyl.language.breakdown import BREAKDOWN_LABELS
from sociokalkyl.language.labels import LABELS, Lang, pick

__all__ = ["REPORT_LABELS", "report_label"]

REPORT_LABELS: dict[str, tuple[str, str]] = {
    "doc_title": ("{name}: samhällsekonomisk kalkyl", "{name}: social cost-benefit analysis"),
    "subtitle": (
        "Underlag för nämnden. Kronor i {price_year} års priser, nuvärden per basåret "
        "{base_year}; {discounting}.",
        "Decision paper. SEK in {price_year} prices, present values at base year "
        "{base_year}; {discounting}.",
    ),
    "made_by": ("Framtagen med sociokalkyl {version}", "Made with sociokalkyl {version}"),
    "summary": ("Sammanfattning", "Summary"),
    "key_figures": ("Nyckeltal", "Key figures"),
    "by_payer": LABELS["by_payer"],
    "perspectives": ("Perspektiv", "Perspectives"),
    "charts": ("Diagram", "Charts"),
    "assumptions": LABELS["assumptions"],
    "warnings": ("Rimlighetsvarningar", "Plausibility warnings"),
    "warnings_none": (
        "Inga värden utanför de rimliga intervallen.",
        "No value outside the plausible ranges.",
    ),
    "unpriced": BREAKDOWN_LABELS["unpriced.short"],
    "simulation": ("Osäkerhet (Monte Carlo)", "Uncertainty (Monte Carlo)"),
    "tornado": ("Känslighet (tornado)", "Sensitivity (tornado)"),
    "weak": ("svag källa", "weak source"),
    "weak_note": (
        "Rader markerade {mark} har svag proveniens (säkerhet S2, D eller A, eller ingen "
        "angiven) och bör kontrolleras innan beslut.",
        "Rows marked {mark} have weak provenance (confidence S2, D or A, or none given) and "
        "should be checked before a decision.",
    ),
    "figure": ("Värde", "Figure"),
    "payer": LABELS["payer"],
    "npv": LABELS["npv"],
    "bcr": LABELS["bcr"],
    "payback": LABELS["payback"],
    "payback_discounted": LABELS["payback_discounted"],
    "pv_costs": LABELS["pv_costs"],
    "pv_avoided": LABELS["pv_avoided"],
    "irr": LABELS["irr"],
    "break_even": LABELS["break_even_effect"],
    "prob_npv_positive": ("Sannolikhet för nettonuvärde > 0", "Probability of NPV > 0"),
    # charts
    "chart_cumulative": ("Ackumulerat netto", "Cumulative net"),
    "chart_cumulative_d": ("Ackumulerat diskonterat netto", "Cumulative discounted net"),
    "chart_payback": ("Återbetalning efter {years}", "Payback after {years}"),
    "chart_no_payback": ("Återbetalas inte inom horisonten", "No payback within the horizon"),
    "chart_flows": (
        "Insatsens kostnader och undvikna kostnader per år",
        "Intervention costs and avoided costs by year",
    ),
    "chart_flows_payer": (
        "Kostnader och undvikna kostnader per år: {payer}",
        "Costs and avoided costs by year: {payer}",
    ),
    "chart_costs": ("Insatsens kostnader", "Intervention costs"),
    "chart_avoided": ("Undvikna kostnader", "Avoided costs"),
    "chart_year": ("År", "Year"),
    "chart_mnkr": ("mnkr", "MSEK"),
    "chart_kr": ("kr", "SEK"),
    "chart_distribution": (
        "Nettonuvärde över {draws} dragningar; P(NPV > 0) = {p}",
        "Net present value over {draws} draws; P(NPV > 0) = {p}",
    ),
    "chart_draws": ("Antal dragningar", "Number of draws"),
    "chart_tornado": (
        "Nettonuvärde, en parameter i taget från lågt till högt värde",
        "Net present value, one parameter at a time from low to high",
    ),
    "chart_low": ("lågt värde", "low value"),
    "chart_high": ("högt värde", "high value"),
    "chart_base": ("grundkalkyl", "base case"),
    # messages
    "no_weasyprint": (
        "PDF-rapporten behöver WeasyPrint, som inte är installerat. Installera det med "
        "pip install 'sociokalkyl[pdf]' (eller skriv rapporten som .html och skriv ut den "
        "från webbläsaren).",
        "The PDF report needs WeasyPrint, which is not installed. Install it with "
        "pip install 'sociokalkyl[pdf]' (or write the report as .html and print it from "
        "a browser).",
    ),
    "no_pango": (
        "PDF-rapporten behöver systembiblioteket Pango för WeasyPrint ({error}). Installera "
        "det, t.ex. apt-get install libpango-1.0-0 libpangoft2-1.0-0 (se WeasyPrints "
        "installationsanvisning), eller skriv rapporten som .html.",
        "The PDF report needs the system library Pango for WeasyPrint ({error}). Install "
        "it, e.g. apt-get install libpango-1.0-0 libpangoft2-1.0-0 (see WeasyPrint's "
        "installation guide), or write the report as .html.",
    ),
    "no_matplotlib": (
        "Rapportens diagram behöver matplotlib, som inte är installerat. Installera det "
        "med pip install 'sociokalkyl[pdf]'.",
        "The report's charts need matplotlib, which is not installed. Install it with "
        "pip install 'sociokalkyl[pdf]'.",
    ),
    "no_fetch": (
        "Rapporten hämtar inget utifrån; adressen {url} nekades.",
        "The report fetches nothing from outside; the address {url} was refused.",
    ),
}
"""Labels of the printable report and the charts: ``key: (svenska, English)``."""


def report_label(key: str, lang: Lang = "sv", **values: object) -> str:
    """A label of the printable report, with ``{placeholders}`` filled from ``values``.

    Parameters
    ----------
    key
        The label's key in :data:`REPORT_LABELS`.
    lang
        ``"sv"`` or ``"en"``.
    **values
        Values for the label's placeholders.

    Returns
    -------
    str
        The label; the key itself when there is none.

    Examples
    --------
    >>> report_label("chart_payback", years="3,2 år")
    'Återbetalning efter 3,2 år'
    >>> report_label("summary", "en")
    'Summary'
    """
    pair = REPORT_LABELS.get(key)
    if pair is None:
        return key
    text = pick(pair, lang)
    return text.format(**values) if values else text

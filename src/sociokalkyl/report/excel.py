"""The xlsx report: summary, yearly flows and assumptions, with live Excel formulas.

The yearly flows (intervention costs and avoided costs, in total and per payer) are
numbers; everything computed from them is an Excel formula: net, the discount rate of
each year, the chained discount factor, discounted net, the cumulative sums, the
payback helper columns, and on the summary sheet NPV, the present values, the
benefit-cost ratio and the payback periods. A board can audit every step and change
the discount rate in one cell.

Conventions (as in :mod:`sociokalkyl.finance`): year 0 is undiscounted; the factor of
year t is ``f(t) = f(t-1) / (1 + r_t)``; payback is fractional, with flows accruing
evenly over each year, at the last year in which the cumulative net turns from
negative to non-negative: ``t + (-C_t) / v_(t+1)``.

Examples
--------
>>> import tempfile, pathlib, openpyxl
>>> from sociokalkyl import evaluate
>>> from sociokalkyl.examples import servicetrainee
>>> path = pathlib.Path(tempfile.mkdtemp()) / "rapport.xlsx"
>>> write_report(evaluate(*servicetrainee()), path)
>>> openpyxl.load_workbook(path).sheetnames
['Sammanfattning', 'År', 'Antaganden']
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from sociokalkyl._atomic import atomic_save
from sociokalkyl.errors import InputError
from sociokalkyl.report.formats import Lang, format_unit_text, simulation_label

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = ["REPORT_SHEETS", "write_report"]

REPORT_SHEETS = ("Sammanfattning", "År", "Antaganden")
"""The report's sheets (Swedish); in English: Summary, Years, Assumptions. With a Monte
Carlo simulation a fourth sheet, Osäkerhet (Uncertainty), follows."""


_TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "summary": "Sammanfattning",
        "years": "År",
        "assumptions": "Antaganden",
        "title": "{name}: samhällsekonomisk kalkyl",
        "basis": "Kronor i {price_year} års priser; nuvärden per basåret {base_year} (år 0, "
        "odiskonterat).",
        "results": "Resultat",
        "how": "Hur det räknas",
        "npv": "Nettonuvärde (NPV), kr",
        "npv_how": "Summan av diskonterat netto (År, kolumn H)",
        "pv_costs": "Nuvärde av insatsens kostnader, kr",
        "pv_costs_how": "SUMPRODUCT av kostnader och diskonteringsfaktorer (År, C och G)",
        "pv_avoided": "Nuvärde av undvikna kostnader, kr",
        "pv_avoided_how": "SUMPRODUCT av undvikna kostnader och faktorer (År, D och G)",
        "bcr": "Nytta-kostnadskvot",
        "bcr_how": "Nuvärde undvikna / nuvärde kostnader",
        "payback": "Återbetalningstid, år",
        "payback_how": "Sista året kumulativt netto går från negativt till icke-negativt: "
        "år + (-kumulativt)/nästa års netto (År, kolumn K)",
        "payback_d": "Diskonterad återbetalningstid, år",
        "payback_d_how": "Som ovan på diskonterat netto (År, kolumn L)",
        "never": "inte inom horisonten",
        "irr": "Internränta (IRR)",
        "computed": "Beräknad av sociokalkyl (ett tal, ingen formel)",
        "break_even": "Brytpunkt: andel av antagen effekt som ger NPV 0",
        "excel_npv": "Kontroll: samma NPV med Excels NPV()",
        "excel_npv_how": "NPV() diskonterar sitt första värde, så år 0 läggs till "
        "odiskonterat: =NPV(ränta; år 1..N) + år 0",
        "settings": "Inställningar",
        "intervention": "Insats",
        "base_year": "Basår (år 0)",
        "price_year": "Prisår",
        "horizon": "Horisont, år",
        "discounting": "Diskontering",
        "rate": "Diskonteringsränta (real)",
        "rate_how": "Ändra räntan här: bladet År och resultaten räknas om",
        "schedule": "Räntor per år enligt schema: År, kolumn F",
        "by_payer": "Per betalare",
        "payer": "Betalare",
        "by_item": "Per kostnadspost",
        "key": "Nyckel",
        "name": "Namn",
        "pv_baseline": "Nuvärde av baslinjens kostnad, kr",
        "year": "År",
        "calendar_year": "Kalenderår",
        "costs": "Insatsens kostnader",
        "avoided": "Undvikna kostnader",
        "net": "Netto",
        "year_rate": "Diskonteringsränta",
        "factor": "Diskonteringsfaktor",
        "discounted_net": "Diskonterat netto",
        "cumulative": "Kumulativt netto",
        "cumulative_d": "Kumulativt diskonterat netto",
        "helper": "Återbetalning (hjälpkolumn)",
        "helper_d": "Diskonterad återbetalning (hjälpkolumn)",
        "total": "Summa",
        "years_title": "Årliga flöden, kr i {price_year} års priser. Flödena är tal; "
        "övriga kolumner är formler.",
        "log_title": "Antaganden och källor",
        "unit_cost": "Enhetskostnad",
        "rebased": "Omräknad till analysens prisår",
        "analysis_year": "Analysens prisår",
        "index": "Prisindex",
        "source": "Källa",
        "confidence": "Säkerhet",
        "geography": "Geografi",
        "parameters": "Parametrar (indata som de angavs)",
        "parameter": "Parameter",
        "value": "Värde",
        "unit": "Enhet",
        "description": "Beskrivning",
        "legend": "Säkerhet: S sett i källan, S2 andrahandskälla, D härlett, A antagande.",
        "uncertainty": "Osäkerhet",
        "uncertainty_title": "Osäkerhet (Monte Carlo)",
        "uncertainty_note": "Sammanfattning av simuleringen över [uncertainty]; kr i "
        "kalkylens priser. Talen är beräknade av sociokalkyl (inga formler).",
        "uncertainty_metrics": "Fördelning per mått, betalare och kostnadspost",
    },
    "en": {
        "summary": "Summary",
        "years": "Years",
        "assumptions": "Assumptions",
        "title": "{name}: social cost-benefit analysis",
        "basis": "SEK in {price_year} prices; present values at base year {base_year} "
        "(year 0, undiscounted).",
        "results": "Results",
        "how": "How it is calculated",
        "npv": "Net present value (NPV), SEK",
        "npv_how": "Sum of discounted net (Years, H)",
        "pv_costs": "PV of intervention costs, SEK",
        "pv_costs_how": "SUMPRODUCT of costs and discount factors (Years, C and G)",
        "pv_avoided": "PV of avoided costs, SEK",
        "pv_avoided_how": "SUMPRODUCT of avoided costs and factors (Years, D and G)",
        "bcr": "Benefit-cost ratio",
        "bcr_how": "PV avoided / PV costs",
        "payback": "Payback, years",
        "payback_how": "Last year the cumulative net turns non-negative: "
        "year + (-cumulative)/next year's net (Years, K)",
        "payback_d": "Discounted payback, years",
        "payback_d_how": "The same on discounted net (Years, L)",
        "never": "not within the horizon",
        "irr": "Internal rate of return (IRR)",
        "computed": "Computed by sociokalkyl (a number)",
        "break_even": "Break-even: share of the assumed effect giving NPV 0",
        "excel_npv": "Check: the same NPV with Excel's NPV()",
        "excel_npv_how": "NPV() discounts its first value, so year 0 is added "
        "undiscounted: =NPV(rate, year 1..N) + year 0",
        "settings": "Settings",
        "intervention": "Intervention",
        "base_year": "Base year (year 0)",
        "price_year": "Price year",
        "horizon": "Horizon, years",
        "discounting": "Discounting",
        "rate": "Discount rate (real)",
        "rate_how": "Change the rate here: all sheets follow",
        "schedule": "Yearly rates of the schedule: Years, column F",
        "by_payer": "By payer",
        "payer": "Payer",
        "by_item": "By cost item",
        "key": "Key",
        "name": "Name",
        "pv_baseline": "PV of baseline cost, SEK",
        "year": "Year",
        "calendar_year": "Calendar year",
        "costs": "Intervention costs",
        "avoided": "Avoided costs",
        "net": "Net",
        "year_rate": "Discount rate",
        "factor": "Discount factor",
        "discounted_net": "Discounted net",
        "cumulative": "Cumulative net",
        "cumulative_d": "Cumulative discounted net",
        "helper": "Payback (helper)",
        "helper_d": "Discounted payback (helper)",
        "total": "Total",
        "years_title": "Yearly flows, SEK in {price_year} prices. Flows are numbers; the "
        "other columns are formulas.",
        "log_title": "Assumptions and sources",
        "unit_cost": "Unit cost",
        "rebased": "Rebased to the analysis price year",
        "analysis_year": "Analysis price year",
        "index": "Price index",
        "source": "Source",
        "confidence": "Confidence",
        "geography": "Geography",
        "parameters": "Parameters (inputs as given)",
        "parameter": "Parameter",
        "value": "Value",
        "unit": "Unit",
        "description": "Description",
        "legend": "Confidence: S seen in source, S2 secondary, D derived, A assumption.",
        "uncertainty": "Uncertainty",
        "uncertainty_title": "Uncertainty (Monte Carlo)",
        "uncertainty_note": "Summary of the simulation over [uncertainty]; SEK in the "
        "analysis prices. Computed by sociokalkyl (numbers, no formulas).",
        "uncertainty_metrics": "Spread by metric, payer and cost item",
    },
}

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_KR, _YEARS, _RATE, _FACTOR = "#,##0", "0.00", "0.00%", "0.000000"
FIRST = 3
"""First data row of the yearly sheet (headings in row 2)."""


def _ref(sheet: str, cell: str) -> str:
    return f"'{sheet}'!{cell}"


def _payback(sheet: str, cumulative: str, helper: str, last: int, never: str) -> str:
    """The payback formula: the largest crossing in the helper column, or the word."""
    return (
        f'=IF({_ref(sheet, f"{cumulative}{last}")}<0,"{never}",'
        f"MAX({_ref(sheet, f'{helper}{FIRST}:{helper}{last}')}))"
    )


TOTAL_COLUMNS = ("C", "D", "E", "H", "I", "J", "K", "L")
"""Yearly sheet, total flows: costs, avoided, net, discounted net, cumulative, cumulative
discounted, payback helper, discounted payback helper (F is the rate, G the factor)."""


def payer_columns(k: int) -> tuple[str, ...]:
    """The same eight columns for the k-th payer (0-based), from column M on."""
    return tuple(get_column_letter(13 + 8 * k + i) for i in range(8))


def _flow_block(
    ws: Any, letters: tuple[str, ...], costs: list[float], avoided: list[float], factor: str
) -> None:
    """Write costs, avoided (numbers) and net, discounted, cumulative, helpers (formulas)."""
    c, a, n, d, cu, cd, h, hd = letters
    last = FIRST + len(costs) - 1
    for t in range(len(costs)):
        r = FIRST + t
        ws[f"{c}{r}"], ws[f"{a}{r}"] = costs[t], avoided[t]
        ws[f"{n}{r}"] = f"={a}{r}-{c}{r}"
        ws[f"{d}{r}"] = f"={n}{r}*{factor}{r}"
        ws[f"{cu}{r}"] = f"={n}{r}" if t == 0 else f"={cu}{r - 1}+{n}{r}"
        ws[f"{cd}{r}"] = f"={d}{r}" if t == 0 else f"={cd}{r - 1}+{d}{r}"
        if r < last:
            ws[f"{h}{r}"] = f'=IF(AND({cu}{r}<0,{cu}{r + 1}>=0),{t}+(-{cu}{r})/{n}{r + 1},"")'
            ws[f"{hd}{r}"] = f'=IF(AND({cd}{r}<0,{cd}{r + 1}>=0),{t}+(-{cd}{r})/{d}{r + 1},"")'
        for letter in (c, a, n, d, cu, cd):
            ws[f"{letter}{r}"].number_format = _KR
        ws[f"{h}{r}"].number_format = ws[f"{hd}{r}"].number_format = _YEARS
    for letter in (c, a, n, d):
        ws[f"{letter}{last + 1}"] = f"=SUM({letter}{FIRST}:{letter}{last})"
        ws[f"{letter}{last + 1}"].number_format = _KR
        ws[f"{letter}{last + 1}"].font = _BOLD


def _yearly_sheet(ws: Any, result: Result, text: dict[str, str], rate_cell: str | None) -> None:
    plan, horizon = result.plan, result.plan.horizon
    last = FIRST + horizon - 1
    table = result.table()
    factors = result.projection.factors[:, 0]
    ws["A1"] = text["years_title"].format(price_year=plan.price_year)
    ws["A1"].font = _BOLD
    headers = [
        text[k]
        for k in (
            "year",
            "calendar_year",
            "costs",
            "avoided",
            "net",
            "year_rate",
            "factor",
            "discounted_net",
            "cumulative",
            "cumulative_d",
            "helper",
            "helper_d",
        )
    ]
    payers = _active_payers(result)
    for payer in payers:
        headers += [
            f"{payer}: {text[k].lower()}"
            for k in (
                "costs",
                "avoided",
                "net",
                "discounted_net",
                "cumulative",
                "cumulative_d",
                "helper",
                "helper_d",
            )
        ]
    for j, header in enumerate(headers, start=1):
        ws.cell(2, j, header).font = _BOLD
        ws.column_dimensions[get_column_letter(j)].width = 16
    for t, row in enumerate(table):
        r = FIRST + t
        ws[f"A{r}"], ws[f"B{r}"] = t, row["calendar_year"]
        if t == 0:
            ws[f"G{r}"] = 1
        else:
            if rate_cell is not None:
                ws[f"F{r}"] = f"={rate_cell}"
            else:
                ws[f"F{r}"] = float(factors[t - 1] / factors[t] - 1.0)
            ws[f"G{r}"] = f"=G{r - 1}/(1+F{r})"
        ws[f"F{r}"].number_format = _RATE
        ws[f"G{r}"].number_format = _FACTOR
    _flow_block(
        ws,
        TOTAL_COLUMNS,
        [float(r["costs"]) for r in table],
        [float(r["avoided"]) for r in table],
        "G",
    )
    by_payer = result.yearly_by_payer()
    for k, payer in enumerate(payers):
        rows = [row for row in by_payer if row["payer"] == payer]
        _flow_block(
            ws,
            payer_columns(k),
            [float(r["costs"]) for r in rows],
            [float(r["avoided"]) for r in rows],
            "G",
        )
    ws[f"A{last + 1}"] = text["total"]
    ws[f"A{last + 1}"].font = _BOLD
    ws.freeze_panes = f"C{FIRST}"


def _active_payers(result: Result) -> list[str]:
    names = {str(row["payer"]) for row in result.yearly_by_payer()}
    return [p for p in result.plan.payers if p in names]


def _summary_sheet(
    ws: Any, result: Result, text: dict[str, str], years: str, lang: Lang
) -> str | None:
    """Write the summary; return the rate cell (for a constant rate) the yearly sheet uses."""
    plan = result.plan
    last = FIRST + plan.horizon - 1
    constant = plan.fixed_discount_factors is None and "settings.discount_rate" in plan.parameters
    ws.column_dimensions["A"].width = 48
    ws.column_dimensions["B"].width = 22
    for letter in "CDEF":
        ws.column_dimensions[letter].width = 22
    ws["A1"] = text["title"].format(name=plan.intervention_name)
    ws["A1"].font = _TITLE
    ws["A2"] = text["basis"].format(price_year=plan.price_year, base_year=plan.base_year)
    settings_row = 17
    rate_row = settings_row + 6
    rate_cell = f"$B${rate_row}" if constant else None
    ws["A4"], ws["C4"] = text["results"], text["how"]
    ws["A4"].font = ws["C4"].font = _BOLD
    y = {k: _ref(years, f"{k}{FIRST}:{k}{last}") for k in "CDEGH"}
    rows: list[tuple[str, Any, str, str]] = [
        ("npv", f"=SUM({y['H']})", "npv_how", _KR),
        ("pv_costs", f"=SUMPRODUCT({y['C']},{y['G']})", "pv_costs_how", _KR),
        ("pv_avoided", f"=SUMPRODUCT({y['D']},{y['G']})", "pv_avoided_how", _KR),
        ("bcr", '=IF(B6=0,"–",B7/B6)', "bcr_how", _YEARS),
        ("payback", _payback(years, "I", "K", last, text["never"]), "payback_how", _YEARS),
        ("payback_d", _payback(years, "J", "L", last, text["never"]), "payback_d_how", _YEARS),
        ("irr", "–" if math.isnan(result.irr) else result.irr, "computed", _RATE),
        (
            "break_even",
            "–" if math.isnan(result.break_even_effect) else result.break_even_effect,
            "computed",
            _YEARS,
        ),
    ]
    if constant and plan.horizon > 1:
        net = _ref(years, f"E{FIRST + 1}:E{last}")
        rows.append(
            (
                "excel_npv",
                f"=NPV({rate_cell},{net})+{_ref(years, f'E{FIRST}')}",
                "excel_npv_how",
                _KR,
            )
        )
    for i, (label, value, how, fmt) in enumerate(rows, start=5):
        ws.cell(i, 1, text[label])
        ws.cell(i, 2, value).number_format = fmt
        ws.cell(i, 3, text[how])
    ws["B5"].font = _BOLD
    ws.cell(settings_row, 1, text["settings"]).font = _BOLD
    rate: Any = plan.parameters["settings.discount_rate"].value if constant else text["schedule"]
    for i, (label, value) in enumerate(
        [
            ("intervention", plan.intervention_name),
            ("base_year", plan.base_year),
            ("price_year", plan.price_year),
            ("horizon", plan.horizon),
            ("discounting", plan.discounting_text(lang)),
            ("rate", rate),
        ],
        start=settings_row + 1,
    ):
        ws.cell(i, 1, text[label])
        ws.cell(i, 2, value)
    if constant:
        ws.cell(rate_row, 2).number_format = _RATE
        ws.cell(rate_row, 2).fill = _INPUT
        ws.cell(rate_row, 3, text["rate_how"])
    row = settings_row + 8
    ws.cell(row, 1, text["by_payer"]).font = _BOLD
    for j, key in enumerate(
        ("payer", "pv_costs", "pv_avoided", "npv", "payback", "payback_d"), start=1
    ):
        ws.cell(row + 1, j, text[key]).font = _BOLD
    for k, payer in enumerate(_active_payers(result)):
        c, a, _, d, cu, cd, h, hd = payer_columns(k)
        r = row + 2 + k
        g = y["G"]
        ws.cell(r, 1, payer)
        ws.cell(r, 2, f"=SUMPRODUCT({_ref(years, f'{c}{FIRST}:{c}{last}')},{g})")
        ws.cell(r, 3, f"=SUMPRODUCT({_ref(years, f'{a}{FIRST}:{a}{last}')},{g})")
        ws.cell(r, 4, f"=SUM({_ref(years, f'{d}{FIRST}:{d}{last}')})")
        ws.cell(r, 5, _payback(years, cu, h, last, text["never"]))
        ws.cell(r, 6, _payback(years, cd, hd, last, text["never"]))
        for j, fmt in zip(range(2, 7), (_KR, _KR, _KR, _YEARS, _YEARS), strict=True):
            ws.cell(r, j).number_format = fmt
    row += 3 + len(_active_payers(result))
    ws.cell(row, 1, text["by_item"]).font = _BOLD
    for j, key in enumerate(("key", "name", "payer", "pv_baseline", "pv_avoided"), start=1):
        ws.cell(row + 1, j, text[key]).font = _BOLD
    for i, item in enumerate(result.by_cost_item(), start=row + 2):
        for j, key in enumerate(
            ("cost_item", "name", "payer", "pv_baseline", "pv_avoided"), start=1
        ):
            ws.cell(i, j, item[key]).number_format = _KR if j > 3 else "General"
        ws.cell(i, 6, text["computed"])
    ws.cell(row + 1, 6, text["how"]).font = _BOLD
    return None if rate_cell is None else _ref(ws.title, rate_cell)


def _assumptions_sheet(ws: Any, result: Result, text: dict[str, str], lang: Lang) -> None:
    ws["A1"] = text["log_title"]
    ws["A1"].font = _TITLE
    ws["A2"] = f"{text['discounting']}: {result.plan.discounting_text(lang)}"
    ws["A3"] = text["legend"]
    keys = (
        "key",
        "name",
        "unit_cost",
        "price_year",
        "rebased_unit_cost",
        "analysis_price_year",
        "price_index",
        "payer",
        "source",
        "confidence",
        "geography",
    )
    labels = (
        "key",
        "name",
        "unit_cost",
        "price_year",
        "rebased",
        "analysis_year",
        "index",
        "payer",
        "source",
        "confidence",
        "geography",
    )
    for j, label in enumerate(labels, start=1):
        ws.cell(5, j, text[label]).font = _BOLD
        ws.column_dimensions[get_column_letter(j)].width = 60 if label == "source" else 18
    row = 6
    for item in result.assumptions():
        for j, key in enumerate(keys, start=1):
            value = item.get(key)
            if isinstance(value, dict):
                value = ", ".join(f"{p} {share:.0%}" for p, share in value.items())
            ws.cell(row, j, value)
        row += 1
    row += 1
    ws.cell(row, 1, text["parameters"]).font = _BOLD
    for j, label in enumerate(("parameter", "value", "unit", "description"), start=1):
        ws.cell(row + 1, j, text[label]).font = _BOLD
    for i, parameter in enumerate(result.plan.parameters.values(), start=row + 2):
        ws.cell(i, 1, parameter.name)
        ws.cell(i, 2, parameter.value)
        unit = str(parameter.unit)
        ws.cell(i, 3, format_unit_text(unit, lang) if _is_pint_unit(unit) else unit)
        ws.cell(i, 4, result.plan.parameter_label(parameter.name, lang))


def _is_pint_unit(unit: str) -> bool:
    return unit == "share" or bool(re.fullmatch(r"[\w ]+(?:\s*/\s*[\w ]+)?", unit))


_SIMULATION_ROWS = (
    "draws",
    "seed",
    "kept_draws",
    "irr_draws",
    "price_year",
    "horizon",
    "npv_mean",
    "npv_std",
    "prob_npv_positive",
    "prob_npv_positive_by_payer",
    "prob_payback_within_horizon",
)
_METRIC_COLUMNS = ("metric", "payer", "cost_item", "mean", "std", "q5", "q50", "q95")
_METRIC_SHARES = ("share_finite", "prob_positive")


def _uncertainty_sheet(
    ws: Any, simulation: Mapping[str, Any], text: dict[str, str], lang: Lang
) -> None:
    """The Monte Carlo summary: probabilities as percentages, NPV spread per payer."""
    ws["A1"] = text["uncertainty_title"]
    ws["A1"].font = _TITLE
    ws["A2"] = text["uncertainty_note"]
    ws.column_dimensions["A"].width = 48
    for letter in "BCDEFGHIJK":
        ws.column_dimensions[letter].width = 18
    row = 4
    for key in _SIMULATION_ROWS:
        value = simulation.get(key)
        if value is None or (key == "irr_draws" and not value):
            continue
        if isinstance(value, Mapping):
            for payer, share in value.items():
                ws.cell(row, 1, f"{simulation_label(key, lang)} {payer}")
                ws.cell(row, 2, share).number_format = "0.0%"
                row += 1
            continue
        ws.cell(row, 1, simulation_label(key, lang))
        cell = ws.cell(row, 2, value)
        if key.startswith("prob"):
            cell.number_format = "0.0%"
        elif key.startswith("npv"):
            cell.number_format = _KR
        row += 1
    metrics = simulation.get("metrics")
    if not isinstance(metrics, list) or not metrics:
        return
    row += 1
    ws.cell(row, 1, text["uncertainty_metrics"]).font = _BOLD
    row += 1
    columns = (*_METRIC_COLUMNS, *_METRIC_SHARES)
    for j, key in enumerate(columns, start=1):
        ws.cell(row, j, simulation_label(key, lang)).font = _BOLD
    for metric in metrics:
        row += 1
        name = str(metric.get("metric"))
        money = name in ("npv", "pv_costs", "pv_avoided")
        for j, key in enumerate(columns, start=1):
            value = metric.get(key)
            if key == "metric":
                value = simulation_label(name, lang)
            cell = ws.cell(row, j, value)
            if key in _METRIC_SHARES:
                cell.number_format = "0.0%"
            elif j > 3:
                cell.number_format = _KR if money else _YEARS


def write_report(
    result: Result,
    path: str | Path,
    lang: str = "sv",
    simulation: Mapping[str, Any] | None = None,
) -> None:
    """Write a result as an xlsx workbook with auditable formulas.

    Parameters
    ----------
    result
        A deterministic result from :func:`sociokalkyl.evaluate`.
    path
        Where to write the ``.xlsx`` file (atomically: a temporary file in the same
        directory, then a rename).
    lang
        ``"sv"`` (sheets Sammanfattning, År, Antaganden) or ``"en"`` (Summary, Years,
        Assumptions).
    simulation
        A Monte Carlo summary (``SimulationResult.summary()``); adds the sheet Osäkerhet
        (Uncertainty) with the probabilities and the spread of NPV per payer.

    Notes
    -----
    The workbook is written without cached formula values; Excel and LibreOffice compute
    them when the file is opened. NPV is the sum of ``net_t * f(t)`` with the chained
    factors of the yearly sheet, equal to ``=NPV(r, year 1..N) + year 0`` for a constant
    rate (the summary shows both).

    Raises
    ------
    InputError
        For an unknown language or a directory that does not exist.
    """
    if lang not in _TEXT:
        raise InputError(
            "is not a supported language",
            field="lang",
            value=lang,
            expected=f"one of {', '.join(_TEXT)}",
        )
    text = _TEXT[lang]
    language: Lang = "sv" if lang == "sv" else "en"
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = text["summary"]
    years = wb.create_sheet(text["years"])
    rate_cell = _summary_sheet(summary, result, text, years.title, language)
    _yearly_sheet(years, result, text, rate_cell)
    _assumptions_sheet(wb.create_sheet(text["assumptions"]), result, text, language)
    if simulation is not None:
        _uncertainty_sheet(wb.create_sheet(text["uncertainty"]), simulation, text, language)
    atomic_save(wb, Path(path))

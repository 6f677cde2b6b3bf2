"""The sheets of the xlsx report with formulas: the yearly flows and the summary.

Conventions (as in :mod:`sociokalkyl.finance`): year 0 is undiscounted; the factor of
year t is ``f(t) = f(t-1) / (1 + r_t)``; payback is fractional, with flows accruing
evenly over each year, at the last year in which the cumulative net turns from
negative to non-negative: ``t + (-C_t) / v_(t+1)``. Every label comes from
:data:`sociokalkyl.language.workbook.WORKBOOK_LABELS`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from sociokalkyl.language.labels import Lang
from sociokalkyl.language.safety import text_cell

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["FIRST", "TOTAL_COLUMNS", "active_payers", "payer_columns", "summary_sheet",
           "yearly_sheet"]  # fmt: skip

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
INPUT = PatternFill("solid", fgColor="FFF2CC")
KR, YEARS, RATE, FACTOR = "#,##0", "0.00", "0.00%", "0.000000"
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
    """The same eight columns for the k-th payer (0-based), from column M on.

    Parameters
    ----------
    k
        The payer's position among the payers with a flow.

    Returns
    -------
    tuple[str, ...]
        Column letters: costs, avoided, net, discounted net, cumulative, cumulative
        discounted, payback helper, discounted payback helper.

    Examples
    --------
    >>> payer_columns(0)
    ('M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T')
    """
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
            ws[f"{letter}{r}"].number_format = KR
        ws[f"{h}{r}"].number_format = ws[f"{hd}{r}"].number_format = YEARS
    for letter in (c, a, n, d):
        ws[f"{letter}{last + 1}"] = f"=SUM({letter}{FIRST}:{letter}{last})"
        ws[f"{letter}{last + 1}"].number_format = KR
        ws[f"{letter}{last + 1}"].font = BOLD


_YEAR_COLUMNS = ("year", "calendar_year", "costs", "avoided", "net", "year_rate", "factor",
                 "discounted_net", "cumulative", "cumulative_d", "helper", "helper_d")  # fmt: skip
_PAYER_COLUMNS = ("costs", "avoided", "net", "discounted_net", "cumulative", "cumulative_d",
                  "helper", "helper_d")  # fmt: skip


def _yearly_headers(text: dict[str, str], payers: list[str]) -> list[str]:
    headers = [text[k] for k in _YEAR_COLUMNS]
    for payer in payers:
        headers += [f"{payer}: {text[k].lower()}" for k in _PAYER_COLUMNS]
    return headers


def yearly_sheet(ws: Any, result: Result, text: dict[str, str], rate_cell: str | None) -> None:
    """Write the yearly sheet: flows as numbers [SEK], everything computed from them as formulas.

    Parameters
    ----------
    ws
        The openpyxl worksheet to write.
    result
        The result whose yearly flows the sheet holds.
    text
        The workbook's labels in the reader's language (``WORKBOOK_LABELS``).
    rate_cell
        The summary sheet's cell of a constant rate [1/year], which every year refers
        to; None writes each year's rate of the schedule as a number.

    Examples
    --------
    >>> import openpyxl, sociokalkyl as sk
    >>> from sociokalkyl.language.workbook import WORKBOOK_LABELS
    >>> wb = openpyxl.Workbook()
    >>> text = {k: v[1] for k, v in WORKBOOK_LABELS.items()}
    >>> yearly_sheet(wb.active, sk.evaluate(*sk.examples.servicetrainee()), text, None)
    >>> wb.active["E3"].value, wb.active["G4"].value
    ('=D3-C3', '=G3/(1+F4)')
    """
    table = result.table()
    last = FIRST + result.plan.horizon - 1
    ws["A1"] = text["years_title"].format(price_year=result.plan.price_year)
    ws["A1"].font = BOLD
    payers = active_payers(result)
    _yearly_header_row(ws, _yearly_headers(text, payers))
    _discount_columns(ws, table, result.projection.factors[:, 0], rate_cell)
    _flow_block(ws, TOTAL_COLUMNS, *_flows(table), "G")
    by_payer = result.yearly_by_payer()
    for k, payer in enumerate(payers):
        rows = [row for row in by_payer if row["payer"] == payer]
        _flow_block(ws, payer_columns(k), *_flows(rows), "G")
    ws[f"A{last + 1}"] = text["total"]
    ws[f"A{last + 1}"].font = BOLD
    ws.freeze_panes = f"C{FIRST}"


def _yearly_header_row(ws: Any, headers: list[str]) -> None:
    """The column headings in row 2, bold, each column 16 characters wide."""
    for j, header in enumerate(headers, start=1):
        text_cell(ws, 2, j, header).font = BOLD
        ws.column_dimensions[get_column_letter(j)].width = 16


def _discount_columns(
    ws: Any, table: Sequence[Mapping[str, Any]], factors: Any, rate_cell: str | None
) -> None:
    """Year and calendar year (A, B), the year's rate (F) and the chained factor (G).

    Year 0 has factor 1; year t has ``G_t = G_(t-1) / (1 + F_t)`` with ``F_t`` a link to
    the summary's constant rate, or the schedule's rate ``f(t-1) / f(t) - 1`` [1/year]
    written as a number.
    """
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
        ws[f"F{r}"].number_format = RATE
        ws[f"G{r}"].number_format = FACTOR


def _flows(rows: Sequence[Mapping[str, Any]]) -> tuple[list[float], list[float]]:
    """The yearly costs and avoided costs [SEK] of table rows, as floats."""
    return [float(r["costs"]) for r in rows], [float(r["avoided"]) for r in rows]


def active_payers(result: Result) -> list[str]:
    """The payers with a flow, in plan order.

    Parameters
    ----------
    result
        The result whose yearly flows name the payers.

    Returns
    -------
    list[str]
        The payers' names.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> active_payers(sk.evaluate(*sk.examples.servicetrainee()))
    ['kommun']
    """
    names = {str(row["payer"]) for row in result.yearly_by_payer()}
    return [p for p in result.plan.payers if p in names]


def summary_sheet(
    ws: Any, result: Result, text: dict[str, str], years: str, lang: Lang
) -> str | None:
    """Write the summary sheet: results as formulas over the yearly sheet, settings, payers.

    Parameters
    ----------
    ws
        The openpyxl worksheet to write.
    result
        The result whose numbers the sheet shows.
    text
        The workbook's labels in the reader's language (``WORKBOOK_LABELS``).
    years
        The title of the yearly sheet the formulas refer to.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str | None
        The cell of the constant discount rate [1/year] the yearly sheet refers to;
        None for a schedule.

    Examples
    --------
    >>> import openpyxl, sociokalkyl as sk
    >>> from sociokalkyl.language.workbook import WORKBOOK_LABELS
    >>> wb = openpyxl.Workbook()
    >>> text = {k: v[0] for k, v in WORKBOOK_LABELS.items()}
    >>> summary_sheet(wb.active, sk.evaluate(*sk.examples.servicetrainee()), text, "År", "sv")
    "'Sheet'!$B$23"
    """
    plan = result.plan
    constant = plan.fixed_discount_factors is None and "settings.discount_rate" in plan.parameters
    ws.column_dimensions["A"].width = 48
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 22
    text_cell(ws, 1, 1, text["title"].format(name=plan.intervention_name)).font = TITLE
    ws["A2"] = text["basis"].format(price_year=plan.price_year, base_year=plan.base_year)
    rate_cell = f"$B${_SETTINGS_ROW + 6}" if constant else None
    _results_block(ws, result, text, years, rate_cell)
    _settings_block(ws, result, text, lang, constant)
    row = _payer_block(ws, result, text, years, _SETTINGS_ROW + 8)
    _item_block(ws, result, text, row)
    return None if rate_cell is None else _ref(ws.title, rate_cell)


_SETTINGS_ROW = 17
"""Row of the settings heading on the summary sheet (the rate is six rows below)."""


def _results_block(
    ws: Any, result: Result, text: dict[str, str], years: str, rate_cell: str | None
) -> None:
    last = FIRST + result.plan.horizon - 1
    ws["A4"], ws["C4"] = text["results"], text["how"]
    ws["A4"].font = ws["C4"].font = BOLD
    y = {k: _ref(years, f"{k}{FIRST}:{k}{last}") for k in "CDEGH"}
    break_even = result.break_even_effect
    rows: list[tuple[str, Any, str, str]] = [
        ("npv", f"=SUM({y['H']})", "npv_how", KR),
        ("pv_costs", f"=SUMPRODUCT({y['C']},{y['G']})", "pv_costs_how", KR),
        ("pv_avoided", f"=SUMPRODUCT({y['D']},{y['G']})", "pv_avoided_how", KR),
        ("bcr", '=IF(B6=0,"–",B7/B6)', "bcr_how", YEARS),
        ("payback", _payback(years, "I", "K", last, text["never"]), "payback_how", YEARS),
        ("payback_d", _payback(years, "J", "L", last, text["never"]), "payback_d_how", YEARS),
        ("irr", "–" if math.isnan(result.irr) else result.irr, "computed", RATE),
        ("break_even", "–" if math.isnan(break_even) else break_even, "computed", YEARS),
    ]
    if rate_cell is not None and result.plan.horizon > 1:
        net = _ref(years, f"E{FIRST + 1}:E{last}")
        excel_npv = f"=NPV({rate_cell},{net})+{_ref(years, f'E{FIRST}')}"
        rows.append(("excel_npv", excel_npv, "excel_npv_how", KR))
    for i, (label, value, how, fmt) in enumerate(rows, start=5):
        ws.cell(i, 1, text[label])
        ws.cell(i, 2, value).number_format = fmt
        ws.cell(i, 3, text[how])
    ws["B5"].font = BOLD


def _settings_block(
    ws: Any, result: Result, text: dict[str, str], lang: Lang, constant: bool
) -> None:
    plan = result.plan
    ws.cell(_SETTINGS_ROW, 1, text["settings"]).font = BOLD
    rate: Any = plan.parameters["settings.discount_rate"].value if constant else text["schedule"]
    values = [
        ("intervention", plan.intervention_name),
        ("base_year", plan.base_year),
        ("price_year", plan.price_year),
        ("horizon", plan.horizon),
        ("discounting", plan.discounting_text(lang)),
        ("rate", rate),
    ]
    for i, (label, value) in enumerate(values, start=_SETTINGS_ROW + 1):
        ws.cell(i, 1, text[label])
        text_cell(ws, i, 2, value)
    if constant:
        rate_row = _SETTINGS_ROW + 6
        ws.cell(rate_row, 2).number_format = RATE
        ws.cell(rate_row, 2).fill = INPUT
        ws.cell(rate_row, 3, text["rate_how"])


def _payer_block(ws: Any, result: Result, text: dict[str, str], years: str, row: int) -> int:
    """Present values and paybacks per payer, as formulas; returns the next free row."""
    last = FIRST + result.plan.horizon - 1
    g = _ref(years, f"G{FIRST}:G{last}")
    ws.cell(row, 1, text["by_payer"]).font = BOLD
    for j, key in enumerate(
        ("payer", "pv_costs", "pv_avoided", "npv", "payback", "payback_d"), start=1
    ):
        ws.cell(row + 1, j, text[key]).font = BOLD
    payers = active_payers(result)
    for k, payer in enumerate(payers):
        c, a, _, d, cu, cd, h, hd = payer_columns(k)
        r = row + 2 + k
        text_cell(ws, r, 1, payer)
        ws.cell(r, 2, f"=SUMPRODUCT({_ref(years, f'{c}{FIRST}:{c}{last}')},{g})")
        ws.cell(r, 3, f"=SUMPRODUCT({_ref(years, f'{a}{FIRST}:{a}{last}')},{g})")
        ws.cell(r, 4, f"=SUM({_ref(years, f'{d}{FIRST}:{d}{last}')})")
        ws.cell(r, 5, _payback(years, cu, h, last, text["never"]))
        ws.cell(r, 6, _payback(years, cd, hd, last, text["never"]))
        for j, fmt in zip(range(2, 7), (KR, KR, KR, YEARS, YEARS), strict=True):
            ws.cell(r, j).number_format = fmt
    return row + 3 + len(payers)


def _item_block(ws: Any, result: Result, text: dict[str, str], row: int) -> None:
    ws.cell(row, 1, text["by_item"]).font = BOLD
    for j, key in enumerate(("key", "name", "payer", "pv_baseline", "pv_avoided"), start=1):
        ws.cell(row + 1, j, text[key]).font = BOLD
    for i, item in enumerate(result.by_cost_item(), start=row + 2):
        for j, key in enumerate(
            ("cost_item", "name", "payer", "pv_baseline", "pv_avoided"), start=1
        ):
            text_cell(ws, i, j, item[key]).number_format = KR if j > 3 else "General"
        ws.cell(i, 6, text["computed"])
    ws.cell(row + 1, 6, text["how"]).font = BOLD

"""The summary sheet of the xlsx report: results as formulas over the yearly sheet.

NPV, the present values, the benefit-cost ratio and the payback periods are formulas
over the yearly sheet (:mod:`sociokalkyl.report.excel_years`), each written with the
value it computes; the settings hold the one rate cell the yearly sheet links to.
Every label comes from :data:`sociokalkyl.language.workbook.WORKBOOK_LABELS`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sociokalkyl.language.labels import Lang
from sociokalkyl.report.excel_book import Sheet
from sociokalkyl.report.excel_years import (
    FIRST,
    TOTAL_COLUMNS,
    Block,
    active_payers,
    payer_columns,
    yearly_sheet,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = [
    "FIRST",
    "SETTINGS_ROW",
    "TOTAL_COLUMNS",
    "active_payers",
    "payer_columns",
    "rate_cell",
    "summary_sheet",
    "yearly_sheet",
]

SETTINGS_ROW = 17
"""Row of the settings heading on the summary sheet (the rate is six rows below)."""


def _ref(sheet: str, cell: str) -> str:
    return f"'{sheet}'!{cell}"


def _payback(sheet: str, cumulative: str, helper: str, last: int, never: str) -> str:
    """The payback formula: the largest crossing in the helper column, or the word."""
    return (
        f'=IF({_ref(sheet, f"{cumulative}{last}")}<0,"{never}",'
        f"MAX({_ref(sheet, f'{helper}{FIRST}:{helper}{last}')}))"
    )


def rate_cell(result: Result, summary: str) -> str | None:
    """The summary's cell of a constant discount rate, as a reference; None for a schedule.

    Parameters
    ----------
    result
        The result; its plan says whether the rate is constant.
    summary
        The summary sheet's title.

    Returns
    -------
    str | None
        ``'Sheet'!$B$23``, or None when the plan discounts with a schedule.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> rate_cell(sk.evaluate(*sk.examples.servicetrainee()), "Sammanfattning")
    "'Sammanfattning'!$B$23"
    """
    plan = result.plan
    constant = plan.fixed_discount_factors is None and "settings.discount_rate" in plan.parameters
    return _ref(summary, f"$B${SETTINGS_ROW + 6}") if constant else None


def summary_sheet(
    sheet: Sheet,
    result: Result,
    text: Mapping[str, str],
    years: str,
    blocks: Mapping[str, Block],
    lang: Lang,
) -> int:
    """Write the summary sheet: results as formulas over the yearly sheet, settings, payers.

    Parameters
    ----------
    sheet
        The :class:`~sociokalkyl.report.excel_book.Sheet` to write.
    result
        The result whose numbers the sheet shows.
    text
        The workbook's labels in the reader's language (``WORKBOOK_LABELS``).
    years
        The title of the yearly sheet the formulas refer to.
    blocks
        The yearly sheet's values (:func:`~sociokalkyl.report.excel_years.yearly_sheet`),
        stored beside the formulas.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    int
        The first free row (1-based), where the charts go.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.excel_book import Book
    >>> from sociokalkyl.language.workbook import WORKBOOK_LABELS
    >>> text = {k: v[0] for k, v in WORKBOOK_LABELS.items()}
    >>> result = sk.evaluate(*sk.examples.servicetrainee())
    >>> book = Book("sv")
    >>> summary, years = book.sheet("Sammanfattning"), book.sheet("År")
    >>> blocks = yearly_sheet(years, result, text, rate_cell(result, summary.name))
    >>> summary_sheet(summary, result, text, "År", blocks, "sv")
    39
    """
    plan = result.plan
    constant = rate_cell(result, sheet.name) is not None
    sheet.write("A1", text["title"].format(name=plan.intervention_name), "title")
    sheet.write("A2", text["basis"].format(price_year=plan.price_year, base_year=plan.base_year))
    _results_block(sheet, result, text, years, blocks[""], constant)
    _settings_block(sheet, result, text, lang, constant)
    row = _payer_block(sheet, result, text, years, blocks, SETTINGS_ROW + 8)
    row = _item_block(sheet, result, text, row)
    sheet.width(0, 44)
    sheet.width(2, 58)
    sheet.print_layout()
    return row


def _results_block(
    sheet: Sheet,
    result: Result,
    text: Mapping[str, str],
    years: str,
    total: Block,
    constant: bool,
) -> None:
    last = FIRST + result.plan.horizon - 1
    sheet.write("A4", text["results"], "header")
    sheet.write("B4", None, "header")
    sheet.write("C4", text["how"], "header")
    y = {k: _ref(years, f"{k}{FIRST}:{k}{last}") for k in "CDEGH"}
    npv, pv_costs = sum(total.discounted), total.present_value(total.costs)
    pv_avoided = total.present_value(total.avoided)
    bcr: float | str = "–" if pv_costs == 0 else pv_avoided / pv_costs
    never, be = text["never"], result.break_even_effect
    rows: list[tuple[str, str | None, Any, str, str]] = [
        ("npv", f"=SUM({y['H']})", npv, "npv_how", "bold kr"),
        ("pv_costs", f"=SUMPRODUCT({y['C']},{y['G']})", pv_costs, "pv_costs_how", "kr"),
        ("pv_avoided", f"=SUMPRODUCT({y['D']},{y['G']})", pv_avoided, "pv_avoided_how", "kr"),
        ("bcr", '=IF(B6=0,"–",B7/B6)', bcr, "bcr_how", "years"),
        (
            "payback",
            _payback(years, "I", "K", last, never),
            total.payback(False, never),
            "payback_how",
            "years",
        ),
        (
            "payback_d",
            _payback(years, "J", "L", last, never),
            total.payback(True, never),
            "payback_d_how",
            "years",
        ),
        ("irr", None, "–" if math.isnan(result.irr) else result.irr, "computed", "rate"),
        ("break_even", None, "–" if math.isnan(be) else be, "computed", "years"),
    ]
    if constant and result.plan.horizon > 1:
        rate = float(result.plan.parameters["settings.discount_rate"].value)
        net = _ref(years, f"E{FIRST + 1}:E{last}")
        excel_npv = sum(v / (1.0 + rate) ** t for t, v in enumerate(total.net))
        npv_formula = f"=NPV($B${SETTINGS_ROW + 6},{net})+{_ref(years, f'E{FIRST}')}"
        rows.append(("excel_npv", npv_formula, excel_npv, "excel_npv_how", "kr"))
    for i, (label, formula, value, how, style) in enumerate(rows, start=5):
        sheet.write(f"A{i}", text[label])
        if formula is None:
            sheet.write(f"B{i}", value, style)
        else:
            sheet.formula(f"B{i}", formula, value, style)
        sheet.write(f"C{i}", text[how], "wrap")


def _settings_block(
    sheet: Sheet, result: Result, text: Mapping[str, str], lang: Lang, constant: bool
) -> None:
    plan = result.plan
    sheet.write(f"A{SETTINGS_ROW}", text["settings"], "header")
    sheet.write(f"B{SETTINGS_ROW}", None, "header")
    rate: Any = plan.parameters["settings.discount_rate"].value if constant else text["schedule"]
    values = [
        ("intervention", plan.intervention_name),
        ("base_year", plan.base_year),
        ("price_year", plan.price_year),
        ("horizon", plan.horizon),
        ("discounting", plan.discounting_text(lang)),
        ("rate", rate),
    ]
    for i, (label, value) in enumerate(values, start=SETTINGS_ROW + 1):
        sheet.write(f"A{i}", text[label])
        sheet.write(f"B{i}", value)
    if constant:
        rate_row = SETTINGS_ROW + 6
        sheet.write(f"B{rate_row}", float(rate), "rate input")
        sheet.write(f"C{rate_row}", text["rate_how"], "wrap")


def _payer_block(
    sheet: Sheet,
    result: Result,
    text: Mapping[str, str],
    years: str,
    blocks: Mapping[str, Block],
    row: int,
) -> int:
    """Present values and paybacks per payer, as formulas; returns the next free row."""
    last, never = FIRST + result.plan.horizon - 1, text["never"]
    g = _ref(years, f"G{FIRST}:G{last}")
    sheet.write(f"A{row}", text["by_payer"], "bold")
    keys = ("payer", "pv_costs", "pv_avoided", "npv", "payback", "payback_d")
    for letter, key in zip("ABCDEF", keys, strict=True):
        sheet.write(f"{letter}{row + 1}", text[key], "header")
    for k, payer in enumerate(active_payers(result)):
        c, a, _, d, cu, cd, h, hd = payer_columns(k)
        block, r = blocks[payer], row + 2 + k
        sheet.write(f"A{r}", payer)
        sheet.formula(
            f"B{r}",
            f"=SUMPRODUCT({_ref(years, f'{c}{FIRST}:{c}{last}')},{g})",
            block.present_value(block.costs),
            "kr",
        )
        sheet.formula(
            f"C{r}",
            f"=SUMPRODUCT({_ref(years, f'{a}{FIRST}:{a}{last}')},{g})",
            block.present_value(block.avoided),
            "kr",
        )
        sheet.formula(
            f"D{r}", f"=SUM({_ref(years, f'{d}{FIRST}:{d}{last}')})", sum(block.discounted), "kr"
        )
        sheet.formula(
            f"E{r}", _payback(years, cu, h, last, never), block.payback(False, never), "years"
        )
        sheet.formula(
            f"F{r}", _payback(years, cd, hd, last, never), block.payback(True, never), "years"
        )
    return row + 3 + len(blocks) - 1


def _item_block(sheet: Sheet, result: Result, text: Mapping[str, str], row: int) -> int:
    """Present values per cost item (computed numbers); returns the next free row."""
    sheet.write(f"A{row}", text["by_item"], "bold")
    headers = ("key", "name", "payer", "pv_baseline", "pv_avoided", "how")
    for letter, key in zip("ABCDEF", headers, strict=True):
        sheet.write(f"{letter}{row + 1}", text[key], "header")
    items = result.by_cost_item()
    for i, item in enumerate(items, start=row + 2):
        for letter, key in zip(
            "ABCDE", ("cost_item", "name", "payer", "pv_baseline", "pv_avoided"), strict=True
        ):
            sheet.write(f"{letter}{i}", item[key], "kr" if letter in "DE" else "wrap")
        sheet.write(f"F{i}", text["computed"])
    return row + 3 + len(items)

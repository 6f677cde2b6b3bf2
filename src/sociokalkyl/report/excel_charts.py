"""The charts of the xlsx report, drawn by the spreadsheet from the yearly sheet.

Two native charts (they follow the formulas when the rate cell is changed): the
cumulative net and cumulative discounted net by year, titled with the payback; and the
intervention costs beside the avoided costs by year. They sit on the summary sheet,
below its tables, so they print with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_years
from sociokalkyl.language.report import report_label
from sociokalkyl.report.excel_book import Book, Sheet
from sociokalkyl.report.excel_years import FIRST

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["summary_charts"]


def _series(years: str, column: str, last: int, name: str, colour: str) -> dict[str, object]:
    """One series over the yearly sheet's rows, with calendar years (B) as categories."""
    return {
        "name": name,
        "categories": f"='{years}'!$B${FIRST}:$B${last}",
        "values": f"='{years}'!${column}${FIRST}:${column}${last}",
        "line": {"color": colour, "width": 2.25},
        "fill": {"color": colour},
    }


def summary_charts(
    book: Book, sheet: Sheet, years: str, result: Result, row: int, lang: Lang
) -> None:
    """Insert the two charts into ``sheet`` from ``row`` (1-based) on.

    Parameters
    ----------
    book
        The workbook (charts are made by it).
    sheet
        The summary sheet.
    years
        The title of the yearly sheet the series refer to.
    result
        The result, for the payback in the first chart's title [years].
    row
        The first free row of the summary sheet.
    lang
        ``"sv"`` or ``"en"``.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> book = Book("sv")
    >>> sheet = book.sheet("Sammanfattning")
    >>> summary_charts(book, sheet, "År", sk.evaluate(*sk.examples.skolfam()), 40, "sv")
    >>> len(sheet.worksheet.charts)
    2
    """
    last = FIRST + result.plan.horizon - 1
    payback = result.payback
    title = (
        report_label("chart_no_payback", lang)
        if payback != payback
        else report_label("chart_payback", lang, years=format_years(payback, lang))
    )
    kr = report_label("chart_kr", lang)
    cumulative = book.workbook.add_chart({"type": "line"})
    cumulative.add_series(
        _series(years, "I", last, report_label("chart_cumulative", lang), "#1F4E79")
    )
    cumulative.add_series(
        _series(years, "J", last, report_label("chart_cumulative_d", lang), "#C55A11")
    )
    cumulative.set_title({"name": title, "name_font": {"size": 12}})
    flows = book.workbook.add_chart({"type": "column"})
    flows.add_series(_series(years, "C", last, report_label("chart_costs", lang), "#C00000"))
    flows.add_series(_series(years, "D", last, report_label("chart_avoided", lang), "#548235"))
    flows.set_title({"name": report_label("chart_flows", lang), "name_font": {"size": 12}})
    for chart in (cumulative, flows):
        chart.set_x_axis(
            {
                "name": report_label("chart_year", lang),
                "label_position": "low",
                "num_font": {"rotation": -45},
            }
        )
        chart.set_y_axis(
            {
                "name": kr,
                "num_format": book.formats["kr"],
                "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
            }
        )
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 620, "height": 320})
    sheet.worksheet.insert_chart(row, 0, cumulative)
    sheet.worksheet.insert_chart(row, 2, flows, {"x_offset": 40})

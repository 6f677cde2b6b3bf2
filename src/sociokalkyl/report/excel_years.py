"""The yearly sheet of the xlsx report: flows as numbers, the rest as formulas with values.

Conventions (as in :mod:`sociokalkyl.finance`): year 0 is undiscounted; the factor of
year t is ``f(t) = f(t-1) / (1 + r_t)``; payback is fractional, with flows accruing
evenly over each year, at the last year in which the cumulative net turns from
negative to non-negative: ``t + (-C_t) / v_(t+1)``.

Every formula is written with the value it computes (:class:`Block` repeats the
formula's arithmetic in Python), so a viewer that does not recalculate shows numbers.

Examples
--------
>>> block = Block.of([100.0, 0.0], [0.0, 150.0], [1.0, 0.5])
>>> block.net, block.cumulative, block.helper, block.payback()
([-100.0, 150.0], [-100.0, 50.0], [0.6666666666666666], 0.6666666666666666)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from xlsxwriter.utility import xl_col_to_name

from sociokalkyl.report.excel_book import Sheet

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["FIRST", "TOTAL_COLUMNS", "Block", "active_payers", "payer_columns", "yearly_sheet"]

FIRST = 3
"""First data row of the yearly sheet (headings in row 2)."""

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
    return tuple(xl_col_to_name(12 + 8 * k + i) for i in range(8))


def _helper(cumulative: list[float], flow: list[float]) -> list[float | str]:
    """The payback helper column: ``t + (-C_t)/v_(t+1)`` where C turns non-negative, else ``""``."""
    out: list[float | str] = []
    for t in range(len(cumulative) - 1):
        crosses = cumulative[t] < 0 and cumulative[t + 1] >= 0
        out.append(t + (-cumulative[t]) / flow[t + 1] if crosses else "")
    return out


def _running(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


@dataclass(frozen=True)
class Block:
    """One block of eight columns (the total or one payer), with every cell's value.

    Attributes
    ----------
    costs, avoided
        The yearly flows [SEK], written as numbers.
    factors
        The chained discount factors [1], column G.
    net, discounted, cumulative, cumulative_d
        What the formulas compute [SEK]: ``avoided - costs``, ``net * factor`` and the
        running sums.
    helper, helper_d
        The payback helper columns [years], ``""`` where the sum does not cross zero.

    Examples
    --------
    >>> Block.of([10.0], [4.0], [1.0]).discounted
    [-6.0]
    """

    costs: list[float]
    avoided: list[float]
    factors: list[float]
    net: list[float]
    discounted: list[float]
    cumulative: list[float]
    cumulative_d: list[float]
    helper: list[float | str]
    helper_d: list[float | str]

    @classmethod
    def of(cls, costs: list[float], avoided: list[float], factors: list[float]) -> Block:
        """The block's values from its flows [SEK] and the discount factors [1]."""
        net = [a - c for a, c in zip(avoided, costs, strict=True)]
        discounted = [n * f for n, f in zip(net, factors, strict=True)]
        cumulative, cumulative_d = _running(net), _running(discounted)
        return cls(
            costs,
            avoided,
            factors,
            net,
            discounted,
            cumulative,
            cumulative_d,
            _helper(cumulative, net),
            _helper(cumulative_d, discounted),
        )

    def payback(self, discounted: bool = False, never: str = "") -> float | str:
        """The payback formula's value [years]: ``never`` while the last sum is negative,
        else the largest helper (0 when none)."""
        cumulative = self.cumulative_d if discounted else self.cumulative
        helpers = self.helper_d if discounted else self.helper
        if cumulative[-1] < 0:
            return never
        return max([h for h in helpers if isinstance(h, float)], default=0.0)

    def present_value(self, flows: list[float]) -> float:
        """``SUMPRODUCT(flows, factors)`` [SEK]."""
        return sum(v * f for v, f in zip(flows, self.factors, strict=True))


def _write_block(sheet: Sheet, letters: tuple[str, ...], block: Block) -> None:
    """Costs, avoided (numbers); net, discounted, cumulative, helpers (formulas, values)."""
    c, a, n, d, cu, cd, h, hd = letters
    last = FIRST + len(block.costs) - 1
    for t in range(len(block.costs)):
        r = FIRST + t
        sheet.write(f"{c}{r}", block.costs[t], "kr")
        sheet.write(f"{a}{r}", block.avoided[t], "kr")
        sheet.formula(f"{n}{r}", f"={a}{r}-{c}{r}", block.net[t], "kr")
        sheet.formula(f"{d}{r}", f"={n}{r}*G{r}", block.discounted[t], "kr")
        sheet.formula(
            f"{cu}{r}", f"={n}{r}" if t == 0 else f"={cu}{r - 1}+{n}{r}", block.cumulative[t], "kr"
        )
        sheet.formula(
            f"{cd}{r}",
            f"={d}{r}" if t == 0 else f"={cd}{r - 1}+{d}{r}",
            block.cumulative_d[t],
            "kr",
        )
        if r < last:
            sheet.formula(
                f"{h}{r}",
                f'=IF(AND({cu}{r}<0,{cu}{r + 1}>=0),{t}+(-{cu}{r})/{n}{r + 1},"")',
                block.helper[t],
                "years",
            )
            sheet.formula(
                f"{hd}{r}",
                f'=IF(AND({cd}{r}<0,{cd}{r + 1}>=0),{t}+(-{cd}{r})/{d}{r + 1},"")',
                block.helper_d[t],
                "years",
            )
    for letter, values in zip(
        (c, a, n, d), (block.costs, block.avoided, block.net, block.discounted), strict=True
    ):
        sheet.formula(
            f"{letter}{last + 1}", f"=SUM({letter}{FIRST}:{letter}{last})", sum(values), "total kr"
        )


_YEAR_COLUMNS = (
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
_PAYER_COLUMNS = (
    "costs",
    "avoided",
    "net",
    "discounted_net",
    "cumulative",
    "cumulative_d",
    "helper",
    "helper_d",
)


def _headers(text: Mapping[str, str], payers: list[str]) -> list[str]:
    headers = [text[k] for k in _YEAR_COLUMNS]
    for payer in payers:
        headers += [f"{payer}: {text[k].lower()}" for k in _PAYER_COLUMNS]
    return headers


def yearly_sheet(
    sheet: Sheet, result: Result, text: Mapping[str, str], rate_cell: str | None
) -> dict[str, Block]:
    """Write the yearly sheet: flows as numbers [SEK], everything computed from them as formulas.

    Parameters
    ----------
    sheet
        The :class:`~sociokalkyl.report.excel_book.Sheet` to write.
    result
        The result whose yearly flows the sheet holds.
    text
        The workbook's labels in the reader's language (``WORKBOOK_LABELS``).
    rate_cell
        The summary sheet's cell of a constant rate [1/year], which every year refers
        to; None writes each year's rate of the schedule as a number.

    Returns
    -------
    dict[str, Block]
        The values of each block: ``""`` for the total, then one per payer.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.excel_book import Book
    >>> from sociokalkyl.language.workbook import WORKBOOK_LABELS
    >>> text = {k: v[1] for k, v in WORKBOOK_LABELS.items()}
    >>> blocks = yearly_sheet(Book("en").sheet("Years"),
    ...                       sk.evaluate(*sk.examples.servicetrainee()), text, None)
    >>> list(blocks)[:3], round(sum(blocks[""].discounted))
    (['', 'kommun', 'region'], -3839870)
    """
    table = result.table()
    last = FIRST + result.plan.horizon - 1
    sheet.write("A1", text["years_title"].format(price_year=result.plan.price_year), "title")
    payers = active_payers(result)
    for j, header in enumerate(_headers(text, payers)):
        sheet.write(f"{xl_col_to_name(j)}2", header, "header")
    constant = None
    if rate_cell is not None:
        constant = float(result.plan.parameters["settings.discount_rate"].value)
    factors = _discount_columns(sheet, table, result.projection.factors[:, 0], rate_cell, constant)
    blocks = {"": Block.of(*_flows(table), factors)}
    _write_block(sheet, TOTAL_COLUMNS, blocks[""])
    by_payer = result.yearly_by_payer()
    for k, payer in enumerate(payers):
        rows = [row for row in by_payer if row["payer"] == payer]
        blocks[payer] = Block.of(*_flows(rows), factors)
        _write_block(sheet, payer_columns(k), blocks[payer])
    sheet.write(f"A{last + 1}", text["total"], "total")
    sheet.print_layout(header_rows=2, freeze=f"C{FIRST}")
    return blocks


def _discount_columns(
    sheet: Sheet,
    table: Sequence[Mapping[str, Any]],
    factors: Any,
    rate_cell: str | None,
    constant: float | None,
) -> list[float]:
    """Year and calendar year (A, B), the year's rate (F) and the chained factor (G).

    Year 0 has factor 1; year t has ``G_t = G_(t-1) / (1 + F_t)`` with ``F_t`` a link to
    the summary's constant rate, or the schedule's rate ``f(t-1) / f(t) - 1`` [1/year]
    written as a number (``constant``: the summary's rate [1/year], the value the link
    shows). Returns the factors as the formulas compute them.
    """
    chained: list[float] = []
    for t, row in enumerate(table):
        r = FIRST + t
        sheet.write(f"A{r}", t)
        sheet.write(f"B{r}", row["calendar_year"])
        if t == 0:
            sheet.write(f"G{r}", 1, "factor")
            chained.append(1.0)
            continue
        rate = float(factors[t - 1] / factors[t] - 1.0) if constant is None else constant
        if rate_cell is not None:
            sheet.formula(f"F{r}", f"={rate_cell}", rate, "rate")
        else:
            sheet.write(f"F{r}", rate, "rate")
        chained.append(chained[-1] / (1.0 + rate))
        sheet.formula(f"G{r}", f"=G{r - 1}/(1+F{r})", chained[-1], "factor")
    return chained


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
    >>> active_payers(sk.evaluate(*sk.examples.servicetrainee()))[:3]
    ['kommun', 'region', 'stat']
    """
    names = {str(row["payer"]) for row in result.yearly_by_payer()}
    return [p for p in result.plan.payers if p in names]

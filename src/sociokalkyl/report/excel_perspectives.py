"""The sheet Perspektiv of the xlsx report: the answer per perspective and actor, live.

The bottom block holds every line of the analysis (a cost item's avoided cost, an
intervention cost, and the lines derived from work) as a column: its flow kind, its
yearly values [SEK] as numbers, and its present value as a formula,
``PV_l = SUMPRODUCT(v_l, 'År'!G)`` with the chained discount factors of the yearly
sheet. Below it, one row of weights per actor and per perspective (``w_la``, see
``docs/perspectives.md``). Above, every answer is a formula over those rows:

- NPV :math:`= \\sum_l W_l PV_l` (``SUMPRODUCT(weights, PV)``);
- PV of the gains :math:`= \\sum_{W_l > 0} W_l PV_l`, of the costs
  :math:`= \\sum_{W_l < 0} -W_l PV_l` (a line is a gain or a cost by the sign of its
  weight, as in the library); benefit-cost ratio = gains / costs;
- a nämnd's parent (``kommun`` with ``kommun/socialnämnd``) rolled up: the sum of the
  sides of itself and its nämnder;
- who pays whom: each transfer's share of its line's PV, summed per payer and recipient.

Each formula is stored with the library's number, so a viewer that does not
recalculate shows the same figures as ``Result.perspectives()`` and ``by_actor()``.

Examples
--------
>>> import sociokalkyl as sk
>>> has_perspectives(sk.evaluate(*sk.examples.skolfam()))   # resources only
False
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from xlsxwriter.utility import xl_col_to_name

from sociokalkyl.analysis.perspectives import PRODUCTION, rollups
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.perspectives import perspective_label
from sociokalkyl.language.workbook_perspectives import sheet_label
from sociokalkyl.report.excel_book import Book, Sheet
from sociokalkyl.report.excel_years import FIRST

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result
    from sociokalkyl.report.excel import WorkbookContext

__all__ = ["has_perspectives", "perspectives_sheet"]

_C0 = 2  # the first line's column (C)


def has_perspectives(result: Result) -> bool:
    """Whether a result has more to show than the kommun's budget (the same rule as the
    other reports: :attr:`~sociokalkyl.analysis.result.Result.shows_perspectives`).

    Parameters
    ----------
    result
        A deterministic result.

    Returns
    -------
    bool
        True when the sheet Perspektiv is written.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> has_perspectives(sk.evaluate(*sk.examples.skolfam()))
    False
    """
    return result.shows_perspectives


def perspectives_sheet(book: Book, context: WorkbookContext) -> None:
    """Write the sheet Perspektiv (Perspectives) when :func:`has_perspectives`.

    Parameters
    ----------
    book
        The workbook.
    context
        The result, language and labels (:class:`~sociokalkyl.report.excel.WorkbookContext`).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> from sociokalkyl.report.excel import WorkbookContext
    >>> book = Book("sv")
    >>> result = sk.evaluate(*sk.examples.skolfam())
    >>> perspectives_sheet(book, WorkbookContext(result, "sv", {}, None))
    >>> book.sheets
    []
    """
    result, lang = context.result, context.lang
    if not has_perspectives(result):
        return
    sheet = book.sheet(sheet_label("sheet", lang))
    layout = _Layout(result)
    sheet.write("A1", sheet_label("title", lang), "title")
    sheet.write("A2", sheet_label("how", lang))
    row = _perspective_rows(sheet, result, layout, 4)
    row = _actor_rows(sheet, result, layout, row + 1)
    _matrix(sheet, result, layout, row + 1)
    _lines(sheet, result, layout, context.text["years"])
    sheet.print_layout()


class _Layout:
    """Where the line block is: its rows, and the range of each weight row."""

    def __init__(self, result: Result) -> None:
        plan = result.plan
        self.lines = len(plan.line_names)
        self.horizon = plan.horizon
        self.last_col = xl_col_to_name(_C0 + self.lines - 1)
        size = len(plan.perspectives) + 3  # title, perspectives, header
        active = len(result.by_actor())
        givers, _ = _matrix_actors(result)
        matrix = len(givers) + 4
        self.head = 4 + size + active + 3 + matrix + 2  # the line block's header row
        self.kind = self.head + 1
        self.first_year = self.head + 2
        self.pv = self.first_year + self.horizon
        self.first_weight = self.pv + 2
        self.actor_row = {a: self.first_weight + j for j, a in enumerate(plan.payers)}
        start = self.first_weight + len(plan.payers)
        self.view_row = {v.name: start + q for q, v in enumerate(plan.perspectives)}

    def span(self, row: int) -> str:
        """The absolute range of one row over the lines."""
        return f"$C${row}:${self.last_col}${row}"

    def npv(self, row: int) -> str:
        return f"SUMPRODUCT({self.span(row)},{self.span(self.pv)})"

    def gains(self, row: int) -> str:
        w = self.span(row)
        return f"SUMPRODUCT(({w}>0)*{w},{self.span(self.pv)})"

    def costs(self, row: int) -> str:
        w = self.span(row)
        return f"-SUMPRODUCT(({w}<0)*{w},{self.span(self.pv)})"


def _perspective_rows(sheet: Sheet, result: Result, layout: _Layout, row: int) -> int:
    """Per perspective: actors, NPV, PV of costs and gains, benefit-cost ratio."""
    lang, m, plan = _lang(sheet), result.metrics, result.plan
    sheet.write(f"A{row}", sheet_label("by_perspective", lang), "bold")
    heads = ("perspective", "actors", "npv", "pv_costs", "pv_gains", "bcr")
    for col, key in enumerate(heads):
        sheet.write(f"{xl_col_to_name(col)}{row + 1}", sheet_label(key, lang), "header")
    for q, view in enumerate(plan.perspectives):
        r = row + 2 + q
        w = layout.view_row[view.name]
        npv = float(m.npv_by_perspective[0, q])
        costs, gains = (
            float(m.pv_costs_by_perspective[0, q]),
            float(m.pv_avoided_by_perspective[0, q]),
        )
        sheet.write(f"A{r}", perspective_label(view.name, lang))
        sheet.write(f"B{r}", ", ".join(view.actors), "wrap")
        sheet.formula(f"C{r}", f"={layout.npv(w)}", npv, "kr")
        sheet.formula(f"D{r}", f"={layout.costs(w)}", costs, "kr")
        sheet.formula(f"E{r}", f"={layout.gains(w)}", gains, "kr")
        bcr = gains / costs if costs != 0 else math.nan
        sheet.formula(f"F{r}", f'=IF(D{r}=0,"",E{r}/D{r})', bcr, "years")
    return row + 2 + len(plan.perspectives)


def _actor_rows(sheet: Sheet, result: Result, layout: _Layout, row: int) -> int:
    """Per actor with a flow: NPV and the two sides; a parent rolled up over its nämnder."""
    lang = _lang(sheet)
    groups = rollups(result.plan.payers)
    sheet.write(f"A{row}", sheet_label("by_actor", lang), "bold")
    heads = ("actor", "", "npv", "pv_costs", "pv_gains")
    for col, key in enumerate(heads):
        if key:
            sheet.write(f"{xl_col_to_name(col)}{row + 1}", sheet_label(key, lang), "header")
    rows = result.by_actor()
    for k, found in enumerate(rows):
        r = row + 2 + k
        actor = str(found["actor"])
        members = groups[actor] if found["rollup"] else (actor,)
        weights = [layout.actor_row[a] for a in members]
        label = perspective_label(f"actor.{actor}", lang) if "/" not in actor else actor
        if found["rollup"]:
            label = f"{label} ({perspective_label('rollup', lang)})"
        sheet.write(f"A{r}", label, "bold" if found["rollup"] else None)
        for letter, side, key in (
            ("C", "npv", "npv"),
            ("D", "costs", "pv_costs"),
            ("E", "gains", "pv_avoided"),
        ):
            terms = "+".join(getattr(layout, side)(w) for w in weights)
            sheet.formula(f"{letter}{r}", f"={terms}", float(found[key]), "kr")
    return row + 2 + len(rows)


def _matrix_actors(result: Result) -> tuple[list[str], list[str]]:
    """Who pays (production first) and who receives a transfer or production, in plan order."""
    found = _transfers(result)
    givers = {g for _, g, _, _ in found}
    takers = {t for _, _, t, _ in found}
    order = [PRODUCTION, *result.plan.payers]
    return [a for a in order if a in givers], [a for a in order if a in takers]


def _transfers(result: Result) -> list[tuple[int, str, str, float]]:
    """Each (line, from, to, factor): ``from`` pays ``to`` ``factor * PV_line``, as
    :func:`~sociokalkyl.analysis.perspectives.transfer_rows` counts it."""
    plan = result.plan
    found = []
    for line, flow in enumerate(plan.line_flows):
        if flow == "resource":
            continue
        sigma, weights = float(plan.orientation[line]), plan.weights[line]
        givers = np.flatnonzero(weights * sigma > 0)
        for j in np.flatnonzero(weights * sigma < 0):
            sources = [(plan.payers[g], -float(weights[g])) for g in givers] or [
                (PRODUCTION, float(weights[j]))
            ]
            found += [(line, giver, plan.payers[j], f) for giver, f in sources]
    return found


def _matrix(sheet: Sheet, result: Result, layout: _Layout, row: int) -> None:
    """Who pays whom: from (rows) to (columns), present value of the change [SEK]."""
    lang, (givers, receivers) = _lang(sheet), _matrix_actors(result)
    if not givers:
        return
    sheet.write(f"A{row}", perspective_label("matrix", lang), "bold")
    sheet.write(f"A{row + 1}", sheet_label("matrix_how", lang))
    sheet.write(
        f"A{row + 2}",
        f"{perspective_label('from', lang)} \\ {perspective_label('to', lang)}",
        "header",
    )
    for k, to in enumerate(receivers):
        sheet.write(f"{xl_col_to_name(1 + k)}{row + 2}", _actor(to, lang), "header")
    matrix = result.transfer_matrix()
    transfers = _transfers(result)
    for i, giver in enumerate(givers):
        r = row + 3 + i
        sheet.write(f"A{r}", _actor(giver, lang), "bold")
        for k, to in enumerate(receivers):
            terms = [
                _times(factor, f"{xl_col_to_name(_C0 + line)}${layout.pv}")
                for line, g, t, factor in transfers
                if g == giver and t == to
            ]
            cell = f"{xl_col_to_name(1 + k)}{r}"
            if terms:
                value = matrix.get(giver, {}).get(to, 0.0)
                sheet.formula(cell, "=" + "+".join(terms).replace("+-", "-"), value, "kr")
            else:
                sheet.write(cell, 0, "kr")


def _times(factor: float, cell: str) -> str:
    """``factor * cell`` as a formula term: ``C$47``, ``-C$47`` or ``0.5*C$47``."""
    if factor == 1.0:
        return cell
    return f"-{cell}" if factor == -1.0 else f"{factor!r}*{cell}"


def _lines(sheet: Sheet, result: Result, layout: _Layout, years: str) -> None:
    """The line block: kind, yearly values, PV (SUMPRODUCT with the factors), weights."""
    lang, plan, projection = _lang(sheet), result.plan, result.projection
    head = layout.head
    sheet.write(f"A{head - 1}", sheet_label("lines", lang), "bold")
    sheet.write(f"A{head}", sheet_label("line", lang), "header")
    sheet.write(f"A{layout.kind}", sheet_label("flow", lang), "bold")
    factors = f"'{years}'!$G${FIRST}:$G${FIRST + layout.horizon - 1}"
    pv = projection.flows[:, :, 0] @ projection.factors[:, 0]
    for line in range(layout.lines):
        col = xl_col_to_name(_C0 + line)
        sheet.write(f"{col}{head}", _line_label(result, line, lang), "header")
        sheet.write(f"{col}{layout.kind}", perspective_label(f"flow.{plan.line_flows[line]}", lang))
        for t in range(layout.horizon):
            sheet.write(f"{col}{layout.first_year + t}", float(projection.flows[line, t, 0]), "kr")
        span = f"{col}{layout.first_year}:{col}{layout.pv - 1}"
        sheet.formula(
            f"{col}{layout.pv}", f"=SUMPRODUCT({span},{factors})", float(pv[line]), "total kr"
        )
        for j, actor in enumerate(plan.payers):
            sheet.write(f"{col}{layout.actor_row[actor]}", float(plan.weights[line, j]))
        for view in plan.perspectives:
            sheet.write(f"{col}{layout.view_row[view.name]}", float(view.weights[line]))
    for t in range(layout.horizon):
        sheet.write(f"A{layout.first_year + t}", t)
        sheet.write(f"B{layout.first_year + t}", plan.base_year + t)
    sheet.write(f"A{layout.pv}", sheet_label("pv", lang), "bold")
    sheet.write(f"A{layout.first_weight - 1}", sheet_label("weights", lang), "bold")
    for actor, r in layout.actor_row.items():
        sheet.write(f"A{r}", _actor(actor, lang))
    for name, r in layout.view_row.items():
        sheet.write(f"A{r}", f"{sheet_label('perspective', lang)}: {perspective_label(name, lang)}")


def _line_label(result: Result, line: int, lang: str) -> str:
    """A line's heading: the cost item's or cost's name, and what a derived line is."""
    plan = result.plan
    name = plan.line_names[line]
    base, _, kind = name.partition(":")
    items = len(plan.item_names)
    index = plan.line_names.index(base)
    label = plan.item_names[index] if index < items else plan.cost_names[index - items]
    if kind:
        label = f"{label}: {perspective_label(f'derived.{kind}', _as_lang(lang)).lower()}"
    return label


def _actor(actor: str, lang: str) -> str:
    if actor == PRODUCTION:
        return perspective_label("produktion", _as_lang(lang))
    return perspective_label(f"actor.{actor}", _as_lang(lang)) if "/" not in actor else actor


def _lang(sheet: Sheet) -> Lang:
    return sheet.book.lang


def _as_lang(lang: str) -> Lang:
    return "en" if lang == "en" else "sv"

"""The report of a result: key figures, by payer, by cost item, year by year, assumptions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociokalkyl.language.labels import Lang, label
from sociokalkyl.language.numbers import Kind
from sociokalkyl.language.perspectives import perspective_label
from sociokalkyl.report.assumptions import assumption_table
from sociokalkyl.report.breakdown_tables import outcome_table, unpriced_table
from sociokalkyl.report.perspective_tables import (
    actor_table,
    has_perspectives,
    matrix_table,
    perspective_table,
    tax_rate_cells,
)
from sociokalkyl.report.tables import Report, Table

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["build_report"]


def build_report(
    result: Result,
    *,
    lang: Lang = "sv",
    scenario_name: str | None = None,
) -> Report:
    """The report of a :class:`~sociokalkyl.analysis.result.Result` in ``lang``.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``: every label comes from :mod:`sociokalkyl.language.labels`.
    scenario_name
        A scenario's name, shown under the heading.

    Returns
    -------
    Report
        Key figures [SEK, years], by payer or (for a model with transfers,
        production or work, or its own perspectives) the perspectives side by side,
        by actor (which replaces by payer: the same actors, with the roll-ups) and who
        pays whom, then the unpriced effects and the present value
        of each outcome's consequences per actor (each when the model has any), by
        cost item, year by year, assumptions (with the tax and contribution rates
        when the model has work).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> intervention, settings = sk.examples.servicetrainee()
    >>> report = build_report(sk.evaluate(intervention, settings))
    >>> [table.title for table in report.tables]
    ['Nyckeltal', 'Perspektiv', 'Per aktör', 'Vem betalar vem (nuvärde)', 'Per kostnadspost',
     'År för år', 'Antaganden och källor']
    """
    summary = result.summary()
    lines = [
        f"{label('analysis', lang)}: {summary['horizon']} {label('horizon', lang)} "
        f"{summary['base_year']}, {summary['price_year']} {label('prices', lang)}, "
        f"{label('discounting', lang)}: {result.plan.discounting_text(lang)}"
    ]
    if scenario_name:
        lines.append(f"{label('scenario', lang)}: {scenario_name}")
    if has_perspectives(result) or result.perspective != "samhället":
        # which perspective the key figures are (run --perspective NAME)
        headline = perspective_label(result.perspective, lang)
        lines.append(f"{perspective_label('perspective', lang)}: {headline}")
    # implausible magnitudes (issue 15), carried on the plan: shown in every report
    lines += [warning.text(lang) for warning in result.plan.warnings]
    assumptions = assumption_table(result.assumptions(), lang)
    taxes = tax_rate_cells(result, lang)
    assumptions.rows.extend(taxes)
    assumptions.kinds.extend(["text"] * 4 for _ in taxes)
    tables = [_key_figures(result, lang)]
    if has_perspectives(result):
        # "Per aktör" instead of "Per betalare": the same actors and numbers, with the
        # nämnder rolled up; then who pays whom (docs/report.md)
        tables += [perspective_table(result, lang), actor_table(result, lang)]
        if result.transfers():  # no matrix of zeros for a model without transfers
            tables.append(matrix_table(result, lang))
    else:
        tables.append(_by_payer(result, lang))
    # the effects no one priced, and each outcome's consequences (docs/outcomes.md)
    tables += [t for t in (unpriced_table(result, lang), outcome_table(result, lang)) if t]
    tables += [_by_cost_item(result, lang), _years(result, lang), assumptions]
    return Report(f"{summary['intervention']}", lines, tables)


_KEY_FIGURES: tuple[tuple[str, str, Kind], ...] = (
    ("npv", "npv", "sek"),
    ("pv_costs", "pv_costs", "sek"),
    ("pv_avoided", "pv_avoided", "sek"),
    ("bcr", "benefit_cost_ratio", "ratio"),
    ("irr", "irr", "share"),
    ("payback", "payback", "years"),
    ("payback_discounted", "payback_discounted", "years"),
    ("break_even_effect", "break_even_effect", "ratio"),
    ("max_cost", "max_cost_break_even", "sek"),
)


def _key_figures(result: Result, lang: Lang) -> Table:
    rows: list[list[Any]] = [
        [label(key, lang), getattr(result, attribute)] for key, attribute, _ in _KEY_FIGURES
    ]
    return Table(
        "key_figures",
        label("key_figures", lang),
        [label("measure", lang), label("value", lang)],
        rows,
        [["text", kind] for _, _, kind in _KEY_FIGURES],
    )


def _by_payer(result: Result, lang: Lang) -> Table:
    keys = ("payer", "pv_costs", "pv_avoided", "npv", "payback", "break_even_effect")
    rows = [[row[k] for k in keys] for row in result.by_payer()]
    return Table(
        "by_payer",
        label("by_payer", lang),
        [label(k, lang) for k in keys],
        rows,
        [["text", "sek", "sek", "sek", "years", "ratio"] for _ in rows],
    )


def _by_cost_item(result: Result, lang: Lang) -> Table:
    keys = ("cost_item", "name", "payer", "pv_baseline", "pv_avoided")
    rows: list[list[Any]] = [[row[k] for k in keys] for row in result.by_cost_item()]
    return Table(
        "by_cost_item",
        label("by_cost_item", lang),
        [label(k, lang) for k in keys],
        rows,
        [["text", "text", "text", "sek", "sek"] for _ in rows],
    )


_YEAR_KEYS = (
    "year",
    "calendar_year",
    "costs",
    "avoided",
    "net",
    "discount_factor",
    "discounted_net",
    "cumulative_net",
    "cumulative_discounted_net",
)
_YEAR_KINDS: tuple[Kind, ...] = ("int", "int", "sek", "sek", "sek", "factor", "sek", "sek", "sek")


def _years(result: Result, lang: Lang) -> Table:
    rows: list[list[Any]] = [[row[k] for k in _YEAR_KEYS] for row in result.table()]
    return Table(
        "years",
        label("years", lang),
        [label(k, lang) for k in _YEAR_KEYS],
        rows,
        [list(_YEAR_KINDS) for _ in rows],
    )

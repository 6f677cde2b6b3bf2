"""A portfolio's result and a fund's books as DataFrames and escaped HTML tables.

``PortfolioResult.to_frame``/``_repr_html_`` and ``Ledger.to_frame``/``_repr_html_``
delegate here. The numbers are the objects' own (``npv_by_member``, ``factors``,
``capital``, ``granted``, ``repaid``, ``balance``), renamed with their unit, never
recomputed beyond a sum or a mean over draws; every name is escaped. Swedish by default;
see ``docs/display.md``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import numpy as np

from sociokalkyl.analysis.display import html_table
from sociokalkyl.analysis.frames import frame_of
from sociokalkyl.language.followup import followup_label
from sociokalkyl.language.labels import as_lang
from sociokalkyl.language.numbers import format_percent, format_sek

if TYPE_CHECKING:
    from sociokalkyl.portfolio.core import PortfolioResult
    from sociokalkyl.portfolio.fund import Ledger
    from sociokalkyl.portfolio.simulate import PortfolioSimulation

__all__ = ["LEDGER_FRAME", "PORTFOLIO_FRAME", "ledger_frame", "ledger_html"]
__all__ += ["SIMULATION_FRAME", "portfolio_frame", "portfolio_html", "simulation_frame"]
__all__ += ["simulation_html"]

PORTFOLIO_FRAME: tuple[str, ...] = (
    "member", "base_year", "factor", "npv_sek", "npv_portfolio_sek",
)  # fmt: skip
"""The columns of :meth:`PortfolioResult.to_frame`, in order."""

LEDGER_FRAME: tuple[str, ...] = (
    "calendar_year", "capital_sek", "granted_sek", "repaid_mean_sek", "balance_mean_sek",
)  # fmt: skip
"""The columns of :meth:`Ledger.to_frame`, in order."""


def _member_records(result: PortfolioResult) -> list[dict[str, Any]]:
    names, plans = result.portfolio.names, result.portfolio.plans
    return [
        {
            "member": name,
            "base_year": plan.base_year,
            "factor": factor,
            "npv_sek": member.npv,
            "npv_portfolio_sek": factor * member.npv,
        }
        for name, plan, factor, member in zip(
            names, plans, result.factors, result.results, strict=True
        )
    ]


def portfolio_frame(result: PortfolioResult) -> Any:
    """A portfolio's members as a tidy DataFrame, one row a member (needs pandas).

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.portfolio.core.PortfolioResult`.

    Returns
    -------
    pandas.DataFrame
        :data:`PORTFOLIO_FRAME`: ``member``, ``base_year``, ``factor`` [1] (to the
        portfolio base year), ``npv_sek`` [SEK, own base year] and
        ``npv_portfolio_sek`` = ``factor`` × ``npv_sek`` [SEK, portfolio base year],
        which sums to ``result.npv``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio.core import evaluate_portfolio
    >>> r = evaluate_portfolio({"st": compile_plan(*examples.servicetrainee())})
    >>> portfolio_frame(r)[["member", "factor"]].values.tolist()
    [['st', 1.0]]
    """
    return frame_of(_member_records(result), PORTFOLIO_FRAME, "PortfolioResult.to_frame()")


def portfolio_html(result: PortfolioResult, lang: str = "sv") -> str:
    """A portfolio's result as HTML: the total NPV and one row a member.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.portfolio.core.PortfolioResult`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<div>`` with a line and a table [kr], every member's name escaped.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio.core import evaluate_portfolio
    >>> r = evaluate_portfolio({"<b>": compile_plan(*examples.servicetrainee())})
    >>> "&lt;b&gt;" in portfolio_html(r) and "<b>" not in portfolio_html(r)
    True
    """
    language = as_lang(lang)
    headers = [followup_label(k, language) for k in ("member", "base_year")]
    headers += [followup_label(k, language) for k in ("npv_own", "npv_portfolio")]
    rows = [
        [
            str(r["member"]),
            str(r["base_year"]),
            format_sek(r["npv_sek"], language),
            format_sek(r["npv_portfolio_sek"], language),
        ]
        for r in _member_records(result)
    ]
    rows.append([followup_label("total", language), "", "", format_sek(result.npv, language)])
    line = followup_label(
        "portfolio_line", language, n=len(rows) - 1, year=result.portfolio.base_year
    )
    table = html_table(headers, rows, caption=followup_label("by_member", language))
    return f'<div class="sociokalkyl"><p>{html.escape(line)}</p>{table}</div>'


def _ledger_records(book: Ledger) -> list[dict[str, Any]]:
    granted = book.granted.sum(axis=0)
    repaid = book.repaid.sum(axis=0).mean(axis=-1)
    balance = book.balance.mean(axis=-1)
    return [
        {
            "calendar_year": int(year),
            "capital_sek": float(book.capital[y]),
            "granted_sek": float(granted[y]),
            "repaid_mean_sek": float(repaid[y]),
            "balance_mean_sek": float(balance[y]),
        }
        for y, year in enumerate(book.years)
    ]


def ledger_frame(book: Ledger) -> Any:
    """A fund's books per calendar year as a tidy DataFrame (needs pandas).

    Parameters
    ----------
    book
        A :class:`~sociokalkyl.portfolio.fund.Ledger`.

    Returns
    -------
    pandas.DataFrame
        :data:`LEDGER_FRAME`: ``calendar_year``, ``capital_sek`` (put in),
        ``granted_sek`` (summed over investments), ``repaid_mean_sek`` (summed over
        investments, mean over draws) and ``balance_mean_sek`` (mean over draws) [SEK].

    Examples
    --------
    >>> from sociokalkyl.portfolio.fund import Fund, Investment, Repayment, ledger
    >>> f = Fund("F", {2020: 10.0}, (Investment("a", {2020: 4.0},
    ...     Repayment("schedule", schedule={2021: 3.0})),))
    >>> ledger_frame(ledger(f, {"a": {}}, 2020, 2022))["balance_mean_sek"].tolist()
    [6.0, 9.0, 9.0]
    """
    return frame_of(_ledger_records(book), LEDGER_FRAME, "Ledger.to_frame()")


def ledger_html(book: Ledger, lang: str = "sv") -> str:
    """A fund's books as HTML, one row a calendar year.

    Parameters
    ----------
    book
        A :class:`~sociokalkyl.portfolio.fund.Ledger`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<div>`` with a table [kr] captioned with the investments' names (escaped).

    Examples
    --------
    >>> from sociokalkyl.portfolio.fund import Fund, Investment, Repayment, ledger
    >>> f = Fund("F", {2020: 10.0}, (Investment("a", {2020: 4.0},
    ...     Repayment("schedule", schedule={2021: 3.0})),))
    >>> "9 kr" in ledger_html(ledger(f, {"a": {}}, 2020, 2022))
    True
    """
    language = as_lang(lang)
    keys = ("year", "capital", "granted", "repaid", "balance")
    rows = [
        [str(r["calendar_year"])] + [format_sek(r[k], language) for k in LEDGER_FRAME[1:]]
        for r in _ledger_records(book)
    ]
    caption = ", ".join(book.names)
    table = html_table([followup_label(k, language) for k in keys], rows, caption=caption)
    return f'<div class="sociokalkyl">{table}</div>'


SIMULATION_FRAME: tuple[str, ...] = (
    "series", "npv_q05_sek", "npv_q50_sek", "npv_q95_sek", "prob_npv_positive",
)  # fmt: skip
"""The columns of :meth:`PortfolioSimulation.to_frame`, in order."""


def _simulation_records(mc: PortfolioSimulation) -> list[dict[str, Any]]:
    draws = {"portfolio": mc.npv, **dict(zip(mc.portfolio.names, mc.npv_by_member, strict=True))}
    draws |= {f"payer:{payer}": values for payer, values in mc.npv_by_payer.items()}
    return [
        {
            "series": series,
            "npv_q05_sek": low,
            "npv_q50_sek": mid,
            "npv_q95_sek": high,
            "prob_npv_positive": float(np.mean(draws[series] > 0)),
        }
        for series, (low, mid, high) in mc.quantiles((0.05, 0.5, 0.95)).items()
    ]


def simulation_frame(mc: PortfolioSimulation) -> Any:
    """A portfolio simulation's quantiles as a tidy DataFrame (needs pandas).

    Parameters
    ----------
    mc
        A :class:`~sociokalkyl.portfolio.simulate.PortfolioSimulation`.

    Returns
    -------
    pandas.DataFrame
        :data:`SIMULATION_FRAME`, one row a series of :meth:`~PortfolioSimulation.quantiles`
        (``"portfolio"``, each member, ``"payer:<name>"``): the 5th, 50th and 95th
        percentile of its NPV [SEK] and the share of draws with NPV > 0 [1].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio.simulate import simulate_portfolio
    >>> mc = simulate_portfolio([compile_plan(*examples.skolfam())], [None], draws=10, seed=1)
    >>> simulation_frame(mc)["series"].tolist()[0]
    'portfolio'
    """
    records = _simulation_records(mc)
    return frame_of(records, SIMULATION_FRAME, "PortfolioSimulation.to_frame()")


def simulation_html(mc: PortfolioSimulation, lang: str = "sv") -> str:
    """A portfolio simulation as HTML: percentiles and P(NPV > 0) per series.

    Parameters
    ----------
    mc
        A :class:`~sociokalkyl.portfolio.simulate.PortfolioSimulation`.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    str
        A ``<div>`` with a table [kr; %], every member's and payer's name escaped.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio.simulate import simulate_portfolio
    >>> mc = simulate_portfolio([compile_plan(*examples.skolfam())], [None], draws=10, seed=1)
    >>> "10 dragningar" in simulation_html(mc)
    True
    """
    language = as_lang(lang)
    keys = ("member", "q5", "q50", "q95", "prob_positive")
    rows = [
        [
            followup_label("total", language) if r["series"] == "portfolio" else r["series"],
            *(format_sek(r[k], language) for k in SIMULATION_FRAME[1:4]),
            format_percent(r["prob_npv_positive"], language),
        ]
        for r in _simulation_records(mc)
    ]
    caption = f"{followup_label('simulation', language)}, "
    caption += followup_label("draws", language, n=mc.draws)
    table = html_table([followup_label(k, language) for k in keys], rows, caption=caption)
    return f'<div class="sociokalkyl">{table}</div>'

"""The fund's ledger from a portfolio's results: forecast, realised or over draws.

:func:`fund_ledger` takes the avoided costs each repayment rule names from a deterministic
:class:`~sociokalkyl.portfolio.core.PortfolioResult` (with follow-ups for the rules whose
basis is ``"realised"``) or from a
:class:`~sociokalkyl.portfolio.simulate.PortfolioSimulation` (every draw), and keeps the
books with :func:`~sociokalkyl.portfolio.fund.ledger`. Pint- and pydantic-free.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.followup.compare import FollowUp
from sociokalkyl.portfolio.core import Portfolio, PortfolioResult, actor_columns
from sociokalkyl.portfolio.fund import Fund, Investment, Ledger, ledger
from sociokalkyl.portfolio.simulate import PortfolioSimulation

__all__ = ["fund_ledger", "fund_years", "yearly_pairs"]

Array = NDArray[np.float64]


def yearly_pairs(fund: Fund) -> dict[str, list[str]]:
    """Member -> the payers whose yearly avoided costs the fund's rules read.

    Parameters
    ----------
    fund
        The fund.

    Returns
    -------
    dict of str to list of str
        For ``simulate_portfolio(..., yearly=)``.

    Examples
    --------
    >>> from sociokalkyl.portfolio.fund import Investment, Repayment
    >>> rule = Repayment("share", share=0.5, payers=("kommun",))
    >>> yearly_pairs(Fund("F", {}, (Investment("st", {2012: 1.0}, rule),)))
    {'st': ['kommun']}
    """
    pairs: dict[str, list[str]] = {}
    for investment in fund.investments:
        for payer in investment.repayment.payers:
            pairs.setdefault(investment.member, [])
            if payer not in pairs[investment.member]:
                pairs[investment.member].append(payer)
    return pairs


def fund_years(fund: Fund, portfolio: Portfolio) -> tuple[int, int]:
    """The first and last calendar year of the fund's books.

    Parameters
    ----------
    fund, portfolio
        The fund and the portfolio it finances.

    Returns
    -------
    tuple of int
        From the earliest of the capital, the grants and the portfolio base year, to
        ``fund.until`` or else the latest of the members' last years and the schedules.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> p = Portfolio(("st",), (compile_plan(*examples.servicetrainee()),))
    >>> fund_years(Fund("F", {2010: 1.0}, ()), p)
    (2010, 2021)
    """
    years = [*fund.capital, portfolio.base_year]
    later = [portfolio.years[-1]]
    for investment in fund.investments:
        years += list(investment.granted)
        later += list(investment.repayment.schedule)
    return min(years), fund.until if fund.until is not None else max(later)


def fund_ledger(
    fund: Fund,
    results: PortfolioResult | PortfolioSimulation,
    followups: Mapping[str, FollowUp] | None = None,
) -> Ledger:
    """The fund's books over a portfolio's results (one draw, or every draw).

    Parameters
    ----------
    fund
        The fund (its investments name members of the portfolio).
    results
        ``evaluate_portfolio(...)`` for the forecast books, or
        ``simulate_portfolio(..., yearly=yearly_pairs(fund))`` for the books of every draw.
    followups
        Member -> its follow-up; the rules with basis ``"realised"`` read the outcome
        (observed years as observed, later years re-projected). Deterministic only.

    Returns
    -------
    Ledger
        Capital, grants, repayments; balance and outstanding per year (and draw).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.portfolio.core import evaluate_portfolio
    >>> from sociokalkyl.portfolio.fund import Investment, Repayment
    >>> r = evaluate_portfolio({"st": compile_plan(*examples.servicetrainee())})
    >>> rule = Repayment("share", share=0.5, payers=("kommun",))
    >>> book = fund_ledger(Fund("F", {2012: 40e6}, (Investment("st", {2012: 5e6}, rule),)), r)
    >>> round(float(book.balance[-1, 0]) / 1e6, 1)    # half the savings: 3.6 of 5 mnkr back by 2021
    38.6
    """
    portfolio = results.portfolio
    first, last = fund_years(fund, portfolio)
    avoided: dict[str, dict[str, tuple[int, Array]]] = {}
    for investment in fund.investments:
        plan = portfolio.member(investment.member)
        flows = avoided.setdefault(investment.member, {})
        for payer in investment.repayment.payers:
            flows[payer] = (plan.base_year, _avoided(investment, payer, results, followups))
    return ledger(fund, avoided, first, last)


def _avoided(
    investment: Investment,
    payer: str,
    results: PortfolioResult | PortfolioSimulation,
    followups: Mapping[str, FollowUp] | None,
) -> Array:
    """One payer's avoided costs of one member, ``(T, D)``, its nested nämnder included."""
    member, basis = investment.member, investment.repayment.basis
    if isinstance(results, PortfolioSimulation):
        return results.yearly_avoided[(member, payer)]
    plan = results.portfolio.member(member)
    columns = actor_columns(plan, payer)
    if basis == "realised" and followups and member in followups:
        flows = followups[member].outcome.avoided_by_payer
    else:
        flows = results.results[results.portfolio.names.index(member)].projection.avoided_by_payer
    return np.asarray(np.sum(flows[columns], axis=0), dtype=float)

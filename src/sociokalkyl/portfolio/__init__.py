"""Portfolio and fund: several interventions together, and a social investment fund's books.

:func:`evaluate_portfolio` and :func:`simulate_portfolio` evaluate several compiled plans
together (shared inputs drawn once, see :mod:`sociokalkyl.portfolio.shared`);
:mod:`sociokalkyl.portfolio.fund` keeps the fund's ledger: capital, grants, repayments
and the balance year by year. See ``docs/fund.md``.
"""

from sociokalkyl.portfolio.core import (
    Portfolio,
    PortfolioResult,
    actor_columns,
    as_portfolio,
    evaluate_portfolio,
    shift_factor,
)
from sociokalkyl.portfolio.shared import is_shared, stream_name
from sociokalkyl.portfolio.simulate import PortfolioSimulation, simulate_portfolio

__all__ = [
    "Portfolio",
    "PortfolioResult",
    "PortfolioSimulation",
    "actor_columns",
    "as_portfolio",
    "evaluate_portfolio",
    "is_shared",
    "shift_factor",
    "simulate_portfolio",
    "stream_name",
]

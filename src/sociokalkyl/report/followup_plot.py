"""Pictures of a follow-up and a fund: forecast against outcome, and the balance's fan chart.

matplotlib is imported when a plot is drawn, never when sociokalkyl is imported; the
words come from :mod:`sociokalkyl.language.followup`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sociokalkyl._optional import require
from sociokalkyl.followup.compare import FollowUp
from sociokalkyl.language.followup import followup_label
from sociokalkyl.language.labels import as_lang, unit_word
from sociokalkyl.portfolio.fund import Ledger

__all__ = ["plot_balance", "plot_followup"]

_MILLION = 1e6


def plot_followup(f: FollowUp, ax: Any = None, *, lang: str = "sv") -> Any:
    """The cumulative net, forecast against outcome (observed years marked).

    Parameters
    ----------
    f
        The follow-up.
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes
        Cumulative net of every payer together [mnkr, analysis price year] by calendar
        year: the forecast, and the outcome (observed years as dots, the re-projection as
        a dashed line).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> from sociokalkyl.followup import follow_up
    >>> ax = plot_followup(follow_up(compile_plan(*examples.servicetrainee()), []), lang="en")
    >>> ax.get_ylabel()
    'MSEK (2023)'
    """
    plt = require("matplotlib.pyplot", "plot_followup()")
    language = as_lang(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    years = np.array(f.years)
    forecast = np.cumsum(f.net_by_payer("forecast").sum(axis=0)) / _MILLION
    outcome = np.cumsum(f.net_by_payer("outcome").sum(axis=0)) / _MILLION
    ax.plot(years, forecast, "k-", label=followup_label("forecast_cumulative", language))
    ax.plot(years, outcome, "--", color="#4f81bd",
            label=followup_label("outcome_cumulative", language))  # fmt: skip
    ax.plot(years[f.observed], outcome[f.observed], "o", color="#4f81bd",
            label=followup_label("observed", language))  # fmt: skip
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_xlabel(followup_label("year", language))
    ax.set_ylabel(f"{unit_word('mnkr', language)} ({f.plan.price_year})")
    ax.set_title(f.plan.intervention_name)
    ax.legend(fontsize="small")
    return ax


def plot_balance(book: Ledger, ax: Any = None, *, lang: str = "sv") -> Any:
    """The fund's balance by year: the median and a 5-95 % fan over the draws.

    Parameters
    ----------
    book
        The ledger (one draw: a line; many: a fan).
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes
        The balance [mnkr] by calendar year.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl.portfolio.fund import Fund, ledger
    >>> ax = plot_balance(ledger(Fund("F", {2020: 5e6}, ()), {}, 2020, 2022), lang="en")
    >>> ax.get_title()
    'Fund balance'
    """
    plt = require("matplotlib.pyplot", "plot_balance()")
    language = as_lang(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    years = book.years
    q = book.balance_quantiles((0.05, 0.5, 0.95)) / _MILLION
    if book.balance.shape[1] > 1:
        ax.fill_between(years, q[0], q[2], color="#4f81bd", alpha=0.3,
                        label=f"{followup_label('q5', language)} – "
                        f"{followup_label('q95', language)}")  # fmt: skip
    ax.plot(years, q[1], "k-o", label=followup_label("q50", language))
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_xlabel(followup_label("year", language))
    ax.set_ylabel(unit_word("mnkr", language))
    ax.set_title(followup_label("balance", language))
    ax.legend(fontsize="small")
    return ax

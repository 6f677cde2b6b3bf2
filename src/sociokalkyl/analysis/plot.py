"""A picture of a result: yearly costs and avoided costs, and the cumulative net.

matplotlib is imported when a plot is drawn, never when sociokalkyl is imported. The words
come from :mod:`sociokalkyl.language.labels`, in Swedish or English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociokalkyl._optional import require
from sociokalkyl.language.labels import as_lang, label, unit_word

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = ["plot_result"]

_MILLION = 1e6


def plot_result(result: Result, ax: Any = None, *, lang: str = "sv") -> Any:
    """Bars of yearly costs (down) and avoided costs (up), lines of the cumulative net.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    ax
        A matplotlib Axes to draw on; a new figure (8 x 4.5 in) when None.
    lang
        ``"sv"`` (the default) or ``"en"``: the labels' language.

    Returns
    -------
    matplotlib.axes.Axes
        The Axes, with amounts in millions of kronor [mnkr] of the analysis price year
        against calendar years: ``-costs[t]``, ``avoided[t]``, the cumulative net
        ``sum_{s<=t} (avoided[s] - costs[s])`` and its discounted form.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> ax = plot_result(sk.evaluate(*sk.examples.servicetrainee()), lang="en")
    >>> ax.get_xlabel(), sorted(t.get_text() for t in ax.get_legend().get_texts())[2:]
    ('Year', ['Cumulative net, discounted', 'Intervention costs'])
    """
    plt = require("matplotlib.pyplot", "Result.plot()")
    language = as_lang(lang)
    rows = result.table()
    years = [int(row["calendar_year"]) for row in rows]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    width = 0.4
    costs = [-row["costs"] / _MILLION for row in rows]
    avoided = [row["avoided"] / _MILLION for row in rows]
    ax.bar([y - width / 2 for y in years], costs, width,
           label=label("plot_costs", language), color="#c0504d")  # fmt: skip
    ax.bar([y + width / 2 for y in years], avoided, width,
           label=label("avoided", language), color="#4f81bd")  # fmt: skip
    cumulative = [row["cumulative_net"] / _MILLION for row in rows]
    discounted = [row["cumulative_discounted_net"] / _MILLION for row in rows]
    ax.plot(years, cumulative, "k-o", label=label("cumulative_net", language))
    ax.plot(years, discounted, "k--", label=label("plot_cumulative_discounted", language))
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_xlabel(label("year", language))
    ax.set_ylabel(f"{unit_word('mnkr', language)} ({result.plan.price_year})")
    ax.set_title(result.plan.intervention_name)
    ax.legend(fontsize="small")
    return ax

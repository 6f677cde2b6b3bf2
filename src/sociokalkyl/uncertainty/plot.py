"""Pictures of a simulation and a tornado: NPV distribution, payback, chance by year, tornado.

matplotlib is imported when a plot is drawn. Each function takes an optional ``ax`` and
returns it; words from :mod:`sociokalkyl.language` (Swedish default, ``lang="en"``);
readable in greyscale (hatches and line styles). The payback plot never drops the draws
that do not pay back: their share is a bar of its own, right of the horizon, labelled
"inte inom horisonten".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from sociokalkyl._optional import require
from sociokalkyl.analysis.plot import set_title
from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import as_lang, label
from sociokalkyl.language.numbers import format_percent
from sociokalkyl.language.simulation import simulation_label
from sociokalkyl.uncertainty.payback import payback_stats

if TYPE_CHECKING:
    from sociokalkyl.uncertainty.sensitivity import Tornado
    from sociokalkyl.uncertainty.simulation_result import SimulationResult

__all__ = ["plot_histogram", "plot_payback", "plot_payback_curve", "plot_simulation",
           "plot_tornado"]  # fmt: skip


def _axes(ax: Any, needed_by: str, size: tuple[float, float] = (7, 4)) -> Any:
    plt = require("matplotlib.pyplot", needed_by)
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")  # room for outside legends
    return ax


def plot_simulation(
    result: SimulationResult, metric: str = "npv", payer: str | None = None, *,
    bins: int = 50, ax: Any = None, lang: str = "sv", perspective: str | None = None,
) -> Any:  # fmt: skip
    """The plot of :meth:`SimulationResult.plot`: a distribution, the payback, or the curve.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    metric
        ``"npv"`` and other metric keys: a histogram (:func:`plot_histogram`, P(NPV > 0)
        marked for the NPV); ``"payback"``/``"payback_discounted"``: :func:`plot_payback`;
        ``"payback_curve"``: :func:`plot_payback_curve`.
    payer
        The payer's metric instead of the total.
    bins
        Number of histogram bins.
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` (the default) or ``"en"``.
    perspective
        A perspective's metric (``"kommun"``, ``"offentlig_sektor"``, ``"samhället"``)
        instead of the headline's; named in the title.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=200,
    ...               seed=1)
    >>> plot_simulation(mc, "payback", lang="en").get_xlabel()
    'Payback period [years]'
    """
    if metric == "payback_curve":
        return plot_payback_curve(result, ax, payer=payer, lang=lang, perspective=perspective)
    if metric in ("payback", "payback_discounted"):
        return plot_payback(result, ax, discounted=metric == "payback_discounted", payer=payer,
                            bins=bins, lang=lang, perspective=perspective)  # fmt: skip
    return plot_histogram(result, metric, payer, bins=bins, ax=ax, lang=lang,
                          perspective=perspective)  # fmt: skip


def _whose(result: SimulationResult, payer: str | None, perspective: str | None, lang: str) -> str:
    """`` (kommun)`` for a payer, `` (Offentlig sektor)`` for a perspective, else ``""``."""
    if perspective is not None:
        from sociokalkyl.language.perspectives import perspective_label

        name = result.plan.perspective(perspective).name
        return f" ({perspective_label(name, as_lang(lang))})"
    return f" ({payer})" if payer else ""


def plot_histogram(
    result: SimulationResult, metric: str = "npv", payer: str | None = None, *,
    bins: int = 50, ax: Any = None, lang: str = "sv", perspective: str | None = None,
) -> Any:  # fmt: skip
    """A histogram of the kept draws of one metric, 0 and the mean marked; P(NPV > 0) for NPV.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    metric
        A metric key such as ``"npv"`` (money is shown in mnkr) or ``"benefit_cost_ratio"``.
    payer
        The payer's metric instead of the total.
    bins
        Number of histogram bins.
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` (the default) or ``"en"``.
    perspective
        A perspective's metric instead of the headline's (``npv_by_perspective``).

    Returns
    -------
    matplotlib.axes.Axes
        Counts of draws against the metric [mnkr, or its unit]; for the NPV the draws
        above 0 hatched, with ``P(NPV > 0)`` over all draws in the legend.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import skolfam_uncertainty
    >>> mc = simulate(*examples.skolfam(), skolfam_uncertainty(), draws=200, seed=1)
    >>> [t.get_text()[:8] for t in plot_histogram(mc).get_legend().get_texts()]
    ['P(netton', 'Medelvär']
    """
    language = as_lang(lang)
    ax = _axes(ax, "SimulationResult.plot()")
    key = result._key(metric, payer, perspective)
    data = result.values(key)
    data = data[np.isfinite(data)]
    money = not metric.startswith(("payback", "irr", "benefit"))
    scale = 1e6 if money else 1.0
    edges = np.histogram_bin_edges(data / scale, bins=bins)
    ax.hist(data / scale, bins=edges, color="#4477aa", edgecolor="black", linewidth=0.3)
    if metric == "npv":
        p = result.prob_npv_positive_by_payer[payer] if payer else result.prob_npv_positive
        if perspective is not None:
            p = result.prob_npv_positive_by_perspective[key.split("@")[1]]
        text = display_label("plot_prob_npv", language, p=format_percent(p, language))
        ax.hist(data[data > 0] / scale, bins=edges, color="#ddcc77", hatch="//",
                edgecolor="black", linewidth=0.3, label=text)  # fmt: skip
    if money:
        ax.axvline(0.0, color="black", linewidth=1)
    mean = (result.mean(metric, payer) if perspective is None else float(np.mean(data))) / scale
    ax.axvline(mean, color="#cc6677", linestyle="--", label=simulation_label("mean", language))
    unit = f" [{simulation_label('plot_mnkr', language)}]" if money else ""
    view = _whose(result, None, perspective, language)  # a payer as before: ", kommun"
    name = simulation_label(metric, language) + (f", {payer}" if payer else "") + view
    ax.set_xlabel(f"{name}{unit}")
    ax.set_ylabel(simulation_label("plot_draws", language))
    title = simulation_label("plot_title_draws", language)
    set_title(ax, title.format(name=result.plan.intervention_name, draws=result.draws) + view)
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2)
    return ax


def plot_payback(
    result: SimulationResult, ax: Any = None, *, discounted: bool = False,
    payer: str | None = None, bins: int = 20, lang: str = "sv", perspective: str | None = None,
) -> Any:  # fmt: skip
    """The payback over all draws: the paying draws by year, and a bar for those that never do.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    ax
        A matplotlib Axes; a new figure when None.
    discounted
        The discounted payback.
    payer
        The payer's own payback.
    bins
        Bins over ``[0, horizon]``.
    lang
        ``"sv"`` (the default) or ``"en"``.
    perspective
        A perspective's payback instead of the headline's.

    Returns
    -------
    matplotlib.axes.Axes
        Share of all draws [1] against the payback [years]: the paying draws as a
        histogram (together ``share_paying_back``), and a hatched bar right of the horizon,
        ``share_never`` high, labelled "inte inom horisonten: 98,1 %". The bars sum to 1.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import skolfam_uncertainty
    >>> mc = simulate(*examples.skolfam(), skolfam_uncertainty(), draws=500, seed=1)
    >>> ax = plot_payback(mc, lang="en")
    >>> round(float(sum(p.get_height() for p in ax.patches)), 6)
    1.0
    """
    language = as_lang(lang)
    ax = _axes(ax, "SimulationResult.plot('payback')")
    stats = payback_stats(result, discounted=discounted, payer=payer)
    horizon = result.plan.horizon
    share_never = stats.share_never
    if perspective is not None:  # counted over all draws, as payback_stats counts
        share_never = 1.0 - result.prob_payback_within(horizon, discounted=discounted,
                                                       perspective=perspective)  # fmt: skip
    data = result.values(result._key(stats.metric, payer, perspective))
    paying = data[np.isfinite(data)]
    edges = np.linspace(0.0, horizon, bins + 1)
    if paying.size:
        weights = np.full(paying.size, (1.0 - share_never) / paying.size)
        ax.hist(paying, bins=edges, weights=weights, color="#4477aa", edgecolor="black",
                linewidth=0.3, label=display_label("share_paying", language))  # fmt: skip
    width = max(1.0, horizon / 10)
    never = display_label("plot_never_bar", language, p=format_percent(share_never, language))
    ax.bar([horizon + width], [share_never], width, color="#bbbbbb", hatch="xx",
           edgecolor="black", label=never)  # fmt: skip
    ax.axvline(horizon, color="black", linestyle=":", linewidth=1)
    ax.set_xlabel(f"{label(stats.metric, language)} [{display_label('years', language)}]")
    ax.set_ylabel(display_label("plot_share_draws", language))
    who = _whose(result, payer, perspective, language)
    set_title(ax, display_label("plot_payback_title", language,
                                name=result.plan.intervention_name) + who)  # fmt: skip
    ax.legend(fontsize="small", loc="upper left")
    return ax


def plot_payback_curve(
    result: SimulationResult, ax: Any = None, *, payer: str | None = None, lang: str = "sv",
    perspective: str | None = None,
) -> Any:  # fmt: skip
    """P(payback <= k) for k = 0 ... horizon, undiscounted and discounted (from payback_curve).

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    ax
        A matplotlib Axes; a new figure when None.
    payer
        The payer's own payback.
    lang
        ``"sv"`` (the default) or ``"en"``.
    perspective
        A perspective's payback instead of the headline's (``payback_curve(perspective=)``).

    Returns
    -------
    matplotlib.axes.Axes
        Two lines (solid with circles, dashed with squares) of probabilities [0, 1]
        against k [years after the base year]; at ``k = horizon`` the gap to 1 is the
        share that does not pay back within the horizon.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import skolfam_uncertainty
    >>> mc = simulate(*examples.skolfam(), skolfam_uncertainty(), draws=200, seed=1)
    >>> ax = plot_payback_curve(mc, lang="en")
    >>> list(ax.get_lines()[0].get_ydata()) == mc.payback_curve()
    True
    """
    language = as_lang(lang)
    ax = _axes(ax, "SimulationResult.plot('payback_curve')")
    ks = list(range(result.plan.horizon + 1))
    for discounted, style, words in ((False, "k-o", "plot_undiscounted"),
                                     (True, "k--s", "plot_discounted")):  # fmt: skip
        curve = result.payback_curve(discounted=discounted, payer=payer, perspective=perspective)
        ax.plot(ks, curve, style, label=display_label(words, language), markersize=4)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(display_label("plot_curve_x", language) + f" ({result.plan.base_year} = 0)")
    ax.set_ylabel(display_label("plot_curve_y", language))
    who = _whose(result, payer, perspective, language)
    set_title(ax, display_label("plot_curve_title", language,
                                name=result.plan.intervention_name) + who)  # fmt: skip
    ax.legend(fontsize="small", loc="upper left")
    return ax


def plot_tornado(tornado: Tornado, ax: Any = None, *, lang: str = "sv") -> Any:
    """The tornado: one bar a parameter, the NPV at its low and high value, labels in words.

    Parameters
    ----------
    tornado
        A :class:`~sociokalkyl.uncertainty.sensitivity.Tornado`.
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` (the default) or ``"en"``: the parameters' labels
        (:meth:`Plan.parameter_label <sociokalkyl.engine.Plan.parameter_label>`).

    Returns
    -------
    matplotlib.axes.Axes
        Horizontal bars from the NPV as given [mnkr], largest swing on top; low ends
        hatched ``//``, high ends ``..``; the legend below the axes, where it covers no bar.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.uncertainty.sensitivity import tornado
    >>> t = tornado(*examples.servicetrainee(), {"effect_multiplier": {"kind": "uniform",
    ...     "low": 0.5, "high": 1.5}})
    >>> [x.get_text() for x in plot_tornado(t, lang="en").get_yticklabels()]
    ['Multiple of every effect (1 = as given)']
    """
    language = as_lang(lang)
    low = simulation_label("plot_low", language).format(q=f"{tornado.low_quantile:.0%}")
    high = simulation_label("plot_high", language).format(q=f"{tornado.high_quantile:.0%}")
    ax = _axes(ax, "Tornado.plot()", (8, 0.5 * len(tornado.rows) + 2))
    base = tornado.base_npv / 1e6
    for y, row in enumerate(reversed(tornado.rows)):
        for value, color, hatch, name in ((row.npv_low, "#4477aa", "//", low),
                                          (row.npv_high, "#cc6677", "..", high)):  # fmt: skip
            ax.barh(y, value / 1e6 - base, left=base, color=color, hatch=hatch,
                    edgecolor="black", label=name if y == 0 else None)  # fmt: skip
    ax.set_yticks(range(len(tornado.rows)), [r.label(language) for r in reversed(tornado.rows)])
    ax.axvline(base, color="black", linewidth=1)
    who = f" ({tornado.payer})" if tornado.payer else ""
    mnkr = simulation_label("plot_mnkr", language)
    ax.set_xlabel(f"{simulation_label('npv', language)}{who} [{mnkr}]")
    title = simulation_label("plot_tornado_title", language)
    set_title(ax, title.format(name=tornado.intervention_name))
    if tornado.rows:  # below the x label, outside the bars
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize="small")
    return ax

"""Pictures of a result: the overview, the cumulative net with the payback marked, the flows.

matplotlib is imported when a plot is drawn, never when sociokalkyl is imported. Each
function takes an optional ``ax`` and returns it; the words come from
:mod:`sociokalkyl.language` in Swedish (the default) or English. The plots read in
greyscale: lines differ by style and marker, bars by hatch, never by colour alone.

The payback marker sits at the computed payback: the cumulative net is drawn at
``x = t`` (years after the base year) with straight lines between the years, and the
payback ``(t - 1) + (-C[t-1]) / v[t]`` is exactly where that line crosses 0
(``docs/conventions.md``, "Payback").
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from sociokalkyl._optional import require
from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import Lang, as_lang, label, unit_word
from sociokalkyl.language.numbers import format_years

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = ["HATCHES", "RESULT_PLOTS", "plot_cumulative", "plot_flows", "plot_of", "plot_result",
           "set_title"]  # fmt: skip

_MILLION = 1e6
HATCHES = ("//", "..", "xx", "\\\\", "oo", "++", "--", "**")
"""Bar hatches, in the order series use them (readable in greyscale)."""
RESULT_PLOTS = ("overview", "cumulative", "payers", "cost_items", "perspectives", "actors",
                "transfers")  # fmt: skip
"""The kinds of :meth:`Result.plot`."""


def _axes(ax: Any, needed_by: str, size: tuple[float, float] = (8, 4.5)) -> Any:
    plt = require("matplotlib.pyplot", needed_by)
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")  # room for outside legends
    return ax


def set_title(ax: Any, text: str) -> Any:
    """Set ``text`` as the title of ``ax``, wrapped to lines that fit the figure's width.

    Parameters
    ----------
    ax
        A matplotlib Axes.
    text
        The title (a long intervention name wraps at spaces, never runs past the edge).

    Returns
    -------
    matplotlib.text.Text
        The title: lines of at most ``width [in] * 72 / (0.6 * size [pt])`` characters,
        a character taken as 0.6 of the font size wide (generous for DejaVu Sans).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> _, ax = plt.subplots(figsize=(4, 3))
    >>> set_title(ax, "ett mycket långt namn " * 4).get_text().count("\\n") >= 1
    True
    """
    import textwrap

    title = ax.set_title(text)
    width = ax.figure.get_figwidth() * 72 / (0.6 * title.get_fontsize())
    title.set_text(textwrap.fill(text, width=max(20, int(width)), break_long_words=True))
    return title


def _never(ax: Any, key: str, language: Lang, y: float = 0.97) -> None:
    """Say in the axes (a text, upper left) that the intervention never pays back."""
    ax.text(0.02, y, display_label(key, language), transform=ax.transAxes, fontsize="small",
            va="top", bbox={"facecolor": "white", "edgecolor": "black", "alpha": 0.85})  # fmt: skip


def _money_axis(ax: Any, result: Result, language: str) -> None:
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_ylabel(f"{unit_word('mnkr', language)} ({result.plan.price_year})")


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
        ``sum_{s<=t} (avoided[s] - costs[s])`` and its discounted form; the payback, when
        there is one, marked at ``base_year + payback`` and written beside the mark.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> ax = plot_result(sk.evaluate(*sk.examples.servicetrainee()), lang="en")
    >>> ax.get_xlabel(), sorted(t.get_text() for t in ax.get_legend().get_texts())[2:]
    ('Year', ['Cumulative net, discounted', 'Intervention costs'])
    """
    language = as_lang(lang)
    ax = _axes(ax, "Result.plot()")
    rows = result.table()
    years = [int(row["calendar_year"]) for row in rows]
    width = 0.4
    costs = [-row["costs"] / _MILLION for row in rows]
    avoided = [row["avoided"] / _MILLION for row in rows]
    ax.bar([y - width / 2 for y in years], costs, width, label=label("plot_costs", language),
           color="#c0504d", hatch=HATCHES[0], edgecolor="black")  # fmt: skip
    ax.bar([y + width / 2 for y in years], avoided, width, label=label("avoided", language),
           color="#4f81bd", hatch=HATCHES[1], edgecolor="black")  # fmt: skip
    cumulative = [row["cumulative_net"] / _MILLION for row in rows]
    discounted = [row["cumulative_discounted_net"] / _MILLION for row in rows]
    ax.plot(years, cumulative, "k-o", label=label("cumulative_net", language))
    ax.plot(years, discounted, "k--", label=label("plot_cumulative_discounted", language))
    if math.isfinite(result.payback):
        x = result.plan.base_year + result.payback
        ax.plot([x], [0.0], "kv", markersize=10)
        text = display_label("plot_payback_at", language, x=format_years(result.payback, language))
        ax.annotate(text, (x, 0.0), xytext=(4, 8), textcoords="offset points", fontsize="small")
    else:
        _never(ax, "never", language)
    _money_axis(ax, result, language)
    ax.set_xlabel(label("year", language))
    set_title(ax, result.plan.intervention_name)
    ax.legend(fontsize="small")
    return ax


def plot_cumulative(result: Result, ax: Any = None, *, lang: str = "sv") -> Any:
    """The cumulative net, undiscounted and discounted, with each payback marked and labelled.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    ax
        A matplotlib Axes to draw on; a new figure when None.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes
        Against ``t`` [years after the base year]: ``C[t] = sum_{s<=t} v[s]`` (solid,
        circles) and ``sum_{s<=t} v[s] f[s]`` (dashed, squares) [mnkr]; a marker (``v`` and
        ``D``) at ``(payback, 0)`` and ``(payback_discounted, 0)``, labelled
        "återbetald efter 3,0 år" in the legend, where the intervention pays back.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> result = sk.evaluate(*sk.examples.seniorer_ostersund())
    >>> ax = plot_cumulative(result, lang="en")
    >>> marker = [line for line in ax.get_lines() if line.get_marker() == "v"][0]
    >>> float(marker.get_xdata()[0]) == result.payback, marker.get_label()
    (True, 'paid back after 3.0 years')
    """
    language = as_lang(lang)
    ax = _axes(ax, "Result.plot('cumulative')")
    rows = result.table()
    t = [int(row["year"]) for row in rows]
    for key, style, payback, marker, words, offset, never in (
        ("cumulative_net", "k-o", result.payback, "v", "plot_payback_at", (-8, 10), "never"),
        ("cumulative_discounted_net", "k--s", result.payback_discounted, "D",
         "plot_payback_d_at", (8, -14), "plot_never_d"),
    ):  # fmt: skip
        name = label(key if key == "cumulative_net" else "plot_cumulative_discounted", language)
        ax.plot(t, [row[key] / _MILLION for row in rows], style, label=name, markersize=4)
        if math.isfinite(payback):
            text = display_label(words, language, x=format_years(payback, language))
            ax.plot([payback], [0.0], marker, color="black", markersize=10, label=text,
                    markerfacecolor="white", linestyle="none")  # fmt: skip
            ax.annotate(format_years(payback, language), (payback, 0.0), xytext=offset,
                        textcoords="offset points", fontsize="small",
                        ha="right" if offset[0] < 0 else "left")  # fmt: skip
        elif never == "never" or math.isfinite(result.payback):  # one text when neither does
            _never(ax, never, language)
    _money_axis(ax, result, language)
    ax.set_xlabel(
        f"{display_label('plot_years_after', language)} ({result.plan.base_year} = 0)".capitalize()
    )
    title = display_label("plot_cumulative_title", language, name=result.plan.intervention_name)
    set_title(ax, title)
    ax.legend(fontsize="small")
    return ax


def plot_flows(result: Result, ax: Any = None, *, by: str = "payer", lang: str = "sv") -> Any:
    """Stacked bars by year: costs down and avoided costs up, per payer or per cost item.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    ax
        A matplotlib Axes to draw on; a new figure when None.
    by
        ``"payer"``: each payer's costs (down) and avoided costs (up); ``"cost_item"``:
        the intervention's costs (down) and the avoided costs of each cost item (up).
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes
        One stacked bar a calendar year [mnkr], each series with its own hatch.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> ax = plot_flows(sk.evaluate(*sk.examples.skolfam()), by="cost_item", lang="en")
    >>> len(ax.get_legend().get_texts())
    3
    """
    language = as_lang(lang)
    if by not in ("payer", "cost_item"):
        from sociokalkyl.errors import InputError

        raise InputError("is not a way to split the flows", field="by", value=by,
                         expected='"payer" or "cost_item"')  # fmt: skip
    ax = _axes(ax, f"Result.plot({by + 's'!r})")
    series = _flow_series(result, by, language)
    years = [result.plan.base_year + t for t in range(result.plan.horizon)]
    up = [0.0] * len(years)
    down = [0.0] * len(years)
    for i, (name, heights) in enumerate(series):
        bottom = [up[j] if h >= 0 else down[j] for j, h in enumerate(heights)]
        ax.bar(years, heights, 0.7, bottom=bottom, label=name, hatch=HATCHES[i % 8],
               edgecolor="black", alpha=0.85)  # fmt: skip
        for j, h in enumerate(heights):
            if h >= 0:
                up[j] += h
            else:
                down[j] += h
    _money_axis(ax, result, language)
    ax.set_xlabel(label("year", language))
    words = display_label(f"plot_by_{by}", language)
    set_title(ax, display_label("plot_flows_title", language,
                                name=result.plan.intervention_name, by=words))  # fmt: skip
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.15))  # no bar hidden
    return ax


def _flow_series(result: Result, by: str, language: Lang) -> list[tuple[str, list[float]]]:
    """(label, bar heights [mnkr]) for each series of :func:`plot_flows`, labelled by sign.

    A line's amounts drawn up (a cost avoided) and down (a cost, or an avoided cost that
    is negative: the use grows) are two series, each named for the way its bars point.
    """
    projection = result.projection
    lines: list[tuple[str, str, list[float]]] = []  # (word if up, word if down, heights)
    if by == "payer":
        for j in projection.active_payers:
            who = result.plan.payers[int(j)]
            costs = [-float(v) for v in projection.costs_by_payer[int(j), :, 0]]
            avoided = [float(v) for v in projection.avoided_by_payer[int(j), :, 0]]
            lines.append((display_label("plot_gain_of", language, who=who),
                          display_label("plot_cost_of", language, who=who), costs))  # fmt: skip
            lines.append((display_label("plot_avoided_of", language, who=who),
                          display_label("plot_added_of", language, who=who), avoided))  # fmt: skip
    else:
        total = [-float(v) for v in projection.costs[..., 0].sum(axis=0)]
        lines.append((label("plot_costs", language), label("plot_costs", language), total))
        for i, who in enumerate(result.plan.item_names):
            avoided = [float(v) for v in projection.avoided[i, :, 0]]
            lines.append((display_label("plot_avoided_of", language, who=who),
                          display_label("plot_added_of", language, who=who), avoided))  # fmt: skip
    series = []
    for up_word, down_word, values in lines:
        for word, keep in ((up_word, 1.0), (down_word, -1.0)):
            part = [v / _MILLION if v * keep > 0 else 0.0 for v in values]
            if any(part):
                series.append((word, part))
    return series


def plot_of(result: Result, kind: str = "overview", ax: Any = None, *, lang: str = "sv") -> Any:
    """The plot :meth:`Result.plot` draws for ``kind``.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    kind
        ``"overview"`` (:func:`plot_result`), ``"cumulative"`` (:func:`plot_cumulative`),
        ``"payers"`` or ``"cost_items"`` (:func:`plot_flows`), ``"perspectives"``,
        ``"actors"`` or ``"transfers"`` (:mod:`~sociokalkyl.analysis.plot_perspectives`).
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    InputError
        For an unknown ``kind``, naming the known ones.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> plot_of(sk.evaluate(*sk.examples.skolfam()), "payers", lang="en").get_xlabel()
    'Year'
    """
    if kind == "overview":
        return plot_result(result, ax, lang=lang)
    if kind == "cumulative":
        return plot_cumulative(result, ax, lang=lang)
    if kind in ("payers", "cost_items"):
        return plot_flows(result, ax, by=kind[:-1], lang=lang)
    if kind in ("perspectives", "actors", "transfers"):
        from sociokalkyl.analysis import plot_perspectives

        draw = getattr(plot_perspectives, f"plot_{kind}")
        return draw(result, ax, lang=lang)
    from sociokalkyl.errors import unknown_name

    raise unknown_name(kind, RESULT_PLOTS, "a kind of plot", field="kind")

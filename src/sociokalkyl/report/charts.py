"""The printable report's charts, drawn with matplotlib and returned as SVG text.

Each function takes what it draws (a result, NPV draws, a tornado) and the language,
and returns one SVG document as a string, ready to inline in HTML (the report puts it
in an ``<img>`` as a data URI, so the page fetches nothing). The figures are made with
:class:`matplotlib.figure.Figure` directly, never through ``pyplot``: no global state,
no window, safe in a server. Amounts are shown in mnkr with Swedish decimals.

- :func:`cumulative_chart`: cumulative net and cumulative discounted net by year, the
  payback marked with a vertical line;
- :func:`flows_chart`: intervention costs beside avoided costs by year, one panel per
  payer;
- :func:`distribution_chart`: the Monte Carlo NPV histogram, the share above zero
  shaded, P(NPV > 0) in the title;
- :func:`tornado_chart`: one bar per parameter, from its low to its high NPV.

Examples
--------
>>> import sociokalkyl as sk
>>> svg = cumulative_chart(sk.evaluate(*sk.examples.skolfam()))
>>> svg.startswith("<?xml") and "</svg>" in svg
True
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sociokalkyl.errors import SociokalkylError
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_number, format_percent, format_years
from sociokalkyl.language.report import report_label

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result
    from sociokalkyl.uncertainty.sensitivity import Tornado

__all__ = [
    "MissingDependency",
    "cumulative_chart",
    "distribution_chart",
    "flows_chart",
    "tornado_chart",
]

COSTS, AVOIDED, NET, NET_D = "#C00000", "#548235", "#1F4E79", "#C55A11"
WIDTH = 6.8
"""A chart's width [inches]: the text width of an A4 page with 2 cm margins."""


class MissingDependency(SociokalkylError, ImportError):
    """An optional package the report needs is not installed (the message says how).

    Examples
    --------
    >>> isinstance(MissingDependency("x"), ImportError)
    True
    """


def _figure(height: float, lang: Lang, panels: int = 1) -> tuple[Any, list[Any]]:
    """A figure of ``panels`` stacked axes, without pyplot."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependency(report_label("no_matplotlib", lang)) from None
    figure = Figure(figsize=(WIDTH, height * panels), layout="constrained")
    axes = figure.subplots(panels, 1, squeeze=False)[:, 0]
    for ax in axes:
        ax.grid(axis="y", color="#D9D9D9", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return figure, list(axes)


def _svg(figure: Any) -> str:
    """The figure as SVG text, reproducible (fixed ids, no date)."""
    from matplotlib import rc_context

    stream = io.StringIO()
    with rc_context({"svg.hashsalt": "sociokalkyl", "svg.fonttype": "path"}):
        figure.savefig(stream, format="svg", metadata={"Date": None})
    return stream.getvalue()


def _mnkr_axis(ax: Any, lang: Lang, axis: str = "y") -> None:
    """Amounts [SEK] shown in mnkr with the language's decimal sign."""
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda value, _: format_number(value / 1e6, 1, lang))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)
    setter = ax.set_ylabel if axis == "y" else ax.set_xlabel
    setter(report_label("chart_mnkr", lang))


def cumulative_chart(result: Result, lang: Lang = "sv") -> str:
    """Cumulative net and cumulative discounted net by calendar year [SEK], payback marked.

    Parameters
    ----------
    result
        A deterministic result.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        An SVG document; its title gives the payback (``"Återbetalning efter 3,2 år"``,
        or that it does not pay back within the horizon).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> "<svg" in cumulative_chart(sk.evaluate(*sk.examples.servicetrainee()), "en")
    True
    """
    table = result.table()
    years = [int(row["calendar_year"]) for row in table]
    figure, (ax,) = _figure(2.8, lang)
    ax.plot(
        years,
        [row["cumulative_net"] for row in table],
        color=NET,
        linewidth=2,
        marker="o",
        markersize=3,
        label=report_label("chart_cumulative", lang),
    )
    ax.plot(
        years,
        [row["cumulative_discounted_net"] for row in table],
        color=NET_D,
        linewidth=2,
        linestyle="--",
        label=report_label("chart_cumulative_d", lang),
    )
    ax.axhline(0, color="black", linewidth=0.8)
    payback = result.payback
    if math.isnan(payback):
        title = report_label("chart_no_payback", lang)
    else:
        title = report_label("chart_payback", lang, years=format_years(payback, lang))
        ax.axvline(years[0] + payback, color="#7F7F7F", linestyle=":", linewidth=1.5)
        ax.annotate(
            format_years(payback, lang),
            (years[0] + payback, 0.92),
            xycoords=("data", "axes fraction"),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=8,
            color="#404040",
        )
    ax.set_title(title, fontsize=10, loc="left")
    _mnkr_axis(ax, lang)
    ax.set_xlabel(report_label("chart_year", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return _svg(figure)


def flows_chart(result: Result, lang: Lang = "sv") -> str:
    """Intervention costs beside avoided costs by year [SEK], one panel per payer.

    Parameters
    ----------
    result
        A deterministic result.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        An SVG document.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> flows_chart(sk.evaluate(*sk.examples.skolfam())).count("<svg")
    1
    """
    rows = result.yearly_by_payer()
    payers = [p for p in result.plan.payers if any(r["payer"] == p for r in rows)]
    figure, axes = _figure(2.0, lang, max(len(payers), 1))
    for ax, payer in zip(axes, payers, strict=False):
        mine = [r for r in rows if r["payer"] == payer]
        years = [result.plan.base_year + int(r["year"]) for r in mine]
        ax.bar(
            [y - 0.2 for y in years],
            [float(r["costs"]) for r in mine],
            width=0.4,
            color=COSTS,
            label=report_label("chart_costs", lang),
        )
        ax.bar(
            [y + 0.2 for y in years],
            [float(r["avoided"]) for r in mine],
            width=0.4,
            color=AVOIDED,
            label=report_label("chart_avoided", lang),
        )
        ax.set_title(report_label("chart_flows_payer", lang, payer=payer), fontsize=10, loc="left")
        _mnkr_axis(ax, lang)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(fontsize=8, frameon=False)
    axes[-1].set_xlabel(report_label("chart_year", lang))
    return _svg(figure)


def distribution_chart(npv: Sequence[float] | Any, lang: Lang = "sv") -> str:
    """The Monte Carlo NPV distribution [SEK]: a histogram, the part above zero shaded.

    Parameters
    ----------
    npv
        The NPV of each draw [SEK] (``SimulationResult.npv``).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        An SVG document; its title gives the number of draws and P(NPV > 0), the share
        of draws with NPV above zero.

    Examples
    --------
    >>> "P(NPV &gt; 0) = 50,0 %" in distribution_chart([-1e6, 2e6])
    True
    """
    import numpy as np

    values = np.asarray(npv, dtype=float)
    values = values[np.isfinite(values)]
    share = float(np.mean(values > 0)) if values.size else math.nan
    figure, (ax,) = _figure(2.6, lang)
    bins = np.histogram_bin_edges(values, bins=min(40, max(values.size // 5, 2)))
    ax.hist(values[values <= 0], bins=bins, color=COSTS, alpha=0.85)
    ax.hist(values[values > 0], bins=bins, color=AVOIDED, alpha=0.85)
    ax.axvline(0, color="black", linewidth=0.8)
    title = report_label(
        "chart_distribution",
        lang,
        draws=format_number(values.size, 0, lang),
        p=format_percent(share, lang),
    )
    ax.set_title(title, fontsize=10, loc="left")
    _mnkr_axis(ax, lang, axis="x")
    ax.set_ylabel(report_label("chart_draws", lang))
    return _svg(figure)


def tornado_chart(tornado: Tornado, lang: Lang = "sv") -> str:
    """One bar per parameter from its low-value to its high-value NPV [SEK].

    Parameters
    ----------
    tornado
        A :class:`~sociokalkyl.uncertainty.sensitivity.Tornado` (rows by swing, largest
        first; drawn largest at the top).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        An SVG document.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> t = sk.tornado(*sk.examples.servicetrainee(), {"effect_multiplier": {
    ...     "kind": "uniform", "low": 0.5, "high": 1.5}})
    >>> "<svg" in tornado_chart(t)
    True
    """
    rows = list(tornado.rows)[::-1]
    figure, (ax,) = _figure(max(1.4 + 0.4 * len(rows), 2.2), lang)
    base = tornado.base_npv
    for i, row in enumerate(rows):
        ax.barh(
            i,
            row.npv_low - base,
            left=base,
            color=COSTS,
            height=0.6,
            label=report_label("chart_low", lang) if i == 0 else None,
        )
        ax.barh(
            i,
            row.npv_high - base,
            left=base,
            color=AVOIDED,
            height=0.6,
            label=report_label("chart_high", lang) if i == 0 else None,
        )
    names = [textwrap.fill(row.label(lang), 34) for row in rows]
    ax.set_yticks(range(len(rows)), names, fontsize=8)
    ax.axvline(base, color="black", linewidth=0.8, label=report_label("chart_base", lang))
    figure.suptitle(report_label("chart_tornado", lang), fontsize=10, x=0.01, ha="left")
    _mnkr_axis(ax, lang, axis="x")
    ax.legend(fontsize=8, frameon=False, loc="upper center", ncol=3, bbox_to_anchor=(0.5, -0.3))
    return _svg(figure)

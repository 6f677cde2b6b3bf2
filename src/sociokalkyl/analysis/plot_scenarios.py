"""Scenarios side by side: the NPV of each scenario, in total and per payer (matplotlib, lazy)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociokalkyl._optional import require
from sociokalkyl.analysis.plot import HATCHES
from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import as_lang, label, unit_word

if TYPE_CHECKING:
    from sociokalkyl.analysis.compare import ScenarioTable

__all__ = ["plot_scenarios"]


def plot_scenarios(table: ScenarioTable, ax: Any = None, *, lang: str = "sv") -> Any:
    """Grouped bars: one group a scenario, the total NPV and each payer's NPV side by side.

    Parameters
    ----------
    table
        A :class:`~sociokalkyl.analysis.compare.ScenarioTable`.
    ax
        A matplotlib Axes; a new figure when None.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes
        NPV [mnkr] per scenario (x ticks: the scenario names); each series hatched
        differently, the legend below the axes.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.analysis.compare import compare_scenarios
    >>> t = compare_scenarios({"x2": {"effect_multiplier": 2.0}}, *examples.servicetrainee())
    >>> [x.get_text() for x in plot_scenarios(t, lang="en").get_xticklabels()]
    ['bas', 'x2']
    """
    plt = require("matplotlib.pyplot", "ScenarioTable.plot()")
    language = as_lang(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
    records = table.records()
    payers = [k[4:] for k in (records[0] if records else {}) if k.startswith("npv:")]
    series = [("npv", label("npv", language))]
    if len(payers) > 1:  # with one payer its NPV is the total
        series += [(f"npv:{p}", f"{label('npv', language)}, {p}") for p in payers]
    width = 0.8 / len(series)
    for i, (key, name) in enumerate(series):
        xs = [j - 0.4 + width * (i + 0.5) for j in range(len(records))]
        ax.bar(xs, [float(r[key]) / 1e6 for r in records], width, label=name,
               hatch=HATCHES[i % len(HATCHES)], edgecolor="black")  # fmt: skip
    ax.set_xticks(range(len(records)), [str(r["scenario"]) for r in records])
    ax.axhline(0.0, color="grey", linewidth=0.8)
    ax.set_ylabel(f"{label('npv', language)} [{unit_word('mnkr', language)}]")
    ax.set_xlabel(label("scenario", language))
    ax.set_title(display_label("plot_scenarios_title", language))
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2)
    return ax

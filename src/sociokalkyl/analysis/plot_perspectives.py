"""Pictures of whose money it is: per perspective, per actor, and who pays whom.

The numbers are those of :meth:`Result.perspectives`, :meth:`Result.by_actor` and
:meth:`Result.transfer_matrix` (``docs/perspectives.md``), in millions of kronor [mnkr]
of the analysis price year. matplotlib is imported when a plot is drawn; each function
takes an optional ``ax`` and returns it; the words come from :mod:`sociokalkyl.language`
(Swedish default, ``lang="en"``); bars differ by hatch, so the plots read in greyscale,
and every cell of the who-pays-whom matrix carries its amount in figures.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from sociokalkyl.analysis.plot import HATCHES, _axes, _money_axis, set_title
from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import Lang, as_lang, unit_word
from sociokalkyl.language.numbers import format_number
from sociokalkyl.language.perspectives import perspective_label

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = ["plot_actors", "plot_perspectives", "plot_transfers"]

_MILLION = 1e6
_SERIES = (("pv_costs", -1.0, "plot_pv_costs", "#c0504d"),
           ("pv_avoided", 1.0, "plot_pv_gains", "#4f81bd"),
           ("npv", 1.0, "plot_npv", "#dddddd"))  # fmt: skip
"""(column, sign, label key, colour): costs drawn down, gains up, the NPV beside them."""


def _grouped_bars(ax: Any, rows: list[dict[str, Any]], names: list[str], language: Lang) -> None:
    """Three bars a row (costs down, gains up, NPV), each series with its own hatch."""
    width = 0.27
    for i, (key, sign, words, colour) in enumerate(_SERIES):
        x = [j + (i - 1) * width for j in range(len(rows))]
        heights = [sign * float(row[key]) / _MILLION for row in rows]
        ax.bar(x, heights, width, label=display_label(words, language), color=colour,
               hatch=HATCHES[i], edgecolor="black")  # fmt: skip
    ax.set_xticks(range(len(rows)), names)


def plot_perspectives(result: Result, ax: Any = None, *, lang: str = "sv") -> Any:
    """The NPV of every perspective side by side, with its costs and gains.

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
        For each row of :meth:`Result.perspectives` three bars [mnkr]:
        ``-pv_costs`` (hatched ``//``), ``pv_avoided`` (``..``) and
        ``npv = pv_avoided - pv_costs`` (``xx``); the ticks name the perspectives.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> ax = plot_perspectives(sk.evaluate(*sk.examples.servicetrainee()), lang="en")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['The kommun', 'The public sector', 'Society']
    """
    language = as_lang(lang)
    ax = _axes(ax, "Result.plot('perspectives')")
    rows = result.perspectives()
    names = [perspective_label(str(row["perspective"]), language) for row in rows]
    _grouped_bars(ax, rows, names, language)
    _money_axis(ax, result, language)
    ax.set_xlabel(perspective_label("perspective", language))
    set_title(ax, display_label("plot_perspectives_title", language,
                                name=result.plan.intervention_name))  # fmt: skip
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=3)
    return ax


def _actor_name(row: dict[str, Any], parents: set[str], language: Lang) -> str:
    """An actor's tick: its label, "with its nämnder" for a roll-up, "own flows" beside one."""
    actor = str(row["actor"])
    known = perspective_label(f"actor.{actor}", language)
    name = actor if known == f"actor.{actor}" else known
    if row["rollup"]:
        return display_label("plot_rollup", language, who=name)
    if actor in parents:
        return display_label("plot_own", language, who=name)
    return name


def plot_actors(result: Result, ax: Any = None, *, lang: str = "sv") -> Any:
    """Costs, gains and NPV per actor, a kommun's nämnder each on its own and rolled up.

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    ax
        A matplotlib Axes to draw on; a new figure (sized to the actors) when None.
    lang
        ``"sv"`` (the default) or ``"en"``.

    Returns
    -------
    matplotlib.axes.Axes
        For each row of :meth:`Result.by_actor` (a roll-up "kommun, med nämnder" before
        the kommun's own row and its nämnder) three bars [mnkr] as in
        :func:`plot_perspectives`; tick labels turned to fit.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> ax = plot_actors(sk.evaluate(*sk.examples.skolfam()), lang="en")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Kommun (municipality)']
    """
    language = as_lang(lang)
    rows = result.by_actor()
    ax = _axes(ax, "Result.plot('actors')", (max(8.0, 1.1 * len(rows) + 2), 5))
    parents = {str(row["actor"]) for row in rows if row["rollup"]}
    _grouped_bars(ax, rows, [_actor_name(row, parents, language) for row in rows], language)
    ax.tick_params(axis="x", labelrotation=30)
    for tick in ax.get_xticklabels():
        tick.set_horizontalalignment("right")
    _money_axis(ax, result, language)
    ax.set_xlabel(perspective_label("actor", language))
    set_title(ax, display_label("plot_actors_title", language,
                                name=result.plan.intervention_name))  # fmt: skip
    ax.legend(fontsize="small", loc="best")
    return ax


def plot_transfers(result: Result, ax: Any = None, *, lang: str = "sv") -> Any:
    """Who pays whom: the transfer matrix as a heatmap with each amount written in its cell.

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
        Rows: the payers ("från", and "produktion" for value created); columns: the
        recipients ("till"); cell ``[a, b]`` = :meth:`Result.transfer_matrix`
        ``[a][b]`` [mnkr], written in figures (one decimal, the language's format) on a
        grey scale by size (empty cells blank); "inga transfereringar" when there are none.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import sociokalkyl as sk
    >>> ax = plot_transfers(sk.evaluate(*sk.examples.skolfam()), lang="en")
    >>> [t.get_text() for t in ax.texts]
    ['no transfers']
    """
    import numpy as np

    language = as_lang(lang)
    matrix = result.transfer_matrix()
    payers = list(matrix)
    recipients = sorted({b for row in matrix.values() for b in row}, key=result.plan.payers.index)
    ax = _axes(ax, "Result.plot('transfers')",
               (max(6.0, 1.3 * len(recipients) + 3), max(3.5, 0.6 * len(payers) + 2)))  # fmt: skip
    set_title(ax, display_label("plot_transfers_title", language,
                                name=result.plan.intervention_name))  # fmt: skip
    if not matrix:
        ax.text(0.5, 0.5, display_label("plot_no_transfers", language), ha="center",
                va="center", transform=ax.transAxes)  # fmt: skip
        ax.set_axis_off()
        return ax
    values = np.array([[matrix[a].get(b, math.nan) / _MILLION for b in recipients]
                       for a in payers])  # fmt: skip
    top = float(np.nanmax(np.abs(values)))
    ax.imshow(np.abs(values), cmap="Greys", vmin=0.0, vmax=1.6 * top, aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        if math.isfinite(value):
            ax.text(j, i, format_number(value, 1, language), ha="center", va="center",
                    fontsize="small")  # fmt: skip
    ax.set_xticks(range(len(recipients)), [_who(b, language) for b in recipients])
    ax.set_yticks(range(len(payers)), [_who(a, language) for a in payers])
    mnkr = f"{unit_word('mnkr', language)} ({result.plan.price_year})"
    ax.set_xlabel(f"{display_label('plot_to', language).capitalize()} [{mnkr}]")
    ax.set_ylabel(display_label("plot_from", language).capitalize())
    ax.tick_params(axis="x", labelrotation=20)
    return ax


def _who(actor: str, language: Lang) -> str:
    """An actor's short name on the matrix: the label's first word for the five known."""
    if actor == "produktion":
        return display_label("plot_production", language)
    known = perspective_label(f"actor.{actor}", language)
    return actor if known == f"actor.{actor}" else known

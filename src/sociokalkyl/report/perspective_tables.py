"""The report's section on perspectives: the answers side by side, per actor (with the
nämnder rolled up), who pays whom, the tax rates in the assumption log and the Monte
Carlo answer per perspective (the rates themselves in
:mod:`~sociokalkyl.report.tax_rates`; see ``docs/perspectives.md`` and ``docs/report.md``).

Every label comes from :mod:`sociokalkyl.language.perspectives` and
:mod:`sociokalkyl.language.labels`; user-named actors and perspectives are shown as
written (each renderer makes them safe).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sociokalkyl.language.labels import Lang, label
from sociokalkyl.language.numbers import Kind
from sociokalkyl.language.perspectives import PERSPECTIVE_LABELS, perspective_label
from sociokalkyl.report.tables import Table
from sociokalkyl.report.tax_rates import tax_rate_cells, tax_rates

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = [
    "actor_table",
    "has_perspectives",
    "matrix_table",
    "perspective_data",
    "perspective_table",
    "simulation_perspective_table",
    "tax_rate_cells",
    "tax_rates",
]

_PERSPECTIVE_COLUMNS: tuple[tuple[str, str, Kind], ...] = (
    ("npv", "npv", "sek"),
    ("pv_costs", "", "sek"),
    ("pv_avoided", "", "sek"),
    ("benefit_cost_ratio", "bcr", "ratio"),
    ("irr", "irr", "share"),
    ("payback", "payback", "years"),
    ("payback_discounted", "payback_discounted", "years"),
    ("break_even_effect", "break_even_effect", "ratio"),
)
_ACTOR_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("pv_costs", "sek"),
    ("pv_avoided", "sek"),
    ("npv", "sek"),
    ("payback", "years"),
    ("payback_discounted", "years"),
    ("break_even_effect", "ratio"),
)
_ROLLUP_NONE = 3
"""A roll-up row's last columns (paybacks, break-even) are "–": a set of actors' payback
is a perspective's (the table *Perspektiv*), not a sum over actors."""


def has_perspectives(result: Result) -> bool:
    """Whether the text reports show the perspective section.

    :attr:`~sociokalkyl.analysis.result.Result.shows_perspectives`: a model whose every
    flow is the kommun's resource answers the same from every perspective, and its
    reports are the budget view alone (the JSON always holds the perspectives).

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.

    Returns
    -------
    bool
        True when the model has a transfer, production or work, a nämnd, its own
        perspective, or perspectives whose answers differ.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> has_perspectives(sk.evaluate(*sk.examples.skolfam()))
    False
    >>> has_perspectives(sk.evaluate(*sk.examples.load("servicetrainee")))
    True
    """
    return result.shows_perspectives


def _name(key: str, lang: Lang, prefix: str = "") -> str:
    """A perspective's or an actor's label; a user's own name as written."""
    return perspective_label(prefix + key if prefix + key in PERSPECTIVE_LABELS else key, lang)


def _header(key: str, general: str, lang: Lang) -> str:
    """A column's heading: the sides are gains and costs here, not avoided costs."""
    return (
        perspective_label(key, lang) if key in ("pv_costs", "pv_avoided") else label(general, lang)
    )


def perspective_table(result: Result, lang: Lang = "sv") -> Table:
    """The perspectives side by side: one row each, the headline's marked.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        Columns perspective, NPV, PV of costs and of gains [SEK], BCR, IRR, payback
        and discounted payback [years], break-even effect [share of the assumed].

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> [(row[0], round(row[1])) for row in perspective_table(res).rows]
    [('Kommunen (rubriksiffrorna)', -3839870), ('Offentlig sektor', 84880), ('Samhället', 11383836)]
    """
    rows: list[list[Any]] = []
    for record in result.perspectives():
        name = _name(str(record["perspective"]), lang)
        if record["perspective"] == result.perspective:
            name += f" ({perspective_label('headline', lang)})"
        rows.append([name, *(record[key] for key, _, _ in _PERSPECTIVE_COLUMNS)])
    return Table(
        "perspectives",
        perspective_label("perspectives", lang),
        [
            perspective_label("perspective", lang),
            *(_header(key, k, lang) for key, k, _ in _PERSPECTIVE_COLUMNS),
        ],
        rows,
        [["text", *(kind for _, _, kind in _PERSPECTIVE_COLUMNS)] for _ in rows],
    )


def _actor_order(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The roll-up first, then the parent's own flows, then its nämnder, by top actor."""
    tops: list[str] = []
    for row in rows:
        top = str(row["actor"]).split("/")[0]
        if top not in tops:
            tops.append(top)

    def key(item: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
        index, row = item
        actor = str(row["actor"])
        depth = 0 if row["rollup"] else (1 if "/" not in actor else 2)
        return tops.index(actor.split("/")[0]), depth, index

    return [row for _, row in sorted(enumerate(rows), key=key)]


def actor_table(result: Result, lang: Lang = "sv") -> Table:
    """Every actor with a flow, a kommun rolled up over its nämnder.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        Columns actor, PV of costs and of gains, NPV [SEK], payback and discounted
        payback [years], break-even effect [share of the assumed]; a roll-up row reads
        ``"Kommun (summa med nämnder)"`` (its paybacks and break-even ``–``: they are
        the perspective's), the parent's own row ``"Kommun (egna flöden)"`` and a nämnd
        ``"kommun/socialnämnd"``. For a model with perspectives the reports show this
        table instead of *Per betalare*: the same actors and numbers, with the roll-ups.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> [row[0] for row in actor_table(res).rows][:3]
    ['Kommun (summa med nämnder)', 'Kommun (egna flöden)', 'kommun/socialnämnd']
    """
    records = _actor_order(result.by_actor())
    parents = {str(r["actor"]) for r in records if r["rollup"]}
    break_even = result.break_even_effect_by_payer
    rows: list[list[Any]] = []
    kinds: list[list[Kind]] = []
    for record in records:
        actor = str(record["actor"])
        name = _name(actor, lang, "actor.")
        cells = [record.get(key, break_even.get(actor)) for key, _ in _ACTOR_COLUMNS]
        row_kinds: list[Kind] = ["text", *(kind for _, kind in _ACTOR_COLUMNS)]
        if record["rollup"]:
            name += f" ({perspective_label('rollup', lang)})"
            cells[-_ROLLUP_NONE:] = ["–"] * _ROLLUP_NONE
            row_kinds[-_ROLLUP_NONE:] = ["text"] * _ROLLUP_NONE
        elif actor in parents:
            name += f" ({perspective_label('own', lang)})"
        rows.append([name, *cells])
        kinds.append(row_kinds)
    return Table(
        "by_actor",
        perspective_label("by_actor", lang),
        [perspective_label("actor", lang), *(_header(k, k, lang) for k, _ in _ACTOR_COLUMNS)],
        rows,
        kinds,
    )


def matrix_table(result: Result, lang: Lang = "sv") -> Table:
    """Who pays whom: the present value from each actor (row) to each actor (column).

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        One row a payer (production as ``"Produktion"``), one column a recipient
        [SEK, present value of the change the intervention makes]; ``–`` where none.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> table = matrix_table(res, "en")
    >>> table.headers[0], round(table.rows[-1][-1])
    ('From \\\\ To', 12026261)
    """
    matrix = result.transfer_matrix()
    targets: list[str] = []
    for row in matrix.values():
        targets += [to for to in row if to not in targets]
    rows: list[list[Any]] = [
        [_name(source, lang, "actor."), *(matrix[source].get(to) for to in targets)]
        for source in matrix
    ]
    amounts: list[Kind] = ["sek"] * len(targets)
    kinds: list[Kind] = ["text", *amounts]
    corner = f"{perspective_label('from', lang)} \\ {perspective_label('to', lang)}"
    return Table(
        "transfer_matrix",
        perspective_label("matrix", lang),
        [corner, *(_name(to, lang, "actor.") for to in targets)],
        rows,
        [kinds for _ in rows],
    )


def simulation_perspective_table(records: Sequence[Mapping[str, Any]], lang: Lang = "sv") -> Table:
    """Monte Carlo per perspective: mean NPV and P(NPV > 0).

    Parameters
    ----------
    records
        ``SimulationResult.perspective_records()``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table
        Columns perspective, mean NPV [SEK], P(NPV > 0) [share].

    Examples
    --------
    >>> t = simulation_perspective_table([{"perspective": "kommun", "mean": -1.0,
    ...                                    "prob_npv_positive": 0.25}], "en")
    >>> t.rows
    [['The kommun', -1.0, 0.25]]
    """
    rows: list[list[Any]] = [
        [_name(str(r["perspective"]), lang), r["mean"], r["prob_npv_positive"]] for r in records
    ]
    return Table(
        "simulation_perspectives",
        perspective_label("mc_perspectives", lang),
        [perspective_label(k, lang) for k in ("perspective", "mean_npv", "prob_npv_positive")],
        rows,
        [["text", "sek", "share"] for _ in rows],
    )


def perspective_data(result: Result) -> dict[str, Any]:
    """The perspectives for JSON: ``perspectives``, ``by_actor``, ``transfer_matrix``.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.

    Returns
    -------
    dict
        ``perspective`` (the headline's name), ``perspectives`` (``Result.perspectives()``
        rows), ``by_actor`` (``Result.by_actor()`` rows) and ``transfer_matrix``
        (``matrix[from][to]`` [SEK, present value]).

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> data = perspective_data(sk.evaluate(*sk.examples.skolfam()))   # resources only
    >>> sorted(data), data["transfer_matrix"]
    (['by_actor', 'perspective', 'perspectives', 'transfer_matrix'], {})
    """
    return {
        "perspective": result.perspective,
        "perspectives": result.perspectives(),
        "by_actor": result.by_actor(),
        "transfer_matrix": result.transfer_matrix(),
    }

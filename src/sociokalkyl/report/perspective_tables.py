"""The report's section on perspectives: the answers side by side, per actor (with the
nämnder rolled up), who pays whom, the tax rates in the assumption log and the Monte
Carlo answer per perspective (see ``docs/perspectives.md`` and ``docs/report.md``).

Every label comes from :mod:`sociokalkyl.language.perspectives` and
:mod:`sociokalkyl.language.labels`; user-named actors and perspectives are shown as
written (each renderer makes them safe).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import Lang, confidence_label, label
from sociokalkyl.language.numbers import Kind, format_percent
from sociokalkyl.language.perspectives import PERSPECTIVE_LABELS, perspective_label
from sociokalkyl.report.tables import Table

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
)
_RATES = ("municipal_tax_rate", "kommun_tax_share", "employer_contribution_rate")


def has_perspectives(result: Result) -> bool:
    """Whether the text reports show the perspective section.

    A model with resource flows only and no perspective of the user's own answers the
    same as before actors existed: its reports are unchanged (the JSON always holds
    the perspectives).

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.

    Returns
    -------
    bool
        True when the model has a transfer, production or work, or its own perspective.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> has_perspectives(sk.evaluate(*sk.examples.skolfam()))
    False
    >>> has_perspectives(sk.evaluate(*sk.examples.load("servicetrainee")))
    True
    """
    return bool(result.transfers()) or len(result.perspectives()) > 3


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
        payback [years]; a roll-up row reads ``"Kommun (summa med nämnder)"``, the
        parent's own row ``"Kommun (egna flöden)"`` and a nämnd ``"kommun/socialnämnd"``.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> [row[0] for row in actor_table(res).rows][:3]
    ['Kommun (summa med nämnder)', 'Kommun (egna flöden)', 'kommun/socialnämnd']
    """
    records = _actor_order(result.by_actor())
    parents = {str(r["actor"]) for r in records if r["rollup"]}
    rows: list[list[Any]] = []
    for record in records:
        actor = str(record["actor"])
        name = _name(actor, lang, "actor.")
        if record["rollup"]:
            name += f" ({perspective_label('rollup', lang)})"
        elif actor in parents:
            name += f" ({perspective_label('own', lang)})"
        rows.append([name, *(record[key] for key, _ in _ACTOR_COLUMNS)])
    return Table(
        "by_actor",
        perspective_label("by_actor", lang),
        [perspective_label("actor", lang), *(_header(k, k, lang) for k, _ in _ACTOR_COLUMNS)],
        rows,
        [["text", *(kind for _, kind in _ACTOR_COLUMNS)] for _ in rows],
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


def _rate(result: Result, field: str) -> float | None:
    """The rate the model uses, or None for a model without it."""
    try:
        return float(result.plan.parameter(f"settings.{field}").value)
    except InputError:  # a plan without the rates has no work lines
        return None


def tax_rate_cells(result: Result, lang: Lang = "sv") -> list[list[str]]:
    """The tax and contribution rates as assumption-log rows, when the model has work.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    list[list[str]]
        ``[what, value, source, confidence]`` per rate [share]; the shipped source and
        mark, or "given in the scenario file" for a rate that differs from the default.
        Empty for a model without work.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> res = sk.evaluate(*sk.examples.load("servicetrainee"))
    >>> [cells[0] for cells in tax_rate_cells(res, "en")][2]
    'Tax rate: Employer contribution rate'
    """
    from sociokalkyl.language.parameters import parameter_label
    from sociokalkyl.model.work import TAX_RATES

    if not result.plan.derived:
        return []
    out = []
    for field in _RATES:
        value, shipped = _rate(result, field), TAX_RATES[field]
        if value is None:
            continue
        given = not math.isclose(value, shipped.value)
        source = shipped.source
        if lang == "en":
            source = perspective_label(f"source.{field}", "en")
        if given:
            source = perspective_label("rate_given", lang)
        mark = None if given else shipped.confidence
        what = (
            f"{perspective_label('kind_tax_rate', lang)}: "
            f"{parameter_label('settings', field, lang)}"
        )
        year = "" if given else f" ({shipped.year})"
        out.append([what, format_percent(value, lang) + year, source, confidence_label(mark, lang)])
    return out


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

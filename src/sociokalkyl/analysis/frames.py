"""A :class:`~sociokalkyl.analysis.result.Result` and a scenario table as pandas DataFrames.

pandas is optional: it is imported when a frame is asked for (:func:`sociokalkyl._optional.
require` names the method and the install command when it is absent), never when
sociokalkyl is imported. The frames are tidy: one row an observation, one column a
variable, a plain ``RangeIndex``, and the unit in each numeric column's name
(``npv_sek``, ``payback_years``, ``irr_per_year``); see ``docs/display.md``. The numbers
are those of the list methods (``table()``, ``by_payer()``, ...), renamed, never recomputed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sociokalkyl._optional import require
from sociokalkyl.errors import unknown_name

if TYPE_CHECKING:
    from sociokalkyl.analysis.compare import ScenarioTable
    from sociokalkyl.analysis.result import Result

__all__ = ["RESULT_FRAMES", "renamed", "result_frame", "scenario_frame"]

# the unit a record's key carries in a frame's column name
_UNITS: dict[str, str] = {
    "costs": "costs_sek",
    "avoided": "avoided_sek",
    "net": "net_sek",
    "discounted_net": "discounted_net_sek",
    "cumulative_net": "cumulative_net_sek",
    "cumulative_discounted_net": "cumulative_discounted_net_sek",
    "npv": "npv_sek",
    "pv_costs": "pv_costs_sek",
    "pv_avoided": "pv_avoided_sek",
    "pv_baseline": "pv_baseline_sek",
    "payback": "payback_years",
    "payback_discounted": "payback_discounted_years",
    "irr": "irr_per_year",
    "break_even_effect": "break_even_effect_multiple",
    "npv_low": "npv_low_sek",
    "npv_high": "npv_high_sek",
    "swing": "swing_sek",
    "pv": "pv_sek",
}

RESULT_FRAMES: dict[str, tuple[str, ...]] = {
    "years": (
        "year", "calendar_year", "costs_sek", "avoided_sek", "net_sek", "discount_factor",
        "discounted_net_sek", "cumulative_net_sek", "cumulative_discounted_net_sek",
    ),
    "payers": (
        "payer", "pv_costs_sek", "pv_avoided_sek", "npv_sek", "payback_years",
        "payback_discounted_years", "break_even_effect_multiple",
    ),
    "cost_items": ("cost_item", "name", "payer", "pv_baseline_sek", "pv_avoided_sek"),
    "years_by_payer": ("payer", "year", "calendar_year", "costs_sek", "avoided_sek", "net_sek"),
    "assumptions": tuple(
        ["kind", "index", "name", "value", "unit", "variant", "price_year",
         "analysis_price_year", "price_index", "factor", "rebased_value", "payer", "source",
         "confidence", "weak", "description", "geography", "note", "index_origins"]
    ),
    "perspectives": (
        "perspective", "actors", "npv_sek", "pv_costs_sek", "pv_avoided_sek",
        "benefit_cost_ratio", "irr_per_year", "payback_years", "payback_discounted_years",
        "break_even_effect_multiple",
    ),
    "actors": (
        "actor", "rollup", "pv_costs_sek", "pv_avoided_sek", "npv_sek", "payback_years",
        "payback_discounted_years",
    ),
    "transfers": ("line", "flow", "from", "to", "pv_sek"),
    "outcomes": ("outcome_effect", "outcome", "actor", "pv_sek", "overlap"),
    "unpriced": ("index", "effect"),
}  # fmt: skip
"""The kinds of :meth:`Result.to_frame` and their columns, in order."""


def renamed(key: str) -> str:
    """A record's key as a frame's column: the unit joined to the name.

    ``"npv:kommun"`` (a payer's NPV in a scenario table) becomes ``"npv_sek:kommun"``.

    Parameters
    ----------
    key
        A key of a list method's records.

    Returns
    -------
    str
        The column name with its unit (``_sek``, ``_years``, ``_per_year``, ``_multiple``);
        the key itself for a key without a unit (``year``, ``payer``, ``discount_factor``).

    Examples
    --------
    >>> renamed("npv"), renamed("payback:kommun"), renamed("calendar_year")
    ('npv_sek', 'payback_years:kommun', 'calendar_year')
    """
    head, sep, tail = key.partition(":")
    return _UNITS.get(head, head) + sep + tail


def frame_of(records: Sequence[Mapping[str, Any]], columns: Sequence[str], needed_by: str) -> Any:
    """A DataFrame of ``records`` with its keys renamed (:func:`renamed`) and ``columns`` first.

    Parameters
    ----------
    records
        Dicts with the same keys.
    columns
        The documented columns, in order (kept even when ``records`` is empty).
    needed_by
        The method, for the message when pandas is missing.

    Returns
    -------
    pandas.DataFrame
        With a plain ``RangeIndex``.

    Examples
    --------
    >>> frame_of([{"payer": "kommun", "npv": -1.0}], ["payer", "npv_sek"], "x").columns.tolist()
    ['payer', 'npv_sek']
    """
    pd = require("pandas", needed_by)
    rows = [{renamed(k): v for k, v in record.items()} for record in records]
    extra = [c for c in (rows[0] if rows else {}) if c not in columns]
    return pd.DataFrame.from_records(rows, columns=[*columns, *extra])


def result_frame(result: Result, kind: str = "years") -> Any:
    """One of the tables of a result as a tidy DataFrame (needs pandas).

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.
    kind
        ``"years"`` (:meth:`~Result.table`, one row a year), ``"payers"``
        (:meth:`~Result.by_payer`), ``"cost_items"`` (:meth:`~Result.by_cost_item`),
        ``"years_by_payer"`` (:meth:`~Result.yearly_by_payer`), ``"assumptions"``
        (:meth:`~Result.assumptions`), ``"perspectives"`` (:meth:`~Result.perspectives`),
        ``"actors"`` (:meth:`~Result.by_actor`) or ``"transfers"``
        (:meth:`~Result.transfers`, the long form of :meth:`~Result.transfer_matrix`),
        ``"outcomes"`` (:meth:`~Result.by_outcome`: the present value of each outcome's
        consequences per actor) or ``"unpriced"`` (:attr:`~Result.unpriced_effects`,
        one row an effect no one can price); the columns are :data:`RESULT_FRAMES`
        ``[kind]``.

    Returns
    -------
    pandas.DataFrame
        Amounts [SEK, analysis price year] in ``*_sek`` columns, paybacks [years] in
        ``*_years`` (NaN: not within the horizon), the break-even effect [×].

    Raises
    ------
    InputError
        For an unknown ``kind``, naming the known ones.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> result = sk.evaluate(*sk.examples.servicetrainee())
    >>> result_frame(result, "payers")[["payer", "npv_sek"]].round().values.tolist()[:3]
    [['kommun', 1912682.0], ['region', 1049501.0], ['stat', 2875248.0]]
    """
    if kind not in RESULT_FRAMES:
        raise unknown_name(kind, RESULT_FRAMES, "a kind of frame", field="kind")
    needed_by = f"Result.to_frame({kind!r})"
    base = result.plan.base_year
    records: list[dict[str, Any]]
    if kind == "years":
        records = [dict(r) for r in result.table()]
    elif kind == "payers":
        records = [dict(r) for r in result.by_payer()]
    elif kind == "cost_items":
        records = [dict(r) for r in result.by_cost_item()]
    elif kind == "years_by_payer":
        records = [{**r, "calendar_year": base + int(r["year"])} for r in result.yearly_by_payer()]
    elif kind == "perspectives":
        records = [dict(r) for r in result.perspectives()]
    elif kind == "actors":
        records = [dict(r) for r in result.by_actor()]
    elif kind == "transfers":
        records = [dict(r) for r in result.transfers()]
    elif kind == "outcomes":
        records = [dict(r) for r in result.by_outcome()]
    elif kind == "unpriced":
        records = [{"index": i, "effect": e} for i, e in enumerate(result.unpriced_effects)]
    else:
        records = [_assumption_record(a) for a in result.assumptions()]
    return frame_of(records, RESULT_FRAMES[kind], needed_by)


def _assumption_record(row: Any) -> dict[str, Any]:
    record = {f.name: getattr(row, f.name) for f in dataclasses.fields(row) if f.name != "details"}
    payer = record["payer"]
    if isinstance(payer, Mapping):  # payer shares: "kommun 60 %, region 40 %" reads in one cell
        record["payer"] = ", ".join(f"{p} {share:g}" for p, share in payer.items())
    record["weak"] = row.weak
    # the index years that were not shipped, in one cell: "2024: user; 2025: scb_cache"
    origins = record.pop("index_origins", ())
    record["index_origins"] = "; ".join(f"{year}: {origin.kind}" for year, origin in origins)
    return record


def scenario_frame(table: ScenarioTable) -> Any:
    """A scenario table as a tidy DataFrame, one row a scenario (needs pandas).

    Parameters
    ----------
    table
        A :class:`~sociokalkyl.analysis.compare.ScenarioTable`.

    Returns
    -------
    pandas.DataFrame
        ``scenario``, ``npv_sek``, ``pv_costs_sek``, ``pv_avoided_sek``,
        ``benefit_cost_ratio``, ``irr_per_year``, ``payback_years``,
        ``payback_discounted_years``, then ``npv_sek:<payer>`` and ``payback_years:<payer>``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.analysis.compare import compare_scenarios
    >>> t = compare_scenarios({"x": {"effect_multiplier": 2.0}}, *examples.servicetrainee())
    >>> scenario_frame(t).columns.tolist()[:3]
    ['scenario', 'npv_sek', 'pv_costs_sek']
    """
    columns = [renamed(k) for k in (table.rows[0] if table.rows else ("scenario",))]
    return frame_of(table.records(), columns, "ScenarioTable.to_frame()")

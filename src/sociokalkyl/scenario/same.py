"""Whether two scenarios hold the same calculation, and if not, which part differs.

``konvertera`` keeps a conversion only when the copy read back holds the same model as
the file it came from. "The same model" is more than the same parameter values: two
files can share every number and still differ in who pays whom. :func:`model_differences`
compares, part by part,

* the intervention's name and every parameter's value (relative 1e-12);
* the plan's structure: the actors, each line's flow kind, name and weight per actor
  (so a transfer read back as a resource, a lost recipient or owner, or a payer's share
  is caught), the derived lines of work, the perspectives and the headline;
* the baseline, effect and cost timing; the outcome lines (profile, timing, rule);
* each cost item's and cost's flow, payer, recipient and owner as written;
* the outcomes (their rows' keys, profiles, ranges and provenance), the effects on
  outcomes, and the unpriced effects;
* the ``[uncertainty]`` and ``[scenarios]`` tables.

Examples
--------
>>> from sociokalkyl.examples.bundled import scenario
>>> model_differences(scenario("skolfam"), scenario("skolfam"))
[]
>>> model_differences(scenario("skolfam"), scenario("servicetrainee"))[0]
'name'
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from sociokalkyl.engine import Plan, compile_plan
from sociokalkyl.model import Intervention
from sociokalkyl.scenario.model import Scenario
from sociokalkyl.scenario.overrides import catalogue_for

__all__ = ["model_differences", "same_model"]

_PLAN_PARTS = (
    ("actors", "payers"),
    ("flows", "line_flows"),
    ("lines", "line_names"),
    ("weights", "weights"),
    ("weights", "society"),
    ("weights", "orientation"),
    ("payers", "item_payer_shares"),
    ("prices", "item_price_factors"),
    ("derived lines", "derived"),
    ("perspectives", "perspectives"),
    ("perspectives", "headline"),
    ("baseline", "baselines"),
    ("effects", "effects"),
    ("costs", "costs"),
    ("outcomes", "outcome_lines"),
    ("unpriced effects", "unpriced_effects"),
    ("horizon", "horizon"),
    ("years", "base_year"),
    ("years", "price_year"),
)
"""(the part named in a difference, the :class:`~sociokalkyl.engine.Plan` attribute)."""

_OUTCOME_ROW = (
    "key", "name", "cost_item", "flow", "payer_shares", "recipient", "owner", "price_year",
    "price_index", "profile", "years", "ages", "range", "source", "confidence", "horizon",
    "note",
)  # fmt: skip
_OUTCOME_EFFECT = (
    "outcome", "kind", "years_after_intake", "duration_years", "age_at_intake", "combine",
    "source", "confidence", "note",
)  # fmt: skip


def same(x: Any, y: Any) -> bool:
    """Whether two values are equal, numbers within 1e-12 (relative), arrays elementwise.

    Dataclasses compare field by field, mappings key by key, sequences item by item.

    Parameters
    ----------
    x, y
        Plain values, numpy arrays, dataclasses, mappings or sequences of them.

    Returns
    -------
    bool

    Examples
    --------
    >>> same({"a": (1.0, np.ones(2))}, {"a": (1.0 + 1e-15, np.ones(2))})
    True
    >>> same([1, 2], [1, 3])
    False
    """
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        if type(x) is not type(y):
            return False
        return all(same(getattr(x, f.name), getattr(y, f.name)) for f in dataclasses.fields(x))
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        return a.shape == b.shape and bool(
            np.allclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True)
        )
    if isinstance(x, Mapping) and isinstance(y, Mapping):
        return list(x) == list(y) and all(same(x[k], y[k]) for k in x)
    if isinstance(x, list | tuple) and isinstance(y, list | tuple):
        return len(x) == len(y) and all(same(a, b) for a, b in zip(x, y, strict=True))
    numbers = (int, float, np.floating, np.integer)
    if isinstance(x, numbers) and isinstance(y, numbers) and not isinstance(x, bool):
        return math.isclose(float(x), float(y), rel_tol=1e-12, abs_tol=1e-12) or (
            math.isnan(float(x)) and math.isnan(float(y))
        )
    return bool(x == y)


def _plain(value: Any) -> Any:
    """Numbers as floats, so that ``30000`` and ``30000.0`` compare equal."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return value


def _written(intervention: Intervention, plan: Plan) -> dict[str, Any]:
    """The flows and actors as written, and the outcomes' words (their numbers are
    parameters, compared apart)."""
    items = [(i.key, i.flow, i.payer_shares, i.recipient, i.owner) for i in plan.cost_items]
    costs = [(c.name, c.flow, c.payer, c.recipient, c.owner) for c in intervention.costs]
    outcomes = [
        (o.key, o.name, o.source, o.description,
         [tuple(getattr(r, f) for f in _OUTCOME_ROW) for r in o.consequences])
        for o in intervention.outcomes
    ]  # fmt: skip
    effects = [tuple(getattr(e, f) for f in _OUTCOME_EFFECT) for e in intervention.outcome_effects]
    return {
        "flows": (items, costs),
        "actors": (intervention.actor_names,),
        "outcomes": (outcomes, effects),
    }


def model_differences(a: Scenario, b: Scenario) -> list[str]:
    """The parts in which two scenarios' calculations differ; empty when they are the same.

    Parameters
    ----------
    a, b
        Scenarios as read (each compiled with its own ``[catalogue]``).

    Returns
    -------
    list of str
        The parts that differ, each once, in the order of the module's list: ``"name"``,
        ``"parameters"``, ``"actors"``, ``"flows"``, ``"lines"``, ``"weights"``,
        ``"payers"``, ``"prices"``, ``"derived lines"``, ``"perspectives"``,
        ``"baseline"``, ``"effects"``, ``"costs"``, ``"outcomes"``,
        ``"unpriced effects"``, ``"horizon"``, ``"years"``, ``"uncertainty"``,
        ``"scenarios"``.

    Examples
    --------
    >>> from sociokalkyl.examples.bundled import scenario
    >>> one = scenario("servicetrainee")
    >>> item = one.intervention.cost_items[0].model_copy(
    ...     update={"flow": "resource", "recipient": None})
    >>> other = one.model_copy(update={"intervention": one.intervention.model_copy(
    ...     update={"cost_items": [item]})})
    >>> model_differences(one, other)[:2]
    ['flows', 'weights']
    """
    found: list[str] = []
    if a.intervention.name != b.intervention.name:
        found.append("name")
    plans = [compile_plan(s.intervention, s.settings, catalogue_for(s)) for s in (a, b)]
    first, second = (p.values() for p in plans)
    if not same(
        {k: float(v.reshape(-1)[0]) for k, v in first.items()},
        {k: float(v.reshape(-1)[0]) for k, v in second.items()},
    ):
        found.append("parameters")
    written = [_written(s.intervention, p) for s, p in zip((a, b), plans, strict=True)]
    for part, attribute in _PLAN_PARTS:
        differs = not same(getattr(plans[0], attribute), getattr(plans[1], attribute))
        if part in written[0]:
            differs = differs or not same(written[0][part], written[1][part])
        if differs and part not in found:
            found.append(part)
    if _plain(a.uncertainty or {}) != _plain(b.uncertainty or {}):
        found.append("uncertainty")
    if _plain(a.scenarios or {}) != _plain(b.scenarios or {}):
        found.append("scenarios")
    return found


def same_model(a: Scenario, b: Scenario) -> bool:
    """Whether two scenarios describe the same calculation (:func:`model_differences`).

    Parameters
    ----------
    a, b
        Scenarios as read.

    Returns
    -------
    bool

    Examples
    --------
    >>> from sociokalkyl.examples.bundled import scenario
    >>> same_model(scenario("skolfam"), scenario("skolfam"))
    True
    """
    return not model_differences(a, b)

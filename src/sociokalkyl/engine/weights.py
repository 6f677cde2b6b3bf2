"""Compile who gains and who pays: the actors, each line's weights, derived lines, perspectives.

The compile side of :mod:`sociokalkyl.engine.lines`. Lines are ordered: the cost items'
avoided costs (``I``), the intervention cost lines (``K``), then the lines derived from
work (``X``). A line's *orientation* ``σ`` is +1 for an avoided cost (a positive value is
a saving for its payer) and -1 for a cost (a positive value is paid by its payer). Then:

- resource: :math:`w_{l,payer} = σ s` (``s`` the payer's share); society ``σ``;
- transfer: :math:`w_{l,payer} = σ s`, :math:`w_{l,recipient} = -σ`; society 0;
- production: :math:`w_{l,owner} = -σ`; society ``-σ`` (an avoided cost item of
  production is production lost);
- work: the wage line is a transfer employer -> worker; its derived lines are transfers
  employer -> stat (contributions), worker -> kommun and worker -> region (tax), and
  production to the owner.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine.bounds import SHARE
from sociokalkyl.engine.lines import DERIVED_KINDS, DerivedLine, Perspective, perspective_weights
from sociokalkyl.engine.parameters import Parameter, ParameterKey
from sociokalkyl.errors import unknown_name
from sociokalkyl.model import CostItem, Intervention, Settings
from sociokalkyl.model.actors import PERSPECTIVE_PRESETS, perspective_members, perspective_name
from sociokalkyl.model.work import TAX_RATES

__all__ = ["Lines", "compile_actors", "compile_lines"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Lines:
    """The compiled lines of a plan: weights by actor, kinds, derived lines, perspectives.

    Attributes
    ----------
    weights
        Weight of each line for each actor [1], shape ``(L, A)``.
    society
        Weight of each line for every actor together [1], shape ``(L,)``.
    flows
        The flow kind of each line: ``"resource"``, ``"transfer"`` or ``"production"``.
    names
        Each line's name (``"cost_items.eb"``, ``"costs[0]"``, ``"costs[0]:tax_kommun"``).
    derived
        The derived lines, the last ``X`` lines.
    orientation
        ``σ`` of each line [1], shape ``(L,)``: +1 for an avoided cost (and the lines
        derived from it), -1 for a cost.
    parameters
        The rates the derived lines read (none without work).
    perspectives
        The presets and the user's perspectives.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> compile_plan(*examples.servicetrainee()).weights.shape   # (lines, actors)
    (7, 7)
    """

    weights: Array
    society: Array
    flows: tuple[str, ...]
    names: tuple[str, ...]
    derived: tuple[DerivedLine, ...]
    orientation: Array
    parameters: tuple[Parameter, ...]
    perspectives: tuple[Perspective, ...]


def compile_actors(intervention: Intervention, items: tuple[CostItem, ...]) -> tuple[str, ...]:
    """Every actor: the standard ones, then the declared; each item's payer must be one.

    Parameters
    ----------
    intervention
        The intervention (``other_payers``, ``actors``).
    items
        Its resolved cost items (a catalogue item's payer is checked here).

    Returns
    -------
    tuple of str
        The actors, in plan order.

    Raises
    ------
    InputError
        For a cost item's payer that is no actor, with "did you mean".

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import resolve_cost_items
    >>> intervention, _ = examples.servicetrainee()
    >>> compile_actors(intervention, resolve_cost_items(intervention))
    ('kommun', 'region', 'stat', 'individ', 'övriga', 'kommun/socialnämnd',
     'kommun/arbetsmarknadsnämnd')
    """
    payers = intervention.actor_names
    for item in items:
        for payer in item.payer_shares:
            if payer not in payers:
                raise unknown_name(
                    payer,
                    payers,
                    "a known payer",
                    field=f"cost_items.{item.key}.payer",
                    expected=f"one of {payers}, or declare it in other_payers or actors",
                )
    return tuple(payers)


def compile_lines(
    intervention: Intervention,
    items: tuple[CostItem, ...],
    actors: tuple[str, ...],
    settings: Settings,
) -> Lines:
    """The weights, derived lines and perspectives of an intervention's lines.

    Parameters
    ----------
    intervention
        The intervention (its cost lines).
    items
        Its resolved cost items.
    actors
        Every actor of the analysis, in plan order.
    settings
        The tax rates and the perspectives.

    Returns
    -------
    Lines
        See :class:`Lines`.

    Raises
    ------
    InputError
        A perspective naming an unknown actor (with "did you mean").

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> compile_plan(*examples.servicetrainee()).line_flows
    ('transfer', 'transfer', 'resource', 'transfer', 'transfer', 'transfer', 'production')
    """
    rows: list[tuple[str, str, dict[str, float], float]] = []
    derived: list[DerivedLine] = []
    work: list[tuple[int, float, str, str, str]] = []
    for item in items:
        rows.append(_line(f"cost_items.{item.key}", item.flow, item.payer_shares, 1.0, item))
        if item.flow == "work":
            employer = next(iter(item.payer_shares))
            work.append((len(rows) - 1, 1.0, employer, _worker(item), _owner(item)))
    for k, cost in enumerate(intervention.costs):
        rows.append(_line(f"costs[{k}]", cost.flow, {cost.payer: 1.0}, -1.0, cost))
        if cost.flow == "work":
            work.append((len(rows) - 1, -1.0, cost.payer, _worker(cost), _owner(cost)))
    for source, sigma, employer, worker, owner in work:
        for kind in DERIVED_KINDS:
            derived.append(DerivedLine(f"{rows[source][0]}:{kind}", source, kind))
            rows.append(_derived_row(kind, sigma, employer, worker, owner, rows[source][0]))
    weights = np.zeros((len(rows), len(actors)))
    for line, (_, _, by_actor, _) in enumerate(rows):
        for actor, weight in by_actor.items():
            weights[line, actors.index(actor)] += weight
    society = np.array([row[3] for row in rows])
    orientation = [1.0] * len(items) + [-1.0] * len(intervention.costs)
    orientation += [orientation[line.source] for line in derived]
    return Lines(
        weights=weights,
        society=society,
        flows=tuple(row[1] if row[1] != "work" else "transfer" for row in rows),
        names=tuple(row[0] for row in rows),
        derived=tuple(derived),
        orientation=np.array(orientation),
        parameters=_rate_parameters(settings) if work else (),
        perspectives=_perspectives(settings, actors, weights, society),
    )


def _worker(model: CostItem | object) -> str:
    return getattr(model, "recipient", None) or "individ"


def _owner(model: CostItem | object) -> str:
    return getattr(model, "owner", None) or "övriga"


def _line(
    name: str, flow: str, payers: dict[str, float], sigma: float, model: object
) -> tuple[str, str, dict[str, float], float]:
    """A line's name, kind, weights by actor and society weight."""
    recipient = getattr(model, "recipient", None)
    if flow == "production":
        return name, flow, {_owner(model): -sigma}, -sigma
    by_actor = {actor: sigma * share for actor, share in payers.items()}
    if flow == "resource":
        return name, flow, by_actor, sigma
    receiver = recipient or "individ"
    by_actor[receiver] = by_actor.get(receiver, 0.0) - sigma
    return name, flow, by_actor, 0.0


def _derived_row(
    kind: str, sigma: float, employer: str, worker: str, owner: str, source: str
) -> tuple[str, str, dict[str, float], float]:
    """A derived line's weights: a transfer, or production for the owner."""
    name = f"{source}:{kind}"
    if kind == "production":
        return name, "production", {owner: -sigma}, -sigma
    payer, receiver = {
        "contributions": (employer, "stat"),
        "tax_kommun": (worker, "kommun"),
        "tax_region": (worker, "region"),
    }[kind]
    by_actor = {payer: sigma}
    by_actor[receiver] = by_actor.get(receiver, 0.0) - sigma
    return name, "transfer", by_actor, 0.0


def _rate_parameters(settings: Settings) -> tuple[Parameter, ...]:
    """The three rates as parameters [share], bounded to [0, 1]."""
    return tuple(
        Parameter(
            f"settings.{field}",
            ParameterKey("settings", None, field),
            float(getattr(settings, field)),
            1.0,
            "share",
            SHARE,
        )
        for field in TAX_RATES
    )


def _perspectives(
    settings: Settings, actors: tuple[str, ...], weights: Array, society: Array
) -> tuple[Perspective, ...]:
    """The presets, then the user's perspectives; every actor named must exist."""
    for name, named in settings.perspectives.items():
        for i, actor in enumerate(named):
            if actor not in actors:
                raise unknown_name(
                    actor,
                    actors,
                    "an actor of this analysis",
                    field=f"settings.perspectives.{name}[{i}]",
                    expected=f"one of {', '.join(actors)} (declare others in actors)",
                )
    names = [*PERSPECTIVE_PRESETS, *settings.perspectives]
    found = []
    for name in names:
        members = perspective_members(name, actors, settings.perspectives)
        line_weights = perspective_weights(weights, actors, members, society)
        found.append(Perspective(name, members, line_weights))
    if perspective_name(settings.perspective) not in names:  # a model_copy is not checked
        raise unknown_name(
            settings.perspective,
            names,
            "a perspective of this analysis",
            field="settings.perspective",
        )
    return tuple(found)

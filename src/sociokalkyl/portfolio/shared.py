"""Which uncertain inputs a portfolio's members share, and the one draw they then share.

The rule (``docs/fund.md`` says it in Swedish): a parameter is *shared* when its name says
it is the same quantity in every intervention, that is the catalogue's unit costs and
real growth (``cost_items.<key>.*``: the same key is the same item) and the settings
(``settings.discount_rate``, ``settings.optimism_bias``). Everything else (effects,
baselines, intake, cost lines, the effect multiplier) belongs to one intervention.

Draws come from :func:`~sociokalkyl.uncertainty.spec.block_draws`, whose stream depends
only on the seed, the block and a name. A shared parameter keeps its own name as the
stream name, so every member that has it reads the *same* draw. A member's own
parameter keeps its name in the first member (so a portfolio of one draws exactly what
``simulate`` draws with the same seed) and is renamed ``<member>::<name>`` in the others
(so ``effects[0].change`` of two interventions are independent draws).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sociokalkyl.errors import InputError
from sociokalkyl.uncertainty._base import _Base
from sociokalkyl.uncertainty.spec import Uncertainty

__all__ = ["SHARED_PREFIXES", "is_shared", "shared_uncertainty", "stream_name"]

SHARED_PREFIXES = ("cost_items.", "settings.")
"""Parameter names starting with these are the same quantity in every member."""


def is_shared(name: str) -> bool:
    """Whether a parameter is shared by every member that has it.

    Parameters
    ----------
    name
        A parameter name.

    Returns
    -------
    bool
        True for ``cost_items.<key>.*`` and ``settings.*``.

    Examples
    --------
    >>> is_shared("cost_items.hvb_barn_unga.unit_cost"), is_shared("effects[0].change")
    (True, False)
    """
    return name.startswith(SHARED_PREFIXES)


def stream_name(position: int, member: str, name: str) -> str:
    """The name of the random stream a member's parameter is drawn from.

    Parameters
    ----------
    position
        The member's position in the portfolio (0 for the first).
    member
        The member's name.
    name
        The parameter's name.

    Returns
    -------
    str
        ``name`` for a shared parameter and for the first member, else ``member::name``.

    Examples
    --------
    >>> stream_name(1, "skolfam", "effects[0].change")
    'skolfam::effects[0].change'
    >>> stream_name(1, "skolfam", "settings.discount_rate")
    'settings.discount_rate'
    """
    return name if position == 0 or is_shared(name) else f"{member}::{name}"


def shared_uncertainty(
    names: Sequence[str],
    parameters: Sequence[Mapping[str, str]],
    uncertainties: Sequence[Uncertainty | Mapping[str, Any] | None],
) -> tuple[Uncertainty, list[dict[str, str]]]:
    """One uncertainty over every member's streams, and each member's parameter -> stream.

    Parameters
    ----------
    names
        The members' names.
    parameters
        Per member, its parameter names -> unit (from the plan), to apply a shared
        distribution to every member that has the parameter.
    uncertainties
        Per member, its distributions (or None).

    Returns
    -------
    tuple
        The combined :class:`Uncertainty` keyed by stream name, and per member a dict
        parameter name -> stream name of its uncertain parameters.

    Raises
    ------
    InputError
        When two members give a shared parameter different distributions, the same
        name has different units in two members, or there is not one entry a member.

    Examples
    --------
    >>> u = {"settings.discount_rate": {"kind": "uniform", "low": 0.01, "high": 0.05}}
    >>> spec, streams = shared_uncertainty(
    ...     ["a", "b"], [{"settings.discount_rate": "1/year"}] * 2, [u, None])
    >>> streams[1]
    {'settings.discount_rate': 'settings.discount_rate'}
    """
    if len(uncertainties) != len(names):
        raise InputError(
            "needs one entry a member (None for a member without uncertainty)",
            field="uncertainties",
            value=len(uncertainties),
            expected=f"{len(names)} entries, in the members' order",
        )
    specs = [u if isinstance(u, Uncertainty) else Uncertainty(u or {}) for u in uncertainties]
    combined: dict[str, _Base] = {}
    owner: dict[str, int] = {}
    streams: list[dict[str, str]] = [{} for _ in names]
    pairs: dict[tuple[str, str], float] = {}
    for j, spec in enumerate(specs):
        for name in spec:
            key = stream_name(j, names[j], name)
            if key in combined and _dump(combined[key]) != _dump(spec[name]):
                raise InputError(
                    f"is shared by every intervention, but '{names[owner[key]]}' gives it "
                    "another distribution",
                    field=f"{names[j]}.uncertainty.{name}",
                    value=_dump(spec[name]),
                    expected=f"the same distribution as in '{names[owner[key]]}' "
                    f"({_dump(combined[key])}), or another cost item key if they differ",
                )
            combined.setdefault(key, spec[name])
            owner.setdefault(key, j)
            streams[j][name] = key
        for (a, b), rho in spec.correlation.items():
            pairs[(stream_name(j, names[j], a), stream_name(j, names[j], b))] = rho
    _apply_shared(names, parameters, combined, owner, streams)
    return Uncertainty(combined, correlation=pairs or None), streams


def _apply_shared(
    names: Sequence[str],
    parameters: Sequence[Mapping[str, str]],
    combined: Mapping[str, _Base],
    owner: Mapping[str, int],
    streams: list[dict[str, str]],
) -> None:
    """Give every member that has a shared uncertain parameter its stream; check units."""
    for key in [k for k in combined if is_shared(k)]:
        unit = parameters[owner[key]].get(key)
        for j, params in enumerate(parameters):
            if key not in params:
                continue
            if params[key] != unit:
                raise InputError(
                    f"is shared, but its unit is {params[key]} here and {unit} in "
                    f"'{names[owner[key]]}'",
                    field=f"{names[j]}.{key}",
                    value=params[key],
                    expected="the same unit (and price year) in every intervention, or "
                    "another cost item key",
                )
            streams[j][key] = key


def _dump(distribution: _Base) -> dict[str, Any]:
    """A distribution as a comparable table."""
    dumped: dict[str, Any] = distribution.model_dump(by_alias=True)
    return dumped

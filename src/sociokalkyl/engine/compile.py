"""Compile the models into a :class:`~sociokalkyl.engine.Plan` of plain numbers.

The boundary between the models and the engine: catalogue keys are resolved first,
then every amount is converted with pint to a float in SEK or SEK/year and rebased to
the analysis price year, every numeric input becomes a named
:class:`~sociokalkyl.engine.Parameter`, and the structure (which effect changes which
item, who pays) becomes indices and arrays. One function per section of the model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine.bounds import (
    DISCOUNT_RATE,
    NON_NEGATIVE,
    OPTIMISM_BIAS,
    REAL_GROWTH,
    RELATIVE_CHANGE,
    SHARE,
    check_sizes,
)
from sociokalkyl.engine.compile_log import assumption_log
from sociokalkyl.engine.compile_units import unit_scale as _unit_scale
from sociokalkyl.engine.compile_units import use_hint as _use_hint
from sociokalkyl.engine.haircut import apply_haircut
from sociokalkyl.engine.index_origins import with_index_origins
from sociokalkyl.engine.items import resolve_cost_items
from sociokalkyl.engine.outcomes import compile_outcomes, outcome_items
from sociokalkyl.engine.plan import (
    BaselineProfile,
    CostLine,
    Discounting,
    EffectTiming,
    Parameter,
    ParameterKey,
    Plan,
)
from sociokalkyl.engine.weights import compile_actors, compile_lines
from sociokalkyl.errors import InputError
from sociokalkyl.finance import discount_factors
from sociokalkyl.model import CostItem, Intervention, Settings
from sociokalkyl.model.actors import perspective_name
from sociokalkyl.units import kronor_multiple, to_float, unit_key

if TYPE_CHECKING:
    from sociokalkyl.model import BaselineUse, Effect, InterventionCost

__all__ = ["compile_plan"]

Array = NDArray[np.float64]
_POSITIVE = NON_NEGATIVE
_SHARE = SHARE


def compile_plan(
    intervention: Intervention,
    settings: Settings,
    catalogue: Mapping[str, CostItem] | None = None,
) -> Plan:
    """Compile an intervention and settings into a :class:`Plan` of plain numbers.

    Catalogue keys are looked up first; then every amount is converted to SEK or
    SEK/year and rebased from its price year to ``settings.price_year`` with its price
    index. Called once per analysis; :func:`~sociokalkyl.engine.project` does the numbers.

    Parameters
    ----------
    intervention
        The intervention; its cost items may be catalogue keys.
    settings
        Horizon [year], base and price year, discounting, optimism bias.
    catalogue
        Where to look up cost item keys; the shipped catalogue when ``None``.

    Returns
    -------
    Plan
        Parameters in the user's units with their scale to SEK, SEK/year or uses per
        year in the analysis price year; structure as indices and arrays.

    Raises
    ------
    InputError
        For an unknown catalogue key or payer, intake or a cost beyond the horizon, a
        price year the index lacks (naming the field), or a unit of the wrong dimension.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> p = plan.parameters["effects[0].change"]
    >>> p.key, p.value, p.unit
    (ParameterKey(section='effects', index=0, field='change'), -1.0, 'share')
    """
    items = resolve_cost_items(intervention, catalogue)
    # an effect on an outcome adds the cost items its consequences name (docs/outcomes.md)
    return _compile(intervention, items + outcome_items(intervention, items, catalogue), settings)


def _compile(intervention: Intervention, items: tuple[CostItem, ...], settings: Settings) -> Plan:
    """The plan of an intervention whose cost items are resolved, section by section."""
    check_sizes(intervention, items, settings)
    payers = compile_actors(intervention, items)
    # in the order of the model, which is also the order in which errors are found
    intake = _intake(intervention, settings.horizon)
    item_parameters, shares, price_factors = _cost_items(items, payers, settings)
    baseline_parameters, baselines = _baselines(intervention, items, settings.horizon)
    effect_parameters, effects = _effects(intervention, items)
    outcomes = compile_outcomes(intervention, items, settings.horizon)
    cost_parameters, costs = _costs(intervention, payers, settings)
    setting_parameters, fixed_factors, discounting = _settings(settings)
    lines = compile_lines(intervention, items, payers, settings)
    parameters = [
        *intake,
        *item_parameters,
        *baseline_parameters,
        *effect_parameters,
        *outcomes[0],
        *cost_parameters,
        *setting_parameters,
        *lines.parameters,
    ]
    parameters, haircuts = apply_haircut(parameters, intervention, settings)  # off by default
    by_name = {p.name: p for p in parameters}
    log = assumption_log(intervention, items, by_name, price_factors, settings.price_year)
    log = with_index_origins(log, settings)
    return Plan(
        intervention_name=intervention.name,
        horizon=settings.horizon,
        base_year=settings.base_year,
        price_year=settings.price_year,
        payers=payers,
        cost_items=items,
        parameters=by_name,
        item_payer_shares=shares,
        item_price_factors=price_factors,
        fixed_discount_factors=fixed_factors,
        discounting=discounting,
        baselines=baselines,
        effects=effects,
        costs=costs,
        assumptions=(*log, *haircuts),
        warnings=(*intervention.warnings, *outcomes[2]),
        weights=lines.weights,
        society=lines.society,
        line_flows=lines.flows,
        line_names=lines.names,
        derived=lines.derived,
        orientation=lines.orientation,
        perspectives=lines.perspectives,
        headline=perspective_name(settings.perspective),
        outcome_lines=outcomes[1],
        unpriced_effects=tuple(intervention.unpriced_effects),
    )


def _parameter(
    key: ParameterKey,
    value: float,
    unit: str,
    scale: float = 1.0,
    bounds: tuple[float, float] = (-math.inf, math.inf),
    multiple: float = 1.0,
) -> Parameter:
    """A parameter named after its key (``"effects[0].change"``, ``"cost_items.x.unit_cost"``)."""
    if key.section == "target_group":
        name = f"target_group.{key.field}[{key.index}]"
    elif key.section == "cost_items":
        name = f"cost_items.{key.index}.{key.field}"
    elif key.section == "settings":
        name = key.field if key.field == "effect_multiplier" else f"settings.{key.field}"
    else:
        name = f"{key.section}[{key.index}].{key.field}"
    return Parameter(name, key, value, scale, unit, bounds, multiple)


def _intake(intervention: Intervention, horizon: int) -> list[Parameter]:
    """One parameter per intake year with participants (year 0 always) [participants]."""
    parameters = []
    for year, count in enumerate(intervention.target_group.intake):
        if count > 0 and year >= horizon:
            raise InputError(
                f"has {count:g} participants entering in year {year}, beyond the horizon "
                f"(years 0 to {horizon - 1})",
                field=f"target_group.intake[{year}]",
                value=count,
                expected=f"intake within the horizon, or a horizon of at least {year + 1} years",
            )
        if count > 0 or year == 0:
            key = ParameterKey("target_group", year, "intake")
            parameters.append(_parameter(key, float(count), "participants", bounds=_POSITIVE))
    return parameters


def _cost_items(
    items: tuple[CostItem, ...], payers: tuple[str, ...], settings: Settings
) -> tuple[list[Parameter], Array, tuple[float, ...]]:
    """Unit cost [SEK or SEK/year] and real growth [1/year] per item; payer shares (I, P)."""
    parameters = []
    shares = np.zeros((len(items), len(payers)))
    price_factors: list[float] = []
    for i, item in enumerate(items):
        name = f"cost_items.{item.key}"
        canonical = "SEK" if item.per_event else "SEK/year"
        multiple, in_kr = kronor_multiple(item.unit_cost)
        to_canonical = _unit_scale(in_kr, canonical, f"{name}.unit_cost")
        rebase = _price_factor(
            settings, item.price_index, item.price_year, settings.price_year, f"{name}.price_year"
        )
        price_factors.append(rebase)
        key = ParameterKey("cost_items", item.key, "unit_cost")
        magnitude = float(item.unit_cost.magnitude)
        scale = to_canonical * rebase
        unit = unit_key(item.unit_cost)
        parameters.append(_parameter(key, magnitude, unit, scale, _POSITIVE, multiple))
        key = ParameterKey("cost_items", item.key, "real_growth")
        parameters.append(_parameter(key, item.real_growth, "1/year", bounds=REAL_GROWTH))
        for payer, share in item.payer_shares.items():
            shares[i, payers.index(payer)] = share
    return parameters, shares, tuple(price_factors)


def _baselines(
    intervention: Intervention, items: tuple[CostItem, ...], horizon: int
) -> tuple[list[Parameter], tuple[BaselineProfile, ...]]:
    """Use per participant [uses per year] and exit rate [1/year] of each baseline use."""
    keys = [item.key for item in items]
    parameters, baselines = [], []
    for b, use in enumerate(intervention.baseline):
        item = items[keys.index(use.cost_item)]
        scale = _unit_scale(use.use, item.use_unit(), f"baseline[{b}].use", _use_hint(item))
        key = ParameterKey("baseline", b, "use")
        value, unit = float(use.use.magnitude), unit_key(use.use)
        parameters.append(_parameter(key, value, unit, scale=scale, bounds=_POSITIVE))
        key = ParameterKey("baseline", b, "exit_rate")
        parameters.append(_parameter(key, use.exit_rate, "1/year", bounds=_SHARE))
        profile = _baseline_profile(use, horizon)
        baselines.append(BaselineProfile(keys.index(use.cost_item), f"baseline[{b}]", profile))
    return parameters, tuple(baselines)


def _baseline_profile(use: BaselineUse, horizon: int) -> Array:
    """The use's multiplier by years since intake, ``(T,)``: the profile, then its last value."""
    profile = np.ones(horizon)
    if use.profile is not None:
        given = np.asarray(use.profile, dtype=float)
        profile = np.concatenate([given, np.full(max(horizon - given.size, 0), given[-1])])
        profile = profile[:horizon]
    if use.years is not None:
        profile = np.where(np.arange(horizon) < use.years, profile, 0.0)
    return profile


def _effects(
    intervention: Intervention, items: tuple[CostItem, ...]
) -> tuple[list[Parameter], tuple[EffectTiming, ...]]:
    """Change [share, or uses per year] and the four adjustments [share] of each effect."""
    keys = [item.key for item in items]
    parameters, effects = [], []
    for e, effect in enumerate(intervention.effects):
        parameters.append(_effect_change(e, effect, items[keys.index(effect.cost_item)]))
        for adjustment in ("drop_off", "deadweight", "attribution", "displacement"):
            key = ParameterKey("effects", e, adjustment)
            value = float(getattr(effect, adjustment))
            parameters.append(_parameter(key, value, "share", bounds=_SHARE))
        timing = EffectTiming(
            keys.index(effect.cost_item),
            f"effects[{e}]",
            effect.kind == "relative",
            effect.start_lag,
            effect.ramp_up_years,
            effect.duration_years,
        )
        effects.append(timing)
    return parameters, tuple(effects)


def _effect_change(e: int, effect: Effect, item: CostItem) -> Parameter:
    """A relative change [share, at least -1], or an absolute one in the item's use unit."""
    key = ParameterKey("effects", e, "change")
    if effect.kind == "relative":
        assert isinstance(effect.change, float)
        return _parameter(key, effect.change, "share", bounds=RELATIVE_CHANGE)
    assert not isinstance(effect.change, float)
    scale = _unit_scale(effect.change, item.use_unit(), f"effects[{e}].change", _use_hint(item))
    return _parameter(key, float(effect.change.magnitude), unit_key(effect.change), scale=scale)


def _costs(
    intervention: Intervention, payers: tuple[str, ...], settings: Settings
) -> tuple[list[Parameter], tuple[CostLine, ...]]:
    """The amount of each cost line [SEK or SEK/year, rebased], and when it is paid."""
    parameters, costs = [], []
    for k, cost in enumerate(intervention.costs):
        name = f"costs[{k}]"
        per_time = cost.amount.dimensionality != {"[currency]": 1}
        multiple, in_kr = kronor_multiple(cost.amount)
        scale = _unit_scale(in_kr, "SEK/year" if per_time else "SEK", f"{name}.amount")
        if cost.price_year is not None:
            scale *= _price_factor(
                settings,
                cost.price_index,
                cost.price_year,
                settings.price_year,
                f"{name}.price_year",
            )
        pattern = _cost_pattern(k, cost, settings.horizon)
        key = ParameterKey("costs", k, "amount")
        value, unit = float(cost.amount.magnitude), unit_key(cost.amount)
        parameters.append(_parameter(key, value, unit, scale, _POSITIVE, multiple))
        costs.append(CostLine(cost.name, cost.kind, payers.index(cost.payer), pattern))
    return parameters, tuple(costs)


def _cost_pattern(k: int, cost: InterventionCost, horizon: int) -> Array:
    """Share of the amount paid, ``(T,)``: by analysis year, or by age (per participant)."""
    pattern = np.zeros(horizon)
    if cost.kind in ("one_off", "per_year") and cost.year >= horizon:
        raise InputError(
            f"is paid from year {cost.year}, beyond the horizon (years 0 to {horizon - 1})",
            field=f"costs[{k}].year",
            value=cost.year,
            expected=f"a year below {horizon}, or a longer horizon",
        )
    if cost.kind == "one_off":
        pattern[cost.year] = 1.0
    elif cost.kind == "per_year":
        end = horizon if cost.years is None else min(horizon, cost.year + cost.years)
        pattern[cost.year : end] = 1.0
    elif cost.duration is None:
        pattern[0] = 1.0
    else:
        # a rate paid over `duration` years from intake, a full year at a time
        length = to_float(cost.duration, "year", field=f"costs[{k}].duration")
        pattern = np.clip(length - np.arange(horizon), 0.0, 1.0)
    return pattern


def _settings(settings: Settings) -> tuple[list[Parameter], Array | None, Discounting]:
    """Optimism bias [share], the effect multiplier [×] and the discount rate [1/year]."""
    parameters = [
        _parameter(
            ParameterKey("settings", None, "optimism_bias"),
            settings.optimism_bias,
            "share",
            bounds=OPTIMISM_BIAS,
        ),
        _parameter(ParameterKey("settings", None, "effect_multiplier"), 1.0, "×", bounds=_POSITIVE),
    ]
    if isinstance(settings.discount_rate, str):
        schedule = settings.discount_schedule()
        factors = np.asarray(discount_factors(schedule, settings.horizon), dtype=float)
        return parameters, factors, Discounting(None, settings.discount_rate, schedule.source)
    key = ParameterKey("settings", None, "discount_rate")
    rate = _parameter(key, settings.discount_rate, "1/year", bounds=DISCOUNT_RATE)
    return [*parameters, rate], None, Discounting(settings.discount_rate)


def _price_factor(
    settings: Settings, index_name: str, from_year: int, to_year: int, field_name: str
) -> float:
    try:
        return settings.price_index(index_name).factor(from_year, to_year)
    except InputError as exc:
        # the analysis price year is the settings' field, whichever item reached it first
        where = "settings.price_year" if exc.field == "to price year" else field_name
        raise type(exc)(
            exc.message, field=f"{where} ({index_name})", value=exc.value, expected=exc.expected
        ) from None

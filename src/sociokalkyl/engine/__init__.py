"""The engine: compile models once into plain arrays, then project cash flows with numpy.

Two steps:

1. :func:`compile_plan` turns an :class:`~sociokalkyl.model.Intervention` and
   :class:`~sociokalkyl.model.Settings` into a :class:`Plan`: every amount becomes a float
   in SEK (or SEK/year) in the analysis price year, every numeric input a named
   :class:`Parameter` (``"effects[0].change"``, ``"cost_items.hvb.unit_cost"``), and the
   structure (which effect changes which item, who pays) becomes index arrays.
2. :func:`project` computes, for ``D`` draws of the parameters at once, the yearly
   intervention costs ``(K, T, D)`` and the baseline and avoided costs per cost item
   ``(I, T, D)``; the flows per payer ``(P, T, D)`` follow from the payer shares. A
   deterministic analysis is one draw. Python loops run over the model's structure
   (items, effects, cohorts), never over draws. The draw is the last axis, so that one
   year of every draw is one contiguous row: cumulative sums over the years, cohort
   shifts and discounting then work on whole rows.

Conventions (see ``docs/conventions.md``): year ``t = 0`` is the base year and is not
discounted; amounts in year ``t`` are in the analysis price year, grown by the cost
item's real growth :math:`(1+g)^t`; a cohort entering in year ``c`` has age ``a = t - c``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.errors import InputError, UnitError, unknown_name
from sociokalkyl.finance import discount_factors
from sociokalkyl.language.labels import Lang, parameter_label
from sociokalkyl.language.numbers import format_discounting
from sociokalkyl.model import STANDARD_PAYERS, CostItem, Intervention, Settings
from sociokalkyl.units import format_quantity, to_float, unit_key

if TYPE_CHECKING:  # pint stays out of the engine at run time
    import pint

__all__ = [
    "Parameter",
    "Plan",
    "Projection",
    "compile_plan",
    "cost_item_summary",
    "project",
    "resolve_cost_items",
]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class ParameterKey:
    """Where a parameter comes from: a section of the model, an index in it and a field.

    ``section`` is ``"target_group"``, ``"cost_items"``, ``"baseline"``, ``"effects"``,
    ``"costs"`` or ``"settings"``; ``index`` is the cost item's key (``cost_items``), the
    position in the list (``baseline``, ``effects``, ``costs``), the intake year
    (``target_group``) or ``None`` (``settings``); ``field`` is the model's field name
    (``"unit_cost"``, ``"change"``, ``"intake"``, ``"effect_multiplier"``). Reports turn
    a key into words in the reader's language; the engine writes no prose.

    >>> ParameterKey("effects", 0, "drop_off")
    ParameterKey(section='effects', index=0, field='drop_off')
    """

    section: str
    index: int | str | None
    field: str


@dataclass(frozen=True)
class Parameter:
    """One numeric input of the plan.

    ``value`` is the number as the user gave it (in ``unit`` and its own price year);
    the engine uses ``value * scale`` (SEK/year, SEK, shares, uses per year in the
    analysis price year). A distribution over a parameter is a distribution of ``value``.
    ``unit`` is a unit key: the unit as written by :func:`sociokalkyl.units.unit_key`
    (``"SEK/day"``, ``"month/year"``), or ``"share"``, ``"1/year"``, ``"participants"``,
    ``"×"``; reports translate it (``"kr/dygn"``).
    """

    name: str
    key: ParameterKey
    value: float
    scale: float = 1.0
    unit: str = ""
    bounds: tuple[float, float] = (-math.inf, math.inf)


@dataclass(frozen=True)
class Discounting:
    """How the plan discounts: a constant real ``rate`` or a named schedule ``preset``.

    ``rate`` is the real rate [1/year] as given (a parameter, ``None`` for a schedule);
    ``preset`` the schedule's name and ``source`` its citation (``None`` for a rate).
    """

    rate: float | None
    preset: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class _Baseline:
    item: int
    name: str
    profile: Array  # (T,) multipliers by age; 0 from `years` on


@dataclass(frozen=True)
class _Effect:
    item: int
    name: str
    relative: bool
    lag: int
    ramp: int
    duration: int | None


@dataclass(frozen=True)
class _Cost:
    name: str
    kind: str
    payer: int
    pattern: Array  # (T,) by analysis year (one_off, per_year) or by age (per_participant)


@dataclass(frozen=True)
class Plan:
    """A compiled intervention: parameters, structure and labels, all plain numbers."""

    intervention_name: str
    horizon: int
    base_year: int
    price_year: int
    payers: tuple[str, ...]
    item_keys: tuple[str, ...]
    item_names: tuple[str, ...]
    cost_names: tuple[str, ...]
    cost_items: tuple[CostItem, ...]
    parameters: Mapping[str, Parameter]
    item_payer_shares: Array  # (I, P)
    item_price_factors: tuple[float, ...]  # price index factor of each item to price_year
    intake_years: tuple[int, ...]
    fixed_discount_factors: Array | None  # (T,) for a schedule; None for a rate parameter
    discounting: Discounting
    _baselines: tuple[_Baseline, ...] = field(repr=False, default=())
    _effects: tuple[_Effect, ...] = field(repr=False, default=())
    _costs: tuple[_Cost, ...] = field(repr=False, default=())

    @property
    def active_payers(self) -> tuple[str, ...]:
        """The payers that pay a cost or own a share of a cost item, in plan order."""
        used = set(np.flatnonzero(self.item_payer_shares.sum(axis=0) > 0).tolist())
        used |= {cost.payer for cost in self._costs}
        return tuple(payer for j, payer in enumerate(self.payers) if j in used)

    def values(self, overrides: Mapping[str, float | Array] | None = None) -> dict[str, Array]:
        """The parameter values as arrays; ``overrides`` replace named values.

        Raises
        ------
        InputError
            For an override that names no parameter (the message lists the names).
        """
        values = {name: np.asarray(p.value, dtype=float) for name, p in self.parameters.items()}
        for name, value in (overrides or {}).items():
            self.parameter(name, field=name)
            values[name] = np.asarray(value, dtype=float)
        return values

    def parameter(self, name: str, *, field: str = "parameter") -> Parameter:
        """The named parameter; for an unknown name an InputError that lists the valid ones."""
        try:
            return self.parameters[name]
        except KeyError:
            raise unknown_name(
                name, self.parameters, "a parameter of this intervention", field=field
            ) from None

    def discounting_text(self, lang: Lang = "sv") -> str:
        """How the plan discounts, in words (``"3,5 % real ränta, konstant"``)."""
        d = self.discounting
        return format_discounting(d.rate, d.preset, d.source, lang)

    def parameter_label(self, name: str, lang: Lang = "sv") -> str:
        """The parameter ``name`` in words, in ``lang`` (``"sv"`` or ``"en"``).

        Built from the parameter's :class:`ParameterKey` and the plan's names; the engine
        itself writes no prose.
        """
        key = self.parameter(name).key
        names: dict[str, object] = {"index": key.index}
        if key.section == "cost_items":
            i = self.item_keys.index(str(key.index))
            names.update(item=self.item_names[i], year=self.cost_items[i].price_year)
        elif key.section in ("baseline", "effects") and isinstance(key.index, int):
            source = self._baselines if key.section == "baseline" else self._effects
            names["item"] = self.item_keys[source[key.index].item]
        elif key.section == "costs" and isinstance(key.index, int):
            names["name"] = self.cost_names[key.index]
        return parameter_label(key.section, key.field, lang, **names)

    def payer_index(self, payer: str) -> int:
        """The index of a payer in :attr:`payers`; an InputError lists the valid ones."""
        if payer not in self.payers:
            raise unknown_name(payer, self.payers, "a payer of this analysis", field="payer")
        return self.payers.index(payer)


@dataclass(frozen=True)
class Projection:
    """Yearly flows for ``D`` draws [SEK, analysis price year, undiscounted].

    The year is the second-to-last axis and the draw the last, ``(·, T, D)``: one year
    of every draw is one contiguous row, which is the layout in which numpy projects,
    discounts and sums over years fastest. ``D`` is 1 when no parameter varies.

    Attributes
    ----------
    flows
        The avoided costs by cost item, then the intervention costs by cost line, in
        one array of shape ``(I + K, T, D)``; :attr:`avoided` and :attr:`costs` are
        views of it.
    baseline
        Baseline costs of the participants by cost item, shape ``(I, T, D)``.
    factors
        Discount factors, shape ``(T, D)``, or ``(T, 1)`` when every draw has the same.
    item_payer_shares
        Share of each cost item paid by each payer, shape ``(I, P)``.
    cost_payers
        1 where a cost line is paid by a payer, else 0, shape ``(K, P)``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> projection = project(plan, plan.values({"effect_multiplier": [0.5, 1.0]}))
    >>> projection.avoided.shape, projection.net.shape   # (items, years, draws)
    ((1, 10, 2), (10, 2))
    """

    flows: Array
    baseline: Array
    factors: Array
    item_payer_shares: Array
    cost_payers: Array

    @property
    def active_payers(self) -> NDArray[np.intp]:
        """Indices of the payers that pay a cost or own a share of a cost item.

        The others have no flow in any draw.
        """
        used = (self.item_payer_shares > 0).any(axis=0) | (self.cost_payers > 0).any(axis=0)
        return np.flatnonzero(used)

    @property
    def avoided(self) -> Array:
        """Avoided costs by cost item, shape ``(I, T, D)`` (negative: a cost increase)."""
        return self.flows[: self.item_payer_shares.shape[0]]

    @property
    def costs(self) -> Array:
        """Intervention costs by cost line, shape ``(K, T, D)``."""
        return self.flows[self.item_payer_shares.shape[0] :]

    @property
    def net(self) -> Array:
        """Avoided costs less intervention costs, shape ``(T, D)``."""
        return self.net_of(np.ones(self.avoided.shape[0]), np.ones(self.costs.shape[0]))

    def net_of(self, item_weights: Array, cost_weights: Array, out: Array | None = None) -> Array:
        """``sum_i w_i avoided[i] - sum_k v_k costs[k]``, shape ``(T, D)``.

        With a payer's shares as weights this is the payer's net. The sum runs in a
        fixed order (see :func:`weighted_sum`), so every draw's numbers are the same
        whichever draws it is projected with.
        """
        weights = np.concatenate([item_weights, -np.asarray(cost_weights)])
        return weighted_sum(weights, self.flows, out=out)

    @property
    def costs_by_payer(self) -> Array:
        """Intervention costs per payer, shape ``(P, T, D)``."""
        return np.stack([weighted_sum(w, self.costs) for w in self.cost_payers.T])

    @property
    def avoided_by_payer(self) -> Array:
        """Avoided costs per payer, shape ``(P, T, D)``."""
        return np.stack([weighted_sum(w, self.avoided) for w in self.item_payer_shares.T])

    @property
    def net_by_payer(self) -> Array:
        """Net per payer, shape ``(P, T, D)``."""
        pairs = zip(self.item_payer_shares.T, self.cost_payers.T, strict=True)
        return np.stack([self.net_of(shares, paid) for shares, paid in pairs])


def weighted_sum(weights: Array, lines: Array, out: Array | None = None) -> Array:
    """``sum_i weights[i] * lines[i]`` over the first axis, in order, skipping 0 weights.

    A loop over the (few) cost items or lines, each step a whole ``(T, D)`` array. The
    order of the additions is fixed, unlike a BLAS product or a numpy reduction, whose
    order can depend on the number of draws; so a draw gives the same bits alone
    (``evaluate``) and among many (``simulate``).

    Examples
    --------
    >>> lines = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])   # 3 lines, 2 years
    >>> weighted_sum(np.array([1.0, 0.0, 0.5]), lines)          # [0 + 2, 1 + 2.5]
    array([2. , 3.5])
    """
    result = np.zeros(lines.shape[1:]) if out is None else out
    started = False
    for weight, line in zip(weights, lines, strict=True):
        if weight == 0:
            continue
        # multiplying by 1 or -1 and adding to 0 change no bit: those steps are skipped
        if not started:
            if weight == 1:
                np.copyto(result, line)
            else:
                np.multiply(line, weight, out=result)
            started = True
        elif weight == 1:
            result += line
        elif weight == -1:
            result -= line
        else:
            result += weight * line
    if not started:
        result[...] = 0.0
    return result


def resolve_cost_items(
    intervention: Intervention, catalogue: Mapping[str, CostItem] | None = None
) -> tuple[CostItem, ...]:
    """The intervention's cost items, with catalogue keys looked up.

    A key is looked up in ``catalogue``, or in the shipped catalogue
    (:func:`sociokalkyl.catalogue.default`) when none is given.
    """
    items: list[CostItem] = []
    for index, item in enumerate(intervention.cost_items):
        if isinstance(item, CostItem):
            items.append(item)
            continue
        if catalogue is None:
            from sociokalkyl import catalogue as shipped

            catalogue = shipped.default()
        try:
            found = catalogue[item]
        except KeyError as exc:
            hint = exc.expected if isinstance(exc, InputError) and exc.expected else None
            raise InputError(
                "is not a key of the catalogue",
                field=f"cost_items[{index}]",
                value=item,
                expected=hint
                or "a catalogue key (list them with `sociokalkyl catalogue`) or a full cost item",
            ) from None
        items.append(found)
    return tuple(items)


def _unit_scale(
    quantity: pint.Quantity[Any], unit: str, field: str, hint: str | None = None
) -> float:
    """The factor from the quantity's own unit to ``unit``; errors show the value given."""
    try:
        return to_float(1.0 * quantity.units, unit, field=field)
    except UnitError as exc:
        raise UnitError(
            exc.message.split(":")[0] + f": {quantity.dimensionality} cannot become {unit}",
            field=field,
            value=format_quantity(quantity),
            expected=hint or exc.expected,
        ) from None


def _use_hint(item: CostItem) -> str:
    if item.per_event:
        return (
            f"events per year, as the unit cost of {item.key} is per event "
            f'({item.unit_cost_text()}): e.g. "0,8 /år"; or give the unit cost per time '
            '(e.g. "9 000 kr/mån")'
        )
    return (
        f"time per time, as the unit cost of {item.key} is per time "
        f'({item.unit_cost_text()}): e.g. "7 mån/år" or "2,5 tim/vecka"'
    )


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


def compile_plan(
    intervention: Intervention,
    settings: Settings,
    catalogue: Mapping[str, CostItem] | None = None,
) -> Plan:
    """Compile an intervention and settings into a :class:`Plan` of plain numbers.

    Every amount is converted to SEK or SEK/year and rebased from its price year to
    ``settings.price_year`` with its price index (a year the index lacks is an error
    naming the field). Called once per analysis; :func:`project` does the numbers.
    """
    horizon = settings.horizon
    items = resolve_cost_items(intervention, catalogue)
    item_keys = tuple(item.key for item in items)
    payers = list(dict.fromkeys([*STANDARD_PAYERS, *intervention.other_payers]))
    for item in items:
        for payer in item.payer_shares:
            if payer not in payers:
                raise unknown_name(
                    payer,
                    payers,
                    "a known payer",
                    field=f"cost_items.{item.key}.payer",
                    expected=f"one of {payers}, or declare it in other_payers",
                )
    parameters: dict[str, Parameter] = {}

    def add(parameter: Parameter) -> None:
        parameters[parameter.name] = parameter

    for year, count in enumerate(intervention.target_group.intake):
        if count > 0 or year == 0:
            add(
                Parameter(
                    f"target_group.intake[{year}]",
                    ParameterKey("target_group", year, "intake"),
                    float(count),
                    1.0,
                    "participants",
                    (0.0, math.inf),
                )
            )
    for year, count in enumerate(intervention.target_group.intake):
        if count > 0 and year >= horizon:
            raise InputError(
                f"has {count:g} participants entering in year {year}, beyond the horizon "
                f"(years 0 to {horizon - 1})",
                field=f"target_group.intake[{year}]",
                value=count,
                expected=f"intake within the horizon, or a horizon of at least {year + 1} years",
            )
    intake_years = tuple(
        year
        for year in range(len(intervention.target_group.intake))
        if f"target_group.intake[{year}]" in parameters
    )

    shares = np.zeros((len(items), len(payers)))
    price_factors: list[float] = []
    for i, item in enumerate(items):
        name = f"cost_items.{item.key}"
        unit = "SEK" if item.per_event else "SEK/year"
        to_canonical = _unit_scale(item.unit_cost, unit, f"{name}.unit_cost")
        rebase = _price_factor(
            settings, item.price_index, item.price_year, settings.price_year, f"{name}.price_year"
        )
        price_factors.append(rebase)
        add(
            Parameter(
                f"{name}.unit_cost",
                ParameterKey("cost_items", item.key, "unit_cost"),
                float(item.unit_cost.magnitude),
                to_canonical * rebase,
                unit_key(item.unit_cost),
                (0.0, math.inf),
            )
        )
        add(
            Parameter(
                f"{name}.real_growth",
                ParameterKey("cost_items", item.key, "real_growth"),
                item.real_growth,
                1.0,
                "1/year",
                (-1.0, math.inf),
            )
        )
        for payer, share in item.payer_shares.items():
            shares[i, payers.index(payer)] = share

    baselines = []
    ages = np.arange(horizon)
    for b, use in enumerate(intervention.baseline):
        item = items[item_keys.index(use.cost_item)]
        name = f"baseline[{b}]"
        scale = _unit_scale(use.use, item.use_unit(), f"{name}.use", _use_hint(item))
        add(
            Parameter(
                f"{name}.use",
                ParameterKey("baseline", b, "use"),
                float(use.use.magnitude),
                scale,
                unit_key(use.use),
                (0.0, math.inf),
            )
        )
        add(
            Parameter(
                f"{name}.exit_rate",
                ParameterKey("baseline", b, "exit_rate"),
                use.exit_rate,
                1.0,
                "1/year",
                (0.0, 1.0),
            )
        )
        profile = np.ones(horizon)
        if use.profile is not None:
            given = np.asarray(use.profile, dtype=float)
            profile = np.concatenate([given, np.full(max(horizon - given.size, 0), given[-1])])
            profile = profile[:horizon]
        if use.years is not None:
            profile = np.where(ages < use.years, profile, 0.0)
        baselines.append(_Baseline(item_keys.index(use.cost_item), name, profile))

    effects = []
    for e, effect in enumerate(intervention.effects):
        item = items[item_keys.index(effect.cost_item)]
        name = f"effects[{e}]"
        if effect.kind == "relative":
            assert isinstance(effect.change, float)
            add(
                Parameter(
                    f"{name}.change",
                    ParameterKey("effects", e, "change"),
                    effect.change,
                    1.0,
                    "share",
                    (-1.0, math.inf),
                )
            )
        else:
            assert not isinstance(effect.change, float)
            scale = _unit_scale(effect.change, item.use_unit(), f"{name}.change", _use_hint(item))
            add(
                Parameter(
                    f"{name}.change",
                    ParameterKey("effects", e, "change"),
                    float(effect.change.magnitude),
                    scale,
                    unit_key(effect.change),
                )
            )
        for adjustment in ("drop_off", "deadweight", "attribution", "displacement"):
            add(
                Parameter(
                    f"{name}.{adjustment}",
                    ParameterKey("effects", e, adjustment),
                    float(getattr(effect, adjustment)),
                    1.0,
                    "share",
                    (0.0, 1.0),
                )
            )
        effects.append(
            _Effect(
                item_keys.index(effect.cost_item),
                name,
                effect.kind == "relative",
                effect.start_lag,
                effect.ramp_up_years,
                effect.duration_years,
            )
        )

    costs = []
    for k, cost in enumerate(intervention.costs):
        name = f"costs[{k}]"
        per_time = cost.amount.dimensionality != {"[currency]": 1}
        unit = "SEK/year" if per_time else "SEK"
        scale = _unit_scale(cost.amount, unit, f"{name}.amount")
        if cost.price_year is not None:
            scale *= _price_factor(
                settings,
                cost.price_index,
                cost.price_year,
                settings.price_year,
                f"{name}.price_year",
            )
        pattern = np.zeros(horizon)
        if cost.kind in ("one_off", "per_year") and cost.year >= horizon:
            raise InputError(
                f"is paid from year {cost.year}, beyond the horizon (years 0 to {horizon - 1})",
                field=f"{name}.year",
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
            length = to_float(cost.duration, "year", field=f"{name}.duration")
            pattern = np.clip(length - ages, 0.0, 1.0)
        add(
            Parameter(
                f"{name}.amount",
                ParameterKey("costs", k, "amount"),
                float(cost.amount.magnitude),
                scale,
                unit_key(cost.amount),
                (0.0, math.inf),
            )
        )
        costs.append(_Cost(cost.name, cost.kind, payers.index(cost.payer), pattern))
    add(
        Parameter(
            "settings.optimism_bias",
            ParameterKey("settings", None, "optimism_bias"),
            settings.optimism_bias,
            1.0,
            "share",
            (0.0, math.inf),
        )
    )
    add(
        Parameter(
            "effect_multiplier",
            ParameterKey("settings", None, "effect_multiplier"),
            1.0,
            1.0,
            "×",
            (0.0, math.inf),
        )
    )

    fixed_factors: Array | None = None
    if isinstance(settings.discount_rate, str):
        schedule = settings.discount_schedule()
        fixed_factors = np.asarray(discount_factors(schedule, horizon), dtype=float)
        discounting = Discounting(None, settings.discount_rate, schedule.source)
    else:
        add(
            Parameter(
                "settings.discount_rate",
                ParameterKey("settings", None, "discount_rate"),
                settings.discount_rate,
                1.0,
                "1/year",
                (-0.99, math.inf),
            )
        )
        discounting = Discounting(settings.discount_rate)

    return Plan(
        intervention_name=intervention.name,
        horizon=horizon,
        base_year=settings.base_year,
        price_year=settings.price_year,
        payers=tuple(payers),
        item_keys=item_keys,
        item_names=tuple(item.name for item in items),
        cost_names=tuple(cost.name for cost in intervention.costs),
        cost_items=items,
        parameters=parameters,
        item_payer_shares=shares,
        item_price_factors=tuple(price_factors),
        intake_years=intake_years,
        fixed_discount_factors=fixed_factors,
        discounting=discounting,
        _baselines=tuple(baselines),
        _effects=tuple(effects),
        _costs=tuple(costs),
    )


def _row(values: Mapping[str, Array], plan: Plan, name: str) -> Array:
    """A parameter's canonical value as a row ``(1, D)``: one value per draw."""
    row: Array = np.reshape(values[name] * plan.parameters[name].scale, (1, -1))
    return row


def _cohort_sum(per_age: Array, intake: list[tuple[int, Array]]) -> Array:
    """``out[t, d] = sum_c n_c[d] * per_age[t - c, d]`` for ``t >= c``, in the columns needed.

    ``per_age`` has shape ``(T, D)`` or ``(T, 1)``, each count ``n_c`` ``(1, D)`` or
    ``(1, 1)``. Each cohort adds whole rows shifted by its intake year, cohort by cohort
    in a fixed order. The result has one column when neither the intake nor
    ``per_age`` varies by draw.
    """
    horizon = per_age.shape[0]
    columns = max(per_age.shape[1], *(count.shape[1] for _, count in intake))
    # the year-0 cohort (compile_plan puts it first) writes every row; without it, zeros
    out = np.empty((horizon, columns)) if intake[0][0] == 0 else np.zeros((horizon, columns))
    for year, count in intake:
        if year == 0:
            np.multiply(count, per_age, out=out)
        else:
            out[year:] += count * per_age[: horizon - year]
    return out


def project(plan: Plan, values: Mapping[str, Array], *, with_baseline: bool = True) -> Projection:
    """Project the yearly flows of a plan for ``D`` draws of its parameters.

    Parameters
    ----------
    plan
        From :func:`compile_plan`.
    values
        Every parameter's value (in the user's units, see :class:`Parameter`), each a
        scalar or an array of shape ``(D,)``; :meth:`Plan.values` gives the defaults.
    with_baseline
        Also compute the baseline costs per cost item (for ``Result.by_cost_item``);
        Monte Carlo skips them, and ``Projection.baseline`` is then all zeros of shape
        ``(I, T, 1)``.

    Returns
    -------
    Projection
        Yearly flows [SEK, analysis price year], shapes ``(·, T, D)``.

    Notes
    -----
    For baseline use :math:`u(a) = u_0 (1-x)^a p(a)` and effects with profiles
    :math:`\\pi_j(k)`, the change of use per participant at age ``a`` is
    :math:`\\Delta(a) = \\max(-u(a), \\sum_j m\\,s_j\\,\\pi_j(a-\\ell_j)\\,\\alpha_j\\,[u(a)])`
    (the bracket only for relative effects; an absolute effect is further multiplied by
    :math:`[p(a) > 0]`, so it ends with the baseline use; ``m`` the effect multiplier,
    ``α`` the SROI factor). Avoided cost in year ``t`` is
    :math:`-\\sum_c n_c \\Delta(t-c) \\, C (1+g)^t`, with ``C`` the canonical unit cost.

    Every array is laid out year by draw, ``(T, D)``: a parameter is a row ``(1, D)``,
    a profile over the years a column ``(T, 1)``, and a cohort shift moves whole rows.
    """
    horizon = plan.horizon
    ages = np.arange(horizon, dtype=float).reshape(horizon, 1)
    draws = max([np.size(v) for v in values.values()] + [1])
    intake = [
        (year, _row(values, plan, f"target_group.intake[{year}]")) for year in plan.intake_years
    ]
    multiplier = _row(values, plan, "effect_multiplier")

    n_items = len(plan.item_keys)
    baseline = np.zeros((n_items, horizon, draws if with_baseline else 1))
    flows = np.empty((n_items + len(plan._costs), horizon, draws))  # avoided, then costs
    avoided, costs = flows[:n_items], flows[n_items:]
    avoided[sorted(set(range(n_items)) - {spec.item for spec in plan._baselines})] = 0.0
    for spec in plan._baselines:
        use = _row(values, plan, f"{spec.name}.use")
        exit_rate = _row(values, plan, f"{spec.name}.exit_rate")
        profile_by_age = spec.profile.reshape(horizon, 1)
        use_by_age = use * (1.0 - exit_rate) ** ages * profile_by_age
        # the use avoided per participant by age, before the cap at the baseline use;
        # it is minus the change of use, so that the cap is one np.minimum
        reduction: Array = np.zeros((horizon, 1))
        for number, effect in enumerate(e for e in plan._effects if e.item == spec.item):
            k = ages - effect.lag
            ramp = np.minimum(1.0, (k + 1) / effect.ramp) if effect.ramp > 1 else 1.0
            active = (k >= 0) & (k < (effect.duration if effect.duration is not None else np.inf))
            drop = _row(values, plan, f"{effect.name}.drop_off")
            adjustment = (
                (1.0 - _row(values, plan, f"{effect.name}.deadweight"))
                * (1.0 - _row(values, plan, f"{effect.name}.attribution"))
                * (1.0 - _row(values, plan, f"{effect.name}.displacement"))
            )
            size = _row(values, plan, f"{effect.name}.change") * multiplier * adjustment
            # an absolute effect lasts while the baseline use does (its `years`/profile)
            scale = use_by_age if effect.relative else (profile_by_age > 0)
            # factors that are usually a column (T, 1) first, the size (a row) last: fewer
            # (T, D) products; one fixed order, whichever factors vary by draw
            decay = (1.0 - drop) ** np.maximum(k, 0)
            term = (ramp * active) * scale * decay * -size
            reduction = term if number == 0 else reduction + term
        avoided_use = np.minimum(reduction, use_by_age)
        item = plan.item_keys[spec.item]
        unit_cost = _row(values, plan, f"cost_items.{item}.unit_cost")
        growth = (1.0 + _row(values, plan, f"cost_items.{item}.real_growth")) ** ages
        # without real growth the price is the unit cost: a row, not a (T, D) product
        price = unit_cost * growth if np.any(growth != 1.0) else unit_cost
        if with_baseline:
            baseline[spec.item] = _cohort_sum(use_by_age, intake) * price
        np.multiply(_cohort_sum(avoided_use, intake), price, out=avoided[spec.item])

    uplift = 1.0 + _row(values, plan, "settings.optimism_bias")
    for line, cost in enumerate(plan._costs):
        amount = _row(values, plan, f"costs[{line}].amount") * uplift
        pattern = cost.pattern.reshape(horizon, 1)
        if cost.kind == "per_participant":
            pattern = _cohort_sum(pattern, intake)
        np.multiply(pattern, amount, out=costs[line])

    cost_payers = np.zeros((len(plan._costs), len(plan.payers)))
    for line, cost in enumerate(plan._costs):
        cost_payers[line, cost.payer] = 1.0
    if plan.fixed_discount_factors is not None:
        factors = plan.fixed_discount_factors.reshape(horizon, 1)
    else:
        rate = np.reshape(values["settings.discount_rate"], (-1,))
        by_draw = np.asarray(discount_factors(rate, horizon), dtype=float)  # (D, T)
        factors = np.ascontiguousarray(by_draw.reshape(-1, horizon).T)
    return Projection(flows, baseline, factors, plan.item_payer_shares, cost_payers)


def cost_item_summary(item: CostItem, price_year: int, factor: float) -> dict[str, object]:
    """One row of the assumption log: the item, its value, and its value rebased by ``factor``.

    ``factor`` is the price-index factor the engine used (``Plan.item_price_factors``), so
    the log shows the number the calculation rests on, with the user's own index if any.
    """
    return {
        "key": item.key,
        "name": item.name,
        "unit_cost": format_quantity(item.unit_cost),
        "price_year": item.price_year,
        "rebased_unit_cost": format_quantity(round(item.unit_cost * factor, 2)),
        "analysis_price_year": price_year,
        "price_index": item.price_index,
        "payer": item.payer if isinstance(item.payer, str) else dict(item.payer),
        "source": item.source,
        "confidence": item.confidence,
        "geography": item.geography,
    }

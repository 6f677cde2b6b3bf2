"""The compiled plan: parameters, structure and labels of an intervention, all plain numbers.

A :class:`Plan` is what :func:`~sociokalkyl.engine.compile_plan` makes of the models and
what :func:`~sociokalkyl.engine.project` reads. It holds floats, tuples and numpy
arrays (and the resolved cost item models, for labels and the assumption log, which
the projection never reads); everything it can derive (the cost items' keys and names, the intake
years, the cost lines' names) is a property, not a second copy. This module imports
neither pint nor pydantic nor the models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine.lines import DerivedLine, Perspective
from sociokalkyl.engine.log import Assumption
from sociokalkyl.engine.outcomes import OutcomeLine, OverlapWarning
from sociokalkyl.engine.parameters import Discounting, Parameter, ParameterKey
from sociokalkyl.engine.structure import BaselineProfile, CostLine, EffectTiming
from sociokalkyl.errors import InputError, unknown_name
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_discounting
from sociokalkyl.language.parameters import parameter_label

# the models only for the types of Plan.cost_items and Plan.warnings, not at run time
if TYPE_CHECKING:
    from sociokalkyl.model import CostItem
    from sociokalkyl.model.plausibility import PlausibilityWarning

__all__ = [
    "BaselineProfile",
    "CostLine",
    "Discounting",
    "EffectTiming",
    "Parameter",
    "ParameterKey",
    "Plan",
]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Plan:
    """A compiled intervention: parameters, structure and labels, all plain numbers.

    Made by :func:`~sociokalkyl.engine.compile_plan`; read by
    :func:`~sociokalkyl.engine.project`. ``I`` is the number of cost items, ``P`` of
    payers, ``T`` the horizon [year].

    Attributes
    ----------
    intervention_name
        The intervention's name.
    horizon
        Number of analysis years ``T`` [year]; year 0 is the base year.
    base_year, price_year
        Calendar year of year 0, and the price year of every amount [year].
    payers
        Every payer of the analysis, the standard ones first.
    cost_items
        The resolved cost items (the models, for labels and the assumption log).
    parameters
        Every numeric input by name, in a fixed order (see :class:`Parameter`).
    item_payer_shares
        Share of each cost item paid by each payer [1], shape ``(I, P)``.
    item_price_factors
        Price-index factor of each cost item from its price year to ``price_year`` [1].
    fixed_discount_factors
        Discount factors [1], shape ``(T,)``, for a schedule; ``None`` when the rate is
        the parameter ``"settings.discount_rate"``.
    discounting
        How the plan discounts (:class:`Discounting`).
    baselines, effects, costs
        The structure of the baseline uses, effects and cost lines.
    assumptions
        The assumption log: every number the plan rests on, with unit, source and
        confidence (:class:`~sociokalkyl.engine.log.Assumption`).
    warnings
        Implausible magnitudes the user has not accepted (``Intervention.warnings``),
        and cost items changed by two sources (:class:`OverlapWarning`): every report
        shows them.
    weights
        Weight of each line for each actor [1], shape ``(L, A)``: the cost items'
        avoided costs, the cost lines, then the derived lines (see
        :mod:`sociokalkyl.engine.weights`); ``L = I + K + X``.
    society
        Weight of each line for every actor together [1], shape ``(L,)``.
    line_flows, line_names
        Each line's flow kind (``"resource"``, ``"transfer"``, ``"production"``) and name.
    derived
        The lines derived from work (:class:`~sociokalkyl.engine.lines.DerivedLine`).
    orientation
        +1 for a line of avoided costs, -1 for a line of costs [1], shape ``(L,)``.
    perspectives
        The preset and user perspectives (:class:`~sociokalkyl.engine.lines.Perspective`).
    headline
        The perspective of the headline numbers (``Settings.perspective``).
    outcome_lines
        The consequences of the effects on outcomes (``docs/outcomes.md``).
    unpriced_effects
        Effects no one can price, listed in results and reports as "ej värderade effekter".

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> plan.item_keys, plan.intake_years, plan.horizon
    (('ekonomiskt_bistand',), (0,), 10)
    """

    intervention_name: str
    horizon: int
    base_year: int
    price_year: int
    payers: tuple[str, ...]
    cost_items: tuple[CostItem, ...]
    parameters: Mapping[str, Parameter]
    item_payer_shares: Array
    item_price_factors: tuple[float, ...]
    fixed_discount_factors: Array | None
    discounting: Discounting
    baselines: tuple[BaselineProfile, ...] = ()
    effects: tuple[EffectTiming, ...] = ()
    costs: tuple[CostLine, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    warnings: tuple[PlausibilityWarning | OverlapWarning, ...] = ()
    weights: Array = field(default_factory=lambda: np.zeros((0, 0)))
    society: Array = field(default_factory=lambda: np.zeros(0))
    line_flows: tuple[str, ...] = ()
    line_names: tuple[str, ...] = ()
    derived: tuple[DerivedLine, ...] = ()
    orientation: Array = field(default_factory=lambda: np.zeros(0))
    perspectives: tuple[Perspective, ...] = ()
    headline: str = "samhället"
    outcome_lines: tuple[OutcomeLine, ...] = ()
    unpriced_effects: tuple[str, ...] = ()

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor of the analysis (the same as :attr:`payers`)."""
        return self.payers

    def perspective(self, name: str) -> Perspective:
        """The named perspective (an alias such as ``"offentlig sektor"`` is accepted).

        Parameters
        ----------
        name
            A preset's name or one of ``Settings.perspectives``.

        Returns
        -------
        Perspective
            Its actors and line weights.

        Raises
        ------
        InputError
            For an unknown name, with "did you mean" and the valid names.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> compile_plan(*examples.servicetrainee()).perspective("offentlig sektor").actors
        ('kommun', 'region', 'stat', 'kommun/socialnämnd', 'kommun/arbetsmarknadsnämnd')
        """
        wanted = {"offentlig sektor": "offentlig_sektor", "samhallet": "samhället"}.get(
            name.strip(), name.strip()
        )
        for perspective in self.perspectives:
            if perspective.name == wanted:
                return perspective
        names = [p.name for p in self.perspectives]
        raise unknown_name(name, names, "a perspective of this analysis", field="perspective")

    @property
    def item_keys(self) -> tuple[str, ...]:
        """The cost items' keys, in plan order."""
        return tuple(item.key for item in self.cost_items)

    @property
    def item_names(self) -> tuple[str, ...]:
        """The cost items' names, in plan order."""
        return tuple(item.name for item in self.cost_items)

    @property
    def cost_names(self) -> tuple[str, ...]:
        """The intervention cost lines' names, in plan order."""
        return tuple(cost.name for cost in self.costs)

    @cached_property
    def intake(self) -> tuple[Parameter, ...]:
        """The intake parameters (section ``"target_group"``), by intake year.

        Year 0 is always among them; other years only when someone enters then. Derived
        from the parameters' keys once per plan (:func:`project` reads it every call).
        """
        found = [p for p in self.parameters.values() if p.key.section == "target_group"]
        return tuple(sorted(found, key=lambda p: int(p.key.index or 0)))

    @property
    def intake_years(self) -> tuple[int, ...]:
        """The years in which a cohort enters (year 0 always), from the intake parameters."""
        return tuple(int(p.key.index or 0) for p in self.intake)

    @property
    def active_payers(self) -> tuple[str, ...]:
        """The actors with a flow (a weight on any line), in plan order."""
        used = (self.weights != 0).any(axis=0)
        return tuple(payer for j, payer in enumerate(self.payers) if used[j])

    def values(self, overrides: Mapping[str, float | Array] | None = None) -> dict[str, Array]:
        """The parameter values as arrays; ``overrides`` replace named values.

        Parameters
        ----------
        overrides
            Values by parameter name [the parameter's ``unit``], each a scalar or an
            array of shape ``(D,)`` (one value per draw).

        Returns
        -------
        dict of str to ndarray
            Every parameter's value [its ``unit``], the given ones replaced.

        Raises
        ------
        InputError
            For an override that names no parameter (the message lists the names), or a
            value outside the parameter's ``bounds`` (the range a fixed value may take).

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> plan = compile_plan(*examples.servicetrainee())
        >>> plan.values({"effect_multiplier": [0.5, 2.0]})["effect_multiplier"]
        array([0.5, 2. ])
        """
        values = {name: np.asarray(p.value, dtype=float) for name, p in self.parameters.items()}
        for name, value in (overrides or {}).items():
            parameter = self.parameter(name, field=name)
            values[name] = np.asarray(value, dtype=float)
            _check_in_bounds(parameter, values[name])
        return values

    def parameter(self, name: str, *, field: str = "parameter") -> Parameter:
        """The named parameter.

        Parameters
        ----------
        name
            The parameter's name (``"effects[0].change"``).
        field
            The field an error names.

        Returns
        -------
        Parameter
            The parameter.

        Raises
        ------
        InputError
            For an unknown name; the message lists the valid ones.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> compile_plan(*examples.servicetrainee()).parameter("effect_multiplier").unit
        '×'
        """
        try:
            return self.parameters[name]
        except KeyError:
            raise unknown_name(
                name, self.parameters, "a parameter of this intervention", field=field
            ) from None

    def discounting_text(self, lang: Lang = "sv") -> str:
        """How the plan discounts, in words.

        Parameters
        ----------
        lang
            ``"sv"`` or ``"en"``.

        Returns
        -------
        str
            E.g. ``"3,5 % real ränta, konstant"``.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> compile_plan(*examples.servicetrainee()).discounting_text("en")
        '3.50% real, constant'
        """
        d = self.discounting
        return format_discounting(d.rate, d.preset, d.source, lang)

    def parameter_label(self, name: str, lang: Lang = "sv") -> str:
        """The parameter ``name`` in words, in ``lang`` (``"sv"`` or ``"en"``).

        Built from the parameter's :class:`ParameterKey` and the plan's names; the engine
        itself writes no prose.

        Parameters
        ----------
        name
            The parameter's name.
        lang
            ``"sv"`` or ``"en"``.

        Returns
        -------
        str
            The label, naming the cost item or cost line where there is one.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> plan = compile_plan(*examples.servicetrainee())
        >>> plan.parameter_label("effects[0].change", "en")
        'Change of ekonomiskt_bistand use'
        """
        key = self.parameter(name).key
        names: dict[str, object] = {"index": key.index}
        if key.section == "cost_items":
            i = self.item_keys.index(str(key.index))
            names.update(item=self.item_names[i], year=self.cost_items[i].price_year)
        elif key.section in ("baseline", "effects") and isinstance(key.index, int):
            source = self.baselines if key.section == "baseline" else self.effects
            names["item"] = self.item_keys[source[key.index].item]
        elif key.section == "costs" and isinstance(key.index, int):
            names["name"] = self.cost_names[key.index]
        return parameter_label(key.section, key.field, lang, **names)

    def payer_index(self, payer: str) -> int:
        """The index of a payer in :attr:`payers`.

        Parameters
        ----------
        payer
            The payer's name (``"kommun"``).

        Returns
        -------
        int
            Its index in :attr:`payers`.

        Raises
        ------
        InputError
            For a payer not in the analysis; the message lists the valid ones.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> compile_plan(*examples.servicetrainee()).payer_index("kommun")
        0
        """
        if payer not in self.payers:
            raise unknown_name(payer, self.payers, "a payer of this analysis", field="payer")
        return self.payers.index(payer)


def _check_in_bounds(parameter: Parameter, value: Array) -> None:
    """An InputError naming the parameter when a value lies outside its bounds.

    NaN is let through: it has no place in a range, and the projection's finiteness
    check names it (a NaN asked for on purpose gives NaN metrics, never a number).
    """
    low, high = parameter.bounds
    outside = (value < low) | (value > high)
    if not outside.any():
        return
    bad = float(value[outside].reshape(-1)[0])
    raise InputError(
        f"is outside the parameter's range [{low:g}, {high:g}] ({parameter.unit})",
        field=parameter.name,
        value=bad,
        expected=f"a value within [{low:g}, {high:g}] {parameter.unit}, e.g. "
        f"{parameter.value:g} (the value as given)",
    )

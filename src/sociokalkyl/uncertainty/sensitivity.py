"""One-way sensitivity (tornado); break-even and scenario comparison re-exported.

:func:`break_even` and :class:`BreakEven` live in :mod:`sociokalkyl.analysis.breakeven`,
:func:`compare_scenarios` and :class:`ScenarioTable` in :mod:`sociokalkyl.analysis.compare`.

Examples
--------
>>> from sociokalkyl import examples
>>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
>>> inv, settings = examples.servicetrainee()
>>> t = tornado(inv, settings, servicetrainee_uncertainty())
>>> t.rows[0].parameter in servicetrainee_uncertainty()
True
>>> b = break_even(inv, settings, "effect_multiplier")
>>> b.found, b.unit  # even unlimited effect (capped at no assistance at all) does not pay
(False, '×')
>>> print(break_even(inv, settings, "costs[0].amount"))  # the wage it could bear
NPV is 0 at costs[0].amount = 12,273 SEK/month (as given: 19,784 SEK/month)
>>> table = compare_scenarios({"utan handledning": {"costs[1].amount": 0}}, inv, settings)
>>> [row["scenario"] for row in table.records()]
['bas', 'utan handledning']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.breakeven import BreakEven, break_even
from sociokalkyl.analysis.compare import ScenarioTable, compare_scenarios
from sociokalkyl.analysis.finite import check_finite
from sociokalkyl.analysis.metrics import Metrics, compute_metrics
from sociokalkyl.engine import Plan, compile_plan, project
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import as_lang
from sociokalkyl.uncertainty.catalogue_ranges import with_catalogue_ranges
from sociokalkyl.uncertainty.checks import check_sampled
from sociokalkyl.uncertainty.display import tornado_html, tornado_text
from sociokalkyl.uncertainty.distributions import check_quantile
from sociokalkyl.uncertainty.frames import tornado_frame
from sociokalkyl.uncertainty.spec import DistributionLike, Uncertainty

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem, Intervention, Settings

__all__ = [
    "BreakEven",
    "ScenarioTable",
    "Tornado",
    "TornadoRow",
    "break_even",
    "compare_scenarios",
    "tornado",
]

Array = NDArray[np.float64]


def _check_payer(plan: Plan, payer: str | None, perspective: str | None = None) -> int | None:
    """The column of the payer (``>= 0``) or of the perspective (``-1 - q``); None: headline."""
    if payer is not None and perspective is not None:
        raise InputError(
            "are both given",
            field="payer, perspective",
            value=(payer, perspective),
            expected="one of them: an actor's own NPV, or a perspective's",
        )
    if perspective is not None:
        return -1 - plan.perspectives.index(plan.perspective(perspective))
    return None if payer is None else plan.payer_index(payer)


def _npv(metrics: Metrics, column: int | None) -> Array:
    if column is not None and column < 0:
        return metrics.npv_by_perspective[:, -1 - column]
    return metrics.npv if column is None else metrics.npv_by_payer[:, column]


# --- tornado -------------------------------------------------------------------------------
@dataclass(frozen=True)
class TornadoRow:
    """One bar: the NPV with one parameter at its low and at its high value [SEK].

    Attributes
    ----------
    parameter, unit, description : str
        The parameter's name, unit key and label in English.
    description_sv : str
        The label in Swedish (:meth:`label` picks one).
    base_value, low_value, high_value : float
        Its value as given and at the low and high quantiles [unit].
    npv_low, npv_high : float
        The NPV with the parameter at its low and high value [SEK].

    Examples
    --------
    >>> TornadoRow("x", "share", "x", 0.5, 0.4, 0.6, -10.0, 30.0).swing
    40.0
    """

    parameter: str
    unit: str
    description: str
    base_value: float
    low_value: float
    high_value: float
    npv_low: float
    npv_high: float
    description_sv: str = ""

    def label(self, lang: str = "sv") -> str:
        """The parameter in words, in ``lang`` (the name when there are none).

        Parameters
        ----------
        lang
            ``"sv"`` or ``"en"``.

        Returns
        -------
        str

        Examples
        --------
        >>> TornadoRow("x", "share", "Drop-off", 0.5, 0.4, 0.6, -1.0, 1.0, "Avtagande").label()
        'Avtagande'
        """
        text = self.description_sv if as_lang(lang) == "sv" else self.description
        return text or self.parameter

    @property
    def swing(self) -> float:
        """``|npv_high - npv_low|`` [SEK]."""
        return abs(self.npv_high - self.npv_low)


@dataclass(frozen=True)
class Tornado:
    """A one-way sensitivity analysis, rows sorted by swing (largest first).

    Attributes
    ----------
    intervention_name : str
    payer : str or None
        The payer whose NPV is shown; None for the total.
    base_npv : float
        The NPV with every parameter as given [SEK].
    low_quantile, high_quantile : float
        The quantile levels of the ends of each bar.
    rows : tuple of TornadoRow

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> t = tornado(*examples.servicetrainee(), {"effect_multiplier": {"kind": "uniform",
    ...     "low": 0.5, "high": 1.5}})
    >>> [r["parameter"] for r in t.records()]
    ['effect_multiplier']
    """

    intervention_name: str
    payer: str | None
    base_npv: float
    low_quantile: float
    high_quantile: float
    rows: tuple[TornadoRow, ...]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts.

        Returns
        -------
        list of dict
            Keys ``parameter``, ``unit``, ``description``, ``base_value``, ``low_value``,
            ``high_value``, ``npv_low``, ``npv_high`` and ``swing`` [SEK].
        """
        return [
            {
                "parameter": r.parameter,
                "unit": r.unit,
                "description": r.description,
                "base_value": r.base_value,
                "low_value": r.low_value,
                "high_value": r.high_value,
                "npv_low": r.npv_low,
                "npv_high": r.npv_high,
                "swing": r.swing,
            }
            for r in self.rows
        ]

    def plot(self, ax: Any = None, *, lang: str = "sv") -> Any:
        """Draw the tornado, labels in words (:func:`.plot.plot_tornado`)."""
        from sociokalkyl.uncertainty.plot import plot_tornado

        return plot_tornado(self, ax, lang=lang)

    def to_frame(self, lang: str = "sv") -> Any:
        """The rows as a tidy DataFrame (:func:`~sociokalkyl.uncertainty.frames.tornado_frame`)."""
        return tornado_frame(self, lang)

    def _repr_html_(self) -> str:
        return tornado_html(self)

    def __str__(self) -> str:
        return tornado_text(self)


def _ordered_levels(low: float, high: float) -> tuple[float, float]:
    """The two quantile levels, checked: each in (0, 1) and ``low < high``."""
    levels = check_quantile((low, high), "low, high")
    if not levels[0] < levels[1]:
        raise InputError(
            "must be ordered, low < high",
            field="low, high",
            value=(low, high),
            expected="e.g. low=0.1, high=0.9",
        )
    return float(levels[0]), float(levels[1])


def _swing_values(
    plan: Plan, spec: Uncertainty, levels: tuple[float, float]
) -> tuple[dict[str, Array], dict[str, tuple[float, float]]]:
    """Draw 0 at the plan's values, then each parameter alone at its low and high quantile.

    Returns the values of every parameter over the ``1 + 2 * n`` draws and, for each
    uncertain parameter, its ``(low, high)`` values [its unit].
    """
    names = list(spec)
    size = 1 + 2 * len(names)
    values = {name: np.full(size, float(v)) for name, v in plan.values().items()}
    ends: dict[str, tuple[float, float]] = {}
    for i, name in enumerate(names):
        with np.errstate(over="ignore", invalid="ignore"):  # checked just below
            ends_of = np.asarray(spec[name].ppf(levels), dtype=float)
        check_sampled(spec, {name: ends_of})
        lo, hi = (float(x) for x in ends_of)
        ends[name] = (lo, hi)
        values[name][1 + 2 * i] = lo
        values[name][2 + 2 * i] = hi
    return values, ends


def _row(plan: Plan, name: str, ends: tuple[float, float], npv: Array) -> TornadoRow:
    """The bar of parameter ``name``: its values at both ends and the NPV [SEK] at each."""
    parameter = plan.parameters[name]
    return TornadoRow(
        parameter=name,
        unit=parameter.unit,
        description=plan.parameter_label(name, "en"),
        description_sv=plan.parameter_label(name, "sv"),
        base_value=parameter.value,
        low_value=ends[0],
        high_value=ends[1],
        npv_low=float(npv[0]),
        npv_high=float(npv[1]),
    )


def tornado(
    intervention: Intervention,
    settings: Settings,
    uncertainty: Uncertainty | Mapping[str, DistributionLike],
    *,
    low: float = 0.10,
    high: float = 0.90,
    payer: str | None = None,
    perspective: str | None = None,
    catalogue: Mapping[str, CostItem] | None = None,
    catalogue_ranges: bool = True,
) -> Tornado:
    """One-way sensitivity: swing each uncertain parameter alone from its low to its high value.

    Each parameter is set to its distribution's ``low`` and ``high`` quantiles with every
    other parameter at the plan's value (as written in the intervention); all swings are
    projected in one vectorised pass.

    Parameters
    ----------
    intervention, settings
        As for :func:`~sociokalkyl.evaluate`.
    uncertainty
        Parameter name -> distribution (see :class:`~sociokalkyl.uncertainty.Uncertainty`).
    low, high
        Quantile levels, ``0 < low < high < 1`` (default 10 % and 90 %).
    payer
        Sort by this payer's NPV instead of the total.
    perspective
        Sort by this perspective's NPV (``"kommun"``, ``"offentlig sektor"``, ...).
    catalogue
        Where cost-item keys are looked up (default: the shipped catalogue).
    catalogue_ranges
        True (default): the consequence catalogue's ranges of the intervention's
        outcomes swing too, as in :func:`~sociokalkyl.uncertainty.simulate` (the
        user's own entry for a parameter wins;
        :func:`~sociokalkyl.uncertainty.catalogue_ranges.with_catalogue_ranges`).

    Returns
    -------
    Tornado
        Rows sorted by swing in NPV [SEK], largest first.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> t = tornado(*examples.servicetrainee(), servicetrainee_uncertainty())
    >>> t.rows[0].swing >= t.rows[-1].swing
    True
    """
    levels = _ordered_levels(low, high)
    spec = uncertainty if isinstance(uncertainty, Uncertainty) else Uncertainty(uncertainty)
    if catalogue_ranges:
        spec = with_catalogue_ranges(intervention, spec).uncertainty
    plan = compile_plan(intervention, settings, catalogue)
    spec.check(plan)
    column = _check_payer(plan, payer, perspective)
    values, ends = _swing_values(plan, spec, levels)
    projection = project(plan, values)
    metrics = compute_metrics(projection, with_irr=False)
    check_finite(plan, values, projection, metrics)
    npv = _npv(metrics, column)
    rows = [_row(plan, name, ends[name], npv[1 + 2 * i : 3 + 2 * i]) for i, name in enumerate(ends)]
    rows.sort(key=lambda r: r.swing, reverse=True)
    return Tornado(
        plan.intervention_name,
        payer if perspective is None else plan.perspective(perspective).name,
        float(npv[0]),
        levels[0],
        levels[1],
        tuple(rows),
    )

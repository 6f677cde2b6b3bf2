"""An effect: the change the intervention makes in a participant's use of one cost item."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pint
from pydantic import Field, model_validator

from sociokalkyl.model.common import Confidence, FrozenModel, Years, within_the_time
from sociokalkyl.units import Share, UsePerYear, has_time_unit

__all__ = ["Effect"]


class Effect(FrozenModel):
    """A change in a participant's expected use of one cost item.

    For a cohort entering in year ``c``, with ``k = t - c - start_lag`` the years since
    the effect began in analysis year ``t``:

    .. math::

        \\mathrm{profile}(k) = \\begin{cases}
            \\min\\left(1, \\frac{k+1}{R}\\right) (1 - d)^k & 0 \\le k < L \\\\
            0 & \\text{otherwise}
        \\end{cases}

    with ``R = ramp_up_years`` (no ramp when 0 or 1), ``d = drop_off`` and
    ``L = duration_years``. The net change of use in year ``t`` is

    .. math:: \\Delta u = s \\cdot \\mathrm{profile}(k) (1 - dw)(1 - at)(1 - dp)

    times the baseline use for a relative effect (``s = -0.49`` is 49 % less use), or a
    use per participant for an absolute effect (``s = "-5,88 mån/år"``). The use never
    falls below zero: a reduction is capped at the baseline. An absolute effect applies
    only while the baseline use lasts (within its ``years``, where its profile is above
    0): extra family-home days end when the placement would have ended.

    An effect measured against a control group already excludes deadweight (what would
    have happened anyway): leave ``deadweight`` at 0 then.

    Parameters
    ----------
    cost_item
        The key of the cost item whose use changes.
    kind
        ``"relative"`` (a share of the baseline use) or ``"absolute"`` (a use per
        participant and year).
    change
        Negative for less use. Relative: a share (``-0.49`` or ``"-49 %"``). Absolute: a
        use per year in the units of the baseline use (``"-2 tim/vecka"``).
    start_lag
        Years from intake until the effect starts [year].
    ramp_up_years
        Years until the full effect [year]; 0 or 1 means full from the start.
    duration_years
        Years the effect lasts once started [year]; ``None`` is to the horizon.
    drop_off
        The share of the effect lost each year [1/year].
    deadweight, attribution, displacement
        SROI adjustments: what would have happened anyway, what others caused, what
        was only moved elsewhere [share].

    Examples
    --------
    >>> effect = Effect(cost_item="ekonomiskt_bistand", kind="relative", change="-49 %",
    ...                 duration_years=5, deadweight=0.1)
    >>> effect.change, effect.adjustment  # adjustment = (1 - dw)(1 - at)(1 - dp)
    (-0.49, 0.9)
    """

    cost_item: str
    kind: Literal["relative", "absolute"] = "relative"
    change: float | UsePerYear
    start_lag: Years = 0
    ramp_up_years: Years = 0
    duration_years: Annotated[int, Field(ge=1, le=200)] | None = None
    drop_off: Share = Field(default=0.0, ge=0.0, le=1.0)
    deadweight: Share = Field(default=0.0, ge=0.0, le=1.0)
    attribution: Share = Field(default=0.0, ge=0.0, le=1.0)
    displacement: Share = Field(default=0.0, ge=0.0, le=1.0)
    source: str | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _read_change(cls, data: Any) -> Any:
        change = data.get("change") if isinstance(data, dict) else None
        relative = isinstance(data, dict) and data.get("kind", "relative") == "relative"
        if relative and isinstance(change, int) and not isinstance(change, bool):
            # an int would otherwise match the quantity branch of the union
            data = {**data, "change": float(change)}
        if isinstance(data, dict) and isinstance(data.get("change"), str | dict):
            kind = data.get("kind", "relative")
            change = data["change"]
            if kind == "relative":
                from sociokalkyl.units import parse_share

                data = {**data, "change": parse_share(change, field="change")}
        return data

    @model_validator(mode="after")
    def _check_change(self) -> Effect:
        if self.kind == "relative":
            if isinstance(self.change, pint.Quantity):
                raise ValueError(
                    f"a relative effect takes a share as change, got {self.change}; "
                    'e.g. change = "-49 %" (or kind = "absolute" for a use per year)'
                )
            if self.change < -1.0:
                raise ValueError(
                    f"a relative change below -100 % is impossible, got {self.change}; "
                    'e.g. change = "-49 %"'
                )
            if self.change > 10.0:
                raise ValueError(
                    f"a relative change of {self.change:+.0%} is implausible: did you write "
                    f'{self.change:g} for {self.change:g} %? Write change = "{self.change:g} %" '
                    f"or {self.change / 100:g}"
                )
        elif isinstance(self.change, pint.Quantity) and has_time_unit(self.change):
            within_the_time(self.change, "an absolute change")
        else:
            raise ValueError(
                f"an absolute effect takes a use per year with a time unit as change, got "
                f'{self.change}; e.g. change = "-2 tim/vecka" or "-4,9 mån/år" (for a '
                'share of the baseline use, write kind = "relative" and change = "-20 %")'
            )
        return self

    @property
    def adjustment(self) -> float:
        """The SROI factor (1 - deadweight)(1 - attribution)(1 - displacement)."""
        return (1 - self.deadweight) * (1 - self.attribution) * (1 - self.displacement)

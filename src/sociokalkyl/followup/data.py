"""What a follow-up observed in one analysis year, as plain numbers (no pint, no pydantic).

The readers (:mod:`sociokalkyl.followup.inputs`, :mod:`sociokalkyl.scenario.followup`)
check what a controller wrote against the plan and hand the numeric core these records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["YearData"]


@dataclass(frozen=True)
class YearData:
    """What was observed in one analysis year (every amount already checked).

    Attributes
    ----------
    index
        The analysis year ``t`` (0 = the base year) [year].
    participants
        New participants who entered in the year [participants], or None (as forecast).
    use
        Cost item key -> the participants' total use of the item in the year, in the
        unit its unit cost is per (months, days, hours) [unit/year].
    costs
        Cost line name -> what the line actually cost in the year [SEK, analysis price year].
    other_costs
        Payer -> costs outside the planned cost lines [SEK, analysis price year].

    Examples
    --------
    >>> YearData(0, participants=30, use={"ekonomiskt_bistand": 0.0}).participants
    30
    """

    index: int
    participants: float | None = None
    use: Mapping[str, float] = field(default_factory=dict)
    costs: Mapping[str, float] = field(default_factory=dict)
    other_costs: Mapping[str, float] = field(default_factory=dict)

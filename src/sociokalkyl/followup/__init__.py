"""Follow-up (socioekonomiskt bokslut): what happened, year by year, against the forecast.

:func:`follow_up` compares a compiled plan's forecast with observed years
(:class:`YearData`): forecast against outcome per year, cumulatively and per payer, the
realised NPV to date and a re-projection of the remaining years. The input models
(:mod:`sociokalkyl.followup.inputs`) check what a controller wrote against the plan.
See ``docs/followup.md``.
"""

from sociokalkyl.followup.compare import FollowUp, follow_up, unit_prices
from sociokalkyl.followup.data import YearData

__all__ = ["FollowUp", "YearData", "follow_up", "unit_prices"]

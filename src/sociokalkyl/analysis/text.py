"""A result as plain English text: the form ``print(result)`` shows in a terminal.

The Swedish reports (text, Markdown, CSV, JSON, xlsx) are made in :mod:`sociokalkyl.report`;
this is the short developer's form, in English, with amounts in SEK.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sociokalkyl.analysis.result import Result

__all__ = ["result_text"]


def result_text(result: Result) -> str:
    """The headline numbers of ``result`` and its NPV per payer, one per line [SEK, years].

    Parameters
    ----------
    result
        An evaluated :class:`~sociokalkyl.analysis.result.Result`.

    Returns
    -------
    str
        Lines of NPV, present values, benefit-cost ratio, paybacks and break-even effect;
        "not within the horizon" where the intervention does not pay back.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> print(result_text(sk.evaluate(*sk.examples.servicetrainee())))  # doctest: +ELLIPSIS
    Servicetrainee: 10 years from 2012, 2023 prices, 3.50% real, constant
      NPV                       -5,752,490 SEK
    ...
      Payback             not within the horizon
    ...
    """

    def years(value: float) -> str:
        return "not within the horizon" if math.isnan(value) else f"{value:.2f} years"

    lines = [
        f"{result.plan.intervention_name}: {result.plan.horizon} years from "
        f"{result.plan.base_year}, {result.plan.price_year} prices, "
        f"{result.plan.discounting_text('en')}",
        f"  NPV                 {result.npv:>16,.0f} SEK",
        f"  PV costs            {result.pv_costs:>16,.0f} SEK",
        f"  PV avoided costs    {result.pv_avoided:>16,.0f} SEK",
        "  Benefit-cost ratio  "
        + (
            f"{'none: no intervention cost':>16}"
            if math.isnan(result.benefit_cost_ratio)
            else f"{result.benefit_cost_ratio:>16.2f}"
        ),
        f"  Payback             {years(result.payback):>16}",
        f"  Payback, discounted {years(result.payback_discounted):>16}",
        "  Break-even effect   "
        + (
            "none: no multiple of the effects makes NPV 0"
            if math.isnan(result.break_even_effect)
            else f"{result.break_even_effect:>16.2f} x the assumed effect"
        ),
    ]
    for row in result.by_payer():
        lines.append(f"  NPV {row['payer']:<15} {float(row['npv']):>16,.0f} SEK")
    return "\n".join(lines)

"""Payback over the Monte Carlo draws, saying how the draws that never pay back are counted.

A draw whose cumulative net does not stay non-negative by the end of the horizon has no
payback (NaN). Dropping such draws would make an intervention look faster than it is, so
here they count as an infinitely long payback (+inf): they are in the **median and the
percentiles over all draws** (a median that falls among them reads "betalar inte
tillbaka inom horisonten"), and their **share** is reported beside it. The only mean is
named for what it is, the mean among the draws that pay back
(``mean_years_paying_only``). See ``docs/display.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociokalkyl.language.display import display_label
from sociokalkyl.language.labels import as_lang, label
from sociokalkyl.language.numbers import format_percent, format_years

if TYPE_CHECKING:
    from sociokalkyl.uncertainty.simulation_result import SimulationResult

__all__ = ["PaybackStats", "payback_stats"]


@dataclass(frozen=True)
class PaybackStats:
    """Payback over the draws; never-paying draws counted as +inf, their share beside.

    Attributes
    ----------
    metric : str
        ``"payback"`` or ``"payback_discounted"``.
    payer : str or None
        The payer whose own payback this is; None for the total.
    draws : int
        Every draw of the simulation (the shares use all of them).
    share_paying_back, share_never : float
        Shares of all draws that do and do not pay back within the horizon [1]; they sum to 1.
    median_years : float
        Median over the kept draws with never = +inf [years]; +inf when more than half
        never pay back.
    low_years, high_years : float
        The simulation's lowest and highest quantile levels (``low_level``,
        ``high_level``), over all kept draws, never = +inf [years].
    low_level, high_level : float
    mean_years_paying_only : float
        Mean among the draws that pay back [years]; NaN when none does. Not a summary of
        all draws.

    Examples
    --------
    >>> s = PaybackStats("payback", None, 10, 0.4, 0.6, math.inf, 2.0, math.inf, 0.05, 0.95, 3.0)
    >>> s.median_text("en")
    'does not pay back within the horizon'
    """

    metric: str
    payer: str | None
    draws: int
    share_paying_back: float
    share_never: float
    median_years: float
    low_years: float
    high_years: float
    low_level: float
    high_level: float
    mean_years_paying_only: float

    def median_text(self, lang: str = "sv") -> str:
        """The median in words: ``"4,2 år"``, or "betalar inte tillbaka inom horisonten".

        Parameters
        ----------
        lang
            ``"sv"`` or ``"en"``.

        Returns
        -------
        str

        Examples
        --------
        >>> PaybackStats("payback", None, 1, 1.0, 0.0, 4.25, 4.0, 5.0, 0.05, 0.95, 4.2
        ...              ).median_text()
        '4,2 år'
        """
        return years_text(self.median_years, lang)

    def rows(self, lang: str = "sv") -> list[tuple[str, str]]:
        """The statistics as (label, text) pairs for people, in ``lang``.

        Parameters
        ----------
        lang
            ``"sv"`` or ``"en"``.

        Returns
        -------
        list of (str, str)
            Share paying back, share never, median and percentiles over all draws, mean
            among the paying draws.

        Examples
        --------
        >>> s = PaybackStats("payback", None, 4, 0.5, 0.5, math.inf, 2.0, math.inf, 0.05,
        ...                  0.95, 2.5)
        >>> s.rows("en")[1]
        ('Share not paying back within the horizon', '50.0%')
        """
        language = as_lang(lang)
        low = format_percent(self.low_level, language, 0)
        high = format_percent(self.high_level, language, 0)
        return [
            (display_label("share_paying", language), format_percent(self.share_paying_back,
                                                                     language)),
            (display_label("share_never", language), format_percent(self.share_never, language)),
            (display_label("median_all", language), self.median_text(language)),
            (display_label("q_all", language, q=low), years_text(self.low_years, language)),
            (display_label("q_all", language, q=high), years_text(self.high_years, language)),
            (display_label("mean_paying", language), format_years(self.mean_years_paying_only,
                                                                  language) if
             math.isfinite(self.mean_years_paying_only) else label("none", language)),
        ]  # fmt: skip


def years_text(value: float, lang: str = "sv") -> str:
    """A payback in years, or "betalar inte tillbaka inom horisonten" for +inf and NaN.

    Parameters
    ----------
    value
        [years]; +inf or NaN when the draw (or the statistic) does not pay back.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> years_text(math.inf, "en"), years_text(3.25)
    ('does not pay back within the horizon', '3,2 år')
    """
    language = as_lang(lang)
    if not math.isfinite(value):
        return display_label("never", language)
    return format_years(value, language)


def payback_stats(
    result: SimulationResult, *, discounted: bool = False, payer: str | None = None
) -> PaybackStats:
    """The payback statistics of a simulation, never-paying draws counted as +inf.

    Parameters
    ----------
    result
        A :class:`~sociokalkyl.uncertainty.SimulationResult`.
    discounted
        The discounted payback instead of the undiscounted.
    payer
        The payer's own payback instead of the total's.

    Returns
    -------
    PaybackStats
        ``share_never = 1 - P(payback <= horizon)`` over every draw; the median and the
        outer quantiles over the kept draws with NaN as +inf (linear interpolation,
        +inf where the level falls among the infinite values).

    Examples
    --------
    >>> from sociokalkyl import examples, simulate
    >>> from sociokalkyl.examples.uncertain import servicetrainee_uncertainty
    >>> mc = simulate(*examples.servicetrainee(), servicetrainee_uncertainty(), draws=200,
    ...               seed=1)
    >>> s = payback_stats(mc)
    >>> s.share_never + s.share_paying_back
    1.0
    """
    metric = "payback_discounted" if discounted else "payback"
    share = result.prob_payback_within(result.plan.horizon, discounted=discounted, payer=payer)
    levels = (min(result.quantile_levels), 0.5, max(result.quantile_levels))
    low, median, high = (float(v) for v in result.quantile(levels, metric, payer))
    return PaybackStats(
        metric=metric,
        payer=payer,
        draws=result.draws,
        share_paying_back=share,
        share_never=1.0 - share,
        median_years=median,
        low_years=low,
        high_years=high,
        low_level=levels[0],
        high_level=levels[2],
        mean_years_paying_only=result.mean(metric, payer),
    )

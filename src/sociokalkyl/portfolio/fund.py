"""The fund's books: capital, grants, repayments and the balance, year by year and per draw.

A social investment fund (Norrköping's held 40 mnkr from 2012) grants capital to
investments and is paid back by rules. Three rules (:class:`Repayment`):

* ``"share"``: a share of the avoided costs of named payers or nämnder in each year
  (negative avoided costs repay nothing);
* ``"schedule"``: fixed amounts in fixed calendar years;
* ``"budget_frame"``: Norrköping's original rule, the saving nämnd's budget frame is cut by
  the whole realised saving, from the year after the last grant, until the grant is
  repaid (dropped for investments after 2021; ``docs/fund.md`` says why).

With ``cap`` (the default) the cumulative repayment never exceeds the cumulative grant:
:math:`R^{cum}_y = \\min(\\sum_{x \\le y} \\rho_x, \\sum_{x \\le y} G_x)`. The ledger's
identities hold by construction, draw by draw:
``outstanding = granted - repaid`` and ``balance = capital + repaid - granted``
(cumulative, every year). Pint- and pydantic-free; every array has the draw last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.errors import CalculationError
from sociokalkyl.portfolio.display import ledger_frame, ledger_html

__all__ = ["Fund", "Investment", "Ledger", "Repayment", "ledger"]

Array = NDArray[np.float64]
EMPTY_TOLERANCE = 0.5
"""A balance at or below this [SEK] is an empty fund (half a krona: rounding)."""


@dataclass(frozen=True)
class Repayment:
    """How an investment pays the fund back.

    Attributes
    ----------
    kind
        ``"share"``, ``"schedule"`` or ``"budget_frame"``.
    share
        Share of the named payers' avoided costs paid back [1], in [0, 1] (``"share"``).
    payers
        The payers or nämnder whose avoided costs repay (``"share"``, ``"budget_frame"``).
    schedule
        Calendar year -> amount [SEK] (``"schedule"``).
    basis
        ``"forecast"`` (the plan's avoided costs) or ``"realised"`` (the follow-up's:
        observed years as observed, later years re-projected).
    cap
        Repay at most what was granted (cumulatively).
    start
        First calendar year of repayment; default: the first year for ``"share"``, the
        year after the last grant for ``"budget_frame"``.

    Examples
    --------
    >>> Repayment("share", share=0.5, payers=("kommun",)).cap
    True
    """

    kind: str
    share: float = 1.0
    payers: tuple[str, ...] = ()
    schedule: Mapping[int, float] = field(default_factory=dict)
    basis: str = "forecast"
    cap: bool = True
    start: int | None = None


@dataclass(frozen=True)
class Investment:
    """One investment of the fund: its member, its grants and its repayment rule.

    Attributes
    ----------
    member
        The portfolio member it finances.
    granted
        Calendar year -> capital granted [SEK].
    repayment
        The rule (:class:`Repayment`).

    Examples
    --------
    >>> Investment("servicetrainee", {2012: 1e6}, Repayment("schedule", schedule={2014: 1e6}))
    ... # doctest: +ELLIPSIS
    Investment(member='servicetrainee', granted={2012: 1000000.0}, ...)
    """

    member: str
    granted: Mapping[int, float]
    repayment: Repayment


@dataclass(frozen=True)
class Fund:
    """A fund: its capital by year and its investments.

    Attributes
    ----------
    name
        The fund's name.
    capital
        Calendar year -> capital put into the fund [SEK].
    investments
        The investments, in order.
    until
        The last calendar year of the books; default the last year any member covers.

    Examples
    --------
    >>> Fund("Fonden", {2012: 40e6}, ()).capital[2012]
    40000000.0
    """

    name: str
    capital: Mapping[int, float]
    investments: tuple[Investment, ...]
    until: int | None = None


@dataclass(frozen=True)
class Ledger:
    """The fund's books, per calendar year (``Y``), investment (``N``) and draw (``D``).

    Attributes
    ----------
    years
        The calendar years, shape ``(Y,)``.
    names
        The investments' member names.
    capital
        Capital put in each year [SEK], ``(Y,)``.
    granted
        Granted per investment and year [SEK], ``(N, Y)``.
    repaid
        Repaid per investment, year and draw [SEK], ``(N, Y, D)``.

    Examples
    --------
    >>> f = Fund("F", {2020: 10.0}, (Investment("a", {2020: 4.0},
    ...     Repayment("schedule", schedule={2021: 3.0})),))
    >>> book = ledger(f, {"a": {}}, 2020, 2022)
    >>> book.balance[:, 0].tolist(), book.outstanding[0, :, 0].tolist()
    ([6.0, 9.0, 9.0], [4.0, 1.0, 1.0])
    """

    years: NDArray[np.int64]
    names: tuple[str, ...]
    capital: Array
    granted: Array
    repaid: Array

    @property
    def outstanding(self) -> Array:
        """Granted less repaid so far, per investment, year and draw [SEK], ``(N, Y, D)``."""
        result: Array = np.cumsum(self.granted, axis=1)[:, :, None] - np.cumsum(self.repaid, 1)
        return result

    @property
    def balance(self) -> Array:
        """Capital + repaid - granted so far, per year and draw [SEK], ``(Y, D)``."""
        flows = np.cumsum(self.capital - self.granted.sum(axis=0))[:, None]
        result: Array = flows + np.cumsum(self.repaid.sum(axis=0), axis=0)
        return result

    def to_frame(self) -> Any:
        """The books per calendar year (:func:`~.display.ledger_frame`)."""
        return ledger_frame(self)

    def _repr_html_(self) -> str:
        return ledger_html(self)

    def prob_empty_before(self, year: int) -> float:
        """The probability that the fund is empty in some year before ``year`` [1].

        Parameters
        ----------
        year
            A calendar year; the years before it count.

        Returns
        -------
        float
            The share of draws whose balance is at most :data:`EMPTY_TOLERANCE` (0.5 kr)
            in some year ``y < year``: nothing left to grant.

        Examples
        --------
        >>> f = Fund("F", {2020: 4.0}, (Investment("a", {2020: 4.0}, Repayment("schedule")),))
        >>> ledger(f, {"a": {}}, 2020, 2021).prob_empty_before(2021)
        1.0
        """
        before = self.years < year
        if not before.any():
            return 0.0
        empty = (self.balance[before] <= EMPTY_TOLERANCE).any(axis=0)
        return float(np.mean(empty))

    def balance_quantiles(self, levels: Sequence[float] = (0.05, 0.5, 0.95)) -> Array:
        """Quantiles of the balance per year [SEK], shape ``(len(levels), Y)``: a fan chart.

        Parameters
        ----------
        levels
            Quantile levels in [0, 1].

        Returns
        -------
        ndarray
            One row a level.

        Examples
        --------
        >>> f = Fund("F", {2020: 10.0}, ())
        >>> ledger(f, {}, 2020, 2021).balance_quantiles((0.5,)).tolist()
        [[10.0, 10.0]]
        """
        return np.asarray(np.quantile(self.balance, list(levels), axis=1), dtype=float)


def _by_year(amounts: Mapping[int, float], first: int, count: int) -> Array:
    """Amounts by calendar year on the grid ``first .. first + count - 1``."""
    out = np.zeros(count)
    for year, amount in amounts.items():
        if first <= year < first + count:
            out[year - first] += amount
    return out


def ledger(
    fund: Fund,
    avoided: Mapping[str, Mapping[str, tuple[int, Array]]],
    first: int,
    last: int,
) -> Ledger:
    """The fund's books from ``first`` to ``last``, over the draws of the avoided costs.

    Parameters
    ----------
    fund
        The fund (checked by its reader: known members and payers, shares in [0, 1]).
    avoided
        Member -> payer -> ``(base_year, avoided)``: the payer's avoided costs by
        analysis year and draw [SEK], shape ``(T, D)`` (``(T, 1)`` for one draw).
    first, last
        The calendar years of the books.

    Returns
    -------
    Ledger
        Capital, grants and repayments; the balance and outstanding amounts follow.

    Notes
    -----
    Repaid in year ``y`` for a share rule:
    :math:`\\rho_y = s \\sum_{p} \\max(0, A_{p,y})`, then capped cumulatively at the grant.

    Examples
    --------
    >>> rule = Repayment("share", share=0.5, payers=("kommun",))
    >>> f = Fund("F", {2020: 10.0}, (Investment("a", {2020: 4.0}, rule),))
    >>> saved = np.array([[0.0], [6.0], [6.0]])            # kommun saves 6 in 2021 and 2022
    >>> book = ledger(f, {"a": {"kommun": (2020, saved)}}, 2020, 2022)
    >>> book.repaid[0, :, 0].tolist()                     # 3, then 1 (the cap: 4 granted)
    [0.0, 3.0, 1.0]
    """
    count = last - first + 1
    years = np.arange(first, last + 1, dtype=np.int64)
    draws = max([a.shape[1] for m in avoided.values() for _, a in m.values()] + [1])
    granted = np.array([_by_year(i.granted, first, count) for i in fund.investments])
    granted = granted.reshape(len(fund.investments), count)
    repaid = np.zeros((len(fund.investments), count, draws))
    for n, investment in enumerate(fund.investments):
        raw = _raw(investment, avoided.get(investment.member, {}), first, count, draws)
        if investment.repayment.cap:
            limit = np.cumsum(granted[n])[:, None]
            cumulative = np.minimum(np.cumsum(raw, axis=0), limit)
            raw = np.diff(cumulative, axis=0, prepend=0.0)
        repaid[n] = raw
    names = tuple(i.member for i in fund.investments)
    if not (np.isfinite(repaid).all() and np.isfinite(granted).all()):
        raise CalculationError(
            "has an amount that is not a finite number (too large)",
            field=f"fund {fund.name}",
            expected="capital, grants and repayments of a realistic size (below 10^15 kr)",
        )
    return Ledger(years, names, _by_year(fund.capital, first, count), granted, repaid)


def _raw(
    investment: Investment,
    avoided: Mapping[str, tuple[int, Array]],
    first: int,
    count: int,
    draws: int,
) -> Array:
    """Repayments before the cap, ``(Y, D)``."""
    rule = investment.repayment
    if rule.kind == "schedule":
        return np.repeat(_by_year(rule.schedule, first, count)[:, None], draws, axis=1)
    start = rule.start
    if start is None and rule.kind == "budget_frame":
        start = max(investment.granted, default=first) + 1
    share = 1.0 if rule.kind == "budget_frame" else rule.share
    raw = np.zeros((count, draws))
    for payer in rule.payers:
        base_year, flows = avoided[payer]
        low = max(base_year, first)
        high = min(base_year + flows.shape[0], first + count)
        if high > low:
            raw[low - first : high - first] += np.maximum(
                flows[low - base_year : high - base_year], 0.0
            )
    raw *= share
    if start is not None:
        raw[: max(0, min(count, start - first))] = 0.0
    return raw

"""Discount factors, schedules, present values, NPV (and Excel's NPV), benefit-cost ratio."""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from sociokalkyl.errors import InputError
from sociokalkyl.finance._checks import (
    _VALUES_EXPECTED,
    FloatArray,
    _as_n_years,
    _as_rate,
    _as_values,
    _broadcast,
    _require_finite,
    _show,
)


@dataclass(frozen=True)
class DiscountSchedule:
    """A stepped schedule of real discount rates, applied cumulatively.

    The rate of band ``i`` applies to every year ``k`` with
    ``band_starts[i] <= k < band_starts[i + 1]``; the last band runs forever.
    Year ``k`` is the k-th year after the base year (k = 1, 2, ...). A first
    start of 0 means the same as 1 (tables such as the Green Book say
    "years 0-30"; year 0 itself is never discounted).

    Parameters
    ----------
    band_starts : tuple of int
        First year of each band; the first is 0 or 1, then strictly increasing.
    band_rates : tuple of float
        Real rate of each band as a fraction [1/year], each > -1.
    source : str
        Where the numbers come from (presets cite their source).

    Notes
    -----
    With :math:`r_k` the rate of the band that contains year :math:`k`,

    .. math:: f(t) = \\prod_{k=1}^{t} \\frac{1}{1 + r_k}, \\qquad f(0) = 1.

    References
    ----------
    .. [1] HM Treasury, "The Green Book: Central Government Guidance on
       Appraisal and Evaluation", 2022, Table 6.1.

    Examples
    --------
    >>> s = DiscountSchedule(band_starts=(0, 3), band_rates=(0.04, 0.02))
    >>> s.rates(4)
    array([0.04, 0.04, 0.02, 0.02])
    >>> s.factors(4).round(4)   # 1, 1/1.04, 1/1.04**2, 1/(1.04**2 * 1.02)
    array([1.    , 0.9615, 0.9246, 0.9064])
    """

    band_starts: tuple[int, ...]
    band_rates: tuple[float, ...]
    source: str = ""

    def __post_init__(self) -> None:
        expected = (
            "bands such as, e.g., band_starts=(0, 31, 76) with band_rates=(0.035, 0.03, 0.025)"
        )
        try:
            raw_starts = tuple(self.band_starts)
            raw_rates = list(self.band_rates)
            if any(isinstance(s, bool | np.bool_) for s in raw_starts):
                raise TypeError("a bool is not a year")
            starts = tuple(operator.index(s) for s in raw_starts)
        except TypeError:
            raise InputError(
                "band_starts must be a sequence of whole years and band_rates of rates",
                field="band_starts",
                value=_show(self.band_starts),
                expected=expected,
            ) from None
        rates_arr = _as_rate(raw_rates, "band_rates")
        if rates_arr.ndim != 1 or len(starts) == 0 or rates_arr.size != len(starts):
            raise InputError(
                "band_starts and band_rates must be non-empty and of the same length",
                field="band_rates",
                value=_show(self.band_rates),
                expected=expected,
            )
        if starts[0] not in (0, 1):
            raise InputError(
                "the first band must start at year 0 or 1",
                field="band_starts",
                value=starts[0],
                expected=expected,
            )
        normal = (1, *starts[1:])
        if any(b <= a for a, b in itertools.pairwise(normal)):
            raise InputError(
                "band_starts must be strictly increasing (a first start of 0 counts as 1)",
                field="band_starts",
                value=starts,
                expected=expected,
            )
        object.__setattr__(self, "band_starts", starts)
        object.__setattr__(self, "band_rates", tuple(float(r) for r in rates_arr))
        object.__setattr__(self, "source", str(self.source))

    # -- presets --------------------------------------------------------------------------

    @classmethod
    def constant(
        cls, rate: float, source: str = "constant rate given by the user"
    ) -> DiscountSchedule:
        """A single real rate for every year.

        Parameters
        ----------
        rate : float
            Real rate as a fraction [1/year], > -1.
        source : str
            Where the rate comes from.

        Returns
        -------
        DiscountSchedule
            One band starting at year 1.

        Notes
        -----
        .. math:: f(t) = (1 + r)^{-t}

        References
        ----------
        .. [1] numpy-financial, ``npv``: https://numpy.org/numpy-financial/latest/npv.html

        Examples
        --------
        >>> DiscountSchedule.constant(0.035).factors(3).round(4)
        array([1.    , 0.9662, 0.9335])
        """
        return cls(band_starts=(0,), band_rates=(rate,), source=source)

    @classmethod
    def green_book(cls) -> DiscountSchedule:
        """HM Treasury Green Book (2022) Table 6.1, the standard declining schedule.

        3.5 % for years 0-30, 3.0 % for 31-75, 2.5 % for 76-125, 2.0 % for
        126-200, 1.5 % for 201-300 and 1.0 % from year 301, applied cumulatively.

        Returns
        -------
        DiscountSchedule
            Bands starting at years 0, 31, 76, 126, 201 and 301.

        Notes
        -----
        .. math:: f(t) = \\prod_{k=1}^{t} \\frac{1}{1 + r_k},
           \\quad f(31) = 1.035^{-30} \\cdot 1.03^{-1}

        References
        ----------
        .. [1] HM Treasury, "The Green Book: Central Government Guidance on
           Appraisal and Evaluation", 2022, Table 6.1 (declining long-term
           discount rate).

        Examples
        --------
        >>> gb = DiscountSchedule.green_book()
        >>> gb.rates(32)[-3:]          # years 30, 31, 32
        array([0.035, 0.03 , 0.03 ])
        >>> round(float(gb.factors(32)[31]), 6)   # 1.035**-30 / 1.03
        0.345901
        """
        return cls(
            band_starts=(0, 31, 76, 126, 201, 301),
            band_rates=(0.035, 0.030, 0.025, 0.020, 0.015, 0.010),
            source=(
                "HM Treasury, The Green Book (2022), Table 6.1: 3.5 % years 0-30, "
                "3.0 % 31-75, 2.5 % 76-125, 2.0 % 126-200, 1.5 % 201-300, 1.0 % 301+"
            ),
        )

    @classmethod
    def asek(cls) -> DiscountSchedule:
        """Sweden, Trafikverket ASEK guidance: 3.5 % real, constant.

        Confidence S2: the figure was seen in a third-party model document
        citing ASEK, not in Trafikverket's own text. A 2010 Uppsala thesis found
        most Swedish agencies using about 4 %; pass your own rate with
        :meth:`constant` where your guidance differs.

        Returns
        -------
        DiscountSchedule
            One band of 3.5 %.

        Notes
        -----
        .. math:: f(t) = 1.035^{-t}

        References
        ----------
        .. [1] Trafikverket, "Analysmetod och samhällsekonomiska kalkylvärden
           för transportsektorn: ASEK" (cited via a secondary source, S2).

        Examples
        --------
        >>> DiscountSchedule.asek().band_rates
        (0.035,)
        """
        return cls(
            band_starts=(0,),
            band_rates=(0.035,),
            source=(
                "ASEK, Trafikverket: 3.5 % real, constant "
                "(cited S2: seen in a secondary source quoting the guidance)"
            ),
        )

    @classmethod
    def denmark_2018(cls) -> DiscountSchedule:
        """Denmark, Finansministeriet (2018): 4 % years 0-35, 3 % 36-70, 2 % after 70.

        Superseded in January 2021 (3.5 % and 2.5 %); kept for comparison with
        analyses made under the 2018 rates.

        Returns
        -------
        DiscountSchedule
            Bands starting at years 0, 36 and 71.

        Notes
        -----
        .. math:: f(70) = 1.04^{-35} \\cdot 1.03^{-35}, \\quad f(71) = f(70) / 1.02

        References
        ----------
        .. [1] Finansministeriet (Denmark), the socio-economic discount rate
           set in 2018 (4 %, 3 % and 2 %); lowered in January 2021.

        Examples
        --------
        >>> dk = DiscountSchedule.denmark_2018()
        >>> dk.rates(71)[[0, 34, 35, 69, 70]]   # years 1, 35, 36, 70, 71
        array([0.04, 0.04, 0.03, 0.03, 0.02])
        """
        return cls(
            band_starts=(0, 36, 71),
            band_rates=(0.04, 0.03, 0.02),
            source="Finansministeriet (Denmark), 2018: 4 % years 0-35, 3 % 36-70, 2 % after 70",
        )

    # -- arrays ---------------------------------------------------------------------------

    def _year_rates(self, n: int) -> FloatArray:
        """Rates of years k = 1..n (n may be 0)."""
        starts = np.array((1, *self.band_starts[1:]), dtype=np.int64)
        k = np.arange(1, n + 1)
        band = np.searchsorted(starts, k, side="right") - 1
        return np.asarray(self.band_rates, dtype=np.float64)[band]

    def rates(self, n_years: int) -> FloatArray:
        """Rate of each year k = 1..n_years.

        Parameters
        ----------
        n_years : int
            Number of years, >= 1.

        Returns
        -------
        ndarray, shape (n_years,)
            ``rates[k - 1]`` is the real rate [1/year] that discounts year k.

        Notes
        -----
        .. math:: r_k = \\text{band\\_rates}[i], \\quad
           \\text{band\\_starts}[i] \\le k < \\text{band\\_starts}[i + 1]

        References
        ----------
        .. [1] HM Treasury, "The Green Book", 2022, Table 6.1.

        Examples
        --------
        >>> DiscountSchedule.green_book().rates(3)
        array([0.035, 0.035, 0.035])
        """
        return self._year_rates(_as_n_years(n_years))

    def factors(self, n_years: int) -> FloatArray:
        """Discount factors for t = 0..n_years-1; ``factors[0] == 1``.

        Parameters
        ----------
        n_years : int
            Number of years including year 0, >= 1.

        Returns
        -------
        ndarray, shape (n_years,)
            Discount factors [-].

        Notes
        -----
        .. math:: f(t) = \\prod_{k=1}^{t} \\frac{1}{1 + r_k}, \\qquad f(0) = 1

        References
        ----------
        .. [1] HM Treasury, "The Green Book", 2022, Table 6.1.

        Examples
        --------
        >>> DiscountSchedule.constant(0.10).factors(3).round(4)
        array([1.    , 0.9091, 0.8264])
        """
        n = _as_n_years(n_years)
        out = np.ones(n, dtype=np.float64)
        np.cumprod(1.0 / (1.0 + self._year_rates(n - 1)), out=out[1:])
        return out


RateLike: TypeAlias = npt.ArrayLike | DiscountSchedule
"""A real rate (float or array broadcasting against the leading axes) or a schedule."""


def _factors(rate: RateLike, n: int, name: str = "rate") -> FloatArray:
    """Factor table of shape ``rate.shape + (n,)`` (``(n,)`` for a schedule)."""
    if isinstance(rate, DiscountSchedule):
        return rate.factors(n)
    r = _as_rate(rate, name)
    t = np.arange(n, dtype=np.float64)
    with np.errstate(over="ignore", under="ignore"):
        return np.asarray(np.power(1.0 + r[..., None], -t), dtype=np.float64)


def _weighted_sum(values: FloatArray, factors: FloatArray, rate_name: str) -> FloatArray:
    """``sum_t values[..., t] * factors[..., t]`` as a matrix product."""
    if factors.ndim == 1:
        out = values @ factors
    else:
        _broadcast(factors.shape[:-1], values.shape[:-1], rate_name, "values.shape[:-1]")
        out = np.matmul(values[..., None, :], factors[..., :, None])[..., 0, 0]
    return np.asarray(out, dtype=np.float64)


def _npv(rate: RateLike, values: FloatArray, name: str, *, excel: bool = False) -> FloatArray:
    n = values.shape[-1]
    f = _factors(rate, n + 1)[..., 1:] if excel else _factors(rate, n)
    out = _weighted_sum(values, f, "rate")
    if not np.isfinite(out).all():
        _require_finite(values, name, _VALUES_EXPECTED)
    return out


# --------------------------------------------------------------------------- kernels


def discount_factors(rate_or_schedule: RateLike, n_years: int) -> FloatArray:
    """Discount factors for years t = 0..n_years-1.

    Parameters
    ----------
    rate_or_schedule : float, array_like or DiscountSchedule
        Real rate(s) as fractions [1/year], each > -1, or a stepped schedule.
    n_years : int
        Number of years including year 0, >= 1.

    Returns
    -------
    ndarray, shape ``rate.shape + (n_years,)``
        Factors [-]; ``factors[..., 0] == 1``. A schedule gives shape ``(n_years,)``.

    Notes
    -----
    For a constant rate and for a schedule with the rate :math:`r_k` in year k:

    .. math:: f(t) = (1 + r)^{-t}, \\qquad f(t) = \\prod_{k=1}^{t} \\frac{1}{1 + r_k}

    References
    ----------
    .. [1] HM Treasury, "The Green Book", 2022, Table 6.1 (stepped rates).

    Examples
    --------
    >>> discount_factors(0.10, 3).round(4)
    array([1.    , 0.9091, 0.8264])
    >>> discount_factors([0.0, 0.10], 3).round(4)
    array([[1.    , 1.    , 1.    ],
           [1.    , 0.9091, 0.8264]])
    >>> discount_factors(DiscountSchedule.green_book(), 40).shape
    (40,)
    """
    return _factors(rate_or_schedule, _as_n_years(n_years), "rate_or_schedule")


def present_values(values: npt.ArrayLike, rate: RateLike) -> FloatArray:
    """Each year's flow multiplied by its discount factor.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly flows [SEK]; ``values[..., 0]`` is year 0 (not discounted).
    rate : float, array_like or DiscountSchedule
        Real rate [1/year] broadcasting against ``values.shape[:-1]``, or a schedule.

    Returns
    -------
    ndarray, shape (..., T)
        Discounted flows [SEK, present value in the base year].

    Notes
    -----
    .. math:: PV_t = v_t \\, f(t)

    so that ``present_values(v, r).sum(-1) == npv(r, v)``.

    References
    ----------
    .. [1] numpy-financial, ``npv``: https://numpy.org/numpy-financial/latest/npv.html

    Examples
    --------
    >>> present_values([-100, 60, 60], 0.10).round(2)
    array([-100.  ,   54.55,   49.59])
    """
    v = _as_values(values)
    f = _factors(rate, v.shape[-1])
    _broadcast(f.shape, v.shape, "rate", "values")
    out = np.asarray(v * f, dtype=np.float64)
    if not np.isfinite(out).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    return out


def cumulative(values: npt.ArrayLike, rate: RateLike | None = None) -> FloatArray:
    """Cumulative net flow at the end of each year, optionally discounted.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly flows [SEK].
    rate : float, array_like, DiscountSchedule or None
        If given, the flows are discounted first (see :func:`present_values`).

    Returns
    -------
    ndarray, shape (..., T)
        :math:`C_t` [SEK], the cumulative (present) value after year t.

    Notes
    -----
    .. math:: C_t = \\sum_{j=0}^{t} v_j \\, f(j), \\qquad f \\equiv 1 \\text{ without a rate}

    References
    ----------
    .. [1] R. A. Brealey, S. C. Myers, F. Allen, "Principles of Corporate
       Finance", McGraw-Hill (payback).

    Examples
    --------
    >>> cumulative([-100, 30, 30, 30, 30])
    array([-100.,  -70.,  -40.,  -10.,   20.])
    """
    v = _as_values(values)
    d = v if rate is None else present_values(v, rate)
    c = np.cumsum(d, axis=-1)
    if not np.isfinite(c[..., -1]).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    return c


def npv(rate: RateLike, values: npt.ArrayLike) -> FloatArray:
    """Net present value, with year 0 undiscounted (numpy-financial convention).

    Parameters
    ----------
    rate : float, array_like or DiscountSchedule
        Real rate as a fraction [1/year], > -1, broadcasting against
        ``values.shape[:-1]``; or a stepped :class:`DiscountSchedule`.
    values : array_like, shape (..., T)
        Yearly net flows [SEK]; ``values[..., 0]`` happens now (year 0).

    Returns
    -------
    ndarray, shape ``broadcast(rate.shape, values.shape[:-1])``
        Net present value [SEK in the base year]; 0-d for one row of flows.

    Notes
    -----
    .. math:: NPV = \\sum_{t=0}^{T-1} \\frac{v_t}{(1 + r)^t}

    computed as one matrix product ``values @ factors``. This equals
    ``numpy_financial.npv`` row by row, and the Excel idiom
    ``=NPV(r, v1..vn) + v0``; Excel's ``NPV()`` alone is :func:`npv_excel`.
    With a schedule, :math:`(1+r)^{-t}` becomes :math:`\\prod_{k\\le t} 1/(1+r_k)`.

    References
    ----------
    .. [1] numpy-financial, ``npv``: https://numpy.org/numpy-financial/latest/npv.html
    .. [2] HM Treasury, "The Green Book", 2022, Table 6.1 (discounting).

    Examples
    --------
    >>> round(float(npv(0.10, [-100, 60, 60])), 4)   # -100 + 60/1.1 + 60/1.21
    4.1322
    >>> npv([0.0, 0.10], [-100, 60, 60]).round(4)
    array([20.    ,  4.1322])
    >>> npv(0.035, [[-100, 60, 60], [-50, 20, 40]]).round(2)
    array([13.98,  6.66])
    """
    return _npv(rate, _as_values(values), "values")


def npv_excel(rate: RateLike, values: npt.ArrayLike) -> FloatArray:
    """Excel's ``NPV()``: the first value is discounted one full period.

    Excel ``=NPV(r, v1..vn) + v0`` equals ``npv(r, [v0, v1, ..., vn])``, and
    ``npv_excel(r, [v1..vn])`` equals ``=NPV(r, v1..vn)``. Use this function
    only to reproduce a spreadsheet; the library's convention is :func:`npv`.

    Parameters
    ----------
    rate : float, array_like or DiscountSchedule
        Real rate [1/year], > -1, broadcasting against ``values.shape[:-1]``.
    values : array_like, shape (..., T)
        Flows [SEK]; ``values[..., 0]`` is at the end of the first period.

    Returns
    -------
    ndarray, shape ``broadcast(rate.shape, values.shape[:-1])``
        Excel-style net present value [SEK].

    Notes
    -----
    .. math:: NPV_{Excel} = \\sum_{t=0}^{T-1} \\frac{v_t}{(1 + r)^{t + 1}}

    References
    ----------
    .. [1] Microsoft Support, "NPV function" (Excel).
    .. [2] numpy-financial, ``npv`` (the non-Excel convention).

    Examples
    --------
    >>> round(float(npv_excel(0.10, [60, 60])), 4)          # 60/1.1 + 60/1.21
    104.1322
    >>> round(float(npv_excel(0.10, [60, 60]) - 100), 4)    # Excel: =NPV(10%, 60, 60) - 100
    4.1322
    >>> round(float(npv(0.10, [-100, 60, 60])), 4)
    4.1322
    """
    return _npv(rate, _as_values(values), "values", excel=True)


def benefit_cost_ratio(benefits: npt.ArrayLike, costs: npt.ArrayLike, rate: RateLike) -> FloatArray:
    """Ratio of the present value of benefits to that of costs.

    Parameters
    ----------
    benefits : array_like, shape (..., T)
        Yearly benefits (avoided costs) [SEK], as positive numbers.
    costs : array_like, shape (..., T)
        Yearly costs [SEK], as positive numbers; same T as ``benefits``.
    rate : float, array_like or DiscountSchedule
        Real rate [1/year] or schedule, as in :func:`npv`.

    Returns
    -------
    ndarray, shape (...)
        Benefit-cost ratio [-]. NaN where the present value of the costs is
        exactly 0 (the ratio is undefined; report it as "no cost").

    Notes
    -----
    .. math:: BCR = \\frac{\\sum_t b_t f(t)}{\\sum_t c_t f(t)}

    References
    ----------
    .. [1] HM Treasury, "The Green Book", 2022 (benefit-cost ratio).

    Examples
    --------
    >>> round(float(benefit_cost_ratio([0, 60, 60], [100, 0, 0], 0.10)), 4)
    1.0413
    >>> benefit_cost_ratio([[0, 60], [0, 60]], [[100, 0], [0, 0]], 0.0)
    array([0.6, nan])
    """
    b = _as_values(benefits, "benefits")
    c = _as_values(costs, "costs")
    if b.shape[-1] != c.shape[-1]:
        raise InputError(
            f"benefits cover {b.shape[-1]} years but costs cover {c.shape[-1]}",
            field="costs",
            value=c.shape,
            expected=f"the same number of years as benefits ({b.shape[-1]})",
        )
    _broadcast(c.shape, b.shape, "costs", "benefits")
    pv_b = _npv(rate, b, "benefits")
    pv_c = _npv(rate, c, "costs")
    pv_b, pv_c = np.broadcast_arrays(pv_b, pv_c)
    out = np.full(pv_b.shape, np.nan)
    np.divide(pv_b, pv_c, out=out, where=pv_c != 0)
    return out


# --------------------------------------------------------------------------- irr

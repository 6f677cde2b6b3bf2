"""Discounting and investment metrics as pure numpy kernels.

Every kernel works on yearly flows ``values[..., t]`` along the last axis and
is vectorised over any leading axes (draws, items, payers). Inputs may be
scalars, lists or ndarrays; a ``rate`` may be a float, an array that broadcasts
against the leading axes ``values.shape[:-1]``, or a :class:`DiscountSchedule`.

Conventions (see ``docs/conventions.md``):

* **Time.** Index ``t = 0`` is "now", the base year, and is not discounted;
  index ``t`` is the t-th year after it and is multiplied by its discount
  factor. This is the convention of ``numpy_financial.npv``.
* **Excel.** Excel's ``NPV(r, v1..vn)`` discounts its *first* value one period.
  The Excel idiom ``=NPV(r, v1..vn) + v0`` equals ``npv(r, [v0, v1, ..., vn])``;
  :func:`npv_excel` reproduces ``NPV()`` itself.
* **Discounting.** A constant real rate gives ``factor(t) = (1 + r)**-t``; a
  stepped schedule gives ``factor(t) = prod_{k=1..t} 1/(1 + r_k)``.
* **Results.** Every result is an ndarray of shape ``values.shape[:-1]``
  (broadcast with the rate's shape); one row of flows gives a 0-d array, which
  ``float()`` turns into a Python float. "No answer" (no IRR, no payback within
  the horizon) is NaN, never a number.

Nothing here imports pint or pydantic: amounts are plain floats [SEK] in the
constant prices of one analysis price year, rates are real rates as fractions.
"""

from __future__ import annotations

import itertools
import math
import operator
import reprlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from sociokalkyl.errors import CalculationError, InputError

__all__ = [
    "DiscountSchedule",
    "RateLike",
    "benefit_cost_ratio",
    "cumulative",
    "discount_factors",
    "irr",
    "npv",
    "npv_excel",
    "payback_period",
    "present_values",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]

_RATE_EXPECTED = "a real rate as a fraction greater than -1, e.g. 0.035 for 3.5 %"
_VALUES_EXPECTED = "finite yearly flows [SEK] along the last axis, e.g. [-100, 30, 30, 30, 30]"
_N_YEARS_EXPECTED = "a whole number of years >= 1, e.g. 10"


# --------------------------------------------------------------------------- validation


def _show(x: Any) -> str:
    """A short printable form of a possibly huge input, for error messages."""
    return reprlib.repr(x)


def _as_float_array(x: Any, name: str, expected: str) -> FloatArray:
    """Convert ``x`` to a float64 array, or raise InputError naming ``name``."""
    try:
        arr = np.asarray(x)
        if arr.dtype.kind == "O":
            arr = arr.astype(np.float64)
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"{name} must be real numbers ({exc})", field=name, value=_show(x), expected=expected
        ) from None
    if arr.dtype.kind not in "iuf":
        raise InputError(
            f"{name} must be real numbers, not dtype {arr.dtype}",
            field=name,
            value=_show(x),
            expected=expected,
        )
    return arr.astype(np.float64, copy=False)


def _require_finite(arr: FloatArray, name: str, expected: str) -> None:
    """Raise InputError at the first NaN or infinite element of ``arr``."""
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f"{name}[{', '.join(map(str, idx))}]" if idx else name
        raise InputError(
            f"{where} is not a finite number",
            field=name,
            value=float(arr[idx]),
            expected=expected,
        )


def _as_rate(rate: Any, name: str = "rate") -> FloatArray:
    """A validated rate array: finite and greater than -1."""
    arr = _as_float_array(rate, name, _RATE_EXPECTED)
    _require_finite(arr, name, _RATE_EXPECTED)
    bad = arr <= -1.0
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f"{name}[{', '.join(map(str, idx))}]" if idx else name
        raise InputError(
            f"{where} must be greater than -1 (-100 %)",
            field=name,
            value=float(arr[idx]),
            expected=_RATE_EXPECTED,
        )
    return arr


def _as_values(values: Any, name: str = "values") -> FloatArray:
    """Flows as an at-least-1-D float array with a non-empty time axis.

    Finiteness is *not* checked here: the kernels check their (much smaller)
    results and only scan the input when a result is not finite.
    """
    arr = np.atleast_1d(_as_float_array(values, name, _VALUES_EXPECTED))
    if arr.shape[-1] == 0:
        raise InputError(
            f"{name} has an empty time axis (shape {arr.shape})",
            field=name,
            value=_show(values),
            expected="at least one year of flows, e.g. [-100, 30, 30, 30, 30]",
        )
    return arr


def _as_n_years(n_years: Any, name: str = "n_years") -> int:
    if isinstance(n_years, bool | np.bool_):
        raise InputError(
            f"{name} must be a whole number", field=name, value=n_years, expected=_N_YEARS_EXPECTED
        )
    try:
        n = operator.index(n_years)
    except TypeError:
        raise InputError(
            f"{name} must be a whole number", field=name, value=n_years, expected=_N_YEARS_EXPECTED
        ) from None
    if n < 1:
        raise InputError(
            f"{name} must be at least 1", field=name, value=n, expected=_N_YEARS_EXPECTED
        )
    return n


def _broadcast(shape_a: tuple[int, ...], shape_b: tuple[int, ...], name: str, what: str) -> None:
    try:
        np.broadcast_shapes(shape_a, shape_b)
    except ValueError:
        raise InputError(
            f"{name} of shape {shape_a} does not broadcast against {what} {shape_b}",
            field=name,
            value=shape_a,
            expected=f"a shape that broadcasts against {shape_b}, e.g. a scalar such as 0.035",
        ) from None


# --------------------------------------------------------------------------- schedules


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


def payback_period(values: npt.ArrayLike, rate: RateLike | None = None) -> FloatArray:
    """Payback period in fractional years; NaN when not within the horizon.

    ``values[..., 0]`` happens at time 0; ``values[..., t]`` (t >= 1) accrues
    evenly over year t, i.e. between times t-1 and t. The payback is the time
    after which the cumulative net stays non-negative to the end of the
    horizon, so a cumulative that crosses zero more than once pays back at
    its *last* upward crossing.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly net flows [SEK] (negative = net cost).
    rate : float, array_like, DiscountSchedule or None
        None for the undiscounted payback; otherwise the discounted payback,
        each flow multiplied by its factor first.

    Returns
    -------
    ndarray, shape (...)
        Payback [years]. 0 when the cumulative is >= 0 from time 0 on; NaN
        when it is negative at the end of the horizon.

    Notes
    -----
    With :math:`C_t` the cumulative (discounted) flow after year t and
    :math:`j` the last year with :math:`C_j < 0` (:math:`j < T - 1`):

    .. math:: \\text{payback} = j + \\frac{-C_j}{v_{j+1} f(j + 1)}

    References
    ----------
    .. [1] R. A. Brealey, S. C. Myers, F. Allen, "Principles of Corporate
       Finance", McGraw-Hill (payback and discounted payback).

    Examples
    --------
    >>> round(float(payback_period([-100, 30, 30, 30, 30])), 4)   # 3 + 10/30
    3.3333
    >>> round(float(payback_period([-100, 60, 60], rate=0.10)), 4)
    1.9167
    >>> payback_period([[-100, 10, 10], [5, 1, 1]])                # never; at once
    array([nan,  0.])
    """
    v = _as_values(values)
    d = v if rate is None else present_values(v, rate)
    c = np.cumsum(d, axis=-1)
    last = c[..., -1]
    if not np.isfinite(last).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    n = c.shape[-1]
    negative = c < 0
    any_negative = negative.any(axis=-1)
    j = (n - 1) - np.argmax(negative[..., ::-1], axis=-1)  # last year with C_j < 0
    j_next = np.minimum(j + 1, n - 1)
    c_j = np.take_along_axis(c, j[..., None], axis=-1)[..., 0]
    d_next = np.take_along_axis(d, j_next[..., None], axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = j + (-c_j) / d_next
    out = np.where(any_negative, crossing, 0.0)
    return np.asarray(np.where(last < 0, np.nan, out), dtype=np.float64)


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

_IRR_EXP_LIMIT = 700.0  # keep every z**t, z = exp(-g), above 1e-304 (no underflow)
_IRR_CHUNK = 4096  # rows per grid search block (bounds the temporary to a few MB)
_IRR_MAX_ITER = 100
_IRR_RTOL = 1e-14  # relative tolerance on z = 1/(1+r) or 1+r


@lru_cache(maxsize=64)
def _irr_grid(n: int) -> tuple[FloatArray, FloatArray]:
    """Search grid for n years of flows.

    Returns ``zg`` (K,), the grid points z = exp(-g) for g = |ln(1 + r)|
    ascending from 0, and ``zz`` (n, 2K), whose first K columns hold
    ``zg**t`` and last K columns ``zg**(n-1-t)``, so that one product
    ``values @ zz`` evaluates both sides of r = 0 (see :func:`_irr_rows`).
    """
    g_max = _IRR_EXP_LIMIT / max(n - 1, 1)
    fine = np.arange(0, 101) * 0.005  # |ln(1+r)| <= 0.5: r in [-39 %, +65 %]
    mid = 0.5 + np.arange(1, 61) * 0.025  # <= 2.0: r in [-86 %, +639 %]
    n_tail = max(0, math.ceil(math.log(max(g_max, 2.0) / 2.0) / math.log(1.1)))
    tail = 2.0 * 1.1 ** np.arange(1, n_tail + 1)
    g = np.concatenate([fine, mid, tail])
    g = np.append(g[g < g_max], g_max)
    powers = np.exp(-np.outer(np.arange(n, dtype=np.float64), g))
    zz = np.ascontiguousarray(np.concatenate([powers, powers[::-1]], axis=1))
    zg = np.exp(-g)
    zg.setflags(write=False)
    zz.setflags(write=False)
    return zg, zz


def _horner(coef_t: FloatArray, z: FloatArray) -> tuple[FloatArray, FloatArray]:
    """p(z) and p'(z) for p(z) = sum_t coef_t[t] z**t, one polynomial per column."""
    p = coef_t[-1].copy()
    dp = np.zeros_like(p)
    for t in range(coef_t.shape[0] - 2, -1, -1):
        dp *= z
        dp += p
        p *= z
        p += coef_t[t]
    return p, dp


def _polish(coef_t: FloatArray, lo: FloatArray, hi: FloatArray, sign_lo: FloatArray) -> FloatArray:
    """Safeguarded Newton on each column's polynomial inside its bracket [lo, hi] in (0, 1].

    A Newton step that leaves the bracket is replaced by bisection; a column is
    done when the Newton correction is below ``_IRR_RTOL`` relative to z (or
    the bracket has collapsed). Finished columns are dropped in batches.
    """
    out = np.empty(lo.size)
    active = np.arange(lo.size)
    live = np.ones(lo.size, dtype=bool)
    z = 0.5 * (lo + hi)
    with np.errstate(all="ignore"):
        for _ in range(_IRR_MAX_ITER):
            p, dp = _horner(coef_t, z)
            delta = p / dp
            small = np.abs(delta) <= _IRR_RTOL * z
            same = np.sign(p) == sign_lo
            lo = np.where(same, z, lo)
            hi = np.where(same, hi, z)
            step = z - delta
            inside = (step > lo) & (step < hi)
            exact = p == 0
            z = np.where(exact, z, np.where(inside | small, step, 0.5 * (lo + hi)))
            done = live & (small | exact | (hi - lo <= _IRR_RTOL * hi))
            out[active[done]] = z[done]
            live &= ~done
            n_live = int(live.sum())
            if n_live == 0:
                return out
            if n_live < live.size // 2:  # drop finished columns in batches
                active, coef_t = active[live], coef_t[:, live]
                z, lo, hi, sign_lo = z[live], lo[live], hi[live], sign_lo[live]
                live = np.ones(n_live, dtype=bool)
    out[active[live]] = z[live]
    return out


def _irr_search(
    v: FloatArray, zg: FloatArray, zz: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """First NPV sign change on each side of r = 0, in z coordinates.

    Returns four arrays of shape (2, rows), side 0 for r >= 0 and side 1 for
    r <= 0: ``exact``, the grid z of an exact zero (NaN if none); ``lo`` and
    ``hi``, the grid bracket of the first sign change (NaN if none); and
    ``sign_lo``, the sign of the side's polynomial at ``lo``.
    """
    n_rows = v.shape[0]
    n_grid = zg.size
    exact = np.full((2, n_rows), np.nan)
    lo = np.full((2, n_rows), np.nan)
    hi = np.full((2, n_rows), np.nan)
    sign_lo = np.zeros((2, n_rows))
    for start in range(0, n_rows, _IRR_CHUNK):
        block = slice(start, start + _IRR_CHUNK)
        f = (v[block] @ zz).reshape(-1, 2, n_grid)
        ref = np.sign(f[:, :, :1])
        f *= ref
        hit = f <= 0  # an exact zero, or the sign has changed since g = 0
        hit[:, :, 0] = ref[:, :, 0] == 0
        k = np.argmax(hit, axis=2)[..., None]
        found = np.take_along_axis(hit, k, axis=2)[..., 0]
        is_exact = found & (np.take_along_axis(f, k, axis=2)[..., 0] == 0)
        is_bracket = found & ~is_exact
        k = k[..., 0]
        exact[:, block] = np.where(is_exact, zg[k], np.nan).T
        lo[:, block] = np.where(is_bracket, zg[k], np.nan).T
        hi[:, block] = np.where(is_bracket, zg[np.maximum(k - 1, 0)], np.nan).T
        sign_lo[:, block] = -ref[:, :, 0].T
    return exact, lo, hi, sign_lo


def _irr_rows(v: FloatArray) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """IRR of each row of a 2-D array; also which rows have a sign change.

    Side 0 (r >= 0) solves p(x) = sum v_t x**t = 0 for x = 1/(1+r) in (0, 1];
    side 1 (r <= 0) solves q(y) = sum v_{T-1-t} y**t = 0 for y = 1+r in (0, 1],
    the same equation multiplied by (1+r)**(T-1), so nothing overflows.
    """
    n_rows, n = v.shape
    out = np.full(n_rows, np.nan)
    changes: npt.NDArray[np.bool_] = np.asarray((v > 0).any(axis=1) & (v < 0).any(axis=1))
    rows = np.flatnonzero(changes)
    if rows.size == 0:
        return out, changes
    zg, zz = _irr_grid(n)
    sub = v if rows.size == n_rows else v[rows]
    exact, lo, hi, sign_lo = _irr_search(sub, zg, zz)
    z = exact.copy()
    br_pos = np.flatnonzero(~np.isnan(lo[0]))
    br_neg = np.flatnonzero(~np.isnan(lo[1]))
    if br_pos.size + br_neg.size:
        coef_t = np.concatenate([sub[br_pos].T, sub[br_neg, ::-1].T], axis=1)
        polished = _polish(
            np.ascontiguousarray(coef_t),
            np.concatenate([lo[0, br_pos], lo[1, br_neg]]),
            np.concatenate([hi[0, br_pos], hi[1, br_neg]]),
            np.concatenate([sign_lo[0, br_pos], sign_lo[1, br_neg]]),
        )
        z[0, br_pos] = polished[: br_pos.size]
        z[1, br_neg] = polished[br_pos.size :]
    with np.errstate(divide="ignore"):
        r_pos = 1.0 / z[0] - 1.0
    r_neg = z[1] - 1.0
    a = np.where(np.isnan(r_pos), np.inf, np.abs(r_pos))
    b = np.where(np.isnan(r_neg), np.inf, np.abs(r_neg))
    out[rows] = np.where(b < a, r_neg, r_pos)  # closest to zero; a tie goes to r > 0
    return out, changes


def irr(values: npt.ArrayLike, *, raise_on_failure: bool = False) -> FloatArray:
    """Internal rate of return of each row of flows; NaN where there is none.

    Parameters
    ----------
    values : array_like, shape (..., T)
        Yearly net flows [SEK]; ``values[..., 0]`` is year 0.
    raise_on_failure : bool, default False
        If True, raise :class:`~sociokalkyl.errors.CalculationError` naming the
        first row that has no IRR, instead of returning NaN for it.

    Returns
    -------
    ndarray, shape (...)
        The real rate r [1/year] with NPV(r) = 0; NaN where the flows never
        change sign or no root was found.

    Raises
    ------
    CalculationError
        With ``raise_on_failure=True``, for the first row without an IRR.

    Notes
    -----
    The IRR solves

    .. math:: \\sum_{t=0}^{T-1} \\frac{v_t}{(1 + r)^t} = 0, \\qquad r > -1.

    **Which root.** When there are several, the one **closest to zero** is
    returned (smallest :math:`|r|`; on an exact tie the positive one), the
    same rule as ``numpy_financial.irr``. With exactly one sign change in the
    flows the root is unique (Descartes' rule of signs) and this function
    matches ``numpy_financial.irr``.

    **How.** All rows at once: the NPV is evaluated (one matrix product per
    side of r = 0) on a grid of :math:`g = |\\ln(1 + r)|`, searching outward
    from r = 0 for the first sign change on each side; each bracket is then
    polished by safeguarded Newton iterations (falling back to bisection)
    on all rows together, to machine precision. Limits of the search: the
    grid step in :math:`g` is 0.005 for IRRs in about [-39 %, +65 %], 0.025
    out to [-86 %, +639 %] and about 10 % of g beyond, up to
    :math:`|\\ln(1+r)| \\le 700/(T-1)`. Two roots closer together than one
    grid step, and roots where the NPV touches zero without changing sign,
    may be missed (then a farther root or NaN is returned), as may IRRs
    beyond the searched range.

    References
    ----------
    .. [1] numpy-financial, ``irr``: https://numpy.org/numpy-financial/latest/irr.html
    .. [2] L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd ed.,
       Addison-Wesley, 2003, p. 348.

    Examples
    --------
    >>> round(float(irr([-100, 39, 59, 55, 20])), 5)
    0.28095
    >>> round(float(irr([-100, 230, -132])), 5)    # roots 10 % and 20 %: closest to zero
    0.1
    >>> irr([[-100, 110], [100, 50]])              # second row never changes sign
    array([0.1, nan])
    """
    v = _as_values(values)
    lead = v.shape[:-1]
    flat = v.reshape(-1, v.shape[-1])
    if not np.isfinite(flat.sum(axis=1)).all():
        _require_finite(v, "values", _VALUES_EXPECTED)
    rates, changes = _irr_rows(flat)
    if raise_on_failure:
        missing = np.flatnonzero(np.isnan(rates))
        if missing.size:
            first = int(missing[0])
            idx = tuple(int(i) for i in np.unravel_index(first, lead)) if lead else ()
            where = f"values[{', '.join(map(str, idx))}]" if idx else "values"
            reason = (
                "the flows never change sign"
                if not changes[first]
                else "the NPV changes sign nowhere in the searched range of rates"
            )
            raise CalculationError(
                f"no internal rate of return for {where}: {reason}",
                field="values",
                value=_show(flat[first].tolist()),
                expected="flows with at least one sign change, e.g. [-100, 30, 40, 50]",
            )
    return rates.reshape(lead)

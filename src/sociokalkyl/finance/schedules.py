"""Discount schedules: a constant real rate or stepped bands, and their factor tables."""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from sociokalkyl.errors import InputError
from sociokalkyl.finance._checks import FloatArray, _as_n_years, _as_rate, _show

__all__ = ["DiscountSchedule", "RateLike", "factor_table"]


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


def factor_table(rate: RateLike, n: int, name: str = "rate") -> FloatArray:
    """Discount factors for years 0..n-1, shape ``rate.shape + (n,)`` (``(n,)`` for a schedule).

    Parameters
    ----------
    rate
        Real rate(s) as fractions [1/year], each > -1, or a :class:`DiscountSchedule`.
    n
        Number of years including year 0.
    name
        The argument's name for error messages.

    Returns
    -------
    ndarray
        Factors [-]; ``(1 + r)**-t`` for a rate.

    Examples
    --------
    >>> factor_table(0.10, 3).round(4)
    array([1.    , 0.9091, 0.8264])
    """
    if isinstance(rate, DiscountSchedule):
        return rate.factors(n)
    r = _as_rate(rate, name)
    t = np.arange(n, dtype=np.float64)
    with np.errstate(over="ignore", under="ignore"):
        return np.asarray(np.power(1.0 + r[..., None], -t), dtype=np.float64)

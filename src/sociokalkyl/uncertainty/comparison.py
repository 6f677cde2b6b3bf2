"""Effects from comparison groups: difference in differences on shares or means.

A treated group and one or more comparison groups are measured before and after. Each
comparison group gives one estimate of the effect, the treated group's change minus the
comparison group's change:

.. math:: \\hat\\delta_k = (y^T_{after} - y^T_{before}) - (y^{C_k}_{after} - y^{C_k}_{before})

Several comparison groups give a range of estimates (a spread between designs, not
sampling error); with group sizes, each estimate has a standard error, and
:meth:`Comparison.distribution` turns both into one distribution of the effect, the same
object an ``[uncertainty]`` table of a scenario file makes. :meth:`Comparison.effect`
turns "percentage points fewer households" into an effect on a cost item's use (49 pp
x 10 months a year = -4.9 months a year per household).

Servicetrainee (Norrköping): 74 % fewer households on ekonomiskt bistånd in the project
group, 20 % fewer in the wait-list control, 30 % fewer in the stratified control:

>>> treated = Group("Servicetrainee", before=1.0, after=0.26, size=30)
>>> c = compare(treated, [Group("Väntelista", 1.0, 0.80, 30), Group("Stratifierad", 1.0, 0.70, 30)])
>>> [round(e.effect, 2) for e in c.estimates]
[-0.54, -0.44]
>>> round(c.low, 2), round(c.high, 2), round(c.mean, 2)
(-0.54, -0.44, -0.49)

See ``docs/comparison-groups.md``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sociokalkyl.errors import InputError
from sociokalkyl.uncertainty._base import _Base
from sociokalkyl.uncertainty._beta_normal import Beta, Normal

__all__ = ["Comparison", "Estimate", "Group", "compare"]

Scale = Literal["share", "mean"]


@dataclass(frozen=True)
class Group:
    """One group measured before and after: a share (0 to 1) or a mean.

    Parameters
    ----------
    name
        What the group is ("Väntelista", "Stratifierad kontrollgrupp").
    before, after
        The share [0-1] (of households on ekonomiskt bistånd, say) or the mean [the
        outcome's unit] at the two measurements.
    size
        How many were measured [persons or households], > 0; None when unknown (then no
        standard error).
    sd
        For means only: the outcome's standard deviation within the group [the outcome's
        unit], >= 0. A share's comes from the binomial, :math:`\\sqrt{p(1-p)}`.

    Examples
    --------
    >>> Group("Väntelista", before=1.0, after=0.8, size=30).change
    -0.19999999999999996
    """

    name: str
    before: float
    after: float
    size: int | None = None
    sd: float | None = None

    @property
    def change(self) -> float:
        """``after - before`` [share or the outcome's unit]."""
        return self.after - self.before


@dataclass(frozen=True)
class Estimate:
    """The difference in differences against one comparison group.

    Parameters
    ----------
    comparison
        The comparison group's name.
    effect
        :math:`\\Delta_{treated} - \\Delta_{comparison}` [share, i.e. percentage points / 100,
        or the outcome's unit]; negative = the outcome fell more in the treated group.
    se
        Its standard error [same unit], or NaN without group sizes.

    Examples
    --------
    >>> Estimate("Väntelista", -0.54, 0.108).effect
    -0.54
    """

    comparison: str
    effect: float
    se: float


@dataclass(frozen=True)
class Comparison:
    """Difference-in-differences estimates of one treated group against comparison groups.

    Parameters
    ----------
    treated
        The treated group.
    estimates
        One :class:`Estimate` per comparison group, in the order given.
    scale
        ``"share"`` or ``"mean"``.

    Examples
    --------
    >>> c = compare(Group("T", 1.0, 0.26, 30), [Group("V", 1.0, 0.8, 30)])
    >>> round(c.mean, 2), round(c.sd, 3)
    (-0.54, 0.108)
    """

    treated: Group
    estimates: tuple[Estimate, ...]
    scale: Scale

    @property
    def low(self) -> float:
        """The smallest estimate (the largest fall) [share or unit]."""
        return min(e.effect for e in self.estimates)

    @property
    def high(self) -> float:
        """The largest estimate [share or unit]."""
        return max(e.effect for e in self.estimates)

    @property
    def mean(self) -> float:
        """The plain mean of the estimates (each comparison group counts once) [share or unit]."""
        return math.fsum(e.effect for e in self.estimates) / len(self.estimates)

    @property
    def sd(self) -> float:
        """The effect's standard deviation: sampling error and the spread between designs.

        .. math::
            sd = \\sqrt{\\overline{se_k^2}
                 + \\frac{1}{K}\\sum_k (\\hat\\delta_k - \\bar\\delta)^2}

        The mean squared standard error is the sampling error of one design (the
        comparison groups share the treated group, so averaging does not shrink it); the
        spread is the disagreement between designs. NaN when a group has no size.
        """
        k = len(self.estimates)
        sampling = math.fsum(e.se**2 for e in self.estimates) / k
        spread = math.fsum((e.effect - self.mean) ** 2 for e in self.estimates) / k
        return math.sqrt(sampling + spread)

    def distribution(self, kind: Literal["normal", "beta"] = "normal", scale: float = 1.0) -> _Base:
        """The effect as a distribution for Monte Carlo (an ``[uncertainty]`` table's object).

        Parameters
        ----------
        kind
            ``"normal"``: mean :attr:`mean`, sd :attr:`sd`, truncated to the possible
            range of a share's difference in differences, [-1, 1] (none for means).
            ``"beta"``: a beta on [-1, 1] with the same mean and sd (shares only).
        scale
            Multiply by this, e.g. the cost item's use per participant without the
            intervention (10 months a year turns -0.49 into -4.9 months a year) [the
            cost item's use unit]. Negative scales flip the sign.

        Returns
        -------
        Normal or Beta
            ``Normal(mean=..., sd=..., low=..., high=...)`` or ``Beta(alpha, beta, low,
            high)`` [share times ``scale``].

        Raises
        ------
        InputError
            Without group sizes (no sd), for a beta of means, or a zero or non-finite scale.

        Examples
        --------
        >>> t = Group("T", 1.0, 0.26, 30)
        >>> c = compare(t, [Group("V", 1.0, 0.8, 30), Group("S", 1.0, 0.7, 30)])
        >>> d = c.distribution(scale=10)
        >>> d.kind, round(d.mean_, 1), round(d.sd, 2), d.low, d.high
        ('normal', -4.9, 1.23, -10.0, 10.0)
        >>> round(c.distribution("beta").mean(), 2)
        -0.49
        """
        if not (math.isfinite(scale) and scale != 0):
            raise InputError(
                "is not a finite, non-zero scale",
                field="scale",
                value=scale,
                expected="the use per participant and year, e.g. scale=10 (months a year)",
            )
        sd = self.sd
        if not math.isfinite(sd) or sd <= 0:
            raise InputError(
                "has no standard error: a group has no size, or every estimate is exact",
                field="groups",
                value={self.treated.name: self.treated.size},
                expected="a size (> 0) for every group, "
                "e.g. Group('Väntelista', 1.0, 0.8, size=30)",
            )
        bound = abs(scale) if self.scale == "share" else None
        if kind == "normal":
            low = None if bound is None else -bound
            table = {"mean": self.mean * scale, "sd": sd * abs(scale), "low": low, "high": bound}
            return Normal.model_validate(table)
        if kind != "beta" or bound is None:
            raise InputError(
                "is not a distribution of this comparison",
                field="kind",
                value=kind,
                expected="'normal', or 'beta' for shares",
            )
        return _beta(self.mean, sd, -1.0, 1.0, scale)

    def effect(self, use: float, kind: Literal["normal", "beta"] = "normal") -> _Base:
        """The change in a cost item's use per participant: the share effect times ``use``.

        "49 percentage points fewer households on bistånd" times 10 months a year of
        bistånd per household without the intervention = -4.9 months a year, the
        ``change`` of an absolute effect (as ``servicetrainee.toml`` does by hand).

        Parameters
        ----------
        use
            The use per participant and year without the intervention [the cost item's
            use unit, e.g. months a year], > 0.
        kind
            As for :meth:`distribution`.

        Returns
        -------
        Normal or Beta
            The distribution of the absolute effect's ``change`` [use unit].

        Examples
        --------
        >>> c = compare(Group("T", 1.0, 0.26, 30), [Group("V", 1.0, 0.8, 30)])
        >>> round(c.effect(10).mean(), 1)
        -5.4
        """
        if not (math.isfinite(use) and use > 0):
            raise InputError(
                "is not a use per participant and year",
                field="use",
                value=use,
                expected="a positive number, e.g. 10 (months a year of bistånd)",
            )
        return self.distribution(kind, scale=use)


def _beta(mean: float, sd: float, low: float, high: float, scale: float) -> Beta:
    """A beta on ``[low, high] * scale`` with the given mean and sd (method of moments)."""
    width = high - low
    m, v = (mean - low) / width, (sd / width) ** 2
    common = m * (1 - m) / v - 1
    if not (0 < m < 1 and common > 0):
        raise InputError(
            "is too wide for a beta distribution on [-1, 1]",
            field="sd",
            value=sd,
            expected=f"sd below {math.sqrt(m * (1 - m)) * width:.3g}, or kind='normal'",
        )
    a, b = m * common, (1 - m) * common
    ends = sorted((low * scale, high * scale))
    if scale < 0:
        a, b = b, a
    return Beta(alpha=a, beta=b, low=ends[0], high=ends[1])


def _check_group(group: object, field: str, scale: Scale) -> Group:
    """``group`` if it is a valid :class:`Group`; an InputError naming ``field`` otherwise."""
    if not isinstance(group, Group):
        raise InputError(
            "is not a group",
            field=field,
            value=group,
            expected="Group(name, before, after, size), e.g. Group('Väntelista', 1.0, 0.8, 30)",
        )
    for name in ("before", "after"):
        value = getattr(group, name)
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        if ok and scale == "share":
            ok = 0.0 <= value <= 1.0
        if not ok:
            what = "a share between 0 and 1, e.g. 0.26 for 26 %" if scale == "share" else "a number"
            raise InputError(
                f"is not {what.split(',')[0]}", field=f"{field}.{name}", value=value, expected=what
            )
    if group.size is not None and (
        isinstance(group.size, bool) or not isinstance(group.size, int) or group.size < 1
    ):
        raise InputError(
            "is not a group size",
            field=f"{field}.size",
            value=group.size,
            expected="a whole number of persons or households >= 1, e.g. 30",
        )
    if group.sd is not None and (
        scale == "share"
        or not (isinstance(group.sd, int | float) and group.sd >= 0)
        or not math.isfinite(group.sd)
    ):
        raise InputError(
            "is not a standard deviation of a mean",
            field=f"{field}.sd",
            value=group.sd,
            expected="a number >= 0, and only with scale='mean' (a share's is binomial)",
        )
    return group


def _variance(group: Group, scale: Scale) -> float:
    """The variance of the group's change, before and after as independent samples."""
    if group.size is None:
        return math.nan
    if scale == "share":
        return (group.before * (1 - group.before) + group.after * (1 - group.after)) / group.size
    if group.sd is None:
        return math.nan
    return 2 * group.sd**2 / group.size


def compare(treated: Group, comparisons: Sequence[Group], scale: Scale = "share") -> Comparison:
    """Difference in differences of ``treated`` against each comparison group.

    Parameters
    ----------
    treated
        The group that got the intervention.
    comparisons
        One or more comparison groups (a wait-list control, a stratified control, ...).
    scale
        ``"share"`` (before and after are shares in [0, 1]) or ``"mean"``.

    Returns
    -------
    Comparison
        One estimate per comparison group, with its standard error.

    Notes
    -----
    For group :math:`g` of size :math:`n` the change's variance treats before and after as
    independent samples: :math:`(p_b(1-p_b) + p_a(1-p_a))/n` for shares (binomial),
    :math:`2 s^2/n` for means. That is exact when everyone had the outcome before
    (:math:`p_b = 1`, as for a group chosen for long-term bistånd) and conservative for
    a panel with positive correlation between the measurements. The estimate's variance
    is the treated group's plus the comparison group's.

    Raises
    ------
    InputError
        For a share outside [0, 1], a size that is not a whole number >= 1, no comparison
        group, or an unknown scale.

    Examples
    --------
    >>> c = compare(Group("T", 1.0, 0.26, 30), [Group("V", 1.0, 0.8, 30)])
    >>> e = c.estimates[0]
    >>> round(e.effect, 2), round(e.se, 4)
    (-0.54, 0.1084)
    >>> compare(Group("T", 1.0, 1.26), [Group("V", 1.0, 0.8)])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sociokalkyl.errors.InputError: treated.after: is not a share between 0 and 1 (got 1.26); ...
    """
    if scale not in ("share", "mean"):
        raise InputError("is not a scale", field="scale", value=scale, expected="'share' or 'mean'")
    treated = _check_group(treated, "treated", scale)
    if isinstance(comparisons, Group | str) or len(comparisons) == 0:
        raise InputError(
            "has no comparison group",
            field="comparisons",
            value=comparisons,
            expected="a list of one or more groups, e.g. [Group('Väntelista', 1.0, 0.8, 30)]",
        )
    var_t = _variance(treated, scale)
    estimates = []
    for index, group in enumerate(comparisons):
        group = _check_group(group, f"comparisons[{index}]", scale)
        se = math.sqrt(var_t + _variance(group, scale))
        estimates.append(Estimate(group.name, treated.change - group.change, se))
    return Comparison(treated, tuple(estimates), scale)

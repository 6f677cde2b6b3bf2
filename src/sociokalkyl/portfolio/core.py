"""Several interventions evaluated together: totals per intervention and per payer.

A :class:`Portfolio` holds compiled plans under names. Each member is evaluated as
:func:`~sociokalkyl.evaluate` does (the same projection and metrics); the portfolio's
totals are in the *portfolio base year*, the earliest base year of its members: a member
that starts ``s`` years later has its NPV discounted ``s`` more years with its own
discounting, :math:`NPV^{port} = \\sum_j f_j(s_j)\\,NPV_j`. A member starting in the
portfolio base year counts with the factor 1, so a portfolio of one is the intervention.
Pint- and pydantic-free.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.analysis.finite import check_finite
from sociokalkyl.analysis.metrics import compute_metrics
from sociokalkyl.analysis.result import Result
from sociokalkyl.engine import Plan, project
from sociokalkyl.errors import InputError, unknown_name
from sociokalkyl.finance import discount_factors
from sociokalkyl.model.actors import members
from sociokalkyl.portfolio.display import portfolio_frame, portfolio_html

__all__ = [
    "Portfolio",
    "PortfolioResult",
    "actor_columns",
    "as_portfolio",
    "evaluate_portfolio",
    "shift_factor",
]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Portfolio:
    """Compiled interventions under names, evaluated together.

    Parameters
    ----------
    names
        One unique name a member (``"servicetrainee"``).
    plans
        The members' compiled plans, in the same order.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> p = Portfolio(("st",), (compile_plan(*examples.servicetrainee()),))
    >>> p.base_year, p.payers
    (2012, ('kommun', 'region', 'stat', 'individ', 'övriga', 'kommun/socialnämnd',
     'kommun/arbetsmarknadsnämnd'))
    """

    names: tuple[str, ...]
    plans: tuple[Plan, ...]

    def __post_init__(self) -> None:
        if len(self.names) != len(self.plans) or not self.plans:
            raise InputError(
                "needs one name a plan and at least one member",
                field="portfolio",
                value=len(self.plans),
                expected="e.g. Portfolio(('servicetrainee',), (plan,))",
            )
        for n, name in enumerate(self.names):
            if name in self.names[:n]:
                raise InputError(
                    "is given twice", field=f"members[{n}].name", value=name,
                    expected="a unique name a member",
                )  # fmt: skip

    @property
    def base_year(self) -> int:
        """The portfolio base year: the earliest base year of the members."""
        return min(plan.base_year for plan in self.plans)

    @property
    def years(self) -> tuple[int, ...]:
        """Every calendar year any member covers, from the portfolio base year."""
        last = max(plan.base_year + plan.horizon - 1 for plan in self.plans)
        return tuple(range(self.base_year, last + 1))

    @property
    def payers(self) -> tuple[str, ...]:
        """Every payer of any member, in the order first met."""
        return tuple(dict.fromkeys(p for plan in self.plans for p in plan.payers))

    def member(self, name: str) -> Plan:
        """The plan of the member ``name``.

        Parameters
        ----------
        name
            A member's name.

        Returns
        -------
        Plan
            Its compiled plan.

        Raises
        ------
        InputError
            For a name that is not a member (the message lists them).

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> p = Portfolio(("st",), (compile_plan(*examples.servicetrainee()),))
        >>> p.member("st").horizon
        10
        """
        if name not in self.names:
            raise unknown_name(name, self.names, "a member of the portfolio", field="member")
        return self.plans[self.names.index(name)]


def actor_columns(plan: Plan, actor: str) -> list[int]:
    """The columns of an actor and every actor nested under it (its roll-up).

    A fund rule naming ``"kommun"`` reads the kommun's own avoided costs plus those of
    every ``kommun/*`` nämnd; one naming ``"kommun/socialnämnd"`` reads that nämnd's
    alone. The weights of a transfer are in the columns, so a transfer the actor gets or
    gives counts with its sign (see ``docs/perspectives.md``).

    Parameters
    ----------
    plan
        The compiled plan (its actors, :attr:`Plan.payers`).
    actor
        An actor of the plan.

    Returns
    -------
    list of int
        Indices into :attr:`Plan.payers`, in plan order.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> actor_columns(compile_plan(*examples.servicetrainee()), "kommun")   # with its nämnder
    [0, 5, 6]
    """
    plan.payer_index(actor)  # an error naming the valid actors for an unknown one
    return [plan.payer_index(a) for a in members((actor,), plan.payers)]


def shift_factor(plan: Plan, shift: int, rate: Array | float | None = None) -> Array:
    """The factor that discounts a member's values ``shift`` more years [1].

    Parameters
    ----------
    plan
        The member's plan.
    shift
        Years from the portfolio base year to the member's base year, >= 0.
    rate
        The discount rate of each draw [1/year] when the plan's rate is a parameter;
        default its value.

    Returns
    -------
    ndarray
        :math:`f(s) = (1 + r)^{-s}` (or the schedule's factor of year ``s``), one value
        a draw; exactly 1 for ``s = 0``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> shift_factor(plan, 0), shift_factor(plan, 1).round(4)
    (array([1.]), array([0.9662]))
    """
    if plan.fixed_discount_factors is None:
        r = plan.values()["settings.discount_rate"] if rate is None else rate
        table = discount_factors(np.reshape(np.asarray(r, dtype=float), -1), shift + 1)
        return np.asarray(table, dtype=float).reshape(-1, shift + 1)[:, shift]
    if shift >= plan.horizon:
        raise InputError(
            "starts more years after the portfolio's first member than its discount "
            "schedule covers",
            field="base_year",
            value=plan.base_year,
            expected=f"a base year less than {plan.horizon} years after the earliest member's, "
            "or a constant discount rate",
        )
    return np.asarray(plan.fixed_discount_factors[shift : shift + 1], dtype=float)


@dataclass(frozen=True)
class PortfolioResult:
    """The members' results and the portfolio's totals (deterministic).

    Attributes
    ----------
    portfolio
        The portfolio evaluated.
    results
        Each member's :class:`~sociokalkyl.analysis.result.Result` (own base year).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> r = evaluate_portfolio(Portfolio(("st",), (compile_plan(*examples.servicetrainee()),)))
    >>> round(r.npv / 1e6, 2)
    -3.84
    """

    portfolio: Portfolio
    results: tuple[Result, ...]

    @cached_property
    def factors(self) -> tuple[float, ...]:
        """Each member's factor to the portfolio base year [1] (1 for the earliest)."""
        base = self.portfolio.base_year
        return tuple(
            float(shift_factor(plan, plan.base_year - base)[0]) for plan in self.portfolio.plans
        )

    @property
    def npv(self) -> float:
        """The portfolio's NPV [SEK, present value in the portfolio base year]."""
        total = 0.0
        for factor, result in zip(self.factors, self.results, strict=True):
            total += factor * result.npv
        return total

    @property
    def npv_by_member(self) -> dict[str, float]:
        """Each member's NPV in its own base year [SEK] (as ``evaluate`` gives it)."""
        return {n: r.npv for n, r in zip(self.portfolio.names, self.results, strict=True)}

    @property
    def npv_by_perspective(self) -> dict[str, float]:
        """The portfolio's NPV per perspective [SEK, portfolio base year].

        :math:`NPV^{port}_p = \\sum_j f_j(s_j)\\,NPV_{j,p}`, over the members that have
        perspective ``p`` (the presets ``kommun``, ``offentlig_sektor`` and ``samhället``
        are in every member; a user perspective only in the members that declare it).

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> r = evaluate_portfolio({"st": compile_plan(*examples.servicetrainee())})
        >>> r.npv_by_perspective["kommun"] == r.results[0].npv_by_perspective["kommun"]
        True
        """
        totals: dict[str, float] = {}
        for factor, result in zip(self.factors, self.results, strict=True):
            for name, value in result.npv_by_perspective.items():
                totals[name] = totals.get(name, 0.0) + factor * value
        return totals

    @property
    def npv_by_actor(self) -> dict[str, float]:
        """The portfolio's NPV per actor with a flow, a parent with its nämnder [SEK].

        As ``Result.npv_by_actor``: ``kommun`` is the kommun's own flows plus every
        ``kommun/*``; summed over members with the same factors as :attr:`npv`.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> evaluate_portfolio([compile_plan(*examples.servicetrainee())]).npv_by_actor.keys()
        dict_keys(['kommun', 'region', 'stat', 'individ', 'övriga', 'kommun/socialnämnd',
                   'kommun/arbetsmarknadsnämnd'])
        """
        totals: dict[str, float] = {}
        for factor, result in zip(self.factors, self.results, strict=True):
            for actor, value in result.npv_by_actor.items():
                totals[actor] = totals.get(actor, 0.0) + factor * value
        return totals

    @property
    def npv_by_payer(self) -> dict[str, float]:
        """The portfolio's NPV per payer [SEK, portfolio base year]; every payer met."""
        totals = dict.fromkeys(self.portfolio.payers, 0.0)
        for factor, result in zip(self.factors, self.results, strict=True):
            for payer, value in result.npv_by_payer.items():
                totals[payer] += factor * value
        return totals

    def yearly_net_by_payer(self) -> dict[str, Array]:
        """Undiscounted net per payer by calendar year [SEK], over :attr:`Portfolio.years`.

        Returns
        -------
        dict of str to ndarray
            Payer -> the sum over members of their net in each calendar year.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> r = evaluate_portfolio(Portfolio(("st",), (compile_plan(*examples.servicetrainee()),)))
        >>> r.yearly_net_by_payer()["kommun"].shape
        (10,)
        """
        years = self.portfolio.years
        out = {payer: np.zeros(len(years)) for payer in self.portfolio.payers}
        for plan, result in zip(self.portfolio.plans, self.results, strict=True):
            first = plan.base_year - years[0]
            net = result.projection.net_by_payer[:, :, 0]
            for j, payer in enumerate(plan.payers):
                out[payer][first : first + plan.horizon] += net[j]
        return out

    def to_frame(self) -> Any:
        """One row a member (:func:`~.display.portfolio_frame`)."""
        return portfolio_frame(self)

    def _repr_html_(self) -> str:
        return portfolio_html(self)


def evaluate_portfolio(
    portfolio: Portfolio | Mapping[str, Plan] | Sequence[Plan],
) -> PortfolioResult:
    """Evaluate every member of a portfolio as :func:`~sociokalkyl.evaluate` does.

    Parameters
    ----------
    portfolio
        A :class:`Portfolio`, a mapping name -> plan, or a sequence of plans (named by
        their intervention names).

    Returns
    -------
    PortfolioResult
        Each member's result and the totals (NPV per member, per payer, in total).

    Notes
    -----
    .. math:: NPV^{port} = \\sum_j f_j(s_j)\\, NPV_j

    with :math:`s_j` the years from the portfolio base year to member :math:`j`'s.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plans = [compile_plan(*examples.load(n)) for n in ("servicetrainee", "skolfam")]
    >>> r = evaluate_portfolio(plans)
    >>> sorted(r.npv_by_member)
    ['Servicetrainee', 'Skolfam']
    """
    portfolio = as_portfolio(portfolio)
    results = []
    for plan in portfolio.plans:
        values = plan.values()
        projection = project(plan, values)
        check_finite(plan, values, projection)
        metrics = compute_metrics(projection)
        check_finite(plan, values, projection, metrics)
        results.append(Result(plan, projection, metrics))
    return PortfolioResult(portfolio, tuple(results))


def as_portfolio(given: Portfolio | Mapping[str, Plan] | Sequence[Plan]) -> Portfolio:
    """A :class:`Portfolio` from a portfolio, a mapping name -> plan or a sequence of plans.

    Parameters
    ----------
    given
        The members.

    Returns
    -------
    Portfolio
        The same members, named.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> as_portfolio([compile_plan(*examples.skolfam())]).names
    ('Skolfam',)
    """
    if isinstance(given, Portfolio):
        return given
    if isinstance(given, Mapping):
        return Portfolio(tuple(given), tuple(given.values()))
    plans = tuple(given)
    return Portfolio(tuple(plan.intervention_name for plan in plans), plans)

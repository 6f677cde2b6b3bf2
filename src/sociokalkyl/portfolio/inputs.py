"""What a portfolio file holds: its members and the fund (the pydantic input edge).

A portfolio file names its members (scenario files or bundled examples, each perhaps with
a follow-up file) and, optionally, the fund that finances them. :meth:`FundInput.to_fund`
checks the fund against the compiled members (known members, payers and nämnder that
exist in the member's analysis) and returns the plain
:class:`~sociokalkyl.portfolio.fund.Fund` the numeric core reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import Field

from sociokalkyl.engine import Plan
from sociokalkyl.errors import InputError, unknown_name
from sociokalkyl.model.common import FrozenModel
from sociokalkyl.portfolio.fund import Fund, Investment, Repayment

__all__ = ["FundInput", "InvestmentInput", "MemberInput", "PortfolioInput", "RepaymentInput"]

Amount = Annotated[float, Field(ge=0, le=1e15)]
"""An amount in kr: not negative, at most 10^15 (a thousand times a large kommun's budget)."""
Share = Annotated[float, Field(ge=0, le=1)]


class MemberInput(FrozenModel):
    """One intervention of the portfolio.

    Parameters
    ----------
    name
        The member's name in tables and in the fund (default: the file's stem or the
        example's name).
    scenario
        Its scenario file, relative to the portfolio file.
    example
        Or a bundled example's name.
    followup
        Optionally its follow-up file (for repayments on the realised basis).

    Examples
    --------
    >>> MemberInput(example="skolfam").example
    'skolfam'
    """

    name: str | None = None
    scenario: str | None = None
    example: str | None = None
    followup: str | None = None


class RepaymentInput(FrozenModel):
    """A repayment rule as written (see :class:`~sociokalkyl.portfolio.fund.Repayment`).

    Parameters
    ----------
    kind
        ``"share"``, ``"schedule"`` or ``"budget_frame"`` (Norrköping's original rule).
    share
        Share of the named payers' avoided costs, 0 to 1 (at most 100 %).
    payers
        Payers or nämnder whose avoided costs repay (``"kommun"``).
    schedule
        Calendar year -> amount [kr].
    basis
        ``"forecast"`` or ``"realised"``.
    cap
        Repay at most what was granted.
    start
        First calendar year of repayment.

    Examples
    --------
    >>> RepaymentInput(kind="share", share=0.5, payers=["kommun"]).share
    0.5
    """

    kind: Literal["share", "schedule", "budget_frame"]
    share: Share = 1.0
    payers: list[str] = Field(default_factory=list)
    schedule: dict[int, Amount] = Field(default_factory=dict)
    basis: Literal["forecast", "realised"] = "forecast"
    cap: bool = True
    start: int | None = None


class InvestmentInput(FrozenModel):
    """One investment: the member, the capital granted by year and the rule.

    Parameters
    ----------
    member
        A member's name.
    granted
        Calendar year -> capital granted [kr].
    repayment
        The repayment rule.

    Examples
    --------
    >>> InvestmentInput(member="st", granted={2012: 1e6},
    ...                 repayment={"kind": "schedule", "schedule": {2015: 1e6}}).granted
    {2012: 1000000.0}
    """

    member: str
    granted: dict[int, Amount]
    repayment: RepaymentInput


class FundInput(FrozenModel):
    """The fund: capital by year and the investments.

    Parameters
    ----------
    name
        The fund's name.
    capital
        Calendar year -> capital put in [kr] (Norrköping: 40 mnkr in 2012).
    investments
        The investments.
    until
        The last calendar year of the books (default: the members' last year).
    empty_before
        The year for "the probability that the fund is empty before" (default: the last
        year of the books + 1).

    Examples
    --------
    >>> FundInput(name="F", capital={2012: 40e6}).capital
    {2012: 40000000.0}
    """

    name: str = "Fonden"
    capital: dict[int, Amount] = Field(default_factory=dict)
    investments: list[InvestmentInput] = Field(default_factory=list)
    until: int | None = None
    empty_before: int | None = None

    def to_fund(self, members: Mapping[str, Plan]) -> Fund:
        """The fund checked against the compiled members.

        Parameters
        ----------
        members
            Member name -> its compiled plan.

        Returns
        -------
        Fund
            The plain fund for :func:`~sociokalkyl.portfolio.books.fund_ledger`.

        Raises
        ------
        InputError
            For an investment in an unknown member, a rule naming a payer or nämnd the
            member's analysis does not have, a share or budget-frame rule without payers,
            or a schedule rule with payers; the field path names the entry.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan
        >>> plans = {"st": compile_plan(*examples.servicetrainee())}
        >>> f = FundInput(investments=[{"member": "st", "granted": {2012: 1e6},
        ...     "repayment": {"kind": "share", "share": 0.5, "payers": ["kommun"]}}])
        >>> f.to_fund(plans).investments[0].repayment.payers
        ('kommun',)
        """
        out = []
        for n, entry in enumerate(self.investments):
            field = f"fund.investments[{n}]"
            if entry.member not in members:
                raise unknown_name(
                    entry.member, members, "a member of the portfolio", field=f"{field}.member"
                )
            rule = entry.repayment
            _check_payers(rule, members[entry.member], f"{field}.repayment")
            repayment = Repayment(
                rule.kind, rule.share, tuple(rule.payers), dict(rule.schedule),
                rule.basis, rule.cap, rule.start,
            )  # fmt: skip
            out.append(Investment(entry.member, dict(entry.granted), repayment))
        return Fund(self.name, dict(self.capital), tuple(out), self.until)


def _check_payers(rule: RepaymentInput, plan: Plan, field: str) -> None:
    """An error for a rule's payers that the member does not have, or that are missing."""
    if rule.kind == "schedule" and rule.payers:
        raise InputError(
            "names payers, but a schedule repays fixed amounts",
            field=f"{field}.payers", value=rule.payers,
            expected='no payers for kind = "schedule", or kind = "share"',
        )  # fmt: skip
    if rule.kind != "schedule" and not rule.payers:
        raise InputError(
            f"is needed for kind = {rule.kind!r}: whose avoided costs repay",
            field=f"{field}.payers", value=rule.payers,
            expected='e.g. payers = ["kommun"]',
        )  # fmt: skip
    for k, payer in enumerate(rule.payers):
        if payer not in plan.payers:
            raise unknown_name(
                payer, plan.payers, f"a payer or nämnd of '{plan.intervention_name}'",
                field=f"{field}.payers[{k}]",
            )  # fmt: skip


class PortfolioInput(FrozenModel):
    """A portfolio file: its name, members and optionally the fund.

    Parameters
    ----------
    name
        The portfolio's name.
    members
        The interventions.
    fund
        The fund that finances them, if any.

    Examples
    --------
    >>> PortfolioInput(members=[{"example": "skolfam"}]).members[0].example
    'skolfam'
    """

    name: str = "Portfölj"
    members: list[MemberInput] = Field(min_length=1)
    fund: FundInput | None = None

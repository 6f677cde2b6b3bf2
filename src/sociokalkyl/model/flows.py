"""Flow kinds: a resource, a transfer between actors, production, or work.

Every cost item and intervention cost has a ``flow`` (see ``docs/perspectives.md``):

- ``"resource"`` (the default, the meaning before flows existed): real use of staff
  time, a day of care; paid by the payer(s), gone for society;
- ``"transfer"``: money from the payer(s) to a ``recipient`` (ekonomiskt bistånd from
  kommun to individ); it cancels in any perspective that holds both ends;
- ``"production"`` (cost items only): value created, credited to an ``owner``
  (``"övriga"`` unless given);
- ``"work"``: a gross wage paid by the payer (the employer) to the worker (``recipient``,
  ``"individ"`` unless given), with the employer contributions to ``stat``, the
  municipal income tax from the worker to ``kommun`` and ``region``, and the production
  ``W (1 + a)`` to the ``owner``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

__all__ = ["CostFlow", "Flow", "check_flow"]

Flow = Literal["resource", "transfer", "production", "work"]
"""The flow kind of a cost item."""

CostFlow = Literal["resource", "transfer", "work"]
"""The flow kind of an intervention cost (production is what a cost item changes)."""


def check_flow(
    flow: str,
    payers: Mapping[str, float],
    recipient: str | None,
    owner: str | None,
    *,
    payer_given: bool = True,
) -> None:
    """Raise a ValueError when the flow's payer, recipient and owner do not fit its kind.

    Parameters
    ----------
    flow
        ``"resource"``, ``"transfer"``, ``"production"`` or ``"work"``.
    payers
        The payer shares by actor (for work: the employer).
    recipient
        Who receives a transfer or a wage; ``None`` when not given.
    owner
        Who owns the production; ``None`` when not given.
    payer_given
        Whether the payer was written (work needs its employer written).

    Raises
    ------
    ValueError
        A recipient on a resource or production flow, a transfer without recipient or to
        its own payer, an owner on a resource or transfer, work without its employer.

    Examples
    --------
    >>> check_flow("transfer", {"kommun": 1.0}, "individ", None)
    >>> try:
    ...     check_flow("transfer", {"kommun": 1.0}, "kommun", None)
    ... except ValueError as exc:
    ...     print(str(exc)[:51])
    a transfer from 'kommun' to 'kommun' is no transfer
    """
    if recipient is not None and flow in ("resource", "production"):
        raise ValueError(
            f"a {flow} flow has no recipient (got recipient = {recipient!r}); a payment "
            'to another actor is flow = "transfer", e.g. flow = "transfer", '
            'recipient = "individ"'
        )
    if owner is not None and flow in ("resource", "transfer"):
        raise ValueError(
            f"a {flow} flow has no owner (got owner = {owner!r}); only production and "
            'work create value, e.g. flow = "work", owner = "övriga"'
        )
    if flow == "transfer" and recipient is None:
        raise ValueError(
            'a transfer needs its recipient, e.g. flow = "transfer", recipient = "individ"'
        )
    if flow in ("transfer", "work") and recipient in payers:
        raise ValueError(
            f"a {flow} from {recipient!r} to {recipient!r} is no transfer: the recipient "
            'must be another actor than the payer, e.g. recipient = "individ"'
        )
    if flow == "work" and len(payers) != 1:
        raise ValueError(
            f"work has one employer, who pays the wage, got the shares {dict(payers)}; "
            'e.g. payer = "kommun"'
        )
    if flow == "work" and not payer_given:
        raise ValueError(
            'work names its employer, who pays the wage, in payer, e.g. payer = "övriga" '
            '(an employer on the labour market) or payer = "kommun"'
        )

"""Units at the compile boundary: the factor from a quantity's unit to the engine's unit.

The one place besides :mod:`sociokalkyl.engine.compile` where the engine meets pint; the
errors show the value the user gave and, for a use, an example in the unit that fits
the cost item (per time or per event).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociokalkyl.errors import UnitError
from sociokalkyl.model import CostItem
from sociokalkyl.units import format_quantity, to_float

if TYPE_CHECKING:
    import pint

__all__ = ["unit_scale", "use_hint"]


def unit_scale(
    quantity: pint.Quantity[Any], unit: str, field: str, hint: str | None = None
) -> float:
    """The factor from the quantity's own unit to ``unit``; errors show the value given.

    Parameters
    ----------
    quantity
        The quantity as the user gave it [any unit].
    unit
        The engine's unit, in the registry's spelling (``"SEK/year"``, ``"1/year"``).
    field
        The field path named in an error.
    hint
        What to write instead, for the error; the conversion's own when None.

    Returns
    -------
    float
        The factor ``f`` such that ``value * f`` is in ``unit``.

    Raises
    ------
    UnitError
        When the quantity has the wrong dimension for ``unit``.

    Examples
    --------
    >>> from sociokalkyl.units import parse_quantity
    >>> unit_scale(parse_quantity("2 tim/vecka"), "dimensionless", "x") * 7 * 24
    1.0
    """
    try:
        return to_float(1.0 * quantity.units, unit, field=field)
    except UnitError as exc:
        raise UnitError(
            exc.message.split(":")[0] + f": {quantity.dimensionality} cannot become {unit}",
            field=field,
            value=format_quantity(quantity),
            expected=hint or exc.expected,
        ) from None


def use_hint(item: CostItem) -> str:
    """What a use of ``item`` is written as, for an error: per time, or events per year.

    Parameters
    ----------
    item
        The cost item the use belongs to.

    Returns
    -------
    str
        An example in the unit that fits the item's unit cost.

    Examples
    --------
    >>> item = CostItem(key="hvb", name="HVB", unit_cost="4 500 kr/dygn", price_year=2020)
    >>> use_hint(item).startswith("time per time")
    True
    """
    if item.per_event:
        return (
            f"events per year, as the unit cost of {item.key} is per event "
            f'({item.unit_cost_text()}): e.g. "0,8 /år"; or give the unit cost per time '
            '(e.g. "9 000 kr/mån")'
        )
    return (
        f"time per time, as the unit cost of {item.key} is per time "
        f'({item.unit_cost_text()}): e.g. "7 mån/år" or "2,5 tim/vecka"'
    )

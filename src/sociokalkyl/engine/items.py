"""Cost items at the compile boundary: catalogue keys looked up, and a row of the log.

:func:`resolve_cost_items` runs before compiling; :func:`cost_item_summary` is the
assumption log's row for one item (it moves to the report's assumption log).
"""

from __future__ import annotations

from collections.abc import Mapping

from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem, Intervention
from sociokalkyl.units import format_quantity

__all__ = ["cost_item_summary", "resolve_cost_items"]


def resolve_cost_items(
    intervention: Intervention, catalogue: Mapping[str, CostItem] | None = None
) -> tuple[CostItem, ...]:
    """The intervention's cost items, with catalogue keys looked up.

    Parameters
    ----------
    intervention
        Its ``cost_items`` are cost items or catalogue keys.
    catalogue
        Where to look keys up; the shipped catalogue
        (:func:`sociokalkyl.catalogue.default`) when ``None``.

    Returns
    -------
    tuple of CostItem
        The cost items, in the intervention's order.

    Raises
    ------
    InputError
        For a key the catalogue lacks (with close keys, when there are any).

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> [item.key for item in resolve_cost_items(examples.servicetrainee()[0])]
    ['ekonomiskt_bistand']
    """
    items: list[CostItem] = []
    for index, item in enumerate(intervention.cost_items):
        if isinstance(item, CostItem):
            items.append(item)
            continue
        if catalogue is None:
            from sociokalkyl.catalogue import default

            catalogue = default()
        try:
            found = catalogue[item]
        except KeyError as exc:
            hint = exc.expected if isinstance(exc, InputError) and exc.expected else None
            raise InputError(
                "is not a key of the catalogue",
                field=f"cost_items[{index}]",
                value=item,
                expected=hint
                or "a catalogue key (list them with `sociokalkyl catalogue`) or a full cost item",
            ) from None
        items.append(found)
    return tuple(items)


def cost_item_summary(item: CostItem, price_year: int, factor: float) -> dict[str, object]:
    """One row of the assumption log: the item, its value, and its value rebased by ``factor``.

    ``factor`` is the price-index factor the engine used (``Plan.item_price_factors``), so
    the log shows the number the calculation rests on, with the user's own index if any.
    """
    return {
        "key": item.key,
        "name": item.name,
        "unit_cost": format_quantity(item.unit_cost),
        "price_year": item.price_year,
        "rebased_unit_cost": format_quantity(round(item.unit_cost * factor, 2)),
        "analysis_price_year": price_year,
        "price_index": item.price_index,
        "payer": item.payer if isinstance(item.payer, str) else dict(item.payer),
        "source": item.source,
        "confidence": item.confidence,
        "geography": item.geography,
    }

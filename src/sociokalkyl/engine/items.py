"""Cost items at the compile boundary: catalogue keys looked up before compiling.

The assumption log's rows are made by :mod:`sociokalkyl.analysis.assumptions`.
"""

from __future__ import annotations

from collections.abc import Mapping

from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem, Intervention

__all__ = ["resolve_cost_items"]


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

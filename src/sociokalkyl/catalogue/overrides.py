"""Catalogue overrides: a user's own cost items, read and checked before they replace shipped ones.

An override replaces the whole item, source included; :meth:`Catalogue.with_overrides
<sociokalkyl.catalogue.core.Catalogue.with_overrides>` merges them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sociokalkyl.money as money
from sociokalkyl.catalogue.entry import Entry, check_price_year, entry_from_mapping
from sociokalkyl.catalogue.files import read_catalogue_file
from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem

__all__ = ["Override", "override_entries"]

Override = CostItem | Mapping[str, Any]
"""One override: a :class:`~sociokalkyl.model.CostItem` or a mapping of its fields."""


def override_entries(overrides: str | Path | Mapping[str, Override]) -> list[Entry]:
    """The catalogue entries of a file of overrides or of a mapping from key to item.

    Parameters
    ----------
    overrides
        The path of a ``.csv`` or ``.toml`` catalogue file, or a mapping from key to a
        :class:`~sociokalkyl.model.CostItem` or a mapping of its fields (plus ``name_en``).

    Returns
    -------
    list of Entry
        One entry per item, checked: a known price index, a price year it has.

    Raises
    ------
    InputError
        For anything else, an item whose key differs from its mapping key, or an
        unknown price index (naming ``overrides[key]``).

    Examples
    --------
    >>> [e.item.unit_cost_text() for e in override_entries({"hvb": {
    ...     "name": "HVB-dygn", "unit_cost": "4 500 kr/dygn", "price_year": 2018,
    ...     "source": "egen uppgift"}})]
    ['4500 SEK / day']
    """
    if isinstance(overrides, str | Path):
        return read_catalogue_file(overrides)
    if isinstance(overrides, Mapping):
        return [_override_entry(key, value) for key, value in overrides.items()]
    raise InputError(
        "cannot be used as catalogue overrides",
        field="overrides",
        value=type(overrides).__name__,
        expected='a Catalogue, a .csv/.toml path or {"key": CostItem(...) or {...}}',
    )


def _override_entry(key: str, value: Override) -> Entry:
    if isinstance(value, CostItem):
        if value.key != key:
            raise InputError(
                f"holds a cost item with key {value.key!r}",
                field=f"overrides[{key!r}]",
                value=value.key,
                expected=f"a cost item whose key is {key!r}",
            )
        try:
            money.price_index(value.price_index)
        except InputError as exc:
            raise InputError(
                exc.message,
                field=f"overrides[{key!r}].price_index",
                value=exc.value,
                expected=exc.expected,
            ) from None
        check_price_year(value, f"overrides[{key!r}].price_year")
        return Entry(value, None, "override")
    if isinstance(value, Mapping):
        return entry_from_mapping(key, value, "overrides")
    raise InputError(
        "is neither a CostItem nor a mapping of its fields",
        field=f"overrides[{key!r}]",
        value=type(value).__name__,
        expected='CostItem(...) or {"name": ..., "unit_cost": "4 500 kr/dygn", ...}',
    )

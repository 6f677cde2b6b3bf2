"""A catalogue entry: one cost item with its English words and its origin, checked.

Every way into a catalogue (a CSV row, a TOML table, an override, a Kolada value)
ends here, so every item is checked the same way: money per time or per event, a price
index that exists, a price year the index covers, a source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

import sociokalkyl.money as money
from sociokalkyl.errors import InputError, PriceYearError, UnitError
from sociokalkyl.model import CostItem
from sociokalkyl.units import format_quantity, parse_quantity, ureg

__all__ = ["Entry", "check_price_year", "entry_from_mapping"]

_UNIT_EXAMPLE = '"kr/dygn", "kr/tim", "kr/mån", "kr/år" (money per time used) or "kr" per event'


@dataclass(frozen=True)
class Entry:
    """A cost item with its English description and where it was read from.

    Parameters
    ----------
    item
        The cost item (unit cost, price year, payer, source, confidence).
    name_en
        English words for search and English reports, or None.
    origin
        Where it was read: ``"sociokalkyl/data/catalogue.csv, line 12"``, a file path,
        ``"override"`` or ``"Kolada N33100, 1880"``.

    Examples
    --------
    >>> entry = entry_from_mapping("hvb_dygn", {"name": "HVB-dygn", "unit_cost": "4 500 kr/dygn",
    ...     "price_year": 2018, "source": "corren.se"}, "egen")
    >>> entry.item.key, entry.name_en, entry.origin
    ('hvb_dygn', None, 'egen')
    """

    item: CostItem
    name_en: str | None
    origin: str


def _where(origin: str, key: str | None, column: str) -> str:
    return f"{origin}, key {key!r}, {column}" if key else f"{origin}, {column}"


def _check_unit(value: object, where: str) -> None:
    quantity = parse_quantity(value, field=where)
    allowed = (ureg.parse_units("SEK").dimensionality, ureg.parse_units("SEK/year").dimensionality)
    if quantity.dimensionality not in allowed:
        raise UnitError(
            f"has the wrong dimension {quantity.dimensionality}",
            field=where,
            value=value if isinstance(value, str) else format_quantity(quantity),
            expected=_UNIT_EXAMPLE,
        )


def check_price_year(item: CostItem, where: str) -> None:
    """Check that the item's price index exists and covers the item's price year.

    An item whose price year its index lacks could never be restated in another year.

    Parameters
    ----------
    item
        The cost item.
    where
        The field path named in an error message.

    Raises
    ------
    InputError
        For a price index that is not shipped.
    PriceYearError
        For a price year the index lacks.

    Examples
    --------
    >>> from sociokalkyl.model import CostItem
    >>> item = CostItem(key="x", name="X", unit_cost="100 kr/tim", price_year=1990, source="s")
    >>> check_price_year(item, "x.price_year")
    Traceback (most recent call last):
        ...
    sociokalkyl.errors.PriceYearError: x.price_year: is not a year of the price index KPI...
    """
    index = money.price_index(item.price_index)
    if item.price_year not in index.levels:
        years = index.years
        raise PriceYearError(
            f"is not a year of the price index {index.name}, so the item could never be "
            "restated in another price year",
            field=where,
            value=item.price_year,
            expected=f"a year that {index.name} covers ({years[0]}-{years[-1]}), e.g. "
            f"{years[-1]}, or another price_index",
        )


def _validation_error(exc: ValidationError, origin: str, key: str) -> InputError:
    first = exc.errors()[0]
    loc = ".".join(str(part) for part in first["loc"]) or "fields"
    error_type = UnitError if first["type"] == "sociokalkyl_quantity" else InputError
    given = first.get("input")
    return error_type(
        str(first["msg"]),
        field=_where(origin, key, loc),
        value=None if isinstance(given, dict) else given,
        expected='a valid cost item, e.g. name = "HVB-dygn", unit_cost = "4 500 kr/dygn", '
        'price_year = 2018, payer = "kommun", source = "corren.se", confidence = "S2"',
    )


def entry_from_mapping(key: str, data: Mapping[str, Any], origin: str) -> Entry:
    """A catalogue entry from a mapping of :class:`CostItem` fields (plus ``name_en``).

    Parameters
    ----------
    key
        The item's key; a ``key`` field in ``data`` must equal it.
    data
        The fields: ``name``, ``unit_cost`` (money per time used, or per event),
        ``price_year`` and ``source`` at least.
    origin
        Where the mapping was read, for the entry and for messages.

    Returns
    -------
    Entry
        The checked entry.

    Raises
    ------
    InputError
        For a missing price year or source, a key mismatch or an invalid field.
    UnitError
        For a unit cost that is not money per time or per event.
    PriceYearError
        For a price year the item's index lacks.

    Examples
    --------
    >>> entry = entry_from_mapping("hemtjanst", {"name": "Hemtjänst", "name_en": "Home care",
    ...     "unit_cost": "520 kr/tim", "price_year": 2021, "source": "egen uppgift"}, "egen")
    >>> entry.item.unit_cost_text(), entry.name_en
    ('520 SEK / hour', 'Home care')
    """
    fields = dict(data)
    name_en = fields.pop("name_en", None)
    if "key" in fields and fields["key"] != key:
        raise InputError(
            f"has key {fields['key']!r} under the name {key!r}",
            field=_where(origin, key, "key"),
            value=fields["key"],
            expected=f"the same key as its name ({key!r}), or no key field",
        )
    fields["key"] = key
    for name in ("price_year", "source"):
        if fields.get(name) in (None, ""):
            raise InputError(
                "is missing: every catalogue entry needs a price year and a source",
                field=_where(origin, key, name),
                expected='e.g. price_year = 2023 and source = "Örebro kommun, årsredovisning 2023"',
            )
    if fields.get("unit_cost") is not None:
        _check_unit(fields["unit_cost"], _where(origin, key, "unit_cost"))
    item = _cost_item(fields, origin, key)
    check_price_year(item, _where(origin, key, "price_year"))
    return Entry(item, str(name_en) if name_en else None, origin)


def _cost_item(fields: dict[str, Any], origin: str, key: str) -> CostItem:
    """The cost item of ``fields``; an error names the file and key."""
    try:
        return CostItem(**fields)
    except ValidationError as exc:
        raise _validation_error(exc, origin, key) from None
    except InputError as exc:
        raise type(exc)(
            exc.message,
            field=_where(origin, key, exc.field or ""),
            value=exc.value,
            expected=exc.expected,
        ) from None

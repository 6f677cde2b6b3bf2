"""Units: the one pint registry, Swedish number parsing and pydantic quantity types.

Three modules, in the order they depend on each other:

* :mod:`~sociokalkyl.units.registry`: ``ureg``, the package's only pint registry, built
  from ``data/units.txt`` (a year is 365 days, a month a twelfth of it);
* :mod:`~sociokalkyl.units.parse` and :mod:`~sociokalkyl.units.convert`: reading numbers
  and quantities written in Swedish or English (``"12 000 kr/mån"``, ``"4 500,50"``), and
  turning quantities into floats, unit keys (``"SEK/day"``) and text;
* :mod:`~sociokalkyl.units.types`: pydantic field types (``Money``, ``UnitCost``,
  ``Share``, ...) that validate a quantity and its dimension.

Pint lives here and in the models; the engine's numeric core sees only floats.

Examples
--------
>>> parse_quantity("12 000 kr/mån").to("SEK/year").magnitude
144000.0
>>> parse_quantity("4 500,50 kr/dygn").magnitude
4500.5
>>> round(parse_quantity("2,5 tim/vecka").to("hour/year").magnitude, 6)
130.357143
"""

from __future__ import annotations

from sociokalkyl.units.convert import (
    format_quantity,
    has_time_unit,
    in_kronor,
    kronor_multiple,
    to_float,
    unit_key,
)
from sociokalkyl.units.parse import parse_number, parse_quantity, parse_share
from sociokalkyl.units.registry import Quantity, ureg
from sociokalkyl.units.types import Duration, Money, MoneyPerTime, Share, UnitCost, UsePerYear

__all__ = [
    "Duration",
    "Money",
    "MoneyPerTime",
    "Quantity",
    "Share",
    "UnitCost",
    "UsePerYear",
    "format_quantity",
    "has_time_unit",
    "in_kronor",
    "kronor_multiple",
    "parse_number",
    "parse_quantity",
    "parse_share",
    "to_float",
    "unit_key",
    "ureg",
]

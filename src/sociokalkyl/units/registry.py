"""The package's one pint unit registry, built from ``data/units.txt`` alone.

Not pint's default definitions: a year is 365 days and a month a twelfth of that, as in
Swedish municipal accounting (pint's own year is the Julian 365.25 days). Swedish unit
words (``kr``, ``mån``, ``dygn``, ``tim``, ``vecka``, ``år``) are defined there too.
Never build a second registry: quantities of two registries cannot be combined.

Examples
--------
>>> ureg.Quantity(1.0, "year").to("day").magnitude
365.0
>>> ureg.Quantity(12, "kr/mån").to("SEK/year").magnitude
144.0
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import pint

__all__ = ["Quantity", "ureg"]


def _build_registry() -> pint.UnitRegistry[Any]:
    path = resources.files("sociokalkyl") / "data" / "units.txt"
    with resources.as_file(path) as file:
        registry: pint.UnitRegistry[Any] = pint.UnitRegistry(
            str(file), autoconvert_offset_to_baseunit=False
        )
    registry.formatter.default_format = "D"
    return registry


ureg: pint.UnitRegistry[Any] = _build_registry()
"""The package's only unit registry."""

Quantity = ureg.Quantity
"""The quantity class of :data:`ureg`: ``Quantity(4500, "SEK/day")``."""

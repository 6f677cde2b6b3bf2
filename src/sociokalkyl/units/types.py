"""Pydantic types for quantities in models: ``Money``, ``UnitCost``, ``Share`` and friends.

Each type is ``Annotated[pint.Quantity, marker]``: the marker reads the input with
:func:`~sociokalkyl.units.parse.parse_quantity`, checks its dimension, and serialises the
quantity back as text. A wrong dimension is a pydantic error of type
``sociokalkyl_quantity`` that names what was expected, with an example.

Examples
--------
>>> from pydantic import BaseModel
>>> class Item(BaseModel):
...     unit_cost: UnitCost
...     share: Share = 0.0
>>> item = Item(unit_cost="4 500 kr/dygn", share="49 %")
>>> item.unit_cost.to("SEK/year").magnitude, item.share
(1642500.0, 0.49)
>>> item.model_dump()
{'unit_cost': '4500 SEK / day', 'share': 0.49}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

import pint
from pydantic import AllowInfNan, BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from sociokalkyl.errors import UnitError
from sociokalkyl.units.convert import format_quantity
from sociokalkyl.units.parse import parse_quantity, parse_share
from sociokalkyl.units.registry import ureg

__all__ = ["Duration", "Money", "MoneyPerTime", "Share", "UnitCost", "UsePerYear"]


@dataclass(frozen=True)
class _Kind:
    """A pydantic marker that validates a quantity and checks its dimension."""

    name: str
    reference_units: tuple[str, ...]
    example: str

    def check(self, value: object) -> pint.Quantity[Any]:
        quantity = parse_quantity(value, field=self.name)
        dimensionality = quantity.dimensionality
        allowed = [ureg.parse_units(unit).dimensionality for unit in self.reference_units]
        if dimensionality not in allowed:
            raise UnitError(
                f"has the wrong dimension {dimensionality}",
                field=self.name,
                value=value if isinstance(value, str) else format_quantity(quantity),
                expected=f"{self.name}, e.g. {self.example}",
            )
        return quantity

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: object) -> pint.Quantity[Any]:
            try:
                return self.check(value)
            except UnitError as exc:
                raise PydanticCustomError(
                    "sociokalkyl_quantity",
                    "{message}; expected {expected}",
                    {
                        "message": exc.message
                        + (f" (got {exc.value!r})" if exc.value is not None else ""),
                        "expected": exc.expected or self.example,
                    },
                ) from None

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                format_quantity, when_used="always"
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # a bare number is dimensionless: only a kind that allows that takes one (a use
        # per year, 0.5 = half the time); money and durations need their unit
        bare: list[JsonSchemaValue] = (
            [{"type": "number"}] if "dimensionless" in self.reference_units else []
        )
        return {
            "anyOf": [
                {"type": "string", "examples": [self.example]},
                *bare,
                {
                    "type": "object",
                    "properties": {
                        "value": {"type": ["number", "string"]},
                        "unit": {"type": "string"},
                    },
                    "required": ["value", "unit"],
                    "additionalProperties": False,
                },
            ],
            "description": f"{self.name}: a number with a unit, e.g. {self.example}",
        }


Money = Annotated[pint.Quantity[Any], _Kind("an amount of money", ("SEK",), '"250 000 kr"')]
"""An amount [currency], e.g. ``"250 000 kr"`` or ``"1,2 mnkr"``."""

MoneyPerTime = Annotated[
    pint.Quantity[Any], _Kind("money per time", ("SEK/year",), '"12 000 kr/mån"')
]
"""A money flow [currency/time], e.g. ``"12 000 kr/mån"`` or ``"1,2 mnkr/år"``."""

UnitCost = Annotated[
    pint.Quantity[Any],
    _Kind("a unit cost", ("SEK/year", "SEK"), '"4 500 kr/dygn" or "300 000 kr"'),
]
"""A unit cost: money per unit of time used (``"4 500 kr/dygn"``) or per event (``"300 000 kr"``).
"""

UsePerYear = Annotated[
    pint.Quantity[Any],
    _Kind(
        "a use per year", ("dimensionless", "1/year"), '"7 mån/år", "2,5 tim/vecka" or "0,05 /år"'
    ),
]
"""A use of a cost item per participant: time per time (``"7 mån/år"``) or events per time
(``"0,05 /år"``)."""

Duration = Annotated[pint.Quantity[Any], _Kind("a duration", ("year",), '"12 mån" or "3 år"')]
"""A span of time, e.g. ``"12 mån"``."""


def _share_before(value: object) -> object:
    if isinstance(value, bool):
        raise PydanticCustomError(
            "sociokalkyl_share",
            "is true or false, not a share; expected {expected}",
            {"expected": 'a share such as 0.49 or "49 %"'},
        )
    if isinstance(value, str | Mapping | pint.Quantity):
        try:
            return parse_share(value)
        except UnitError as exc:
            raise PydanticCustomError(
                "sociokalkyl_share",
                "{message}; expected {expected}",
                {
                    "message": exc.message + f" (got {value!r})",
                    "expected": 'a share such as 0.49 or "49 %"',
                },
            ) from None
    return value


@dataclass(frozen=True)
class _ShareSchema:
    """The JSON Schema of a share: what the loader reads, a number or text ("49 %")."""

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        number = handler(schema)
        return {
            "anyOf": [
                number,
                {"type": "string", "examples": ["49 %", "0,49", "3,5 %"]},
                {
                    "type": "object",
                    "properties": {
                        "value": {"type": ["number", "string"]},
                        "unit": {"type": "string"},
                    },
                    "required": ["value", "unit"],
                    "additionalProperties": False,
                },
            ],
            "description": 'a share: a number (0.49) or a percent as text ("49 %")',
        }


Share = Annotated[float, BeforeValidator(_share_before), AllowInfNan(False), _ShareSchema()]
"""A dimensionless share as a float; text such as ``"49 %"`` or ``"0,49"`` is read too."""

"""Shared pieces of the models: the base configuration, payers, confidence marks."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pint
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sociokalkyl.units import format_quantity

__all__ = [
    "STANDARD_PAYERS",
    "Confidence",
    "FrozenModel",
    "PayerName",
    "Years",
    "non_negative",
]


class FrozenModel(BaseModel):
    """Base of every model: immutable, no unknown fields, no NaN or infinity."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        validate_default=True,
        str_strip_whitespace=True,
    )


STANDARD_PAYERS: tuple[str, ...] = ("kommun", "region", "stat", "individ")
"""The payers every analysis knows; others are declared in ``Intervention.other_payers``."""

PayerName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=60, pattern=r"^[\wåäöÅÄÖ][\wåäöÅÄÖ \-.]*$"),
]
"""A payer's name: ``"kommun"``, ``"region"``, ``"stat"``, ``"individ"``, or one the user
declares."""

Confidence = Literal["S", "S2", "D", "A"]
"""How sure a number's provenance is: S seen in the source, S2 secondary source, D derived,
A an assumption of the analyst."""

Years = Annotated[int, Field(ge=0, le=200)]
"""A whole number of years [year], 0 to 200."""


def non_negative(value: pint.Quantity[Any], what: str, example: str) -> pint.Quantity[Any]:
    """Return ``value``, or raise a ValueError that names ``what`` and shows ``example``."""
    if value.magnitude < 0:
        raise ValueError(f"{what} cannot be negative, got {format_quantity(value)}; e.g. {example}")
    return value

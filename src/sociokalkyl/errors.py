"""One exception hierarchy for sociokalkyl.

Every error carries structured fields (``field``, ``value``, ``expected``) and
subclasses a builtin, so ``except ValueError`` keeps working for callers who do
not know this module. Messages always say what was expected, with an example.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CalculationError",
    "DataSourceError",
    "InputError",
    "PriceYearError",
    "SociokalkylError",
    "UnitError",
]


class SociokalkylError(Exception):
    """Base class of every error raised by sociokalkyl.

    Parameters
    ----------
    message
        What went wrong, in plain words.
    field
        The field path of the bad input, e.g. ``"effects[0].size"``.
    value
        The value that was given.
    expected
        What was expected, ideally with an example.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: Any = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(self._render())

    def _render(self) -> str:
        parts = []
        if self.field:
            parts.append(f"{self.field}: ")
        parts.append(self.message)
        if self.value is not None:
            parts.append(f" (got {self.value!r})")
        if self.expected:
            parts.append(f"; expected {self.expected}")
        return "".join(parts)


class InputError(SociokalkylError, ValueError):
    """An input value is invalid: out of range, missing, NaN, unknown name."""


class UnitError(InputError):
    """A quantity has the wrong dimension or a unit that cannot be read."""


class PriceYearError(InputError):
    """A price year is outside the price-index series that should rebase it."""


class CalculationError(SociokalkylError, ArithmeticError):
    """A calculation has no answer (for example no IRR) and an answer was required."""


class DataSourceError(SociokalkylError, OSError):
    """An external data source (a file, Kolada) failed or returned an unexpected format."""

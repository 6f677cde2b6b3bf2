"""Units: the one pint registry, Swedish number parsing and pydantic quantity types.

The registry is built from ``data/units.txt`` alone (not pint's defaults), so a
year is 365 days and a month is a twelfth of that, as in Swedish municipal
accounting (pint's own year is the Julian 365.25 days).

Numbers are parsed here, never by pint: pint reads ``"12 000"`` as 12 x 000 = 0
and ``"12,5"`` as 125. The rules of :func:`parse_number`:

* spaces (also no-break and thin spaces) separate groups of three digits:
  ``"12 000"`` is twelve thousand;
* a single comma is a decimal comma: ``"4 500,50"`` is 4500.5;
* a single point is a decimal point: ``"0.035"``;
* with both, the last one is the decimal sign: ``"12,000.5"`` and ``"12.000,5"``;
* ``"12,000"`` and ``"12.000"`` (one sign, exactly three digits after it, no leading
  zero) are ambiguous and rejected with a message that shows both ways to write it.

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

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any

import pint
from pydantic import AllowInfNan, BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from sociokalkyl.errors import UnitError

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
    "parse_number",
    "parse_quantity",
    "parse_share",
    "to_float",
    "unit_key",
    "ureg",
]


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

_SPACES = "\u0020\u00a0\u202f\u2009"
_NUMBER = re.compile(
    rf"^\s*(?P<sign>[+\-\u2212]?)\s*(?P<num>\d[\d{_SPACES}.,]*(?:[eE][+\-]?\d+)?|[.,]\d+)"
    r"\s*(?P<rest>.*?)\s*$",
    re.DOTALL,
)
_EXAMPLE = 'e.g. "12 000 kr/mån", "4 500,50 kr/dygn", "2,5 tim/vecka" or "12000 SEK/month"'


def parse_number(text: str, *, field: str = "value") -> float:
    """Read a number written in Swedish or English notation.

    Parameters
    ----------
    text
        The number, e.g. ``"12 000"``, ``"4 500,50"``, ``"0.035"``, ``"-49"``.
    field
        The field path named in an error message.

    Returns
    -------
    float
        The number.

    Raises
    ------
    UnitError
        When the text is not a number, is ambiguous (``"12,000"``) or is not finite.

    Examples
    --------
    >>> parse_number("12 000"), parse_number("4 500,50"), parse_number("−2,5")
    (12000.0, 4500.5, -2.5)
    """
    match = _NUMBER.match(text)
    if match is None or match.group("rest"):
        raise UnitError(
            "is not a number",
            field=field,
            value=text,
            expected='a number such as "12 000" or "4,5"',
        )
    return _number(match.group("sign"), match.group("num"), field=field, original=text)


def _number(sign: str, digits: str, *, field: str, original: str) -> float:
    body = digits.strip()
    mantissa, exponent = body, ""
    exp_match = re.search(r"[eE][+\-]?\d+$", body)
    if exp_match:
        mantissa, exponent = body[: exp_match.start()], exp_match.group()
    # thousands separated by spaces: every group after the first has three digits
    groups = re.split(f"[{_SPACES}]+", mantissa)
    if len(groups) > 1 and not all(re.fullmatch(r"\d{3}(?:[.,]\d*)?", g) for g in groups[1:]):
        raise UnitError(
            "has spaces that do not separate groups of three digits",
            field=field,
            value=original,
            expected='thousands separated by spaces, e.g. "12 000" or "1 234 567,5"',
        )
    mantissa = "".join(groups)
    commas, points = mantissa.count(","), mantissa.count(".")
    if commas and points:
        decimal = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        if mantissa.count(decimal) > 1:
            raise UnitError(
                "has more than one decimal sign",
                field=field,
                value=original,
                expected='one decimal sign, e.g. "1 234,5"',
            )
        mantissa = mantissa.replace(thousands, "").replace(decimal, ".")
    elif commas + points == 1:
        sign_char = "," if commas else "."
        whole, fraction = mantissa.split(sign_char)
        if re.fullmatch(rf"[1-9]\d{{0,2}}\{sign_char}\d{{3}}", mantissa):
            name = "comma" if commas else "point"
            raise UnitError(
                f"is ambiguous: the {name} may be a decimal sign or a thousands separator",
                field=field,
                value=original,
                expected=f'"{whole} {fraction}" for thousands '
                f'or "{whole},{fraction.rstrip("0") or "0"}" for a decimal',
            )
        mantissa = mantissa.replace(",", ".")
    elif commas > 1 or points > 1:
        separator = "," if commas else "."
        if not re.fullmatch(rf"\d{{1,3}}(?:\{separator}\d{{3}})+", mantissa):
            raise UnitError(
                "is not a number",
                field=field,
                value=original,
                expected='a number such as "1 234 567" or "1234567"',
            )
        mantissa = mantissa.replace(separator, "")
    try:
        number = float(mantissa + exponent)
    except ValueError:
        raise UnitError(
            "is not a number", field=field, value=original, expected='a number such as "12 000"'
        ) from None
    if not math.isfinite(number):
        raise UnitError("is not finite", field=field, value=original, expected="a finite number")
    return -number if sign in ("-", "\u2212") else number


_UNIT_WORDS = [
    (re.compile(r"\s+per\s+", re.IGNORECASE), "/"),
    (re.compile(r"%"), " percent"),
    (re.compile(r"‰"), " permille"),
    (re.compile(r"\bkr\.", re.IGNORECASE), "kr"),
]


def _parse_unit(text: str, *, field: str, original: object) -> pint.Unit:
    unit_text = text.strip()
    for pattern, replacement in _UNIT_WORDS:
        unit_text = pattern.sub(replacement, unit_text)
    unit_text = unit_text.strip()
    if unit_text.startswith("/"):
        unit_text = "1" + unit_text
    if not unit_text:
        return ureg.dimensionless
    try:
        unit = ureg.parse_units(unit_text)
    except (
        pint.errors.UndefinedUnitError,
        pint.errors.DefinitionSyntaxError,
        AttributeError,
        TypeError,
        ValueError,
        SyntaxError,
    ) as exc:
        raise UnitError(
            f"has a unit that cannot be read ({exc})".replace("\n", " "),
            field=field,
            value=original,
            expected=f"a known unit (kr, tkr, mnkr, SEK, år, mån, vecka, dygn, tim, %), {_EXAMPLE}",
        ) from None
    return unit


def parse_quantity(value: object, *, field: str = "value") -> pint.Quantity[Any]:
    """Read a quantity from text, a ``{"value", "unit"}`` mapping, a number or a Quantity.

    Parameters
    ----------
    value
        ``"12 000 kr/mån"``, ``{"value": "12 000", "unit": "kr/mån"}``, ``0.49``
        (dimensionless) or a ``pint.Quantity`` of this package's registry.
    field
        The field path named in an error message.

    Returns
    -------
    pint.Quantity
        The quantity, in the units it was given in.

    Raises
    ------
    UnitError
        When the number or the unit cannot be read, or the number is not finite.

    Examples
    --------
    >>> parse_quantity("1,2 mnkr/år").to("SEK/year").magnitude
    1200000.0
    >>> parse_quantity({"value": "9 135", "unit": "kr/mån"}).magnitude
    9135.0
    """
    if isinstance(value, pint.Quantity):
        if value._REGISTRY is not ureg:
            return parse_quantity(f"{value.magnitude} {value.units}", field=field)
        magnitude = value.magnitude
        if not isinstance(magnitude, int | float) or not math.isfinite(magnitude):
            raise UnitError(
                "is not a finite number",
                field=field,
                value=value,
                expected="a finite scalar quantity",
            )
        return value
    if isinstance(value, bool):
        raise UnitError(
            "is a boolean", field=field, value=value, expected=f"a quantity, {_EXAMPLE}"
        )
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise UnitError("is not finite", field=field, value=value, expected="a finite number")
        return Quantity(float(value), ureg.dimensionless)
    if isinstance(value, Mapping):
        if set(value) != {"value", "unit"}:
            raise UnitError(
                "must have exactly the keys 'value' and 'unit'",
                field=field,
                value=dict(value),
                expected='{"value": 9135, "unit": "kr/mån"}',
            )
        number = value["value"]
        magnitude = (
            parse_number(number, field=field)
            if isinstance(number, str)
            else parse_quantity(number, field=field).to(ureg.dimensionless).magnitude
        )
        unit = value["unit"]
        if not isinstance(unit, str):
            raise UnitError(
                "has a unit that is not text",
                field=field,
                value=unit,
                expected='a unit such as "kr/mån"',
            )
        return Quantity(magnitude, _parse_unit(unit, field=field, original=dict(value)))
    if isinstance(value, str):
        match = _NUMBER.match(value)
        if match is None:
            raise UnitError(
                "does not start with a number",
                field=field,
                value=value,
                expected=f"a number and a unit, {_EXAMPLE}",
            )
        # A digit group glued to the unit ("12 000kr") is fine; a unit that starts with a
        # letter after spaces is read as unit text.
        num, rest = match.group("num"), match.group("rest")
        stripped = num.rstrip(_SPACES + ".,")
        rest = num[len(stripped) :].strip(_SPACES) + rest if num != stripped else rest
        magnitude = _number(match.group("sign"), stripped, field=field, original=value)
        return Quantity(magnitude, _parse_unit(rest, field=field, original=value))
    raise UnitError(
        "has the wrong type",
        field=field,
        value=value,
        expected=f"text, a number or a mapping, {_EXAMPLE}",
    )


def to_float(quantity: pint.Quantity[Any], unit: str, *, field: str = "value") -> float:
    """Convert a quantity to a plain float in ``unit``; a wrong dimension is a :class:`UnitError`.

    Examples
    --------
    >>> to_float(parse_quantity("4 500 kr/dygn"), "SEK/year")
    1642500.0
    >>> to_float(parse_quantity("4 500 kr"), "SEK/year")
    Traceback (most recent call last):
        ...
    sociokalkyl.errors.UnitError: value: has the wrong dimension: [currency] cannot become...
    """
    try:
        return float(quantity.to(unit).magnitude)
    except pint.errors.DimensionalityError:
        raise UnitError(
            f"has the wrong dimension: {quantity.dimensionality} cannot become {unit}",
            field=field,
            value=format_quantity(quantity),
            expected=f"a quantity convertible to {unit}",
        ) from None


def has_time_unit(quantity: pint.Quantity[Any]) -> bool:
    """True when the quantity's unit names a time, as a use per year must.

    pint reads "-4,9 mån/år", "-20 %" and a bare number alike as dimensionless; only the
    first says how much is used per year.

    Examples
    --------
    >>> has_time_unit(parse_quantity("-4,9 mån/år")), has_time_unit(parse_quantity("-20 %"))
    (True, False)
    """
    time = ureg.parse_units("day").dimensionality
    return any(ureg.parse_units(name).dimensionality == time for name in quantity.units._units)


def unit_key(quantity: pint.Quantity[Any]) -> str:
    """The unit of ``quantity`` as a unit key: pint's names, compact (``"SEK/day"``).

    Reports translate a unit key into words (``"kr/dygn"``) without pint.

    >>> unit_key(parse_quantity("4 500 kr/dygn")), unit_key(parse_quantity("2,5 tim/vecka"))
    ('SEK/day', 'hour/week')
    """
    return format(quantity.units, "C")


def format_quantity(quantity: pint.Quantity[Any]) -> str:
    """Write a quantity as text that :func:`parse_quantity` reads back exactly.

    Examples
    --------
    >>> format_quantity(parse_quantity("9 135 kr/mån"))
    '9135 SEK / month'
    >>> parse_quantity(format_quantity(parse_quantity("0,1 kr/år"))).magnitude
    0.1
    """
    magnitude = float(quantity.magnitude)
    number = (
        str(int(magnitude)) if magnitude.is_integer() and abs(magnitude) < 1e15 else repr(magnitude)
    )
    if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", number):
        number += "0"  # "123.456" would read as ambiguous; "123.4560" cannot
    units = str(quantity.units)
    return number if units == "dimensionless" else f"{number} {units}"


# --- pydantic quantity types -------------------------------------------------------------


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
        return {
            "anyOf": [
                {"type": "string", "examples": [self.example]},
                {"type": "number"},
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


def parse_share(value: object, *, field: str = "share") -> float:
    """Read a dimensionless share: ``0.49``, ``"49 %"``, ``"0,49"`` or ``"-2,5 %"``.

    Examples
    --------
    >>> parse_share("49 %"), parse_share("0,035"), parse_share(0.2)
    (0.49, 0.035, 0.2)
    """
    quantity = parse_quantity(value, field=field)
    return to_float(quantity, "dimensionless", field=field)


def _share_before(value: object) -> object:
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


Share = Annotated[float, BeforeValidator(_share_before), AllowInfNan(False)]
"""A dimensionless share as a float; text such as ``"49 %"`` or ``"0,49"`` is read too."""

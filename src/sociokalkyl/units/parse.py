"""Swedish and English number and quantity parsing, and writing quantities back as text.

Numbers are parsed here, never by pint: pint reads ``"12 000"`` as 12 x 000 = 0
and ``"12,5"`` as 125. The rules of :func:`parse_number`:

* spaces (also no-break and thin spaces) separate groups of three digits:
  ``"12 000"`` is twelve thousand;
* a single comma is a decimal comma: ``"4 500,50"`` is 4500.5;
* a single point is a decimal point: ``"0.035"``;
* with both, the last one is the decimal sign: ``"12,000.5"`` and ``"12.000,5"``;
* ``"12,000"`` and ``"12.000"`` (one sign, exactly three digits after it, no leading
  zero) are ambiguous and rejected with a message that shows both ways to write it.

The unit after the number is read by the one registry (:mod:`sociokalkyl.units.registry`)
after a few Swedish spellings are normalised (``"per"`` is ``/``, ``%`` is percent).
Converting back to floats, unit keys and text is :mod:`sociokalkyl.units.convert`.

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

import functools
import math
import re
from collections.abc import Mapping
from typing import Any

import pint

from sociokalkyl.errors import UnitError
from sociokalkyl.limits import MAX_UNIT_CHARS
from sociokalkyl.units.convert import to_float
from sociokalkyl.units.percent import check_percent_reading
from sociokalkyl.units.registry import Quantity, ureg

__all__ = [
    "parse_number",
    "parse_quantity",
    "parse_share",
]

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


_EXPONENT_CHAIN = re.compile(r"(?:\*\*|\^)\s*(?:\(|[+\-]?\d\s*(?:\*\*|\^))")
_PRICE_DASH = re.compile(r"^\s*[,:]-\s*")
"""Swedish price notation after the number: "50 000,- kr", "50 000:-" (kronor)."""


def _unit_error(message: str, *, field: str, original: object) -> UnitError:
    return UnitError(
        message,
        field=field,
        value=original,
        expected=f"a known unit (kr, tkr, mnkr, SEK, år, mån, vecka, dygn, tim, %), {_EXAMPLE}",
    )


def _parse_unit(text: str, *, field: str, original: object) -> pint.Unit:
    unit_text = text.strip()
    for pattern, replacement in _UNIT_WORDS:
        unit_text = pattern.sub(replacement, unit_text)
    unit_text = unit_text.strip()
    if unit_text.startswith("/"):
        unit_text = "1" + unit_text
    if not unit_text:
        return ureg.dimensionless
    if len(unit_text) > MAX_UNIT_CHARS or _EXPONENT_CHAIN.search(unit_text):
        raise _unit_error(
            "has a unit that is too long or has a computed exponent",
            field=field,
            original=original,
        )
    try:
        unit = ureg.parse_units(unit_text)
    except Exception as exc:  # pint's parser raises many kinds (TokenError, AssertionError)
        reason = str(exc).replace("\n", " ") or type(exc).__name__
        raise _unit_error(
            f"has a unit that cannot be read ({reason})", field=field, original=original
        ) from None
    _refuse_scaled(unit, field=field, original=original)
    return unit


@functools.lru_cache(maxsize=256)
def _scale(name: str) -> float | None:
    """The factor of a dimensionless unit (percent: 0.01); None for a unit with dimension."""
    unit = ureg.parse_units(name)
    if not unit.dimensionless:
        return None
    return float(ureg.Quantity(1.0, unit).to(ureg.dimensionless).magnitude)


@functools.lru_cache(maxsize=256)
def _is_time(name: str) -> bool:
    return bool(ureg.parse_units(name).dimensionality == ureg.parse_units("day").dimensionality)


def _refuse_scaled(unit: pint.Unit, *, field: str, original: object) -> None:
    """Refuse a percent (or another scaling word) inside a unit with other words.

    ``"20 %"`` and ``"5 %/år"`` (a share per time) are fine; ``"50000 kr/%"`` (100 times
    50 000 kr) and ``"3 % kr"`` are refused: no amount or use is measured in percent.
    """
    names: dict[str, Any] = dict(unit._units)
    scaled = [name for name in names if _scale(name) not in (None, 1.0)]
    if not scaled:
        return
    others = {name: power for name, power in names.items() if name not in scaled}
    if (
        len(scaled) == 1
        and names[scaled[0]] == 1
        and all(power < 0 and _is_time(name) for name, power in others.items())
    ):
        return
    raise UnitError(
        "has a percent (or per mille) inside a unit of money or use; a percent is a share "
        "on its own",
        field=field,
        value=original,
        expected='an amount or use without %, e.g. "50 000 kr" or "7 mån/år", or a share '
        'alone, e.g. "20 %"',
    )


def parse_quantity(value: object, *, field: str = "value") -> pint.Quantity[Any]:
    """Read a quantity from text, a ``{"value", "unit"}`` mapping, a number or a Quantity.

    Parameters
    ----------
    value
        ``"12 000 kr/mån"``, ``{"value": "12 000", "unit": "kr/mån"}``, ``0.49``
        (dimensionless) or a ``pint.Quantity`` (one of another registry is re-read in
        this package's registry).
    field
        The field path named in an error message.

    Returns
    -------
    pint.Quantity
        The quantity, in the units it was given in [any unit].

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
    >>> parse_quantity(0.49).units
    <Unit('dimensionless')>
    """
    if isinstance(value, pint.Quantity):
        return _from_quantity(value, field=field)
    if isinstance(value, bool):
        raise UnitError(
            "is a boolean", field=field, value=value, expected=f"a quantity, {_EXAMPLE}"
        )
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise UnitError("is not finite", field=field, value=value, expected="a finite number")
        return Quantity(float(value), ureg.dimensionless)
    if isinstance(value, Mapping):
        return _from_mapping(value, field=field)
    if isinstance(value, str):
        return _from_text(value, field=field)
    raise UnitError(
        "has the wrong type",
        field=field,
        value=value,
        expected=f"text, a number or a mapping, {_EXAMPLE}",
    )


def _from_quantity(value: pint.Quantity[Any], *, field: str) -> pint.Quantity[Any]:
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


def _from_mapping(value: Mapping[Any, Any], *, field: str) -> pint.Quantity[Any]:
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
    if not (isinstance(number, str) and number.strip().endswith("%")):
        check_percent_reading(magnitude, unit, field=field, given=dict(value))
    return Quantity(magnitude, _parse_unit(unit, field=field, original=dict(value)))


def _from_text(value: str, *, field: str) -> pint.Quantity[Any]:
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
    dash = _PRICE_DASH.match(rest)
    if dash:  # "50 000,- kr" or "50 000:-": kronor, written as on a price tag
        rest = rest[dash.end() :] or "kr"
    return Quantity(magnitude, _parse_unit(rest, field=field, original=value))


def parse_share(value: object, *, field: str = "share") -> float:
    """Read a dimensionless share: ``0.49``, ``"49 %"``, ``"0,49"`` or ``"-2,5 %"``.

    Parameters
    ----------
    value
        A number, text or a ``{"value", "unit"}`` mapping without dimension.
    field
        The field path named in an error message.

    Returns
    -------
    float
        The share as a fraction [1]: ``"49 %"`` is 0.49.

    Raises
    ------
    UnitError
        When the value cannot be read or has a dimension (``"49 kr"``).

    Examples
    --------
    >>> parse_share("49 %"), parse_share("0,035"), parse_share(0.2)
    (0.49, 0.035, 0.2)
    """
    quantity = parse_quantity(value, field=field)
    return to_float(quantity, "dimensionless", field=field)

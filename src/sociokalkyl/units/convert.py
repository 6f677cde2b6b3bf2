"""From quantities to what the rest of the package uses: floats, unit keys and text.

The compile boundary calls :func:`to_float` to turn every quantity into a plain float
in the unit the engine computes in (``"SEK/year"``); :func:`unit_key` names a unit for
reports without pint; :func:`format_quantity` writes a quantity that reads back exactly.

Examples
--------
>>> q = ureg.Quantity(12_000, "kr/mån")
>>> to_float(q, "SEK/year"), unit_key(q), format_quantity(q)
(144000.0, 'SEK/month', '12000 SEK / month')
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pint

from sociokalkyl.errors import UnitError
from sociokalkyl.units.registry import ureg

__all__ = [
    "format_quantity",
    "has_time_unit",
    "in_kronor",
    "kronor_multiple",
    "to_float",
    "unit_key",
]

_KRONOR_MULTIPLES = {"tkr": Decimal(1000), "mnkr": Decimal(10**6), "mdkr": Decimal(10**9)}
"""The money units that are kronor times a power of ten, by their registry names."""

_SHARE_SCALES = {"percent": Decimal("0.01"), "permille": Decimal("0.001")}
"""The dimensionless units that are a share times a power of ten, by their registry names."""


def in_kronor(quantity: pint.Quantity[Any]) -> pint.Quantity[Any]:
    """The quantity with tkr, mnkr or mdkr written as kronor, scaled in decimal.

    Parameters
    ----------
    quantity
        A quantity [any unit], e.g. ``75.25 tkr/day``.

    Returns
    -------
    pint.Quantity
        The same amount in kronor (``75250 SEK/day``); other quantities unchanged.

    Notes
    -----
    pint scales by multiplying binary floats: 75.25 tkr would be 75.25 x 1000 and may
    differ in the last digit from 75 250 kr. Here the magnitude's shortest decimal form
    (what the user wrote) is multiplied by :math:`10^3`, :math:`10^6` or :math:`10^9` in
    decimal arithmetic, so every notation of one amount is the same float.

    Examples
    --------
    >>> in_kronor(ureg.Quantity(75.25, "tkr/dygn"))
    <Quantity(75250.0, 'SEK / day')>
    >>> in_kronor(ureg.Quantity(1.1, "mnkr")).magnitude == 1_100_000.0
    True
    """
    names = dict(quantity.units._units)
    scaled = [name for name in names if name in _KRONOR_MULTIPLES and names[name] == 1]
    magnitude = quantity.magnitude
    if not scaled or not isinstance(magnitude, int | float):
        return quantity
    name = scaled[0]
    exact = Decimal(repr(float(magnitude))) * _KRONOR_MULTIPLES[name]
    units = quantity.units / ureg.parse_units(name) * ureg.SEK
    return ureg.Quantity(float(exact), units)


def kronor_multiple(quantity: pint.Quantity[Any]) -> tuple[float, pint.Quantity[Any]]:
    """Kronor per unit of ``quantity`` (1 000 for tkr, 10^6 for mnkr, else 1), and it in kronor.

    Parameters
    ----------
    quantity
        A quantity [any unit].

    Returns
    -------
    tuple of float and pint.Quantity
        The multiple [SEK per unit] and :func:`in_kronor` of the quantity.

    Examples
    --------
    >>> kronor_multiple(ureg.Quantity(2.5, "tkr/mån"))
    (1000.0, <Quantity(2500.0, 'SEK / month')>)
    """
    return float(in_kronor(1.0 * quantity.units).magnitude), in_kronor(quantity)


def to_float(quantity: pint.Quantity[Any], unit: str, *, field: str = "value") -> float:
    """Convert a quantity to a plain float in ``unit``.

    Parameters
    ----------
    quantity
        The quantity [any unit].
    unit
        The unit to convert to, in the registry's spelling (``"SEK/year"``).
    field
        The field path named in an error message.

    Returns
    -------
    float
        The magnitude of ``quantity`` in ``unit`` [unit].

    Raises
    ------
    UnitError
        When ``quantity`` has the wrong dimension for ``unit``.

    Examples
    --------
    >>> to_float(ureg.Quantity(4500, "kr/dygn"), "SEK/year")
    1642500.0
    >>> to_float(ureg.Quantity(4500, "kr"), "SEK/year")
    Traceback (most recent call last):
        ...
    sociokalkyl.errors.UnitError: value: has the wrong dimension: [currency] cannot become...

    A percent is read as the decimal it was written as, so ``"31,42 %"`` is exactly the
    float ``0.3142`` (pint's ``31.42 * 0.01`` is ``0.31420000000000003``), and a share
    written in a template cell reads back as the same float:

    >>> to_float(ureg.Quantity(31.42, "percent"), "dimensionless")
    0.3142
    """
    scale = _SHARE_SCALES.get(str(quantity.units)) if unit == "dimensionless" else None
    if scale is not None:
        return float(Decimal(repr(float(quantity.magnitude))) * scale)
    try:
        return float(in_kronor(quantity).to(unit).magnitude)
    except pint.errors.DimensionalityError:
        raise UnitError(
            f"has the wrong dimension: {quantity.dimensionality} cannot become {unit}",
            field=field,
            value=format_quantity(quantity),
            expected=f"a quantity convertible to {unit}",
        ) from None


def has_time_unit(quantity: pint.Quantity[Any]) -> bool:
    """Whether the quantity's unit names a time, as a use per year must.

    pint reads "-4,9 mån/år", "-20 %" and a bare number alike as dimensionless; only the
    first says how much is used per year.

    Parameters
    ----------
    quantity
        The quantity [any unit].

    Returns
    -------
    bool
        True when one of the units it is written in is a time (``mån``, ``dygn``, ...).

    Examples
    --------
    >>> has_time_unit(ureg.Quantity(-4.9, "mån/år")), has_time_unit(ureg.Quantity(-20, "%"))
    (True, False)
    """
    time = ureg.parse_units("day").dimensionality
    return any(ureg.parse_units(name).dimensionality == time for name in quantity.units._units)


def unit_key(quantity: pint.Quantity[Any]) -> str:
    """The unit of ``quantity`` as a unit key: pint's names, compact (``"SEK/day"``).

    Reports translate a unit key into words (``"kr/dygn"``) without pint.

    Parameters
    ----------
    quantity
        The quantity [any unit].

    Returns
    -------
    str
        The unit key, e.g. ``"SEK/day"``, ``"hour/week"``, ``"dimensionless"``.

    Examples
    --------
    >>> unit_key(ureg.Quantity(4500, "kr/dygn")), unit_key(ureg.Quantity(2.5, "tim/vecka"))
    ('SEK/day', 'hour/week')
    """
    return format(quantity.units, "C")


def format_quantity(quantity: pint.Quantity[Any]) -> str:
    """Write a quantity as text that ``parse_quantity`` reads back exactly.

    Parameters
    ----------
    quantity
        The quantity [any unit].

    Returns
    -------
    str
        The magnitude (an integer where it is one, else Python's shortest repr) and the
        unit in pint's default format; a dimensionless quantity is the number alone.

    Examples
    --------
    >>> format_quantity(ureg.Quantity(9135, "kr/mån"))
    '9135 SEK / month'
    >>> format_quantity(ureg.Quantity(123.456, "SEK")), format_quantity(ureg.Quantity(0.49, ""))
    ('123.4560 SEK', '0.49')
    """
    magnitude = float(quantity.magnitude)
    number = (
        str(int(magnitude)) if magnitude.is_integer() and abs(magnitude) < 1e15 else repr(magnitude)
    )
    if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", number):
        number += "0"  # "123.456" would read as ambiguous; "123.4560" cannot
    units = str(quantity.units)
    return number if units == "dimensionless" else f"{number} {units}"

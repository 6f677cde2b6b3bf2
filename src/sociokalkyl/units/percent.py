"""The percent trap: a number written apart from its unit ``%`` that reads two ways.

``{ value = -0.3, unit = "%" }`` may be meant as -0,3 % (what it says) or as -30 % (a
share typed with the percent sign beside it, the way a spreadsheet shows -0,3 in a
percent cell). Like ``"12,000"`` (:func:`~sociokalkyl.units.parse.parse_number`), it is
refused with both readings and how to write each, instead of silently becoming -0,003.
A number of percent above 1 (``-30`` with ``%``) and text with its sign (``"-0,3 %"``)
are clear and read as written. The Excel template refuses the same cells with their
sheet and cell (:mod:`sociokalkyl.scenario.excel_read`).
"""

from __future__ import annotations

from sociokalkyl.errors import UnitError

__all__ = ["PERCENT_UNITS", "check_percent_reading"]

PERCENT_UNITS = ("%", "procent", "percent")
"""Unit texts that mean percent."""


def _sv(number: float) -> str:
    """A number as a Swedish reader writes it: ``-0.3`` -> ``"-0,3"``."""
    return f"{number:.10g}".replace(".", ",")


def check_percent_reading(magnitude: float, unit: str, *, field: str, given: object) -> None:
    """Refuse a number between -1 and 1 (not 0) given apart from the unit ``%``.

    Parameters
    ----------
    magnitude
        The number as written [percent].
    unit
        The unit text given beside it.
    field
        The field path named in the error.
    given
        What was written (shown in the error).

    Raises
    ------
    UnitError
        For ``0 < |magnitude| <= 1`` with a percent unit: the message shows both readings
        and the expected text how to write each.

    Examples
    --------
    >>> check_percent_reading(-30.0, "%", field="change", given=None)  # clear: -30 %
    >>> try:
    ...     check_percent_reading(-0.3, "%", field="change", given={"value": -0.3, "unit": "%"})
    ... except UnitError as exc:
    ...     print(exc.message)
    -0,3 with the unit % can be read as -0,3 % or as -30 %
    """
    if unit.strip().lower() not in PERCENT_UNITS or not 0 < abs(magnitude) <= 1:
        return
    small, large = _sv(magnitude), _sv(magnitude * 100)
    raise UnitError(
        f"{small} with the unit % can be read as {small} % or as {large} %",
        field=field,
        value=given,
        expected=f'for {large} %: {{ value = {large.replace(",", ".")}, unit = "%" }}, '
        f'"{large} %" or the share {magnitude:.10g}; for {small} %: the text "{small} %" '
        f"or the share {magnitude / 100:.10g}",
    )

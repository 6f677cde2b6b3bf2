"""Input checks shared by the finance kernels: every bad input is an InputError."""

from __future__ import annotations

import operator
import reprlib
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from sociokalkyl.errors import InputError

FloatArray: TypeAlias = npt.NDArray[np.float64]

_RATE_EXPECTED = "a real rate as a fraction greater than -1, e.g. 0.035 for 3.5 %"
_VALUES_EXPECTED = "finite yearly flows [SEK] along the last axis, e.g. [-100, 30, 30, 30, 30]"
_N_YEARS_EXPECTED = "a whole number of years >= 1, e.g. 10"


# --------------------------------------------------------------------------- validation


def _show(x: Any) -> str:
    """A short printable form of a possibly huge input, for error messages."""
    return reprlib.repr(x)


def _as_float_array(x: Any, name: str, expected: str) -> FloatArray:
    """Convert ``x`` to a float64 array, or raise InputError naming ``name``."""
    try:
        arr = np.asarray(x)
        if arr.dtype.kind == "O":
            arr = arr.astype(np.float64)
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"{name} must be real numbers ({exc})", field=name, value=_show(x), expected=expected
        ) from None
    if arr.dtype.kind not in "iuf":
        raise InputError(
            f"{name} must be real numbers, not dtype {arr.dtype}",
            field=name,
            value=_show(x),
            expected=expected,
        )
    return arr.astype(np.float64, copy=False)


def _require_finite(arr: FloatArray, name: str, expected: str) -> None:
    """Raise InputError at the first NaN or infinite element of ``arr``."""
    bad = ~np.isfinite(arr)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f"{name}[{', '.join(map(str, idx))}]" if idx else name
        raise InputError(
            f"{where} is not a finite number",
            field=name,
            value=float(arr[idx]),
            expected=expected,
        )


def _as_rate(rate: Any, name: str = "rate") -> FloatArray:
    """A validated rate array: finite and greater than -1."""
    arr = _as_float_array(rate, name, _RATE_EXPECTED)
    _require_finite(arr, name, _RATE_EXPECTED)
    bad = arr <= -1.0
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f"{name}[{', '.join(map(str, idx))}]" if idx else name
        raise InputError(
            f"{where} must be greater than -1 (-100 %)",
            field=name,
            value=float(arr[idx]),
            expected=_RATE_EXPECTED,
        )
    return arr


def _as_values(values: Any, name: str = "values") -> FloatArray:
    """Flows as an at-least-1-D float array with a non-empty time axis.

    Finiteness is *not* checked here: the kernels check their (much smaller)
    results and only scan the input when a result is not finite.
    """
    arr = np.atleast_1d(_as_float_array(values, name, _VALUES_EXPECTED))
    if arr.shape[-1] == 0:
        raise InputError(
            f"{name} has an empty time axis (shape {arr.shape})",
            field=name,
            value=_show(values),
            expected="at least one year of flows, e.g. [-100, 30, 30, 30, 30]",
        )
    return arr


def _as_n_years(n_years: Any, name: str = "n_years") -> int:
    if isinstance(n_years, bool | np.bool_):
        raise InputError(
            f"{name} must be a whole number", field=name, value=n_years, expected=_N_YEARS_EXPECTED
        )
    try:
        n = operator.index(n_years)
    except TypeError:
        raise InputError(
            f"{name} must be a whole number", field=name, value=n_years, expected=_N_YEARS_EXPECTED
        ) from None
    if n < 1:
        raise InputError(
            f"{name} must be at least 1", field=name, value=n, expected=_N_YEARS_EXPECTED
        )
    return n


def _broadcast(shape_a: tuple[int, ...], shape_b: tuple[int, ...], name: str, what: str) -> None:
    try:
        np.broadcast_shapes(shape_a, shape_b)
    except ValueError:
        raise InputError(
            f"{name} of shape {shape_a} does not broadcast against {what} {shape_b}",
            field=name,
            value=shape_a,
            expected=f"a shape that broadcasts against {shape_b}, e.g. a scalar such as 0.035",
        ) from None


# --------------------------------------------------------------------------- schedules

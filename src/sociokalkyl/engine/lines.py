"""Lines, actors and perspectives of a plan: the constant weights and the derived lines.

Every line the engine projects (a cost item's avoided cost, an intervention cost line,
and the lines derived from work) has a value per year and draw, and a constant signed
weight per actor: actor ``a``'s net in year ``t`` is
:math:`\\sum_l w_{la}\\, v_{lt}`. The weights never vary by draw; what is uncertain (a
tax rate) is in the derived lines' values, so a Monte Carlo run stays one vectorised
projection. Pure numpy: no pint, no pydantic, no models. See ``docs/perspectives.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["DERIVED_KINDS", "DerivedLine", "Perspective", "derive_lines", "perspective_weights"]

Array = NDArray[np.float64]

DERIVED_KINDS = ("contributions", "tax_kommun", "tax_region", "production")
"""What a line of work derives: employer contributions ``a v``, municipal income tax to
the kommun ``t k v`` and to the region ``t (1 - k) v``, and production ``(1 + a) v``."""

_RATE = "settings.employer_contribution_rate"
_TAX = "settings.municipal_tax_rate"
_SHARE = "settings.kommun_tax_share"


@dataclass(frozen=True)
class DerivedLine:
    """A line derived from a line of work: its value is the wage line's times a rate.

    Attributes
    ----------
    name
        ``"<source name>:<kind>"``, e.g. ``"costs[0]:tax_kommun"``.
    source
        Index of the wage line in the projection's lines.
    kind
        One of :data:`DERIVED_KINDS`.

    Examples
    --------
    >>> DerivedLine("costs[0]:production", 1, "production").kind
    'production'
    """

    name: str
    source: int
    kind: str


@dataclass(frozen=True)
class Perspective:
    """A perspective: a set of actors and the weight of each line for it.

    Attributes
    ----------
    name
        ``"kommun"``, ``"offentlig_sektor"``, ``"samhället"`` or the user's name.
    actors
        Its actors, nested ones included, in plan order.
    weights
        :math:`W_l = \\sum_{a \\in p} w_{la}` [1], shape ``(L,)``; exactly the society
        weights for the perspective of every actor, and rounded to a whole number where
        within 1e-9 of one (payer shares that sum to 1 within the models' tolerance).

    Examples
    --------
    >>> Perspective("kommun", ("kommun",), np.array([1.0, -1.0])).weights
    array([ 1., -1.])
    """

    name: str
    actors: tuple[str, ...]
    weights: Array


def perspective_weights(
    weights: Array, actors: tuple[str, ...], members: tuple[str, ...], society: Array
) -> Array:
    """The weight of each line for a set of actors: the sum of their columns.

    Parameters
    ----------
    weights
        Weights by line and actor [1], shape ``(L, A)``.
    actors
        The actors of the columns.
    members
        The actors of the perspective.
    society
        The weights of every actor together [1], shape ``(L,)``: 1 for a resource's
        avoided cost, -1 for a resource cost, 0 for a transfer, -1 or 1 for production.

    Returns
    -------
    ndarray
        :math:`W_l = \\sum_{a \\in p} w_{la}` [1], shape ``(L,)``.

    Examples
    --------
    >>> w = np.array([[1.0, -1.0], [-0.56, -0.44]])   # a transfer, a shared cost
    >>> perspective_weights(w, ("kommun", "individ"), ("kommun",), np.array([0.0, -1.0]))
    array([ 1.  , -0.56])
    """
    if set(members) == set(actors):
        return society.copy()
    columns = [actors.index(a) for a in members]
    summed = weights[:, columns].sum(axis=1) if columns else np.zeros(weights.shape[0])
    whole = np.round(summed)
    return np.where(np.abs(summed - whole) < 1e-9, whole, summed)


def derive_lines(
    derived: tuple[DerivedLine, ...], values: Mapping[str, Array], lines: Array
) -> None:
    """Write the derived lines' values into their rows of ``lines``, after the others.

    Parameters
    ----------
    derived
        The derived lines, in the order of their rows at the end of ``lines``.
    values
        The parameters' values; the rates are rows ``(1, D)`` or scalars [share].
    lines
        Every line [SEK], shape ``(L, T, D)``; the last ``len(derived)`` rows are written.

    Notes
    -----
    With the wage line ``v``, the employer contribution rate ``a``, the municipal tax
    rate ``t`` and the kommun's share ``k``: contributions ``a v``, tax to the kommun
    ``t k v``, tax to the region ``t (1 - k) v``, production ``(1 + a) v``.

    Examples
    --------
    >>> lines = np.zeros((2, 1, 1)); lines[0] = 100.0
    >>> rates = {_RATE: np.array(0.3), _TAX: np.array(0.3), _SHARE: np.array(0.6)}
    >>> derive_lines((DerivedLine("x:production", 0, "production"),), rates, lines)
    >>> lines[1]
    array([[130.]])
    """
    start = lines.shape[0] - len(derived)
    for row, line in enumerate(derived, start=start):
        rate = np.reshape(_rate(line.kind, values), (1, -1))
        np.multiply(lines[line.source], rate, out=lines[row])


def _rate(kind: str, values: Mapping[str, Array]) -> Array:
    """The factor of a derived line on its wage line, one value per draw."""
    a = np.asarray(values[_RATE], dtype=float)
    if kind == "contributions":
        return a
    if kind == "production":
        return 1.0 + a
    tax = np.asarray(values[_TAX], dtype=float)
    share = np.asarray(values[_SHARE], dtype=float)
    return tax * share if kind == "tax_kommun" else tax * (1.0 - share)

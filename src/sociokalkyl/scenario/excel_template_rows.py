"""The rows of the Excel input template, written from the models (an intervention's
cost items, baseline, effects and costs as the cells a controller would type).

Amounts become a number cell and a unit cell (``7149`` and ``"kr/mån"``); the unit is
the quantity's unit key in Swedish words (:func:`sociokalkyl.language.numbers.format_unit`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pint

from sociokalkyl.language.numbers import format_unit
from sociokalkyl.language.template import (
    COST_KIND_WORDS,
    EFFECT_KIND_WORDS,
    TARGET_UNIT_WORDS,
    TEMPLATE_SHEET_NAMES,
)
from sociokalkyl.language.template_perspectives import FLOW_WORDS
from sociokalkyl.model import BaselineUse, CostItem, Effect, Intervention, InterventionCost
from sociokalkyl.units import unit_key

__all__ = ["KINDS_COST", "KINDS_EFFECT", "SHEET", "UNITS_GROUP", "plain_number",
           "template_rows", "unit_text"]  # fmt: skip

SHEET = {key: names[0] for key, names in TEMPLATE_SHEET_NAMES.items()}
"""The template's sheet names by key (``SHEET["effects"]`` is ``"Effekter"``)."""
KINDS_COST = COST_KIND_WORDS
KINDS_EFFECT = EFFECT_KIND_WORDS
UNITS_GROUP = {word: TARGET_UNIT_WORDS[word] for word in ("person", "hushåll")}
"""The target units the template offers (every word of TARGET_UNIT_WORDS is read)."""


def unit_text(quantity: pint.Quantity[Any]) -> str:
    """A quantity's unit in Swedish, as a controller writes it: ``"kr/mån"``.

    The unit key (:func:`sociokalkyl.units.unit_key`) in the words of
    :data:`sociokalkyl.language.labels.UNIT_WORDS`.

    Parameters
    ----------
    quantity
        A quantity of the models.

    Returns
    -------
    str
        The unit in Swedish words; ``""`` for a plain number.

    Examples
    --------
    >>> from sociokalkyl.units import parse_quantity
    >>> unit_text(parse_quantity("9 135 SEK/month")), unit_text(parse_quantity("0,05 /år"))
    ('kr/mån', '1/år')
    """
    return format_unit(unit_key(quantity), "sv")


def plain_number(value: float) -> int | float:
    """A whole number as an int, any other as a float (so a cell shows ``12``, not ``12.0``).

    Parameters
    ----------
    value
        A number.

    Returns
    -------
    int | float
        ``value`` as an int when it is whole (and below 1e15), else as a float.

    Examples
    --------
    >>> plain_number(12.0), plain_number(0.5)
    (12, 0.5)
    """
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else float(value)


def _amount(quantity: pint.Quantity[Any] | None) -> list[Any]:
    if quantity is None:
        return [None, None]
    return [plain_number(float(quantity.magnitude)), unit_text(quantity)]


def _swedish(mapping: Mapping[str, str], value: str | None) -> str | None:
    return None if value is None else {v: k for k, v in mapping.items()}[value]


def _shares_text(payer: str | Mapping[str, float]) -> str:
    if isinstance(payer, str):
        return payer
    return "; ".join(f"{name}={share!r}" for name, share in payer.items())


def _cost_item_row(item: CostItem | str) -> list[Any]:
    if isinstance(item, str):
        return [item]
    return [
        item.key,
        item.name,
        *_amount(item.unit_cost),
        item.price_year,
        _shares_text(item.payer),
        item.price_index,
        plain_number(item.real_growth),
        item.source,
        item.confidence,
        item.geography,
        item.note,
        *_flow_cells(item.flow, item.recipient, item.owner),
    ]


def template_rows(intervention: Intervention) -> dict[str, list[list[Any]]]:
    """The cells of each table sheet, by sheet name, for ``intervention``.

    Parameters
    ----------
    intervention
        The intervention to pre-fill.

    Returns
    -------
    dict[str, list[list[Any]]]
        Rows of cells for Kostnadsposter, Baslinje, Effekter and Kostnader.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> template_rows(sk.examples.servicetrainee()[0])["Baslinje"][0][:4]
    ['ekonomiskt_bistand', 10, 'mån/år', 0.2]
    """
    return {
        SHEET["cost_items"]: [_cost_item_row(item) for item in intervention.cost_items],
        SHEET["baseline"]: [_baseline_row(b) for b in intervention.baseline],
        SHEET["effects"]: [_effect_row(e) for e in intervention.effects],
        SHEET["costs"]: [_cost_row(c) for c in intervention.costs],
    }


def _baseline_row(b: BaselineUse) -> list[Any]:
    """A baseline's cells: cost item, use and its unit, exit rate, profile, years, source."""
    return [
        b.cost_item,
        *_amount(b.use),
        b.exit_rate,
        None if b.profile is None else "; ".join(repr(p) for p in b.profile),
        b.years,
        b.source,
        b.confidence,
    ]


def _effect_row(e: Effect) -> list[Any]:
    """An effect's cells: cost item, kind in Swedish, change (a share or an amount with
    its unit), timing, the four adjustments, source, confidence and note."""
    change = [e.change, "andel"] if isinstance(e.change, float) else _amount(e.change)
    return [
        e.cost_item,
        _swedish(KINDS_EFFECT, e.kind),
        *change,
        e.start_lag,
        e.ramp_up_years,
        e.duration_years,
        e.drop_off,
        e.deadweight,
        e.attribution,
        e.displacement,
        e.source,
        e.confidence,
        e.note,
    ]


def _cost_row(c: InterventionCost) -> list[Any]:
    """A cost's cells: name, kind in Swedish, amount and duration with their units,
    timing, price year and index, payer, source and confidence."""
    return [
        c.name,
        _swedish(KINDS_COST, c.kind),
        *_amount(c.amount),
        *_amount(c.duration),
        c.year,
        c.years,
        c.price_year,
        c.price_index,
        c.payer,
        c.source,
        c.confidence,
        *_flow_cells(c.flow, c.recipient, c.owner),
    ]


def _flow_cells(flow: str, recipient: str | None, owner: str | None) -> list[Any]:
    """Flöde (empty for a resource, the default), Mottagare and Ägare."""
    return [None if flow == "resource" else _swedish(FLOW_WORDS, flow), recipient, owner]

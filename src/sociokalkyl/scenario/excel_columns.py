"""The layout of the Excel input template: its sheets and the columns of each table.

A :class:`Column` says what a cell holds: its Swedish heading and hint (from
:func:`sociokalkyl.language.template.template_label`), the model field it fills, how it is
read and which data validation it carries. The tables (:data:`TABLES`) and the field
sheets (:data:`INTERVENTION_FIELDS`, :data:`SETTINGS_FIELDS`) are what
:mod:`sociokalkyl.scenario.excel_template` writes and
:mod:`sociokalkyl.scenario.excel_read` reads back.

Examples
--------
>>> [column.header for column in TABLES["Baslinje"][1]][:3]
['Kostnadspost', 'Användning', 'Enhet']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sociokalkyl.language.template import template_label
from sociokalkyl.language.template_perspectives import FLOW_WORDS, template_perspective_label
from sociokalkyl.scenario.excel_template_rows import KINDS_COST, KINDS_EFFECT, SHEET, UNITS_GROUP

__all__ = [
    "BASELINE_COLUMNS",
    "CONFIDENCE",
    "COST_COLUMNS",
    "COST_ITEM_COLUMNS",
    "EFFECT_COLUMNS",
    "FLOW_COLUMNS",
    "INTERVENTION_FIELDS",
    "PRESETS",
    "SETTINGS_FIELDS",
    "TABLES",
    "TEMPLATE_SHEETS",
    "Column",
    "make_column",
]

CONFIDENCE = {"S": "S", "S2": "S2", "D": "D", "A": "A"}
"""The confidence marks a cell may hold (the same words in the sheet and the model)."""
PRESETS = {"asek": "asek", "green_book": "green_book", "denmark_2018": "denmark_2018"}
"""The discount schedules a settings cell may name."""


@dataclass(frozen=True)
class Column:
    """One column of a template table: heading, model field, kind of cell, hint.

    ``kind`` is how a cell is read: ``"text"``, ``"int"``, ``"float"``, ``"share"``,
    ``"amount"`` (a number whose unit is in the next column), ``"unit"``, ``"choice"``
    (Swedish words mapped by ``choices``), ``"payer"``, ``"payer_shares"``,
    ``"profile"``, ``"names"``, ``"change"``, ``"actor"`` (an actor, declared or standard),
    ``"perspectives"`` (``name: actor, actor; name2: ...``).

    Examples
    --------
    >>> COST_ITEM_COLUMNS[0].header, COST_ITEM_COLUMNS[0].hint
    ('Nyckel', 'kort id, t.ex. ekonomiskt_bistand')
    """

    header: str
    key: str | None
    kind: str
    hint: str
    choices: Mapping[str, str] | None = None
    required: bool = False
    width: int = 16


def make_column(header: str, key: str | None, kind: str, hint: str, **kw: Any) -> Column:
    """A :class:`Column` with its heading and hint as given.

    Parameters
    ----------
    header, key, kind, hint
        The heading, the model field (None: not a field), the kind of cell, the hint.
    **kw
        ``choices``, ``required``, ``width``.

    Returns
    -------
    Column
        The column.

    Examples
    --------
    >>> make_column("År", None, "int", "år 0, 1, 2, ...").kind
    'int'
    """
    return Column(header, key, kind, hint, **kw)


def _column(label: str, key: str | None, kind: str, hint: str | None = None, **kw: Any) -> Column:
    """A column whose heading (``label``) and hint (``hint.<hint or label>``) are labels."""
    return Column(template_label(label), key, kind, template_label(f"hint.{hint or label}"), **kw)


_CONFIDENCE: dict[str, Any] = {"choices": CONFIDENCE, "width": 10}


def _flow_column(key: str, kind: str, **kw: Any) -> Column:
    """A column of flows and actors (Flöde, Mottagare, Ägare, Aktörer, tax rates)."""
    label, hint = template_perspective_label(key), template_perspective_label(f"hint.{key}")
    return Column(label, key, kind, hint, **kw)


FLOW_COLUMNS = (
    _flow_column("flow", "choice", choices=FLOW_WORDS, width=12),
    _flow_column("recipient", "actor", width=14),
    _flow_column("owner", "actor", width=14),
)
"""Flöde, Mottagare, Ägare: the last columns of Kostnadsposter and Kostnader."""

COST_ITEM_COLUMNS = (
    _column("key", "key", "text", required=True, width=22),
    _column("name", "name", "text", "cost_items.name", width=34),
    _column("unit_cost", "unit_cost", "amount"),
    _column("unit", None, "unit", "cost_items.unit", width=12),
    _column("price_year", "price_year", "int", "cost_items.price_year", width=10),
    _column("payer", "payer", "payer_shares", "cost_items.payer"),
    _column("price_index", "price_index", "text", width=10),
    _column("real_growth", "real_growth", "float"),
    _column("source", "source", "text", "cost_items.source", width=40),
    _column("confidence", "confidence", "choice", **_CONFIDENCE),
    _column("geography", "geography", "text"),
    _column("note", "note", "text", width=30),
    *FLOW_COLUMNS,
)
BASELINE_COLUMNS = (
    _column("cost_item", "cost_item", "text", "baseline.cost_item", required=True, width=22),
    _column("use", "use", "amount", required=True),
    _column("unit", None, "unit", "baseline.unit", width=12),
    _column("exit_rate", "exit_rate", "share"),
    _column("profile", "profile", "profile"),
    _column("years", "years", "int", "baseline.years", width=10),
    _column("source", "source", "text", width=40),
    _column("confidence", "confidence", "choice", **_CONFIDENCE),
)
EFFECT_COLUMNS = (
    _column("cost_item", "cost_item", "text", "effects.cost_item", required=True, width=22),
    _column("kind", "kind", "choice", "effects.kind", choices=KINDS_EFFECT, required=True),
    _column("change", "change", "change"),
    _column("unit", None, "unit", "effects.unit", width=12),
    _column("start_lag", "start_lag", "int", width=12),
    _column("ramp_up_years", "ramp_up_years", "int", width=12),
    _column("duration_years", "duration_years", "int", width=12),
    _column("drop_off", "drop_off", "share", "share"),
    _column("deadweight", "deadweight", "share", "share", width=10),
    _column("attribution", "attribution", "share", "share", width=10),
    _column("displacement", "displacement", "share", "share", width=10),
    _column("source", "source", "text", width=40),
    _column("confidence", "confidence", "choice", **_CONFIDENCE),
    _column("note", "note", "text", width=30),
)
COST_COLUMNS = (
    _column("name", "name", "text", "costs.name", required=True, width=34),
    _column("kind", "kind", "choice", "costs.kind", choices=KINDS_COST, required=True),
    _column("amount", "amount", "amount", required=True),
    _column("unit", None, "unit", "costs.unit", width=12),
    _column("duration", "duration", "amount", width=12),
    _column("duration_unit", None, "unit", width=12),
    _column("year", "year", "int", width=10),
    _column("years", "years", "int", "costs.years", width=10),
    _column("price_year", "price_year", "int", "costs.price_year", width=10),
    _column("price_index", "price_index", "text", width=10),
    _column("payer", "payer", "payer", "costs.payer", width=12),
    _column("source", "source", "text", width=40),
    _column("confidence", "confidence", "choice", **_CONFIDENCE),
    *FLOW_COLUMNS,
)
INTERVENTION_FIELDS = (
    _column("name", "name", "text", "intervention.name", required=True),
    _column("description", "description", "text"),
    _column("source", "source", "text"),
    _column("target_group.name", "target_group.name", "text", required=True),
    _column("target_group.unit", "target_group.unit", "choice", choices=UNITS_GROUP),
    _column("target_group.source", "target_group.source", "text"),
    _column("other_payers", "other_payers", "names"),
    _flow_column("actors", "names"),
)
SETTINGS_FIELDS = (
    _column("base_year", "base_year", "int", required=True),
    _column("price_year", "price_year", "int", "settings.price_year", required=True),
    _column("horizon", "horizon", "int", required=True),
    _column("discount_rate", "discount_rate", "float"),
    _column("discount_schedule", "discount_schedule", "choice", choices=PRESETS),
    _column("optimism_bias", "optimism_bias", "share"),
    _flow_column("perspective", "text"),
    _flow_column("municipal_tax_rate", "share"),
    _flow_column("kommun_tax_share", "share"),
    _flow_column("employer_contribution_rate", "share"),
    _flow_column("perspectives", "perspectives"),
)

TABLES: dict[str, tuple[str, tuple[Column, ...]]] = {
    SHEET["cost_items"]: ("cost_items", COST_ITEM_COLUMNS),
    SHEET["baseline"]: ("baseline", BASELINE_COLUMNS),
    SHEET["effects"]: ("effects", EFFECT_COLUMNS),
    SHEET["costs"]: ("costs", COST_COLUMNS),
}
TEMPLATE_SHEETS = tuple(SHEET.values())
"""The sheets of the template, in order."""

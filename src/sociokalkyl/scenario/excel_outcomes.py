"""The template's outcome sheets: their columns, and the rows written from the models.

*Utfall* holds the intervention's effects on outcomes (``[[intervention.outcome_effects]]``),
one row an effect; its outcome is a key of the shipped consequence catalogue
(``gymnasieexamen``) or of the sheet *Utfallskedjor*. *Utfallskedjor* holds the user's own
outcomes (``[[intervention.outcomes]]``), one row a consequence: the outcome's key (and
on its first row its name, source and description), the row's key, and either a cost
item with a change of use, or a signed amount with its flow and actors; the profile as
*Profil*, *År* or *Åldrar*; a *Spann* for Monte Carlo; provenance. *Ej värderade
effekter* lists ``unpriced_effects``, one a row. The sheets are optional: a template
without them reads as before. Reading back is :mod:`~sociokalkyl.scenario.excel_outcome_read`.

Examples
--------
>>> from sociokalkyl import examples
>>> rows = outcome_rows(examples.load("skolfam_utfall")[0])
>>> rows["Utfall"][0][:4]
['gymnasieexamen', 'sannolikhet', 0.05, 9]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sociokalkyl.language.template import template_label
from sociokalkyl.language.template_outcomes import (
    COMBINE_WORDS,
    OUTCOME_KIND_WORDS,
    OUTCOME_SHEETS,
    outcome_sheet_text,
)
from sociokalkyl.language.template_perspectives import FLOW_WORDS
from sociokalkyl.model import Intervention
from sociokalkyl.model.outcome import Consequence, Outcome, OutcomeEffect
from sociokalkyl.scenario.excel_columns import CONFIDENCE, FLOW_COLUMNS, Column, make_column
from sociokalkyl.scenario.excel_template_rows import plain_number, unit_text

__all__ = [
    "CHAIN_COLUMNS",
    "CHAIN_SHEET",
    "EFFECT_SHEET",
    "OUTCOME_COLUMNS",
    "OUTCOME_SHEET_COLUMNS",
    "UNPRICED_COLUMNS",
    "UNPRICED_SHEET",
    "numbers_text",
    "outcome_rows",
]

EFFECT_SHEET, CHAIN_SHEET, UNPRICED_SHEET = OUTCOME_SHEETS


def _col(key: str, field: str | None, kind: str, hint: str | None = None, **kw: Any) -> Column:
    """A column whose heading is ``key`` and hint ``hint.<hint or key>`` of the sheet words."""
    text = outcome_sheet_text
    return make_column(text(key), field, kind, text(f"hint.{hint or key}"), **kw)


def _shared(key: str, field: str, kind: str, hint: str = "share", **kw: Any) -> Column:
    """A column with the heading and hint of the template's other sheets."""
    return make_column(template_label(key), field, kind, template_label(f"hint.{hint}"), **kw)


_CONFIDENCE: dict[str, Any] = {"choices": CONFIDENCE, "width": 10}

OUTCOME_COLUMNS: tuple[Column, ...] = (
    _col("outcome", "outcome", "text", required=True, width=26),
    _col("kind", "kind", "choice", choices=OUTCOME_KIND_WORDS, width=12),
    _col("change", "change", "float", width=12),
    _col("years_after_intake", "years_after_intake", "int", width=12),
    _col("duration_years", "duration_years", "int", width=12),
    _col("age_at_intake", "age_at_intake", "float", width=12),
    _shared("drop_off", "drop_off", "share"),
    _shared("deadweight", "deadweight", "share", width=10),
    _shared("attribution", "attribution", "share", width=10),
    _shared("displacement", "displacement", "share", width=10),
    _col("combine", "combine", "choice", choices=COMBINE_WORDS, width=12),
    _shared("source", "source", "text", "source", width=40),
    _shared("confidence", "confidence", "choice", "confidence", **_CONFIDENCE),
    _shared("note", "note", "text", "note", width=30),
)
"""The columns of *Utfall*, one row an effect on an outcome."""

CHAIN_COLUMNS: tuple[Column, ...] = (
    _col("outcome", "outcome", "text", "chain_outcome", required=True, width=24),
    _col("outcome_name", "outcome_name", "text", width=28),
    _col("row", "key", "text", required=True, width=14),
    _col("row_name", "name", "text", "text", width=28),
    _col("cost_item", "cost_item", "text", width=22),
    _col("use_change", "change", "amount", width=12),
    _col("unit", None, "unit", "use_unit", width=10),
    _col("amount", "amount", "amount", width=12),
    _col("unit", None, "unit", "amount_unit", width=10),
    _col("price_year", "price_year", "int", width=10),
    _col("price_index", "price_index", "text", width=10),
    *FLOW_COLUMNS[:1],
    _col("payer", "payer", "payer_shares", width=16),
    *FLOW_COLUMNS[1:],
    _col("profile", "profile", "profile", width=12),
    _col("years", "years", "int", width=8),
    _col("ages", "ages", "profile", width=10),
    _col("range", "range", "profile", width=16),
    _shared("source", "source", "text", "source", width=40),
    _shared("confidence", "confidence", "choice", "confidence", **_CONFIDENCE),
    _col("horizon", "horizon", "text", width=16),
    _shared("note", "note", "text", "note", width=30),
    _col("outcome_source", "outcome_source", "text", "text", width=30),
    _col("outcome_description", "outcome_description", "text", "text", width=30),
)
"""The columns of *Utfallskedjor*, one row a consequence of an own outcome."""

UNPRICED_COLUMNS: tuple[Column, ...] = (_col("unpriced", "unpriced", "text", width=90),)
"""The one column of *Ej värderade effekter*."""

OUTCOME_SHEET_COLUMNS: dict[str, tuple[Column, ...]] = {
    EFFECT_SHEET: OUTCOME_COLUMNS,
    CHAIN_SHEET: CHAIN_COLUMNS,
    UNPRICED_SHEET: UNPRICED_COLUMNS,
}
"""The outcome sheets, in the template's order, with their columns."""


def numbers_text(numbers: Sequence[float] | None) -> str | None:
    """A list of numbers as a cell writes it: ``"1; 0,5"`` (None for no list).

    Parameters
    ----------
    numbers
        The numbers, or None.

    Returns
    -------
    str or None

    Examples
    --------
    >>> numbers_text([33350.0, 133400.0]), numbers_text([1, 0.5])
    ('33350; 133400', '1; 0,5')
    """
    if numbers is None:
        return None
    return "; ".join(f"{float(n):.15g}".replace(".", ",") for n in numbers)


def _word(words: dict[str, str], value: str) -> str:
    return {v: k for k, v in words.items()}[value]


def _effect_row(e: OutcomeEffect) -> list[Any]:
    """An effect on an outcome as the cells of *Utfall*."""
    return [
        e.outcome,
        _word(OUTCOME_KIND_WORDS, e.kind),
        plain_number(e.change),
        e.years_after_intake,
        e.duration_years,
        None if e.age_at_intake is None else plain_number(e.age_at_intake),
        *(plain_number(getattr(e, f)) for f in ("drop_off", "deadweight", "attribution")),
        plain_number(e.displacement),
        _word(COMBINE_WORDS, e.combine),
        e.source,
        e.confidence,
        e.note,
    ]


def _amount(quantity: Any) -> list[Any]:
    if quantity is None:
        return [None, None]
    return [plain_number(float(quantity.magnitude)), unit_text(quantity)]


def _payer(row: Consequence) -> str | None:
    """The payer cell: an amount's payer (not for production), a cost-item row's if set."""
    if row.flow == "production" or (not row.is_amount and row.payer == "kommun"):
        return None
    shares = row.payer_shares
    if len(shares) == 1:
        return next(iter(shares))
    return "; ".join(f"{name}={numbers_text([share])}" for name, share in shares.items())


def _chain_row(outcome: Outcome, row: Consequence, first: bool) -> list[Any]:
    """One consequence as the cells of *Utfallskedjor* (the outcome's words on its first)."""
    flow = None if row.flow == "resource" else _word(FLOW_WORDS, row.flow)
    return [
        outcome.key,
        outcome.name if first else None,
        row.key,
        row.name,
        row.cost_item,
        *_amount(row.change),
        *_amount(row.amount),
        row.price_year,
        row.price_index if row.price_index != "KPI" else None,
        flow,
        _payer(row),
        row.recipient,
        row.owner,
        numbers_text(row.profile),
        row.years,
        numbers_text(row.ages),
        numbers_text(row.range),
        row.source,
        row.confidence,
        row.horizon,
        row.note,
        outcome.source if first else None,
        outcome.description if first else None,
    ]


def outcome_rows(intervention: Intervention | None) -> dict[str, list[list[Any]]]:
    """The cells of the outcome sheets for ``intervention`` (empty sheets for None).

    Parameters
    ----------
    intervention
        Its ``outcome_effects``, ``outcomes`` and ``unpriced_effects``.

    Returns
    -------
    dict
        Sheet name -> rows of cells, in :data:`OUTCOME_SHEET_COLUMNS`' order.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> rows = outcome_rows(examples.load("utokade_hembesok")[0])
    >>> rows["Utfallskedjor"][0][:6]
    ['placering_familjehem_undviken', 'Placering i familjehem undviken (två år)', \
'familjehem', 'Konsulentstödda familjehemsdygn under två år', \
'familjehem_konsulentstott_dygn_lag_2015', -365]
    """
    if intervention is None:
        return {sheet: [] for sheet in OUTCOME_SHEET_COLUMNS}
    chains = [
        _chain_row(outcome, row, r == 0)
        for outcome in intervention.outcomes
        for r, row in enumerate(outcome.consequences)
    ]
    return {
        EFFECT_SHEET: [_effect_row(e) for e in intervention.outcome_effects],
        CHAIN_SHEET: chains,
        UNPRICED_SHEET: [[text] for text in intervention.unpriced_effects],
    }

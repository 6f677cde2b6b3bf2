"""The assumption log's rows: every number a plan rests on, with unit, source and confidence.

The rows are made once, at the compile boundary (:mod:`sociokalkyl.engine.compile_log`),
and kept on the :class:`~sociokalkyl.engine.Plan` as plain data: numbers, unit keys
(``"SEK/month"``, ``"month/year"``, ``"share"``, ``"1/year"``) and text. This module
imports neither pint nor pydantic. Weak provenance (a mark S2, D or A, no mark, or no
source) stays visible: :attr:`Assumption.weak` says so and the reports show the mark in
words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sociokalkyl.language.labels import WEAK_CONFIDENCE
from sociokalkyl.money.index import YearOrigin

__all__ = ["WEAK_CONFIDENCE", "Assumption", "AssumptionKind", "Detail"]

AssumptionKind = Literal["cost_item", "target_group", "baseline", "effect", "cost"]


@dataclass(frozen=True)
class Detail:
    """One further number of an assumption: a field, its value and the value's unit key.

    ``field`` is the model's field name (``"exit_rate"``, ``"start_lag"``, ``"drop_off"``,
    ``"duration"``, ``"intake"``); for ``"intake"`` the ``year`` is the intake year.

    >>> Detail("exit_rate", 0.2, "1/year")
    Detail(field='exit_rate', value=0.2, unit='1/year', year=None)
    """

    field: str
    value: float
    unit: str
    year: int | None = None


@dataclass(frozen=True)
class Assumption:
    """One row of the assumption log.

    Attributes
    ----------
    kind
        ``"cost_item"``, ``"target_group"``, ``"baseline"``, ``"effect"`` or ``"cost"``.
    index
        The position in the intervention's list (baseline, effects, costs), else None.
    name
        What the row is about: the cost item's key, the target group's or the cost's name.
    value, unit
        The number as given [``unit``, a unit key]; the total intake for a target group.
    variant
        The model's kind: ``"relative"``/``"absolute"`` (effect), ``"one_off"``,
        ``"per_participant"``, ``"per_year"`` (cost), ``"person"``/``"household"``
        (target group); None otherwise.
    price_year, analysis_price_year, price_index
        The price year of ``value``, the analysis price year and the index between them.
    factor, rebased_value
        The price-index factor the engine used [1] and ``value * factor`` [``unit``, in
        the analysis price year] (cost items only).
    payer
        Who pays: a name, or payer shares [share] for a cost item split between payers.
    source, confidence
        Where the number comes from and its mark (S, S2, D, A or None).
    description, geography, note
        The cost item's description, where its number applies, and a note.
    details
        Further numbers (exit rate, lag, duration, adjustments, intake per year).
    index_origins
        The price-index years between ``price_year`` and ``analysis_price_year`` that
        were not shipped: ``(years, origin)`` such as ``("2024-2025", YearOrigin("user",
        ...))`` (the user's years, or SCB's fetched into the cache); empty when every
        year used was shipped.

    Examples
    --------
    >>> row = Assumption("baseline", 0, "hvb", 36.5, "day/year", source="SCB", confidence="A")
    >>> row.value, row.unit, row.weak
    (36.5, 'day/year', True)
    """

    kind: AssumptionKind
    index: int | None
    name: str
    value: float
    unit: str
    variant: str | None = None
    price_year: int | None = None
    analysis_price_year: int | None = None
    price_index: str | None = None
    factor: float | None = None
    rebased_value: float | None = None
    payer: str | Mapping[str, float] | None = None
    source: str | None = None
    confidence: str | None = None
    description: str | None = None
    geography: str | None = None
    note: str | None = None
    details: tuple[Detail, ...] = ()
    index_origins: tuple[tuple[str, YearOrigin], ...] = ()

    @property
    def weak(self) -> bool:
        """True when the mark is S2, D or A, or there is no mark or no source.

        >>> Assumption("cost_item", None, "x", 1.0, "SEK", source="s", confidence="S").weak
        False
        """
        return self.confidence in WEAK_CONFIDENCE or self.confidence is None or not self.source

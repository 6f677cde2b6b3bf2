"""The reports' sections on unpriced effects and on outcomes, as report tables.

:func:`unpriced_table` lists the effects no one can price ("ej värderade effekter"),
as the Green Book and the SROI guide ask; :func:`outcome_table` gives the present value
of each outcome's consequences per actor (``Result.by_outcome``). Each is None when
the model has none, so a model without them reports exactly as before. Words come from
:mod:`sociokalkyl.language.breakdown`; the effects are shown as the user wrote them
(each renderer makes them safe).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sociokalkyl.language.breakdown import breakdown_label
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import Kind
from sociokalkyl.language.perspectives import PERSPECTIVE_LABELS, perspective_label
from sociokalkyl.report.tables import Table

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result

__all__ = ["breakdown_data", "outcome_table", "unpriced_table"]


def unpriced_table(result: Result, lang: Lang = "sv") -> Table | None:
    """The effects no one can price, one row each; None when there are none.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate` (``Result.unpriced_effects``).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table or None
        Key ``"unpriced_effects"``, one text column.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> table = unpriced_table(sk.evaluate(*sk.examples.load("utokade_hembesok")))
    >>> table.title
    'Ej värderade effekter (ingår inte i nettonuvärdet)'
    >>> table.rows[0]
    ['Ökad tillit mellan familjer och socialtjänst']
    >>> unpriced_table(sk.evaluate(*sk.examples.servicetrainee())) is None
    True
    """
    effects = result.unpriced_effects
    if not effects:
        return None
    return Table(
        "unpriced_effects",
        breakdown_label("unpriced", lang),
        [breakdown_label("unpriced.effect", lang)],
        [[effect] for effect in effects],
        [["text"] for _ in effects],
    )


def _actor(key: str, lang: Lang) -> str:
    """An actor's label; a user's own actor as written."""
    return perspective_label(f"actor.{key}", lang) if f"actor.{key}" in PERSPECTIVE_LABELS else key


def outcome_table(result: Result, lang: Lang = "sv") -> Table | None:
    """The present value of each outcome's consequences per actor; None without outcomes.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate` (``Result.by_outcome``).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    Table or None
        Key ``"by_outcome"``: outcome, actor, present value [SEK]; after each outcome's
        actors a row with their sum (every actor: the society's value), and the
        outcome's name marked when another source changes the same cost item.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> table = outcome_table(sk.evaluate(*sk.examples.load("styrka_hela_livet")), "en")
    >>> [(row[1], round(row[2])) for row in table.rows]
    [('Kommun (municipality)', 72612), ('Region', 53166), ('Total, every actor', 125778)]
    """
    records = result.by_outcome()
    if not records:
        return None
    rows: list[list[Any]] = []
    effects = sorted({int(r["outcome_effect"]) for r in records})
    keys = [str(next(r for r in records if r["outcome_effect"] == j)["outcome"]) for j in effects]
    for j, key in zip(effects, keys, strict=True):
        mine = [r for r in records if r["outcome_effect"] == j]
        # the effect's index only when two effects change the same outcome
        name = key if keys.count(key) == 1 else f"{key} (outcome_effects[{j}])"
        if mine[0]["overlap"]:
            name += f", {breakdown_label('outcomes.overlap', lang)}"
        for r in mine:
            rows.append([name, _actor(str(r["actor"]), lang), r["pv"]])
        total = sum(float(r["pv"]) for r in mine)
        rows.append([name, breakdown_label("outcomes.total", lang), total])
    kinds: list[Kind] = ["text", "text", "sek"]
    return Table(
        "by_outcome",
        breakdown_label("outcomes", lang),
        [breakdown_label(k, lang) for k in ("outcomes.outcome", "outcomes.actor", "outcomes.pv")],
        rows,
        [list(kinds) for _ in rows],
    )


def breakdown_data(result: Result) -> dict[str, Any]:
    """The JSON keys of the two sections, each present only when the model has it.

    Parameters
    ----------
    result
        The result of :func:`sociokalkyl.evaluate`.

    Returns
    -------
    dict
        ``unpriced_effects`` (a list of str) and ``by_outcome`` (``Result.by_outcome()``
        rows, ``pv`` [SEK]), each only when not empty.

    Examples
    --------
    >>> import sociokalkyl as sk
    >>> sorted(breakdown_data(sk.evaluate(*sk.examples.load("utokade_hembesok"))))
    ['by_outcome', 'unpriced_effects']
    >>> breakdown_data(sk.evaluate(*sk.examples.servicetrainee()))
    {}
    """
    data: dict[str, Any] = {}
    if result.unpriced_effects:
        data["unpriced_effects"] = list(result.unpriced_effects)
    outcomes = result.by_outcome()
    if outcomes:
        data["by_outcome"] = outcomes
    return data

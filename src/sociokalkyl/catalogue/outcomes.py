"""The shipped consequence catalogue: outcomes and their consequences, with provenance.

Read from ``data/consequences.toml``; every row carries a source, a confidence mark, the
horizon it was measured over, and an amount its price year (``docs/outcomes.md``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from pydantic import ValidationError

from sociokalkyl.errors import InputError
from sociokalkyl.model.outcome import Outcome

__all__ = ["default_outcomes", "outcomes_from_data"]


def outcomes_from_data(data: dict[str, Any], where: str = "consequences") -> dict[str, Outcome]:
    """Outcomes from parsed TOML (``[[outcome]]`` tables), each row checked for provenance.

    Parameters
    ----------
    data
        The parsed file: ``{"outcome": [...]}``.
    where
        The file's name, for errors.

    Returns
    -------
    dict of str to Outcome
        By key.

    Raises
    ------
    InputError
        A row without source, confidence or horizon (a catalogue row must say where it
        comes from), or an invalid outcome; the error names the row.

    Examples
    --------
    >>> row = {"key": "a", "amount": "-1 kr", "price_year": 2023, "years": 1,
    ...        "source": "x", "confidence": "A", "horizon": "1 år"}
    >>> list(outcomes_from_data({"outcome": [{"key": "o", "name": "O",
    ...                                        "consequences": [row]}]}))
    ['o']
    """
    found: dict[str, Outcome] = {}
    for i, table in enumerate(data.get("outcome", [])):
        for r, row in enumerate(table.get("consequences", []) if isinstance(table, dict) else []):
            for field in ("source", "confidence", "horizon"):
                if not row.get(field):
                    raise InputError(
                        "a catalogue row must say where its number comes from",
                        field=f"{where}: outcome[{i}].consequences[{r}].{field}",
                        value=row.get(field),
                        expected=f'a {field}, e.g. source = "SCB 2023", confidence = "S2", '
                        'horizon = "ages 24-65"',
                    )
        try:
            outcome = Outcome.model_validate(table)
        except ValidationError as exc:
            raise InputError(
                str(exc.errors()[0]["msg"]),
                field=f"{where}: outcome[{i}]",
                value=table.get("key") if isinstance(table, dict) else table,
                expected="an outcome with key, name and consequences (docs/outcomes.md)",
            ) from None
        found[outcome.key] = outcome
    return found


@cache
def default_outcomes() -> dict[str, Outcome]:
    """The shipped outcomes by key.

    Returns
    -------
    dict of str to Outcome
        From ``data/consequences.toml``.

    Examples
    --------
    >>> sorted(default_outcomes())[:2]
    ['gymnasieexamen', 'hoftfraktur_undviken']
    """
    text = resources.files("sociokalkyl.data").joinpath("consequences.toml").read_text("utf-8")
    return outcomes_from_data(tomllib.loads(text), "consequences.toml")

"""Reading and writing the template's actors: Mottagare, Ägare and Egna perspektiv.

A recipient or owner cell names an actor: a standard one (kommun, region, stat, individ,
övriga) or one declared on the sheet Insats (Övriga betalare, Aktörer), with "did you
mean" for a misspelling. Own perspectives are one cell on Inställningar:
``kommun_och_region: kommun, region; stat_ensam: stat``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from sociokalkyl.errors import InputError, did_you_mean

__all__ = ["perspectives_text", "read_actor_cell"]


class _Fails(Protocol):
    known_payers: set[str]

    def fail(
        self, row: int, col: int, message: str, value: object, expected: str
    ) -> InputError: ...  # pragma: no cover - a protocol


def read_actor_cell(
    reader: _Fails, row: int, col: int, kind: str, header: str, text: str
) -> str | dict[str, list[str]]:
    """An actor (kind ``"actor"``) or own perspectives (kind ``"perspectives"``).

    Parameters
    ----------
    reader
        The sheet reader: its known actors and its ``fail`` (an error at the cell).
    row, col
        The cell (1-based).
    kind
        ``"actor"`` or ``"perspectives"``.
    header
        The column's heading (for the message).
    text
        The cell's text.

    Returns
    -------
    str or dict
        The actor; or each perspective's name to its actors.

    Raises
    ------
    InputError
        An actor that is not standard nor declared (with "did you mean"); a perspective
        without ``name: actors``.

    Examples
    --------
    >>> class R:
    ...     known_payers = {"kommun", "region"}
    ...     def fail(self, row, col, message, value, expected):
    ...         return InputError(message, field=f"R{row}C{col}", value=value)
    >>> read_actor_cell(R(), 3, 2, "perspectives", "Egna perspektiv", "kr: kommun, region")
    {'kr': ['kommun', 'region']}
    >>> try:
    ...     read_actor_cell(R(), 3, 2, "actor", "Mottagare", "komun")
    ... except InputError as exc:
    ...     print(exc.message)
    Mottagare: unknown actor; did you mean 'kommun'?
    """
    if kind == "actor":
        if text not in reader.known_payers:
            raise reader.fail(
                row,
                col,
                f"{header}: unknown actor" + did_you_mean(text, reader.known_payers),
                text,
                f"one of {', '.join(sorted(reader.known_payers))} (declare others under "
                "Aktörer on the sheet Insats, e.g. kommun/socialnämnd)",
            )
        return text
    found: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, sep, members = part.partition(":")
        actors = [a.strip() for a in members.split(",") if a.strip()]
        if not sep or not name.strip() or not actors:
            raise reader.fail(
                row,
                col,
                f"{header}: a perspective is a name, a colon and its actors",
                text,
                "kommun_och_region: kommun, region (several separated by ;)",
            )
        found[name.strip()] = actors
    return found


def perspectives_text(perspectives: Mapping[str, Sequence[str]]) -> str | None:
    """Own perspectives as the template's cell writes them (None: none).

    Parameters
    ----------
    perspectives
        ``Settings.perspectives``.

    Returns
    -------
    str or None
        ``"name: actor, actor; name2: actor"``.

    Examples
    --------
    >>> perspectives_text({"kr": ["kommun", "region"], "s": ["stat"]})
    'kr: kommun, region; s: stat'
    """
    if not perspectives:
        return None
    return "; ".join(f"{name}: {', '.join(actors)}" for name, actors in perspectives.items())

"""Actors and perspectives: who pays, who receives, and whose answer a number is.

An *actor* is a party with its own budget: the standard ones (``kommun``, ``region``,
``stat``, ``individ``, ``övriga``) and those an intervention declares. A ``/`` nests an
actor under another (``"kommun/socialnämnd"``): its flows count for itself and roll up
to its parent. A *perspective* is a set of actors: its answer is the sum of its actors'
flows, so a transfer between two of its actors cancels. See ``docs/perspectives.md``.
This module is plain Python: the models validate with it, the engine expands with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sociokalkyl.errors import did_you_mean

__all__ = [
    "PERSPECTIVE_ALIASES",
    "PERSPECTIVE_PRESETS",
    "SOCIETY",
    "STANDARD_ACTORS",
    "check_actor",
    "members",
    "parent_of",
    "perspective_members",
    "perspective_name",
    "roots",
]

STANDARD_ACTORS: tuple[str, ...] = ("kommun", "region", "stat", "individ", "övriga")
"""The actors every analysis knows. ``övriga`` is the rest of society: employers who pay
a wage out of what the work produces, the users of what it produces, everyone else."""

SOCIETY = "samhället"
"""The perspective of every actor: all transfers cancel, production counts."""

PERSPECTIVE_PRESETS: dict[str, tuple[str, ...]] = {
    "kommun": ("kommun",),
    "offentlig_sektor": ("kommun", "region", "stat"),
    SOCIETY: STANDARD_ACTORS,
}
"""The preset perspectives by name; ``samhället`` also takes every declared actor."""

PERSPECTIVE_ALIASES: dict[str, str] = {
    "offentlig sektor": "offentlig_sektor",
    "samhallet": SOCIETY,
}
"""Other spellings of the presets' names (a space, no ring)."""


def parent_of(actor: str) -> str | None:
    """The actor one level up, or ``None`` for a top-level actor.

    Parameters
    ----------
    actor
        An actor's name, ``"/"`` between the levels.

    Returns
    -------
    str or None
        ``"kommun"`` for ``"kommun/socialnämnd"``.

    Examples
    --------
    >>> parent_of("kommun/socialnämnd"), parent_of("kommun")
    ('kommun', None)
    """
    head, sep, _ = actor.rpartition("/")
    return head if sep else None


def roots(actor: str) -> tuple[str, ...]:
    """The actor and every actor above it, itself first.

    Parameters
    ----------
    actor
        An actor's name.

    Returns
    -------
    tuple of str
        ``("kommun/soc/barn", "kommun/soc", "kommun")`` for ``"kommun/soc/barn"``.

    Examples
    --------
    >>> roots("kommun/socialnämnd")
    ('kommun/socialnämnd', 'kommun')
    """
    chain = [actor]
    while (up := parent_of(chain[-1])) is not None:
        chain.append(up)
    return tuple(chain)


def members(named: Iterable[str], actors: Sequence[str]) -> tuple[str, ...]:
    """The actors a list of names covers: each name and every actor nested under it.

    Parameters
    ----------
    named
        Actors' names (``["kommun", "region"]``).
    actors
        Every actor of the analysis, in order.

    Returns
    -------
    tuple of str
        The members, in the order of ``actors``.

    Examples
    --------
    >>> members(["kommun"], ["kommun", "region", "kommun/socialnämnd"])
    ('kommun', 'kommun/socialnämnd')
    """
    wanted = set(named)
    return tuple(a for a in actors if wanted.intersection(roots(a)))


def check_actor(name: str, known: Iterable[str], where: str) -> None:
    """Raise a ValueError naming ``where`` when ``name`` is not a known actor.

    Parameters
    ----------
    name
        The actor's name as written.
    known
        The actors of the analysis.
    where
        The field path, for the message (``"costs[0].recipient"``).

    Raises
    ------
    ValueError
        ``"costs[0].recipient: unknown actor 'kommun/soc'; did you mean ...? Expected
        one of ..."``.

    Examples
    --------
    >>> check_actor("kommun", ["kommun", "stat"], "payer")
    >>> try:
    ...     check_actor("komun", ["kommun", "stat"], "payer")
    ... except ValueError as exc:
    ...     print(str(exc)[:52])
    payer: unknown actor 'komun'; did you mean 'kommun'?
    """
    valid = list(known)
    if name in valid:
        return
    hint = did_you_mean(name, valid)
    raise ValueError(
        f"{where}: unknown actor {name!r}{hint} Expected one of {', '.join(sorted(valid))} "
        '(declare others in actors, e.g. actors = ["kommun/socialnämnd"])'
    )


def perspective_name(name: str) -> str:
    """The canonical name of a perspective: an alias becomes its preset's name.

    Parameters
    ----------
    name
        As written (``"offentlig sektor"``).

    Returns
    -------
    str
        ``"offentlig_sektor"``; any other name unchanged.

    Examples
    --------
    >>> perspective_name("offentlig sektor"), perspective_name("kommun")
    ('offentlig_sektor', 'kommun')
    """
    return PERSPECTIVE_ALIASES.get(name.strip(), name.strip())


def perspective_members(
    name: str, actors: Sequence[str], user: Mapping[str, Sequence[str]]
) -> tuple[str, ...]:
    """The actors of a perspective: a preset's or the user's, nested actors included.

    Parameters
    ----------
    name
        The perspective's name (canonical, see :func:`perspective_name`).
    actors
        Every actor of the analysis.
    user
        The user's perspectives by name (``Settings.perspectives``).

    Returns
    -------
    tuple of str
        Its members in the order of ``actors``; ``samhället`` is every actor.

    Examples
    --------
    >>> perspective_members("kommun", ["kommun", "stat", "kommun/soc"], {})
    ('kommun', 'kommun/soc')
    """
    if name == SOCIETY:
        return tuple(actors)
    named = user[name] if name in user else PERSPECTIVE_PRESETS[name]
    return members(named, actors)

"""``--perspective NAME``: the perspective of the headline, for ``run``, ``jamfor``,
``tornado`` and ``brytpunkt`` (see ``docs/perspectives.md``).

The name is alias-aware (``"offentlig sektor"``, ``samhallet``); an unknown name is a
usage error in the command line's language with the closest known name.
"""

from __future__ import annotations

import argparse
import difflib

from sociokalkyl.cli._lang import UsageError, current_lang
from sociokalkyl.language.perspectives import perspective_label
from sociokalkyl.model.actors import PERSPECTIVE_PRESETS, perspective_name
from sociokalkyl.scenario.read import Scenario

__all__ = ["add_perspective_option", "with_perspective"]


def add_perspective_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--perspective NAME`` to a command's parser.

    Parameters
    ----------
    parser
        The command's parser.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_perspective_option(parser)
    >>> parser.parse_args(["--perspective", "kommun"]).perspective
    'kommun'
    """
    parser.add_argument(
        "--perspective",
        metavar="NAMN" if current_lang() == "sv" else "NAME",
        help=perspective_label("help.perspective", current_lang()),
    )


def with_perspective(scenario: Scenario, name: str | None, flag: str = "--perspective") -> Scenario:
    """``scenario`` with its headline perspective set to ``name`` (None: unchanged).

    Parameters
    ----------
    scenario
        A scenario file read by :func:`~sociokalkyl.scenario.read.load_scenario`.
    name
        A preset (``kommun``, ``offentlig_sektor`` or ``"offentlig sektor"``,
        ``samhället`` or ``samhallet``) or one of the file's ``settings.perspectives``.
    flag
        The option's name, for the message.

    Returns
    -------
    Scenario
        The scenario with ``settings.perspective`` set (the canonical name).

    Raises
    ------
    UsageError
        For an unknown name: the closest known name and the list.

    Examples
    --------
    >>> from importlib import resources
    >>> from sociokalkyl.scenario.read import load_scenario
    >>> path = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    >>> with_perspective(load_scenario(path), "offentlig sektor").settings.perspective
    'offentlig_sektor'
    >>> with_perspective(load_scenario(path), "komun")
    Traceback (most recent call last):
    ...
    sociokalkyl.cli._lang.UsageError: --perspective: okänt perspektiv 'komun'. Menade du \
'kommun'? Förväntat ett av: kommun, offentlig_sektor, samhället, t.ex. --perspective samhället
    """
    if name is None:
        return scenario
    canonical = perspective_name(name)
    known = [*PERSPECTIVE_PRESETS, *scenario.settings.perspectives]
    if canonical not in known:
        lang = current_lang()
        close = difflib.get_close_matches(canonical, known, n=1, cutoff=0.6)
        hint = perspective_label("did_you_mean", lang).format(name=close[0]) if close else ""
        raise UsageError(
            perspective_label("unknown_perspective", lang).format(
                flag=flag, name=name, hint=hint, known=", ".join(known)
            )
        )
    settings = scenario.settings.model_copy(update={"perspective": canonical})
    return scenario.model_copy(update={"settings": settings})

"""Every command's and subcommand's ``--help`` is Swedish by default (issue 13).

The goldens (tests/test_cli_golden.py) pin the text of the main commands; this test
walks the parser itself, so a command added later (``priser uppdatera`` and the like)
is checked too: ``sociokalkyl ... --help`` answers in Swedish, with no common English
word outside the command and option names and the examples to copy.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from error_sites import english_words
from sociokalkyl.cli._lang import speaking
from sociokalkyl.cli.main import build_parser, main


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    """Every command path under ``parser``: (), ("run",), ("priser", "uppdatera"), ..."""
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:  # an alias is the same parser
                    seen.add(id(sub))
                    yield from _commands(sub, (*path, name))


with speaking("sv"):
    COMMANDS = sorted(_commands(build_parser()))

_CODE = re.compile(r"--?[\w-]+|\b\w+_\w+\b|\{[^}]*\}|[\w./-]+\.(?:toml|xlsx|csv|json|yaml|md)\b")
"""Option names, snake_case names, choices and file names: shown as they are."""


def _help(command: tuple[str, ...]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([*command, "--help"])
    assert code == 0
    return out.getvalue()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "sociokalkyl")
def test_every_help_is_swedish(command: tuple[str, ...]) -> None:
    text = _help(command)
    assert text.startswith("användning: sociokalkyl"), text[:80]
    english = english_words(_CODE.sub(" ", text))
    assert not english, (command, english)


def test_the_walk_finds_the_nested_commands() -> None:
    assert ("priser", "uppdatera") in COMMANDS
    assert len(COMMANDS) > 15


def test_the_check_sees_english() -> None:
    """The same check fails on the English help, so it can fail."""
    assert english_words(_CODE.sub(" ", _help(("run", "--lang", "en"))))

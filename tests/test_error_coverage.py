"""Every error the package can raise reads in Swedish on the command line (issue 13).

The sites come from an AST scan of ``src/sociokalkyl`` (:mod:`error_sites`): each
``raise InputError(...)`` and kin, ``Problem(...)``, ``unknown_name(...)``, and the
``ValueError`` / ``PydanticCustomError`` of pydantic validators, whose message and
``expected=`` are literals or f-strings, filled with placeholders. Each is rendered as
the command line renders it in Swedish, both as an error
(:func:`~sociokalkyl.cli._errors.error_text`) and as a scenario file's problem, where an
error raised inside a validator arrives as one text with its ``(got ...)`` and
``; expected ...`` (:func:`~sociokalkyl.cli._errors.problem_text`), and must hold no
common English word.

Sites that do not yet read in Swedish are listed in ``tests/english_errors.txt`` (a
ratchet: a listed site that becomes Swedish must leave the list, a new English site
fails). :data:`EXEMPT` names the few a user cannot reach, each with its reason. Run
``python tests/test_error_coverage.py`` for the figures.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from error_sites import Site, english_words, error_sites, pydantic_messages
from sociokalkyl.cli._errors import error_text, problem_text
from sociokalkyl.cli._lang import speaking
from sociokalkyl.engine.overlap import OverlapWarning
from sociokalkyl.errors import InputError
from sociokalkyl.language.cli import CLI_WORDS
from sociokalkyl.model.plausibility import PlausibilityWarning
from sociokalkyl.scenario.read import Problem

GAPS_FILE = Path(__file__).with_name("english_errors.txt")

EXEMPT: dict[str, str] = {
    "engine/compile_units.py | kommun: kommun cannot become kommun | ": "the text before "
    "the colon is another error's message (units/convert.py's 'has the wrong dimension', "
    "checked there); the scan cannot see it, the whole reads in Swedish",
}
"""key -> why a user cannot meet the message (an internal check of the library)."""


def key(site: Site) -> str:
    """A stable name for a site: its module, message and expectation (not its line)."""
    module = site.where.rsplit(":", 1)[0]
    message = site.messages[0] if site.messages else ""
    expected = site.expected[0] if site.expected else ""
    return f"{module} | {message} | {expected}".replace("\n", "\\n")


def renderings(kind: str, message: str, expected: str | None) -> Iterator[str]:
    """The error as the command line shows it in Swedish, in each of its paths.

    An error of the library is shown from its fields (with a value, ``(fick 12)``), or,
    raised inside a validator, as one text with its own framing; a validator's
    ``ValueError`` and a reader's problem are one text as written.
    """
    with speaking("sv"):
        if kind in {"ValueError", "PydanticCustomError", "Problem"}:
            yield problem_text(Problem("a.toml", "", message or "x", expected=expected))
            return
        yield error_text(InputError(message or "x", value=12, expected=expected))
        inline = str(InputError(message or "x", value=12, expected=expected))
        yield problem_text(Problem("a.toml", "", inline))


def leftover(site: Site) -> list[str]:
    """The English words left in the site's best variant (empty: it reads in Swedish)."""
    best: list[str] | None = None
    for message in site.messages or ("",):
        for expected in site.expected or (None,):
            words = sorted(
                {w for t in renderings(site.kind, message, expected) for w in english_words(t)}
            )
            if best is None or len(words) < len(best):
                best = words
    return best or []


SITES = [site for site in error_sites() if site.messages or site.expected]
BY_KEY = {key(site): site for site in SITES}
GAPS = {
    line for line in GAPS_FILE.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
}


@pytest.mark.parametrize("name", sorted(BY_KEY))
def test_each_error_reads_in_swedish(name: str) -> None:
    words = leftover(BY_KEY[name])
    if name in EXEMPT:
        return
    if name in GAPS:
        assert words, f"now Swedish: remove it from {GAPS_FILE.name}: {name}"
    else:
        assert not words, f"English words {words} left in: {name}"


def test_the_gap_list_names_only_sites_that_exist() -> None:
    assert set(BY_KEY) >= GAPS, sorted(GAPS - set(BY_KEY))[:5]


def test_the_scan_finds_the_known_sites() -> None:
    """The scan is not empty by mistake: it finds sites in every layer that raises."""
    modules = {site.where.split("/")[0] for site in SITES}
    assert {"units", "model", "scenario", "money", "sources", "uncertainty"} <= modules
    assert len(SITES) > 250


@pytest.mark.parametrize(("kind", "message"), pydantic_messages())
def test_pydantic_errors_read_in_swedish(kind: str, message: str) -> None:
    with speaking("sv"):
        text = problem_text(Problem("a.toml", "x", message))
    assert not english_words(text), (kind, text)


def test_every_swedish_cli_word_is_swedish() -> None:
    """The command line's own words (usage errors, notes): the Swedish side of each pair."""
    english = {name: english_words(sv) for name, (sv, _) in CLI_WORDS.items()}
    assert not {name: words for name, words in english.items() if words}


@pytest.mark.parametrize(
    "warning",
    [
        PlausibilityWarning("target_group.intake", "participants", 20_000, 10_000),
        PlausibilityWarning("costs[0].amount", "amount", 2e9, 1e9),
        OverlapWarning("hvb", ("effects[0]", "outcome_effects[0]"), "max"),
        OverlapWarning("hvb", ("effects[0]", "outcome_effects[0]"), "add"),
    ],
    ids=lambda w: type(w).__name__,
)
def test_the_warnings_the_cli_prints_read_in_swedish(
    warning: PlausibilityWarning | OverlapWarning,
) -> None:
    """The warnings ``run`` prints under the summary (implausible sizes, overlaps)."""
    assert not english_words(warning.text("sv")), warning.text("sv")
    assert english_words(warning.text("en"))


def figures() -> dict[str, int]:
    """The coverage as numbers: sites, distinct messages, Swedish, gaps, exempt."""
    every = list(error_sites())
    swedish = [name for name, site in BY_KEY.items() if not leftover(site)]
    return {
        "sites": len(every),
        "sites_with_literal_text": len(SITES),
        "sites_without_literal_text": len(every) - len(SITES),
        "distinct_messages": len(BY_KEY),
        "swedish": len(swedish),
        "english_gaps": len(GAPS),
        "exempt": len(EXEMPT),
    }


def english_now() -> list[str]:
    """The keys of the sites that do not read in Swedish now (exemptions aside)."""
    return [name for name, site in sorted(BY_KEY.items()) if name not in EXEMPT and leftover(site)]


_HEADER = """\
# Error messages that do not yet read in Swedish on the command line (issue 13).
# tests/test_error_coverage.py: module | message | expected, with placeholders filled in.
# A site that becomes Swedish must leave this list; a new one must not join it.
# Rewrite it with: python tests/test_error_coverage.py --write-gaps
"""


if __name__ == "__main__":  # pragma: no cover
    for name, number in figures().items():
        print(f"{name}: {number}")
    if "--write-gaps" in sys.argv:
        GAPS_FILE.write_text(_HEADER + "".join(f"{n}\n" for n in english_now()), encoding="utf-8")

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

The other direction: an error worded from a word table *where it is raised* with a
Swedish-default helper (``price_text(...)`` without ``lang``) would stay Swedish under
``--lang en`` and from the Python API. :mod:`worded_sites` finds every error worded from
the tables; each must be bilingual (:class:`~sociokalkyl.errors.Words`, made by the
``*_words`` helpers of :mod:`sociokalkyl.language.bilingual`).
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
from sociokalkyl.errors import InputError, Words
from sociokalkyl.language.cli import CLI_WORDS
from sociokalkyl.language.prices import PRICE_TEXTS
from sociokalkyl.language.template_outcomes import OUTCOME_SHEET_TEXTS
from sociokalkyl.model.plausibility import PlausibilityWarning
from sociokalkyl.scenario.read import Problem
from worded_sites import worded_sites

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


WORDED = list(worded_sites())


def test_no_error_is_worded_from_a_swedish_default_table() -> None:
    """Every error worded from the tables carries both languages (Words)."""
    swedish = [f"{site.where}: {', '.join(site.swedish)}" for site in WORDED if site.swedish]
    assert not swedish, "use the *_words helpers of language/bilingual.py: " + str(swedish)


def test_the_word_table_scan_finds_the_bilingual_sites() -> None:
    """The scan is not empty by mistake: SCB, the KPI cache, Prisindex, the outcome sheets."""
    modules = {site.where.rsplit(":", 1)[0] for site in WORDED if site.bilingual}
    assert {
        "money/cache.py",
        "money/extend.py",
        "sources/scb/client.py",
        "sources/scb/jsonstat.py",
        "sources/scb/transport.py",
        "scenario/excel_prices.py",
        "scenario/excel_outcome_read.py",
    } <= modules
    assert len(WORDED) >= 40


def test_the_word_table_scan_catches_a_swedish_default_site(tmp_path: Path) -> None:
    """A raise worded with a Swedish-default helper, directly or through a local
    variable or a helper function, is found; one given a language, or worded with a
    ``*_words`` helper, is not reported as Swedish."""
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "t.py").write_text(
        'def t(key: str, lang: str = "sv") -> str: ...\ndef t_words(key: str) -> Words: ...\n'
    )
    (tmp_path / "m.py").write_text(
        "from sociokalkyl.language.t import t as _t, t_words\n"
        "def f(x):\n"
        '    raise InputError(_t("a"))\n'
        "def g(x):\n"
        '    message = _t("b")\n'
        "    raise DataSourceError(message, field='x')\n"
        "def _fail(problem, expected):\n"
        '    return InputError(f"{problem}!", expected=expected)\n'
        "def h(x):\n"
        '    raise _fail("c", _t("d"))\n'
        "def k(x):\n"
        '    raise InputError(_t("e", "en"), expected=t_words("f"))\n'
    )
    found = {site.where: site for site in worded_sites(tmp_path)}
    assert {where for where, site in found.items() if site.swedish} == {
        "m.py:3",
        "m.py:6",
        "m.py:10",
    }
    assert found["m.py:12"].bilingual
    assert not found["m.py:12"].swedish


@pytest.mark.parametrize("table", [PRICE_TEXTS, OUTCOME_SHEET_TEXTS], ids=["prices", "outcomes"])
def test_the_bilingual_tables_swedish_half_is_swedish(table: dict[str, tuple[str, str]]) -> None:
    """The Swedish half of every entry the bilingual errors are worded from."""
    assert not {key: english_words(sv) for key, (sv, _) in table.items() if english_words(sv)}


def test_words_are_shown_in_the_chosen_language_untranslated() -> None:
    words = Words("är inget årtal", "is not a year")
    err = InputError(
        words, field="Prisindex!B4", value=2024.5, expected=Words("t.ex. 2024", "e.g. 2024")
    )
    assert str(err) == "Prisindex!B4: is not a year (got 2024.5); expected e.g. 2024"
    with speaking("sv"):
        assert error_text(err) == "Prisindex!B4: är inget årtal (fick 2024.5); väntat: t.ex. 2024"
        problem = Problem("a.xlsx", "x", words, expected=Words("t.ex. 2024", "e.g. 2024"))
        assert problem_text(problem) == "a.xlsx: x: är inget årtal; väntat: t.ex. 2024"
    with speaking("en"):
        assert error_text(err) == str(err)


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
        "worded_from_tables": len(WORDED),
        "worded_bilingual": sum(site.bilingual and not site.swedish for site in WORDED),
        "worded_swedish_default": sum(bool(site.swedish) for site in WORDED),
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

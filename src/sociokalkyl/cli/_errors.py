"""How the command line writes a library's error: the framing in its language.

A :class:`~sociokalkyl.scenario.read.ScenarioError` becomes one ``fel:`` line a problem
and a count; any other :class:`~sociokalkyl.errors.SociokalkylError` one ``fel:`` line.
The place (file and line, sheet and cell, field) and the value are shown as they are;
the framing (``(fick ...)``, ``; väntat: ...``) and the commonest wordings of the readers
(:mod:`sociokalkyl.language.cli_problems`) follow the command line's language. A message
worded where it was raised in both languages (:class:`~sociokalkyl.errors.Words`) is
shown in the command line's language as it is, untranslated.
"""

from __future__ import annotations

from typing import TextIO

from sociokalkyl.cli._lang import current_lang, say
from sociokalkyl.errors import SociokalkylError, Words
from sociokalkyl.language.cli_problems import swedish_problem
from sociokalkyl.language.error_words import swedish_value
from sociokalkyl.language.safety import clean_text
from sociokalkyl.scenario.read import Problem, ScenarioError

__all__ = ["error_text", "problem_text", "report_problems"]


def report_problems(exc: ScenarioError, stderr: TextIO) -> None:
    """Write each problem of ``exc`` as an ``error:`` line, then how many there were.

    Parameters
    ----------
    exc
        The error with the file's problems (each with its file, line and field).
    stderr
        Where the lines go.

    Examples
    --------
    >>> import io
    >>> from sociokalkyl.scenario.read import Problem
    >>> err = io.StringIO()
    >>> report_problems(ScenarioError([Problem("a.toml", "settings", "is missing")]), err)
    >>> err.getvalue().splitlines()[-1]
    '1 problem hittades'
    """
    for problem in exc.problems:
        stderr.write(clean_text(f"{say('error')}: {problem_text(problem)}") + "\n")
    count = len(exc.problems)
    stderr.write(say("problems_found", n=count, s="s" if count != 1 else "") + "\n")


def problem_text(problem: Problem) -> str:
    """One problem in the current language: ``file:line: field: message (got ...)``.

    The message itself is in the language the file was read in; the framing around it
    (what was given, what was expected) follows the command line's language.

    Parameters
    ----------
    problem
        A problem of a :class:`~sociokalkyl.scenario.read.ScenarioError`.

    Returns
    -------
    str

    Examples
    --------
    >>> problem_text(Problem("a.toml", "settings.horizon", "saknas", 3, expected="t.ex. 10"))
    'a.toml:3: settings.horizon: saknas; väntat: t.ex. 10'
    """
    text = f"{problem.location()}: "
    if problem.field:
        text += f"{problem.field}: "
    text += _words(problem.message)
    if problem.value is not None and problem.value not in str(problem.message):
        text += say("got", value=_value(problem.value))
    if problem.expected and str(problem.expected) not in str(problem.message):
        text += say("expected", expected=_words(problem.expected))
    return text


def _words(text: str | Words) -> str:
    """A text in the command line's language: the chosen half of :class:`Words`, or a
    reader's English wording translated where it is known."""
    if isinstance(text, Words):
        return text.pick(current_lang())
    return swedish_problem(text) if current_lang() == "sv" else text


def _value(value: str) -> str:
    """A value the library wrote itself (a size in bytes) in the command line's language."""
    return swedish_value(value) if current_lang() == "sv" else value


def error_text(exc: SociokalkylError) -> str:
    """An error of the library as one line in the command line's language.

    The field (a file, sheet and cell, or field path) and the value are shown as they
    are; the framing, and the message and what was expected where their wording is known
    (:mod:`sociokalkyl.language.cli_problems`), follow the language.

    Parameters
    ----------
    exc
        The error.

    Returns
    -------
    str

    Examples
    --------
    >>> from sociokalkyl.errors import InputError
    >>> error_text(InputError("is not a number", field="Insats!B4", value="tio"))
    "Insats!B4: är inte ett tal (fick 'tio')"
    >>> error_text(InputError(Words("är inget årtal", "is not a year"), field="Prisindex!B4"))
    'Prisindex!B4: är inget årtal'
    """
    text = f"{exc.field}: " if exc.field else ""
    text += _words(exc.message)
    if exc.value is not None:
        value = exc.value
        text += say("got", value=repr(_value(value) if isinstance(value, str) else value))
    if exc.expected:
        text += say("expected", expected=_words(exc.expected))
    return text

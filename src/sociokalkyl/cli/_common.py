"""What the commands share: the usage error, file checks, messages and output.

Every command module (:mod:`~sociokalkyl.cli.run`, :mod:`~sociokalkyl.cli.init`,
:mod:`~sociokalkyl.cli.validate`, :mod:`~sociokalkyl.cli.schema`) builds on these; the
dispatcher in :mod:`~sociokalkyl.cli.main` turns a :class:`UsageError` into exit code 2.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from sociokalkyl._atomic import replaceable_path, write_atomic
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import CLI_MESSAGES
from sociokalkyl.language.safety import clean_text
from sociokalkyl.report.formats import Lang
from sociokalkyl.scenario.read import FORMATS, ScenarioError

__all__ = [
    "MESSAGES",
    "Parser",
    "UsageError",
    "emit",
    "input_path",
    "message",
    "output_path",
    "positive_int",
    "report_problems",
]


class UsageError(Exception):
    """The command was used wrongly (exit code 2).

    Examples
    --------
    >>> str(UsageError("--seed goes with --draws N"))
    '--seed goes with --draws N'
    """


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so ``main()`` returns the code.

    Examples
    --------
    >>> parser = Parser(prog="sociokalkyl")
    >>> try:
    ...     parser.parse_args(["--nej"])
    ... except UsageError as exc:
    ...     print(str(exc).splitlines()[0])
    sociokalkyl: unrecognized arguments: --nej
    """

    def error(self, message: str) -> NoReturn:
        """Raise a :class:`UsageError` with ``message`` and a pointer to ``--help``."""
        raise UsageError(f"{self.prog}: {message}\n(see `{self.prog} --help`)")


def positive_int(text: str) -> int:
    """A whole number of at least 1, spaces and underscores allowed (``"20 000"``).

    Parameters
    ----------
    text
        The argument as typed.

    Returns
    -------
    int
        The number.

    Raises
    ------
    argparse.ArgumentTypeError
        For text that is not a whole number, or a number below 1.

    Examples
    --------
    >>> positive_int("20 000")
    20000
    """
    try:
        value = int(text.replace(" ", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def input_path(text: str) -> Path:
    """The scenario file named by ``text``; a usage error if it cannot be one.

    Parameters
    ----------
    text
        The path as typed.

    Returns
    -------
    pathlib.Path
        An existing file with a scenario suffix (``.toml``, ``.yaml``, ``.yml``,
        ``.json``, ``.xlsx``).

    Raises
    ------
    UsageError
        For a missing file, a directory or an unknown suffix.

    Examples
    --------
    >>> try:
    ...     input_path("saknas.toml")
    ... except UsageError as exc:
    ...     print(exc)
    saknas.toml: no such file
    """
    path = Path(text)
    if not path.exists():
        raise UsageError(f"{text}: no such file")
    if path.is_dir():
        raise UsageError(f"{text}: is a directory; expected a scenario file")
    if path.suffix.lower() not in FORMATS:
        raise UsageError(
            f"{text}: unknown file format {path.suffix or '(no suffix)'!r}; expected a file "
            "ending in .toml, .yaml, .yml, .json or .xlsx"
        )
    return path


def output_path(text: str, inputs: Sequence[Path] = (), *, overwrite: bool = True) -> Path:
    """The file ``--out`` names; a usage error for a directory or one of the inputs.

    Parameters
    ----------
    text
        The path as typed.
    inputs
        Files the command reads; writing over one of them is refused.
    overwrite
        Whether an existing regular file may be replaced (``--force``); something that
        is not a regular file (a device, a pipe, a link to nothing) never is.

    Returns
    -------
    pathlib.Path
        A file name in an existing directory.

    Raises
    ------
    UsageError
        For a directory, an input file, a missing parent directory, something that is
        not a regular file, or an existing file without ``overwrite``.

    Examples
    --------
    >>> output_path("resultat.md").name
    'resultat.md'
    """
    path = Path(text)
    if path.is_dir() or text.endswith(("/", os.sep)):
        raise UsageError(f"--out {text}: is a directory; expected a file name")
    for source in inputs:
        if path.resolve() == source.resolve() or (
            path.exists() and source.exists() and path.samefile(source)
        ):
            raise UsageError(f"--out {text}: is the input file; refusing to overwrite it")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"--out {text}: the directory {path.parent} does not exist")
    try:
        replaceable_path(path)
    except InputError:
        raise UsageError(
            f"--out {text}: is not a regular file (a device, pipe, socket or a link to "
            "nothing); refusing to replace it, also with --force"
        ) from None
    if not overwrite and os.path.lexists(path):
        raise UsageError(f"--out {text}: already exists; use --force to overwrite it")
    return path


MESSAGES = CLI_MESSAGES
"""The command line's status lines (in :mod:`sociokalkyl.language.labels`)."""


def message(key: str, lang: Lang, **values: Any) -> str:
    """The status line ``key`` of :data:`MESSAGES` in ``lang``, filled with ``values``.

    Parameters
    ----------
    key
        A key of :data:`MESSAGES`.
    lang
        ``"sv"`` or ``"en"``.
    **values
        The fields of the format string (``path``, ``n``, ...).

    Returns
    -------
    str
        The line, without a newline.

    Examples
    --------
    >>> message("wrote", "sv", path="r.md")
    'skrev r.md'
    >>> message("effects", "en", n=2)
    '2 effect(s)'
    """
    sv, en = MESSAGES[key]
    return (sv if lang == "sv" else en).format(**values)


def emit(text: str, out: Path | None, stdout: TextIO, *, overwrite: bool = True) -> None:
    """Write ``text`` to ``stdout``, or atomically to the file ``out`` (UTF-8).

    Parameters
    ----------
    text
        What to write.
    out
        The file to write (a temporary file, then a rename), or None for ``stdout``.
    stdout
        The stream used when ``out`` is None.
    overwrite
        Whether an existing regular file ``out`` may be replaced (``--force``).

    Examples
    --------
    >>> import io
    >>> screen = io.StringIO()
    >>> emit("hej\\n", None, screen)
    >>> screen.getvalue()
    'hej\\n'
    """
    if out is None:
        stdout.write(text)
    else:
        write_atomic(out, text.encode("utf-8"), overwrite=overwrite)


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
    '1 problem found'
    """
    for problem in exc.problems:
        stderr.write(clean_text(f"error: {problem}") + "\n")
    count = len(exc.problems)
    stderr.write(f"{count} problem{'s' if count != 1 else ''} found\n")

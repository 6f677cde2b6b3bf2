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
from typing import Any, TextIO

from sociokalkyl._atomic import replaceable_path, write_atomic
from sociokalkyl.cli._errors import error_text, problem_text, report_problems
from sociokalkyl.cli._lang import Parser, UsageError, current_lang, say
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import CLI_MESSAGES
from sociokalkyl.report.formats import Lang
from sociokalkyl.scenario.read import FORMATS, Scenario

__all__ = [
    "MESSAGES",
    "Parser",
    "UsageError",
    "add_lang_option",
    "add_width_option",
    "check_scenario_names",
    "emit",
    "error_text",
    "input_path",
    "message",
    "one_scenario",
    "output_path",
    "positive_int",
    "problem_text",
    "report_problems",
    "say",
]


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
        raise argparse.ArgumentTypeError(say("not_whole", text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(say("at_least_1", value=value))
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
    saknas.toml: filen finns inte
    """
    path = Path(text)
    if not path.exists():
        raise UsageError(say("no_such_file", path=text))
    if path.is_dir():
        raise UsageError(say("is_directory", path=text))
    if path.suffix.lower() not in FORMATS:
        raise UsageError(say("unknown_format", path=text, suffix=path.suffix or say("no_suffix")))
    return path


def output_path(
    text: str, inputs: Sequence[Path] = (), *, overwrite: bool = True, flag: str = "--out"
) -> Path:
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
    flag
        The option that named the file, for the messages (``""`` for a positional).

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
    where = {"flag": flag, "path": text}
    if path.is_dir() or text.endswith(("/", os.sep)):
        raise UsageError(say("out_is_dir", **where).lstrip())
    for source in inputs:
        if path.resolve() == source.resolve() or (
            path.exists() and source.exists() and path.samefile(source)
        ):
            raise UsageError(say("out_is_input", **where).lstrip())
    if not path.resolve().parent.is_dir():
        raise UsageError(say("no_directory", parent=path.parent, **where).lstrip())
    try:
        replaceable_path(path)
    except InputError:
        raise UsageError(say("not_regular", **where).lstrip()) from None
    if not overwrite and os.path.lexists(path):
        raise UsageError(say("exists", **where).lstrip())
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


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang sv|en`` to ``parser``, defaulting to the command line's language.

    Parameters
    ----------
    parser
        A command's parser.

    Examples
    --------
    >>> parser = Parser(prog="x")
    >>> add_lang_option(parser)
    >>> parser.parse_args([]).lang, parser.parse_args(["--lang", "en"]).lang
    ('sv', 'en')
    """
    parser.add_argument(
        "--lang", choices=["sv", "en"], default=current_lang(), help=say("help.lang")
    )


def add_width_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--bredd N`` (``--width``): the tables' width, default the terminal's.

    Parameters
    ----------
    parser
        A command's parser.

    Examples
    --------
    >>> parser = Parser(prog="x")
    >>> add_width_option(parser)
    >>> parser.parse_args(["--bredd", "80"]).width
    80
    """
    parser.add_argument(
        "--bredd", "--width", dest="width", type=positive_int, metavar="N", help=say("help.width")
    )


def one_scenario(names: list[str] | None, file: str) -> str | None:
    """The one ``--scenario`` of ``run``; several are refused, pointing to ``jamfor``.

    Parameters
    ----------
    names
        The ``--scenario`` values in order (None when none was given).
    file
        The scenario file, for the suggested command.

    Returns
    -------
    str or None

    Raises
    ------
    UsageError
        For more than one name.

    Examples
    --------
    >>> one_scenario(["a"], "k.toml") is None, one_scenario(None, "k.toml")
    (False, None)
    >>> try:
    ...     one_scenario(["a", "b"], "k.toml")
    ... except UsageError as exc:
    ...     print(str(exc).split(": ")[-1])
    sociokalkyl jamfor k.toml --scenario a --scenario b
    """
    if not names:
        return None
    if len(names) > 1:
        flags = " ".join(f"--scenario {name}" for name in names)
        raise UsageError(
            say("several_scenarios", n=len(names), names=", ".join(names), file=file, flags=flags)
        )
    return names[0]


def check_scenario_names(names: Sequence[str], scenario: Scenario) -> None:
    """A usage error for the first of ``names`` that ``scenario`` has no scenario of.

    Parameters
    ----------
    names
        The ``--scenario`` values.
    scenario
        The file as read.

    Raises
    ------
    UsageError
        Naming the scenario and listing the file's.

    Examples
    --------
    >>> from sociokalkyl.examples.bundled import scenario
    >>> check_scenario_names(["pessimistisk"], scenario("servicetrainee"))
    >>> try:
    ...     check_scenario_names(["realistisk"], scenario("servicetrainee"))
    ... except UsageError as exc:
    ...     print(exc)
    --scenario realistisk: scenariot finns inte; filen har: optimistisk, pessimistisk
    """
    for name in names:
        if name not in scenario.scenarios:
            names_there = ", ".join(sorted(scenario.scenarios)) or say("no_scenarios_in_file")
            raise UsageError(say("no_scenario", name=name, names=names_there))

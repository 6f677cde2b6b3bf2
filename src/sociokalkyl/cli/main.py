"""The command ``sociokalkyl``: a thin wrapper over the library for scenario files.

Commands::

    sociokalkyl run FILE [--format table|json|csv|md|xlsx] [--out PATH [--force]] [--lang sv|en]
                         [--scenario NAME] [--draws N --seed S] [--debug]
    sociokalkyl init [--example NAME] [--format toml|yaml|json|xlsx] [--force] PATH
    sociokalkyl validate FILE [--json]
    sociokalkyl schema [--out PATH]
    sociokalkyl catalogue ...
    sociokalkyl --version

One module a command (:mod:`~sociokalkyl.cli.run`, :mod:`~sociokalkyl.cli.init`,
:mod:`~sociokalkyl.cli.validate`, :mod:`~sociokalkyl.cli.schema`,
:mod:`~sociokalkyl.cli.catalogue`); this one builds the parser and dispatches.

Exit codes: 0 success, 1 a calculation or validation problem (the file's content),
2 a usage error (unknown option, missing file, a directory, an unknown format, an
output that would overwrite the input, an existing file without ``--force``, or
something that is not a regular file). Errors go to stderr as one clear message per
problem; ``--debug`` adds the Python traceback.

See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from importlib import metadata
from typing import TextIO

from sociokalkyl.cli._common import Parser, UsageError, error_text, report_problems
from sociokalkyl.cli._lang import lang_of, say, speaking
from sociokalkyl.cli.break_even import add_break_even_parser, break_even_command
from sociokalkyl.cli.catalogue import add_catalogue_parser
from sociokalkyl.cli.effekt import add_effekt_parser
from sociokalkyl.cli.init import add_init_parser, init_command
from sociokalkyl.cli.jamfor import add_compare_parser, compare_command
from sociokalkyl.cli.konvertera import add_convert_parser, convert_command
from sociokalkyl.cli.portfolj import add_portfolj_parser
from sociokalkyl.cli.priser import add_priser_parser
from sociokalkyl.cli.run import add_run_parser, run_command
from sociokalkyl.cli.schema import add_schema_parser, schema_command
from sociokalkyl.cli.tornado import add_tornado_parser, tornado_command
from sociokalkyl.cli.uppfoljning import add_uppfoljning_parser
from sociokalkyl.cli.validate import add_validate_parser, validate_command
from sociokalkyl.cli.vardet import add_vardet_parser
from sociokalkyl.errors import SociokalkylError
from sociokalkyl.examples.bundled import DESCRIPTIONS
from sociokalkyl.language.safety import clean_text
from sociokalkyl.scenario.read import ScenarioError

__all__ = ["EXAMPLES", "UsageError", "build_parser", "main"]

EXAMPLES: dict[str, str] = DESCRIPTIONS
"""The bundled example scenarios (``sociokalkyl init --example NAME``)."""

_STREAM_COMMANDS = (
    run_command,
    init_command,
    validate_command,
    schema_command,
    compare_command,
    tornado_command,
    break_even_command,
    convert_command,
)
"""Commands called as ``func(args, stdout, stderr)``; ``catalogue`` takes ``args`` only."""


def _version() -> str:
    """The installed distribution's version (``pip install`` records it from pyproject.toml).

    Read from the package metadata rather than the root package, which no module inside
    the package imports (the root imports them).
    """
    try:
        return metadata.version("sociokalkyl")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "(version unknown: not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sociokalkyl``, one subparser a command.

    Returns
    -------
    argparse.ArgumentParser
        A parser that raises :class:`~sociokalkyl.cli._common.UsageError` instead of
        exiting; each command's namespace has ``func``, the function to call.

    Examples
    --------
    >>> args = build_parser().parse_args(["run", "kalkyl.toml", "--lang", "en"])
    >>> args.command, args.file, args.lang
    ('run', 'kalkyl.toml', 'en')
    """
    common = Parser(add_help=False)
    common.add_argument("--debug", action="store_true", help=say("help.debug"))
    parser = Parser(
        prog="sociokalkyl", description=say("help.description"), epilog=say("help.epilog")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"sociokalkyl {_version()}",
        help=say("help.version"),
    )
    parser.add_argument("--lang", dest="main_lang", choices=["sv", "en"], help=say("help.lang"))
    sub = parser.add_subparsers(dest="command", metavar=say("help.command"), parser_class=Parser)
    add_run_parser(sub, common)
    add_init_parser(sub, common)
    add_validate_parser(sub, common)
    add_schema_parser(sub, common)
    add_compare_parser(sub, common)
    add_tornado_parser(sub, common)
    add_break_even_parser(sub, common)
    add_convert_parser(sub, common)
    add_catalogue_parser(sub)
    add_effekt_parser(sub, common)
    add_vardet_parser(sub, common)
    add_uppfoljning_parser(sub, common)
    add_portfolj_parser(sub, common)
    add_priser_parser(sub, common)
    return parser


def _dispatch(arguments: list[str], stdout: TextIO, stderr: TextIO) -> int:
    """Parse ``arguments`` and run the command they name; its exit code."""
    parser = build_parser()
    args = parser.parse_args(arguments)
    if getattr(args, "func", None) is None:
        parser.print_help(stderr)
        return 2
    func = args.func
    if func in _STREAM_COMMANDS:
        code: int = func(args, stdout, stderr)
        return code
    return int(func(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sociokalkyl`` with ``argv``; return the exit code instead of exiting.

    Parameters
    ----------
    argv
        The arguments after the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 success; 1 a problem with the file's content or the calculation; 2 a usage
        error; 130 interrupted. Errors are written to ``sys.stderr``, one line a
        problem, with a traceback only under ``--debug``.

    Examples
    --------
    >>> main(["--version"])  # doctest: +ELLIPSIS
    sociokalkyl ...
    0
    >>> main(["run", "saknas.toml"])
    2
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    with speaking(lang_of(arguments)):
        return _main(arguments, sys.stdout, sys.stderr)


def _main(arguments: list[str], stdout: TextIO, stderr: TextIO) -> int:
    """:func:`main` in the language already chosen; every error becomes a message."""
    debug = "--debug" in arguments
    try:
        return _dispatch(arguments, stdout, stderr)
    except SystemExit as exc:  # --help and --version exit 0 through argparse
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except UsageError as exc:
        _debug(debug, stderr)
        stderr.write(clean_text(f"{say('error')}: {exc}") + "\n")
        return 2
    except ScenarioError as exc:
        _debug(debug, stderr)
        report_problems(exc, stderr)
        return 1
    except SociokalkylError as exc:
        _debug(debug, stderr)
        stderr.write(clean_text(f"{say('error')}: {error_text(exc)}") + "\n")
        return 1
    except OSError as exc:
        _debug(debug, stderr)
        text = f"{say('error')}: {exc.strerror or exc}: {exc.filename or ''}".removesuffix(": ")
        stderr.write(clean_text(text) + "\n")
        return 1
    except KeyboardInterrupt:
        stderr.write(say("interrupted") + "\n")
        return 130
    except (ValueError, TypeError, ArithmeticError, RecursionError, MemoryError) as exc:
        _debug(debug, stderr)
        stderr.write(clean_text(f"{say('error')}: {type(exc).__name__}: {exc}"))
        stderr.write("\n" + say("run_debug") + "\n")
        return 1
    except Exception as exc:  # a bug: still no raw traceback unless --debug
        _debug(debug, stderr)
        kind = type(exc).__name__
        stderr.write(clean_text(say("internal_error", kind=kind, text=exc)) + "\n")
        stderr.write(say("internal_bug") + "\n")
        return 1


def _debug(debug: bool, stderr: TextIO) -> None:
    """Write the traceback of the error being handled, under ``--debug``."""
    if debug:
        stderr.write(traceback.format_exc())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""``sociokalkyl schema``: print the JSON Schema of scenario files (for editors and checks).

Examples (from a shell)::

    sociokalkyl schema
    sociokalkyl schema --out sociokalkyl.schema.json
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from sociokalkyl.cli._common import emit, output_path, say
from sociokalkyl.scenario.read import json_schema

__all__ = ["add_schema_parser", "schema_command"]


def add_schema_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``schema`` command to ``subparsers`` (``common`` holds ``--debug``).

    Parameters
    ----------
    subparsers
        The ``sociokalkyl`` parser's subcommands.
    common
        The parent parser of the options every command shares.

    Examples
    --------
    >>> from sociokalkyl.cli._common import Parser
    >>> parser = Parser(prog="sociokalkyl")
    >>> add_schema_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["schema"]).out is None
    True
    """
    schema = subparsers.add_parser(
        "schema",
        parents=[common],
        help=say("help.schema"),
        description=say("help.schema.description"),
    )
    schema.add_argument("--out", metavar=say("help.path"), help=say("help.schema.out"))
    schema.add_argument("--force", action="store_true", help=say("help.force"))
    schema.set_defaults(func=schema_command)


def schema_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write the JSON Schema of scenario files to ``stdout`` or ``args.out``; return 0.

    Parameters
    ----------
    args
        The parsed ``schema`` arguments (out, force: an existing ``--out`` file is
        replaced only with ``--force``, something that is not a regular file never).
    stdout, stderr
        Where the schema goes without ``--out``; ``stderr`` is not used.

    Returns
    -------
    int
        The exit code, 0.

    Examples
    --------
    >>> import io, json
    >>> from sociokalkyl.cli.main import build_parser
    >>> out = io.StringIO()
    >>> schema_command(build_parser().parse_args(["schema"]), out, io.StringIO())
    0
    >>> json.loads(out.getvalue())["title"]
    'sociokalkyl scenario'
    """
    out = output_path(args.out, overwrite=args.force) if args.out else None
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    emit(text, out, stdout, overwrite=args.force)
    return 0

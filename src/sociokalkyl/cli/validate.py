"""``sociokalkyl validate FILE``: check a scenario file and list every problem at once.

Examples (from a shell)::

    sociokalkyl validate kalkyl.toml
    sociokalkyl validate kalkyl.toml --json
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from sociokalkyl.cli._common import add_lang_option, input_path, message, report_problems, say
from sociokalkyl.language.safety import clean_text
from sociokalkyl.report.formats import Lang
from sociokalkyl.scenario.read import ScenarioError, load_scenario

__all__ = ["add_validate_parser", "validate_command"]


def add_validate_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``validate`` command to ``subparsers`` (``common`` holds ``--debug``).

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
    >>> add_validate_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["validate", "--json", "kalkyl.toml"]).json
    True
    """
    validate = subparsers.add_parser(
        "validate",
        parents=[common],
        help=say("help.validate"),
        description=say("help.validate.description"),
    )
    validate.add_argument("file", metavar=say("help.file"), help=say("help.input"))
    validate.add_argument("--json", action="store_true", help=say("help.validate.json"))
    add_lang_option(validate)
    validate.set_defaults(func=validate_command)


def validate_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Check ``args.file``: a status line and 0, or every problem on stderr and 1.

    Parameters
    ----------
    args
        The parsed ``validate`` arguments (file, json, lang).
    stdout, stderr
        The status line (or with ``--json`` the problems as a JSON list) goes to
        ``stdout``; the problems as ``error:`` lines to ``stderr``.

    Returns
    -------
    int
        0 for a valid file, 1 for a file with problems.

    Examples
    --------
    >>> import io
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> path = resources.files("sociokalkyl") / "examples" / "skolfam.toml"
    >>> args = build_parser().parse_args(["validate", str(path), "--lang", "en"])
    >>> out = io.StringIO()
    >>> validate_command(args, out, io.StringIO())
    0
    >>> print(out.getvalue().split(": ", 2)[2])  # doctest: +NORMALIZE_WHITESPACE
    'Skolfam', 2 cost item(s), 2 effect(s), 2 cost(s), 1 scenario(s), uncertainty over
    5 parameter(s)
    """
    path = input_path(args.file)
    try:
        scenario = load_scenario(path, lang=args.lang)
    except ScenarioError as exc:
        if args.json:
            stdout.write(
                json.dumps([p.as_dict() for p in exc.problems], ensure_ascii=False, indent=2) + "\n"
            )
        report_problems(exc, stderr)
        return 1
    if args.json:
        stdout.write("[]\n")
    intervention = scenario.intervention
    lang: Lang = args.lang
    parts = [
        message("ok", lang, path=path, name=intervention.name),
        message("cost_items", lang, n=len(intervention.cost_items)),
        message("effects", lang, n=len(intervention.effects)),
        message("costs", lang, n=len(intervention.costs)),
        message("scenarios", lang, n=len(scenario.scenarios)),
    ]
    if scenario.uncertainty:
        uncertain = [name for name in scenario.uncertainty if name != "correlation"]
        parts.append(message("uncertainty", lang, n=len(uncertain)))
    stdout.write(", ".join(parts) + "\n")
    for warning in scenario.warnings:  # implausible magnitudes: not errors, but shown
        stdout.write(clean_text(warning.text(lang)) + "\n")
    return 0

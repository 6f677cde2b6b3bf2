"""``sociokalkyl uppfoljning FILE``: a follow-up (socioekonomiskt bokslut) against its forecast.

``FILE`` is a follow-up file (TOML, YAML, JSON or the ``.xlsx`` sheet, see
``docs/followup.md``). With ``--mall PATH.xlsx``, ``FILE`` is the forecast's scenario file
and a blank sheet to fill in is written to ``PATH.xlsx`` (the forecast beside it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from sociokalkyl.cli._common import UsageError, input_path, message, output_path, say
from sociokalkyl.cli._followup_common import add_output_options, write_output
from sociokalkyl.report.followup import followup_records, followup_report
from sociokalkyl.scenario.followup import load_followup
from sociokalkyl.scenario.read import load_scenario

__all__ = ["add_uppfoljning_parser", "uppfoljning_command"]


def add_uppfoljning_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``uppfoljning`` command (alias ``followup``) to ``subparsers``.

    Parameters
    ----------
    subparsers
        The ``sociokalkyl`` parser's subcommands.
    common
        The parent parser of the options every command shares (``--debug``).

    Examples
    --------
    >>> from sociokalkyl.cli._common import Parser
    >>> parser = Parser(prog="sociokalkyl")
    >>> add_uppfoljning_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["uppfoljning", "u.toml", "--format", "csv"]).format
    'csv'
    """
    command = subparsers.add_parser(
        "uppfoljning",
        aliases=["followup"],
        parents=[common],
        help=say("help.uppfoljning"),
        description=say("help.uppfoljning.description"),
    )
    command.add_argument("file", metavar=say("help.file"), help=say("help.uppfoljning.file"))
    add_output_options(command)
    command.add_argument(
        "--mall", metavar=say("help.path") + ".xlsx",
        help=say("help.uppfoljning.mall"),
    )  # fmt: skip
    command.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    """The command with the process's streams."""
    return uppfoljning_command(args, sys.stdout, sys.stderr)


def uppfoljning_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Read ``args.file``, compare it with its forecast and write the report; return 0.

    Parameters
    ----------
    args
        The parsed arguments (file, format, out, force, lang, mall).
    stdout, stderr
        Where the report and the status line go.

    Returns
    -------
    int
        0; problems raise for ``main`` to report (exit 1 or 2).

    Examples
    --------
    >>> import io, pathlib, tempfile
    >>> from sociokalkyl.cli.main import build_parser
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "u.toml"
    >>> _ = p.write_text('example = "servicetrainee"\\n[[years]]\\nyear = 2012\\n', "utf-8")
    >>> out = io.StringIO()
    >>> uppfoljning_command(build_parser().parse_args(["uppfoljning", str(p)]), out, out)
    0
    >>> "Nettonuvärde enligt prognosen" in out.getvalue()
    True
    """
    source = input_path(args.file)
    if args.mall is not None:
        return _template(args, source, stderr)
    followup = load_followup(source)
    data = followup_records(followup.result)
    report = followup_report(followup.result, args.lang)
    return write_output(args, [source], data, report, (stdout, stderr))


def _template(args: argparse.Namespace, source: Path, stderr: TextIO) -> int:
    """Write the blank follow-up sheet for the scenario ``source``."""
    from sociokalkyl.engine import compile_plan
    from sociokalkyl.scenario.followup_excel import write_observation_sheet
    from sociokalkyl.scenario.overrides import catalogue_for

    out = output_path(args.mall, [source], overwrite=args.force)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(say("uppfoljning_mall_xlsx", out=out))
    scenario = load_scenario(source, lang=args.lang)
    plan = compile_plan(scenario.intervention, scenario.settings, catalogue_for(scenario))
    relative = str(source.resolve())
    write_observation_sheet(out, plan, scenario=relative, overwrite=args.force)
    stderr.write(message("wrote", args.lang, path=out) + "\n")
    return 0

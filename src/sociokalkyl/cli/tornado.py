"""``sociokalkyl tornado FILE``: one-way sensitivity, one parameter at a time.

Examples (from a shell)::

    sociokalkyl tornado kalkyl.toml                  (the ranges of [uncertainty])
    sociokalkyl tornado kalkyl.toml --andel 20%      (each parameter ±20 % of its value)
    sociokalkyl tornado kalkyl.toml --andel 0,1 --parameter costs[0].amount

Each parameter alone goes from its low to its high value, everything else as given;
rows are sorted by how much the NPV swings (the largest first). From ``[uncertainty]``
the values are the 10th and 90th percentiles of each distribution; with ``--andel S``
they are the value as given times ``1 - S`` and ``1 + S``, kept within the parameter's
range (a share stays in [0, 1]). The computing is
:func:`~sociokalkyl.uncertainty.sensitivity.tornado`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from sociokalkyl.cli._common import (
    UsageError,
    add_lang_option,
    add_width_option,
    emit,
    output_path,
    say,
)
from sociokalkyl.cli._output import screen_width
from sociokalkyl.cli._perspective import add_perspective_option
from sociokalkyl.cli._plan import checked_parameter, checked_payer, file_plan, share
from sociokalkyl.language.cli import parameter_text
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.model_words import model_text
from sociokalkyl.language.numbers import format_percent, format_sek
from sociokalkyl.language.safety import strict_json
from sociokalkyl.report.render import render
from sociokalkyl.report.tables import Report, Table

if TYPE_CHECKING:
    from sociokalkyl.engine import Plan
    from sociokalkyl.uncertainty.sensitivity import Tornado

__all__ = ["EDGE", "add_tornado_parser", "share_ranges", "tornado_command"]

EDGE = 1e-12
"""With ``--andel``: the quantile levels ``EDGE`` and ``1 - EDGE`` of a uniform
distribution over the range are its ends (to a relative 1e-12)."""


def add_tornado_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``tornado`` to ``subparsers``.

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
    >>> add_tornado_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["tornado", "k.toml", "--andel", "20 %"]).share
    0.2
    """
    parser = subparsers.add_parser(
        "tornado",
        parents=[common],
        help=say("help.tornado"),
        description=say("help.tornado.description"),
    )
    parser.add_argument("file", metavar=say("help.file"), help=say("help.input"))
    parser.add_argument(
        "--andel",
        "--share",
        dest="share",
        type=share,
        metavar=say("help.tornado.share_metavar"),
        help=say("help.tornado.share"),
    )
    parser.add_argument(
        "--parameter", action="append", metavar=say("help.name"), help=say("help.tornado.parameter")
    )
    parser.add_argument(
        "--betalare",
        "--payer",
        dest="payer",
        metavar=say("help.payer_metavar"),
        help=say("help.payer"),
    )
    parser.add_argument(
        "--format",
        choices=["table", "json", "csv", "md"],
        default="table",
        help=say("help.run.format"),
    )
    parser.add_argument("--out", metavar=say("help.path"), help=say("help.out"))
    parser.add_argument("--force", action="store_true", help=say("help.force"))
    add_lang_option(parser)
    add_perspective_option(parser)
    add_width_option(parser)
    parser.set_defaults(func=tornado_command)


def share_ranges(plan: Plan, names: list[str], fraction: float) -> dict[str, dict[str, Any]]:
    """Uniform ranges ``value × (1 ∓ fraction)`` (within bounds) for the parameters ``names``.

    Parameters
    ----------
    plan
        The compiled plan.
    names
        Parameter names; those whose value is 0 have no range and are left out.
    fraction
        The share, e.g. 0.2 for ±20 %.

    Returns
    -------
    dict
        Name -> ``{"kind": "uniform", "low": ..., "high": ...}`` [the parameter's unit].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> share_ranges(plan, ["costs[0].amount", "effects[0].drop_off"], 0.2)
    {'costs[0].amount': {'kind': 'uniform', 'low': 15827.2, 'high': 23740.8}}
    >>> share_ranges(plan, ["effects[0].change"], 0.2)["effects[0].change"]["low"]
    -1.0
    """
    ranges: dict[str, dict[str, Any]] = {}
    for name in names:
        parameter = plan.parameters[name]
        value = parameter.value
        if value == 0:
            continue
        low = max(value - fraction * abs(value), parameter.bounds[0])
        high = min(value + fraction * abs(value), parameter.bounds[1])
        if low < high:
            ranges[name] = {"kind": "uniform", "low": low, "high": high}
    return ranges


def _compute(args: argparse.Namespace) -> tuple[Tornado, Plan, str]:
    """The tornado of ``args.file`` and the line saying where the ranges came from."""
    from sociokalkyl.uncertainty.catalogue_ranges import with_catalogue_ranges
    from sociokalkyl.uncertainty.sensitivity import tornado

    scenario, plan, catalogue = file_plan(args)
    chosen = [checked_parameter(plan, name, args.file) for name in args.parameter or []]
    checked_payer(plan, args.payer)
    ranges: dict[str, Any]  # distributions or their tables, by parameter
    if args.share is not None:
        ranges = share_ranges(plan, chosen or list(plan.parameters), args.share)
        levels = (EDGE, 1 - EDGE)
        what = say("tornado_from_share", share=format_percent(args.share, args.lang, 0))
    else:
        table = scenario.uncertainty or {}
        own = {k: v for k, v in table.items() if k != "correlation"}
        # the consequence catalogue's ranges swing too, as in run --draws (yours win)
        merged = with_catalogue_ranges(scenario.intervention, own)
        given = {k: v for k, v in merged.uncertainty.items() if k != "correlation"}
        if not given:
            text = say("no_uncertainty", flag="tornado", path=args.file)
            raise UsageError(text + "\n" + say("or_share"))
        ranges = {k: v for k, v in given.items() if not chosen or k in chosen}
        levels = (0.10, 0.90)
        what = say("tornado_from_table", low="10 %", high="90 %")
        if merged.from_catalogue:
            names = ", ".join(merged.from_catalogue)
            what += "\n" + model_text("tornado_from_catalogue", args.lang, names=names)
    result = tornado(
        scenario.intervention,
        scenario.settings,
        ranges,
        low=levels[0],
        high=levels[1],
        payer=args.payer,
        catalogue=catalogue,
        catalogue_ranges=False,  # merged above, so --parameter can leave them out
    )
    return result, plan, what


def _report(result: Tornado, plan: Plan, what: str, lang: Lang) -> Report:
    """The tornado as a report: one row a parameter, the largest swing first."""
    rows: list[list[Any]] = []
    for r in result.rows:
        unit = r.unit
        rows.append(
            [
                r.label(lang),
                r.parameter,
                parameter_text(r.base_value, unit, lang, r.parameter),
                parameter_text(r.low_value, unit, lang, r.parameter),
                parameter_text(r.high_value, unit, lang, r.parameter),
                r.npv_low,
                r.npv_high,
                r.swing,
            ]
        )
    keys = ("parameter", "as_given", "low_value", "high_value", "npv_low", "npv_high", "swing")
    headers = [say("what"), *(say(k) for k in keys)]
    kinds: list[list[Any]] = [["text"] * 5 + ["sek"] * 3 for _ in rows]
    table = Table("tornado", say("tornado_title"), headers, rows, kinds)
    base = say("base_npv", npv=format_sek(result.base_npv, lang))
    return Report(result.intervention_name, [base, what[:1].upper() + what[1:] + "."], [table])


def tornado_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Show the one-way sensitivity of ``args.file``; return 0.

    Parameters
    ----------
    args
        The parsed ``tornado`` arguments.
    stdout, stderr
        Where the table and the status line go.

    Returns
    -------
    int
        0; usage problems raise :class:`~sociokalkyl.cli._common.UsageError`.

    Examples
    --------
    >>> import io
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> path = resources.files("sociokalkyl") / "examples" / "skolfam.toml"
    >>> args = build_parser().parse_args(["tornado", str(path), "--format", "json"])
    >>> out = io.StringIO()
    >>> tornado_command(args, out, io.StringIO())
    0
    >>> '"swing"' in out.getvalue()
    True
    """
    out = output_path(args.out, overwrite=args.force) if args.out else None
    result, plan, what = _compute(args)
    lang: Lang = args.lang
    if args.format == "json":
        data = {"base_npv": result.base_npv, "payer": result.payer, "rows": result.records()}
        text = strict_json(data) + "\n"
    else:
        width = screen_width(args.width, stdout) if out is None else args.width
        text = render(_report(result, plan, what, lang), args.format, lang, columns=width)
    emit(text, out, stdout, overwrite=args.force)
    if out is not None:
        stderr.write(say("wrote", path=out) + "\n")
    return 0

"""``sociokalkyl vardet-av-information``: which uncertain number to measure first.

Simulates the scenario file's ``[uncertainty]`` and prints, for the total and each
payer, the expected value of perfect information (EVPI), each parameter's EVPPI ranked,
and the probability of paying back within the mandate period::

    sociokalkyl vardet-av-information skolfam.toml --draws 100000 --seed 1 --mandatperiod 4

See ``docs/value-of-information.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any, TextIO

from sociokalkyl.cli._common import (
    UsageError,
    add_lang_option,
    emit,
    input_path,
    message,
    output_path,
    positive_int,
    say,
)
from sociokalkyl.language.numbers import format_percent, format_sek
from sociokalkyl.language.voi import voi_label
from sociokalkyl.report.formats import Lang
from sociokalkyl.report.render import render
from sociokalkyl.report.tables import Report, Table
from sociokalkyl.scenario.read import catalogue_for, load_scenario
from sociokalkyl.uncertainty.catalogue_ranges import with_catalogue_ranges
from sociokalkyl.uncertainty.measure_next import (
    MANDATE_PERIOD,
    ValueOfInformation,
    value_of_information,
)
from sociokalkyl.uncertainty.simulate import simulate

__all__ = ["add_vardet_parser", "vardet_command"]


def add_vardet_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``vardet-av-information`` (aliases ``voi``, ``value-of-information``).

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
    >>> add_vardet_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["voi", "kalkyl.toml"]).mandatperiod
    4
    """
    cmd = subparsers.add_parser(
        "vardet-av-information",
        aliases=["voi", "value-of-information"],
        parents=[common],
        help=say("help.vardet"),
        description=say("help.vardet.description"),
    )
    cmd.add_argument("file", metavar=say("help.file"), help=say("help.vardet.file"))
    cmd.add_argument(
        "--draws",
        type=positive_int,
        default=20_000,
        metavar="N",
        help=say("help.vardet.draws"),
    )
    cmd.add_argument("--seed", type=int, default=1, metavar="S", help=say("help.vardet.seed"))
    cmd.add_argument(
        "--mandatperiod",
        "--mandate-period",
        type=positive_int,
        default=MANDATE_PERIOD,
        metavar=say("help.years"),
        help=say("help.vardet.mandate", years=MANDATE_PERIOD),
    )
    cmd.add_argument(
        "--format", choices=["table", "md", "csv", "json"], default="table", help=say("help.format")
    )
    cmd.add_argument("--out", metavar=say("help.path"), help=say("help.out"))
    cmd.add_argument("--force", action="store_true", help=say("help.force"))
    add_lang_option(cmd)
    cmd.set_defaults(func=lambda args: vardet_command(args, sys.stdout, sys.stderr))


def _table(voi: ValueOfInformation, plan: Any, lang: Lang) -> Table:
    """One perspective's ranking as a report table."""
    who = voi_label("total", lang) if voi.perspective == "total" else voi.perspective
    headers = [
        voi_label(k, lang)
        for k in ("rank", "parameter", "evppi", "share_of_evpi", "variance_share")
    ]
    rows = [
        [
            rank,
            f"{plan.parameter_label(row.parameter, lang)} ({row.parameter})",
            row.evppi,
            None if math.isnan(row.share_of_evpi) else row.share_of_evpi,
            row.variance_share,
        ]
        for rank, row in enumerate(voi.rows, start=1)
    ]
    return Table(
        f"voi_{voi.perspective}",
        f"{voi_label('perspective', lang)}: {who}",
        headers,
        rows,
        [["int", "text", "sek", "share", "share"]] * len(rows),
    )


def _lines(voi: ValueOfInformation, lang: Lang) -> list[str]:
    """The headline figures of one perspective."""
    who = voi_label("total", lang) if voi.perspective == "total" else voi.perspective
    prob = voi.prob_payback_within_mandate
    lines = [
        f"{voi_label('perspective', lang)}: {who}. {voi_label('expected_npv', lang)} "
        f"{format_sek(voi.expected_npv, lang)}; {voi_label('decision', lang).lower()}: "
        f"{voi_label(voi.decision, lang)}",
        f"  {voi_label('evpi', lang)}: {format_sek(voi.evpi, lang)}",
        f"  {voi_label('evppi_all', lang)}: {format_sek(voi.evppi_all, lang)}",
        f"  {voi_label('prob_mandate', lang, years=voi.mandate_period)}: "
        f"{format_percent(prob, lang)}",
    ]
    if voi.rows and all(row.evppi == 0 for row in voi.rows):
        lines.append("  " + voi_label("no_change_note", lang))
    return lines


def vardet_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Simulate ``args.file`` and print what is worth measuring; return 0.

    Parameters
    ----------
    args
        The parsed ``vardet-av-information`` arguments.
    stdout, stderr
        Where the result and the status line go.

    Returns
    -------
    int
        0; problems raise for ``main`` to report.

    Examples
    --------
    >>> import io
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> path = resources.files("sociokalkyl") / "examples" / "skolfam.toml"
    >>> args = build_parser().parse_args(["voi", str(path), "--draws", "2000", "--format",
    ...                                   "json"])
    >>> out = io.StringIO()
    >>> vardet_command(args, out, io.StringIO())
    0
    >>> sorted(json.loads(out.getvalue())["perspectives"][0])[:3]
    ['decision', 'draws', 'evpi']
    """
    source = input_path(args.file)
    out = output_path(args.out, [source], overwrite=args.force) if args.out else None
    lang: Lang = args.lang
    scenario = load_scenario(source, lang=lang)
    # the catalogue's ranges are drawn too (docs/outcomes.md), and valued like the rest
    spec = with_catalogue_ranges(scenario.intervention, scenario.uncertainty).uncertainty
    if not spec:
        raise UsageError(say("vardet_no_uncertainty", file=args.file))
    result = simulate(
        scenario.intervention,
        scenario.settings,
        spec,
        draws=args.draws,
        seed=args.seed,
        catalogue=catalogue_for(scenario),
        catalogue_ranges=False,
    )
    found = [
        value_of_information(result, spec, payer=payer, mandate_period=args.mandatperiod)
        for payer in (None, *(result.payers if len(result.payers) > 1 else ()))
    ]
    if args.format == "json":
        data = {
            "intervention": result.plan.intervention_name,
            "draws": result.draws,
            "seed": result.seed,
            "perspectives": [
                {
                    **{k: v for k, v in vars(v).items() if k != "rows"},
                    "decision": v.decision,
                    "rows": v.records(),
                }
                for v in found
            ],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_value) + "\n"
    else:
        title = voi_label("voi_title", lang, name=result.plan.intervention_name)
        lines = [f"{voi_label('draws', lang)}: {result.draws}"]
        lines += [line for v in found for line in _lines(v, lang)]
        tables = [_table(v, result.plan, lang) for v in found]
        text = render(Report(title, lines, tables), args.format, lang)
    emit(text, out, stdout, overwrite=args.force)
    if out is not None:
        stderr.write(message("wrote", lang, path=out) + "\n")
    return 0


def _json_value(value: object) -> object:
    """NaN becomes None in JSON (json.dumps calls this only for unknown types)."""
    return None if isinstance(value, float) and math.isnan(value) else str(value)

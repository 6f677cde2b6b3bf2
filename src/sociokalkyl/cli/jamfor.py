"""``sociokalkyl jamfor FILE`` (``compare``): the base and the file's scenarios side by side.

Examples (from a shell)::

    sociokalkyl jamfor kalkyl.toml                      (the base and every scenario)
    sociokalkyl jamfor kalkyl.toml --scenario pessimistisk --scenario optimistisk
    sociokalkyl compare kalkyl.toml --format json --lang en

Each scenario is the base with the overrides of its ``[scenarios.NAME]`` table, applied
as ``run --scenario NAME`` applies them; the table has one column a scenario, the base
first, and one row a measure (NPV, costs, avoided costs, benefit-cost ratio, IRR,
payback, and each payer's NPV).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from sociokalkyl.cli._common import (
    add_lang_option,
    add_width_option,
    check_scenario_names,
    emit,
    input_path,
    output_path,
    say,
)
from sociokalkyl.cli._output import screen_width
from sociokalkyl.cli._perspective import add_perspective_option, with_perspective
from sociokalkyl.language.cli import parameter_text
from sociokalkyl.language.labels import Lang, label
from sociokalkyl.language.numbers import Kind
from sociokalkyl.language.safety import strict_json
from sociokalkyl.report.render import render
from sociokalkyl.report.tables import Report, Table
from sociokalkyl.scenario.read import Scenario, apply_overrides, catalogue_for, load_scenario

__all__ = ["MEASURES", "add_compare_parser", "compare_command", "compare_records"]

MEASURES: tuple[tuple[str, str, Kind], ...] = (
    ("npv", "npv", "sek"),
    ("pv_costs", "pv_costs", "sek"),
    ("pv_avoided", "pv_avoided", "sek"),
    ("benefit_cost_ratio", "bcr", "ratio"),
    ("irr", "irr", "share"),
    ("payback", "payback", "years"),
    ("payback_discounted", "payback_discounted", "years"),
)
"""The rows of the table: (record key, label key, how the value is written)."""


def add_compare_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``jamfor`` (alias ``compare``) to ``subparsers``.

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
    >>> add_compare_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["compare", "k.toml", "--scenario", "a", "--scenario", "b"]).scenario
    ['a', 'b']
    """
    parser = subparsers.add_parser(
        "jamfor",
        aliases=["compare"],
        parents=[common],
        help=say("help.compare"),
        description=say("help.compare.description"),
    )
    parser.add_argument("file", metavar=say("help.file"), help=say("help.input"))
    parser.add_argument(
        "--scenario", action="append", metavar=say("help.name"), help=say("help.compare.scenario")
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
    parser.set_defaults(func=compare_command)


def compare_records(scenario: Scenario, names: list[str]) -> list[dict[str, Any]]:
    """The base and the scenarios ``names`` of a file, one record each.

    Parameters
    ----------
    scenario
        The file as read.
    names
        Scenario names of the file, in the order wanted (checked by the caller).

    Returns
    -------
    list of dict
        The records of :func:`~sociokalkyl.analysis.compare.compare_scenarios` (``bas``
        first) [SEK, analysis price year; payback in years].

    Examples
    --------
    >>> from sociokalkyl.examples.bundled import scenario
    >>> rows = compare_records(scenario("servicetrainee"), ["pessimistisk"])
    >>> [r["scenario"] for r in rows], rows[1]["npv"] < rows[0]["npv"]
    (['bas', 'pessimistisk'], True)
    """
    from sociokalkyl.analysis.compare import compare_scenarios

    catalogue = catalogue_for(scenario)
    overrides = scenario_values(scenario, names)
    table = compare_scenarios(
        overrides, scenario.intervention, scenario.settings, catalogue=catalogue
    )
    return table.records()


def scenario_values(scenario: Scenario, names: list[str]) -> dict[str, dict[str, float]]:
    """Each named scenario's overrides as numbers in the parameters' own units.

    Parameters
    ----------
    scenario
        The file as read.
    names
        Scenario names of the file.

    Returns
    -------
    dict
        Name -> parameter -> value [the parameter's unit], converted and checked as
        ``run --scenario`` converts them (``"-4,4 mån/år"`` becomes ``-4.4``).

    Examples
    --------
    >>> from sociokalkyl.examples.bundled import scenario
    >>> scenario_values(scenario("servicetrainee"), ["pessimistisk"])["pessimistisk"]
    {'effects[1].change': -4.4, 'baseline[0].exit_rate': 0.3}
    """
    from sociokalkyl.engine import compile_plan

    plan = compile_plan(scenario.intervention, scenario.settings, catalogue_for(scenario))
    values: dict[str, dict[str, float]] = {}
    for name in names:
        given = scenario.scenarios[name]
        changed = apply_overrides(plan, given)
        values[name] = {key: changed.parameters[key].value for key in given}
    return values


def _changes(scenario: Scenario, names: list[str], lang: Lang) -> Table:
    """The overrides of each scenario, each value with its unit."""
    from sociokalkyl.engine import compile_plan

    plan = compile_plan(scenario.intervention, scenario.settings, catalogue_for(scenario))
    rows: list[list[Any]] = []
    for name, values in scenario_values(scenario, names).items():
        for key, value in values.items():
            unit = plan.parameters[key].unit
            rows.append(
                [name, plan.parameter_label(key, lang), key, parameter_text(value, unit, lang, key)]
            )
    headers = [say("scenario"), label("what", lang), say("parameter"), say("value")]
    return Table("overrides", say("overrides_title"), headers, rows, [["text"] * 4 for _ in rows])


def _report(scenario: Scenario, records: list[dict[str, Any]], lang: Lang) -> Report:
    """The comparison as a report: one column a scenario, one row a measure."""
    names = [say("base") if r["scenario"] == "bas" else str(r["scenario"]) for r in records]
    rows: list[list[Any]] = []
    kinds: list[list[Kind]] = []
    for key, word, kind in MEASURES:
        rows.append([label(word, lang), *(r[key] for r in records)])
        kinds.append(["text", *([kind] * len(records))])
    payers = [k.removeprefix("npv:") for k in records[0] if k.startswith("npv:")]
    sek: list[Kind] = ["sek"]
    for payer in payers:
        rows.append([f"{label('npv', lang)}, {payer}", *(r[f"npv:{payer}"] for r in records)])
        kinds.append(["text", *(sek * len(records))])
    table = Table("compare", say("compare_title"), [label("measure", lang), *names], rows, kinds)
    changes = _changes(scenario, names[1:], lang)
    tables = [table, changes] if changes.rows else [table]
    return Report(scenario.intervention.name, [], tables)


def compare_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Show the base and the scenarios of ``args.file`` side by side; return 0.

    Parameters
    ----------
    args
        The parsed ``jamfor`` arguments (file, scenario, format, out, force, lang, width).
    stdout, stderr
        Where the table and the status line go.

    Returns
    -------
    int
        0; an unknown scenario raises :class:`~sociokalkyl.cli._common.UsageError`.

    Examples
    --------
    >>> import io
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> path = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    >>> args = build_parser().parse_args(["jamfor", str(path), "--format", "json"])
    >>> out = io.StringIO()
    >>> compare_command(args, out, io.StringIO())
    0
    >>> '"scenario": "pessimistisk"' in out.getvalue()
    True
    """
    source = input_path(args.file)
    out = output_path(args.out, [source], overwrite=args.force) if args.out else None
    lang: Lang = args.lang
    scenario = with_perspective(load_scenario(source, lang=lang), args.perspective)
    names: list[str] = list(dict.fromkeys(args.scenario or scenario.scenarios))
    check_scenario_names(names, scenario)
    records = compare_records(scenario, names)
    if args.format == "json":
        text = strict_json(records) + "\n"
    else:
        width = screen_width(args.width, stdout) if out is None else args.width
        text = render(_report(scenario, records, lang), args.format, lang, columns=width)
        if args.format == "csv":
            text = "\ufeff" + text
    emit(text, out, stdout, overwrite=args.force)
    if out is not None:
        stderr.write(say("wrote", path=out) + "\n")
    return 0

"""``sociokalkyl effekt``: an effect from comparison groups (difference in differences).

Servicetrainee (74 % fall against 20 % and 30 % in two control groups)::

    sociokalkyl effekt --insatsgrupp 100% 26% 30 \\
        --jamforelse Väntelista 100% 80% 30 --jamforelse Stratifierad 100% 70% 30 \\
        --anvandning 10 --parameter "effects[1].change"

prints each comparison group's estimate with its standard error, the range, and the line
to paste into the scenario file's ``[uncertainty]`` table. See ``docs/comparison-groups.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import asdict
from typing import Any, TextIO

from sociokalkyl.cli._common import UsageError, add_lang_option, emit, say
from sociokalkyl.errors import InputError
from sociokalkyl.language.numbers import format_number, format_percent
from sociokalkyl.language.voi import voi_label
from sociokalkyl.report.formats import Lang
from sociokalkyl.report.render import render
from sociokalkyl.report.tables import Report, Table
from sociokalkyl.uncertainty.comparison import Comparison, Group, compare
from sociokalkyl.units import parse_number, parse_share

__all__ = ["add_effekt_parser", "effekt_command"]


def add_effekt_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``effekt`` command (alias ``effect``) to ``subparsers``.

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
    >>> add_effekt_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["effekt", "--insatsgrupp", "1", "0,26", "--jamforelse", "V", "1",
    ...                    "0,8"]).jamforelse
    [['V', '1', '0,8']]
    """
    cmd = subparsers.add_parser(
        "effekt",
        aliases=["effect"],
        parents=[common],
        help=say("help.effekt"),
        description=say("help.effekt.description"),
    )
    cmd.add_argument(
        "--insatsgrupp",
        "--treated",
        nargs="+",
        required=True,
        metavar=say("help.value"),
        help=say("help.effekt.treated"),
    )
    cmd.add_argument(
        "--jamforelse",
        "--comparison",
        nargs="+",
        action="append",
        required=True,
        metavar=say("help.value"),
        help=say("help.effekt.comparison"),
    )
    cmd.add_argument(
        "--medel",
        "--means",
        action="store_true",
        help=say("help.effekt.means"),
    )
    cmd.add_argument(
        "--anvandning",
        "--use",
        metavar=say("help.use"),
        help=say("help.effekt.use"),
    )
    cmd.add_argument(
        "--parameter",
        default="effects[0].change",
        help=say("help.effekt.parameter"),
    )
    cmd.add_argument(
        "--format", choices=["table", "md", "csv", "json"], default="table", help=say("help.format")
    )
    add_lang_option(cmd)
    # called as func(args), like ``catalogue``: main.py needs no list of stream commands
    cmd.set_defaults(func=lambda args: effekt_command(args, sys.stdout, sys.stderr))


def _value(text: str, field: str, share: bool) -> float:
    """A share ("26 %", "0,26") or a number ("1 234,5") typed on the command line."""
    return parse_share(text) if share else parse_number(text, field=field)


def _size(text: str, field: str) -> int:
    """A group size: a whole number >= 1."""
    value = parse_number(text, field=field)
    if not (value.is_integer() and value >= 1):
        raise InputError(
            "is not a group size", field=field, value=text, expected="a whole number >= 1, e.g. 30"
        )
    return int(value)


def _group(values: list[str], field: str, named: bool, means: bool) -> Group:
    """A :class:`Group` from ``[NAME] BEFORE AFTER [SIZE [SD]]``."""
    name = values[0] if named else "Insatsgrupp"
    rest = values[1:] if named else values
    most = 4 if means else 3
    if not 2 <= len(rest) <= most:
        shape = say("effekt_shape_means" if means else "effekt_shape_shares")
        raise UsageError(
            say(
                "effekt_group_shape",
                field=field,
                name=say("effekt_name") if named else "",
                shape=shape,
                values=values,
            )
        )
    before = _value(rest[0], f"{field}.before", not means)
    after = _value(rest[1], f"{field}.after", not means)
    size = _size(rest[2], f"{field}.size") if len(rest) > 2 else None
    sd = parse_number(rest[3], field=f"{field}.sd") if len(rest) > 3 else None
    return Group(name, before, after, size, sd)


def _report(comparison: Comparison, args: argparse.Namespace, lang: Lang) -> Report:
    """The estimates as a report: one row per comparison group, the range and the line."""
    share = comparison.scale == "share"
    factor = 100.0 if share else 1.0
    unit = f" {voi_label('pp', lang)}" if share else ""
    t = comparison.treated
    headers = [voi_label(k, lang) for k in ("group", "change", "effect", "se")]
    rows = [
        [e.comparison, g.change * factor, e.effect * factor, e.se * factor]
        for e, g in zip(comparison.estimates, args.groups, strict=True)
    ]
    title = voi_label("did_title", lang) + (f" [{voi_label('pp', lang)}]" if share else "")
    table = Table("did", title, headers, rows, [["text", "number", "number", "number"]] * len(rows))

    def num(value: float) -> str:
        return format_number(value * factor, 1, lang)

    def level(value: float) -> str:
        return format_percent(value, lang) if share else format_number(value, 2, lang)

    lines = [
        f"{voi_label('treated', lang)}: {voi_label('before', lang).lower()} {level(t.before)}, "
        f"{voi_label('after', lang).lower()} {level(t.after)}, "
        f"{voi_label('change', lang).lower()} {num(t.change)}{unit}"
        + (f", n = {t.size}" if t.size else ""),
        f"{voi_label('range', lang)}: {num(comparison.low)} .. {num(comparison.high)}{unit}; "
        f"{voi_label('mean_effect', lang).lower()} {num(comparison.mean)}",
    ]
    if math.isfinite(comparison.sd):
        lines.append(f"{voi_label('sd_effect', lang)}: {num(comparison.sd)}")
        use = 1.0 if args.anvandning is None else args.use
        dist = comparison.distribution(scale=use)
        table_line = dist.model_dump(by_alias=True, exclude_none=True)
        inner = ", ".join(
            f'{k} = "{v}"' if isinstance(v, str) else f"{k} = {v:.6g}"
            for k, v in table_line.items()
        )
        if args.anvandning is not None:
            lines.append(voi_label("use_note", lang, use=args.anvandning))
        lines.append(f'{voi_label("for_uncertainty", lang)}: "{args.parameter}" = {{{inner}}}')
    lines.append(voi_label("deadweight_note", lang))
    return Report(voi_label("did_title", lang), lines, [table])


def effekt_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Estimate the effect from the groups on the command line and print it; return 0.

    Parameters
    ----------
    args
        The parsed ``effekt`` arguments.
    stdout, stderr
        Where the result goes (stderr is unused).

    Returns
    -------
    int
        0; bad values raise an :class:`~sociokalkyl.errors.InputError` (exit code 1).

    Examples
    --------
    >>> import io
    >>> from sociokalkyl.cli.main import build_parser
    >>> args = build_parser().parse_args(["effekt", "--insatsgrupp", "100%", "26%", "30",
    ...     "--jamforelse", "Väntelista", "100%", "80%", "30", "--format", "json"])
    >>> out = io.StringIO()
    >>> effekt_command(args, out, io.StringIO())
    0
    >>> [round(e["effect"], 2) for e in json.loads(out.getvalue())["estimates"]]
    [-0.54]
    """
    means = bool(args.medel)
    treated = _group(args.insatsgrupp, "--insatsgrupp", False, means)
    args.groups = [
        _group(values, f"--jamforelse[{i}]", True, means)
        for i, values in enumerate(args.jamforelse)
    ]
    args.use = None
    if args.anvandning is not None:
        args.use = parse_number(args.anvandning, field="--anvandning")
        if not (math.isfinite(args.use) and args.use > 0):
            raise InputError(
                "is not a use per participant and year",
                field="--anvandning",
                value=args.anvandning,
                expected="a positive number, e.g. 10",
            )
    comparison = compare(treated, args.groups, "mean" if means else "share")
    if args.format == "json":
        data = {
            "scale": comparison.scale,
            "estimates": [asdict(e) for e in comparison.estimates],
            "low": comparison.low,
            "high": comparison.high,
            "mean": comparison.mean,
            "sd": comparison.sd if math.isfinite(comparison.sd) else None,
        }
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None, stdout)
        return 0
    emit(render(_report(comparison, args, args.lang), args.format, args.lang), None, stdout)
    return 0

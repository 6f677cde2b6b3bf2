"""``sociokalkyl brytpunkt FILE [PARAMETER]`` (``break-even``): where the NPV is 0.

Examples (from a shell)::

    sociokalkyl brytpunkt kalkyl.toml                        (the multiple of every effect)
    sociokalkyl brytpunkt kalkyl.toml costs[0].amount        (the wage it could bear)
    sociokalkyl brytpunkt kalkyl.toml effects[1].change --betalare kommun
    sociokalkyl brytpunkt kalkyl.toml --lista                (every parameter's name)

Any parameter of the calculation can be solved for, everything else as given; the search
is :func:`~sociokalkyl.analysis.breakeven.break_even_of_plan` (a dense scan, then each
sign change refined), within the parameter's range or ``--inom LÅG HÖG``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from sociokalkyl.cli._common import UsageError, add_lang_option, add_width_option, say
from sociokalkyl.cli._output import screen_width
from sociokalkyl.cli._perspective import add_perspective_option
from sociokalkyl.cli._plan import checked_parameter, checked_payer, file_plan
from sociokalkyl.language.cli import parameter_text
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_sek
from sociokalkyl.language.safety import clean_text, strict_json
from sociokalkyl.report.render import render
from sociokalkyl.report.tables import Report, Table

if TYPE_CHECKING:
    from sociokalkyl.analysis.breakeven import BreakEven
    from sociokalkyl.engine import Plan

__all__ = ["add_break_even_parser", "break_even_command", "break_even_text"]


def add_break_even_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``brytpunkt`` (alias ``break-even``) to ``subparsers``.

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
    >>> add_break_even_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["break-even", "k.toml", "--inom", "0", "2"]).within
    [0.0, 2.0]
    """
    parser = subparsers.add_parser(
        "brytpunkt",
        aliases=["break-even"],
        parents=[common],
        help=say("help.breakeven"),
        description=say("help.breakeven.description"),
    )
    parser.add_argument("file", metavar=say("help.file"), help=say("help.input"))
    parser.add_argument(
        "parameter",
        nargs="?",
        default="effect_multiplier",
        metavar="PARAMETER",
        help=say("help.breakeven.parameter"),
    )
    parser.add_argument(
        "--betalare",
        "--payer",
        dest="payer",
        metavar=say("help.payer_metavar"),
        help=say("help.payer"),
    )
    parser.add_argument(
        "--inom",
        "--within",
        dest="within",
        nargs=2,
        type=float,
        metavar=(say("help.low"), say("help.high")),
        help=say("help.breakeven.within"),
    )
    parser.add_argument(
        "--lista", "--list", dest="list", action="store_true", help=say("help.breakeven.list")
    )
    parser.add_argument("--json", action="store_true", help=say("help.breakeven.json"))
    add_lang_option(parser)
    add_perspective_option(parser)
    add_width_option(parser)
    parser.set_defaults(func=break_even_command)


def break_even_text(b: BreakEven, lang: Lang) -> str:
    """The answer of a break-even search in words, in ``lang``.

    Parameters
    ----------
    b
        The search's result.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.analysis.breakeven import break_even
    >>> print(break_even_text(break_even(*examples.servicetrainee(), "costs[0].amount"), "sv"))
    nettonuvärdet är 0 vid costs[0].amount = 12 272,52 kr/mån (som angivet: 19 784 kr/mån)
    """
    from sociokalkyl.language.cli import cli_word

    def shown(value: float) -> str:
        return parameter_text(value, b.unit, lang, b.parameter)

    who = cli_word("npv_of_payer", lang, payer=b.payer) if b.payer else cli_word("npv_word", lang)
    if b.found:
        text = cli_word(
            "breakeven_found",
            lang,
            who=who,
            parameter=b.parameter,
            value=shown(b.value),
            given=shown(b.base_value),
        )
        others = [shown(r) for r in b.roots if r != b.value]
        return text + (cli_word("breakeven_also", lang, values=", ".join(others)) if others else "")
    sign = cli_word("positive" if b.npv.min() > 0 else "negative", lang)
    return cli_word(
        "breakeven_none",
        lang,
        who=who,
        sign=sign,
        parameter=b.parameter,
        low=shown(b.low),
        high=shown(b.high),
        n=b.grid.size,
        npv_min=format_sek(float(b.npv.min()), lang),
        npv_max=format_sek(float(b.npv.max()), lang),
    )


def _parameters(plan: Plan, lang: Lang) -> Report:
    """Every parameter of the plan: name, meaning and value as given."""
    rows = [
        [name, plan.parameter_label(name, lang), parameter_text(p.value, p.unit, lang, name)]
        for name, p in plan.parameters.items()
    ]
    headers = [say("parameter"), say("what"), say("as_given")]
    table = Table(
        "parameters", say("parameters_title"), headers, rows, [["text"] * 3 for _ in rows]
    )
    return Report(plan.intervention_name, [], [table])


def break_even_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Find where the NPV of ``args.file`` is 0 in ``args.parameter``; return 0.

    Parameters
    ----------
    args
        The parsed ``brytpunkt`` arguments.
    stdout, stderr
        The answer goes to ``stdout``; ``stderr`` is not used.

    Returns
    -------
    int
        0 (also when there is no break-even: that is an answer); usage problems raise
        :class:`~sociokalkyl.cli._common.UsageError`.

    Examples
    --------
    >>> import io
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> path = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    >>> args = build_parser().parse_args(["brytpunkt", str(path), "costs[0].amount"])
    >>> out = io.StringIO()
    >>> break_even_command(args, out, io.StringIO())
    0
    >>> "12 272,52 kr/mån" in out.getvalue()
    True
    """
    from sociokalkyl.analysis.breakeven import break_even_of_plan

    _, plan, _ = file_plan(args)
    lang: Lang = args.lang
    if args.list:
        width = screen_width(args.width, stdout)
        stdout.write(render(_parameters(plan, lang), "table", lang, columns=width))
        return 0
    name = checked_parameter(plan, args.parameter, args.file)
    checked_payer(plan, args.payer)
    low, high = args.within if args.within else (None, None)
    if low is not None and high is not None and not low < high:
        raise UsageError(say("range_order", low=low, high=high))
    b = break_even_of_plan(plan, name, payer=args.payer, low=low, high=high)
    if args.json:
        data = {
            "parameter": b.parameter,
            "unit": b.unit,
            "found": b.found,
            "value": b.value,
            "roots": list(b.roots),
            "base_value": b.base_value,
            "payer": b.payer,
            "low": b.low,
            "high": b.high,
            "text": break_even_text(b, lang),
        }
        stdout.write(strict_json(data) + "\n")
    else:
        stdout.write(clean_text(break_even_text(b, lang)) + "\n")
    return 0

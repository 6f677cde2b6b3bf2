"""``sociokalkyl portfolj FILE...``: several interventions together, and the fund's books.

``FILE`` is a portfolio file (``[[members]]`` and an optional ``[fund]``, see
``docs/fund.md``), or several scenario files (a portfolio without a fund). ``--draws N``
runs one Monte Carlo over the whole portfolio, shared inputs drawn once.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from sociokalkyl.cli._common import UsageError, input_path, positive_int, say
from sociokalkyl.cli._followup_common import add_output_options, write_output
from sociokalkyl.portfolio.books import fund_ledger, yearly_pairs
from sociokalkyl.portfolio.core import Portfolio, evaluate_portfolio
from sociokalkyl.portfolio.simulate import simulate_portfolio
from sociokalkyl.report.portfolio import portfolio_records, portfolio_report
from sociokalkyl.scenario.followup import load_portfolio

__all__ = ["add_portfolj_parser", "portfolj_command"]


def add_portfolj_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``portfolj`` command (alias ``portfolio``) to ``subparsers``.

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
    >>> add_portfolj_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["portfolj", "a.toml", "b.toml"]).files
    ['a.toml', 'b.toml']
    """
    command = subparsers.add_parser(
        "portfolj",
        aliases=["portfolio"],
        parents=[common],
        help=say("help.portfolj"),
        description=say("help.portfolj.description"),
    )
    command.add_argument(
        "files", metavar=say("help.file"), nargs="+", help=say("help.portfolj.files")
    )
    add_output_options(command)
    command.add_argument("--draws", type=positive_int, metavar="N", help=say("help.portfolj.draws"))
    command.add_argument("--seed", type=int, metavar="S", help=say("help.run.seed"))
    command.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    """The command with the process's streams."""
    return portfolj_command(args, sys.stdout, sys.stderr)


def portfolj_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Evaluate the portfolio (and simulate it, and keep the fund's books); return 0.

    Parameters
    ----------
    args
        The parsed arguments (files, format, out, force, lang, draws, seed).
    stdout, stderr
        Where the report and the status line go.

    Returns
    -------
    int
        0; problems raise for ``main`` to report.

    Examples
    --------
    >>> import io, pathlib, tempfile
    >>> from sociokalkyl.cli.main import build_parser
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.toml"
    >>> _ = p.write_text('[[members]]\\nexample = "skolfam"\\n', "utf-8")
    >>> out = io.StringIO()
    >>> portfolj_command(build_parser().parse_args(["portfolj", str(p)]), out, out)
    0
    >>> "Per insats" in out.getvalue()
    True
    """
    if args.seed is not None and args.draws is None:
        raise UsageError(say("seed_needs_draws"))
    sources = [input_path(f) for f in args.files]
    read = load_portfolio(list(sources))
    portfolio = Portfolio(read.names, read.plans)
    result = evaluate_portfolio(portfolio)
    simulation = None
    if args.draws is not None:
        specs = [s.uncertainty for s in read.scenarios]
        pairs = yearly_pairs(read.fund) if read.fund else {}
        simulation = simulate_portfolio(portfolio, specs, args.draws, args.seed, yearly=pairs)
    book = None
    if read.fund is not None:
        book = fund_ledger(read.fund, simulation or result, None if simulation else read.followups)
    empty = read.data.fund.empty_before if read.data.fund else None
    data = portfolio_records(result, simulation, book, read.fund, empty)
    words = portfolio_records(result, simulation, book, read.fund, empty, args.lang)
    report = portfolio_report(words, read.data.name, args.lang)
    return write_output(args, sources, data, report, (stdout, stderr))

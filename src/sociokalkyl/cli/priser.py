"""``sociokalkyl priser``: fetch KPI from SCB into the cache, and show a price index.

Examples (from a shell)::

    sociokalkyl priser uppdatera             # KPI from SCB into the cache
    sociokalkyl priser uppdatera --offline   # what the cache holds, no network
    sociokalkyl priser visa --index OPI      # year, level and origin of each year

English aliases: ``prices``, ``update``, ``show``. A calculation then extends the
shipped KPI with the cached years (the shipped years win where both exist), and the
assumption log says which years came from SCB and when they were fetched.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sociokalkyl.cli._common import positive_int
from sociokalkyl.cli._lang import current_lang
from sociokalkyl.language.labels import Lang, as_lang
from sociokalkyl.language.numbers import format_number
from sociokalkyl.language.prices import origin_text, price_text
from sociokalkyl.money import kpi, price_index
from sociokalkyl.sources.scb import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, KPI_TABLE, update_kpi

__all__ = ["add_priser_parser", "priser_command"]


def _lang(args: argparse.Namespace) -> Lang:
    return as_lang(str(getattr(args, "lang", "sv")))


def add_priser_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``priser`` (alias ``prices``) with ``uppdatera`` and ``visa`` to ``subparsers``.

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
    >>> add_priser_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> args = parser.parse_args(["priser", "uppdatera", "--timeout", "5"])
    >>> args.action, args.timeout, args.offline
    ('uppdatera', 5, False)
    """
    lang = current_lang()  # --help in the language of the call
    priser = subparsers.add_parser(
        "priser",
        aliases=["prices"],
        parents=[common],
        help=price_text("cli_help", lang),
        description=price_text("cli_description", lang),
    )
    actions = priser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)
    update = actions.add_parser(
        "uppdatera", aliases=["update"], parents=[common], help=price_text("cli_update_help", lang)
    )
    update.add_argument("--url", default=DEFAULT_BASE_URL, help=price_text("cli_url_help", lang))
    update.add_argument(
        "--tabell", default=KPI_TABLE, help=price_text("cli_table_help", lang, table=KPI_TABLE)
    )
    update.add_argument(
        "--timeout",
        type=positive_int,
        default=int(DEFAULT_TIMEOUT),
        help=price_text("cli_timeout_help", lang, timeout=DEFAULT_TIMEOUT),
    )
    update.add_argument("--offline", action="store_true", help=price_text("cli_offline_help", lang))
    show = actions.add_parser(
        "visa", aliases=["show"], parents=[common], help=price_text("cli_show_help", lang)
    )
    show.add_argument(
        "--index", default="KPI", type=str.upper, choices=["KPI", "OPI"],
        help=price_text("cli_index_help", lang),
    )  # fmt: skip
    for action in (update, show):
        action.add_argument(
            "--lang", choices=["sv", "en"], default="sv", help=price_text("cli_lang_help", lang)
        )
    priser.set_defaults(func=priser_command)


def priser_command(args: argparse.Namespace) -> int:
    """Run ``priser uppdatera`` or ``priser visa``; 0 on success.

    Parameters
    ----------
    args
        The parsed arguments: ``action`` and the action's options.

    Returns
    -------
    int
        The exit code, 0.

    Errors (no network, a bad answer) are raised as
    :class:`~sociokalkyl.errors.DataSourceError` for ``sociokalkyl``'s main to print.

    Examples
    --------
    >>> import argparse, contextlib, io
    >>> out = io.StringIO()
    >>> with contextlib.redirect_stdout(out):
    ...     code = priser_command(argparse.Namespace(action="visa", index="KPI", lang="sv"))
    >>> code
    0
    >>> out.getvalue().splitlines()[0].split()
    ['År', 'Nivå', 'Varifrån']
    """
    if args.action in ("uppdatera", "update"):
        return _update(args)
    return _show(args)


def _update(args: argparse.Namespace) -> int:
    lang = _lang(args)
    done = update_kpi(
        base_url=args.url, table=args.tabell, timeout=float(args.timeout), offline=args.offline
    )
    series = done.series
    years = sorted(series.levels)
    key = "cli_fetched" if done.fetched else "cli_offline"
    fields = {"date": series.date, "first": years[0], "last": years[-1], "path": done.path}
    lines = [price_text(key, lang, **fields)]
    if done.fetched:
        new = ", ".join(map(str, done.new_years))
        lines.append(price_text("cli_new_years", lang, years=new) if new else "")
        lines[-1] = lines[-1] or price_text("cli_no_new_years", lang)
    shipped = kpi().years
    beyond = [year for year in years if year > shipped[-1]]
    if beyond:
        span = f"{beyond[0]}-{beyond[-1]}" if len(beyond) > 1 else str(beyond[0])
        lines.append(
            price_text("cli_extends", lang, years=span, first=shipped[0], last=shipped[-1])
        )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _show(args: argparse.Namespace) -> int:
    lang = _lang(args)
    index = price_index(args.index)
    header = [price_text(k, lang) for k in ("cli_show_header", "cli_show_level", "cli_show_origin")]
    rows, sources, gaps = [header], [], set()
    for year in index.years:
        origin = index.origin(year)
        short = price_text(f"short_{origin.kind}", lang, date=(origin.retrieved or "")[:10])
        rows.append([str(year), format_number(index.levels[year], 2, lang), short])
        text = f"{short}: {origin_text(origin.kind, origin.source, origin.retrieved, lang)}"
        sources += [text] if text not in sources else []
        chain, previous = index.chains.get(year, 0), year - 1
        if previous not in index.levels or index.chains.get(previous, 0) != chain:
            gaps.add(len(rows) - 1)
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = []
    for number, r in enumerate(rows):
        if number in gaps and number > 1:
            lines.append(price_text("chain_gap", lang))
        lines.append(f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]}")
    lines += ["", price_text("sources", lang), *(f"  {text}" for text in sources)]
    if args.index == "OPI":
        lines += ["", price_text("cli_show_opi_note", lang)]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0

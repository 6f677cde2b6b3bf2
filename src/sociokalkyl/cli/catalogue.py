"""The ``catalogue`` subcommand: list, search and rebase the shipped unit costs.

Examples (from a shell)::

    sociokalkyl catalogue
    sociokalkyl catalogue --price-year 2021 --search hemtjänst
    sociokalkyl catalogue --search foster care --lang en --format csv
    sociokalkyl catalogue --overrides mina-kostnader.csv --format json
    python -m sociokalkyl.cli.catalogue --price-year 2023

An item whose price index cannot reach the requested price year (OPI lacks 2022's
change, KPI ends in 2023) shows why in its row instead of a number. ``json`` carries
plain machine numbers (``7149``, ``9185.3``); ``table`` groups thousands (Swedish
``1 234 567``, English ``1,234,567``). ``csv`` is for Excel in Swedish (``--lang sv``):
a UTF-8 byte-order mark, ``;`` between fields, decimal comma, ``ja``/``nej``; with
``--lang en`` it is machine-style (``,`` and ``.``, no byte-order mark, True/False).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
from collections.abc import Sequence
from typing import Any

from sociokalkyl.catalogue import (
    Catalogue,
    confidence_words,
    default,
    rebase_problem,
    unit_label,
    weak_provenance,
)
from sociokalkyl.cli._common import add_lang_option, say
from sociokalkyl.errors import SociokalkylError
from sociokalkyl.language.catalogue import catalogue_label
from sociokalkyl.language.labels import as_lang, confidence_label
from sociokalkyl.language.numbers import format_amount, format_percent
from sociokalkyl.language.safety import clean_text, spreadsheet_text, strict_json

__all__ = ["add_catalogue_parser", "catalogue_rows", "main", "run_catalogue"]

_COLUMNS = (
    "key",
    "alias_of",
    "name",
    "name_en",
    "value",
    "unit",
    "price_year",
    "price_index",
    "payer",
    "geography",
    "source",
    "confidence",
    "provenance",
    "weak_provenance",
    "note",
    "rebased_value",
    "rebase_note",
)
"""The CSV columns; their headers are ``csv.<column>`` in ``CATALOGUE_LABELS``."""


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--price-year",
        type=int,
        metavar=say("help.catalogue.year"),
        help=say("help.catalogue.price_year"),
    )
    parser.add_argument(
        "--search",
        nargs="+",
        metavar=say("help.catalogue.word"),
        help=say("help.catalogue.search"),
    )
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help=say("help.catalogue.format"),
    )
    add_lang_option(parser)
    parser.add_argument(
        "--overrides", metavar=say("help.file"), help=say("help.catalogue.overrides")
    )
    parser.set_defaults(func=run_catalogue)


def add_catalogue_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``catalogue`` subcommand to a CLI's subparsers (``func=run_catalogue``).

    Parameters
    ----------
    subparsers
        The subparsers of the ``sociokalkyl`` command.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="sociokalkyl")
    >>> add_catalogue_parser(parser.add_subparsers())
    >>> parser.parse_args(["catalogue", "--lang", "en"]).lang
    'en'
    """
    parser = subparsers.add_parser(
        "catalogue",
        aliases=["katalog"],
        help=say("help.catalogue"),
        description=say("help.catalogue.description"),
    )
    _add_arguments(parser)


def _payer_text(payer: str | dict[str, float], lang: str) -> str:
    if isinstance(payer, str):
        return payer
    return ", ".join(
        f"{name} {format_percent(share, as_lang(lang))}" for name, share in payer.items()
    )


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def catalogue_rows(
    catalogue: Catalogue, price_year: int | None = None, lang: str = "sv"
) -> list[dict[str, Any]]:
    """One plain dict per item (English keys, machine numbers), as the JSON output shows.

    ``rebased_value`` is None and ``rebase_note`` says why when the item's index cannot
    reach ``price_year``.

    Parameters
    ----------
    catalogue
        The catalogue to list.
    price_year
        Restate every item in prices of this year with its own index; None: as given.
    lang
        ``"sv"`` or ``"en"``: the unit and provenance words.

    Returns
    -------
    list[dict[str, Any]]
        ``value`` and ``rebased_value`` [SEK per ``unit``], provenance in words.

    Examples
    --------
    >>> from sociokalkyl.catalogue import default
    >>> row = catalogue_rows(default().search(["SiS"]), 2023)[0]
    >>> row["unit"], row["confidence"], row["provenance"]
    ('kr/dygn', 'S', 'står i källan')
    """
    rows = []
    for key in catalogue:
        item = catalogue[key]
        value, unit = unit_label(item, lang)
        row: dict[str, Any] = {
            "key": key,
            "alias_of": catalogue.aliases.get(key),
            "name": item.name,
            "name_en": catalogue.name_en(key),
            "value": _plain(value),
            "unit": unit,
            "price_year": item.price_year,
            "price_index": item.price_index,
            "payer": item.payer if isinstance(item.payer, str) else dict(item.payer),
            "geography": item.geography,
            "source": item.source,
            "confidence": item.confidence,
            "provenance": confidence_words(item.confidence, lang),
            "weak_provenance": weak_provenance(item),
            "note": item.note,
        }
        if price_year is not None:
            problem = rebase_problem(item, price_year, lang)
            rebased = None if problem else unit_label(catalogue.rebased(key, price_year), lang)[0]
            if rebased is not None and not math.isfinite(rebased):
                rebased, problem = None, catalogue_label("rebase_overflow", lang, year=price_year)
            row["rebased_price_year"] = price_year
            row["rebased_value"] = None if rebased is None else _plain(rebased)
            row["rebase_note"] = problem
        rows.append(row)
    return rows


def _csv_cell(value: Any, lang: str) -> Any:
    """A CSV cell: Swedish Excel wants a decimal comma and ja/nej; text never a formula."""
    if isinstance(value, str):
        return spreadsheet_text(value)
    if lang != "sv":
        return value
    if isinstance(value, bool):
        return catalogue_label("yes" if value else "no", lang)
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def _csv(rows: list[dict[str, Any]], price_year: int | None, lang: str) -> str:
    names = [n for n in _COLUMNS if price_year is not None or not n.startswith("rebase")]
    headers = [catalogue_label(f"csv.{n}", lang, year=price_year) for n in names]
    out = io.StringIO()
    sv = lang == "sv"
    writer = csv.writer(out, delimiter=";" if sv else ",", lineterminator="\n")
    writer.writerow(headers)
    for row in rows:
        cells = []
        for name in names:
            value = row.get(name)
            if name == "payer" and isinstance(value, dict):
                value = (", " if sv else ";").join(
                    f"{p}:{_csv_cell(float(s), lang)}" for p, s in value.items()
                )
            cells.append("" if value is None else _csv_cell(value, lang))
        writer.writerow(cells)
    # A byte-order mark, so that Excel on Windows reads UTF-8 (å, ä, ö).
    return ("\ufeff" if sv else "") + out.getvalue()


def _table_body(rows: list[dict[str, Any]], price_year: int | None, lang: str) -> list[str]:
    header = [
        catalogue_label(k, lang)
        for k in ("key", "amount", "unit", "price_year", "index", "payer", "confidence")
    ]
    if price_year is not None:
        header.append(catalogue_label("in_prices", lang, year=price_year))
    body = []
    for row in rows:
        cells = [
            row["key"],
            format_amount(row["value"], as_lang(lang)),
            row["unit"],
            str(row["price_year"]),
            row["price_index"],
            _payer_text(row["payer"], lang),
            confidence_label(row["confidence"], lang),
        ]
        if price_year is not None:
            rebased = row["rebased_value"]
            cells.append(
                row["rebase_note"] if rebased is None else format_amount(rebased, as_lang(lang))
            )
        body.append([clean_text(c) for c in cells])
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i == 1 else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(header), line(["-" * w for w in widths]), *map(line, body)]


def _notes(rows: list[dict[str, Any]], lang: str) -> list[str]:
    out = [catalogue_label("sources_notes", lang)]
    for row in rows:
        description = row["name"] if lang == "sv" else (row["name_en"] or row["name"])
        out.append(f"{row['key']}: {description}")
        if row["alias_of"]:
            out.append(f"    {catalogue_label('alias_of', lang)} {row['alias_of']}")
        where = row["geography"] or catalogue_label("not_given", lang)
        out.append(f"    {catalogue_label('source', lang)}: {row['source'] or '-'}")
        out.append(f"    {catalogue_label('geography', lang)}: {where}")
        if row["weak_provenance"]:
            out.append(f"    {catalogue_label('weak', lang)} ({row['provenance']})")
        if row["note"]:
            out.append(f"    {catalogue_label('note', lang)}: {row['note']}")
    return out


def _table(rows: list[dict[str, Any]], price_year: int | None, lang: str) -> str:
    items = sum(1 for r in rows if not r["alias_of"])
    title = catalogue_label("title", lang, items=items, aliases=len(rows) - items)
    if price_year is not None:
        title += catalogue_label("restated", lang, year=price_year)
    notes = [clean_text(line) for line in _notes(rows, lang)]
    out = [title, "", *_table_body(rows, price_year, lang), "", *notes]
    return "\n".join(out) + "\n"


def run_catalogue(args: argparse.Namespace) -> int:
    """Run the ``catalogue`` subcommand; 0 on success, 1 (with a message on stderr) on error.

    Parameters
    ----------
    args
        The parsed arguments: ``price_year``, ``search``, ``format``, ``lang``,
        ``overrides``.

    Returns
    -------
    int
        The exit code.

    Examples
    --------
    >>> import argparse
    >>> run_catalogue(argparse.Namespace(search=["finns", "inte"], lang="en"))
    1
    """
    lang = getattr(args, "lang", "sv") or "sv"
    price_year = getattr(args, "price_year", None)
    try:
        catalogue = default()
        overrides = getattr(args, "overrides", None)
        if overrides:
            catalogue = catalogue.with_overrides(overrides)
        words = getattr(args, "search", None)
        if words:
            catalogue = catalogue.search(words)
            if not catalogue:
                text = " ".join(words)
                print(catalogue_label("no_match", lang, text=text), file=sys.stderr)
                return 1
        rows = catalogue_rows(catalogue, price_year, lang)
    except SociokalkylError as exc:
        print(clean_text(f"{catalogue_label('error', lang)}: {exc}"), file=sys.stderr)
        return 1
    fmt = getattr(args, "format", "table") or "table"
    if fmt == "json":
        text = strict_json(rows) + "\n"
    elif fmt == "csv":
        text = _csv(rows, price_year, lang)
    else:
        text = _table(rows, price_year, lang)
    sys.stdout.write(text)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sociokalkyl.cli.catalogue [options]``.

    Parameters
    ----------
    argv
        The arguments (None: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit code.

    Examples
    --------
    >>> main(["--search", "SiS", "--format", "json"])  # doctest: +ELLIPSIS
    [
      {
        "key": "sis_...
    0
    """
    parser = argparse.ArgumentParser(
        prog="sociokalkyl catalogue", description=say("help.catalogue.description")
    )
    _add_arguments(parser)
    return run_catalogue(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())

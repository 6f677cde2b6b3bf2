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
import json
import sys
from collections.abc import Sequence
from typing import Any

from sociokalkyl.catalogue import (
    Catalogue,
    confidence_words,
    default,
    format_number,
    rebase_problem,
    unit_label,
    weak_provenance,
)
from sociokalkyl.errors import SociokalkylError

__all__ = ["add_catalogue_parser", "catalogue_rows", "main", "run_catalogue"]

_HELP = "list, search and rebase the shipped unit costs (kostnadskatalogen)"

_HEADERS = {
    "sv": {
        "key": "nyckel",
        "alias_of": "alias_för",
        "name": "beskrivning",
        "name_en": "beskrivning_en",
        "value": "belopp",
        "unit": "enhet",
        "price_year": "prisår",
        "price_index": "prisindex",
        "payer": "betalare",
        "geography": "geografi",
        "source": "källa",
        "confidence": "säkerhet",
        "provenance": "härkomst",
        "weak_provenance": "svag_härkomst",
        "note": "anmärkning",
        "rebased_value": "belopp_{year}",
        "rebase_note": "omräkning_{year}",
    },
    "en": {
        "key": "key",
        "alias_of": "alias_of",
        "name": "description_sv",
        "name_en": "description_en",
        "value": "value",
        "unit": "unit",
        "price_year": "price_year",
        "price_index": "price_index",
        "payer": "payer",
        "geography": "geography",
        "source": "source",
        "confidence": "confidence",
        "provenance": "provenance",
        "weak_provenance": "weak_provenance",
        "note": "note",
        "rebased_value": "value_{year}",
        "rebase_note": "rebasing_{year}",
    },
}


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--price-year",
        type=int,
        metavar="YEAR",
        help="restate every item in prices of YEAR with its own index (KPI or OPI)",
    )
    parser.add_argument(
        "--search",
        nargs="+",
        metavar="WORD",
        help="only items whose key, Swedish or English description, geography or source "
        "contain every word (e.g. --search hemtjänst, --search foster care)",
    )
    parser.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    parser.add_argument(
        "--lang", choices=("sv", "en"), default="sv", help="language of headers and numbers"
    )
    parser.add_argument(
        "--overrides",
        metavar="FILE",
        help="a .csv or .toml file whose items replace or add to the shipped ones",
    )
    parser.set_defaults(func=run_catalogue)


def add_catalogue_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``catalogue`` subcommand to a CLI's subparsers (``func=run_catalogue``)."""
    parser = subparsers.add_parser(
        "catalogue",
        help=_HELP,
        description=_HELP + ". " + (__doc__ or "").split("\n\n")[2].replace("\n", " "),
    )
    _add_arguments(parser)


def _payer_text(payer: str | dict[str, float], lang: str) -> str:
    if isinstance(payer, str):
        return payer
    shares = ((name, f"{100 * share:.1f}") for name, share in payer.items())
    return ", ".join(
        f"{name} {share.replace('.', ',') if lang == 'sv' else share} %" for name, share in shares
    )


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def catalogue_rows(
    catalogue: Catalogue, price_year: int | None = None, lang: str = "sv"
) -> list[dict[str, Any]]:
    """One plain dict per item (English keys, machine numbers), as the JSON output shows.

    ``rebased_value`` is None and ``rebase_note`` says why when the item's index cannot
    reach ``price_year``.
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
            row["rebased_price_year"] = price_year
            row["rebased_value"] = None if rebased is None else _plain(rebased)
            row["rebase_note"] = problem
        rows.append(row)
    return rows


def _csv_cell(value: Any, lang: str) -> Any:
    """A CSV cell: Swedish Excel wants a decimal comma and ja/nej."""
    if lang != "sv":
        return value
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def _csv(rows: list[dict[str, Any]], price_year: int | None, lang: str) -> str:
    names = [n for n in _HEADERS[lang] if price_year is not None or not n.startswith("rebase")]
    headers = [_HEADERS[lang][n].format(year=price_year) for n in names]
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


def _table(rows: list[dict[str, Any]], price_year: int | None, lang: str) -> str:
    sv = lang == "sv"
    header = (
        ["Nyckel", "Belopp", "Enhet", "Prisår", "Index", "Betalare", "Säkerhet"]
        if sv
        else ["Key", "Amount", "Unit", "Price year", "Index", "Payer", "Confidence"]
    )
    if price_year is not None:
        header.append(f"I {price_year} års priser" if sv else f"In {price_year} prices")
    body = []
    for row in rows:
        cells = [
            row["key"],
            format_number(row["value"], lang),
            row["unit"],
            str(row["price_year"]),
            row["price_index"],
            _payer_text(row["payer"], lang),
            f"{row['confidence'] or '-'} ({row['provenance']})",
        ]
        if price_year is not None:
            rebased = row["rebased_value"]
            cells.append(row["rebase_note"] if rebased is None else format_number(rebased, lang))
        body.append(cells)
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i == 1 else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    items = sum(1 for r in rows if not r["alias_of"])
    title = (
        f"Kostnadskatalogen: {items} poster, {len(rows) - items} alias"
        if sv
        else f"Cost catalogue: {items} items, {len(rows) - items} aliases"
    )
    if price_year is not None:
        title += (
            f"; belopp omräknade till {price_year} års priser med postens index (KPI eller OPI)"
            if sv
            else f"; amounts restated in {price_year} prices with each item's index (KPI or OPI)"
        )
    out = [title, "", line(header), line(["-" * w for w in widths]), *map(line, body), ""]
    out.append("Källor och anmärkningar:" if sv else "Sources and notes:")
    for row in rows:
        description = row["name"] if sv else (row["name_en"] or row["name"])
        out.append(f"{row['key']}: {description}")
        if row["alias_of"]:
            out.append(f"    {'alias för' if sv else 'alias of'} {row['alias_of']}")
        where = row["geography"] or ("ej angiven" if sv else "not given")
        out.append(f"    {'Källa' if sv else 'Source'}: {row['source'] or '-'}")
        out.append(f"    {'Geografi' if sv else 'Geography'}: {where}")
        if row["weak_provenance"]:
            out.append(
                f"    {'OBS: svag härkomst' if sv else 'Note: weak provenance'} "
                f"({row['provenance']})"
            )
        if row["note"]:
            out.append(f"    {'Anmärkning' if sv else 'Note'}: {row['note']}")
    return "\n".join(out) + "\n"


def run_catalogue(args: argparse.Namespace) -> int:
    """Run the ``catalogue`` subcommand; 0 on success, 1 (with a message on stderr) on error."""
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
                print(
                    f"Inga poster matchar {text!r}."
                    if lang == "sv"
                    else f"No item matches {text!r}.",
                    file=sys.stderr,
                )
                return 1
        rows = catalogue_rows(catalogue, price_year, lang)
    except SociokalkylError as exc:
        print(f"{'fel' if lang == 'sv' else 'error'}: {exc}", file=sys.stderr)
        return 1
    fmt = getattr(args, "format", "table") or "table"
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        text = _csv(rows, price_year, lang)
    else:
        text = _table(rows, price_year, lang)
    sys.stdout.write(text)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sociokalkyl.cli.catalogue [options]``."""
    parser = argparse.ArgumentParser(prog="sociokalkyl catalogue", description=_HELP)
    _add_arguments(parser)
    return run_catalogue(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())

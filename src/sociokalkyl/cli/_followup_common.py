"""What ``uppfoljning`` and ``portfolj`` share: their output options and the writing."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from sociokalkyl.cli._common import UsageError, add_lang_option, emit, message, output_path, say
from sociokalkyl.cli.run import format_from_suffix
from sociokalkyl.language.labels import Lang
from sociokalkyl.language.safety import strict_json
from sociokalkyl.report.render import render
from sociokalkyl.report.tables import Report

__all__ = ["add_output_options", "write_output"]


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--format``, ``--out``, ``--force`` and ``--lang`` (as ``run`` has them).

    Parameters
    ----------
    parser
        The command's parser.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> add_output_options(p)
    >>> p.parse_args(["--format", "json"]).lang
    'sv'
    """
    parser.add_argument(
        "--format",
        choices=["table", "json", "csv", "md"],
        help=say("help.run.format"),
    )
    parser.add_argument("--out", metavar=say("help.path"), help=say("help.out"))
    parser.add_argument("--force", action="store_true", help=say("help.force"))
    add_lang_option(parser)


def write_output(
    args: argparse.Namespace,
    inputs: list[Path],
    data: dict[str, Any],
    report: Report,
    streams: tuple[TextIO, TextIO],
) -> int:
    """Write the records as JSON, or the report as text, Markdown or CSV; return 0.

    Parameters
    ----------
    args
        The parsed options (format, out, force, lang).
    inputs
        The files read (``--out`` may not name one of them).
    data
        The records (JSON writes them).
    report
        The report in words (the other formats).
    streams
        stdout and stderr.

    Returns
    -------
    int
        0.

    Examples
    --------
    >>> import io
    >>> ns = argparse.Namespace(format="json", out=None, force=False, lang="sv")
    >>> out = io.StringIO()
    >>> write_output(ns, [], {"a": 1}, Report("t", [], []), (out, io.StringIO()))
    0
    >>> out.getvalue()
    '{\\n  "a": 1\\n}\\n'
    """
    stdout, stderr = streams
    out = output_path(args.out, inputs, overwrite=args.force) if args.out else None
    fmt = args.format or (format_from_suffix(out) if out else "table")
    if fmt == "xlsx":
        raise UsageError(say("followup_out_not_xlsx"))
    lang: Lang = args.lang
    if fmt == "json":
        text = strict_json(data) + "\n"
    else:
        text = render(report, fmt, lang)
        if fmt == "csv":
            text = "\ufeff" + text  # a byte-order mark: Excel reads the file as UTF-8
    emit(text, out, stdout, overwrite=args.force)
    if out is not None:
        stderr.write(message("wrote", lang, path=out) + "\n")
    return 0

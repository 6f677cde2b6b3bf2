"""``sociokalkyl konvertera KÄLLA MÅL`` (``convert``): Excel template <-> TOML/YAML/JSON.

Examples (from a shell)::

    sociokalkyl konvertera kalkyl.xlsx kalkyl.toml
    sociokalkyl konvertera kalkyl.toml kalkyl.xlsx
    sociokalkyl konvertera kalkyl.toml kalkyl.xlsx --force     (replace an earlier file)

The file is read and checked as ``validate`` does, written in the format of the target's
suffix, then read back: the conversion is kept only if the copy holds the same model
(:func:`~sociokalkyl.scenario.same.model_differences`: the same parameters with the
same values, the same flows, actors, recipients, owners and weights, the same outcomes,
uncertainty and scenarios), so nothing the template cannot hold is lost silently; the
error names the parts that differ. The target is written beside itself
first and moved into place only then; an existing file is replaced only with
``--force``. Comments of a TOML file are not carried over.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from sociokalkyl._atomic import write_atomic
from sociokalkyl.cli._common import (
    UsageError,
    add_lang_option,
    input_path,
    output_path,
    say,
)
from sociokalkyl.errors import InputError
from sociokalkyl.language.model_words import model_text, part_list
from sociokalkyl.scenario.read import (
    FORMATS,
    Scenario,
    ScenarioError,
    dumps_scenario,
    load_scenario,
)
from sociokalkyl.scenario.same import model_differences, same_model

__all__ = ["add_convert_parser", "convert_command", "same_model"]


def add_convert_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add ``konvertera`` (alias ``convert``) to ``subparsers``.

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
    >>> add_convert_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> parser.parse_args(["convert", "a.xlsx", "a.toml"]).target
    'a.toml'
    """
    parser = subparsers.add_parser(
        "konvertera",
        aliases=["convert"],
        parents=[common],
        help=say("help.convert"),
        description=say("help.convert.description"),
    )
    parser.add_argument("source", metavar=say("help.file"), help=say("help.input"))
    parser.add_argument("target", metavar=say("help.path"), help=say("help.convert.target"))
    parser.add_argument("--force", action="store_true", help=say("help.force"))
    add_lang_option(parser)
    parser.set_defaults(func=convert_command)


def _formats(source: Path, target: Path) -> str:
    """The target's format; usage errors for an unknown or the same format."""
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise UsageError(
            say("convert_unknown_target", path=target, suffix=target.suffix or say("no_suffix"))
        )
    if fmt == FORMATS.get(source.suffix.lower()):
        raise UsageError(say("convert_same_format", source=source, target=target))
    return str(fmt)


def convert_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Convert ``args.source`` to ``args.target``; return 0.

    Parameters
    ----------
    args
        The parsed ``konvertera`` arguments (source, target, force, lang).
    stdout, stderr
        The status line goes to ``stderr``; nothing to ``stdout``.

    Returns
    -------
    int
        0; a usage problem raises :class:`~sociokalkyl.cli._common.UsageError`, a file
        that cannot be read a :class:`~sociokalkyl.scenario.read.ScenarioError`.

    Examples
    --------
    >>> import io, tempfile
    >>> from importlib import resources
    >>> from sociokalkyl.cli.main import build_parser
    >>> source = resources.files("sociokalkyl") / "examples" / "skolfam.toml"
    >>> target = Path(tempfile.mkdtemp()) / "skolfam.xlsx"
    >>> args = build_parser().parse_args(["konvertera", str(source), str(target)])
    >>> convert_command(args, io.StringIO(), io.StringIO()), target.exists()
    (0, True)
    """
    source = input_path(args.source)
    target = output_path(args.target, [source], overwrite=args.force, flag="")
    fmt = _formats(source, target)
    scenario = load_scenario(source, lang=args.lang)
    draft = target.with_name(f".{target.stem}.konvertera{target.suffix}")
    try:
        _write(scenario, draft, fmt)
        try:
            copy = load_scenario(draft, lang=args.lang)
        except (ScenarioError, InputError):
            copy = None
        lost = ["unreadable"] if copy is None else model_differences(scenario, copy)
        if lost:
            raise InputError(
                model_text("not_same", args.lang, parts=part_list(lost, args.lang)),
                field=str(target),
                value=str(source),
                expected=model_text("not_same_expected", args.lang),
            )
        os.replace(draft, target)
    finally:
        if draft.exists():
            draft.unlink()
    stderr.write(say("converted", source=source, target=target) + "\n")
    return 0


def _write(scenario: Scenario, path: Path, fmt: str) -> None:
    """Write ``scenario`` to ``path`` (a new file) in ``fmt``."""
    if fmt == "xlsx":
        from sociokalkyl.scenario.excel import write_template

        # the template has no [catalogue]: a file's own item goes in as a whole row
        own = scenario.catalogue or {}
        items = [
            own.get(i, i) if isinstance(i, str) else i for i in scenario.intervention.cost_items
        ]
        intervention = scenario.intervention.model_copy(update={"cost_items": items})
        write_template(
            path,
            intervention,
            scenario.settings,
            uncertainty=scenario.uncertainty,
            scenarios=scenario.scenarios,
        )
    else:
        text = dumps_scenario(scenario, fmt, swedish=True)  # type: ignore[arg-type]
        write_atomic(path, text.encode("utf-8"), overwrite=True)

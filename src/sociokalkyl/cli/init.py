"""``sociokalkyl init PATH``: write a commented starting file from a bundled example.

Examples (from a shell)::

    sociokalkyl init min_kalkyl.toml
    sociokalkyl init --example skolfam skolfam.yaml
    sociokalkyl init --format xlsx min_kalkyl.xlsx
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import Any, TextIO

from sociokalkyl._atomic import replaceable_path, write_atomic
from sociokalkyl.cli._common import UsageError, add_lang_option, message, say
from sociokalkyl.cli._empty import write_empty
from sociokalkyl.errors import InputError
from sociokalkyl.examples.bundled import DESCRIPTIONS, load, text
from sociokalkyl.report.formats import Lang
from sociokalkyl.scenario.read import Format, dumps_scenario, parse_scenario

__all__ = ["SUFFIX_FORMATS", "add_init_parser", "init_command", "own_name"]

SUFFIX_FORMATS: dict[str, str] = {
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".xlsx": "xlsx",
}
"""The file format a suffix of ``PATH`` names."""


def add_init_parser(
    subparsers: argparse._SubParsersAction[Any], common: argparse.ArgumentParser
) -> None:
    """Add the ``init`` command to ``subparsers`` (``common`` holds ``--debug``).

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
    >>> add_init_parser(parser.add_subparsers(parser_class=Parser), Parser(add_help=False))
    >>> args = parser.parse_args(["init", "kalkyl.toml"])
    >>> args.example, args.empty
    (None, False)
    """
    init = subparsers.add_parser(
        "init",
        parents=[common],
        help=say("help.init"),
        description=say("help.init.description"),
    )
    init.add_argument("path", metavar=say("help.path"), help=say("help.init.path"))
    init.add_argument("--example", choices=sorted(DESCRIPTIONS), help=say("help.init.example"))
    init.add_argument(
        "--format", choices=["toml", "yaml", "json", "xlsx"], help=say("help.init.format")
    )
    init.add_argument(
        "--tom", "--empty", dest="empty", action="store_true", help=say("help.init.empty")
    )
    init.add_argument("--force", action="store_true", help=say("help.force"))
    add_lang_option(init)
    init.set_defaults(func=init_command)


def _checked_target(args: argparse.Namespace) -> tuple[Path, str]:
    """The file to write and its format; usage errors for a clash, a directory, a file."""
    path = Path(args.path)
    suffix_format = SUFFIX_FORMATS.get(path.suffix.lower())
    fmt: str = args.format or suffix_format or "toml"
    if suffix_format is not None and args.format and suffix_format != args.format:
        raise UsageError(say("init_suffix_clash", path=path, suffix=path.suffix, fmt=fmt))
    if path.is_dir():
        raise UsageError(say("init_is_dir", path=path, example=path / "kalkyl.toml"))
    try:
        replaceable_path(path)
    except InputError:
        raise UsageError(say("not_regular", flag="", path=path).lstrip()) from None
    if os.path.lexists(path) and not args.force:
        raise UsageError(say("exists", flag="", path=path).lstrip())
    if not path.resolve().parent.is_dir():
        raise UsageError(say("no_directory", flag="", path=path, parent=path.parent).lstrip())
    if args.empty and args.example:
        raise UsageError(say("init_example_and_empty"))
    return path, fmt


def init_command(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Write the example ``args.example`` to ``args.path`` in its format; return 0.

    TOML keeps the example's comments (with the file's own name in them); YAML and JSON
    hold the same data; ``xlsx`` is the Excel input template filled with the example.

    Parameters
    ----------
    args
        The parsed ``init`` arguments (path, example, format, force, lang).
    stdout, stderr
        The next steps go to ``stderr``; nothing goes to ``stdout``.

    Returns
    -------
    int
        The exit code, 0; a usage problem raises
        :class:`~sociokalkyl.cli._common.UsageError`.

    Examples
    --------
    >>> import io, tempfile
    >>> from pathlib import Path
    >>> from sociokalkyl.cli.main import build_parser
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "kalkyl.toml"
    ...     args = build_parser().parse_args(["init", str(path)])
    ...     code = init_command(args, io.StringIO(), io.StringIO())
    ...     "sociokalkyl run kalkyl.toml" in path.read_text("utf-8")
    True
    """
    path, fmt = _checked_target(args)
    lang: Lang = args.lang
    if args.empty:
        write_empty(path, fmt, lang, overwrite=args.force)
        stderr.write(say("init_empty", path=path) + _next_steps(path))
        return 0
    example = args.example or "servicetrainee"
    if fmt == "xlsx":
        from sociokalkyl.scenario.excel import write_template

        # the template takes the models (scenario/ sits below examples/)
        intervention, settings = load(example)
        write_template(path, intervention, settings)
    else:
        content = _example_file_text(example, fmt, path.name).encode("utf-8")
        write_atomic(path, content, overwrite=args.force)
    stderr.write(message("init", lang, path=path, example=example) + _next_steps(path))
    return 0


def _next_steps(path: Path) -> str:
    """The commands to run next, one a line, after the status line."""
    return f"\n  sociokalkyl validate {path}\n  sociokalkyl run {path}\n"


def _example_file_text(example: str, fmt: str, name: str) -> str:
    """The example as the text of a ``toml``, ``yaml`` or ``json`` file called ``name``."""
    content = text(example)
    if fmt != "toml":
        text_format: Format = "yaml" if fmt == "yaml" else "json"
        content = dumps_scenario(parse_scenario(content, "toml", validate=False), text_format)
    if fmt == "toml":
        content = own_name(content, example, name)
    if not content.endswith("\n"):
        content += "\n"
    return content


def own_name(content: str, example: str, name: str) -> str:
    """The example's comments (``# Kör: sociokalkyl run EXAMPLE.toml``) with the file's name.

    Parameters
    ----------
    content
        The example's TOML text.
    example
        The example's name (the stem of its file).
    name
        The name of the file being written; quoted if it holds a space or other
        characters a shell would split on.

    Returns
    -------
    str
        ``content`` with ``sociokalkyl run|validate EXAMPLE.toml`` naming ``name``.

    Examples
    --------
    >>> own_name("# sociokalkyl run skolfam.toml", "skolfam", "min kalkyl.toml")
    '# sociokalkyl run "min kalkyl.toml"'
    """
    shown = name if re.fullmatch(r"[\w.\-]+", name) else '"' + name + '"'
    return re.sub(
        rf"(sociokalkyl\s+(?:run|validate)\s+){re.escape(example)}\.toml\b",
        lambda match: match.group(1) + shown,
        content,
    )

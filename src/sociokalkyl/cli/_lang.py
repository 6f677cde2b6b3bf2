"""The command line's language: chosen once per call, used by every message and parser.

``sociokalkyl`` speaks Swedish unless ``--lang en`` is given anywhere on the command
line or the environment variable ``SOCIOKALKYL_LANG`` is ``en`` (``--lang`` wins).
:func:`main <sociokalkyl.cli.main.main>` sets the language with :func:`speaking`; the
commands' texts come from :func:`say`, and :class:`Parser` has argparse speak it too:
while a parser is built, parses or formats its help, argparse's ``gettext`` (its
``_`` and ``ngettext``) is replaced by a lookup in
:data:`~sociokalkyl.language.cli.ARGPARSE_SV`, and restored after.
"""

from __future__ import annotations

import argparse
import contextvars
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from sociokalkyl.language.cli import argparse_word, cli_word
from sociokalkyl.language.labels import Lang

__all__ = ["ENV_VAR", "Parser", "UsageError", "current_lang", "lang_of", "say", "speaking"]

ENV_VAR = "SOCIOKALKYL_LANG"
"""The environment variable that sets the language when ``--lang`` is not given."""

_LANG: contextvars.ContextVar[Lang] = contextvars.ContextVar("sociokalkyl_cli_lang", default="sv")


class UsageError(Exception):
    """The command was used wrongly (exit code 2).

    Examples
    --------
    >>> str(UsageError("--seed goes with --draws N"))
    '--seed goes with --draws N'
    """


def lang_of(arguments: Sequence[str], environ: dict[str, str] | None = None) -> Lang:
    """The language a command line asks for: ``--lang``, else ``SOCIOKALKYL_LANG``, else sv.

    Parameters
    ----------
    arguments
        The arguments after the program name.
    environ
        The environment (default ``os.environ``).

    Returns
    -------
    Lang
        ``"sv"`` or ``"en"``; an unknown value counts as Swedish (argparse then says
        the value is not a choice).

    Examples
    --------
    >>> lang_of(["run", "a.toml", "--lang", "en"]), lang_of(["--lang=en"]), lang_of([], {})
    ('en', 'en', 'sv')
    >>> english = {"SOCIOKALKYL_LANG": "en"}
    >>> lang_of([], english), lang_of(["--lang", "sv"], english)
    ('en', 'sv')
    """
    chosen = (os.environ if environ is None else environ).get(ENV_VAR, "sv")
    for i, arg in enumerate(arguments):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(arguments):
            chosen = arguments[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    return "en" if chosen.strip().lower() == "en" else "sv"


def current_lang() -> Lang:
    """The language of the command line being run (Swedish outside one).

    Returns
    -------
    Lang

    Examples
    --------
    >>> current_lang()
    'sv'
    """
    return _LANG.get()


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Run the block with ``lang`` as the command line's language.

    Parameters
    ----------
    lang
        ``"sv"`` or ``"en"``.

    Yields
    ------
    None

    Examples
    --------
    >>> with speaking("en"):
    ...     say("no_such_file", path="a.toml")
    'a.toml: no such file'
    """
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def say(key: str, **values: Any) -> str:
    """The text ``key`` of :data:`~sociokalkyl.language.cli.CLI_WORDS` in the current language.

    Parameters
    ----------
    key
        A key of ``CLI_WORDS``.
    **values
        The fields of its format string.

    Returns
    -------
    str

    Examples
    --------
    >>> say("no_such_file", path="a.toml")
    'a.toml: filen finns inte'
    """
    return cli_word(key, current_lang(), **values)


@contextmanager
def _argparse_speaking() -> Iterator[None]:
    """argparse's ``_`` and ``ngettext`` answer in the current language inside the block."""
    lang = current_lang()
    module: Any = argparse
    saved = module._, module.ngettext

    def plural(singular: str, plural_form: str, n: int) -> str:
        return argparse_word(singular if n == 1 else plural_form, lang)

    module._ = lambda text: argparse_word(text, lang)
    module.ngettext = plural
    try:
        yield
    finally:
        module._, module.ngettext = saved


class Parser(argparse.ArgumentParser):
    """An ArgumentParser in the current language that raises instead of exiting.

    Its usage, section titles, ``-h`` text and error messages are in the language of
    :func:`current_lang`; an error raises :class:`UsageError` (exit code 2 in ``main``).

    Examples
    --------
    >>> parser = Parser(prog="sociokalkyl")
    >>> try:
    ...     parser.parse_args(["--nej"])
    ... except UsageError as exc:
    ...     print(exc)
    sociokalkyl: okända argument: --nej
    (se `sociokalkyl --help`)
    >>> with speaking("en"):
    ...     Parser(prog="x").format_usage()
    'usage: x [-h]\\n'
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _argparse_speaking():
            super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """As argparse's, in the current language."""
        with _argparse_speaking():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        """As argparse's, in the current language."""
        with _argparse_speaking():
            parsed: argparse.Namespace = super().parse_args(args, namespace)
        return parsed

    def format_usage(self) -> str:
        """As argparse's, in the current language."""
        with _argparse_speaking():
            return super().format_usage()

    def format_help(self) -> str:
        """As argparse's, in the current language."""
        with _argparse_speaking():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """Raise a :class:`UsageError` with ``message`` and a pointer to ``--help``.

        Parameters
        ----------
        message
            argparse's message, already in the current language.

        Raises
        ------
        UsageError
            Always.
        """
        raise UsageError(f"{self.prog}: {message}\n" + say("see_help", prog=self.prog))

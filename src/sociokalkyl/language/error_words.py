"""The library's error wordings in Swedish: the limits, the actors and flows, the commands.

:mod:`sociokalkyl.language.cli_problems` turns the readers' commonest wordings into
Swedish; this module adds the rest a user meets on the command line: the documented
limits (:mod:`sociokalkyl.limits`, see ``docs/limits.md``), the actors, flows and tax
rates of the perspectives (issue 10), the unknown names of the engine and the
uncertainty, and the usage errors of ``effekt``, ``vardet-av-information``,
``uppfoljning`` and ``portfolj`` (:data:`ERROR_WORDS`, keys of
:data:`~sociokalkyl.language.cli.CLI_WORDS`). A number in a limit's message is written
in Swedish format (``5 000 000 byte``); the field path and the value stay as they are.

Examples
--------
>>> swedish_error("has 10001 items, more than the limit of 10000")
'har 10 001 poster, fler än gränsen 10 000'
>>> swedish_error("at most 5000000 bytes")
'högst 5 000 000 byte'
"""

from __future__ import annotations

import re

from sociokalkyl.language.error_actors import ACTORS
from sociokalkyl.language.error_analysis import ANALYSIS, UNCERTAINTY
from sociokalkyl.language.error_catalogue import CATALOGUE, ENGINE, GENERIC
from sociokalkyl.language.error_format import Replacement, swedish_number
from sociokalkyl.language.error_limits import LIMITS, TEMPLATE_READER
from sociokalkyl.language.error_model import MODEL
from sociokalkyl.language.error_prices import PRICE_INDEX, PRICES
from sociokalkyl.language.error_scenario import SCENARIO
from sociokalkyl.language.error_sources import SOURCES
from sociokalkyl.language.error_units import PYDANTIC, UNITS

TABLES = (
    *PYDANTIC,
    *UNITS,
    *MODEL,
    *SCENARIO,
    *PRICE_INDEX,
    *SOURCES,
    *CATALOGUE,
    *ENGINE,
    *ANALYSIS,
    *UNCERTAINTY,
    *GENERIC,
)
"""The tables written as templates (:func:`~sociokalkyl.language.error_format.templates`)."""

__all__ = ["ERRORS_SV", "ERROR_WORDS", "swedish_error", "swedish_number", "swedish_value"]

ERROR_WORDS: dict[str, tuple[str, str]] = {
    "effekt_group_shape": (
        "{field}: ange {name}{shape}, fick {values}",
        "{field}: give {name}{shape}, got {values}",
    ),
    "effekt_name": ("NAMN ", "NAME "),
    "effekt_shape_means": ("FÖRE EFTER [ANTAL SD]", "BEFORE AFTER [SIZE SD]"),
    "effekt_shape_shares": ("FÖRE EFTER [ANTAL]", "BEFORE AFTER [SIZE]"),
    "vardet_no_uncertainty": (
        "{file} har ingen tabell [uncertainty]: inget är osäkert; lägg till t.ex. "
        '"effects[0].change" = {{ kind = "triangular", low = -0.4, mode = -0.3, high = -0.1 }}',
        "{file} has no [uncertainty] table: nothing is uncertain; add e.g. "
        '"effects[0].change" = {{ kind = "triangular", low = -0.4, mode = -0.3, high = -0.1 }}',
    ),
    "uppfoljning_mall_xlsx": (
        "--mall {out}: uppföljningsbladet är en arbetsbok; ange en sökväg som slutar på "
        ".xlsx, t.ex. --mall uppfoljning.xlsx",
        "--mall {out}: the sheet is a workbook; give a path ending in .xlsx, "
        "e.g. --mall uppfoljning.xlsx",
    ),
    "followup_out_not_xlsx": (
        "--out: kommandot skriver .txt, .md, .csv eller .json, inte .xlsx; t.ex. --out resultat.md",
        "--out: this command writes .txt, .md, .csv or .json, not .xlsx; e.g. --out result.md",
    ),
}
"""The usage errors of the follow-up, effect and value-of-information commands."""


ERRORS_SV: tuple[tuple[re.Pattern[str], Replacement], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (*LIMITS, *ACTORS, *TEMPLATE_READER, *PRICES, *TABLES)
)
"""(pattern, Swedish replacement), applied in order, each wherever it matches."""


def swedish_error(text: str) -> str:
    """``text`` with the known wordings of :data:`ERRORS_SV` in Swedish.

    Parameters
    ----------
    text
        An error's message, what was expected, or its value as text.

    Returns
    -------
    str
        The text with every known wording replaced; unknown wordings stay English.

    Examples
    --------
    >>> swedish_error("at most 100,000,000 draws, e.g. draws=10_000 (100 000 for the tails)")
    'högst 100 000 000 dragningar, t.ex. --draws 10000 (100 000 för svansarna)'
    >>> swedish_error("is not a known payer; did you mean 'kommun'?")
    "är inte en känd betalare; menade du 'kommun'?"
    """
    for pattern, replacement in ERRORS_SV:
        text = pattern.sub(replacement, text)
    return text


_SIZE = re.compile(r"(\d+) bytes")


def swedish_value(value: str) -> str:
    """A value the library wrote itself (a file's size, ``"5000123 bytes"``) in Swedish.

    Any other value is what the user wrote and is shown as it is.

    Parameters
    ----------
    value
        The value of an error.

    Returns
    -------
    str

    Examples
    --------
    >>> swedish_value("5000123 bytes"), swedish_value("tio")
    ('5 000 123 byte', 'tio')
    """
    size = _SIZE.fullmatch(value)
    return f"{swedish_number(size.group(1))} byte" if size else value

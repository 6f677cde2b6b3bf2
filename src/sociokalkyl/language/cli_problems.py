"""The commonest problem texts of the readers, in Swedish for the command line.

The readers of scenario files and the Excel template (and pydantic under them) word a
problem in English; the command line shows it in its own language. This table turns the
texts a new user meets first (an unknown or missing field, a number that is not one, an
unreadable unit, an ambiguous number, the percent trap, a file that is not UTF-8 or not
valid TOML/YAML/JSON) into Swedish, then :mod:`sociokalkyl.language.error_words` the
limits, actors and flows; any other text is shown as it is, in English.

Examples
--------
>>> swedish_problem("unknown field 'drop_of'; did you mean 'drop_off'?")
"okänt fält 'drop_of'; menade du 'drop_off'?"
>>> swedish_problem("one of cost_item, kind")
'ett av cost_item, kind'
>>> swedish_problem("something else")
'something else'
"""

from __future__ import annotations

import re

from sociokalkyl.language.cli import CLI_WORDS
from sociokalkyl.language.error_words import swedish_error, swedish_value

__all__ = ["PROBLEMS_SV", "swedish_problem"]

PROBLEMS_SV: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^unknown field '([^']*)'; did you mean '([^']*)'\?",
         r"okänt fält '\1'; menade du '\2'?"),
        (r"^unknown field '([^']*)'", r"okänt fält '\1'"),
        (r"^is missing$", "saknas"),
        (r"^Field required$", "saknas"),
        (r"^a value for this required field$", "ett värde (fältet krävs)"),
        (r"^one of (?!them)", "ett av "),
        (r"^Input should be a valid integer.*$", "ska vara ett heltal"),
        (r"^Input should be a valid number.*$", "ska vara ett tal"),
        (r"^Input should be greater than or equal to (\S+)$", r"ska vara minst \1"),
        (r"^Input should be greater than (\S+)$", r"ska vara större än \1"),
        (r"^Input should be less than or equal to (\S+)$", r"ska vara högst \1"),
        (r"^Input should be less than (\S+)$", r"ska vara mindre än \1"),
        (r"^is not UTF-8 text$", "är inte UTF-8-text"),
        (r"^a text file saved as UTF-8$", "en textfil sparad som UTF-8"),
        (r"^invalid (TOML|YAML|JSON): ", r"ogiltig \1: "),
        (r"^valid (TOML|YAML|JSON) \(see docs/cli.md for an example\)$",
         r"giltig \1 (se docs/cli.md för ett exempel)"),
        (r"^has a unit that cannot be read ", "har en enhet som inte kan läsas "),
        (r"^a known unit \(", "en känd enhet ("),
        (r"^is not a number$", "är inte ett tal"),
        (r"^is ambiguous: the comma may be a decimal sign or a thousands separator$",
         "är tvetydigt: kommat kan vara decimaltecken eller skilja tusental"),
        (r"^is ambiguous: the point may be a decimal sign or a thousands separator$",
         "är tvetydigt: punkten kan vara decimaltecken eller skilja tusental"),
        (r"(\S+) with the unit % can be read as (\S+) % or as (\S+) %",
         r"\1 med enheten % kan läsas som \2 % eller som \3 %"),
        (r"^for (\S+) %: ", r"för \1 %: "),
        (r"(?<=: )for (\S+) %: ", r"för \1 %: "),
        (r"; for (\S+) %: the text ", r"; för \1 %: texten "),
        (r" with the unit andel", " med enheten andel"),
        (r" with the unit %", " med enheten %"),
        (r" or the share ", " eller andelen "),
        (r"\(or (\S+) med enheten andel\)", r"(eller \1 med enheten andel)"),
        (r" or (\S+) med enheten andel$", r" eller \1 med enheten andel"),
        (r"^the file does not exist$", "filen finns inte"),
    )
)  # fmt: skip
"""(pattern, Swedish replacement), applied in order, each wherever it matches."""


_FRAMED = re.compile(
    r"^(?P<message>.*?)(?: \(got (?P<value>.*?)\))?(?:; expected (?P<expected>.*))?$", re.S
)
"""A text framed as an error is: the message, `` (got value)``, ``; expected ...``."""


def swedish_problem(text: str) -> str:
    """``text`` with the known English wordings of :data:`PROBLEMS_SV` in Swedish.

    A text that carries its own framing (an error raised inside a validator arrives as
    ``message (got value); expected ...``) is taken apart; the message and what was
    expected are translated each on its own, the framing in Swedish around them.

    Parameters
    ----------
    text
        A problem's message or what was expected.

    Returns
    -------
    str
        The text with every known wording replaced; unknown wordings stay English.

    Examples
    --------
    >>> swedish_problem("Förändring -0,3 with the unit % can be read as -0,3 % or as -30 %")
    'Förändring -0,3 med enheten % kan läsas som -0,3 % eller som -30 %'
    >>> swedish_problem("is not a number (got 'tio'); expected a positive number, e.g. 10")
    "är inte ett tal (fick 'tio'); väntat: ett positivt tal, t.ex. 10"
    """
    framed = _FRAMED.match(text)
    if framed is None or (framed["value"] is None and framed["expected"] is None):
        return _words(text)
    result = _words(framed["message"])
    if framed["value"] is not None:
        result += CLI_WORDS["got"][0].format(value=swedish_value(framed["value"]))
    if framed["expected"] is not None:
        result += CLI_WORDS["expected"][0].format(expected=_words(framed["expected"]))
    return result


def _words(text: str) -> str:
    """``text`` with every known wording in Swedish (no framing of its own)."""
    for pattern, replacement in PROBLEMS_SV:
        text = pattern.sub(replacement, text)
    return swedish_error(text)

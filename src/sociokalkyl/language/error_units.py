"""Pydantic's own wordings and the quantities' errors (units, numbers), in Swedish.

Pydantic words a type error in English (``Input should be a valid string``); the
scenario loader shows it as a problem. :data:`PYDANTIC` turns the wordings of the types
a scenario file uses into Swedish; :data:`UNITS` the errors of reading a quantity
(:mod:`sociokalkyl.units`): a number, a unit, a dimension, an ambiguous separator.

Examples
--------
>>> import re
>>> text = "String should have at least 1 character"
>>> for pattern, replace in PYDANTIC:
...     text = re.sub(pattern, replace, text)
>>> text
'ska ha minst 1 tecken'
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, templates

__all__ = ["PYDANTIC", "UNITS"]


def _alternatives(text: str) -> str:
    """``'x', 'y' or 'z'`` as pydantic lists the allowed values, with ``eller``."""
    head, sep, last = text.rpartition("' or '")
    return f"{head}' eller '{last}" if sep else text


PYDANTIC: tuple[tuple[str, Replacement], ...] = (
    (r"^Input should be a finite number$", "ska vara ett ändligt tal"),
    (r"^Input should be a valid boolean.*$", "ska vara true eller false"),
    (r"^Input should be a valid string$", "ska vara en text"),
    (r"^Input should be a valid list$", "ska vara en lista"),
    (r"^Input should be a valid tuple$", "ska vara en lista"),
    (r"^Input should be a valid set$", "ska vara en lista utan dubbletter"),
    (r"^Input should be a valid dictionary( or instance of \w+)?$", "ska vara en tabell"),
    (r"^Input should be None$", "ska vara tomt"),
    (r"^Input should be a multiple of (\S+)$", r"ska vara en multipel av \1"),
    (r"^Input should be ('[^']*'(?:, '[^']*')*(?: or '[^']*')?)$",
     lambda m: "ska vara " + _alternatives(m.group(1))),
    (r"^String should have at least (\d+) characters?$", r"ska ha minst \1 tecken"),
    (r"^String should have at most (\d+) characters?$", r"ska ha högst \1 tecken"),
    (r"^String should match pattern (.+)$", r"ska följa mönstret \1"),
    (r"^\w+ should have at least (\d+) items? after validation, not (\d+)$",
     r"ska ha minst \1 värden, inte \2"),
    (r"^\w+ should have at most (\d+) items? after validation, not (\d+)$",
     r"ska ha högst \1 värden, inte \2"),
    (r"^Extra inputs are not permitted", "är inte ett fält som finns här"),
    (r"^Input tag (.+) found using (.+) does not match any of the expected tags: (.+)$",
     r"\2 = \1 är inte ett av de möjliga värdena: \3"),
    (r"^Unable to extract tag using discriminator (.+)$", r"\1 saknas (det anger vilken sort)"),
)  # fmt: skip
"""Pydantic's wordings of the types a scenario file uses (its ``ErrorDetails.type``s)."""

UNITS: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("has the wrong dimension: {p0} cannot become {p1}",
         "har fel dimension: {p0} kan inte bli {p1}"),
        ("a quantity convertible to {p0}", "en storhet som kan räknas om till {p0}"),
        ("has a percent (or per mille) inside a unit of money or use; a percent is a share "
         "on its own",
         "har procent (eller promille) i en enhet för pengar eller användning; ett "
         "procenttal är en andel för sig"),
        ('an amount or use without %, e.g. "50 000 kr" or "7 mån/år", or a share alone, '
         'e.g. "20 %"',
         'ett belopp eller en användning utan %, t.ex. "50 000 kr" eller "7 mån/år", eller '
         'en andel för sig, t.ex. "20 %"'),
        ("has the wrong type", "har fel typ"),
        ("text, a number or a mapping, {p0}", "en text, ett tal eller en tabell, {p0}"),
        ('a number such as "12 000" or "4,5"', 'ett tal som "12 000" eller "4,5"'),
        ("has spaces that do not separate groups of three digits",
         "har mellanslag som inte skiljer grupper om tre siffror"),
        ('thousands separated by spaces, e.g. "12 000" or "1 234 567,5"',
         'tusental åtskilda med mellanslag, t.ex. "12 000" eller "1 234 567,5"'),
        ("is a boolean", "är true eller false"),
        ("a quantity, {p0}", "en storhet, {p0}"),
        ("a finite scalar quantity", "en ändlig storhet (ett tal med enhet)"),
        ("a finite number", "ett ändligt tal"),
        ("is not a finite number", "är inte ett ändligt tal"),
        ("is not finite", "är inte ändligt"),
        ("must have exactly the keys 'value' and 'unit'",
         "ska ha exakt nycklarna 'value' och 'unit'"),
        ("has a unit that is not text", "har en enhet som inte är text"),
        ('a unit such as "kr/mån"', 'en enhet som "kr/mån"'),
        ("does not start with a number", "börjar inte med ett tal"),
        ("a number and a unit, {p0}", "ett tal och en enhet, {p0}"),
        ("has more than one decimal sign", "har mer än ett decimaltecken"),
        ('one decimal sign, e.g. "1 234,5"', 'ett decimaltecken, t.ex. "1 234,5"'),
        ('a number such as "12 000"', 'ett tal som "12 000"'),
        ('a number such as "1 234 567" or "1234567"', 'ett tal som "1 234 567" eller "1234567"'),
        ('"{y0} {y1}" for thousands or "{y2},{y3}" for a decimal',
         '"{y0} {y1}" för tusental eller "{y2},{y3}" för decimaler'),
        ("is ambiguous: the {p0} may be a decimal sign or a thousands separator",
         "är tvetydigt: {p0} kan vara decimaltecken eller skilja tusental"),
        ("comma", "kommat"),
        ("point", "punkten"),
        ("is true or false, not a share", "är true eller false, inte en andel"),
        ('a share such as 0.49 or "49 %"', 'en andel som 0.49 eller "49 %"'),
        ("is true or false, which is not a number or a text",
         "är true eller false, som varken är ett tal eller en text"),
        ('a number such as 30, or text such as "30 %" or "12 000 kr"',
         'ett tal som 30, eller en text som "30 %" eller "12 000 kr"'),
        ("has the wrong dimension {p0}", "har fel dimension {p0}"),
        ('e.g. "12 000 kr/mån", "4 500,50 kr/dygn", "2,5 tim/vecka" or "12000 SEK/month"',
         't.ex. "12 000 kr/mån", "4 500,50 kr/dygn", "2,5 tim/vecka" eller "12000 SEK/month"'),
        ("an amount of money", "ett belopp"),
        ("money per time", "pengar per tid"),
        ("a unit cost", "en styckkostnad"),
        ("a use per year", "en användning per år"),
        ("a duration", "en varaktighet"),
        ('"4 500 kr/dygn" or "300 000 kr"', '"4 500 kr/dygn" eller "300 000 kr"'),
        ('"12 mån" or "3 år"', '"12 mån" eller "3 år"'),
        ('"7 mån/år", "2,5 tim/vecka" or "0,05 /år"',
         '"7 mån/år", "2,5 tim/vecka" eller "0,05 /år"'),
    )
)  # fmt: skip
"""The errors of reading a quantity: its number, its unit, its dimension."""

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
import string
from collections.abc import Callable

from sociokalkyl.language.numbers import format_number
from sociokalkyl.language.prices import PRICE_TEXTS

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


def swedish_number(text: str) -> str:
    """A whole number as the library wrote it (``5000000``, ``100,000,000``), in Swedish.

    Parameters
    ----------
    text
        Digits, perhaps grouped with commas.

    Returns
    -------
    str
        The number with a space between thousands.

    Examples
    --------
    >>> swedish_number("100,000,000"), swedish_number("64")
    ('100 000 000', '64')
    """
    return format_number(int(text.replace(",", "")))


_N = r"(\d[\d,]*)"
"""A whole number of a message, perhaps grouped with commas (``100,000,000``)."""

Replacement = str | Callable[[re.Match[str]], str]


_D = r"([+-]?\d+(?:\.\d+)?)"
"""A number with a decimal point, as Python's ``:g`` or ``:.2%`` writes it."""


def _swedish(group: str | None) -> str:
    """A group of a match: a number in Swedish format, any other text (``1/year``) as it is."""
    if not group or not _WHOLE_OR_DECIMAL.fullmatch(group):
        return group or ""
    if "." in group:
        return group.replace(".", ",")
    return group[0] * (group[0] in "+-") + swedish_number(group.lstrip("+-"))


_WHOLE_OR_DECIMAL = re.compile(r"[+-]?(?:\d[\d,]*|\d+\.\d+)")
"""A group that is a number and nothing else: ``5000000``, ``100,000,000``, ``-0.5``."""


def _numbers(template: str) -> Callable[[re.Match[str]], str]:
    """A replacement that fills ``template`` with the match's groups as Swedish numbers."""

    def replace(match: re.Match[str]) -> str:
        return template.format(*(_swedish(g) for g in match.groups()))

    return replace


_LIMITS: tuple[tuple[str, Replacement], ...] = (
    (rf"^is more than the limit of {_N} draws \(10⁸ draws take minutes; the statistics "
     r"settle long before\)$",
     _numbers("är fler än gränsen {0} dragningar (10⁸ dragningar tar minuter; "
              "statistiken stabiliseras långt före)")),
    (rf"^at most {_N} draws, e\.g\. draws=10_000 \(100 000 for the tails\)$",
     _numbers("högst {0} dragningar, t.ex. --draws 10000 (100 000 för svansarna)")),
    (r"^is not a positive whole number of draws$", "är inte ett positivt heltal dragningar"),
    (r"^an integer >= 1, e\.g\. draws=10_000$", "ett heltal >= 1, t.ex. --draws 10000"),
    (rf"^is nested more than {_N} levels deep$", _numbers("är nästlad djupare än {0} nivåer")),
    (r"^a scenario file's tables, a few levels deep \(docs/limits\.md\)$",
     "en kalkylfils tabeller, några nivåer djupt (docs/limits.md)"),
    (rf"^has {_N} (items|entries), more than the limit of {_N}$",
     _numbers("har {0} poster, fler än gränsen {2}")),
    (rf"^has {_N} intake years, more than the limit of {_N}$",
     _numbers("har {0} intagsår, fler än gränsen {1}")),
    (rf"^at most {_N} items \(docs/limits\.md\)$", _numbers("högst {0} poster (docs/limits.md)")),
    (rf"^at most {_N} intake years \(docs/limits\.md\)$",
     _numbers("högst {0} intagsår (docs/limits.md)")),
    (rf"^its YAML aliases \(\*name\) repeat more than {_N} values$",
     _numbers("dess YAML-alias (*namn) upprepar fler än {0} värden")),
    (r"^each value written out, or a few aliases \(docs/limits\.md\)$",
     "varje värde utskrivet, eller några få alias (docs/limits.md)"),
    (r"^is too large for a scenario file$", "är för stor för en kalkylfil"),
    (r"^is too large for a template$", "är för stor för en mall"),
    (r"^is too large$", "är för stor"),
    (r"^no such file$", "filen finns inte"),
    (r"^an existing (scenario )?file$", "en fil som finns"),
    (r"^is a directory$", "är en katalog"),
    (r"^a scenario file$", "en kalkylfil"),
    (rf"^at most {_N} bytes$", _numbers("högst {0} byte")),
    (rf"^unpacks to {_N} bytes from {_N} bytes \(a zip bomb\?\)$",
     _numbers("packas upp till {0} byte från {1} byte (en zip-bomb?)")),
    (rf"^a workbook that unpacks to at most {_N} bytes and at most {_N} times its size "
     r"\(a template: about 300 000 bytes, 10 times\)$",
     _numbers("en arbetsbok som packas upp till högst {0} byte och högst {1} gånger sin "
              "storlek (en mall: omkring 300 000 byte, 10 gånger)")),
    (rf"^is longer than the longest horizon, {_N} years$",
     _numbers("är längre än den längsta horisonten, {0} år")),
    (rf"^at most {_N} years, e\.g\. horizon = 20$", _numbers("högst {0} år, t.ex. horizon = 20")),
    (rf"^at most {_N} \(split the intervention in parts\)$",
     _numbers("högst {0} (dela insatsen i delar)")),
    (rf"^at most {_N} entries, one a year, e\.g\. \[30, 30, 30\]$",
     _numbers("högst {0} värden, ett per år, t.ex. [30, 30, 30]")),
    (rf"^at most {_N} rows of data in a table$", _numbers("högst {0} rader data i en tabell")),
    (r"^has a unit that is too long or has a computed exponent",
     "har en enhet som är för lång eller har en beräknad exponent"),
    (r" \(got (.*?)\); expected a known unit \(", r" (fick \1); väntat: en känd enhet ("),
    (r"\), e\.g\. (\"[^\"]*\"), (\"[^\"]*\"), (\"[^\"]*\") or (\"[^\"]*\")$",
     r"), t.ex. \1, \2, \3 eller \4"),
)  # fmt: skip
"""The documented limits (docs/limits.md): message and expectation, numbers in Swedish."""

_ACTORS: tuple[tuple[str, Replacement], ...] = (
    (r"unknown actor '([^']*)'; did you mean '([^']*)'\?",
     r"okänd aktör '\1'; menade du '\2'?"),
    (r"unknown actor '([^']*)'\.?", r"okänd aktör '\1'."),
    (r" Expected one of (.*?) \(declare others in actors, e\.g\. actors = (\[[^\]]*\])\)",
     r" Väntat: ett av \1 (ange andra i actors, t.ex. actors = \2)"),
    (r"a (\w+) flow has no recipient \(got recipient = ('[^']*')\); a payment to another "
     r"actor is flow = \"transfer\", e\.g\. ",
     r"ett flöde av sorten \1 har ingen mottagare (fick recipient = \2); en betalning "
     'till en annan aktör är flow = "transfer", t.ex. '),
    (r"a (\w+) flow has no owner \(got owner = ('[^']*')\); only production and work "
     r"create value, e\.g\. ",
     r"ett flöde av sorten \1 har ingen ägare (fick owner = \2); bara produktion och "
     r"arbete skapar ett värde, t.ex. "),
    (r"a transfer needs its recipient, e\.g\. ",
     "en transferering behöver sin mottagare, t.ex. "),
    (r"a (\w+) from ('[^']*') to ('[^']*') is no transfer: the recipient must be another "
     r"actor than the payer, e\.g\. ",
     r"ett flöde av sorten \1 från \2 till \3 är ingen transferering: mottagaren ska "
     r"vara en annan aktör än betalaren, t.ex. "),
    (r"work has one employer, who pays the wage, got the shares (.*?); e\.g\. ",
     r"arbete har en arbetsgivare, som betalar lönen, fick andelarna \1; t.ex. "),
    (r"work names its employer, who pays the wage, in payer, e\.g\. (\S+ = \"[^\"]*\") "
     r"\(an employer on the labour market\) or ",
     r"arbete anger sin arbetsgivare, som betalar lönen, i payer, t.ex. \1 "
     r"(en arbetsgivare på arbetsmarknaden) eller "),
    (rf"^a rate of {_D}% is outside 0 % to 100 %",
     _numbers("en skattesats på {0} % ligger utanför 0 % till 100 %")),
    (rf"^a real discount rate of {_D}% is outside -10 % to 25 %",
     _numbers("en real kalkylränta på {0} % ligger utanför -10 % till 25 %")),
    (rf"^an optimism-bias uplift of {_D}% is above the Green Book's highest band \(200 %\)",
     _numbers("ett påslag för optimism bias på {0} % är över Green Books högsta nivå (200 %)")),
    (rf"^a relative change of {_D}% is implausible: ",
     _numbers("en relativ förändring på {0} % är orimlig: ")),
    (rf"^a relative change below -100 % is impossible, got {_D}; e\.g\. ",
     _numbers("en relativ förändring under -100 % är omöjlig, fick {0}; t.ex. ")),
    (rf"did you write {_D} for {_D} %\?", _numbers("skrev du {0} för {1} %?")),
    (r"(?<=%\?) Write ", " Skriv "),
    (rf'"{_D} %" or {_D}(?=;|$)', _numbers('"{0} %" eller {1}')),
    (rf'Skriv "{_D} %"(?=;|$)', _numbers('Skriv "{0} %"')),
    (r'; e\.g\. "32,37 %" or 0\.3237$', '; t.ex. "32,37 %" eller 0.3237'),
    (r'; e\.g\. 0\.035 or "3,5 %"$', '; t.ex. 0.035 eller "3,5 %"'),
    (r'(?<=[;?]) e\.g\. 0\.1 or "10 %"$', ' t.ex. 0.1 eller "10 %"'),
    (r"unknown perspective '([^']*)'", r"okänt perspektiv '\1'"),
    (r" Expected one of (.*?) \(or define it in perspectives\)$",
     r" Väntat: ett av \1 (eller definiera det i perspectives)"),
    (r"('[^']*') is a preset perspective's name; expected another name, e\.g\. ",
     r"\1 är namnet på ett förinställt perspektiv; väntat: ett annat namn, t.ex. "),
    (r"a perspective needs at least one actor, e\.g\. ",
     "ett perspektiv behöver minst en aktör, t.ex. "),
    (r"^('[^']*') is not a parameter of this intervention",
     r"\1 är inte en parameter i den här insatsen"),
    (r"^is not a valid distribution \(", "är inte en giltig fördelning ("),
    (r"\(kind: Value error, ", "(kind: "),
    (rf"needs low < high, got low={_D}, high={_D}; e\.g\. ",
     _numbers("kräver low < high, fick low={0}, high={1}; t.ex. ")),
    (rf"needs low <= mode <= high and low < high, got low={_D}, mode={_D}, high={_D}; e\.g\. ",
     _numbers("kräver low <= mode <= high och low < high, fick low={0}, mode={1}, "
              "high={2}; t.ex. ")),
    (r"^a table with kind = one of (.*?), e\.g\. ", r"en tabell med kind = ett av \1, t.ex. "),
    (rf"^the distribution can draw values in \[{_D}, {_D}\], outside the parameter's range "
     rf"\[{_D}, {_D}\] \(",
     _numbers("fördelningen kan dra värden i [{0}; {1}], utanför parameterns intervall "
              "[{2}; {3}] (")),
    (rf"^a distribution within \[{_D}, {_D}\], e\.g\. a uniform with low >= {_D} or a normal "
     rf"truncated with low = {_D}$",
     _numbers("en fördelning inom [{0}; {1}], t.ex. en likformig med low >= {2} eller en "
              "trunkerad normal med low = {3}")),
    (rf"^is outside the parameter's range \[{_D}, {_D}\] \(",
     _numbers("ligger utanför parameterns intervall [{0}; {1}] (")),
    (rf"^a value within \[{_D}, {_D}\] (.*?), e\.g\. {_D} \(the value as given\)$",
     _numbers("ett värde inom [{0}; {1}] {2}, t.ex. {3} (värdet som det angavs)")),
    (r"^is not a known payer", "är inte en känd betalare"),
    (r"^is not an actor of this analysis", "är inte en aktör i den här analysen"),
    (r"^is not a perspective of this analysis", "är inte ett perspektiv i den här analysen"),
    (r"^is not a parameter of this intervention", "är inte en parameter i den här insatsen"),
    (r"^is not a cost item of this intervention", "är inte en kostnadspost i den här insatsen"),
    (r", or declare it in other_payers or actors$",
     ", eller ange den i other_payers eller actors"),
    (r" \(declare others in actors\)$", " (ange andra i actors)"),
    (r"; did you mean '([^']*)'\?", r"; menade du '\1'?"),
    (r"^is not a group size$", "är inte en gruppstorlek"),
    (r"^a whole number >= 1, e\.g\. 30$", "ett heltal >= 1, t.ex. 30"),
    (r"^is not a use per participant and year$", "är inte en användning per deltagare och år"),
    (r"^a positive number, e\.g\. 10$", "ett positivt tal, t.ex. 10"),
)  # fmt: skip
"""Actors, flows, unknown names (issue 10, the engine) and the effect command's values."""

_TEMPLATE: tuple[tuple[str, Replacement], ...] = (
    (r"^(.+?) needs a unit$", r"\1 behöver en enhet"),
    (r'^a unit such as "kr/mån", "mån/år" or "mån"$',
     'en enhet som "kr/mån", "mån/år" eller "mån"'),
    (r"^(.+?): a percent is not an amount \(number in (\S+), unit in (\S+)\)$",
     r"\1: ett procenttal är inget belopp (talet i \2, enheten i \3)"),
    (r"^a plain number with a unit such as kr, kr/mån or mån/år \(a relative change is "
     r"written on Effekter with the type relativ and the unit andel or %\)$",
     "ett vanligt tal med en enhet som kr, kr/mån eller mån/år (en relativ förändring "
     "skrivs på Effekter med typen relativ och enheten andel eller %)"),
    (r"^a plain number such as 7149, with the unit in the next cell$",
     "ett vanligt tal som 7149, med enheten i nästa cell"),
    (r"^unknown payer", "okänd betalare"),
    (r" \(declare others under Övriga betalare on the Insats sheet\)$",
     " (ange andra under Övriga betalare på bladet Insats)"),
    (r"^Intag: år is missing$", "Intag: år saknas"),
    (r"^Intag: år is not a year of the analysis$", "Intag: år är inte ett år i kalkylen"),
    (rf"^a year 0, 1, 2, \.\.\. up to {_N}, counted from the base year \(year 0\)$",
     _numbers("ett år 0, 1, 2, ... upp till {0}, räknat från basåret (år 0)")),
    (r"^a year 0, 1, 2, \.\.\.$", "ett år 0, 1, 2, ..."),
    (rf"^the sheet has more than {_N} rows$", _numbers("bladet har fler än {0} rader")),
    (rf"^at most {_N} rows on (.+)$", _numbers("högst {0} rader på {1}")),
)  # fmt: skip
"""The Excel template's reader (scenario/excel_read.py): units, percents, payers, rows."""


def _from_text(english: str, swedish: str) -> tuple[str, Replacement]:
    """A (pattern, replacement) that turns a filled English format string into Swedish."""
    pattern, seen = "", set()
    for literal, name, _, _ in string.Formatter().parse(english):
        pattern += re.escape(literal)
        if name is not None:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)

    def replace(match: re.Match[str]) -> str:
        return swedish.format(**match.groupdict())

    return pattern, replace


_PRICES: tuple[tuple[str, Replacement], ...] = (
    (r"^is not in the price index (\S+) \((.*)\)$", r"finns inte i prisindexet \1 (\2)"),
    (r"^a year in (\d+)-(\d+), missing ([\d, ]+), or ", r"ett år i \1-\2 (\3 saknas), eller "),
    (r"^a year in (\d+)-(\d+), or ", r"ett år i \1-\2, eller "),
    (r"^cannot be compared with (\d+): the price index (\S+) has a gap between them$",
     r"kan inte jämföras med \1: prisindexet \2 har ett glapp mellan dem"),
    (r"^two years on the same side of the gap \((\S+) covers (.*?)\), another index, or the "
     r"missing years: ",
     r"två år på samma sida om glappet (\1 täcker \2), ett annat index, eller de saknade "
     r"åren: "),
    (r"^is not a shipped price index$", "är inte ett levererat prisindex"),
    (r'^"KPI" or "OPI", or a PriceIndex object$', '"KPI" eller "OPI", eller ett PriceIndex-objekt'),
    *(
        _from_text(PRICE_TEXTS[key][1], PRICE_TEXTS[key][0])
        for key in ("add_year_hint", "kpi_update_hint", "shipped_differs", "shipped_differs_fix")
    ),
)  # fmt: skip
"""The price indices: a year outside a series, a gap, a shipped year given again."""

ERRORS_SV: tuple[tuple[re.Pattern[str], Replacement], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (*_LIMITS, *_ACTORS, *_TEMPLATE, *_PRICES)
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

"""Every Swedish wording of ``language/error_words.py`` turns a real English message.

Each sample is an English text the library writes (copied from the raising code); every
pattern of :data:`~sociokalkyl.language.error_words.ERRORS_SV` must match at least one
sample, so an entry that no longer matches anything is found, and every Swedish result
keeps the field's values and loses the English framing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from error_sites import error_sites, pydantic_messages
from sociokalkyl.language.cli_problems import _FRAMED, PROBLEMS_SV, swedish_problem
from sociokalkyl.language.error_words import ERRORS_SV, swedish_error, swedish_value

SAMPLES: dict[str, str] = {
    "is more than the limit of 100,000,000 draws (10⁸ draws take minutes; the statistics "
    "settle long before)": "är fler än gränsen 100 000 000 dragningar (10⁸ dragningar tar "
    "minuter; statistiken stabiliseras långt före)",
    "at most 100,000,000 draws, e.g. draws=10_000 (100 000 for the tails)": "högst "
    "100 000 000 dragningar, t.ex. --draws 10000 (100 000 för svansarna)",
    "is not a positive whole number of draws": "är inte ett positivt heltal dragningar",
    "an integer >= 1, e.g. draws=10_000": "ett heltal >= 1, t.ex. --draws 10000",
    "is nested more than 64 levels deep": "är nästlad djupare än 64 nivåer",
    "a scenario file's tables, a few levels deep (docs/limits.md)": "en kalkylfils tabeller, "
    "några nivåer djupt (docs/limits.md)",
    "has 10001 items, more than the limit of 10000": "har 10 001 poster, fler än gränsen 10 000",
    "has 501 entries, more than the limit of 500": "har 501 poster, fler än gränsen 500",
    "has 401 intake years, more than the limit of 400": "har 401 intagsår, fler än gränsen 400",
    "at most 10000 items (docs/limits.md)": "högst 10 000 poster (docs/limits.md)",
    "at most 400 intake years (docs/limits.md)": "högst 400 intagsår (docs/limits.md)",
    "its YAML aliases (*name) repeat more than 10000 values": "dess YAML-alias (*namn) "
    "upprepar fler än 10 000 värden",
    "each value written out, or a few aliases (docs/limits.md)": "varje värde utskrivet, "
    "eller några få alias (docs/limits.md)",
    "is too large for a scenario file": "är för stor för en kalkylfil",
    "is too large for a template": "är för stor för en mall",
    "is too large": "är för stor",
    "no such file": "filen finns inte",
    "an existing scenario file": "en fil som finns",
    "is a directory": "är en katalog",
    "a scenario file": "en kalkylfil",
    "at most 5000000 bytes": "högst 5 000 000 byte",
    "unpacks to 5000000 bytes from 4989 bytes (a zip bomb?)": "packas upp till 5 000 000 "
    "byte från 4 989 byte (en zip-bomb?)",
    "a workbook that unpacks to at most 50000000 bytes and at most 100 times its size (a "
    "template: about 300 000 bytes, 10 times)": "en arbetsbok som packas upp till högst "
    "50 000 000 byte och högst 100 gånger sin storlek (en mall: omkring 300 000 byte, "
    "10 gånger)",
    "is longer than the longest horizon, 400 years": "är längre än den längsta horisonten, "
    "400 år",
    "at most 400 years, e.g. horizon = 20": "högst 400 år, t.ex. horizon = 20",
    "at most 500 (split the intervention in parts)": "högst 500 (dela insatsen i delar)",
    "at most 10000 entries, one a year, e.g. [30, 30, 30]": "högst 10 000 värden, ett per "
    "år, t.ex. [30, 30, 30]",
    "at most 10000 rows of data in a table": "högst 10 000 rader data i en tabell",
    "has a unit that is too long or has a computed exponent (got 'x'); expected a known unit "
    '(kr, %), e.g. "12 000 kr/mån", "4 500,50 kr/dygn", "2,5 tim/vecka" or "12000 SEK/month"':
    "har en enhet som är för lång eller har en beräknad exponent (fick 'x'); väntat: en "
    'känd enhet (kr, %), t.ex. "12 000 kr/mån", "4 500,50 kr/dygn", "2,5 tim/vecka" eller '
    '"12000 SEK/month"',
    "payer: unknown actor 'kommun/x'; did you mean 'kommun/y'? Expected one of a, b "
    '(declare others in actors, e.g. actors = ["kommun/socialnämnd"])': "payer: okänd aktör "
    "'kommun/x'; menade du 'kommun/y'? Väntat: ett av a, b (ange andra i actors, t.ex. "
    'actors = ["kommun/socialnämnd"])',
    "payer: unknown actor 'x'. Expected one of a (declare others in actors, e.g. actors = "
    '["a/b"])': "payer: okänd aktör 'x'. Väntat: ett av a (ange andra i actors, t.ex. "
    'actors = ["a/b"])',
    "a resource flow has no recipient (got recipient = 'individ'); a payment to another actor "
    'is flow = "transfer", e.g. flow = "transfer", recipient = "individ"': "ett flöde av "
    "sorten resource har ingen mottagare (fick recipient = 'individ'); en betalning till en "
    'annan aktör är flow = "transfer", t.ex. flow = "transfer", recipient = "individ"',
    "a transfer flow has no owner (got owner = 'övriga'); only production and work create "
    'value, e.g. flow = "work", owner = "övriga"': "ett flöde av sorten transfer har ingen "
    "ägare (fick owner = 'övriga'); bara produktion och arbete skapar ett värde, t.ex. "
    'flow = "work", owner = "övriga"',
    'a transfer needs its recipient, e.g. flow = "transfer", recipient = "individ"': "en "
    'transferering behöver sin mottagare, t.ex. flow = "transfer", recipient = "individ"',
    "a transfer from 'kommun' to 'kommun' is no transfer: the recipient must be another actor "
    'than the payer, e.g. recipient = "individ"': "ett flöde av sorten transfer från 'kommun' "
    "till 'kommun' är ingen transferering: mottagaren ska vara en annan aktör än betalaren, "
    't.ex. recipient = "individ"',
    "work has one employer, who pays the wage, got the shares {'kommun': 0.5, 'stat': 0.5}; "
    'e.g. payer = "kommun"': "arbete har en arbetsgivare, som betalar lönen, fick andelarna "
    "{'kommun': 0.5, 'stat': 0.5}; t.ex. payer = \"kommun\"",
    'work names its employer, who pays the wage, in payer, e.g. payer = "övriga" (an employer '
    'on the labour market) or payer = "kommun"': "arbete anger sin arbetsgivare, som betalar "
    'lönen, i payer, t.ex. payer = "övriga" (en arbetsgivare på arbetsmarknaden) eller '
    'payer = "kommun"',
    'a rate of 132.00% is outside 0 % to 100 %; did you write 1.32 for 1.32 %? Write "1.32 %"'
    '; e.g. "32,37 %" or 0.3237': "en skattesats på 132,00 % ligger utanför 0 % till 100 %; "
    'skrev du 1,32 för 1,32 %? Skriv "1,32 %"; t.ex. "32,37 %" eller 0.3237',
    'a real discount rate of 350.0% is outside -10 % to 25 %; did you write 3.5 for 3.5 %? '
    'Write "3.5 %" or 0.035; e.g. 0.035 or "3,5 %"': "en real kalkylränta på 350,0 % ligger "
    'utanför -10 % till 25 %; skrev du 3,5 för 3,5 %? Skriv "3,5 %" eller 0,035; t.ex. '
    '0.035 eller "3,5 %"',
    "an optimism-bias uplift of 1000% is above the Green Book's highest band (200 %); did you "
    'write 10 for 10 %? e.g. 0.1 or "10 %"': "ett påslag för optimism bias på 1 000 % är över "
    'Green Books högsta nivå (200 %); skrev du 10 för 10 %? t.ex. 0.1 eller "10 %"',
    "a relative change of +4900% is implausible: did you write 49 for 49 %? Write change = "
    '"49 %" or 0.49': "en relativ förändring på +4 900 % är orimlig: skrev du 49 för 49 %? "
    'Skriv change = "49 %" eller 0,49',
    'a relative change below -100 % is impossible, got -1.5; e.g. change = "-49 %"': "en "
    'relativ förändring under -100 % är omöjlig, fick -1,5; t.ex. change = "-49 %"',
    "perspective: unknown perspective 'kommunen'; did you mean 'kommun'? Expected one of "
    "kommun, samhället (or define it in perspectives)": "perspective: okänt perspektiv "
    "'kommunen'; menade du 'kommun'? Väntat: ett av kommun, samhället (eller definiera det "
    "i perspectives)",
    "perspectives.kommun: 'kommun' is a preset perspective's name; expected another name, "
    'e.g. "kommun_och_region"': "perspectives.kommun: 'kommun' är namnet på ett förinställt "
    'perspektiv; väntat: ett annat namn, t.ex. "kommun_och_region"',
    'perspectives.x: a perspective needs at least one actor, e.g. ["kommun", "region"]':
    'perspectives.x: ett perspektiv behöver minst en aktör, t.ex. ["kommun", "region"]',
    "'effects[9].chnage' is not a parameter of this intervention": "'effects[9].chnage' är "
    "inte en parameter i den här insatsen",
    'is not a valid distribution (kind: Value error, needs low < high, got low=-4.4, high=-5.4'
    '; e.g. {kind = "uniform"})': "är inte en giltig fördelning (kind: kräver low < high, "
    'fick low=-4,4, high=-5,4; t.ex. {kind = "uniform"})',
    "needs low <= mode <= high and low < high, got low=1.0, mode=3.0, high=2.0; e.g. x":
    "kräver low <= mode <= high och low < high, fick low=1,0, mode=3,0, high=2,0; t.ex. x",
    'a table with kind = one of fixed, uniform, e.g. {kind = "uniform"}': "en tabell med "
    'kind = ett av fixed, uniform, t.ex. {kind = "uniform"}',
    "the distribution can draw values in [-0.5, 1.5], outside the parameter's range [0, 1] "
    "(share)": "fördelningen kan dra värden i [-0,5; 1,5], utanför parameterns intervall "
    "[0; 1] (share)",
    "a distribution within [0, 1], e.g. a uniform with low >= 0 or a normal truncated with "
    "low = 0": "en fördelning inom [0; 1], t.ex. en likformig med low >= 0 eller en trunkerad "
    "normal med low = 0",
    "is outside the parameter's range [0, 1] (share)": "ligger utanför parameterns intervall "
    "[0; 1] (share)",
    "a value within [0, 1] share, e.g. 0.2 (the value as given)": "ett värde inom [0; 1] "
    "share, t.ex. 0,2 (värdet som det angavs)",
    "is not a known payer; did you mean 'kommun'?": "är inte en känd betalare; menade du "
    "'kommun'?",
    "is not an actor of this analysis": "är inte en aktör i den här analysen",
    "is not a perspective of this analysis": "är inte ett perspektiv i den här analysen",
    "is not a parameter of this intervention": "är inte en parameter i den här insatsen",
    "is not a cost item of this intervention": "är inte en kostnadspost i den här insatsen",
    "one of kommun, region, or declare it in other_payers or actors": "ett av kommun, region, "
    "eller ange den i other_payers eller actors",
    "one of kommun, region (declare others in actors)": "ett av kommun, region (ange andra i "
    "actors)",
    "is not a group size": "är inte en gruppstorlek",
    "a whole number >= 1, e.g. 30": "ett heltal >= 1, t.ex. 30",
    "is not a use per participant and year": "är inte en användning per deltagare och år",
    "a positive number, e.g. 10": "ett positivt tal, t.ex. 10",
    "Kostnad needs a unit": "Kostnad behöver en enhet",
    'a unit such as "kr/mån", "mån/år" or "mån"': 'en enhet som "kr/mån", "mån/år" eller "mån"',
    "Förändring: a percent is not an amount (number in Effekter!D5, unit in Effekter!E5)":
    "Förändring: ett procenttal är inget belopp (talet i Effekter!D5, enheten i Effekter!E5)",
    "a plain number with a unit such as kr, kr/mån or mån/år (a relative change is written on "
    "Effekter with the type relativ and the unit andel or %)": "ett vanligt tal med en enhet "
    "som kr, kr/mån eller mån/år (en relativ förändring skrivs på Effekter med typen relativ "
    "och enheten andel eller %)",
    "a plain number such as 7149, with the unit in the next cell": "ett vanligt tal som 7149, "
    "med enheten i nästa cell",
    "unknown payer; did you mean 'kommun'?": "okänd betalare; menade du 'kommun'?",
    "one of kommun, stat (declare others under Övriga betalare on the Insats sheet)": "ett av "
    "kommun, stat (ange andra under Övriga betalare på bladet Insats)",
    "Intag: år is missing": "Intag: år saknas",
    "Intag: år is not a year of the analysis": "Intag: år är inte ett år i kalkylen",
    "a year 0, 1, 2, ... up to 400, counted from the base year (year 0)": "ett år 0, 1, 2, "
    "... upp till 400, räknat från basåret (år 0)",
    "a year 0, 1, 2, ...": "ett år 0, 1, 2, ...",
    "the sheet has more than 500 rows": "bladet har fler än 500 rader",
    "at most 500 rows on Effekter": "högst 500 rader på Effekter",
    "is not in the price index KPI (SCB)": "finns inte i prisindexet KPI (SCB)",
    "a year in 2006-2023, missing 2010, 2011, or x": "ett år i 2006-2023 (2010, 2011 saknas), "
    "eller x",
    "a year in 2006-2023, or x": "ett år i 2006-2023, eller x",
    "cannot be compared with 2023: the price index KPI has a gap between them": "kan inte "
    "jämföras med 2023: prisindexet KPI har ett glapp mellan dem",
    "two years on the same side of the gap (KPI covers 2006-2009, 2012-2023), another index, "
    "or the missing years: x": "två år på samma sida om glappet (KPI täcker 2006-2009, "
    "2012-2023), ett annat index, eller de saknade åren: x",
    "is not a shipped price index": "är inte ett levererat prisindex",
    '"KPI" or "OPI", or a PriceIndex object': '"KPI" eller "OPI", eller ett PriceIndex-objekt',
    "add the year in the scenario file, e.g. [settings.price_indices.KPI] source = \"SCB\" "
    "changes_percent = {2024 = 3.0} (or on the template's sheet Prisindex)": "lägg till året i "
    'scenariofilen, t.ex. [settings.price_indices.KPI] source = "SCB" changes_percent = '
    "{2024 = 3.0} (eller på mallens blad Prisindex)",
    "or fetch KPI from SCB with `sociokalkyl priser uppdatera`": "eller hämta KPI från SCB "
    "med `sociokalkyl priser uppdatera`",
    "differs from the shipped value 1.0 (SCB); the shipped years win, so your number would "
    "not be used": "skiljer sig från det levererade värdet 1.0 (SCB); de levererade åren "
    "gäller, så ditt tal skulle inte användas",
    'remove the year, or write mode = "override" (your years win) or mode = "replace" (your '
    "series alone, e.g. a series on another base)": 'ta bort året, eller skriv mode = '
    '"override" (dina år gäller) eller mode = "replace" (bara din serie, t.ex. en serie med '
    "annan bas)",
}  # fmt: skip
"""English message -> its Swedish on the command line (after the readers' own table)."""


_URL = "https://api.kolada.se/v2/data/kpi/N33100"
_HINT = (
    "rerun with use_cache_on_error=True or offline=True to use responses cached by an "
    "earlier online run"
)
_HINT_SV = (
    "kör igen med use_cache_on_error=True eller offline=True för att använda svar som en "
    "tidigare körning med nätet sparade"
)
_TIMEOUT = f"Kolada did not answer {_URL} within 10 s (timeout)"
_TIMEOUT_SV = f"Kolada svarade inte på {_URL} inom 10 s (tidsgräns)"
_SENDING = "; it was still sending when the time was up, and the limit is for the whole answer"
_SENDING_SV = "; svaret kom fortfarande när tiden tog slut, och gränsen gäller hela svaret"

NETWORK: dict[str, str] = {
    f"{_TIMEOUT}{_SENDING}; try again later, pass a larger timeout, or {_HINT}":
    f"{_TIMEOUT_SV}{_SENDING_SV}; försök igen senare, ange en längre timeout, eller {_HINT_SV}",
    f"could not connect to Kolada at {_URL} (Name or service not known); check the network "
    f"connection and base_url, or {_HINT}": f"kunde inte ansluta till Kolada på {_URL} (Name "
    f"or service not known); kontrollera nätverket och base_url, eller {_HINT_SV}",
    f"the connection to Kolada broke while reading {_URL} (OSError: reset); try again, or "
    f"{_HINT}": f"anslutningen till Kolada bröts under läsningen av {_URL} (OSError: reset); "
    f"försök igen, eller {_HINT_SV}",
    f"Kolada is busy (HTTP 429) for {_URL}; try again later, or {_HINT}":
    f"Kolada är upptaget (HTTP 429) för {_URL}; försök igen senare, eller {_HINT_SV}",
    f"Kolada had a server fault (HTTP 503) for {_URL}, and the cache could not stand in: no "
    "such file": f"Kolada hade ett serverfel (HTTP 503) för {_URL}, och cachen kunde inte "
    "ersätta: filen finns inte",
    f"{_TIMEOUT}{_SENDING}": f"{_TIMEOUT_SV}{_SENDING_SV}",
    _TIMEOUT: _TIMEOUT_SV,
    f"could not connect to Kolada at {_URL} (x)": f"kunde inte ansluta till Kolada på {_URL} (x)",
    f"the connection to Kolada broke while reading {_URL} (x)":
    f"anslutningen till Kolada bröts under läsningen av {_URL} (x)",
    f"Kolada is busy (HTTP 429) for {_URL}": f"Kolada är upptaget (HTTP 429) för {_URL}",
    "is busy (HTTP 429)": "är upptaget (HTTP 429)",
    "had a server fault (HTTP 503)": "hade ett serverfel (HTTP 503)",
}  # fmt: skip
"""Kolada's network failures (sources/kolada/transport.py: what failed; the advice), and
their parts as they are translated in turn."""

SAMPLES.update(NETWORK)


@pytest.mark.parametrize(("english", "swedish"), SAMPLES.items())
def test_each_sample_in_swedish(english: str, swedish: str) -> None:
    assert swedish_problem(english) == swedish


def _used(english: str) -> set[int]:
    """The entries of ERRORS_SV that change ``english`` on its way to Swedish.

    A framed text (``message (got value); expected ...``) is translated part by part.
    """
    framed = _FRAMED.match(english)
    parts = [english] if framed is None else [framed["message"], framed["expected"] or ""]
    used: set[int] = set()
    for text in parts:
        for pattern, replacement in PROBLEMS_SV:
            text = pattern.sub(replacement, text)
        for index, (pattern, replacement) in enumerate(ERRORS_SV):
            if pattern.search(text):
                used.add(index)
            text = pattern.sub(replacement, text)
    return used


def _texts() -> set[str]:
    """The samples above, every site's texts (tests/error_sites.py) and pydantic's."""
    texts = set(SAMPLES) | set(KINDS) | {message for _, message in pydantic_messages()}
    for site in error_sites():
        texts.update(site.messages, site.expected)
    return texts


KINDS = (
    "an amount of money",
    "money per time",
    "a unit cost",
    "a use per year",
    "a duration",
    '"4 500 kr/dygn" or "300 000 kr"',
    '"12 mån" or "3 år"',
    '"7 mån/år", "2,5 tim/vecka" or "0,05 /år"',
    'a share such as 0.49 or "49 %"',
    'e.g. "12 000 kr/mån", "4 500,50 kr/dygn", "2,5 tim/vecka" or "12000 SEK/month"',
    "before the start (the base year)",
    "after the horizon",
    "lacks the columns key, name",
    "comma",
    "point",
    "a share between 0 and 1, e.g. 0.26 for 26 %",
    "a share between 0 and 1",
)
"""Wordings that reach a message only as a value filled in (units/types.py: the kind of
quantity and its example; units/parse.py: the example of a quantity; followup/inputs.py:
where a year lies; catalogue/files.py: the plural the scan cannot fill in;
uncertainty/comparison.py: what a group's value should be)."""

USED = set().union(*map(_used, _texts()))


@pytest.mark.parametrize("index", range(len(ERRORS_SV)))
def test_every_entry_is_used(index: int) -> None:
    assert index in USED, ERRORS_SV[index][0].pattern


def test_unknown_text_and_user_values_stay() -> None:
    assert swedish_error("something else") == "something else"
    assert swedish_value("tio") == "tio"
    assert swedish_value("5000123 bytes") == "5 000 123 byte"


def test_a_scenario_value_outside_its_range_reads_in_swedish_with_its_unit() -> None:
    """Found by the CI fuzz: a unit group ("1/year") after a range was read as a number.

    ``optimistisk = {"baseline[0].exit_rate" = -1.0}`` raised ``ValueError: invalid literal
    for int()`` inside the translation instead of the error about the range.
    """
    assert swedish_error("is outside the parameter's range [0, 1] (1/year)") == (
        "ligger utanför parameterns intervall [0; 1] (1/year)"
    )
    expected = swedish_error("a value within [0, 1] 1/year, e.g. 0.2 (the value as given)")
    assert expected.startswith("ett värde inom [0; 1] 1/year")

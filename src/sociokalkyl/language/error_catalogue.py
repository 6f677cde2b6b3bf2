"""The cost catalogue's and the engine's errors in Swedish, and writing files.

The catalogue (:mod:`sociokalkyl.catalogue`) reads the user's own cost items from CSV
and TOML and checks each entry; the engine (:mod:`sociokalkyl.engine`) checks years
against the horizon and names a cost item, outcome or payer it does not know; the
follow-up compares a forecast with what happened; files are written without
overwriting the user's (:mod:`sociokalkyl._atomic`, the reports).

Examples
--------
>>> import re
>>> text = "is not a key of the catalogue; menade du 'hvb_dygn'?"
>>> for pattern, replace in CATALOGUE:
...     text = re.sub(pattern, replace, text)
>>> text
"är ingen nyckel i katalogen; menade du 'hvb_dygn'?"
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, templates

__all__ = ["CATALOGUE", "ENGINE", "GENERIC"]

CATALOGUE: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("is not a key of the catalogue", "är ingen nyckel i katalogen"),
        ("is an alias of a key that is not in the catalogue",
         "är ett alias för en nyckel som inte finns i katalogen"),
        ("a key of the catalogue, e.g. {p0}", "en nyckel i katalogen, t.ex. {p0}"),
        ("is not a year of the price index {p0}, so the item could never be restated in "
         "another price year",
         "är inget år i prisindexet {p0}, så posten kan aldrig räknas om till ett annat "
         "prisår"),
        ("a year that {p0} covers ({y1}-{y2}), e.g. {y3}, or another price_index",
         "ett år som {p0} täcker ({y1}-{y2}), t.ex. {y3}, eller ett annat price_index"),
        ("has key {p0} under the name {p1}", "har nyckeln {p0} under namnet {p1}"),
        ("the same key as its name ({p0}), or no key field",
         "samma nyckel som namnet ({p0}), eller inget key-fält"),
        ("is missing: every catalogue entry needs a price year and a source",
         "saknas: varje post i katalogen behöver ett prisår och en källa"),
        ('e.g. price_year = 2023 and source = "Örebro kommun, årsredovisning 2023"',
         't.ex. price_year = 2023 och source = "Örebro kommun, årsredovisning 2023"'),
        ("is empty", "är tom"),
        ("a CSV with the header {p0} and one row per item",
         "en CSV med rubrikraden {p0} och en rad per post"),
        ("lacks the columns {p0}", "saknar kolumnerna {p0}"),
        ("lacks the column{p0} {p1}", "saknar kolumnen {p1}"),
        ('a header with {p0}, e.g. a row hvb_dygn,HVB-dygn,4500,kr/dygn,2018,"corren.se"',
         'en rubrikrad med {p0}, t.ex. en rad hvb_dygn,HVB-dygn,4500,kr/dygn,2018,"corren.se"'),
        ("has unknown columns {p0}", "har okända kolumner {p0}"),
        ("columns among {p0}", "kolumner bland {p0}"),
        ("has {p0} cells but the header has {p1}", "har {p0} celler men rubrikraden har {p1}"),
        ("one cell per column; quote cells that contain commas",
         "en cell per kolumn; sätt citattecken kring celler med kommatecken"),
        ("has no key", "har ingen nyckel"),
        ("a key, e.g. hvb_dygn", "en nyckel, t.ex. hvb_dygn"),
        ("has an unknown file type", "har en okänd filtyp"),
        ("a .csv or .toml catalogue file, e.g. mina-kostnader.csv",
         "en katalogfil .csv eller .toml, t.ex. mina-kostnader.csv"),
        ("cannot be read as payer shares", "kan inte läsas som betalarandelar"),
        ('a payer ("kommun") or shares "kommun:0.56;region:0.44" that sum to 1',
         'en betalare ("kommun") eller andelar "kommun:0.56;region:0.44" som summerar till 1'),
        ("is empty in column {p0}", "är tom i kolumnen {p0}"),
        ("is not a year", "är inget år"),
        ("a four-digit year, e.g. 2018", "ett årtal med fyra siffror, t.ex. 2018"),
        ("is not valid TOML ({p0})", "är inte giltig TOML ({p0})"),
        ('one table per key, e.g. [hvb_dygn] with unit_cost = "4 500 kr/dygn"',
         'en tabell per nyckel, t.ex. [hvb_dygn] med unit_cost = "4 500 kr/dygn"'),
        ("is not a table of cost-item fields", "är ingen tabell med en kostnadsposts fält"),
        ('[{p0}] followed by name = "...", unit_cost = "4 500 kr/dygn", ...',
         '[{p0}] följt av name = "...", unit_cost = "4 500 kr/dygn", ...'),
        ("is a duplicate key (first in {p0})", "är en dubblerad nyckel (först i {p0})"),
        ("each key once in a catalogue file, e.g. hvb_dygn_2018 and hvb_dygn_2019",
         "varje nyckel en gång i en katalogfil, t.ex. hvb_dygn_2018 och hvb_dygn_2019"),
        ("cannot be read ({p0})", "kan inte läsas ({p0})"),
        ("the path of a UTF-8 catalogue file (.csv or .toml)",
         "sökvägen till en katalogfil i UTF-8 (.csv eller .toml)"),
        ("is not a supported language", "är inget språk som stöds"),
        ('"sv" or "en"', '"sv" eller "en"'),
        ("an outcome with key, name and consequences (docs/outcomes.md)",
         "ett utfall med key, name och consequences (docs/outcomes.md)"),
        ("a catalogue row must say where its number comes from",
         "en rad i katalogen ska ange var dess tal kommer ifrån"),
        ('a {p0}, e.g. source = "SCB 2023", confidence = "S2", horizon = "ages 24-65"',
         'ett värde för {p0}, t.ex. source = "SCB 2023", confidence = "S2", horizon = '
         '"ages 24-65"'),
        ("cannot be used as catalogue overrides", "kan inte användas som egna katalogposter"),
        ('a Catalogue, a .csv/.toml path or {{"key": CostItem(...) or {{...}}}}',
         'en Catalogue, en sökväg .csv/.toml eller {{"key": CostItem(...) eller {{...}}}}'),
        ("is neither a CostItem nor a mapping of its fields",
         "är varken en CostItem eller en tabell med dess fält"),
        ('CostItem(...) or {{"name": ..., "unit_cost": "4 500 kr/dygn", ...}}',
         'CostItem(...) eller {{"name": ..., "unit_cost": "4 500 kr/dygn", ...}}'),
        ("holds a cost item with key {p0}", "innehåller en kostnadspost med nyckeln {p0}"),
        ("a cost item whose key is {p0}", "en kostnadspost med nyckeln {p0}"),
        ("already exists; refusing to overwrite it", "finns redan; skriver inte över den"),
        ("a new file name, or overwrite=True (on the command line: --force)",
         "ett nytt filnamn, eller overwrite=True (på kommandoraden: --force)"),
        ("is a symbolic link to nothing; refusing to write through it",
         "är en symbolisk länk till ingenting; skriver inte genom den"),
        ("a new file name or an existing regular file, e.g. resultat.csv",
         "ett nytt filnamn eller en vanlig fil som finns, t.ex. resultat.csv"),
        ("is not a regular file (a directory, device, pipe or socket); refusing to replace it",
         "är ingen vanlig fil (en katalog, enhet, pipe eller socket); ersätter den inte"),
        ("the directory does not exist", "katalogen finns inte"),
        ("a path in an existing directory, e.g. {p0}",
         "en sökväg i en katalog som finns, t.ex. {p0}"),
        ("names no report file format", "anger inget filformat för en rapport"),
        ("a file ending in .xlsx, .pdf or .html, e.g. rapport.pdf",
         "en fil som slutar på .xlsx, .pdf eller .html, t.ex. rapport.pdf"),
        ("is not a report document", "är inget rapportdokument"),
        ("a file ending in .pdf, .html or .htm, e.g. rapport.pdf",
         "en fil som slutar på .pdf, .html eller .htm, t.ex. rapport.pdf"),
        ("has no [uncertainty] table", "har ingen tabell [uncertainty]"),
        ("an example with one", "ett exempel som har en"),
        ("is not a bundled example", "är inget medföljande exempel"),
    )
)  # fmt: skip
"""The catalogue, writing files and reports, the bundled examples."""

ENGINE: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("is paid from year {y0}, beyond the horizon (years 0 to {y1})",
         "betalas från år {y0}, bortom horisonten (år 0 till {y1})"),
        ("a year below {y0}, or a longer horizon", "ett år under {y0}, eller en längre horisont"),
        ("has {p0} participants entering in year {y1}, beyond the horizon (years 0 to {y2})",
         "har {p0} deltagare som börjar år {y1}, bortom horisonten (år 0 till {y2})"),
        ("intake within the horizon, or a horizon of at least {y0} years",
         "intag inom horisonten, eller en horisont på minst {y0} år"),
        ("is not a known outcome", "är inget känt utfall"),
        ("a key of the shipped consequence catalogue or of the intervention's outcomes (list "
         "them with sociokalkyl.catalogue.outcomes.default_outcomes())",
         "en nyckel i den medföljande konsekvenskatalogen eller i insatsens utfall (lista "
         "dem med sociokalkyl.catalogue.outcomes.default_outcomes())"),
        ("lasts {y0} years after an outcome {y1} years after intake, longer than the {y2} "
         "years left of the horizon ({y3})",
         "varar {y0} år efter ett utfall {y1} år efter intaget, längre än de {y2} år som "
         "är kvar av horisonten ({y3})"),
        ("at most {y0} years, or a horizon of at least {y1} years ({p2})",
         "högst {y0} år, eller en horisont på minst {y1} år ({p2})"),
        ("is not a cost item of the intervention or the catalogue",
         "är ingen kostnadspost i insatsen eller katalogen"),
        ("occurs {y0} years after intake, beyond the horizon (years 0 to {y1})",
         "inträffar {y0} år efter intaget, bortom horisonten (år 0 till {y1})"),
        ("is not a use of {p0} ({p1})", "är ingen användning av {p0} ({p1})"),
        ('time per time ("-365 dygn/år") for a unit cost per time, events per year ("-1 /år") '
         "for a unit cost per event",
         'tid per tid ("-365 dygn/år") för en styckkostnad per tid, händelser per år '
         '("-1 /år") för en styckkostnad per händelse'),
        ("is needed for a consequence between two ages",
         "behövs för en konsekvens mellan två åldrar"),
        ("the participants' age at intake, e.g. 10 ({p0}.ages)",
         "deltagarnas ålder vid intaget, t.ex. 10 ({p0}.ages)"),
        ("is not a payer of this analysis", "är ingen betalare i den här analysen"),
        ("a catalogue key (list them with `sociokalkyl catalogue`) or a full cost item",
         "en nyckel i katalogen (lista dem med `sociokalkyl catalogue`) eller en hel "
         "kostnadspost"),
        ("makes a flow that is not a finite number (an amount too large)",
         "ger ett flöde som inte är ett ändligt tal (ett för stort belopp)"),
        ("observed uses and amounts of a realistic size (below 10^15 kr)",
         "observerade användningar och belopp av rimlig storlek (under 10^15 kr)"),
        ("names both a payer and a perspective", "anger både en betalare och ett perspektiv"),
        ("either payer or perspective", "antingen payer eller perspective"),
        ("is not a cost item of the forecast", "är ingen kostnadspost i prognosen"),
        ("is not a cost line of the forecast", "är ingen kostnadsrad i prognosen"),
        ("is not a payer of the analysis", "är ingen betalare i analysen"),
        ("is {p0} of the forecast", "ligger {p0} i prognosen"),
        ("before the start (the base year)", "före starten (basåret)"),
        ("after the horizon", "efter horisonten"),
        ("a calendar year from {y0} to {y1}, e.g. year = {y2}",
         "ett kalenderår från {y0} till {y1}, t.ex. year = {y2}"),
        ("one entry per calendar year", "en post per kalenderår"),
        ("has participants, but the forecast has no intake that year",
         "har deltagare, men prognosen har inget intag det året"),
        ("participants only in an intake year of the forecast ({y0}), or add the year to "
         "target_group.intake",
         "deltagare bara ett år med intag i prognosen ({y0}), eller lägg till året i "
         "target_group.intake"),
    )
)  # fmt: skip
"""The engine's years and names; the follow-up's comparison with the forecast."""

GENERIC: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("{p0}, e.g. {p1}", "{p0}, t.ex. {p1}"),
        ("e.g. {p0}", "t.ex. {p0}"),
    )
)
"""Wordings so short that they come last, after every longer text that holds them."""

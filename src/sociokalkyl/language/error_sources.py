"""The Kolada connector's errors in Swedish: ids, years, answers, the cache, HTTP.

:mod:`sociokalkyl.sources.kolada` checks what it is asked for (a KPI id, a kommun id,
years) and what Kolada answers (format, size, pages, redirects, HTTP status), and keeps
a cache. (SCB's connector words its errors in :mod:`sociokalkyl.language.prices`.)

Examples
--------
>>> import re
>>> text = "not a Kolada KPI id"
>>> for pattern, replace in SOURCES:
...     text = re.sub(pattern, replace, text)
>>> text
'inte ett nyckeltals-id i Kolada'
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, templates

__all__ = ["SOURCES"]

_OFFLINE = (
    "rerun with use_cache_on_error=True or offline=True to use responses cached by an "
    "earlier online run"
)
_OFFLINE_SV = (
    "kör igen med use_cache_on_error=True eller offline=True för att använda svar som en "
    "tidigare körning med nätet sparade"
)
_FIX_CACHE = "if it is a cache file, delete it and rerun online"
_FIX_CACHE_SV = "är det en cachefil, ta bort den och kör igen med nätet"

SOURCES: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("base_url must be an http or https URL", "base_url ska vara en http- eller https-URL"),
        ("not a Kolada KPI id", "inte ett nyckeltals-id i Kolada"),
        ("a letter and five digits, e.g. 'N33100'", "en bokstav och fem siffror, t.ex. 'N33100'"),
        ("a municipality id must be a string (leading zeros matter)",
         "ett kommun-id ska vara en text (inledande nollor räknas)"),
        ("not a Kolada municipality id", "inte ett kommun-id i Kolada"),
        ("four digits as a string, e.g. '{y0}' or '1880'",
         "fyra siffror som text, t.ex. '{y0}' eller '1880'"),
        ("four digits as a string, e.g. '1880' (Örebro) or '0180' (Stockholm)",
         "fyra siffror som text, t.ex. '1880' (Örebro) eller '0180' (Stockholm)"),
        ("years must be integers, not text", "åren ska vara heltal, inte text"),
        ("at least one year is required", "minst ett år krävs"),
        ("unknown Kolada gender row", "okänd könsrad i Kolada"),
        ("'T' (total), 'K' (women) or 'M' (men)", "'T' (totalt), 'K' (kvinnor) eller 'M' (män)"),
        ("a year must be an integer", "ett år ska vara ett heltal"),
        ("an integer between {y0} and {y1}, e.g. 2023",
         "ett heltal mellan {y0} och {y1}, t.ex. 2023"),
        ("year out of range for Kolada", "året ligger utanför Koladas år"),
        ("years must be an int or an iterable of ints",
         "åren ska vara ett heltal eller en följd av heltal"),
        ("Kolada knows no municipality with id {p0} ({p1}); check the id",
         "Kolada känner ingen kommun med id {p0} ({p1}); kontrollera id:t"),
        ("a Kolada municipality id, e.g. '1880' (Örebro) or '0180' (Stockholm)",
         "ett kommun-id i Kolada, t.ex. '1880' (Örebro) eller '0180' (Stockholm)"),
        ("Kolada knows no KPI with id {p0} ({p1}); check the id on kolada.se",
         "Kolada känner inget nyckeltal med id {p0} ({p1}); kontrollera id:t på kolada.se"),
        ("a Kolada KPI id, e.g. 'N33100'", "ett nyckeltals-id i Kolada, t.ex. 'N33100'"),
        ("a municipality name to search for is required", "ett kommunnamn att söka efter krävs"),
        ("a non-empty name, e.g. 'Örebro'", "ett namn som inte är tomt, t.ex. 'Örebro'"),
        ("Kolada's response from {p0} is not in the documented API v2 format: {p1} {p2}; "
         "check base_url (default {p3}) or report it to RKA",
         "Koladas svar från {p0} följer inte det dokumenterade formatet för API v2: {p1} "
         "{p2}; kontrollera base_url (förval {p3}) eller rapportera det till RKA"),
        ("{p0} is not valid JSON", "{p0} är inte giltig JSON"),
        ("{p0} for {p1} nests deeper than {p2} levels (Kolada's answers nest {p3}), so it was "
         "not read; the service may be down or base_url may point elsewhere; " + _FIX_CACHE,
         "{p0} för {p1} är nästlat djupare än {p2} nivåer (Koladas svar har {p3}), så det "
         "lästes inte; tjänsten kan vara nere eller base_url peka fel; " + _FIX_CACHE_SV),
        ("at most {p0} levels of arrays and objects", "högst {p0} nivåer av listor och objekt"),
        ("Kolada's pagination for {p0} loops back to {p1}; report it to RKA",
         "Koladas sidindelning för {p0} leder tillbaka till {p1}; rapportera det till RKA"),
        ("Kolada's response for {p0} has more than {p1} pages; ask for fewer years at a time",
         "Koladas svar för {p0} har fler än {p1} sidor; be om färre år åt gången"),
        ("{p0} for {p1} is not valid JSON ({p2}); got {p3}. The service may be down or "
         "base_url may point elsewhere; " + _FIX_CACHE,
         "{p0} för {p1} är inte giltig JSON ({p2}); fick {p3}. Tjänsten kan vara nere eller "
         "base_url peka fel; " + _FIX_CACHE_SV),
        ("Kolada has no value for nyckeltal {p0}, kommun {p1}, år {y2} (gender {p3}); choose "
         "another year, or enter the unit cost by hand with its source",
         "Kolada har inget värde för nyckeltal {p0}, kommun {p1}, år {y2} (kön {p3}); välj "
         "ett annat år, eller skriv in styckkostnaden för hand med sin källa"),
        ("a KoladaValue whose value is not None", "ett KoladaValue vars värde inte är None"),
        ("Kolada has no value for nyckeltal {p0}, kommun {p1} in the years asked for",
         "Kolada har inget värde för nyckeltal {p0}, kommun {p1} de efterfrågade åren"),
        ("years with values on kolada.se, or enter the cost by hand",
         "år med värden på kolada.se, eller skriv in kostnaden för hand"),
        ("timeout must be a number of seconds", "timeout ska vara ett antal sekunder"),
        ("a positive number, e.g. 10.0", "ett positivt tal, t.ex. 10.0"),
        ("timeout must be positive and finite", "timeout ska vara positiv och ändlig"),
        ("Kolada's response from {p0} is larger than {p1} bytes; ask for fewer years at a time",
         "Koladas svar från {p0} är större än {p1} byte; be om färre år åt gången"),
        ("the cache file {p0} does not hold a cached response for {p1}; delete it and rerun "
         "online to fetch the data again",
         "cachefilen {p0} innehåller inget sparat svar för {p1}; ta bort den och kör igen "
         "med nätet för att hämta data på nytt"),
        ("Kolada's response from {p0} does not read back as written",
         "Koladas svar från {p0} läses inte tillbaka som det skrevs"),
        ("no cached Kolada response for {p0} in {p1} (expected file {p2}); run once with "
         "network access (offline=False) to fill the cache, or check that cache_dir / "
         "SOCIOKALKYL_CACHE and base_url are the ones used then",
         "inget sparat Kolada-svar för {p0} i {p1} (filen {p2} väntades); kör en gång med "
         "nätet (offline=False) för att fylla cachen, eller kontrollera att cache_dir / "
         "SOCIOKALKYL_CACHE och base_url är desamma som då"),
        ("could not read the Kolada cache file {p0} ({p1}); check its permissions",
         "kunde inte läsa Koladas cachefil {p0} ({p1}); kontrollera dess behörigheter"),
        ("Kolada's response from {p0} holds a number that is not finite, so it was not "
         "cached; report it to RKA",
         "Koladas svar från {p0} innehåller ett tal som inte är ändligt, så det sparades "
         "inte; rapportera det till RKA"),
        ("finite numbers only, e.g. 3450.0", "bara ändliga tal, t.ex. 3450.0"),
        ("could not write the Kolada cache in {p0} ({p1}); pass a writable cache_dir or set {p2}",
         "kunde inte skriva Koladas cache i {p0} ({p1}); ange en skrivbar cache_dir eller "
         "sätt {p2}"),
        ("could not write the Kolada cache file {p0} ({p1}); pass a writable cache_dir or set "
         "{p2}",
         "kunde inte skriva Koladas cachefil {p0} ({p1}); ange en skrivbar cache_dir eller "
         "sätt {p2}"),
        ("Kolada's answer for {p0} redirects to another site ({p1}); only redirects on the "
         "same scheme, host and port as base_url {p2} are followed, so nothing was read from "
         "there or cached. Check base_url (default {p3})",
         "Koladas svar för {p0} skickar vidare till en annan webbplats ({p1}); bara "
         "vidarekopplingar till samma schema, värd och port som base_url {p2} följs, så "
         "inget lästes därifrån eller sparades. Kontrollera base_url (förval {p3})"),
        ("a URL on the same site as {p0}", "en URL på samma webbplats som {p0}"),
        ("Kolada rejected the request as invalid (HTTP 400) for {p0}{p1}; check the KPI id "
         "(e.g. 'N33100'), the municipality id (e.g. '1880') and the years; a very long URL "
         "also gives HTTP 400, so ask for fewer years at a time",
         "Kolada avvisade frågan som ogiltig (HTTP 400) för {p0}{p1}; kontrollera "
         "nyckeltalets id (t.ex. 'N33100'), kommunens id (t.ex. '1880') och åren; en mycket "
         "lång URL ger också HTTP 400, så be om färre år åt gången"),
        ("Kolada has no such resource (HTTP 404) at {p0}{p1}; check base_url (default {p2}) "
         "and the ids",
         "Kolada har ingen sådan resurs (HTTP 404) på {p0}{p1}; kontrollera base_url "
         "(förval {p2}) och id:na"),
        ("unexpected HTTP {y0} from Kolada for {p1}{p2}; check base_url (default {p3})",
         "oväntat HTTP {y0} från Kolada för {p1}{p2}; kontrollera base_url (förval {p3})"),
        ("is not a Kolada mapping ({p0})", "är ingen Kolada-koppling ({p0})"),
        ("{p0}, and the cache could not stand in: {p1}",
         "{p0}, och cachen kunde inte ersätta: {p1}"),
        ("{p0}; try again later, pass a larger timeout, or " + _OFFLINE,
         "{p0}; försök igen senare, ange en längre timeout, eller " + _OFFLINE_SV),
        ("{p0}; check the network connection and base_url, or " + _OFFLINE,
         "{p0}; kontrollera nätverket och base_url, eller " + _OFFLINE_SV),
        ("{p0}; try again later, or " + _OFFLINE, "{p0}; försök igen senare, eller " + _OFFLINE_SV),
        ("{p0}; try again, or " + _OFFLINE, "{p0}; försök igen, eller " + _OFFLINE_SV),
        ("{p0}; it was still sending when the time was up, and the limit is for the whole "
         "answer",
         "{p0}; svaret kom fortfarande när tiden tog slut, och gränsen gäller hela svaret"),
        ("Kolada did not answer {p0} within {p1} s (timeout)",
         "Kolada svarade inte på {p0} inom {p1} s (tidsgräns)"),
        ("could not connect to Kolada at {p0} ({p1})",
         "kunde inte ansluta till Kolada på {p0} ({p1})"),
        ("the connection to Kolada broke while reading {p0} ({p1})",
         "anslutningen till Kolada bröts under läsningen av {p0} ({p1})"),
        ("Kolada {p0} for {p1}", "Kolada {p0} för {p1}"),
        ("is busy (HTTP 429)", "är upptaget (HTTP 429)"),
        ("had a server fault (HTTP {y0})", "hade ett serverfel (HTTP {y0})"),
    )
)  # fmt: skip
"""The Kolada connector: what it is asked for, what Kolada answers, its cache."""

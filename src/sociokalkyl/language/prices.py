"""The words of price indices: where an index year came from, SCB, the cache, ``priser``.

Every text is a pair ``(svenska, English)`` with ``{name}`` fields filled by
:func:`price_text`; Swedish is the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sociokalkyl.language.labels import pick

__all__ = ["MODE_WORDS", "PRICE_TEXTS", "index_years_text", "origin_text", "price_text"]

_FIX_CACHE = (
    "kör `sociokalkyl priser uppdatera` igen, eller ta bort filen så används bara de "
    "levererade åren",
    "run `sociokalkyl priser uppdatera` again, or delete the file to use the shipped years only",
)

PRICE_TEXTS: dict[str, tuple[str, str]] = {
    # where an index year came from (assumption log, report, `priser visa`)
    "origin_shipped": ("levererad med sociokalkyl ({source})", "shipped ({source})"),
    "origin_user": ("användarens egna år ({source})", "the user's own years ({source})"),
    "origin_scb_cache": (
        "SCB, hämtad {date} till cachen ({source})",
        "SCB, fetched {date} into the cache ({source})",
    ),
    "origin_years": ("{index} {years}: {origin}", "{index} {years}: {origin}"),
    "short_shipped": ("levererad", "shipped"),
    "short_user": ("egen", "own"),
    "short_scb_cache": ("SCB {date}", "SCB {date}"),
    "sources": ("Källor:", "Sources:"),
    "chain_gap": (
        "(lucka: åren ovan och nedan kan inte jämföras)",
        "(gap: the years above and below cannot be compared)",
    ),
    # the cache file
    "cache_bad": (
        "KPI-cachen {path} kan inte läsas: {problem}; " + _FIX_CACHE[0],
        "the KPI cache {path} cannot be read: {problem}; " + _FIX_CACHE[1],
    ),
    "cache_too_large": ("filen är större än {limit} byte", "the file is larger than {limit} bytes"),
    "cache_not_json": (
        "filen är inte giltig JSON ({detail})",
        "the file is not valid JSON ({detail})",
    ),
    "cache_wrong_format": (
        "filen saknar formatmärket {expected}",
        "the file lacks the format tag {expected}",
    ),
    "cache_missing_text": (
        "source, retrieved eller url saknas",
        "source, retrieved or url is missing",
    ),
    "cache_no_levels": ("levels saknas eller är tom", "levels is missing or empty"),
    "cache_bad_year": ("{value} är inget årtal", "{value} is not a year"),
    "cache_bad_level": (
        "nivån för {year} ({value}) är inget positivt ändligt tal",
        "the level of {year} ({value}) is not a positive finite number",
    ),
    # joining a user's or the cache's years to a shipped series
    "join_jump": (
        "{index} {year} = {level:g} ({origin}) passar inte till {other} = {other_level:g} "
        "({other_origin}): kvoten {ratio:.2f} ligger utanför 0,7-1,4, så serien verkar ha "
        "en annan bas än den levererade (KPI 1980 = 100)",
        "{index} {year} = {level:g} ({origin}) does not fit {other} = {other_level:g} "
        "({other_origin}): the ratio {ratio:.2f} is outside 0.7-1.4, so the series seems to "
        "be on another base than the shipped one (KPI 1980 = 100)",
    ),
    "join_fix": (
        "ge årliga förändringar (changes_percent = {{2024 = 2.8}}) i stället för nivåer, "
        'eller mode = "replace" om hela serien är din egen',
        "give yearly changes (changes_percent = {{2024 = 2.8}}) instead of levels, or "
        'mode = "replace" if the whole series is your own',
    ),
    "shipped_differs": (
        "skiljer sig från det levererade värdet {shipped} ({source}); de levererade åren "
        "gäller, så ditt tal skulle inte användas",
        "differs from the shipped value {shipped} ({source}); the shipped years win, so "
        "your number would not be used",
    ),
    "shipped_differs_fix": (
        'ta bort året, eller skriv mode = "override" (dina år gäller) eller mode = "replace" '
        "(bara din serie, t.ex. en serie med annan bas)",
        'remove the year, or write mode = "override" (your years win) or mode = "replace" '
        "(your series alone, e.g. a series on another base)",
    ),
    "add_year_hint": (
        "lägg till året i scenariofilen, t.ex. [settings.price_indices.{index}] "
        'source = "{source}" changes_percent = {{{year} = 3.0}} (eller på mallens blad '
        "Prisindex)",
        "add the year in the scenario file, e.g. [settings.price_indices.{index}] "
        'source = "{source}" changes_percent = {{{year} = 3.0}} (or on the template\'s '
        "sheet Prisindex)",
    ),
    "kpi_update_hint": (
        "eller hämta KPI från SCB med `sociokalkyl priser uppdatera`",
        "or fetch KPI from SCB with `sociokalkyl priser uppdatera`",
    ),
    # SCB's API (sources/scb) and `sociokalkyl priser`
    "scb_offline_hint": (
        "beräkningar använder fortfarande de år som redan finns i cachen",
        "calculations still use the years already in the cache",
    ),
    "scb_timeout": (
        "SCB svarade inte på {url} inom {timeout:g} s (tidsgränsen gäller hela svaret); "
        "försök igen senare eller ge en längre tidsgräns (--timeout)",
        "SCB did not answer {url} within {timeout:g} s (the limit is for the whole "
        "answer); try again later or give a longer timeout (--timeout)",
    ),
    "scb_connect": (
        "kunde inte ansluta till SCB på {url} ({reason}); kontrollera nätverket och adressen",
        "could not connect to SCB at {url} ({reason}); check the network and the address",
    ),
    "scb_broken": (
        "anslutningen till SCB bröts när {url} lästes ({reason}); försök igen",
        "the connection to SCB broke while reading {url} ({reason}); try again",
    ),
    "scb_redirect": (
        "SCB:s svar på {url} skickar vidare till en annan webbplats ({target}); bara "
        "omdirigeringar inom samma webbplats som {base} följs, så inget lästes därifrån",
        "SCB's answer for {url} redirects to another site ({target}); only redirects on "
        "the same site as {base} are followed, so nothing was read from there",
    ),
    "scb_status": (
        "SCB svarade HTTP {status} på {url}{said}; {advice}",
        "SCB answered HTTP {status} for {url}{said}; {advice}",
    ),
    "scb_advice_400": (
        "frågan avvisades; kontrollera tabellen (standard {table})",
        "the query was refused; check the table (default {table})",
    ),
    "scb_advice_404": (
        "tabellen finns inte; kontrollera adressen och tabellen (standard {table})",
        "no such table; check the address and the table (default {table})",
    ),
    "scb_advice_429": (
        "SCB tillåter högst 10 anrop per 10 sekunder; vänta en stund och försök igen",
        "SCB allows at most 10 calls per 10 seconds; wait a while and try again",
    ),
    "scb_advice_5xx": (
        "fel hos SCB; försök igen senare",
        "a fault at SCB; try again later",
    ),
    "scb_advice_other": (
        "oväntat svar; kontrollera adressen (standard {base})",
        "an unexpected answer; check the address (default {base})",
    ),
    "scb_too_large": (
        "SCB:s svar på {url} är större än {limit} byte och lästes inte",
        "SCB's answer for {url} is larger than {limit} bytes and was not read",
    ),
    "scb_malformed": (
        "SCB:s svar på {url} har inte det väntade formatet ({what}): {problem}; inget "
        "sparades i cachen. Kontrollera adressen och tabellen",
        "SCB's answer for {url} is not in the expected format ({what}): {problem}; nothing "
        "was cached. Check the address and the table",
    ),
    "scb_bad_base_url": (
        "adressen måste vara en http- eller https-adress, t.ex. {example}",
        "the address must be an http or https URL, e.g. {example}",
    ),
    "scb_cache_write": (
        "kunde inte skriva KPI-cachen {path} ({reason}); ange en skrivbar katalog med "
        "SOCIOKALKYL_CACHE",
        "could not write the KPI cache {path} ({reason}); name a writable directory with "
        "SOCIOKALKYL_CACHE",
    ),
    "scb_no_cache": (
        "det finns ingen KPI-cache i {path}; kör `sociokalkyl priser uppdatera` med "
        "nätverk en gång",
        "there is no KPI cache in {path}; run `sociokalkyl priser uppdatera` once with "
        "network access",
    ),
    "scb_cache_kept": (
        "KPI-cachen från {date} ({first}-{last}) finns kvar och används",
        "the KPI cache of {date} ({first}-{last}) is kept and used",
    ),
    "scb_disagrees": (
        "SCB:s {year} = {value:g} skiljer sig från det levererade {shipped:g}; tabellen är "
        "kanske inte KPI 1980 = 100 (fastställda tal, årsmedeltal); inget sparades",
        "SCB's {year} = {value:g} differs from the shipped {shipped:g}; the table may not "
        "be KPI 1980 = 100 (fixed values, annual averages); nothing was cached",
    ),
    # `sociokalkyl priser`
    "cli_help": ("prisindex: hämta KPI från SCB, visa serierna", "price indices: fetch, show"),
    "cli_description": (
        "Prisindex som hålls aktuella: hämta KPI (årsmedeltal, 1980 = 100) från SCB till "
        "din cache, och visa vilka år som finns och varifrån de kommer.",
        "Price indices kept current: fetch KPI (annual averages, 1980 = 100) from SCB "
        "into your cache, and show which years there are and where they came from.",
    ),
    "cli_update_help": ("hämta KPI från SCB till cachen", "fetch KPI from SCB into the cache"),
    "cli_show_help": ("visa ett prisindex år för år", "show a price index year by year"),
    "cli_url_help": ("API-adress (standard SCB)", "API address (default SCB)"),
    "cli_table_help": ("tabellens sökväg (standard {table})", "the table's path (default {table})"),
    "cli_timeout_help": (
        "tidsgräns för hela anropet i sekunder (standard {timeout:g})",
        "limit for the whole request in seconds (default {timeout:g})",
    ),
    "cli_offline_help": (
        "använd bara cachen, inget nätverk",
        "use the cache only, no network",
    ),
    "cli_index_help": ("index att visa (standard KPI)", "index to show (default KPI)"),
    "cli_lang_help": ("språk (standard sv)", "language (default sv)"),
    "cli_fetched": (
        "KPI hämtad från SCB {date}: {first}-{last}, sparad i {path}",
        "KPI fetched from SCB {date}: {first}-{last}, saved in {path}",
    ),
    "cli_offline": (
        "KPI i cachen (hämtad {date}): {first}-{last}, i {path}",
        "KPI in the cache (fetched {date}): {first}-{last}, in {path}",
    ),
    "cli_new_years": ("Nya år: {years}.", "New years: {years}."),
    "cli_no_new_years": ("Inga nya år.", "No new years."),
    "cli_extends": (
        "Beräkningar med KPI använder nu {years} från SCB utöver de levererade åren "
        "({first}-{last}); de levererade åren gäller där båda finns.",
        "Calculations with KPI now use {years} from SCB beyond the shipped years "
        "({first}-{last}); the shipped years win where both exist.",
    ),
    "cli_show_header": ("År", "Year"),
    "cli_show_level": ("Nivå", "Level"),
    "cli_show_origin": ("Varifrån", "Origin"),
    "cli_show_opi_note": (
        "OPI publiceras av SKR som filer och hämtas inte; lägg till ett år i scenariofilen: "
        '[settings.price_indices.OPI] source = "SKR, cirkulär" changes_percent = {{2022 = ...}}',
        "OPI is published by SKR as files and is not fetched; add a year in the scenario "
        'file: [settings.price_indices.OPI] source = "SKR, cirkulär" '
        "changes_percent = {{2022 = ...}}",
    ),
    # the template sheet Prisindex (scenario/excel_prices.py)
    "sheet": ("Prisindex", "Price indices"),
    "sheet_title": (
        "Egna år för prisindex: förlänger den levererade serien (KPI 2006-2023, OPI)",
        "Your own price-index years: they extend the shipped series (KPI 2006-2023, OPI)",
    ),
    "col_index": ("Index", "Index"),
    "col_year": ("År", "Year"),
    "col_change": ("Förändring", "Change"),
    "col_level": ("Nivå", "Level"),
    "col_source": ("Källa", "Source"),
    "col_mode": ("Läge", "Mode"),
    "hint_index": ("KPI, OPI eller eget namn", "KPI, OPI or your own name"),
    "hint_year": ("t.ex. 2024", "e.g. 2024"),
    "hint_change": ("från året före, t.ex. 2,8 %", "from the year before, e.g. 2.8 %"),
    "hint_level": ("eller nivå (KPI: 1980 = 100)", "or a level (KPI: 1980 = 100)"),
    "hint_source": ("t.ex. SCB, KPI årsmedeltal", "e.g. SCB, KPI annual average"),
    "hint_mode": (
        "förläng (standard), skriv över, ersätt",
        "förläng (default), skriv över, ersätt",
    ),
    "bad_cell": ("{header} {problem}", "{header} {problem}"),
    "not_number": ("är inget tal", "is not a number"),
    "not_year": ("är inget årtal", "is not a year"),
    "both_or_neither": (
        "ska ha antingen en förändring eller en nivå (inte båda, inte ingen)",
        "needs either a change or a level (not both, not neither)",
    ),
    "mixed_forms": (
        "blandar förändringar och nivåer för {index}; ge samma slag på alla rader",
        "mixes changes and levels for {index}; give one kind on every row",
    ),
    "no_source": ("saknar källa för {index}", "lacks a source for {index}"),
    "bad_mode": ("är inget läge", "is not a mode"),
    "twice": ("anger {index} {year} två gånger", "gives {index} {year} twice"),
    "share_trap": (
        "{value:g} lästes som {percent:g} %; menade du {value:g} %? Skriv {value:g} % "
        "(eller {share:g}); en årlig förändring över 50 % tas inte emot",
        "{value:g} was read as {percent:g} %; did you mean {value:g} %? Write {value:g} % "
        "(or {share:g}); a yearly change above 50 % is not taken",
    ),
    "expected_change": ("t.ex. 2,8 % eller 0,028", "e.g. 2.8 % or 0.028"),
}
"""Texts about price indices, ``key: (svenska, English)``."""

MODE_WORDS: dict[str, str] = {
    "förläng": "extend",
    "extend": "extend",
    "skriv över": "override",
    "override": "override",
    "ersätt": "replace",
    "replace": "replace",
}
"""The words a template's Läge cell may hold, and the mode each means."""


def price_text(key: str, lang: str = "sv", **fields: Any) -> str:
    """A text of :data:`PRICE_TEXTS` with its ``{fields}`` filled.

    Parameters
    ----------
    key
        A key of :data:`PRICE_TEXTS`.
    lang
        ``"sv"`` (svenska, default) or ``"en"``.
    **fields
        The values of the text's fields.

    Returns
    -------
    str
        The text.

    Examples
    --------
    >>> price_text("cache_bad_year", value="'x'")
    "'x' är inget årtal"
    """
    return pick(PRICE_TEXTS[key], lang).format(**fields)


def origin_text(kind: str, source: str, retrieved: str | None = None, lang: str = "sv") -> str:
    """Where an index year came from, in words.

    Parameters
    ----------
    kind
        ``"shipped"``, ``"user"`` or ``"scb_cache"``.
    source
        The source text.
    retrieved
        The fetch time (ISO 8601) for ``"scb_cache"``.
    lang
        ``"sv"`` (default) or ``"en"``.

    Returns
    -------
    str
        E.g. ``"SCB, hämtad 2026-11-27 till cachen (SCB, KPI)"``.

    Examples
    --------
    >>> origin_text("scb_cache", "SCB, KPI", "2026-11-27T09:00:00+00:00")
    'SCB, hämtad 2026-11-27 till cachen (SCB, KPI)'
    """
    date = (retrieved or "")[:10]
    return price_text(f"origin_{kind}", lang, source=source, date=date)


def index_years_text(index: str, pairs: Sequence[tuple[str, Any]], lang: str = "sv") -> str:
    """The not-shipped index years a number relied on, in words; empty for none.

    Parameters
    ----------
    index
        The index's name, e.g. ``"KPI"``.
    pairs
        ``(years, origin)`` pairs, an origin having ``kind``, ``source`` and
        ``retrieved`` (:class:`sociokalkyl.money.YearOrigin`).
    lang
        ``"sv"`` (default) or ``"en"``.

    Returns
    -------
    str
        E.g. ``"KPI 2024-2025: användarens egna år (SCB)"``; several joined by ``"; "``.

    Examples
    --------
    >>> from types import SimpleNamespace as Origin
    >>> index_years_text("KPI", [("2024-2025", Origin(kind="user", source="SCB", retrieved=None))])
    'KPI 2024-2025: användarens egna år (SCB)'
    """
    return "; ".join(
        price_text(
            "origin_years",
            lang,
            index=index,
            years=years,
            origin=origin_text(origin.kind, origin.source, origin.retrieved, lang),
        )
        for years, origin in pairs
    )

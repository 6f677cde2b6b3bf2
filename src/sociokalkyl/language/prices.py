"""The words of price indices: where an index year came from, SCB, the cache, ``priser``.

Every text is a pair ``(svenska, English)`` with ``{name}`` fields filled by
:func:`price_text`; Swedish is the default.
"""

from __future__ import annotations

from typing import Any

from sociokalkyl.language.labels import pick

__all__ = ["PRICE_TEXTS", "origin_text", "price_text"]

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
        'source = "SKR, cirkulär" changes_percent = {{{year} = 3.0}}',
        "add the year in the scenario file, e.g. [settings.price_indices.{index}] "
        'source = "SKR, cirkulär" changes_percent = {{{year} = 3.0}}',
    ),
    "kpi_update_hint": (
        "eller hämta KPI från SCB med `sociokalkyl priser uppdatera`",
        "or fetch KPI from SCB with `sociokalkyl priser uppdatera`",
    ),
}
"""Texts about price indices, ``key: (svenska, English)``."""


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

"""The price indices' errors in Swedish: a year outside a series, a gap, a shipped year.

Examples
--------
>>> len(PRICES) > 5
True
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, from_text, templates
from sociokalkyl.language.prices import PRICE_TEXTS

__all__ = ["PRICES", "PRICE_INDEX"]

PRICES: tuple[tuple[str, Replacement], ...] = (
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
        from_text(PRICE_TEXTS[key][1], PRICE_TEXTS[key][0])
        for key in ("add_year_hint", "kpi_update_hint", "shipped_differs", "shipped_differs_fix")
    ),
)  # fmt: skip
"""The price indices: a year outside a series, a gap, a shipped year given again."""

PRICE_INDEX: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("is not a valid yearly change", "är inte en giltig årlig förändring"),
        ("a percentage above -100, e.g. 2.6", "ett procenttal över -100, t.ex. 2.6"),
        ("has no years", "har inga år"),
        ("at least one year with a level, e.g. {{2023: 403.7}}",
         "minst ett år med en nivå, t.ex. {{2023: 403.7}}"),
        ("has a level that is not a positive number", "har en nivå som inte är ett positivt tal"),
        ("a positive index level, e.g. 403.7", "en positiv indexnivå, t.ex. 403.7"),
        ("cannot be read as a price index ({p0})", "kan inte läsas som ett prisindex ({p0})"),
        ("a CSV with columns year,level, e.g. 2023,403.7",
         "en CSV med kolumnerna year,level, t.ex. 2023,403.7"),
        ("{p0} is not a finite number", "{p0} är inte ett ändligt tal"),
    )
)  # fmt: skip
"""A price index the user gives: its years, levels and yearly changes."""

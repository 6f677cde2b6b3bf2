"""The price indices' errors in Swedish: a year outside a series, a gap, a shipped year.

Examples
--------
>>> len(PRICES) > 5
True
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, from_text
from sociokalkyl.language.prices import PRICE_TEXTS

__all__ = ["PRICES"]

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

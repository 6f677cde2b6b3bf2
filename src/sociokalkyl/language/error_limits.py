"""The documented limits (docs/limits.md) and the Excel template's reader, in Swedish.

Examples
--------
>>> import re
>>> text = "has 10001 items, more than the limit of 10000"
>>> for pattern, replace in LIMITS:
...     text = re.sub(pattern, replace, text)
>>> text
'har 10 001 poster, fler än gränsen 10 000'
"""

from __future__ import annotations

from sociokalkyl.language.error_format import N, Replacement, numbers

__all__ = ["LIMITS", "TEMPLATE_READER"]

LIMITS: tuple[tuple[str, Replacement], ...] = (
    (rf"^is more than the limit of {N} draws \(10⁸ draws take minutes; the statistics "
     r"settle long before\)$",
     numbers("är fler än gränsen {0} dragningar (10⁸ dragningar tar minuter; "
              "statistiken stabiliseras långt före)")),
    (rf"^at most {N} draws, e\.g\. draws=10_000 \(100 000 for the tails\)$",
     numbers("högst {0} dragningar, t.ex. --draws 10000 (100 000 för svansarna)")),
    (r"^is not a positive whole number of draws$", "är inte ett positivt heltal dragningar"),
    (r"^an integer >= 1, e\.g\. draws=10_000$", "ett heltal >= 1, t.ex. --draws 10000"),
    (rf"^is nested more than {N} levels deep$", numbers("är nästlad djupare än {0} nivåer")),
    (r"^a scenario file's tables, a few levels deep \(docs/limits\.md\)$",
     "en kalkylfils tabeller, några nivåer djupt (docs/limits.md)"),
    (rf"^has {N} (items|entries), more than the limit of {N}$",
     numbers("har {0} poster, fler än gränsen {2}")),
    (rf"^has {N} intake years, more than the limit of {N}$",
     numbers("har {0} intagsår, fler än gränsen {1}")),
    (rf"^at most {N} items \(docs/limits\.md\)$", numbers("högst {0} poster (docs/limits.md)")),
    (rf"^at most {N} intake years \(docs/limits\.md\)$",
     numbers("högst {0} intagsår (docs/limits.md)")),
    (rf"^its YAML aliases \(\*name\) repeat more than {N} values$",
     numbers("dess YAML-alias (*namn) upprepar fler än {0} värden")),
    (r"^each value written out, or a few aliases \(docs/limits\.md\)$",
     "varje värde utskrivet, eller några få alias (docs/limits.md)"),
    (r"^is too large for a scenario file$", "är för stor för en kalkylfil"),
    (r"^is too large for a template$", "är för stor för en mall"),
    (r"^is too large$", "är för stor"),
    (r"^no such file$", "filen finns inte"),
    (r"^an existing (scenario )?file$", "en fil som finns"),
    (r"^is a directory$", "är en katalog"),
    (r"^a scenario file$", "en kalkylfil"),
    (rf"^at most {N} bytes$", numbers("högst {0} byte")),
    (rf"^unpacks to {N} bytes from {N} bytes \(a zip bomb\?\)$",
     numbers("packas upp till {0} byte från {1} byte (en zip-bomb?)")),
    (rf"^a workbook that unpacks to at most {N} bytes and at most {N} times its size "
     r"\(a template: about 300 000 bytes, 10 times\)$",
     numbers("en arbetsbok som packas upp till högst {0} byte och högst {1} gånger sin "
              "storlek (en mall: omkring 300 000 byte, 10 gånger)")),
    (rf"^is longer than the longest horizon, {N} years$",
     numbers("är längre än den längsta horisonten, {0} år")),
    (rf"^at most {N} years, e\.g\. horizon = 20$", numbers("högst {0} år, t.ex. horizon = 20")),
    (rf"^at most {N} \(split the intervention in parts\)$",
     numbers("högst {0} (dela insatsen i delar)")),
    (rf"^at most {N} entries, one a year, e\.g\. \[30, 30, 30\]$",
     numbers("högst {0} värden, ett per år, t.ex. [30, 30, 30]")),
    (rf"^at most {N} rows of data in a table$", numbers("högst {0} rader data i en tabell")),
    (r"^has a unit that is too long or has a computed exponent",
     "har en enhet som är för lång eller har en beräknad exponent"),
    (r"\), e\.g\. (\"[^\"]*\"), (\"[^\"]*\"), (\"[^\"]*\") or (\"[^\"]*\")$",
     r"), t.ex. \1, \2, \3 eller \4"),
)  # fmt: skip
"""The documented limits (docs/limits.md): message and expectation, numbers in Swedish."""


TEMPLATE_READER: tuple[tuple[str, Replacement], ...] = (
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
    (rf"^a year 0, 1, 2, \.\.\. up to {N}, counted from the base year \(year 0\)$",
     numbers("ett år 0, 1, 2, ... upp till {0}, räknat från basåret (år 0)")),
    (r"^a year 0, 1, 2, \.\.\.$", "ett år 0, 1, 2, ..."),
    (rf"^the sheet has more than {N} rows$", numbers("bladet har fler än {0} rader")),
    (rf"^at most {N} rows on (.+)$", numbers("högst {0} rader på {1}")),
)  # fmt: skip
"""The Excel template's reader (scenario/excel_read.py): units, percents, payers, rows."""

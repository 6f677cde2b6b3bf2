"""The documented limits of sociokalkyl: what it refuses early, before it spends memory or time.

Every limit is a plain number here, in one place, so that the checks, the error messages
and ``docs/limits.md`` agree. A limit is far beyond any real social investment (a kommun's
intervention has a few hundred participants, a handful of cost items and a horizon of
decades) and well below what would exhaust this machine's memory or a user's patience.

>>> MAX_HORIZON_YEARS, MAX_DRAWS
(400, 100000000)
"""

from __future__ import annotations

__all__ = [
    "MAX_COST_ITEMS",
    "MAX_DRAWS",
    "MAX_ENGINE_BYTES",
    "MAX_FILE_BYTES",
    "MAX_HORIZON_YEARS",
    "MAX_JSON_DEPTH",
    "MAX_LIST_ITEMS",
    "MAX_UNIT_CHARS",
    "MAX_XLSX_COMPRESSION_RATIO",
    "MAX_XLSX_UNCOMPRESSED_BYTES",
    "PLAUSIBLE_AMOUNT_SEK",
    "PLAUSIBLE_PARTICIPANTS",
]

MAX_FILE_BYTES = 5_000_000
"""A scenario file or template larger than this is refused [bytes] (a scenario is a few kB)."""

MAX_XLSX_UNCOMPRESSED_BYTES = 50_000_000
"""An xlsx whose parts unpack to more than this is refused before it is read [bytes]."""


MAX_XLSX_COMPRESSION_RATIO = 100
"""An xlsx that unpacks to more than this many times its size is refused (a template: 10)."""

MAX_HORIZON_YEARS = 400
"""The longest horizon, and the latest intake or payment year [years]."""

MAX_COST_ITEMS = 500
"""The most cost items, effects, baseline rows or intervention costs in one intervention."""

MAX_LIST_ITEMS = 10_000
"""The longest list in a scenario file (an intake schedule, a baseline profile) [items]."""

MAX_DRAWS = 100_000_000
"""The most Monte Carlo draws in one run (10⁸ draws take about 7 minutes here)."""

MAX_JSON_DEPTH = 64
"""The deepest nesting read from JSON (a scenario file or a Kolada answer) [levels]."""

# the unit text, and plausibility (warned about, not refused)

MAX_UNIT_CHARS = 60
"""The longest unit after a number [characters] ("kr/hushåll/mån" is 14)."""

PLAUSIBLE_PARTICIPANTS = 1_000_000
"""More participants than this is a warning (a kommun's intervention has hundreds)."""

PLAUSIBLE_AMOUNT_SEK = 1_000_000_000
"""A unit cost or intervention cost above this is a warning [SEK, or SEK/year for a rate]."""
MAX_ENGINE_BYTES = 64 * 2**20
"""The most memory the yearly flows of one projection of many draws may take [bytes]: the
Monte Carlo batches and the break-even scan project fewer draws at once for a large plan
(hundreds of cost items over centuries), with the same numbers."""

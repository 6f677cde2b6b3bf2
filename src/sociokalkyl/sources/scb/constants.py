"""SCB constants: the API root, the KPI table, its source text, and size limits."""

from __future__ import annotations

from typing import Final

DEFAULT_BASE_URL: Final = "https://api.scb.se/OV0104/v1/doris/sv/ssd"
"""SCB's PxWeb API v1 root (Swedish texts); override with ``base_url``."""

KPI_TABLE: Final = "PR/PR0101/PR0101A/KPIFastAmed"
"""The table of KPI fixed values, annual averages, 1980 = 100 (path under the root)."""

KPI_SOURCE: Final = (
    "SCB, Konsumentprisindex (KPI), fastställda tal, årsmedeltal, 1980=100 "
    "(statistikdatabasen, tabell PR0101A/KPIFastAmed), CC0"
)
"""The source text the fetched years carry into the cache and every report."""

MAX_BODY_BYTES: Final = 2_000_000
"""The largest answer read [bytes]; the whole KPI series is a few kB."""

MAX_VALUES: Final = 1000
"""The most values accepted in one answer (a century of annual averages is about 100)."""

"""Kolada connector: local key figures (KPIs) for Swedish municipalities and regions.

Kolada is RKA's open database of about 5 000 municipal key figures, licensed
CC BY 4.0 ("Källa: Kolada (RKA)"). This module reads its API v2
(``/v2/data/kpi/<KPI>/municipality/<ID>/year/<YEARS>``) with the standard library
only, follows ``next_page`` until the last page, keeps the total row (gender ``T``)
unless told otherwise, and reports a missing value as ``None``, never as 0.

Every successful response is cached on disk, keyed by the SHA-256 hash of its full
URL, so a calculation can be rerun offline (``offline=True``) or survive a network
failure (``use_cache_on_error=True``). A cache entry is written atomically and only
after every page of a request has arrived and passed validation, so a failed
request never leaves a cache entry behind.

Examples
--------
>>> client = KoladaClient(cache_dir="/tmp/kolada-cache")
>>> client.data_url("N33100", "1880", [2023, 2022])
'https://api.kolada.se/v2/data/kpi/N33100/municipality/1880/year/2022,2023'

Over the network (not run by the tests, which use a local server)::

    values = client.fetch("N33100", "1880", [2022, 2023])
    [(v.year, v.value) for v in values]
    # [(2022, ...), (2023, ...)]
"""

from __future__ import annotations

from sociokalkyl.sources.kolada.client import KoladaClient
from sociokalkyl.sources.kolada.constants import ATTRIBUTION, CACHE_ENV_VAR, DEFAULT_BASE_URL
from sociokalkyl.sources.kolada.constants import GENDERS as GENDERS
from sociokalkyl.sources.kolada.constants import MIN_YEAR as MIN_YEAR
from sociokalkyl.sources.kolada.records import KoladaValue, Municipality, to_cost_item
from sociokalkyl.sources.kolada.session import default_cache_dir

__all__ = [
    "ATTRIBUTION",
    "CACHE_ENV_VAR",
    "DEFAULT_BASE_URL",
    "KoladaClient",
    "KoladaValue",
    "Municipality",
    "default_cache_dir",
    "to_cost_item",
]

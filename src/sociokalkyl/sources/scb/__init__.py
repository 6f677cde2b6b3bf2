"""SCB's statistical database (PxWeb API v1): KPI annual averages into the user's cache.

Why PxWeb API v1 and the standard library: the table named in SCB's documentation,
``PR0101A/KPIFastAmed`` (KPI fixed values, annual averages, 1980 = 100), is addressed
by its path in v1, and v1 answers in JSON-stat 2.0, the format the newer PxWebApi 2
also uses, so a move to v2 changes the request, not the reading. The connector reuses
the Kolada connector's transport (a whole-request deadline, same-site redirects, a body
limit), as a library such as ``pxwebpy`` would add a dependency (and its own HTTP
client without those limits) for two requests.

Examples
--------
>>> from sociokalkyl.sources.scb import DEFAULT_BASE_URL, KPI_TABLE
>>> f"{DEFAULT_BASE_URL}/{KPI_TABLE}"
'https://api.scb.se/OV0104/v1/doris/sv/ssd/PR/PR0101/PR0101A/KPIFastAmed'
"""

from __future__ import annotations

from sociokalkyl.sources.scb.client import DEFAULT_TIMEOUT, Update, fetch_kpi, update_kpi
from sociokalkyl.sources.scb.constants import DEFAULT_BASE_URL, KPI_SOURCE, KPI_TABLE
from sociokalkyl.sources.scb.transport import ScbNetworkError

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "KPI_SOURCE",
    "KPI_TABLE",
    "ScbNetworkError",
    "Update",
    "fetch_kpi",
    "update_kpi",
]

"""Connectors to external data sources: Kolada (RKA's municipal key figures) and SCB
(:mod:`sociokalkyl.sources.scb`: KPI annual averages into the user's cache).

Every connector uses the standard library only, caches what it fetched on disk so a
calculation can be rerun offline, and raises :class:`sociokalkyl.errors.DataSourceError`
with a message that says what failed and what to do.
"""

from __future__ import annotations

from sociokalkyl.sources.kolada import (
    DEFAULT_BASE_URL,
    KoladaClient,
    KoladaValue,
    Municipality,
    default_cache_dir,
    to_cost_item,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "KoladaClient",
    "KoladaValue",
    "Municipality",
    "default_cache_dir",
    "to_cost_item",
]

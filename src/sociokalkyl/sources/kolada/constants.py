"""Kolada constants: the API root, the cache variable, the attribution, genders, years."""

from __future__ import annotations

from typing import Final

DEFAULT_BASE_URL: Final = "https://api.kolada.se/v2"
"""Kolada's API v2 root; override with ``KoladaClient(base_url=...)``."""

CACHE_ENV_VAR: Final = "SOCIOKALKYL_CACHE"
"""Environment variable naming sociokalkyl's cache root (Kolada uses ``<root>/kolada``)."""

ATTRIBUTION: Final = "Källa: Kolada (RKA), CC BY 4.0"
"""Attribution required by Kolada's licence; starts every ``source`` text made here."""

GENDERS: Final = ("T", "K", "M")
"""Kolada's gender rows: ``T`` total, ``K`` kvinnor (women), ``M`` män (men)."""

MIN_YEAR: Final = 1970
"""Earliest year accepted as a Kolada period."""

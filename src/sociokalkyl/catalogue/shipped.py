"""The shipped catalogue: ``data/catalogue.csv`` and the generic keys that stand for its rows."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from sociokalkyl.catalogue.core import Catalogue
from sociokalkyl.catalogue.files import parse_catalogue_text

__all__ = ["SHIPPED_ALIASES", "SHIPPED_ORIGIN", "default"]

SHIPPED_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "ekonomiskt_bistand": "ekonomiskt_bistand_hushall_manad_2012",
        "ekonomiskt_bistand_hushall_ar": "ekonomiskt_bistand_hushall_ar_2022",
        "hemtjanst_timme": "hemtjanst_timme_2016",
        "sarskilt_boende_dygn": "sarskilt_boende_dygn_2016",
        "sis_ungdomsvard_dygn": "sis_ungdomsvard_dygn_2023",
    }
)
"""Generic keys of the shipped catalogue and the dated row each one stands for.

Each points to the newest national figure of its kind that the shipped price indices
can restate; the item keeps that row's source and confidence, and its note says which
row it is.
"""

SHIPPED_ORIGIN = "sociokalkyl/data/catalogue.csv"
"""The origin shipped items name: the package's own catalogue file."""


@cache
def default() -> Catalogue:
    """The shipped catalogue (``sociokalkyl/data/catalogue.csv`` and :data:`SHIPPED_ALIASES`).

    Returns
    -------
    Catalogue
        Every shipped item with its source, price year, payer and confidence mark; read
        once and cached.

    Examples
    --------
    >>> "hemtjanst_timme_2016" in default()
    True
    """
    text = (resources.files("sociokalkyl") / "data" / "catalogue.csv").read_text(encoding="utf-8")
    return Catalogue(parse_catalogue_text(text, SHIPPED_ORIGIN), SHIPPED_ALIASES)

"""The shipped catalogue of Swedish unit costs, with sources, price years and payers.

Every item is a :class:`~sociokalkyl.model.CostItem` with a source, a price year, a
payer, a geography and a confidence mark (S seen in the source, S2 secondary source,
D derived, A assumption). Users override items or add their own from a CSV or TOML
file; see ``docs/catalogue.md`` for every shipped row.

Examples
--------
>>> from sociokalkyl import catalogue
>>> cat = catalogue.default()
>>> item = cat["sis_ungdomsvard_dygn_2023"]
>>> item.unit_cost_text(), item.payer, item.confidence
('13000 SEK / day', 'stat', 'S')
>>> cat["hemtjanst_tim"]
Traceback (most recent call last):
    ...
sociokalkyl.catalogue.core.CatalogueKeyError: key: is not a key ... 'hemtjanst_timme'...
"""

from __future__ import annotations

from sociokalkyl.catalogue.core import Catalogue, CatalogueKeyError, load
from sociokalkyl.catalogue.files import COLUMNS, REQUIRED_COLUMNS, read_catalogue_file
from sociokalkyl.catalogue.formatting import rebase_problem, unit_label
from sociokalkyl.catalogue.local import KOLADA_MAPPING, KoladaMapping, with_kolada
from sociokalkyl.catalogue.provenance import (
    WEAK_CONFIDENCE,
    confidence_words,
    weak_provenance,
    weakness_text,
)
from sociokalkyl.catalogue.shipped import SHIPPED_ALIASES, default

__all__ = [
    "COLUMNS",
    "KOLADA_MAPPING",
    "REQUIRED_COLUMNS",
    "SHIPPED_ALIASES",
    "WEAK_CONFIDENCE",
    "Catalogue",
    "CatalogueKeyError",
    "KoladaMapping",
    "confidence_words",
    "default",
    "load",
    "read_catalogue_file",
    "rebase_problem",
    "unit_label",
    "weak_provenance",
    "weakness_text",
    "with_kolada",
]

"""Local unit costs from Kolada (RKA's open database of municipal key figures).

:func:`with_kolada` (also :meth:`Catalogue.with_kolada`) fetches key figures with a
:class:`sociokalkyl.sources.kolada.KoladaClient` and adds them to a catalogue, each with
Kolada's attribution, the KPI id, the municipality and the year as its source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from sociokalkyl.catalogue.core import Catalogue
from sociokalkyl.catalogue.entry import Entry
from sociokalkyl.catalogue.overrides import override_entries
from sociokalkyl.errors import DataSourceError, InputError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.sources.kolada import KoladaValue

__all__ = ["KOLADA_MAPPING", "KoladaFetcher", "KoladaMapping", "with_kolada"]


@dataclass(frozen=True)
class KoladaMapping:
    """How a Kolada key figure becomes a cost item.

    Parameters
    ----------
    kpi
        Kolada's KPI id, e.g. ``"N33100"``.
    unit
        The unit of the KPI's value as kolada.se states it, e.g. ``"kr/dygn"``.
    name, name_en
        Descriptions in Swedish and English.
    payer
        Who pays (default ``"kommun"``).
    price_index
        ``"OPI"`` for care costs (default), ``"KPI"`` for money to households.

    Examples
    --------
    >>> spec = KOLADA_MAPPING["hvb_barn_unga_dygn_kolada"]
    >>> spec.kpi, spec.unit, spec.price_index
    ('N33100', 'kr/dygn', 'OPI')
    """

    kpi: str
    unit: str
    name: str
    name_en: str | None = None
    payer: str = "kommun"
    price_index: str = "OPI"


KOLADA_MAPPING: Mapping[str, KoladaMapping] = MappingProxyType(
    {
        "hvb_barn_unga_dygn_kolada": KoladaMapping(
            "N33100",
            "kr/dygn",
            "Institutionsvård (HVB) för barn och unga 0-20 år, kostnad per vårddygn (Kolada)",
            "Residential care home (HVB) for children and young people 0-20, cost per care day",
        ),
        "familjehem_barn_unga_dygn_kolada": KoladaMapping(
            "N33101",
            "kr/dygn",
            "Familjehemsvård för barn och unga 0-20 år, kostnad per vårddygn (Kolada)",
            "Foster care (family home) for children and young people 0-20, cost per care day",
        ),
    }
)
"""The default Kolada key figures for :meth:`Catalogue.with_kolada` (unit per kolada.se)."""


class KoladaFetcher(Protocol):
    """What :meth:`Catalogue.with_kolada` needs of a Kolada client: a ``fetch`` method.

    :class:`sociokalkyl.sources.kolada.KoladaClient` is one; a test or an offline run can
    pass any object with the same ``fetch(kpi, municipality, years)``, returning
    :class:`~sociokalkyl.sources.kolada.KoladaValue` objects.

    Examples
    --------
    >>> from sociokalkyl.sources.kolada import KoladaClient
    >>> callable(KoladaClient.fetch)
    True
    """

    def fetch(
        self, kpi: str, municipality: str, years: int | Iterable[int]
    ) -> Sequence[KoladaValue]: ...


def _mapping(key: str, spec: KoladaMapping | Mapping[str, Any]) -> KoladaMapping:
    if isinstance(spec, KoladaMapping):
        return spec
    try:
        return KoladaMapping(**spec)
    except TypeError as exc:
        raise InputError(
            f"is not a Kolada mapping ({exc})",
            field=f"mapping[{key!r}]",
            value=dict(spec),
            expected='{"kpi": "N33100", "unit": "kr/dygn", "name": "HVB per vårddygn"}',
        ) from None


def with_kolada(
    catalogue: Catalogue,
    client: KoladaFetcher,
    municipality: str,
    years: int | Iterable[int],
    mapping: Mapping[str, KoladaMapping | Mapping[str, Any]] | None = None,
) -> Catalogue:
    """``catalogue`` with Kolada's values added; see :meth:`Catalogue.with_kolada`.

    Parameters
    ----------
    catalogue
        The catalogue to add to.
    client, municipality, years, mapping
        As for :meth:`Catalogue.with_kolada`.

    Returns
    -------
    Catalogue
        A new catalogue: an item ``f"{key}_{year}"`` per year with a value, and ``key``
        an alias of the newest.

    Examples
    --------
    >>> from sociokalkyl.catalogue import default
    >>> from sociokalkyl.sources.kolada import KoladaValue
    >>> class Client:  # an offline stand-in for KoladaClient
    ...     def fetch(self, kpi, municipality, years):
    ...         return [KoladaValue(kpi, municipality, y, 4000.0 + y - 2022, "T", "", 1)
    ...                 for y in years]
    >>> cat = with_kolada(default(), Client(), "1880", [2022, 2023],
    ...                   {"hvb_dygn": {"kpi": "N33100", "unit": "kr/dygn", "name": "HVB"}})
    >>> cat.aliases["hvb_dygn"], cat["hvb_dygn"].unit_cost_text(), cat["hvb_dygn"].confidence
    ('hvb_dygn_2023', '4001 SEK / day', 'S')
    """
    year_list = [years] if isinstance(years, int) else list(years)
    entries: list[Entry] = []
    aliases: dict[str, str] = {}
    for key, spec in (mapping if mapping is not None else KOLADA_MAPPING).items():
        new = _kolada_entries(key, _mapping(key, spec), client, municipality, year_list)
        entries += new
        aliases[key] = new[-1].item.key
    return catalogue.with_overrides(Catalogue(entries, aliases))


def _kolada_entries(
    key: str, spec: KoladaMapping, client: KoladaFetcher, municipality: str, years: list[int]
) -> list[Entry]:
    """One checked entry per year that Kolada has a value for, oldest first."""
    from sociokalkyl.sources.kolada import to_cost_item

    values = [v for v in client.fetch(spec.kpi, municipality, years) if not v.missing]
    if not values:
        raise DataSourceError(
            f"Kolada has no value for nyckeltal {spec.kpi}, kommun {municipality} "
            f"in the years asked for",
            field=f"with_kolada[{key!r}]",
            value=years,
            expected="years with values on kolada.se, or enter the cost by hand",
        )
    entries = []
    for value in sorted(values, key=lambda v: v.year):
        item = to_cost_item(
            value, key=f"{key}_{value.year}", unit=spec.unit, name=spec.name, payer=spec.payer
        )
        item = item.model_copy(update={"price_index": spec.price_index})
        override_entries({item.key: item})  # checks the index and the price year
        entries.append(Entry(item, spec.name_en, f"Kolada {spec.kpi}, {municipality}"))
    return entries

"""Kolada records: a key-figure value, a municipality, and a value turned into a cost item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociokalkyl.errors import DataSourceError
from sociokalkyl.sources.kolada.constants import ATTRIBUTION

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem


@dataclass(frozen=True, slots=True)
class KoladaValue:
    """One key-figure value for one KPI, municipality, year and gender.

    Parameters
    ----------
    kpi
        Kolada's KPI id, e.g. ``"N33100"``.
    municipality
        Kolada's four-digit municipality (or region) id, e.g. ``"1880"``.
    year
        The period (calendar year) of the value.
    value
        The value in the KPI's own unit, or ``None`` when Kolada has no value for
        that year (a null value or no row at all). Never 0 for missing.
    gender
        ``"T"`` (total), ``"K"`` (women) or ``"M"`` (men).
    status
        Kolada's status text for the value (may be empty); ``None`` when Kolada
        returned no row for the year.
    count
        Kolada's ``count`` (number of contributing members, 1 for a single
        municipality); ``None`` when Kolada returned no row.

    Examples
    --------
    >>> v = KoladaValue("N33100", "1880", 2023, None, "T", None, None)
    >>> v.missing
    True
    >>> str(v)
    'N33100, 1880, 2023 (T): missing'
    """

    kpi: str
    municipality: str
    year: int
    value: float | None
    gender: str = "T"
    status: str | None = None
    count: int | None = None

    @property
    def missing(self) -> bool:
        """``True`` when Kolada has no value for this year (``value is None``)."""
        return self.value is None

    def __str__(self) -> str:
        shown = "missing" if self.value is None else f"{self.value:g}"
        return f"{self.kpi}, {self.municipality}, {self.year} ({self.gender}): {shown}"


@dataclass(frozen=True, slots=True)
class Municipality:
    """A Kolada municipality (``type`` ``"K"``) or region (``type`` ``"L"``).

    Parameters
    ----------
    id
        Four-digit id, e.g. ``"1880"``.
    title
        Name, e.g. ``"Örebro"``.
    type
        ``"K"`` for kommun, ``"L"`` for region (formerly landsting).

    Examples
    --------
    >>> Municipality("1880", "Örebro", "K").kind
    'kommun'
    """

    id: str
    title: str
    type: str

    @property
    def kind(self) -> str:
        """``"kommun"`` for type K, ``"region"`` for type L, else the raw type."""
        return {"K": "kommun", "L": "region"}.get(self.type, self.type)


# -- conversion to a cost item ----------------------------------------------------------


def to_cost_item(
    value: KoladaValue,
    *,
    key: str,
    unit: str,
    name: str,
    payer: str = "kommun",
    geography: str | None = None,
) -> CostItem:
    """Turn a Kolada value into a :class:`sociokalkyl.model.CostItem`.

    The price year is the Kolada period, the confidence is ``"S"`` (seen in the
    source) and the source text carries Kolada's attribution and the exact ids, e.g.
    ``"Källa: Kolada (RKA), CC BY 4.0; nyckeltal N33100, kommun 1880, år 2023"``.

    Parameters
    ----------
    value
        A value from :meth:`KoladaClient.fetch`.
    key
        The cost item's key, e.g. ``"hvb_dygn"``.
    unit
        The unit of the KPI's value, e.g. ``"kr/dygn"`` or ``"SEK/day"``; the KPI's
        title on kolada.se says which one.
    name
        A readable name, e.g. ``"HVB, kostnad per vårddygn 0-20 år"``.
    payer
        Who bears the cost: ``"kommun"`` (default), ``"region"``, ``"stat"``,
        ``"individ"`` or a name of your own.
    geography
        Where the cost applies; default the Kolada municipality id (e.g. ``"1880"``).

    Returns
    -------
    sociokalkyl.model.CostItem
        The cost item; ``unit_cost`` is the value in ``unit``.

    Raises
    ------
    sociokalkyl.errors.DataSourceError
        If the value is missing (Kolada had no value for that year).
    pydantic.ValidationError
        If ``CostItem`` rejects a field, e.g. a ``unit`` that is not money per time.

    Examples
    --------
    >>> v = KoladaValue("N33100", "1880", 2023, 3450.0, "T", "", 1)  # illustrative value
    >>> item = to_cost_item(v, key="hvb_dygn", unit="kr/dygn", name="HVB per vårddygn")
    >>> item.price_year, item.confidence
    (2023, 'S')
    >>> item.source
    'Källa: Kolada (RKA), CC BY 4.0; nyckeltal N33100, kommun 1880, år 2023'
    """
    from sociokalkyl.model import CostItem  # lazily: sources must not need the model

    # model_validate reads unit_cost from a {"value", "unit"} mapping: the float goes in
    # exactly, with no round trip through Swedish number formatting.
    return CostItem.model_validate(_cost_item_fields(value, key, unit, name, payer, geography))


def _cost_item_fields(
    value: KoladaValue, key: str, unit: str, name: str, payer: str, geography: str | None
) -> dict[str, object]:
    """The fields of the cost item a Kolada value becomes; a missing value is an error."""
    if value.value is None:
        raise DataSourceError(
            f"Kolada has no value for nyckeltal {value.kpi}, kommun {value.municipality}, "
            f"år {value.year} (gender {value.gender}); choose another year, or enter the "
            "unit cost by hand with its source",
            field="value",
            value=None,
            expected="a KoladaValue whose value is not None",
        )
    source = f"{ATTRIBUTION}; nyckeltal {value.kpi}, kommun {value.municipality}, år {value.year}"
    if value.gender != "T":
        source += f", kön {value.gender}"
    return {
        "key": key,
        "name": name,
        "unit_cost": {"value": value.value, "unit": unit},
        "price_year": value.year,
        "payer": payer,
        "source": source,
        "confidence": "S",
        "geography": geography if geography is not None else value.municipality,
    }

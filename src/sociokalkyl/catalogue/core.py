"""The :class:`Catalogue`: a read-only mapping from keys to cost items with provenance.

The shipped catalogue itself is :func:`sociokalkyl.catalogue.shipped.default`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import sociokalkyl.money as money
from sociokalkyl.catalogue.entry import Entry
from sociokalkyl.catalogue.files import read_catalogue_file
from sociokalkyl.catalogue.overrides import Override, override_entries
from sociokalkyl.catalogue.provenance import weak_provenance, weakness_text
from sociokalkyl.errors import InputError, PriceYearError, close_names
from sociokalkyl.language.catalogue import catalogue_label
from sociokalkyl.language.numbers import format_number
from sociokalkyl.model import CostItem

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.catalogue.local import KoladaFetcher, KoladaMapping

__all__ = ["Catalogue", "CatalogueKeyError", "load"]


class CatalogueKeyError(InputError, KeyError):
    """A key that is not in the catalogue (a ``KeyError`` and a ``ValueError``).

    The message suggests the closest keys. Raised by ``catalogue[key]``.

    Examples
    --------
    >>> from sociokalkyl.catalogue.shipped import default
    >>> try:
    ...     default()["hemtjanst_timm"]
    ... except CatalogueKeyError as exc:
    ...     isinstance(exc, KeyError), "hemtjanst_timme" in str(exc)
    (True, True)
    """

    def __str__(self) -> str:
        return self._render()


def _fold(text: str) -> str:
    """Lower case without diacritics, so "bistånd" and "bistand" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("_", " ")


class Catalogue(Mapping[str, CostItem]):
    """A read-only catalogue of unit costs: a ``Mapping[str, CostItem]``.

    Every item carries its source, price year, payer and confidence mark. Aliases
    (generic keys such as ``"ekonomiskt_bistand"``) give the item they stand for under
    their own key, with a note that names that item.

    Parameters
    ----------
    entries
        The items, with English descriptions and origins (see :func:`load`).
    aliases
        Generic key -> key of an item.

    Examples
    --------
    >>> from sociokalkyl.catalogue.shipped import default
    >>> cat = default()
    >>> item = cat["ekonomiskt_bistand"]
    >>> item.unit_cost_text(), item.price_year, item.confidence
    ('7149 SEK / month', 2012, 'D')
    >>> round(cat.rebased("ekonomiskt_bistand", 2023).unit_cost.magnitude, 1)  # KPI 403.70/314.20
    9185.4
    """

    def __init__(self, entries: Iterable[Entry], aliases: Mapping[str, str] | None = None) -> None:
        self._items: dict[str, CostItem] = {}
        self._name_en: dict[str, str] = {}
        self._origins: dict[str, str] = {}
        for entry in entries:
            key = entry.item.key
            self._items[key] = entry.item
            self._origins[key] = entry.origin
            if entry.name_en:
                self._name_en[key] = entry.name_en
        self._aliases: dict[str, str] = {}
        for alias, target in (aliases or {}).items():
            if alias in self._items:
                continue  # a real item under that key wins
            if target not in self._items:
                raise InputError(
                    "is an alias of a key that is not in the catalogue",
                    field=f"alias {alias!r}",
                    value=target,
                    expected=f"a key of the catalogue, e.g. {next(iter(self._items), 'hvb_dygn')}",
                )
            self._aliases[alias] = target

    # --- the Mapping protocol -------------------------------------------------------

    def __getitem__(self, key: str) -> CostItem:
        item = self._items.get(key)
        if item is not None:
            return item
        target = self._aliases.get(key)
        if target is not None:
            base = self._items[target]
            note = catalogue_label("alias_note", "sv", target=target)
            note += f" {base.note}" if base.note else ""
            return base.model_copy(update={"key": key, "note": note})
        raise CatalogueKeyError(
            "is not a key of the catalogue",
            field="key",
            value=key,
            expected=self._suggest(key),
        )

    def _suggest(self, key: str) -> str:
        keys = list(self)
        text = str(key)
        close = close_names(text, keys, n=3, cutoff=0.5)
        starts = [k for k in keys if _fold(text) and _fold(k).startswith(_fold(text))]
        found = list(dict.fromkeys(close + starts))[:5]
        if found:
            return "a key such as " + ", ".join(repr(k) for k in found)
        return "a key of the catalogue; list them with `sociokalkyl catalogue` or search()"

    def __iter__(self) -> Iterator[str]:
        yield from self._items
        yield from self._aliases

    def __len__(self) -> int:
        return len(self._items) + len(self._aliases)

    def __contains__(self, key: object) -> bool:
        return key in self._items or key in self._aliases

    def __repr__(self) -> str:
        return f"<Catalogue: {len(self._items)} items, {len(self._aliases)} aliases>"

    # --- provenance -----------------------------------------------------------------

    @property
    def aliases(self) -> Mapping[str, str]:
        """Generic key -> the key of the item it stands for."""
        return MappingProxyType(self._aliases)

    def name_en(self, key: str) -> str | None:
        """The English description of an item, or None."""
        return self._name_en.get(self._aliases.get(key, key))

    def origin(self, key: str) -> str:
        """Where an item was read from: the shipped file, a user's file, ``"override"``."""
        self[key]
        return self._origins[self._aliases.get(key, key)]

    def weak_provenance(self, key: str) -> bool:
        """True for an item marked S2, D or A, or with no source or confidence mark."""
        return weak_provenance(self[key])

    @property
    def warnings(self) -> tuple[str, ...]:
        """One sentence (in Swedish) for each item with weak provenance, for reports.

        Examples
        --------
        >>> from sociokalkyl.catalogue.shipped import default
        >>> default().warnings[0]
        'ekonomiskt_bistand_hushall_ar_2022: andrahandskälla (S2); Riket; källa: regionfakta...'
        """
        return tuple(
            f"{key}: {weakness_text(item)}"
            for key, item in self._items.items()
            if weak_provenance(item)
        )

    # --- search, overrides, rebasing ------------------------------------------------

    def search(self, words: str | Iterable[str]) -> Catalogue:
        """The items that match the words, as a (smaller) catalogue.

        The words are looked for in the key, the Swedish and English descriptions, the
        geography and the source, ignoring case and diacritics ("bistand" finds
        "bistånd"). A word of three letters or fewer must start a word ("SiS" does not
        match "assistance"); a longer one may sit inside a compound ("stöd" finds
        "försörjningsstöd"). Items that contain the words as one phrase ("home care")
        come alone; when none does, every item that contains each word matches.

        Examples
        --------
        >>> from sociokalkyl.catalogue.shipped import default
        >>> list(default().search("home care"))
        ['hemtjanst_timme_2016', 'hemtjanst_timme_2015', 'hemtjanst_timme']
        >>> list(default().search("särskilt boende 2016"))
        ['sarskilt_boende_dygn_2016']
        """
        text = words if isinstance(words, str) else " ".join(words)
        needles = [_fold(word) for word in text.split()]
        phrase = " ".join(needles)

        def haystack(key: str) -> str:
            item = self[key]
            parts = [key, item.name, self.name_en(key) or "", item.geography or ""]
            return _fold(" ".join([*parts, item.source or ""]))

        def found(needle: str, text: str) -> bool:
            if len(needle) > 3:
                return needle in text
            return re.search(r"(?<![^\W_])" + re.escape(needle), text) is not None

        texts = {key: haystack(key) for key in self}
        keys = [key for key, text in texts.items() if found(phrase, text)]
        if not keys or len(needles) < 2:
            keys = [key for key, text in texts.items() if all(found(n, text) for n in needles)]
        keep = [key for key in self._items if key in keys]
        aliases = {a: t for a, t in self._aliases.items() if a in keys and t in keep}
        return Catalogue(
            [Entry(self._items[k], self._name_en.get(k), self._origins[k]) for k in keep], aliases
        )

    def with_overrides(
        self, overrides: Catalogue | str | Path | Mapping[str, Override]
    ) -> Catalogue:
        """A new catalogue in which the overrides win; new keys are added.

        Parameters
        ----------
        overrides
            Another catalogue, the path of a ``.csv`` or ``.toml`` catalogue file, or a
            mapping from key to a :class:`CostItem` or a mapping of its fields (plus
            ``name_en``). An override replaces the whole item, source included.

        Examples
        --------
        >>> from sociokalkyl.catalogue.shipped import default
        >>> cat = default().with_overrides({"hemtjanst_timme": {
        ...     "name": "Hemtjänst per timme, Örebro", "unit_cost": "520 kr/tim",
        ...     "price_year": 2021, "source": "egen uppgift", "confidence": "A",
        ...     "price_index": "OPI"}})
        >>> cat["hemtjanst_timme"].unit_cost_text(), cat["hemtjanst_timme_2016"].price_year
        ('520 SEK / hour', 2016)
        """
        if isinstance(overrides, Catalogue):
            entries = [
                Entry(overrides._items[k], overrides._name_en.get(k), overrides._origins[k])
                for k in overrides._items
            ]
            new_aliases = dict(overrides._aliases)
        else:
            entries, new_aliases = override_entries(overrides), {}
        merged = {
            k: Entry(v, self._name_en.get(k), self._origins[k]) for k, v in self._items.items()
        }
        aliases = dict(self._aliases)
        for entry in entries:
            merged[entry.item.key] = entry
            aliases.pop(entry.item.key, None)
        for alias, target in new_aliases.items():
            merged.pop(alias, None)
            aliases[alias] = target
        return Catalogue(merged.values(), aliases)

    def rebased(self, key: str, price_year: int) -> CostItem:
        """The item restated in prices of ``price_year`` with its own index (KPI or OPI).

        .. math:: c_{to} = c_{from} \\cdot I_{to} / I_{from}

        Raises
        ------
        PriceYearError
            If the index lacks either year or has a gap between them (OPI lacks 2022's
            change: 2014-2021 and 2022-2023 cannot be compared).

        Examples
        --------
        >>> from sociokalkyl.catalogue.shipped import default
        >>> round(default().rebased("hemtjanst_timme_2015", 2016).unit_cost.magnitude, 3)
        472.986
        """
        item = self[key]
        try:
            factor = money.price_index(item.price_index).factor(item.price_year, price_year)
        except PriceYearError as exc:
            raise PriceYearError(
                exc.message,
                field=f"catalogue[{key!r}] ({exc.field})",
                value=exc.value,
                expected=exc.expected,
            ) from None
        note = catalogue_label(
            "rebased_note",
            "sv",
            from_year=item.price_year,
            to_year=price_year,
            index=item.price_index,
            factor=format_number(factor, 6, "sv"),
        )
        return item.model_copy(
            update={
                "unit_cost": item.unit_cost * factor,
                "price_year": price_year,
                "note": f"{item.note} {note}" if item.note else note,
            }
        )

    def with_kolada(
        self,
        client: KoladaFetcher,
        municipality: str,
        years: int | Iterable[int],
        mapping: Mapping[str, KoladaMapping | Mapping[str, Any]] | None = None,
    ) -> Catalogue:
        """A new catalogue with local unit costs from Kolada added (they win over shipped ones).

        For each ``key -> KoladaMapping`` the KPI is fetched for ``municipality`` and
        ``years``; every year with a value becomes an item ``f"{key}_{year}"`` (source
        ``"Källa: Kolada (RKA), CC BY 4.0; nyckeltal ..., kommun ..., år ..."``, confidence
        S), and ``key`` itself becomes an alias of the newest of them.

        Parameters
        ----------
        client
            A :class:`sociokalkyl.sources.kolada.KoladaClient` (or anything with its
            ``fetch(kpi, municipality, years)``).
        municipality
            Kolada's four-digit id, e.g. ``"1880"`` (Örebro).
        years
            One year or several; each must be a year of the item's price index.
        mapping
            Catalogue key -> :class:`~sociokalkyl.catalogue.local.KoladaMapping` (or a
            dict of its fields). Default: :data:`~sociokalkyl.catalogue.local.KOLADA_MAPPING`
            (HVB and familjehem per vårddygn, children 0-20).

        Raises
        ------
        DataSourceError
            If Kolada has no value for any of the years (or cannot be reached).
        PriceYearError
            For a year that the item's price index lacks.
        """
        from sociokalkyl.catalogue.local import with_kolada

        return with_kolada(self, client, municipality, years, mapping)


def load(path: str | Path) -> Catalogue:
    """A catalogue read from a ``.csv`` or ``.toml`` file alone (without the shipped items).

    To add to or change the shipped items, use ``default().with_overrides(path)``.

    Parameters
    ----------
    path
        The catalogue file (columns and fields as in :mod:`sociokalkyl.catalogue.files`).

    Returns
    -------
    Catalogue
        The file's items, no aliases.

    Raises
    ------
    InputError, UnitError, PriceYearError
        As :func:`~sociokalkyl.catalogue.files.read_catalogue_file`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "egna.csv"
    ...     _ = path.write_text("key,name,value,unit,price_year,source\\n"
    ...                         "hvb,HVB-dygn,4500,kr/dygn,2018,corren.se\\n", encoding="utf-8")
    ...     list(load(path))
    ['hvb']
    """
    return Catalogue(read_catalogue_file(path))

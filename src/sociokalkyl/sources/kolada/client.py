"""The Kolada API v2 client: URLs, cache paths and the public queries."""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from sociokalkyl.errors import DataSourceError, InputError
from sociokalkyl.sources.kolada.checks import (
    _check_gender,
    _check_kpi,
    _check_municipality,
    _check_years,
)
from sociokalkyl.sources.kolada.parse import (
    _collect_values,
    _DataItem,
    _flatten,
    _Pages,
    _parse_data_item,
    _parse_kpi,
    _parse_municipality,
)
from sociokalkyl.sources.kolada.records import KoladaValue, Municipality
from sociokalkyl.sources.kolada.session import _Session


class KoladaClient(_Session):
    """Read Kolada's API v2, with an on-disk cache for offline reruns.

    Parameters
    ----------
    base_url
        API root, default ``"https://api.kolada.se/v2"``. Must be http or https.
    cache_dir
        Directory for cached responses; default :func:`default_cache_dir`
        (honours the ``SOCIOKALKYL_CACHE`` environment variable).
    timeout
        Seconds one HTTP request may take in all: connecting, the headers, the whole
        body and any redirects (wall clock, however slowly the server sends).
    offline
        Read only from the cache, never touch the network; a missing cache entry
        raises :class:`~sociokalkyl.errors.DataSourceError`.
    use_cache_on_error
        When the network fails (no connection, timeout, HTTP 5xx or 429), read the
        cached response instead of failing. HTTP 400/404, malformed responses and
        redirects or pages on another site still raise, since a cached copy would
        hide a real mistake.

    Notes
    -----
    Only redirects and ``next_page`` links on base_url's own site (the same scheme,
    host and port) are followed; a key-figure value must be a finite number; an answer
    nested deeper than :data:`sociokalkyl.limits.MAX_JSON_DEPTH` levels is refused
    before it is parsed.

    Raises
    ------
    sociokalkyl.errors.InputError
        If ``base_url`` is not an http(s) URL or ``timeout`` is not a positive number.

    Examples
    --------
    >>> client = KoladaClient(cache_dir="/tmp/kolada-cache", timeout=5)
    >>> client.base_url
    'https://api.kolada.se/v2'

    Over the network (not run by the tests, which use a local server)::

        client.fetch("N33100", "1880", 2023)
        # [KoladaValue(kpi='N33100', municipality='1880', year=2023, value=..., gender='T', ...)]
    """

    # -- URLs and cache paths ---------------------------------------------------------

    def data_url(self, kpi: str, municipality: str, years: int | Iterable[int]) -> str:
        """Return the data URL for a KPI, a municipality and years (validated).

        Years are sorted and deduplicated, so the URL (and the cache key) does not
        depend on the order they were given in.

        Parameters
        ----------
        kpi
            KPI id, a letter and five digits, e.g. ``"N33100"``.
        municipality
            Four-digit municipality id as a string, e.g. ``"1880"`` or ``"0180"``.
        years
            One year or several, e.g. ``2023`` or ``[2022, 2023]``.

        Returns
        -------
        str
            The full URL.

        Raises
        ------
        sociokalkyl.errors.InputError
            If an id or a year is not valid.

        Examples
        --------
        >>> KoladaClient(cache_dir="/tmp/kolada-cache").data_url("n33100", "0180", 2023)
        'https://api.kolada.se/v2/data/kpi/N33100/municipality/0180/year/2023'
        """
        return self._data_url(
            _check_kpi(kpi), _check_municipality(municipality), _check_years(years)
        )

    def _data_url(self, kpi_id: str, municipality_id: str, year_list: list[int]) -> str:
        year_part = ",".join(str(y) for y in year_list)
        return f"{self._base_url}/data/kpi/{kpi_id}/municipality/{municipality_id}/year/{year_part}"

    def cache_path(self, url: str) -> Path:
        """Return the cache file for a full URL (``<cache_dir>/<sha256 of url>.json``).

        Parameters
        ----------
        url
            The full request URL, e.g. from :meth:`data_url`.

        Returns
        -------
        pathlib.Path
            Where the response for ``url`` is (or would be) cached.

        Examples
        --------
        >>> KoladaClient(cache_dir="/tmp/c").cache_path("https://x/v2/kpi/N33100").suffix
        '.json'
        """
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / f"{digest}.json"

    # -- public queries ---------------------------------------------------------------

    def fetch(
        self,
        kpi: str,
        municipality: str,
        years: int | Iterable[int],
        *,
        gender: str = "T",
    ) -> list[KoladaValue]:
        """Fetch one KPI for one municipality and one or more years.

        Parameters
        ----------
        kpi
            KPI id, e.g. ``"N33100"`` (HVB cost per vårddygn, children 0-20).
        municipality
            Four-digit municipality id as a string, e.g. ``"1880"`` (Örebro).
        years
            One year or several, e.g. ``[2022, 2023]``.
        gender
            Which row to keep: ``"T"`` (total, default), ``"K"`` or ``"M"``.

        Returns
        -------
        list of KoladaValue
            Exactly one value per requested year, in ascending year order. A year
            Kolada has no value for (a null value, or no row at all) has
            ``value=None`` and ``missing`` true; it is never reported as 0.

        Raises
        ------
        sociokalkyl.errors.InputError
            If the KPI id, municipality id, years or gender are not valid.
        sociokalkyl.errors.DataSourceError
            If Kolada cannot be reached, answers with an HTTP error, times out,
            returns something that is not its documented format, or (offline) the
            response is not in the cache.

        Examples
        --------
        >>> client = KoladaClient(cache_dir="/tmp/kolada-cache")

        Over the network (not run by the tests, which use a local server)::

            [v.value for v in client.fetch("N33100", "1880", [2022, 2023])]
            # [..., ...]
        """
        kpi_id = _check_kpi(kpi)
        municipality_id = _check_municipality(municipality)
        wanted = _check_years(years)  # once: ``years`` may be a one-shot iterator
        gender = _check_gender(gender)
        url = self._data_url(kpi_id, municipality_id, wanted)

        def build(pages: _Pages[_DataItem]) -> list[KoladaValue]:
            return _collect_values(pages, kpi_id, municipality_id, wanted, gender)

        return self._get(url, _parse_data_item, build)

    def municipality(self, municipality_id: str) -> Municipality:
        """Look up a municipality or region by id (``/v2/municipality/<id>``).

        Parameters
        ----------
        municipality_id
            Four-digit id as a string, e.g. ``"1880"``.

        Returns
        -------
        Municipality
            Its id, title and type (``"K"`` kommun, ``"L"`` region).

        Raises
        ------
        sociokalkyl.errors.InputError
            If the id is not four digits.
        sociokalkyl.errors.DataSourceError
            If Kolada fails, or knows no municipality with that id.

        Examples
        --------

        Over the network (not run by the tests, which use a local server)::

            KoladaClient().municipality("1880")
            # Municipality(id='1880', title='Örebro', type='K')
        """
        wanted = _check_municipality(municipality_id)
        url = f"{self._base_url}/municipality/{wanted}"
        for item in self._get(url, _parse_municipality, _flatten):
            if item.id == wanted:
                return item
        raise DataSourceError(
            f"Kolada knows no municipality with id {wanted!r} ({url}); check the id",
            field="municipality",
            value=wanted,
            expected="a Kolada municipality id, e.g. '1880' (Örebro) or '0180' (Stockholm)",
        )

    def find_municipalities(self, title: str) -> list[Municipality]:
        """Search municipalities and regions by name (``/v2/municipality?title=...``).

        Parameters
        ----------
        title
            The name or part of it, e.g. ``"Örebro"``; Kolada matches substrings.

        Returns
        -------
        list of Municipality
            Every match, in Kolada's order (possibly empty).

        Raises
        ------
        sociokalkyl.errors.InputError
            If ``title`` is empty or not a string.
        sociokalkyl.errors.DataSourceError
            If Kolada fails or returns something that is not its documented format.

        Examples
        --------

        Over the network (not run by the tests, which use a local server)::

            [m.id for m in KoladaClient().find_municipalities("Örebro")]
            # ['1880', '0018']
        """
        if not isinstance(title, str) or not title.strip():
            raise InputError(
                "a municipality name to search for is required",
                field="title",
                value=title,
                expected="a non-empty name, e.g. 'Örebro'",
            )
        query = urllib.parse.urlencode({"title": title.strip()}, quote_via=urllib.parse.quote)
        url = f"{self._base_url}/municipality?{query}"
        return self._get(url, _parse_municipality, _flatten)

    def kpi_title(self, kpi: str) -> str:
        """Return the title of a KPI (``/v2/kpi/<id>``).

        Parameters
        ----------
        kpi
            KPI id, e.g. ``"N33100"``.

        Returns
        -------
        str
            Kolada's title of the key figure.

        Raises
        ------
        sociokalkyl.errors.InputError
            If the KPI id is not a letter and five digits.
        sociokalkyl.errors.DataSourceError
            If Kolada fails, or knows no KPI with that id.

        Examples
        --------

        Over the network (not run by the tests, which use a local server)::

            KoladaClient().kpi_title("N33100")
            # 'Kostnad institutionsvård barn och unga 0-20 år, kr/vårddygn'
        """
        wanted = _check_kpi(kpi)
        url = f"{self._base_url}/kpi/{wanted}"
        for kpi_id, title in self._get(url, _parse_kpi, _flatten):
            if kpi_id.upper() == wanted:
                return title
        raise DataSourceError(
            f"Kolada knows no KPI with id {wanted!r} ({url}); check the id on kolada.se",
            field="kpi",
            value=wanted,
            expected="a Kolada KPI id, e.g. 'N33100'",
        )

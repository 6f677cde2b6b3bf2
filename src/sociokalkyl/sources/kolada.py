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

import contextlib
import datetime as _dt
import hashlib
import http.client
import json
import math
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeAlias, TypeVar

from sociokalkyl.errors import DataSourceError, InputError

if TYPE_CHECKING:
    from sociokalkyl.model import CostItem

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

_KPI_RE: Final = re.compile(r"[A-Za-z][0-9]{5}")
_MUNICIPALITY_RE: Final = re.compile(r"[0-9]{4}")
_MAX_PAGES: Final = 1000
_MAX_BODY_BYTES: Final = 64 * 1024 * 1024
_USER_AGENT: Final = "sociokalkyl-kolada/1 (+https://api.kolada.se/v2; Python urllib)"
_OFFLINE_HINT: Final = (
    "rerun with use_cache_on_error=True or offline=True to use responses cached by an "
    "earlier online run"
)

_T = TypeVar("_T")
_R = TypeVar("_R")
_Pages: TypeAlias = list[tuple[str, list[_T]]]
"""Parsed pages: (page URL, items) in page order."""


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


def default_cache_dir() -> Path:
    """Return the default directory for cached Kolada responses.

    ``$SOCIOKALKYL_CACHE/kolada`` when the environment variable is set, otherwise
    ``$XDG_CACHE_HOME/sociokalkyl/kolada``, otherwise ``~/.cache/sociokalkyl/kolada``.
    Nothing is created until a response is cached.

    Returns
    -------
    pathlib.Path
        The directory (it may not exist yet).

    Examples
    --------
    >>> default_cache_dir().name
    'kolada'
    """
    root = os.environ.get(CACHE_ENV_VAR)
    if root:
        return Path(root).expanduser() / "kolada"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "sociokalkyl" / "kolada"


class _NetworkFailure(Exception):
    """Internal: the service could not be reached or had a server fault (cache may help)."""

    def __init__(self, what: str, advice: str, status: int | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.advice = advice
        self.status = status

    def error(self, extra: str | None = None) -> DataSourceError:
        """The error to raise: what failed, then ``extra`` or the advice."""
        message = f"{self.what}, and {extra}" if extra else f"{self.what}; {self.advice}"
        field = "status" if self.status is not None else None
        return DataSourceError(message, field=field, value=self.status)


class KoladaClient:
    """Read Kolada's API v2, with an on-disk cache for offline reruns.

    Parameters
    ----------
    base_url
        API root, default ``"https://api.kolada.se/v2"``. Must be http or https.
    cache_dir
        Directory for cached responses; default :func:`default_cache_dir`
        (honours the ``SOCIOKALKYL_CACHE`` environment variable).
    timeout
        Seconds to wait for each HTTP request (connect and read).
    offline
        Read only from the cache, never touch the network; a missing cache entry
        raises :class:`~sociokalkyl.errors.DataSourceError`.
    use_cache_on_error
        When the network fails (no connection, timeout, HTTP 5xx or 429), read the
        cached response instead of failing. HTTP 400/404 and malformed responses
        still raise, since a cached copy would hide a real mistake.

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

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        timeout: float = 10.0,
        offline: bool = False,
        use_cache_on_error: bool = False,
    ) -> None:
        self._base_url = _check_base_url(base_url)
        self._cache_dir = Path(cache_dir).expanduser() if cache_dir is not None else None
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise InputError(
                "timeout must be a number of seconds",
                field="timeout",
                value=timeout,
                expected="a positive number, e.g. 10.0",
            )
        if not (math.isfinite(timeout) and timeout > 0):
            raise InputError(
                "timeout must be positive and finite",
                field="timeout",
                value=timeout,
                expected="a positive number, e.g. 10.0",
            )
        self._timeout = float(timeout)
        self._offline = bool(offline)
        self._use_cache_on_error = bool(use_cache_on_error)

    @property
    def base_url(self) -> str:
        """The API root, without a trailing slash."""
        return self._base_url

    @property
    def cache_dir(self) -> Path:
        """The directory holding cached responses (created on the first write)."""
        return self._cache_dir if self._cache_dir is not None else default_cache_dir()

    @property
    def timeout(self) -> float:
        """Seconds to wait for each HTTP request."""
        return self._timeout

    @property
    def offline(self) -> bool:
        """``True`` when only the cache is read."""
        return self._offline

    @property
    def use_cache_on_error(self) -> bool:
        """``True`` when a network failure falls back to the cache."""
        return self._use_cache_on_error

    def __repr__(self) -> str:
        return (
            f"KoladaClient(base_url={self._base_url!r}, cache_dir={str(self.cache_dir)!r}, "
            f"timeout={self._timeout!r}, offline={self._offline!r}, "
            f"use_cache_on_error={self._use_cache_on_error!r})"
        )

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

    # -- transport and cache ----------------------------------------------------------

    def _get(
        self, url: str, parse: Callable[[Any, str], _T], build: Callable[[_Pages[_T]], _R]
    ) -> _R:
        """Read every page of ``url`` (network or cache), parse its items and build a result.

        ``parse`` checks one item, ``build`` checks the items together and makes the
        result; both run before anything is cached, so an invalid response is never
        cached.
        """
        if self._offline:
            return build(self._pages_from_cache(url, parse))
        try:
            return self._from_network(url, parse, build)
        except _NetworkFailure as failure:
            if not self._use_cache_on_error:
                raise failure.error() from failure.__cause__
            try:
                return build(self._pages_from_cache(url, parse))
            except DataSourceError as cache_error:
                extra = f"the cache could not stand in: {cache_error.message}"
                raise failure.error(extra) from failure.__cause__

    def _from_network(
        self, url: str, parse: Callable[[Any, str], _T], build: Callable[[_Pages[_T]], _R]
    ) -> _R:
        pages: _Pages[_T] = []
        to_cache: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        next_url: str | None = url
        while next_url is not None:
            _check_page_count(url, next_url, seen)
            seen.add(next_url)
            document = _parse_json(self._download(next_url), next_url, "Kolada's response")
            page = _check_page(document, next_url)
            pages.append((next_url, _parse_items(page, next_url, parse)))
            to_cache.append((next_url, page))
            next_url = _next_page(page, next_url)
        result = build(pages)
        # Only now, with every page received and valid, is anything written.
        for page_url, page in to_cache:
            self._write_cache(page_url, page)
        return result

    def _pages_from_cache(self, url: str, parse: Callable[[Any, str], _T]) -> _Pages[_T]:
        pages: _Pages[_T] = []
        seen: set[str] = set()
        next_url: str | None = url
        while next_url is not None:
            _check_page_count(url, next_url, seen)
            seen.add(next_url)
            page = self._read_cache(next_url)
            pages.append((next_url, _parse_items(page, next_url, parse)))
            next_url = _next_page(page, next_url)
        return pages

    def _download(self, url: str) -> bytes:
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": _USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                status = response.status
                body: bytes = response.read(_MAX_BODY_BYTES + 1)
        except urllib.error.HTTPError as exc:
            try:
                detail = _snippet(exc.read(300))
            except (OSError, http.client.HTTPException):
                detail = ""
            finally:
                exc.close()
            _raise_http_error(url, exc.code, detail, exc)
        except TimeoutError as exc:
            raise _timeout_failure(url, self._timeout) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _timeout_failure(url, self._timeout) from exc
            raise _NetworkFailure(
                f"could not connect to Kolada at {url} ({exc.reason})",
                f"check the network connection and base_url, or {_OFFLINE_HINT}",
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise _NetworkFailure(
                f"the connection to Kolada broke while reading {url} ({type(exc).__name__}: {exc})",
                f"try again, or {_OFFLINE_HINT}",
            ) from exc
        if status != 200:
            _raise_http_error(url, status, _snippet(body[:300]), None)
        if len(body) > _MAX_BODY_BYTES:
            raise DataSourceError(
                f"Kolada's response from {url} is larger than {_MAX_BODY_BYTES} bytes; "
                "ask for fewer years at a time"
            )
        return body

    def _read_cache(self, url: str) -> dict[str, Any]:
        path = self.cache_path(url)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DataSourceError(
                f"no cached Kolada response for {url} in {self.cache_dir} (expected file "
                f"{path.name}); run once with network access (offline=False) to fill the "
                "cache, or check that cache_dir / SOCIOKALKYL_CACHE and base_url are the ones "
                "used then"
            ) from None
        except OSError as exc:
            raise DataSourceError(
                f"could not read the Kolada cache file {path} ({exc}); check its permissions"
            ) from exc
        wrapper = _parse_json(raw, url, f"the cache file {path}")
        if not isinstance(wrapper, dict) or wrapper.get("url") != url or "response" not in wrapper:
            raise DataSourceError(
                f"the cache file {path} does not hold a cached response for {url}; "
                "delete it and rerun online to fetch the data again",
                field="cache",
            )
        return _check_page(wrapper["response"], url)

    def _write_cache(self, url: str, page: dict[str, Any]) -> None:
        path = self.cache_path(url)
        wrapper = {
            "url": url,
            "retrieved": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            "attribution": ATTRIBUTION,
            "response": page,
        }
        payload = json.dumps(wrapper, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.stem[:16]}-", suffix=".tmp"
            )
        except OSError as exc:
            raise DataSourceError(
                f"could not write the Kolada cache in {path.parent} ({exc}); pass a writable "
                f"cache_dir or set {CACHE_ENV_VAR}"
            ) from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            if isinstance(exc, OSError):
                raise DataSourceError(
                    f"could not write the Kolada cache file {path} ({exc}); pass a writable "
                    f"cache_dir or set {CACHE_ENV_VAR}"
                ) from exc
            raise


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
    if value.value is None:
        raise DataSourceError(
            f"Kolada has no value for nyckeltal {value.kpi}, kommun {value.municipality}, "
            f"år {value.year} (gender {value.gender}); choose another year, or enter the "
            "unit cost by hand with its source",
            field="value",
            value=None,
            expected="a KoladaValue whose value is not None",
        )
    from sociokalkyl.model import CostItem  # lazily: sources must not need the model

    source = f"{ATTRIBUTION}; nyckeltal {value.kpi}, kommun {value.municipality}, år {value.year}"
    if value.gender != "T":
        source += f", kön {value.gender}"
    # model_validate reads unit_cost from a {"value", "unit"} mapping: the float goes in
    # exactly, with no round trip through Swedish number formatting.
    return CostItem.model_validate(
        {
            "key": key,
            "name": name,
            "unit_cost": {"value": value.value, "unit": unit},
            "price_year": value.year,
            "payer": payer,
            "source": source,
            "confidence": "S",
            "geography": geography if geography is not None else value.municipality,
        }
    )


# -- helpers: validation of inputs ------------------------------------------------------


def _check_base_url(base_url: str) -> str:
    parts = urllib.parse.urlsplit(base_url) if isinstance(base_url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(
            "base_url must be an http or https URL",
            field="base_url",
            value=base_url,
            expected=f"e.g. {DEFAULT_BASE_URL!r}",
        )
    return base_url.rstrip("/")


def _check_kpi(kpi: str) -> str:
    if not isinstance(kpi, str) or not _KPI_RE.fullmatch(kpi):
        raise InputError(
            "not a Kolada KPI id",
            field="kpi",
            value=kpi,
            expected="a letter and five digits, e.g. 'N33100'",
        )
    return kpi.upper()


def _check_municipality(municipality: str) -> str:
    if isinstance(municipality, int) and not isinstance(municipality, bool):
        raise InputError(
            "a municipality id must be a string (leading zeros matter)",
            field="municipality",
            value=municipality,
            expected=f"four digits as a string, e.g. '{municipality:04d}' or '1880'"
            if 0 <= municipality <= 9999
            else "four digits as a string, e.g. '1880' (Örebro) or '0180' (Stockholm)",
        )
    if not isinstance(municipality, str) or not _MUNICIPALITY_RE.fullmatch(municipality):
        raise InputError(
            "not a Kolada municipality id",
            field="municipality",
            value=municipality,
            expected="four digits as a string, e.g. '1880' (Örebro) or '0180' (Stockholm)",
        )
    return municipality


def _max_year() -> int:
    return _dt.date.today().year + 1


def _check_years(years: int | Iterable[int]) -> list[int]:
    example = "a year or a list of years, e.g. 2023 or [2022, 2023]"
    if isinstance(years, str | bytes):
        raise InputError(
            "years must be integers, not text", field="years", value=years, expected=example
        )
    items: list[object]
    if isinstance(years, int):
        items = [years]
    else:
        try:
            items = list(years)
        except TypeError:
            raise InputError(
                "years must be an int or an iterable of ints",
                field="years",
                value=years,
                expected=example,
            ) from None
    if not items:
        raise InputError(
            "at least one year is required", field="years", value=years, expected=example
        )
    hi = _max_year()
    result: set[int] = set()
    for index, year in enumerate(items):
        if isinstance(year, bool) or not isinstance(year, int):
            raise InputError(
                "a year must be an integer",
                field=f"years[{index}]",
                value=year,
                expected=f"an integer between {MIN_YEAR} and {hi}, e.g. 2023",
            )
        if not MIN_YEAR <= year <= hi:
            raise InputError(
                "year out of range for Kolada",
                field=f"years[{index}]",
                value=year,
                expected=f"an integer between {MIN_YEAR} and {hi}, e.g. 2023",
            )
        result.add(int(year))
    return sorted(result)


def _check_gender(gender: str) -> str:
    if gender not in GENDERS:
        raise InputError(
            "unknown Kolada gender row",
            field="gender",
            value=gender,
            expected="'T' (total), 'K' (women) or 'M' (men)",
        )
    return gender


# -- helpers: transport ------------------------------------------------------------------


def _snippet(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace").strip()
    text = " ".join(text.split())
    return text[:200]


def _timeout_failure(url: str, timeout: float) -> _NetworkFailure:
    return _NetworkFailure(
        f"Kolada did not answer {url} within {timeout:g} s (timeout)",
        f"try again later, pass a larger timeout, or {_OFFLINE_HINT}",
    )


def _raise_http_error(url: str, status: int, detail: str, cause: BaseException | None) -> NoReturn:
    said = f" (Kolada said: {detail!r})" if detail else ""
    if status == 400:
        error = DataSourceError(
            f"Kolada rejected the request as invalid (HTTP 400) for {url}{said}; check the KPI "
            "id (e.g. 'N33100'), the municipality id (e.g. '1880') and the years; a very long "
            "URL also gives HTTP 400, so ask for fewer years at a time",
            field="status",
            value=status,
        )
    elif status == 404:
        error = DataSourceError(
            f"Kolada has no such resource (HTTP 404) at {url}{said}; check base_url "
            f"(default {DEFAULT_BASE_URL!r}) and the ids",
            field="status",
            value=status,
        )
    elif status >= 500 or status == 429:
        kind = "is busy (HTTP 429)" if status == 429 else f"had a server fault (HTTP {status})"
        raise _NetworkFailure(
            f"Kolada {kind} for {url}{said}", f"try again later, or {_OFFLINE_HINT}", status
        ) from cause
    else:
        error = DataSourceError(
            f"unexpected HTTP {status} from Kolada for {url}{said}; check base_url "
            f"(default {DEFAULT_BASE_URL!r})",
            field="status",
            value=status,
        )
    raise error from cause


def _check_page_count(url: str, next_url: str, seen: set[str]) -> None:
    if next_url in seen:
        raise DataSourceError(
            f"Kolada's pagination for {url} loops back to {next_url}; report it to RKA",
            field="next_page",
            value=next_url,
        )
    if len(seen) >= _MAX_PAGES:
        raise DataSourceError(
            f"Kolada's response for {url} has more than {_MAX_PAGES} pages; ask for fewer "
            "years at a time",
            field="next_page",
        )


def _next_page(page: dict[str, Any], url: str) -> str | None:
    next_url = page.get("next_page")
    if next_url is None or next_url == "":
        return None
    if not isinstance(next_url, str):  # already checked by _check_page; kept for mypy
        _malformed(url, "next_page", "is not a string")
    scheme = urllib.parse.urlsplit(next_url).scheme
    if scheme not in ("http", "https"):
        _malformed(url, "next_page", f"is not an http(s) URL: {next_url!r}")
    return next_url


# -- helpers: validation of responses ----------------------------------------------------


def _malformed(url: str, field: str, problem: str, value: Any = None) -> NoReturn:
    raise DataSourceError(
        f"Kolada's response from {url} is not in the documented API v2 format: {field} "
        f"{problem}; check base_url (default {DEFAULT_BASE_URL!r}) or report it to RKA",
        field=field,
        value=value,
    )


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(raw: bytes, url: str, what: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataSourceError(
            f"{what} for {url} is not valid JSON ({exc}); got {_snippet(raw[:120])!r}. The "
            "service may be down or base_url may point elsewhere; if it is a cache file, "
            "delete it and rerun online",
            field="response",
        ) from exc


def _check_page(document: Any, url: str) -> dict[str, Any]:
    if not isinstance(document, dict):
        _malformed(url, "response", f"is a JSON {type(document).__name__}, not an object")
    if "values" not in document:
        _malformed(url, "values", "is missing")
    if not isinstance(document["values"], list):
        _malformed(url, "values", "is not a list", type(document["values"]).__name__)
    count = document.get("count")
    if "count" in document and (isinstance(count, bool) or not isinstance(count, int)):
        _malformed(url, "count", "is not an integer", count)
    next_page = document.get("next_page")
    if next_page is not None and not isinstance(next_page, str):
        _malformed(url, "next_page", "is not a string", next_page)
    return document


def _parse_items(page: dict[str, Any], url: str, parse: Callable[[Any, str], _T]) -> list[_T]:
    items: list[_T] = []
    for index, obj in enumerate(page["values"]):
        field = f"values[{index}]"
        if not isinstance(obj, dict):
            _malformed(url, field, "is not an object")
        try:
            items.append(parse(obj, field))
        except _BadField as bad:
            _malformed(url, bad.field, bad.problem, bad.value)
    return items


class _BadField(Exception):
    def __init__(self, field: str, problem: str, value: Any = None) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem
        self.value = value


def _get_str(obj: dict[str, Any], name: str, field: str) -> str:
    if name not in obj:
        raise _BadField(f"{field}.{name}", "is missing")
    value = obj[name]
    if not isinstance(value, str):
        raise _BadField(f"{field}.{name}", "is not a string", value)
    return value


@dataclass(frozen=True, slots=True)
class _DataItem:
    kpi: str
    municipality: str
    year: int
    rows: dict[str, tuple[float | None, str | None, int | None]]


def _parse_data_item(obj: dict[str, Any], field: str) -> _DataItem:
    kpi = _get_str(obj, "kpi", field)
    municipality = _get_str(obj, "municipality", field)
    if "period" not in obj:
        raise _BadField(f"{field}.period", "is missing")
    period = obj["period"]
    if isinstance(period, str) and period.isdigit():
        period = int(period)
    if isinstance(period, bool) or not isinstance(period, int):
        raise _BadField(f"{field}.period", "is not a year", period)
    if "values" not in obj:
        raise _BadField(f"{field}.values", "is missing")
    rows_in = obj["values"]
    if not isinstance(rows_in, list):
        raise _BadField(f"{field}.values", "is not a list", type(rows_in).__name__)
    rows: dict[str, tuple[float | None, str | None, int | None]] = {}
    for index, row in enumerate(rows_in):
        where = f"{field}.values[{index}]"
        if not isinstance(row, dict):
            raise _BadField(where, "is not an object")
        gender = _get_str(row, "gender", where)
        if "value" not in row:
            raise _BadField(f"{where}.value", "is missing")
        raw_value = row["value"]
        value: float | None
        if raw_value is None:
            value = None
        elif isinstance(raw_value, bool) or not isinstance(raw_value, int | float):
            raise _BadField(f"{where}.value", "is not a number or null", raw_value)
        else:
            value = float(raw_value)
        status = row.get("status")
        if status is not None and not isinstance(status, str):
            raise _BadField(f"{where}.status", "is not a string", status)
        count = row.get("count")
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise _BadField(f"{where}.count", "is not an integer", count)
        if gender in rows:
            raise _BadField(f"{where}.gender", f"repeats gender {gender!r}", gender)
        rows[gender] = (value, status, count)
    return _DataItem(kpi, municipality, period, rows)


def _parse_municipality(obj: dict[str, Any], field: str) -> Municipality:
    return Municipality(
        _get_str(obj, "id", field), _get_str(obj, "title", field), _get_str(obj, "type", field)
    )


def _parse_kpi(obj: dict[str, Any], field: str) -> tuple[str, str]:
    return _get_str(obj, "id", field), _get_str(obj, "title", field)


def _flatten(pages: _Pages[_T]) -> list[_T]:
    return [item for _url, items in pages for item in items]


def _collect_values(
    pages: _Pages[_DataItem], kpi: str, municipality: str, wanted: list[int], gender: str
) -> list[KoladaValue]:
    """One value per wanted year from parsed data pages; checks they answer the request."""
    found: dict[int, KoladaValue] = {}
    for page_url, items in pages:
        for index, item in enumerate(items):
            field = f"values[{index}]"
            if item.kpi.upper() != kpi:
                _malformed(page_url, f"{field}.kpi", f"is not the requested {kpi!r}", item.kpi)
            if item.municipality != municipality:
                _malformed(
                    page_url,
                    f"{field}.municipality",
                    f"is not the requested {municipality!r}",
                    item.municipality,
                )
            if item.year not in wanted:
                continue
            if item.year in found:
                _malformed(page_url, f"{field}.period", "repeats a year", item.year)
            row = item.rows.get(gender)
            value, status, count = row if row is not None else (None, None, None)
            found[item.year] = KoladaValue(
                kpi, municipality, item.year, value, gender, status, count
            )
    return [found.get(year, KoladaValue(kpi, municipality, year, None, gender)) for year in wanted]

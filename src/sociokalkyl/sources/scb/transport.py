"""SCB over HTTP: one GET or POST within a whole-request deadline, on one site only.

The pieces are Kolada's (:mod:`sociokalkyl.sources.kolada.transport`): a watchdog that
shuts the sockets when the time is up (a server that trickles a byte now and then cannot
keep the caller waiting), redirects followed only within the base URL's site, and a
limit on the body read. The messages here are SCB's, worded in both languages
(:func:`~sociokalkyl.language.bilingual.price_words`; ``str()`` is the English).
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from typing import Any, Final, NoReturn

from sociokalkyl.errors import DataSourceError
from sociokalkyl.language.bilingual import price_words
from sociokalkyl.sources.kolada.parse import _snippet
from sociokalkyl.sources.kolada.transport import (
    _Deadline,
    _open_and_read,
    _RedirectRefused,
    _SameSiteRedirects,
    _WatchedHTTPHandler,
    _WatchedHTTPSHandler,
)
from sociokalkyl.sources.scb.constants import DEFAULT_BASE_URL, KPI_TABLE, MAX_BODY_BYTES

_USER_AGENT: Final = "sociokalkyl-scb/1 (+https://api.scb.se; Python urllib)"


class ScbNetworkError(DataSourceError):
    """SCB could not be reached, timed out, or had a fault (a cache may still serve).

    Examples
    --------
    >>> isinstance(ScbNetworkError("SCB did not answer"), DataSourceError)
    True
    """


def _failure(url: str, exc: BaseException, timeout: float, expired: bool) -> ScbNetworkError:
    timed_out = isinstance(exc, TimeoutError) or (
        isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, TimeoutError)
    )
    if expired or timed_out:
        return ScbNetworkError(price_words("scb_timeout", url=url, timeout=timeout))
    if isinstance(exc, urllib.error.URLError):
        return ScbNetworkError(price_words("scb_connect", url=url, reason=exc.reason))
    reason = f"{type(exc).__name__}: {exc}"
    return ScbNetworkError(price_words("scb_broken", url=url, reason=reason))


def request(url: str, base_url: str, timeout: float, query: Any | None = None) -> bytes:
    """GET ``url`` (or POST ``query`` as JSON): the body of a 200 answer.

    Parameters
    ----------
    url
        The address.
    base_url
        The API root; redirects are followed only within its site.
    timeout
        The limit for the whole request: connect, send, headers, body [s].
    query
        A JSON-serialisable query to POST, or None for a GET.

    Returns
    -------
    bytes
        The body, at most :data:`~sociokalkyl.sources.scb.constants.MAX_BODY_BYTES`.

    Raises
    ------
    ScbNetworkError
        For a timeout, a failed connection, HTTP 429 or a server fault (5xx).
    DataSourceError
        For another HTTP status, a redirect to another site, or a body too large.

    Examples
    --------
    >>> request("http://127.0.0.1:9/x", "http://127.0.0.1:9", 1.0)
    Traceback (most recent call last):
        ...
    sociokalkyl.sources.scb.transport.ScbNetworkError: could not connect to SCB...
    """
    headers = {"Accept": "application/json", "User-Agent": _USER_AGENT}
    data = None
    if query is not None:
        data = json.dumps(query).encode("utf-8")
        headers["Content-Type"] = "application/json"
    outgoing = urllib.request.Request(url, data=data, headers=headers)
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(
        _WatchedHTTPHandler(deadline), _WatchedHTTPSHandler(deadline), _SameSiteRedirects(base_url)
    )
    try:
        with deadline:
            status, body = _open_and_read(opener, outgoing, timeout)
    except _RedirectRefused as refused:
        message = price_words("scb_redirect", url=url, target=refused.target, base=base_url)
        raise DataSourceError(message, field="redirect", value=refused.target) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _failure(url, exc, timeout, deadline.expired) from exc
    if deadline.expired:  # the body may have been cut short
        raise _failure(url, TimeoutError(), timeout, True)
    if status != 200:
        _raise_status(url, status, _snippet(body[:300]), base_url)
    if len(body) > MAX_BODY_BYTES:
        raise DataSourceError(price_words("scb_too_large", url=url, limit=MAX_BODY_BYTES))
    return body


def _raise_status(url: str, status: int, detail: str, base_url: str) -> NoReturn:
    said = f" ({detail!r})" if detail else ""
    if status in (400, 404):
        advice = price_words(f"scb_advice_{status}", table=KPI_TABLE)
    elif status == 429:
        advice = price_words("scb_advice_429")
    elif status >= 500:
        advice = price_words("scb_advice_5xx")
    else:
        advice = price_words("scb_advice_other", base=DEFAULT_BASE_URL)
    message = price_words("scb_status", status=status, url=url, said=said, advice=advice)
    kind = ScbNetworkError if status == 429 or status >= 500 else DataSourceError
    raise kind(message, field="status", value=status)

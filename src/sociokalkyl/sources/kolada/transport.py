"""Kolada over HTTP: request limits, network failures and what an HTTP error status means."""

from __future__ import annotations

from typing import Final, NoReturn

from sociokalkyl.errors import DataSourceError
from sociokalkyl.sources.kolada.constants import DEFAULT_BASE_URL

_MAX_BODY_BYTES: Final = 64 * 1024 * 1024
_USER_AGENT: Final = "sociokalkyl-kolada/1 (+https://api.kolada.se/v2; Python urllib)"
_OFFLINE_HINT: Final = (
    "rerun with use_cache_on_error=True or offline=True to use responses cached by an "
    "earlier online run"
)


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

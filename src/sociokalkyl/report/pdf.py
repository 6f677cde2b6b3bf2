"""The printable report as an A4 PDF (WeasyPrint) or a self-contained HTML file.

The PDF is the HTML of :func:`sociokalkyl.report.html.render_html` laid out by
WeasyPrint, a well-kept HTML/CSS layout engine for print (pages, page numbers, tables
that break between rows), chosen over drawing PDF by hand (reportlab) because one
document then serves both the intranet (HTML) and the printer (PDF). WeasyPrint is the
optional extra ``pdf`` (``pip install 'sociokalkyl[pdf]'``); without it writing a PDF
is a :class:`~sociokalkyl.report.charts.MissingDependency` error with that command, in
Swedish.

Nothing is fetched while rendering: the URL fetcher allows only ``data:`` URIs (the
inlined charts); any other address (``http:``, ``file:``) is refused.

Examples
--------
>>> import pathlib, tempfile
>>> import sociokalkyl as sk
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_document(sk.evaluate(*sk.examples.skolfam()), folder / "rapport.html", charts=False)
>>> (folder / "rapport.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sociokalkyl._atomic import write_atomic
from sociokalkyl.errors import InputError
from sociokalkyl.language.labels import as_lang
from sociokalkyl.language.report import report_label
from sociokalkyl.report.charts import MissingDependency
from sociokalkyl.report.html import render_html
from sociokalkyl.report.tables import Table

if TYPE_CHECKING:  # pragma: no cover - typing only
    from sociokalkyl.analysis.result import Result
    from sociokalkyl.uncertainty.sensitivity import Tornado

__all__ = ["DOCUMENT_SUFFIXES", "html_to_pdf", "write_document"]

DOCUMENT_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html"}
"""The file suffixes of the printable report and their formats."""


def _weasyprint(lang: str) -> Any:
    """WeasyPrint imported; its notice about an optional system library (HarfBuzz
    subsetting, smaller fonts in the PDF) is not the user's concern here."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
            import weasyprint
    except ImportError:
        raise MissingDependency(report_label("no_weasyprint", as_lang(lang))) from None
    except OSError as exc:  # WeasyPrint is there, the system's Pango is not
        raise MissingDependency(report_label("no_pango", as_lang(lang), error=exc)) from None
    return weasyprint


def _data_only_fetcher(weasyprint: Any, refused: list[str]) -> Any:
    """A WeasyPrint URL fetcher that serves ``data:`` URIs and refuses everything else."""
    base = getattr(weasyprint, "URLFetcher", None)
    if base is None:  # pragma: no cover - WeasyPrint before the URLFetcher class

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not url.startswith("data:"):
                refused.append(url)
                raise ValueError(f"refused: {url}")
            return weasyprint.default_url_fetcher(url, *args, **kwargs)

        return fetch

    class DataOnly(base):  # type: ignore[misc, valid-type]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                refused.append(url)
                raise ValueError(f"refused: {url}")
            return super().fetch(url, headers)

    return DataOnly(allowed_protocols={"data"}, allow_redirects=False)


def html_to_pdf(page: str, lang: str = "sv", refused: list[str] | None = None) -> bytes:
    """Lay out an HTML document as PDF with WeasyPrint, fetching nothing but ``data:`` URIs.

    Parameters
    ----------
    page
        The HTML document.
    lang
        The language of the message when WeasyPrint is missing.
    refused
        A list that receives every address the document asked for and was refused.

    Returns
    -------
    bytes
        The PDF.

    Raises
    ------
    MissingDependency
        When WeasyPrint is not installed.

    Examples
    --------
    >>> refused = []
    >>> pdf = html_to_pdf('<p>Hej</p><img src="http://example.invalid/x.png">',
    ...                   refused=refused)
    >>> pdf[:5], refused
    (b'%PDF-', ['http://example.invalid/x.png'])
    """
    weasyprint = _weasyprint(lang)
    fetcher = _data_only_fetcher(weasyprint, [] if refused is None else refused)
    document = weasyprint.HTML(string=page, url_fetcher=fetcher, base_url=None)
    pdf: bytes = document.write_pdf()
    return pdf


def write_document(
    result: Result,
    path: str | Path,
    lang: str = "sv",
    *,
    simulation: Any = None,
    tornado: Tornado | None = None,
    perspectives: Sequence[Table] = (),
    unpriced: Sequence[tuple[str, str] | str] | None = None,
    charts: bool = True,
    overwrite: bool = True,
) -> None:
    """Write the printable report to ``path``: PDF for ``.pdf``, HTML for ``.html``.

    Parameters
    ----------
    result
        A deterministic result from :func:`sociokalkyl.evaluate`.
    path
        The file, ending in ``.pdf``, ``.html`` or ``.htm``; written atomically.
    lang
        ``"sv"`` (default) or ``"en"``.
    simulation, tornado, perspectives, unpriced, charts
        As for :func:`sociokalkyl.report.html.render_html`.
    overwrite
        Replace an existing regular file (the default); False refuses one.

    Raises
    ------
    InputError
        For another suffix, a directory that does not exist, or an existing file when
        ``overwrite`` is False.
    MissingDependency
        When WeasyPrint (PDF) or matplotlib (charts) is not installed.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import sociokalkyl as sk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "rapport.odt"
    >>> try:
    ...     write_document(sk.evaluate(*sk.examples.skolfam()), path)
    ... except InputError as exc:
    ...     print(exc.field, exc.expected)
    path a file ending in .pdf, .html or .htm, e.g. rapport.pdf
    """
    target = Path(path)
    fmt = DOCUMENT_SUFFIXES.get(target.suffix.lower())
    if fmt is None:
        raise InputError(
            "is not a report document",
            field="path",
            value=str(path),
            expected="a file ending in .pdf, .html or .htm, e.g. rapport.pdf",
        )
    if not target.resolve().parent.is_dir():
        raise InputError(
            "the directory does not exist",
            field="path",
            value=str(path),
            expected="a path in an existing directory, e.g. rapport.pdf",
        )
    if fmt == "pdf":
        _weasyprint(lang)  # the missing engine is said before the charts are drawn
    page = render_html(
        result,
        lang,
        simulation=simulation,
        tornado=tornado,
        perspectives=perspectives,
        unpriced=unpriced,
        charts=charts,
    )
    data = html_to_pdf(page, lang) if fmt == "pdf" else page.encode("utf-8")
    write_atomic(target, data, overwrite=overwrite)

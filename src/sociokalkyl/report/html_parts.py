"""Pieces of the printable report's HTML: escaped text, tables, figures, the style sheet.

Everything a user wrote (names, sources, descriptions) goes through :func:`esc`: control
characters replaced, then ``& < > " '`` escaped, so a name like ``<script>`` is shown as
text and never runs. Charts are inlined as ``data:`` URIs, so the document fetches
nothing.

Examples
--------
>>> esc('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
>>> page = table(["Namn", "Värde"], [["a<b", "1 kr"]], numeric=(1,))
>>> "<td>a&lt;b</td>" in page, '<td class="num">1 kr</td>' in page
(True, True)
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from importlib import resources
from typing import Any

from sociokalkyl.language.labels import Lang
from sociokalkyl.language.numbers import format_cell
from sociokalkyl.language.safety import clean_text
from sociokalkyl.report.tables import Table

__all__ = ["esc", "figure", "report_css", "table", "table_of"]


def esc(value: Any) -> str:
    """``value`` as HTML text: control characters replaced, markup characters escaped.

    Parameters
    ----------
    value
        Anything; it is written as ``str(value)``.

    Returns
    -------
    str
        Text safe inside an element or a quoted attribute.

    Examples
    --------
    >>> esc("Ågren & Co")
    'Ågren &amp; Co'
    """
    return html.escape(clean_text(str(value)), quote=True)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    css: str = "",
    row_css: Sequence[str] = (),
) -> str:
    """An HTML table of text cells (escaped here); ``numeric`` columns align right.

    Parameters
    ----------
    headers
        The column headings.
    rows
        The cells, as text for people (already formatted numbers).
    numeric
        Positions (0-based) of the columns that hold numbers.
    css
        A class for the table.
    row_css
        A class for each row (``""`` for none), e.g. ``"weak"``.

    Returns
    -------
    str
        The ``<table>`` element.

    Examples
    --------
    >>> table(["A"], [["x"]], css="key", row_css=["weak"])[:53]
    '<table class="key"><thead><tr><th>A</th></tr></thead>'
    >>> '<tr class="weak"><td>x</td></tr>' in table(["A"], [["x"]], row_css=["weak"])
    True
    """

    def cell(tag: str, j: int, text: str) -> str:
        klass = ' class="num"' if j in numeric else ""
        return f"<{tag}{klass}>{text}</{tag}>"

    head = "".join(cell("th", j, esc(h)) for j, h in enumerate(headers))
    body = []
    for i, row in enumerate(rows):
        klass = row_css[i] if i < len(row_css) else ""
        attribute = f' class="{esc(klass)}"' if klass else ""
        cells = "".join(cell("td", j, esc(text)) for j, text in enumerate(row))
        body.append(f"<tr{attribute}>{cells}</tr>")
    attribute = f' class="{esc(css)}"' if css else ""
    return f"<table{attribute}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def table_of(report_table: Table, lang: Lang, *, heading: bool = True) -> str:
    """A report :class:`~sociokalkyl.report.tables.Table` as HTML, each cell by its kind.

    Parameters
    ----------
    report_table
        A table of :mod:`sociokalkyl.report` (its title becomes an ``<h3>``).
    lang
        ``"sv"`` or ``"en"``.
    heading
        Write the table's title as a heading (False: the table alone).

    Returns
    -------
    str
        A heading and the table.

    Examples
    --------
    >>> t = Table("t", "Titel", ["Namn", "Värde"], [["npv", -1500.0]], [["text", "sek"]])
    >>> "-1 500 kr" in table_of(t, "sv")
    True
    """
    rows: list[list[str]] = []
    numeric: set[int] = set()
    for i, raw in enumerate(report_table.rows):
        names = report_table.names[i] if i < len(report_table.names) else []
        row = []
        for j, value in enumerate(raw):
            kind = report_table.kinds[i][j]
            name = names[j] if j < len(names) else ""
            row.append(format_cell(value, kind, lang, name))
            if kind != "text" and isinstance(value, int | float):
                numeric.add(j)
        rows.append(row)
    body = table(report_table.headers, rows, numeric=sorted(numeric))
    return f"<h3>{esc(report_table.title)}</h3>{body}" if heading else body


def figure(svg: str, caption: str) -> str:
    """An SVG chart inlined as a ``data:`` URI in an ``<img>`` (no fetch, no script runs).

    Parameters
    ----------
    svg
        The SVG document (from :mod:`sociokalkyl.report.charts`).
    caption
        Its alternative text.

    Returns
    -------
    str
        A ``<figure>`` element.

    Examples
    --------
    >>> figure("<svg/>", "Diagram")
    '<figure><img alt="Diagram" src="data:image/svg+xml;base64,PHN2Zy8+"></figure>'
    """
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<figure><img alt="{esc(caption)}" src="data:image/svg+xml;base64,{data}"></figure>'


def report_css() -> str:
    """The report's style sheet (``report/templates/report.css``, shipped with the package).

    Returns
    -------
    str
        CSS text: A4 pages with page numbers, tables, the mark of weak provenance.

    Examples
    --------
    >>> "size: A4" in report_css()
    True
    """
    return (resources.files("sociokalkyl.report") / "templates" / "report.css").read_text(
        encoding="utf-8"
    )

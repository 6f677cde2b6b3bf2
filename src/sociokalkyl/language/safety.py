"""Text from a scenario file made safe for each output: CSV, xlsx, Markdown, terminal, JSON.

Names, sources, notes and descriptions are free text that anyone who writes a scenario
file (or a catalogue override) controls; a report must show them, never run them. Every
renderer writes user text through one of these functions (see ``docs/output-safety.md``):

* **control characters** (C0 except tab and newline, DEL, C1 and the Unicode bidi
  overrides) become ``"\ufffd"``; ``"\\r\\n"`` and a lone ``"\\r"`` become ``"\\n"``
  (:func:`clean_text`: every output, also xlsx, which refuses most of them);
* **spreadsheet formulas**: a CSV text cell starting with ``=``, ``+``, ``-``, ``@``, a
  tab, CR or LF gets a leading ``'`` (OWASP, :func:`spreadsheet_text`); an xlsx text
  cell is written as a string, never a formula (:func:`text_cell`);
* **Markdown**: ``&``, ``<``, ``>`` become HTML entities, backslashes and the link
  openers ``](`` and ``][`` (and a ``[`` that starts the text) are escaped (:func:`markdown_text`);
* **JSON** is strict: a non-finite number is written as ``null`` (:func:`strict_json`).

Examples
--------
>>> spreadsheet_text("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> markdown_text("<b>[a](javascript:x)</b>")
'&lt;b&gt;[a]\\\\(javascript:x)&lt;/b&gt;'
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "FORMULA_PREFIXES",
    "clean_text",
    "is_control_character",
    "json_ready",
    "markdown_text",
    "spreadsheet_text",
    "strict_json",
    "text_cell",
]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters that an output must not pass: C0 except tab and newline, DEL, C1
(ESC starts terminal escape sequences; xlsx refuses most of C0), bidi overrides."""

REPLACEMENT = "\ufffd"


def is_control_character(char: str) -> bool:
    """Whether ``char`` is a control character no output passes (see :func:`clean_text`).

    The one definition, for what is written out and what a template may hold: C0 except
    tab and newline, DEL, C1, and the bidirectional overrides.

    Parameters
    ----------
    char
        One character.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_control_character("\\x1b"), is_control_character("\\u202e")
    (True, True)
    >>> is_control_character("\\n"), is_control_character("ä")
    (False, False)
    """
    return _CONTROL.fullmatch(char) is not None


def clean_text(text: str) -> str:
    """``text`` without control characters: line breaks as ``\\n``, the rest as ``"\ufffd"``.

    Parameters
    ----------
    text
        Free text from a scenario file, a catalogue or an error.

    Returns
    -------
    str
        The same text with ``\\r\\n`` and ``\\r`` as ``\\n`` and every other control
        character (C0 except tab and newline, DEL, C1, bidi overrides) as U+FFFD.

    Examples
    --------
    >>> clean_text("röd\\x1b[31m text\\r\\nny rad")
    'röd\ufffd[31m text\\nny rad'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(REPLACEMENT, text)


def spreadsheet_text(text: str) -> str:
    """A CSV text cell that a spreadsheet shows as text, never runs as a formula.

    Parameters
    ----------
    text
        The cell's text.

    Returns
    -------
    str
        :func:`clean_text` of the text, with a leading ``'`` when it starts with one of
        :data:`FORMULA_PREFIXES` (checked before the line breaks are cleaned).

    Examples
    --------
    >>> spreadsheet_text("@SUM(1)"), spreadsheet_text("-1+1"), spreadsheet_text("Skolfam")
    ("'@SUM(1)", "'-1+1", 'Skolfam')
    """
    cleaned = clean_text(text)
    if text.startswith(FORMULA_PREFIXES) or cleaned.startswith(FORMULA_PREFIXES):
        return "'" + cleaned
    return cleaned


def text_cell(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write ``value`` to an xlsx cell; text is always a string cell, never a formula.

    openpyxl reads a ``str`` starting with ``=`` as a formula and refuses control
    characters; this writes text cleaned by :func:`clean_text` with the string type.
    Numbers, None and dates are written as they are. The report's own formulas are
    written directly, never through this function.

    Parameters
    ----------
    ws
        The openpyxl worksheet.
    row, column
        The cell (1-based).
    value
        What to write.

    Returns
    -------
    openpyxl.cell.Cell
        The cell, for its number format or font.

    Examples
    --------
    >>> import openpyxl
    >>> ws = openpyxl.Workbook().active
    >>> cell = text_cell(ws, 1, 1, "=cmd|' /C calc'!A0")
    >>> cell.value, cell.data_type
    ("=cmd|' /C calc'!A0", 's')
    """
    if not isinstance(value, str):
        return ws.cell(row, column, value)
    cell = ws.cell(row, column)
    cell.value = clean_text(value)
    cell.data_type = "s"
    return cell


def markdown_text(text: str) -> str:
    """Text for a Markdown line or table cell: shown as written, no HTML, no link.

    Parameters
    ----------
    text
        The text.

    Returns
    -------
    str
        :func:`clean_text` of it on one line, with ``\\``, ``|``, the link openers
        ``](`` and ``][`` and a leading ``[`` escaped by a backslash and ``&``, ``<``, ``>`` as HTML
        entities (so ``<script>`` and ``<img onerror>`` are text, and neither
        ``[a](javascript:...)`` nor ``<javascript:...>`` is a link).

    Examples
    --------
    >>> markdown_text("a | b <script>")
    'a \\\\| b &lt;script&gt;'
    """
    text = clean_text(text).replace("\\", "\\\\").replace("\n", " ")
    text = html.escape(text, quote=False).replace("|", "\\|")
    text = text.replace("](", "]\\(").replace("][", "]\\[")
    # a line starting "[x]: url" would define a link: escape the first bracket
    return "\\" + text if text.startswith("[") else text


def json_ready(value: Any) -> Any:
    """``value`` as plain JSON data: mappings, lists, str, int, bool, None, finite floats.

    Parameters
    ----------
    value
        Nested mappings, lists, tuples, numbers, numpy values (``tolist``) or anything
        else (written as ``str``).

    Returns
    -------
    Any
        The same data with non-finite floats (``inf``, ``nan``) as None.

    Examples
    --------
    >>> json_ready({"a": [1.5, float("inf")], 2: None})
    {'a': [1.5, None], '2': None}
    """
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str | int | bool) or value is None:
        return value
    if hasattr(value, "tolist"):
        return json_ready(value.tolist())
    return str(value)


def strict_json(value: Any, *, indent: int | None = 2) -> str:
    """Strict JSON text (no ``Infinity`` or ``NaN``) of ``value`` (see :func:`json_ready`).

    Parameters
    ----------
    value
        The data.
    indent
        Indentation of nested values [spaces]; None for one line.

    Returns
    -------
    str
        JSON that any strict parser reads; non-finite numbers as ``null``; text keeps
        its characters (control characters are escaped by JSON itself).

    Examples
    --------
    >>> strict_json({"value": float("inf"), "name": "å"}, indent=None)
    '{"value": null, "name": "å"}'
    """
    return json.dumps(json_ready(value), ensure_ascii=False, indent=indent, allow_nan=False)

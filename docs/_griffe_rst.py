"""A griffe extension for the API reference: the reST of the numpydoc docstrings as Markdown.

The docstrings are numpydoc, written for Sphinx and for ``help()``: formulas as
``.. math::`` blocks and ``:math:`` roles, cross-references as ``:func:`npv```. mkdocstrings
renders docstrings as Markdown, where these would show as literal text. This extension
rewrites them when griffe loads each object (``mkdocs.yml``: ``extensions``):

* ``.. math:: x`` (one line, or an indented block under it) becomes a ``$$`` block, and
  ``:math:`x``` becomes ``$x$``, both rendered by MathJax through pymdownx.arithmatex;
* ``:func:`~a.b.c``` becomes `` `c` `` and ``:class:`a.b.C``` becomes `` `a.b.C` ``;
* ``.. [1] text`` (a numbered reference) becomes ``[1] text``.

The docstrings in the code are not changed.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|mod|meth|attr|data|exc|obj|ref):`~?([^`]+)`")
_MATH_ROLE = re.compile(r":math:`([^`]+)`")
_MATH_DIRECTIVE = re.compile(r"^(\s*)\.\. math::\s*(.*)$")
_REFERENCE = re.compile(r"^(\s*)\.\. (\[\d+\])")


def _role(match: re.Match[str]) -> str:
    target = match.group(1)
    if match.group(0).split("`", 1)[1].startswith("~"):
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def _math_blocks(lines: list[str]) -> list[str]:
    """``.. math::`` directives, with their indented body, as ``$$`` blocks."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _MATH_DIRECTIVE.match(lines[i])
        if not found:
            out.append(lines[i])
            i += 1
            continue
        indent, first = found.group(1), found.group(2).strip()
        body = [first] if first else []
        i += 1
        while i < len(lines) and (
            not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > len(indent)
        ):
            if lines[i].strip() or body:
                body.append(lines[i].strip())
            i += 1
        while body and not body[-1]:
            body.pop()
        out.extend(["", f"{indent}$$", *(f"{indent}{b}" for b in body), f"{indent}$$", ""])
    return out


def to_markdown(text: str) -> str:
    """The reST of a numpydoc docstring as Markdown (see the module docstring)."""
    text = _MATH_ROLE.sub(lambda m: f"${m.group(1)}$", text)
    text = _ROLE.sub(_role, text)
    lines = [_REFERENCE.sub(r"\1\2", line) for line in text.split("\n")]
    return "\n".join(_math_blocks(lines))


class RstToMarkdown(griffe.Extension):
    """Rewrite each docstring's reST as Markdown when griffe loads the object."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)

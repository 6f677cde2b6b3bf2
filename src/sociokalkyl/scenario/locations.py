"""Where a field is: field paths as text and the line of a field path in a file's text."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

__all__ = ["path_text"]


def path_text(parts: tuple[Any, ...] | list[Any]) -> str:
    """A field path as text, the way problems name fields.

    Parameters
    ----------
    parts
        The path's parts: names and list indices.

    Returns
    -------
    str
        Names joined by dots, indices in brackets, odd names quoted.

    Examples
    --------
    >>> path_text(("intervention", "effects", 1, "change"))
    'intervention.effects[1].change'
    >>> path_text(("catalogue", "hvb dygn"))
    'catalogue."hvb dygn"'
    """
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = str(part)
            if not re.fullmatch(r"[\w\-]+", key):
                key = json.dumps(key, ensure_ascii=False)
            text += ("." if text else "") + key
    return text


def _split_path(text: str) -> list[Any]:
    parts: list[Any] = []
    for name, index in re.findall(r"([\w\-]+)|\[(\d+)\]", text):
        parts.append(int(index) if index else name)
    return parts


_TOML_KEY = re.compile(r'^((?:[\w\-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[\w\-]+|"[^"]*"))*)\s*=')


class _LineIndex:
    """Finds the line of a field path in a file's text (best effort)."""

    def __init__(self, text: str | None, fmt: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        if not text:
            return
        try:
            if fmt == "toml":
                self._scan_toml(text)
            elif fmt in ("yaml", "json"):
                node = yaml.compose(text, Loader=yaml.SafeLoader)
                if node is not None:
                    self._walk_node(node, ())
        except (yaml.YAMLError, RecursionError, ValueError):
            self.lines = {}

    def find(self, parts: list[Any] | tuple[Any, ...]) -> int | None:
        """The line of the longest prefix of ``parts`` that is found."""
        parts = tuple(parts)
        for end in range(len(parts), 0, -1):
            line = self.lines.get(parts[:end])
            if line is not None:
                return line
        return None

    def _walk_node(
        self, node: yaml.Node, path: tuple[Any, ...], seen: set[int] | None = None
    ) -> None:
        # an alias (*name) is the same node again: walk each node once, so that nested
        # aliases (a "billion laughs" file) cost no more than the file's own size
        seen = set() if seen is None else seen
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                if name is None:
                    continue
                sub = (*path, name)
                self.lines.setdefault(sub, key.start_mark.line + 1)
                self._walk_node(value, sub, seen)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                sub = (*path, index)
                self.lines.setdefault(sub, item.start_mark.line + 1)
                self._walk_node(item, sub, seen)

    def _scan_toml(self, text: str) -> None:
        arrays: dict[tuple[str, ...], int] = {}
        table: tuple[Any, ...] = ()
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            header = re.match(r"^\[\[\s*(.+?)\s*\]\]", line) or re.match(r"^\[\s*(.+?)\s*\]", line)
            if header:
                names = _toml_key(header.group(1))
                is_array = line.startswith("[[")
                if is_array:
                    arrays[tuple(names)] = arrays.get(tuple(names), 0) + 1
                table = self._resolve(names, arrays)
                self.lines.setdefault(table, number)
                if is_array:
                    self.lines.setdefault(table[:-1], number)
                continue
            match = _TOML_KEY.match(line)
            if match:
                path = (*table, *_toml_key(match.group(1)))
                self.lines.setdefault(path, number)
                self._inline(path, line[match.end() :], number)

    def _inline(self, path: tuple[Any, ...], rest: str, number: int) -> None:
        # keys inside an inline table on the same line: name = { key = ... }
        for key in re.findall(r"[{,]\s*([\w\-]+)\s*=", rest):
            self.lines.setdefault((*path, key), number)

    @staticmethod
    def _resolve(names: list[str], arrays: dict[tuple[str, ...], int]) -> tuple[Any, ...]:
        out: list[Any] = []
        for i, name in enumerate(names):
            out.append(name)
            count = arrays.get(tuple(names[: i + 1]))
            if count:
                out.append(count - 1)
        return tuple(out)


def _toml_key(text: str) -> list[str]:
    return [
        part.strip().strip('"').strip("'")
        for part in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', text)
        if part.strip()
    ]

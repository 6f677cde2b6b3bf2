"""Early bounds on a parsed scenario file: depth, list lengths, item counts, YAML aliases.

Checked on the parsed data before the models see it, so that a hostile or careless file
is refused in time linear in its size, with a message that names the field and the limit
(:mod:`sociokalkyl.limits`; the rules are in ``docs/limits.md``).

Examples
--------
>>> problem = bound_problems({"intervention": {"target_group": {"intake": [1] * 20_000}}}, "a")[0]
>>> print(problem)
a: intervention.target_group.intake: has 20000 items, more than the limit of 10000; ...
"""

from __future__ import annotations

import re
from typing import Any

from sociokalkyl.limits import MAX_COST_ITEMS, MAX_HORIZON_YEARS, MAX_JSON_DEPTH, MAX_LIST_ITEMS
from sociokalkyl.scenario.locations import path_text
from sociokalkyl.scenario.problems import Problem

__all__ = ["bound_problems", "depth_problem", "yaml_flow_depth"]

_FLOW_MARKS = re.compile(r"""[\[\]{}"'#\n\\]""")
_TOKEN_START = frozenset(" \t\n[{,:-?")

_COUNTED = ("cost_items", "baseline", "effects", "costs")
"""The intervention's lists bounded by MAX_COST_ITEMS (and the catalogue table)."""


class _TooDeep(Exception):
    def __init__(self, path: tuple[Any, ...]) -> None:
        self.path = path


def depth_problem(file: str, field: str = "") -> Problem:
    """The problem of data nested deeper than ``MAX_JSON_DEPTH``.

    Parameters
    ----------
    file
        The file name used in the problem's location.
    field
        The field path where the limit was passed, if known.

    Returns
    -------
    Problem

    Examples
    --------
    >>> depth_problem("a.json").message
    'is nested more than 64 levels deep'
    """
    return Problem(
        file,
        field,
        f"is nested more than {MAX_JSON_DEPTH} levels deep",
        expected="a scenario file's tables, a few levels deep (docs/limits.md)",
    )


def _sizes(data: Any) -> tuple[int, int, list[tuple[tuple[Any, ...], int]]]:
    """Values counted once per container, values as expanded, and lists that are too long."""
    expanded: dict[int, int] = {}
    long_lists: list[tuple[tuple[Any, ...], int]] = []
    unique = 0

    def walk(value: Any, path: tuple[Any, ...]) -> int:
        nonlocal unique
        if not isinstance(value, dict | list):
            unique += 1
            return 1
        if id(value) in expanded:  # a YAML alias: the same container again
            return expanded[id(value)]
        if len(path) >= MAX_JSON_DEPTH:
            raise _TooDeep(path)
        expanded[id(value)] = 1
        unique += 1
        if len(value) > MAX_LIST_ITEMS:  # a list, or a table of that many names
            long_lists.append((path, len(value)))
            unique += len(value)  # not walked: counted as its own values, not as aliases
            expanded[id(value)] = len(value)
            return len(value)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        expanded[id(value)] = 1 + sum(walk(item, (*path, key)) for key, item in items)
        return expanded[id(value)]

    total = walk(data, ())
    return unique, total, long_lists


def bound_problems(data: Any, file: str) -> list[Problem]:
    """Problems of parsed data beyond the documented limits, found in linear time.

    Parameters
    ----------
    data
        The parsed file (mappings, lists and scalars; YAML aliases are shared objects).
    file
        The file name used in problem locations.

    Returns
    -------
    list of Problem
        Empty when the data is within every limit.

    Examples
    --------
    >>> bound_problems({"settings": {"horizon": 10}}, "a.toml")
    []
    """
    try:
        unique, total, long_lists = _sizes(data)
    except _TooDeep as exc:
        return [depth_problem(file, path_text(exc.path[:8]) + " ...")]
    problems = [
        Problem(
            file,
            path_text(path),
            f"has {length} items, more than the limit of {MAX_LIST_ITEMS}",
            expected=f"at most {MAX_LIST_ITEMS} items (docs/limits.md)",
        )
        for path, length in long_lists
    ]
    if total - unique > MAX_LIST_ITEMS:
        problems.append(
            Problem(
                file,
                "",
                f"its YAML aliases (*name) repeat more than {MAX_LIST_ITEMS} values",
                expected="each value written out, or a few aliases (docs/limits.md)",
            )
        )
    return problems + _count_problems(data, file)


def _count_problems(data: Any, file: str) -> list[Problem]:
    """Too many cost items, effects, costs, or intake years."""
    if not isinstance(data, dict):
        return []
    intervention = data.get("intervention")
    intervention = intervention if isinstance(intervention, dict) else {}
    counted: list[tuple[tuple[Any, ...], Any, int, str]] = [
        (("intervention", name), intervention.get(name), MAX_COST_ITEMS, "items")
        for name in _COUNTED
    ]
    counted.append((("catalogue",), data.get("catalogue"), MAX_COST_ITEMS, "items"))
    group = intervention.get("target_group")
    if isinstance(group, dict):
        path = ("intervention", "target_group", "intake")
        counted.append((path, group.get("intake"), MAX_HORIZON_YEARS, "intake years"))
    problems = []
    for path, value, limit, what in counted:
        if isinstance(value, dict | list) and len(value) > limit:
            problems.append(
                Problem(
                    file,
                    path_text(path),
                    f"has {len(value)} {what}, more than the limit of {limit}",
                    expected=f"at most {limit} {what} (docs/limits.md)",
                )
            )
    return problems


def yaml_flow_depth(text: str, stop: int) -> int:
    """How deep YAML flow collections (``[...]``, ``{...}``) nest, read from the text.

    Parameters
    ----------
    text
        The YAML text.
    stop
        Stop counting once this depth is passed (the answer is then ``stop + 1``).

    Returns
    -------
    int
        The deepest nesting of brackets and braces outside quotes and comments, at
        most ``stop + 1``.

    Notes
    -----
    PyYAML needs seconds to refuse a flow nested 1 000 deep (it looks ahead a line for
    a key and recurses into each level), so the reader looks first, in one pass over
    the few characters that matter. A quote starts a quoted scalar only where a token
    starts (not in ``it's``); a ``#`` after a space or at a line start is a comment.
    Brackets in plain text (``see [1]``) count too, which can only overstate the depth.

    Examples
    --------
    >>> yaml_flow_depth("a: [[1, 2], {b: '[[ it''s'}]  # [[[", stop=64)
    2
    >>> yaml_flow_depth("a: " + "[" * 100_000, stop=64)
    65
    """
    depth = deepest = 0
    quote = ""
    skip_to = -1
    for match in _FLOW_MARKS.finditer(text):
        at, mark = match.start(), match.group()
        if at < skip_to:
            continue
        before = text[at - 1] if at else "\n"
        if quote:
            if mark == "\\" and quote == '"':
                skip_to = at + 2  # an escaped character in a double-quoted scalar
            elif mark == quote == "'" and text.startswith("''", at):
                skip_to = at + 2  # '' is a quote inside a single-quoted scalar
            elif mark == quote:
                quote = ""
        elif mark == "#" and before in " \t\n":
            end = text.find("\n", at)
            skip_to = len(text) if end < 0 else end
        elif mark in "\"'" and before in _TOKEN_START:
            quote = mark
        elif mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > stop:
                return deepest
        elif mark in "]}":
            depth = max(0, depth - 1)
    return deepest

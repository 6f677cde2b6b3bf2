"""Errors worded from the word tables where they are raised: Swedish-default or bilingual.

The word tables under ``language/`` hold ``(svenska, English)`` pairs; their ``*_text``
helpers (``price_text``, ``outcome_sheet_text``, ``pick``, ...) take ``lang="sv"`` by
default. An error whose message or expectation is made with such a helper without a
language is *Swedish at the raise site*: it stays Swedish under ``--lang en`` and reaches
the Python API in Swedish while every other error is English. It must be made with a
``*_words`` helper instead (:mod:`sociokalkyl.language.bilingual`), which returns
:class:`~sociokalkyl.errors.Words` in both languages.

This AST scan finds every error-making call (as :mod:`error_sites`: ``raise
InputError(...)`` and kin, ``Problem(...)``, ``unknown_name``, and the helpers that pass
a parameter on into an error's message or expectation) and looks into its message and
expectation, following the function's own local variables: a call of a Swedish-default
helper without ``lang`` there is reported; a call of a helper that returns ``Words`` (or
``Words(...)`` itself) makes the site bilingual. Module-level names are not followed: a
constant such as a sheet's heading is the sheet's own word, quoted as the sheet shows it.
Used by ``tests/test_error_coverage.py``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from error_sites import ERROR_CLASSES, SRC

_MAKERS = ERROR_CLASSES | {"PydanticCustomError", "Problem", "unknown_name"}
_TEXT_KEYWORDS = {"message", "expected", "what", "problem", "hint"}
"""Keywords of an error-making call that hold words (``field`` and ``value`` do not)."""


@dataclass(frozen=True)
class Worded:
    """An error-making call whose words come from the word tables.

    Attributes
    ----------
    where
        ``path/to/module.py:line``.
    swedish
        The Swedish-default helpers called without a language (empty: none).
    bilingual
        Whether a helper returning ``Words`` words it.
    """

    where: str
    swedish: tuple[str, ...]
    bilingual: bool


@dataclass(frozen=True)
class _Tables:
    swedish: dict[str, int]
    """Swedish-default helper -> the position of its ``lang`` parameter."""
    words: frozenset[str]
    """Helpers that return ``Words`` (and ``Words`` itself)."""


def _tables(root: Path) -> _Tables:
    swedish: dict[str, int] = {}
    words = {"Words"}
    for path in sorted((root / "language").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if node.returns is not None and ast.unparse(node.returns) == "Words":
                words.add(node.name)
            args = node.args.args
            defaults = dict(zip([a.arg for a in args[len(args) - len(node.args.defaults) :]],
                                node.args.defaults, strict=True))  # fmt: skip
            default = defaults.get("lang")
            if isinstance(default, ast.Constant) and default.value == "sv":
                swedish[node.name] = [a.arg for a in args].index("lang")
    return _Tables(swedish, frozenset(words))


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> the name in ``sociokalkyl.language`` (``price_text as _t``)."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            ("sociokalkyl.language", "sociokalkyl.errors")
        ):
            for alias in node.names:
                found[alias.asname or alias.name] = alias.name
    return found


def _called(call: ast.Call, imports: dict[str, str]) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return imports.get(func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.attr if func.value.id in imports else None
    return None


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _locals(func: ast.AST) -> dict[str, list[ast.expr]]:
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        found.setdefault(name.id, []).append(node.value)
    return found


def _text_args(call: ast.Call) -> list[ast.expr]:
    """The arguments of an error-making call that hold its words."""
    kind = _name(call)
    positional = {"Problem": [2, 6], "PydanticCustomError": [1], "unknown_name": [2]}
    chosen = [call.args[i] for i in positional.get(kind or "", [0]) if i < len(call.args)]
    return chosen + [k.value for k in call.keywords if k.arg in _TEXT_KEYWORDS]


class _Scan:
    def __init__(self, tables: _Tables, imports: dict[str, str], scope: ast.AST) -> None:
        self.tables, self.imports, self.names = tables, imports, _locals(scope)
        self.swedish: list[str] = []
        self.bilingual = False

    def look(self, node: ast.expr, seen: frozenset[str] = frozenset()) -> None:
        for part in ast.walk(node):
            if isinstance(part, ast.Call):
                name = _called(part, self.imports)
                if name in self.tables.words:
                    self.bilingual = True
                elif name in self.tables.swedish:
                    lang_at = self.tables.swedish[name]
                    given = len(part.args) > lang_at or any(k.arg == "lang" for k in part.keywords)
                    if not given:
                        self.swedish.append(name)
            elif isinstance(part, ast.Name) and part.id in self.names and part.id not in seen:
                for value in self.names[part.id]:
                    self.look(value, seen | {part.id})


def _helpers(trees: list[ast.Module]) -> dict[str, list[int | str]]:
    """Functions that pass a parameter on into an error's words: name -> the parameters
    (position and name) that do."""
    found: dict[str, list[int | str]] = {}
    for tree in trees:
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            params = [a.arg for a in func.args.args if a.arg not in {"self", "cls"}]
            names = _locals(func)
            for call in ast.walk(func):
                if not (isinstance(call, ast.Call) and _name(call) in _MAKERS):
                    continue
                used = _reached(_text_args(call), names)
                for i, param in enumerate(params):
                    if param in used:
                        found.setdefault(func.name, []).extend([i, param])
    return found


def _reached(nodes: list[ast.expr], names: dict[str, list[ast.expr]]) -> set[str]:
    """Every name the expressions use, through the function's local variables."""
    seen: set[str] = set()
    todo = list(nodes)
    while todo:
        for part in ast.walk(todo.pop()):
            if isinstance(part, ast.Name) and part.id not in seen:
                seen.add(part.id)
                todo.extend(names.get(part.id, []))
    return seen


def worded_sites(root: Path = SRC) -> Iterator[Worded]:
    """Every error-making call outside ``language/`` whose words come from a word table.

    Parameters
    ----------
    root
        The package's source directory.

    Yields
    ------
    Worded
        In file and line order; calls with neither kind of helper are left out.
    """
    tables = _tables(root)
    files = [p for p in sorted(root.rglob("*.py")) if "language" not in p.relative_to(root).parts]
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in files]
    helpers = _helpers(trees)
    for path, tree in zip(files, trees, strict=True):
        imports = _imports(tree)
        scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for scope in scopes:
            scan_calls = [n for n in ast.walk(scope) if isinstance(n, ast.Call)]
            for call in scan_calls:
                if _innermost(scope, call, scopes) is not scope:
                    continue
                kind = _name(call)
                if kind in _MAKERS:
                    args = _text_args(call)
                elif kind in helpers:
                    spots = helpers[kind]
                    positions = {s for s in spots if isinstance(s, int)}
                    args = [a for i, a in enumerate(call.args) if i in positions]
                    args += [k.value for k in call.keywords if k.arg in spots]
                else:
                    continue
                scan = _Scan(tables, imports, scope)
                for arg in args:
                    scan.look(arg)
                if scan.swedish or scan.bilingual:
                    where = f"{path.relative_to(root).as_posix()}:{call.lineno}"
                    yield Worded(where, tuple(scan.swedish), scan.bilingual)


def _innermost(scope: ast.FunctionDef, call: ast.Call, scopes: list[ast.FunctionDef]) -> ast.AST:
    """The innermost function holding ``call`` (a nested function is its own scope)."""
    best: ast.AST = scope
    for other in scopes:
        if other is not scope and _inside(other, scope) and _inside(call, other):
            best = other
    return best


def _inside(node: ast.AST, outer: ast.AST) -> bool:
    end = getattr(outer, "end_lineno", None) or 0
    return outer.lineno <= node.lineno <= end and node is not outer  # type: ignore[attr-defined]

"""The shape of the package: imports point one way, a pint-free core, small modules.

Three structural rules of issue 9, checked over the source by AST (nothing is imported):

* **Import direction.** A module imports only from its own package or from a layer listed
  before its own in :data:`LAYERS` (the order the data flows). Every import counts: at the
  top, inside functions, under ``if TYPE_CHECKING:``. No module inside the package imports
  the root package (``import sociokalkyl`` or ``from sociokalkyl import x``); it imports the
  module that defines the name. The root ``__init__``/``__main__`` may import anything.
* **Pint-free core.** The numeric core (:data:`PINT_FREE`) imports neither pint nor pydantic:
  it sees plain floats and numpy arrays; units are converted at the compile boundary.
* **Sizes.** No module over :data:`MAX_MODULE_LINES` lines (data tables in
  :data:`DATA_TABLES` excepted), no function over :data:`MAX_FUNCTION_LINES` lines,
  counted from its ``def`` to its last line without its docstring.
* **Docs follow the code.** Every ``sociokalkyl.x.y`` that ``docs/*.md`` or the README
  imports or names in backticks exists, so a move cannot leave a stale path behind.

The rules are strict: there is no list of exceptions beyond :data:`DATA_TABLES` and the
input edge :data:`PINT_FREE_EDGES`, each with its reason.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sociokalkyl"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "_optional", "_atomic", "limits"),
    ("language",),
    ("units",),
    ("money",),
    ("finance",),
    ("model",),
    ("sources",),
    ("catalogue",),
    ("engine",),
    ("analysis",),
    ("uncertainty",),
    ("scenario",),
    ("examples",),
    ("report",),
    ("cli",),
)
"""The layers in the order the data flows; a module may import from its own layer and
the layers before it. The first layer is one layer of three small base modules."""

RANK = {name: rank for rank, layer in enumerate(LAYERS) for name in layer}
ROOT_MODULES = {"__init__.py", "__main__.py"}
"""The root package's own modules: they put the public API together and may import anything."""

PINT_FREE = (
    "finance/*.py",
    "engine/plan.py",
    "engine/project.py",
    "engine/profile.py",
    "engine/structure.py",
    "engine/log.py",
    "engine/parameters.py",
    "engine/bounds.py",
    "engine/lines.py",
    "engine/projection.py",
    "analysis/*.py",
    "uncertainty/*.py",
)
"""The numeric core: neither pint nor pydantic."""
PINT_FREE_EDGES = {
    "uncertainty/spec.py",
    "uncertainty/_base.py",
    "uncertainty/_beta_normal.py",
    "uncertainty/distributions.py",
}
"""The input edge of ``uncertainty/``: the distributions are pydantic models (they are what a
user writes in a scenario file's ``[uncertainty]`` table, with its schema and its errors),
and the spec that holds them. Their numerics live in the pint-free ``_special.py``;
``simulate`` and ``sensitivity`` only call ``Distribution.sample``/``ppf`` on plain arrays."""
FORBIDDEN_IN_CORE = {"pint", "pydantic", "pydantic_core"}
PLANNED_CORE = ("engine/plan.py", "engine/project.py", "engine/profile.py")
"""Pint-free modules of the engine that must exist (a rename would otherwise pass unseen)."""

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
DATA_TABLES: set[str] = set()
"""Modules that are data tables (labels, constants) and may be longer than the limit."""


@dataclass(frozen=True)
class Import:
    """One imported module name, as written, at one line of one source file."""

    path: str
    line: int
    module: str


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for file in sorted(PACKAGE.rglob("*.py")):
        relative = file.relative_to(PACKAGE).as_posix()
        yield relative, ast.parse(file.read_text(encoding="utf-8"), filename=str(file))


def _package_parts(path: str) -> list[str]:
    """The package a module's relative imports start from (for ``__init__`` too)."""
    return ["sociokalkyl", *path.split("/")[:-1]]


def _imports(path: str, tree: ast.Module) -> Iterator[Import]:
    """Every import in ``tree`` (at any depth), relative ones resolved to absolute names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_parts(path)
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # "from sociokalkyl import x" yields the root package itself, whatever x is
            yield Import(path, node.lineno, module)


def _top(path: str) -> str:
    return path.split("/")[0].removesuffix(".py")


Modules = Iterable[tuple[str, ast.Module]]


def import_offences(modules: Modules | None = None) -> set[str]:
    """Imports against the layer order, and imports of the root package."""
    offences: set[str] = set()
    for path, tree in modules if modules is not None else _modules():
        if path in ROOT_MODULES:
            continue
        own = _top(path)
        for imp in _imports(path, tree):
            parts = imp.module.split(".")
            if parts[0] != "sociokalkyl":
                continue
            if len(parts) == 1:
                offences.add(f"root-import:{path}")
                continue
            target = parts[1]
            if target == own:
                continue
            if target not in RANK or own not in RANK:
                offences.add(f"unknown-layer:{path}->{target}")
            elif RANK[target] > RANK[own]:
                offences.add(f"import:{path}->{target}")
    return offences


def pint_offences() -> set[str]:
    """Modules of the numeric core that import pint or pydantic, and core modules missing."""
    offences: set[str] = set()
    for path, tree in _modules():
        if path in PINT_FREE_EDGES or not any(Path(path).match(pattern) for pattern in PINT_FREE):
            continue
        for imp in _imports(path, tree):
            if imp.module.split(".")[0] in FORBIDDEN_IN_CORE:
                offences.add(f"pint-free:{path}")
    offences |= {f"missing:{path}" for path in PLANNED_CORE if not (PACKAGE / path).exists()}
    return offences


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.AST]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{node.name}"
            yield name, node
            yield from _functions(node, f"{name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")
        else:
            yield from _functions(node, prefix)


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """A function's length from its ``def`` to its last line, its docstring not counted.

    The numpydoc docstring (parameters, formula, example) is documentation the issue asks
    for; counting it would punish a function for being explained.
    """
    length = (node.end_lineno or node.lineno) - node.lineno + 1
    first = node.body[0] if node.body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        length -= (first.end_lineno or first.lineno) - first.lineno + 1
    return length


def size_offences() -> set[str]:
    """Modules over the line limit and functions over theirs."""
    offences: set[str] = set()
    for path, tree in _modules():
        lines = len((PACKAGE / path).read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES and path not in DATA_TABLES:
            offences.add(f"size:{path}")
        for name, node in _functions(tree):
            assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if _code_lines(node) > MAX_FUNCTION_LINES:
                offences.add(f"function:{path}::{name}")
    return offences


def test_every_top_level_module_has_a_layer() -> None:
    tops = {_top(path) for path, _ in _modules()} - {"__init__", "__main__", "data"}
    assert tops <= set(RANK), f"give these a layer in LAYERS: {sorted(tops - set(RANK))}"


def test_imports_point_down_the_layers() -> None:
    new = sorted(import_offences())
    order = " < ".join(", ".join(layer) for layer in LAYERS)
    assert not new, (
        f"{new}: a module imports from a later layer or the root package; import the "
        f"defining module of an earlier layer instead (order: {order})"
    )


def test_numeric_core_is_pint_and_pydantic_free() -> None:
    new = sorted(pint_offences())
    assert not new, f"{new}: the numeric core sees floats; convert units at the compile boundary"


def test_modules_and_functions_stay_small() -> None:
    new = sorted(size_offences())
    assert not new, (
        f"{new}: split modules over {MAX_MODULE_LINES} lines and functions over "
        f"{MAX_FUNCTION_LINES} lines into smaller ones"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from sociokalkyl.cli.main import main", {"import:units/x.py->cli"}),
        ("from sociokalkyl import money", {"root-import:units/x.py"}),
        ("import sociokalkyl", {"root-import:units/x.py"}),
        ("def f():\n    from sociokalkyl.report import tables", {"import:units/x.py->report"}),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import sociokalkyl.engine",
            {"import:units/x.py->engine"},
        ),
        ("from . import parse\nfrom .registry import ureg\nimport numpy", set()),
        ("from sociokalkyl.errors import UnitError", set()),
        ("from ..engine import Plan", {"import:units/x.py->engine"}),
    ],
)
def test_import_checker_sees_every_import(source: str, expected: set[str]) -> None:
    assert import_offences([("units/x.py", ast.parse(source))]) == expected


# --- the docs name modules and functions that exist ---------------------------------------
DOCS = [*sorted((PACKAGE.parents[1] / "docs").glob("*.md")), PACKAGE.parents[1] / "README.md"]
_FROM_IMPORT = re.compile(r"^\s*from (sociokalkyl(?:\.\w+)*) import (\([^)]*\)|[^\n]+)", re.M)
_DOTTED = re.compile(r"(?:`|python -m )(sociokalkyl(?:\.\w+)+)")


def _resolve(dotted: str) -> bool:
    """Whether ``a.b.c`` is a module, or an attribute of the longest importable prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


def doc_references() -> Iterator[tuple[str, str]]:
    """Every ``sociokalkyl.x.y`` a doc names in an import or in backticks, by doc file."""
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for module, names in _FROM_IMPORT.findall(text):
            for name in names.strip("()").split("#")[0].split(","):
                if name.strip():
                    yield doc.name, f"{module}.{name.split(' as ')[0].strip()}"
        for dotted in _DOTTED.findall(text):
            yield doc.name, dotted


def test_docs_name_what_exists() -> None:
    missing = sorted({f"{doc}: {ref}" for doc, ref in doc_references() if not _resolve(ref)})
    assert not missing, f"{missing}: the docs name modules or functions that do not exist"

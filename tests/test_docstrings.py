"""Every public function and class is documented the numpydoc way (issue 9, point 8).

Public means: at the top level of a module whose path has no part starting with ``_``
(``__init__.py`` aside), and listed in the module's ``__all__`` when it has one. A
function that takes arguments has a ``Parameters`` section; everything public has an
example (an ``Examples`` section or a ``>>>`` line), and the suite runs those examples as
doctests (``--doctest-modules`` in pyproject.toml), so an example that no longer runs fails.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sociokalkyl"


def _public(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.ClassDef]:
    exported: set[str] | None = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            exported = set(ast.literal_eval(node.value))
    for node in tree.body:
        public = not node.name.startswith("_") if hasattr(node, "name") else False
        listed = exported is None or getattr(node, "name", "") in exported
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and public and listed:
            yield node


def _missing() -> list[str]:
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if any(part.startswith("_") and part != "__init__.py" for part in relative.parts):
            continue
        for node in _public(ast.parse(path.read_text(encoding="utf-8"))):
            doc = ast.get_docstring(node) or ""
            takes_arguments = isinstance(node, ast.FunctionDef) and bool(
                node.args.args or node.args.kwonlyargs or node.args.vararg or node.args.kwarg
            )
            if takes_arguments and "Parameters\n" not in doc:
                missing.append(f"{relative}::{node.name}: no Parameters section")
            if "Examples\n" not in doc and ">>>" not in doc:
                missing.append(f"{relative}::{node.name}: no example")
    return missing


def test_every_public_function_and_class_has_parameters_and_an_example() -> None:
    missing = _missing()
    assert not missing, "document these the numpydoc way:\n" + "\n".join(missing)


def test_the_check_sees_the_public_api() -> None:
    """The walk finds the public names (a broken walk would pass the test above vacuously)."""
    names = {
        node.name
        for path in PACKAGE.rglob("*.py")
        for node in _public(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert {"npv", "evaluate", "compile_plan", "Result", "break_even", "load_scenario"} <= names
    assert len(names) > 150

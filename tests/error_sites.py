"""Every error message the package can raise, found by reading its source (an AST scan).

A *site* is a call that makes an error a user can see: ``raise InputError(...)`` and its
kin, ``Problem(...)``, ``unknown_name(...)``, ``ValueError(...)`` and
``PydanticCustomError(...)`` (pydantic validators: the scenario loader shows their
text). Its message and ``expected=`` are read where they are a str literal or an
f-string; each formatted value is filled with a plausible placeholder (a number or a
name, chosen from the expression), in a few variants, so that a translation written for
numbers or for quoted names can match. Used by ``tests/test_error_coverage.py``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

SRC = Path(__file__).resolve().parents[1] / "src" / "sociokalkyl"

ERROR_CLASSES = frozenset(
    {
        "SociokalkylError",
        "InputError",
        "UnitError",
        "PriceYearError",
        "CalculationError",
        "DataSourceError",
        "ScbNetworkError",
        "CatalogueKeyError",
        "MissingDependency",
        "ValueError",
    }
)
"""Calls whose first argument is the message and whose ``expected=`` is what was expected."""

_NUMERIC = re.compile(
    r"year|(^|_)n($|_)|count|limit|max|min|len\(|size|line|row|horizon|low|high|mode|"
    r"draws|bytes|rate|share|depth|level|number|percent|amount|total|index|first|last|"
    r"start|end|got|value|MAX|MIN|LIMIT|\d",
)
"""An expression whose value is most likely a number (by its name)."""


@dataclass(frozen=True)
class Site:
    """One call that makes an error: where it is, and its texts as samples.

    Attributes
    ----------
    where
        ``path/to/module.py:line``.
    kind
        The name of the call (``InputError``, ``Problem``, ...).
    messages, expected
        The message and what was expected, each as sample texts (variants); empty
        when not written as a literal at the call.
    """

    where: str
    kind: str
    messages: tuple[str, ...]
    expected: tuple[str, ...]


_CONSTANTS: dict[str, str] = {}
"""The module-level text constants of the module being scanned (``_OFFLINE_HINT``)."""


def _constants(tree: ast.Module) -> dict[str, str]:
    found = {}
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = getattr(node, "value", None)
        constant = isinstance(value, ast.Constant) and isinstance(value.value, str)
        if isinstance(target, ast.Name) and constant:
            found[target.id] = value.value  # type: ignore[union-attr]
    return found


def _placeholder(node: ast.FormattedValue, variant: str) -> str:
    if isinstance(node.value, ast.Name) and node.value.id in _CONSTANTS and not node.format_spec:
        text = _CONSTANTS[node.value.id]
        return repr(text) if node.conversion == ord("r") else text
    source = ast.unparse(node.value)
    spec = ast.unparse(node.format_spec) if node.format_spec is not None else ""
    numeric = variant == "number" or (variant == "guess" and bool(spec or _NUMERIC.search(source)))
    if numeric:
        spec_text = "".join(
            v.value for v in getattr(node.format_spec, "values", []) if isinstance(v, ast.Constant)
        )
        try:
            return format(0.035 if "%" in spec_text else 12, spec_text)
        except (ValueError, TypeError):
            return "12"
    text = "kommun"
    return repr(text) if node.conversion == ord("r") else text


def _texts(node: ast.expr | None, variant: str) -> str | None:
    """The text of a str literal, an f-string or a ``+`` of them; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                parts.append(_placeholder(value, variant))
        return "".join(parts)
    if isinstance(node, ast.IfExp):  # the first of the two texts
        return _texts(node.body, variant)
    if isinstance(node, ast.BoolOp):  # hint or "a catalogue key ...": the text written
        return next(filter(None, (_texts(v, variant) for v in node.values)), None)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _texts(node.left, variant), _texts(node.right, variant)
        if left is None and right is None:
            return None
        if isinstance(node.right, ast.Call) and _name(node.right) == "did_you_mean":
            return None if left is None else left + "; did you mean 'kommun'?"
        # "valid " + fmt.upper(): the part that is not text is a value filled in
        filled = ast.FormattedValue(value=node.right, conversion=-1, format_spec=None)
        return (left or _placeholder(filled, variant)) + (right or _placeholder(filled, variant))
    return None


def _samples(node: ast.expr | None) -> tuple[str, ...]:
    found = [_texts(node, variant) for variant in ("guess", "number", "name")]
    return tuple(dict.fromkeys(text for text in found if text is not None))


def _name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _site(call: ast.Call, where: str) -> Site | None:
    kind = _name(call)
    if kind in ERROR_CLASSES or kind == "PydanticCustomError":
        index = 1 if kind == "PydanticCustomError" else 0
        message = call.args[index] if len(call.args) > index else _keyword(call, "message")
        samples = _samples(message)
        if kind == "PydanticCustomError":  # its {name}s are pydantic's, filled from context
            samples = tuple(re.sub(r"\{\w+\}", "12", text) for text in samples)
        return Site(where, kind, samples, _samples(_keyword(call, "expected")))
    if kind == "Problem":
        message = call.args[2] if len(call.args) > 2 else _keyword(call, "message")
        expected = call.args[6] if len(call.args) > 6 else _keyword(call, "expected")
        return Site(where, kind, _samples(message), _samples(expected))
    if kind == "_NetworkFailure" and len(call.args) >= 2:  # Kolada: "what; advice"
        whats, advices = _samples(call.args[0]), _samples(call.args[1])
        return Site(where, kind, tuple(f"{w}; {a}" for w in whats for a in advices), ())
    if kind == "unknown_name" and len(call.args) >= 3:
        what = _samples(call.args[2])
        messages = tuple(f"is not {w}; did you mean 'kommun'?" for w in what)
        return Site(where, kind, messages, _samples(_keyword(call, "expected")))
    return None


@dataclass(frozen=True)
class _Helper:
    """A function that makes an error from its parameters: where its message goes in."""

    message: int
    message_name: str
    expected: int | None
    expected_name: str | None
    what: bool = False
    """The parameter is ``unknown_name``'s ``what``: the message is ``is not <what>``."""


def _helpers(trees: list[ast.Module]) -> dict[str, _Helper]:
    """Functions (``reader.error(row, col, message, ...)``) that pass a parameter on as
    the message of an error they make; their callers hold the texts."""
    found: dict[str, _Helper] = {}
    for tree in trees:
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            names = [a.arg for a in func.args.args if a.arg not in {"self", "cls"}]
            for call in ast.walk(func):
                if not isinstance(call, ast.Call):
                    continue
                what = call.args[2] if len(call.args) > 2 else None
                if (
                    _name(call) == "unknown_name"
                    and isinstance(what, ast.Name)
                    and what.id in names
                ):
                    found[func.name] = _Helper(names.index(what.id), what.id, None, None, True)
                if _name(call) not in ERROR_CLASSES:
                    continue
                first = call.args[0] if call.args else _keyword(call, "message")
                if isinstance(first, ast.Name) and first.id in names:
                    expected = _keyword(call, "expected")
                    given = expected.id if isinstance(expected, ast.Name) else None
                    given = given if given in names else None
                    found[func.name] = _Helper(
                        names.index(first.id),
                        first.id,
                        names.index(given) if given else None,
                        given,
                    )
    return found


def _helper_site(call: ast.Call, helper: _Helper, where: str) -> Site | None:
    if len(call.args) > helper.message:
        message = call.args[helper.message]
    else:
        message = _keyword(call, helper.message_name)
    expected = None
    if helper.expected is not None and len(call.args) > helper.expected:
        expected = call.args[helper.expected]
    elif helper.expected_name:
        expected = _keyword(call, helper.expected_name)
    messages = _samples(message)
    if helper.what:
        messages = tuple(f"is not {text}; did you mean 'kommun'?" for text in messages)
    site = Site(where, "InputError", messages, _samples(expected))
    return site if site.messages or site.expected else None


def error_sites(root: Path = SRC) -> Iterator[Site]:
    """Every error-making call under ``root`` (``language/`` holds words, not errors).

    A call of a helper that makes an error from its parameters (``reader.error(row, col,
    "is not a number", ...)``) counts as a site too, with the caller's texts.

    Parameters
    ----------
    root
        The package's source directory.

    Yields
    ------
    Site
        In file and line order.
    """
    files = [
        p for p in sorted(root.rglob("*.py")) if not _relative(p, root).startswith("language/")
    ]
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in files]
    helpers = _helpers(trees)
    for path, tree in zip(files, trees, strict=True):
        relative = _relative(path, root)
        _CONSTANTS.clear()
        _CONSTANTS.update(_constants(tree))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                where = f"{relative}:{node.lineno}"
                site = _site(node, where)
                name = _name(node)
                if site is None and name in helpers:
                    site = _helper_site(node, helpers[name], where)
                if site is not None:
                    yield site


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


class _Sub(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: int


class _A(BaseModel):
    kind: Literal["a"]


class _B(BaseModel):
    kind: Literal["b"]


PYDANTIC_CASES: list[tuple[Any, Any]] = [
    (int, "x"),
    (int, 1.5),
    (int, [1]),
    (float, "x"),
    (float, [1]),
    (Annotated[float, Field(allow_inf_nan=False)], float("inf")),
    (bool, "kanske"),
    (bool, [1]),
    (str, 5),
    (Annotated[str, Field(min_length=1)], ""),
    (Annotated[str, Field(max_length=2)], "abcd"),
    (Annotated[list[int], Field(min_length=1)], []),
    (Annotated[list[int], Field(max_length=1)], [1, 2]),
    (list[int], 5),
    (dict[str, int], 5),
    (_Sub, 5),
    (_Sub, {}),
    (_Sub, {"a": 1, "b": 2}),
    (Literal["x", "y"], "z"),
    (Literal["x"], "z"),
    (Annotated[int, Field(gt=0)], 0),
    (Annotated[int, Field(ge=1)], 0),
    (Annotated[int, Field(lt=0)], 1),
    (Annotated[int, Field(le=0)], 1),
    (Annotated[float, Field(multiple_of=2)], 3),
    (set[int], 5),
    (tuple[int, int], [1]),
    (tuple[int, int], 5),
    (None, 5),
    (Annotated[str, Field(pattern="^a$")], "b"),
    (Annotated[_A | _B, Field(discriminator="kind")], {"kind": "c"}),
    (Annotated[_A | _B, Field(discriminator="kind")], {}),
]
"""Inputs that make pydantic's commonest error types (missing, extra_forbidden,
int_parsing, float_parsing, literal_error, string_type, too_short, too_long, ...)."""


def pydantic_messages() -> list[tuple[str, str]]:
    """(type, message) of each error pydantic gives for :data:`PYDANTIC_CASES`."""
    found = []
    for kind, value in PYDANTIC_CASES:
        try:
            TypeAdapter(kind).validate_python(value)
        except ValidationError as exc:
            found += [(str(e["type"]), str(e["msg"])) for e in exc.errors(include_url=False)]
    return found


ENGLISH = frozenset(
    (
        "a",
        "about",
        "above",
        "after",
        "already",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "been",
        "before",
        "below",
        "between",
        "but",
        "by",
        "can",
        "cannot",
        "check",
        "could",
        "did",
        "does",
        "e.g",
        "e.g.",
        "each",
        "either",
        "empty",
        "exactly",
        "expected",
        "file",
        "for",
        "found",
        "from",
        "give",
        "given",
        "got",
        "has",
        "have",
        "if",
        "instead",
        "invalid",
        "is",
        "it",
        "its",
        "least",
        "less",
        "mean",
        "missing",
        "more",
        "most",
        "must",
        "need",
        "needs",
        "no",
        "not",
        "of",
        "one",
        "only",
        "or",
        "please",
        "read",
        "required",
        "should",
        "such",
        "than",
        "that",
        "the",
        "there",
        "this",
        "to",
        "too",
        "try",
        "unknown",
        "use",
        "was",
        "were",
        "when",
        "where",
        "which",
        "with",
        "without",
        "write",
        "you",
        "your",
    )
)
"""Common English words of the library's messages; none of them is a Swedish word.

("in" and "be" are left out: Swedish has them too, as in "skriv in" and "be om".)"""

_QUOTED = re.compile(
    r"(?<!\w)'[^'\n]*'(?!\w)|\"[^\"\n]*\"|`[^`\n]*`|\{[^{}\n]*\}|\w+\([^()\n]*\)|\w ~ \w"
)
"""A quoted or braced part, or code (``Group(name, before, ...)``, ``a ~ b``): a name,
a value, an example to copy, shown as it is."""


def english_words(text: str) -> list[str]:
    """The common English words of ``text`` outside its quoted and braced parts.

    Examples
    --------
    >>> english_words("är inte ett tal (fick 'the'); väntat: t.ex. 12")
    []
    >>> english_words("is not a number")
    ['a', 'is', 'not']
    """
    bare = _QUOTED.sub(" ", text)
    tokens = re.findall(r"[\w.\-/\[\]]+", bare)
    return sorted({t for t in tokens if t.lower().rstrip(".") in ENGLISH or t.lower() in ENGLISH})

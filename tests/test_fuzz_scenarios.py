"""The fuzz suite of issue 15: 10 000+ generated or mutated scenario files per CI run.

Every case is a file (TOML, YAML, JSON or an xlsx template) that goes through
``sociokalkyl.cli.main(argv)`` in-process, with ``validate`` or ``run`` (``--format
json`` mostly). Each run must:

- end with exit code 0, 1 or 2, and say why on stderr when it is not 0;
- print no traceback, no "internal error", no bare Python exception (the CLI's
  ``error: ValueError: ... (run with --debug for details)`` fallback is a bug reaching
  the user), and no warning (numpy overflow warnings reach stderr outside pytest);
- on exit 0 with ``--format json``: only finite numbers (no ``NaN``/``Infinity``);
- metamorphic: the same amount in another Swedish notation (tkr, no-break spaces as
  thousands separators, "kronor/månad" for "kr/mån") gives the same exit code and the
  same NPV bit for bit: a decimal in tkr ("75,25 tkr") is scaled to kronor in decimal
  arithmetic (``sociokalkyl.units.convert.in_kronor``), not by a binary multiplication.

The number of cases comes from the hypothesis profile (tests/conftest.py,
docs/fuzzing.md); under ``ci`` the session checks that at least 10 000 ran.

``FORMER_FAILURES`` keeps the minimal reproducers of what the fuzz found before the
fixes of issue 15 landed, as regression tests: each must now be refused cleanly.
"""

from __future__ import annotations

import atexit
import copy
import gc
import io
import json
import math
import os
import re
import shutil
import tempfile
import tomllib
import warnings
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import sociokalkyl.examples
from conftest import count_fuzz_case, fuzz_examples
from sociokalkyl.cli import main
from sociokalkyl.scenario.excel import write_template
from sociokalkyl.scenario.model import json_schema
from sociokalkyl.scenario.read import dumps_toml, parse_scenario, scenario_data

EXAMPLE_NAMES = ("servicetrainee", "skolfam", "seniorer_ostersund")
EXAMPLE_TEXT = {
    name: (resources.files("sociokalkyl") / "examples" / f"{name}.toml").read_text("utf-8")
    for name in EXAMPLE_NAMES
}
EXAMPLE_DATA = {name: scenario_data(parse_scenario(text)) for name, text in EXAMPLE_TEXT.items()}
SCENARIO_NAMES = {name: sorted(data.get("scenarios", {})) for name, data in EXAMPLE_DATA.items()}
WORK = Path(tempfile.mkdtemp(prefix="sociokalkyl-fuzz-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
# SOCIOKALKYL_FUZZ_COLLECT=failures.jsonl: write every failure to that file instead of
# stopping at the first (a survey of what the fuzz finds; docs/fuzzing.md).
COLLECT = os.environ.get("SOCIOKALKYL_FUZZ_COLLECT", "")

# The tests counted by the session (conftest.py checks >= 10 000 cases when all passed).
FUZZ_TESTS = (
    "test_fuzz_mutated_scenarios",
    "test_fuzz_mutated_text",
    "test_fuzz_generated_documents",
    "test_fuzz_mutated_templates",
    "test_fuzz_notation_gives_the_same_npv",
)


def fuzz(weight: int) -> settings:
    """Settings of a fuzz test: ``weight`` units of the profile's fuzz budget."""
    return settings(max_examples=fuzz_examples(weight))


# --- what the fuzz found before the fixes of issue 15 (regression tests) ---------------------


@dataclass(frozen=True)
class Former:
    """A failure the fuzz found, fixed since: a minimal reproducer and how it failed."""

    name: str
    was: str  # how it failed before the fix
    suffix: str
    content: str
    argv: tuple[str, ...] = ("validate",)


FORMER_FAILURES: tuple[Former, ...] = (
    Former("index-like-key", "internal error: IndexError", ".json", '{"[0]": []}'),
    Former(
        "unbalanced-parenthesis",
        "internal error: TokenError",
        ".toml",
        '[[intervention.effects]]\nchange = "50 000 kr)"\n',
    ),
    Former(
        "unit-in-effect-multiplier",
        "internal error: AssertionError from pint",
        ".toml",
        EXAMPLE_TEXT["skolfam"][: EXAMPLE_TEXT["skolfam"].index("[uncertainty]")]
        + '[uncertainty]\neffect_multiplier = { value = "9 135", unit = "kr/mån" }\n',
    ),
    Former(
        "overflow-warning",
        "numpy's overflow warning on stderr, then 'values[0, 2] is not a finite number'",
        ".toml",
        EXAMPLE_TEXT["seniorer_ostersund"].replace(
            "profile = [1.0, 1.3, 1.6, 1.9, 2.2]", "profile = [1.0, 1.3, 1.7e308, 1.9, 2.2]"
        ),
        ("run",),
    ),
    Former(
        "boolean-as-number",
        "intake = [true] ran as one participant (exit 0)",
        ".toml",
        EXAMPLE_TEXT["servicetrainee"].replace("intake = [30]", "intake = [true]"),
        ("run",),
    ),
)

# --- running one case ------------------------------------------------------------------------


@dataclass
class Outcome:
    """What ``main(argv)`` did with one file."""

    argv: list[str]
    code: int | None
    out: str
    err: str
    problem: str  # empty when the run obeys the rules above


RAW_EXCEPTION = re.compile(
    r"(?:error|fel): \w+(Error|Exception|Warning)\b.*\n\((?:run with|kör med) --debug"
)
"""The CLI's fallback for an unexpected exception, in English or (the default) Swedish."""
INTERNAL = re.compile(r"internal error|internt fel")


def json_numbers(value: Any, where: str = "") -> list[str]:
    """Paths of the non-finite numbers in a parsed JSON document."""
    if isinstance(value, float) and not math.isfinite(value):
        return [where or "(top)"]
    if isinstance(value, dict):
        return [bad for key, item in value.items() for bad in json_numbers(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [bad for i, item in enumerate(value) for bad in json_numbers(item, f"{where}[{i}]")]
    return []


def problem_of(argv: list[str], code: Any, out: str, err: str, caught: list[str]) -> str:
    """The first broken rule, as text ('' when none)."""
    text = out + err
    if code not in (0, 1, 2):
        return f"exit code {code!r}"
    if "Traceback" in text:
        return "traceback: " + text[text.find("Traceback") :][-600:]
    internal = INTERNAL.search(text)
    if internal:
        return "internal error: " + text[internal.start() :][:600]
    match = RAW_EXCEPTION.search(text)
    if match:
        return "raw exception: " + text[match.start() :][:600]
    if caught:
        return "warning: " + caught[0]
    if code != 0 and not err.strip():
        return "a failure that says nothing on stderr"
    if code == 0 and "json" in argv and argv[0] == "run":
        try:
            document = json.loads(out, parse_constant=lambda name: float(name))
        except ValueError as exc:
            return f"exit 0 but the JSON output does not parse: {exc}"
        bad = json_numbers(document)
        if bad:
            return "non-finite number in the output at " + ", ".join(bad[:5])
    return ""


SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def schema_problem(content: str, suffix: str) -> str:
    """A file the loader accepted must validate against ``sociokalkyl schema`` ('' if so)."""
    try:
        if suffix == ".toml":
            data = tomllib.loads(content)
        elif suffix == ".json":
            data = json.loads(content)
        elif suffix in (".yaml", ".yml"):
            data = yaml.safe_load(content)
        else:
            return ""
    except Exception:  # the loader read it its own way (e.g. YAML with aliases): not ours
        return ""
    error = jsonschema.exceptions.best_match(SCHEMA_VALIDATOR.iter_errors(data))
    if error is None:
        return ""
    where = "/".join(str(part) for part in error.absolute_path)
    return f"accepted by the loader but not by the JSON Schema at {where}: {error.message[:300]}"


def run_main(argv: list[str]) -> Outcome:
    """Run the CLI in-process; warnings are recorded (pytest would raise them).

    A ResourceWarning is not counted: it comes when the garbage collector gets to an
    unclosed file, which may be during a later case (an unreadable workbook leaves its
    file open: openpyxl does not close it when it raises; reported in issue 15's notes).
    """
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        try:
            with redirect_stdout(out), redirect_stderr(err):
                code: Any = main(argv)
        except BaseException as exc:  # main must never raise: say what it raised
            code = f"raised {type(exc).__name__}: {exc}"
        if argv[-1].endswith(".xlsx"):
            gc.collect()  # here, where the warning is recorded, not in another test
    caught = [
        f"{r.category.__name__}: {r.message}"
        for r in records
        if not issubclass(r.category, ResourceWarning)
    ]
    text_out, text_err = out.getvalue(), err.getvalue()
    return Outcome(
        argv, code, text_out, text_err, problem_of(argv, code, text_out, text_err, caught)
    )


def shown(content: str | bytes) -> str:
    if isinstance(content, bytes):
        return f"<{len(content)} bytes>"
    return content if len(content) < 4000 else content[:4000] + "\n... (cut)"


def check_case(content: str | bytes, suffix: str, argv: list[str]) -> Outcome:
    """Write ``content``, run ``main([*argv, file])``, assert the rules; the outcome."""
    count_fuzz_case()
    path = WORK / f"case{suffix}"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8", errors="surrogatepass")
    outcome = run_main([*argv, str(path)])
    if outcome.code == 0 and not outcome.problem and isinstance(content, str):
        outcome.problem = schema_problem(content, suffix)
    if outcome.problem and COLLECT:  # a survey: write the failure down, go on
        with open(COLLECT, "a", encoding="utf-8") as log:
            line = {"problem": outcome.problem, "argv": argv, "suffix": suffix}
            line["content"] = content if isinstance(content, str) else content.hex()
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
        return outcome
    if outcome.problem:
        raise AssertionError(
            f"{outcome.problem}\n--- command: sociokalkyl {' '.join(argv)} case{suffix}\n"
            f"--- file:\n{shown(content)}"
        )
    return outcome


commands = st.sampled_from(
    [
        ["validate"],
        ["validate"],
        ["validate", "--json"],
        ["run", "--format", "json"],
        ["run", "--format", "json"],
        ["run", "--format", "json"],
        ["run", "--format", "json", "--lang", "en"],
        ["run"],
        ["run", "--format", "md"],
        ["run", "--format", "csv"],
        ["run", "--format", "json", "--draws", "3", "--seed", "1"],
    ]
)


def with_scenario(argv: list[str], example: str, pick: int) -> list[str]:
    """``argv`` with ``--scenario`` for one ``run`` in four, when the example has some."""
    names = SCENARIO_NAMES[example]
    if argv[0] == "run" and names and pick % 4 == 0:
        return [*argv, "--scenario", names[pick % len(names)]]
    return argv


# --- hostile values ----------------------------------------------------------------------------

HOSTILE_STRINGS = [
    "",
    " ",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e400",
    "-1e400",
    "1e-400",
    "1e308 kr/mån",
    "26000%",
    "50 %",
    "-50 %",
    "1e400 %",
    "50000 kr/%",
    "50 000 kr(",
    "50 000 kr)",
    "50 000,- kr",
    "50 000:- kr",
    "12 000 kr",
    "12,000",
    "0,0,0",
    "3,5 %",
    "−5 kr",  # a Unicode minus
    "５０ kr",  # full-width digits
    "1_000 kr",
    "0x10",
    "1 000 000 000 000 000 000 000 000 kr",
    "12 tkr/mån",
    "3 mnkr/år",
    "13 mån/år",
    "25 tim/dygn",
    "-4,9 mån/år",
    "10 mån/år/år",
    "2,5 tim/vecka",
    "7 149 kr/km",
    "kr",
    "%",
    "mån",
    "asek",
    "green_book",
    "kommun",
    "individ",
    "relative",
    "absolute",
    "one_off",
    "per_participant",
    "per_year",
    "S2",
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(1)",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "\x1b[31mröd\x1b[0m",
    "a\x00b",
    "\x07\x08\x0b\x0c",
    "\u202e",
    "\ud800",
    "ekonomiskt_bistand",
    "effects[1].change",
    "{0}",
    "%s%n",
]
hostile_numbers = st.one_of(
    st.sampled_from(
        [0, -1, 1, 2, 10**9, -(10**9), 10**12, 10**18, 2**63, -(2**63), 10**30, 0.5, -0.99, 0.99]
    ),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),  # NaN and the infinities included
    st.floats(min_value=-1e6, max_value=1e6),
)
hostile_scalars = st.one_of(
    hostile_numbers,
    st.sampled_from(HOSTILE_STRINGS),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8", max_codepoint=0x3000), max_size=8),
)


# Around MAX_JSON_DEPTH (64). Deeper ones are correct too but slow: PyYAML takes 2-3 s to
# refuse 5 000 levels (it recurses until Python's limit); tests/test_cli_fuzz.py has one.
DEPTHS = [30, 70, 200]


def nested(depth: int, leaf: Any, kind: str) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value] if kind == "list" else {"x": value}
    return value


hostile_values = st.one_of(
    hostile_scalars,
    st.lists(hostile_scalars, max_size=4),
    st.dictionaries(
        st.sampled_from(["value", "unit", "kind", "low", "high", "x"]), hostile_scalars, max_size=3
    ),
    st.builds(nested, st.sampled_from(DEPTHS), hostile_scalars, st.sampled_from(["list", "dict"])),
    st.just({"value": "9 135", "unit": "kr/mån"}),
    st.just({"kind": "uniform", "low": -0.99, "high": 0.99}),
    st.just({"[0]": 1}),
)


# --- mutating the examples' data ---------------------------------------------------------------


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``data`` (dict keys and list indices)."""
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += paths(value, (*prefix, index))
    return out


EXAMPLE_PATHS = {name: paths(data) for name, data in EXAMPLE_DATA.items()}
ACTIONS = ["perturb"] * 4 + ["replace"] * 3 + ["delete", "rename", "duplicate", "add", "wrap"]
NUMBER = re.compile(r"-?\d[\d ]*(?:,\d+)?")
# Valid-looking numbers at every scale: "perturb" puts them where the example has a number,
# so that many mutated files still run (exit 0) and their output is checked.
extreme_numbers = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.sampled_from([0, 1e-300, 1e15, 1e100, 1e200, 1e300, 1.7e308, -1e15, -1e300, 0.999999]),
    st.floats(-1e308, 1e308, allow_nan=False),
)


def perturbed(current: Any, number: float) -> Any:
    """``current`` with its number replaced by ``number`` (the text around kept)."""
    if isinstance(current, bool) or not isinstance(current, (int, float, str)):
        return current
    if isinstance(current, int):
        return int(number) if abs(number) < 2**63 else number
    if isinstance(current, float):
        return float(number)
    swedish = f"{number:.6g}".replace(".", ",")
    return NUMBER.sub(lambda _: swedish, current, count=1)


def follow(data: Any, path: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """The parent of ``path`` in ``data`` and the last key, if the path still exists."""
    parent = data
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    last = path[-1]
    if isinstance(parent, dict) and last in parent:
        return parent, last
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        return parent, last
    return None


MONEY_KEYS = ("amount", "unit_cost")


def must_refuse(original: Any, value: Any, key: Any) -> str:
    """Why a file with ``value`` in place of ``original`` must not run ('' if it may).

    A boolean or a non-finite number where the example has a number, and a percent in
    an amount of money, are wrong types: silently taking them gives a wrong number.
    """
    number = isinstance(original, (int, float)) and not isinstance(original, bool)
    if number and isinstance(value, bool):
        return f"a boolean ({value}) accepted where a number belongs"
    if number and isinstance(value, float) and not math.isfinite(value):
        return f"a non-finite number ({value}) accepted"
    if key in MONEY_KEYS and isinstance(value, str) and "%" in value and original != value:
        return f"a percent ({value!r}) accepted as an amount of money"
    return ""


def mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> str:
    """Apply one mutation in place (a no-op when an earlier one removed the path).

    Returns why the mutated file must be refused, if it must (:func:`must_refuse`).
    """
    found = follow(data, path)
    if found is None:
        return ""
    parent, last = found
    value = copy.deepcopy(value)  # st.just() values are shared: never build a cycle
    if action == "replace":
        reason = must_refuse(parent[last], value, last)
        parent[last] = value
        return f"{reason} at {path_text(path)}" if reason else ""
    if action == "delete":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{last}_okänd"] = parent.pop(last)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif action == "duplicate" and isinstance(parent, dict):
        parent[f"{last}2"] = copy.deepcopy(parent[last])
    elif action == "add" and isinstance(parent[last], dict):
        parent[last]["okänd_nyckel"] = value
    elif action == "perturb":
        parent[last] = perturbed(parent[last], value if isinstance(value, float) else 0.5)
    elif action == "wrap":
        parent[last] = [parent[last]]
    else:
        parent[last] = value
    return ""


def path_text(path: tuple[Any, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)[1:]


def depth(data: Any) -> int:
    """How deeply ``data`` nests (iteratively: the values may be deeper than the stack)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(value, dict):
            stack += [(item, level + 1) for item in value.values()]
        elif isinstance(value, list):
            stack += [(item, level + 1) for item in value]
    return deepest


def serialise(data: Any, fmt: str) -> tuple[str, str]:
    """``data`` as a file of format ``fmt``; JSON when TOML cannot hold it (null, ...)."""
    if fmt == "toml" and depth(data) < 40:  # dumps_toml is quadratic in the depth
        try:
            return dumps_toml(data), ".toml"
        except (ValueError, TypeError, RecursionError):
            fmt = "json"
    if fmt == "yaml":
        try:
            return str(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)), ".yaml"
        except (ValueError, TypeError, RecursionError, yaml.YAMLError):
            fmt = "json"
    try:
        return json.dumps(data, ensure_ascii=False), ".json"
    except (ValueError, RecursionError):
        return json.dumps({"intervention": None}), ".json"


def duplicate_a_key(text: str, suffix: str, line: int) -> str:
    """``text`` with one ``key = value`` (``key: value``) line written twice."""
    lines = text.splitlines(keepends=True)
    marker = {".toml": " = ", ".yaml": ": "}.get(suffix)
    if marker is None:  # JSON: the first key of the first object, twice
        return text.replace("{", '{"settings": {}, ', 1) if text.startswith("{") else text
    candidates = [i for i, item in enumerate(lines) if marker in item and not item.startswith(" -")]
    if not candidates:
        return text
    i = candidates[line % len(candidates)]
    return "".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])


@fuzz(27)
@given(
    example=st.sampled_from(EXAMPLE_NAMES),
    mutations=st.lists(
        st.tuples(
            st.integers(0, 10**6),
            st.sampled_from(ACTIONS),
            st.one_of(extreme_numbers.map(float), hostile_values),
        ),
        min_size=1,
        max_size=3,
    ),
    fmt=st.sampled_from(["toml", "toml", "yaml", "json"]),
    argv=commands,
    duplicate=st.integers(0, 20),
)
def test_fuzz_mutated_scenarios(
    example: str,
    mutations: list[tuple[int, str, Any]],
    fmt: str,
    argv: list[str],
    duplicate: int,
) -> None:
    data = copy.deepcopy(EXAMPLE_DATA[example])
    all_paths = EXAMPLE_PATHS[example]
    chosen = [all_paths[pick % len(all_paths)] for pick, _, _ in mutations]
    reasons = []
    for i, ((_, action, value), path) in enumerate(zip(mutations, chosen, strict=True)):
        reason = mutate(data, path, action, value)
        later = chosen[i + 1 :]
        if reason and not any(p[: len(path)] == path or path[: len(p)] == p for p in later):
            reasons.append(reason)
    text, suffix = serialise(data, fmt)
    if duplicate == 0:
        text = duplicate_a_key(text, suffix, len(mutations))
    argv = with_scenario(argv, example, duplicate)
    outcome = check_case(text, suffix, argv)
    plain = "--scenario" not in argv and "--draws" not in argv
    if outcome.code == 0 and not outcome.problem and reasons and plain:
        refuse(f"{reasons[0]} (exit 0)", text, suffix, argv)


def refuse(problem: str, content: str, suffix: str, argv: list[str]) -> None:
    """Report a file that ran though it must not (in a survey: write it down instead)."""
    if COLLECT:
        with open(COLLECT, "a", encoding="utf-8") as log:
            line = {"problem": problem, "argv": argv, "suffix": suffix, "content": content}
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        raise AssertionError(
            f"{problem}\n--- command: sociokalkyl {' '.join(argv)} case{suffix}\n"
            f"--- file:\n{shown(content)}"
        )


@fuzz(8)
@given(
    example=st.sampled_from(EXAMPLE_NAMES),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 30),
            st.text(
                alphabet=st.sampled_from(list("[]{}=\"',.#\n -0123456789abcåäö%/\\\t\x00\u00a0")),
                max_size=8,
            )
            | st.sampled_from(HOSTILE_STRINGS),
        ),
        min_size=1,
        max_size=3,
    ),
    argv=commands,
)
def test_fuzz_mutated_text(
    example: str, edits: list[tuple[float, int, str]], argv: list[str]
) -> None:
    """Edits of the commented TOML text itself, as a careless hand would make them."""
    text = EXAMPLE_TEXT[example]
    for where, cut, insert in edits:
        position = int(where * len(text))
        text = text[:position] + insert + text[position + cut :]
    check_case(text, ".toml", argv)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))
KEYS = [
    "settings",
    "intervention",
    "name",
    "horizon",
    "base_year",
    "price_year",
    "discount_rate",
    "target_group",
    "intake",
    "cost_items",
    "key",
    "unit_cost",
    "baseline",
    "use",
    "effects",
    "cost_item",
    "change",
    "kind",
    "costs",
    "amount",
    "uncertainty",
    "scenarios",
    "[0]",
    "x",
]
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=5),
    ),
    max_leaves=16,
)


@fuzz(7)
@given(
    document=documents,
    fmt=st.sampled_from(["toml", "yaml", "json"]),
    argv=commands,
    raw=st.binary(max_size=120)
    | st.sampled_from([b"[" * 300, b"{" * 300, b"a: " * 300, b"x = [" * 300, b"\xff\xfe"]),
)
def test_fuzz_generated_documents(document: Any, fmt: str, argv: list[str], raw: bytes) -> None:
    """Documents from scratch (any shape), and now and then raw bytes."""
    if isinstance(document, dict):
        text, suffix = serialise(document, fmt)
        check_case(text, suffix, argv)
    else:
        check_case(raw, "." + fmt, argv)


# --- xlsx templates ------------------------------------------------------------------------------

SHEETS = ("Insats", "Kostnadsposter", "Baslinje", "Effekter", "Kostnader", "Inställningar")
COLUMNS = "ABCDEFGHIJKLMN"


@cache
def template_parts(example: str) -> tuple[dict[str, bytes], dict[str, str]]:
    """The zip entries of ``example``'s template, and its sheets' XML by sheet name.

    The template's empty styled rows below the data are cut (they cost time to read and
    add nothing to a cell mutation); the full template is fuzzed by ``validate`` in the
    hostile cases below.
    """
    path = WORK / f"template-{example}.xlsx"
    write_template(path, *getattr(sociokalkyl.examples, example)())
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    workbook = entries["xl/workbook.xml"].decode()
    names = re.findall(r'<sheet [^>]*name="([^"]+)"', workbook)
    sheets = {}
    for index, name in enumerate(names, start=1):
        xml = entries[f"xl/worksheets/sheet{index}.xml"].decode()
        sheets[name] = re.sub(
            r'<row r="(\d+)"[^>]*>((?:(?!</row>).)*)</row>',
            lambda m: (
                m.group(0)
                if int(m.group(1)) <= 6 or "<v>" in m.group(2) or "<is>" in m.group(2)
                else ""
            ),
            xml,
        )
    return entries, sheets


def cell_xml(ref: str, kind: str, value: Any) -> str:
    """A ``<c>`` element for ``ref`` holding ``value`` the way ``kind`` says."""
    if kind == "number":
        return f'<c r="{ref}" t="n"><v>{escape(str(value))}</v></c>'
    if kind == "text":
        text = f'<t xml:space="preserve">{escape(str(value))}</t>'
        return f'<c r="{ref}" t="inlineStr"><is>{text}</is></c>'
    if kind == "bool":
        return f'<c r="{ref}" t="b"><v>{1 if value else 0}</v></c>'
    if kind == "formula":  # written by a script: no cached value
        return f'<c r="{ref}"><f>{escape(str(value))}</f></c>'
    if kind == "formula_cached":
        return f'<c r="{ref}"><f>{escape(str(value))}</f><v>{escape(str(value))}</v></c>'
    if kind == "error":
        return f'<c r="{ref}" t="e"><v>#DIV/0!</v></c>'
    if kind == "date":
        return f'<c r="{ref}" t="d"><v>2024-01-01T00:00:00</v></c>'
    return f'<c r="{ref}" />'  # empty


def set_cell(xml: str, ref: str, new: str) -> str:
    """``xml`` with the cell ``ref`` replaced by ``new`` (added when it is missing)."""
    pattern = re.compile(rf'<c r="{ref}"(?: [^>]*)?(?:/>|>(?:(?!</c>).)*</c>)')
    if pattern.search(xml):
        return pattern.sub(lambda _: new, xml, count=1)
    row = re.match(r"[A-Z]+(\d+)", ref)
    assert row is not None
    number = row.group(1)
    row_pattern = re.compile(rf'(<row r="{number}"[^>]*>)((?:(?!</row>).)*)</row>')
    if row_pattern.search(xml):
        return row_pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}{new}</row>", xml, count=1)
    return xml.replace("</sheetData>", f'<row r="{number}">{new}</row></sheetData>', 1)


def copy_row(xml: str, source: int, target: int) -> str:
    """``xml`` with row ``source`` copied to row ``target`` (a duplicated line)."""
    match = re.search(rf'<row r="{source}"[^>]*>((?:(?!</row>).)*)</row>', xml)
    if match is None:
        return xml
    cells = re.sub(rf'r="([A-Z]+){source}"', rf'r="\g<1>{target}"', match.group(1))
    xml = re.sub(rf'<row r="{target}"[^>]*>(?:(?!</row>).)*</row>', "", xml)
    return xml.replace("</sheetData>", f'<row r="{target}">{cells}</row></sheetData>', 1)


def build_xlsx(entries: dict[str, bytes], sheets: dict[str, str], drop: str | None) -> bytes:
    names = list(sheets)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in entries.items():
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name)
            if match:
                sheet = names[int(match.group(1)) - 1]
                if sheet == drop:
                    continue
                content = sheets[sheet].encode("utf-8", errors="surrogatepass")
            archive.writestr(name, content)
    return buffer.getvalue()


xlsx_values = st.one_of(
    hostile_numbers,
    st.sampled_from(HOSTILE_STRINGS),
    st.sampled_from(["0.5", "=0.5", "0.05", "1+1", "SUM(A1:A2)", "-2012", "1000000000", "-1"]),
)
cell_edits = st.tuples(
    st.sampled_from(SHEETS),
    st.sampled_from(COLUMNS),
    st.integers(1, 8),
    st.sampled_from(
        [
            "number",
            "number",
            "text",
            "text",
            "bool",
            "formula",
            "formula_cached",
            "error",
            "date",
            "empty",
        ]
    ),
    xlsx_values,
)


@fuzz(1)  # a workbook takes 0.1-0.4 s to read: the dearest case
@given(
    example=st.sampled_from(EXAMPLE_NAMES),
    edits=st.lists(cell_edits, min_size=1, max_size=3),
    copy=st.none() | st.tuples(st.sampled_from(SHEETS), st.integers(3, 5), st.integers(3, 9)),
    drop=st.none() | st.none() | st.none() | st.sampled_from(SHEETS),
    argv=st.sampled_from([["validate"], ["run", "--format", "json"], ["run", "--format", "json"]]),
)
def test_fuzz_mutated_templates(
    example: str,
    edits: list[tuple[str, str, int, str, Any]],
    copy: tuple[str, int, int] | None,
    drop: str | None,
    argv: list[str],
) -> None:
    """Cells of the Excel template changed to hostile values, rows copied, sheets gone."""
    entries, base = template_parts(example)
    sheets = dict(base)
    for sheet, column, row, kind, value in edits:
        sheets[sheet] = set_cell(
            sheets[sheet], f"{column}{row}", cell_xml(f"{column}{row}", kind, value)
        )
    if copy is not None:
        sheet, source, target = copy
        sheets[sheet] = copy_row(sheets[sheet], source, target)
    check_case(build_xlsx(entries, sheets, drop), ".xlsx", argv)


# --- metamorphic: the same amount in another Swedish notation ----------------------------------

AMOUNT_LINE = re.compile(r'^(amount|unit_cost) = "([0-9 ]+) kr(/[a-zåäö]+)?"', re.MULTILINE)
AMOUNT_LINES = {name: AMOUNT_LINE.findall(text) for name, text in EXAMPLE_TEXT.items()}
LONG_PERIOD = {
    "/mån": ["/mån", "/månad"],
    "/år": ["/år"],
    "/dygn": ["/dygn"],
    "/tim": ["/tim", "/timme"],
}


def grouped(number: int, separator: str) -> str:
    """``number`` with ``separator`` between the groups of three digits."""
    return f"{number:,}".replace(",", separator)


def notations(kronor: int, period: str) -> list[str]:
    """The same amount written the ways a Swedish user would."""
    periods = LONG_PERIOD.get(period, [period])
    forms = [
        f"{grouped(kronor, ' ')} kr{period}",
        f"{kronor} kr{period}",
        f"{grouped(kronor, chr(0xA0))} kr{period}",
        f"{grouped(kronor, chr(0x202F))} kr{period}",
        f"{grouped(kronor, ' ')} kronor{periods[-1]}",
        f"{grouped(kronor, chr(0xA0))} kr{periods[-1]}",
    ]
    thousands, rest = divmod(kronor, 1000)
    if thousands and rest % 10 == 0:  # "1,001 tkr" is refused as ambiguous, by design
        decimals = f"{rest:03d}".rstrip("0")
        tkr = f"{grouped(thousands, ' ')}{',' + decimals if decimals else ''}"
        forms += [f"{tkr} tkr{period}", f"{tkr.replace(' ', chr(0xA0))} tkr{periods[-1]}"]
    return forms


def npv_of(text: str, argv: list[str]) -> tuple[int | None, float | None]:
    outcome = check_case(text, ".toml", argv)
    if outcome.code != 0 or outcome.problem:
        return outcome.code if isinstance(outcome.code, int) else None, None
    return 0, float(json.loads(outcome.out)["summary"]["npv"])


@fuzz(2)  # 6 to 8 files an example
@given(
    example=st.sampled_from(EXAMPLE_NAMES),
    line=st.integers(0, 10),
    kronor=st.integers(1, 10**7) | st.integers(1, 10**4).map(lambda k: k * 1000),
    horizon=st.integers(1, 12),
    lang=st.sampled_from(["sv", "en"]),
)
def test_fuzz_notation_gives_the_same_npv(
    example: str, line: int, kronor: int, horizon: int, lang: str
) -> None:
    key, amount, period = AMOUNT_LINES[example][line % len(AMOUNT_LINES[example])]
    text = re.sub(
        r"^horizon = \d+", f"horizon = {horizon}", EXAMPLE_TEXT[example], flags=re.MULTILINE
    )
    original = f'{key} = "{amount} kr{period}"'
    argv = ["run", "--format", "json", "--lang", lang]
    results = {}
    for form in notations(kronor, period):
        rewritten = text.replace(original, f'{key} = "{form}"', 1)
        results[form] = npv_of(rewritten, argv)
    if not same_results(list(results.values())):
        problem = (
            f"the same amount in other notations gives other results ({key}, {example}):\n"
            + "\n".join(f"  {form!r}: {result}" for form, result in results.items())
        )
        refuse(problem, text, ".toml", argv)


def same_results(results: list[tuple[int | None, float | None]]) -> bool:
    """One exit code, and the same NPV to the last bit (both None when refused)."""
    return len(set(results)) == 1


# --- what the fuzz found before issue 15's fixes is refused cleanly now ---------------------


@pytest.mark.parametrize("entry", FORMER_FAILURES, ids=[entry.name for entry in FORMER_FAILURES])
def test_former_failure_is_refused_cleanly(entry: Former) -> None:
    """Each reproducer now gets a clear error (exit 1 or 2), no traceback, no warning."""
    path = WORK / f"former{entry.suffix}"
    path.write_text(entry.content, "utf-8")
    outcome = run_main([*entry.argv, str(path)])
    assert outcome.code in (1, 2), f"{entry.name} (was: {entry.was}) ran: exit {outcome.code}"
    assert not outcome.problem, f"{entry.name} (was: {entry.was}): {outcome.problem}"
    assert re.search(r"\b(fel|error)\b", outcome.err)


def test_tkr_with_decimals_gives_the_same_npv_as_kronor() -> None:
    """ "75,25 tkr/dygn" and "75 250 kr/dygn": the same NPV to the last bit."""
    old = 'unit_cost = "3 050 kr/dygn"'
    argv = ["run", "--format", "json"]
    kronor = npv_of(EXAMPLE_TEXT["skolfam"].replace(old, 'unit_cost = "75 250 kr/dygn"'), argv)
    tkr = npv_of(EXAMPLE_TEXT["skolfam"].replace(old, 'unit_cost = "75,25 tkr/dygn"'), argv)
    assert kronor[0] == tkr[0] == 0
    assert kronor[1] == tkr[1]  # exactly: tkr is scaled in decimal, not by 75.25 * 1000


def test_the_fuzz_budget_follows_the_profile() -> None:
    """Every fuzz test runs at least the profile's examples; ci adds up to >= 10 000."""
    from conftest import FUZZ_UNIT

    weights = (27, 8, 7, 1, 2)  # the notation test writes 6 to 8 files an example
    files = (1, 1, 1, 1, 6)
    assert len(weights) == len(FUZZ_TESTS)
    assert sum(w * f for w, f in zip(weights, files, strict=True)) * FUZZ_UNIT["ci"] >= 10_000
    assert all(fuzz_examples(weight) >= settings.default.max_examples for weight in weights)


def test_the_schema_check_is_not_vacuous() -> None:
    """Every file the loader accepts is checked against the schema; the check can fail."""
    for name in EXAMPLE_NAMES:
        assert schema_problem(EXAMPLE_TEXT[name], ".toml") == ""
    assert "not by the JSON Schema" in schema_problem('[settings]\nhorizon = "ten"\n', ".toml")

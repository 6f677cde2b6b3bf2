"""Fuzzing ``validate`` and ``run``: every failure is a clean error, never a traceback.

Generated and mutated scenario files (TOML, YAML, JSON) go through ``main()`` in-process,
and so do a few hostile files (with the process's file descriptors captured). Each run
must end with exit code 0, 1 or 2; a failure (1 or 2) must say something on stderr, and
nothing may print a traceback or report an internal error.
"""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociokalkyl.cli import main
from sociokalkyl.scenario.read import dumps_toml, parse_scenario, scenario_data

BASE_TEXT = (resources.files("sociokalkyl") / "examples" / "servicetrainee.toml").read_text("utf-8")
BASE_DATA = scenario_data(parse_scenario(BASE_TEXT))
# The number of examples comes from the hypothesis profile (tests/conftest.py): 50 while
# working, 200 in CI, 10 000 under "thorough". The large fuzz suite of issue 15 is
# tests/test_fuzz_scenarios.py.
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


def check(path: Path) -> None:
    for command in (["validate"], ["run"], ["run", "--format", "json"]):
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main([*command, str(path)])
        text = out.getvalue() + err.getvalue()
        assert code in (0, 1, 2), (code, text)
        assert "Traceback" not in text, text
        assert "internal error" not in text, text
        assert "internt fel" not in text, text
        if code != 0:
            assert err.getvalue().strip(), "a failure must say why on stderr"
            if command == ["validate"]:
                break  # run would fail the same way


def check_text(text: str | bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fuzz{suffix}"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, "utf-8", errors="surrogatepass")
        check(path)


# --- strategies ----------------------------------------------------------------------------

odd_values = st.one_of(
    st.sampled_from(
        [
            "",
            "abc",
            "12,000",
            "7 149 kr/km",
            "-1e999",
            "1e308 kr/mån",
            "49 %",
            "-4,9 mån/år",
            "12 000 kr",
            "kommun",
            "NaN",
            "∞",
            "0,0,0",
            "10 mån/år/år",
            "2,5 tim/vecka",
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=12),
    st.lists(st.integers(min_value=-5, max_value=5), max_size=3),
    st.just({}),
    st.just({"value": "9 135", "unit": "kr/mån"}),
)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += paths(value, (*prefix, index))
    return out


ALL_PATHS = paths(BASE_DATA)


def mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    copy = json.loads(json.dumps(data))
    parent = copy
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        parent[str(last) + "x"] = parent.pop(last)
    else:
        parent[last] = value
    return copy


def serialise(data: Any, fmt: str) -> str:
    if fmt == "toml":
        return dumps_toml(data)
    if fmt == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True))
    return json.dumps(data, ensure_ascii=False)


@FUZZ
@given(
    path=st.sampled_from(ALL_PATHS),
    action=st.sampled_from(["replace", "delete", "rename"]),
    value=odd_values,
    fmt=st.sampled_from(["toml", "yaml", "json"]),
)
def test_mutated_fields(path: tuple[Any, ...], action: str, value: Any, fmt: str) -> None:
    data = mutate(BASE_DATA, path, action, value)
    try:
        text = serialise(data, fmt)
    except (ValueError, TypeError):
        return  # not representable in this format (e.g. an int too large for TOML)
    check_text(text, "." + fmt)


@FUZZ
@given(
    position=st.integers(min_value=0, max_value=len(BASE_TEXT)),
    cut=st.integers(min_value=0, max_value=40),
    insert=st.text(alphabet=st.sampled_from(list("[]{}=\"',.#\n -0123456789abcåäö%/")), max_size=8),
)
def test_mutated_text(position: int, cut: int, insert: str) -> None:
    text = BASE_TEXT[:position] + insert + BASE_TEXT[position + cut :]
    check_text(text, ".toml")


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10))
json_like = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                ["settings", "intervention", "name", "horizon", "effects", "costs", "kind", "x"]
            ),
            children,
            max_size=4,
        ),
    ),
    max_leaves=12,
)


@FUZZ
@given(data=json_like, fmt=st.sampled_from(["yaml", "json"]))
def test_generated_documents(data: Any, fmt: str) -> None:
    try:
        text = json.dumps(data) if fmt == "json" else str(yaml.safe_dump(data))
    except ValueError:
        return
    check_text(text, "." + fmt)


@FUZZ
@given(raw=st.binary(max_size=200), suffix=st.sampled_from([".toml", ".yaml", ".json"]))
def test_random_bytes(raw: bytes, suffix: str) -> None:
    check_text(raw, suffix)


@pytest.mark.parametrize(
    ("suffix", "content"),
    [
        (".toml", b"\x00\x01\x02"),
        (".yaml", b"a: !!python/object/apply:os.system ['echo hacked']\n"),
        (".json", b"[" * 5000),
        (".xlsx", b"this is not a workbook"),
        (".toml", b"settings = 1\nintervention = 2\n"),
    ],
)
def test_hostile_files(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], suffix: str, content: bytes
) -> None:
    """In-process, with the file descriptors captured: a shell command run by an unsafe
    YAML loader would print ``hacked`` there, where ``redirect_stdout`` would not see it."""
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content)
    for command in ("validate", "run"):
        code = main([command, str(path)])
        out, err = capfd.readouterr()
        assert code in (1, 2), (code, out, err)
        assert "Traceback" not in err + out
        assert "hacked" not in out
        assert err.strip()

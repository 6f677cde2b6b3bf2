"""Golden Swedish and English errors: the documented limits, actors and flows, four commands.

Each mistake is run once in Swedish (the default) and once with ``--lang en``; the files are
``tests/golden/cli/errors.limits.sv.txt`` and ``errors.limits.en.txt``. Regenerate them
after a deliberate change of a message with::

    SOCIOKALKYL_UPDATE_GOLDEN=1 pytest tests/test_cli_errors_golden.py
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import pytest

from sociokalkyl.cli import main
from sociokalkyl.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_LIST_ITEMS

GOLDEN = Path(__file__).parent / "golden" / "cli"
UPDATE = os.environ.get("SOCIOKALKYL_UPDATE_GOLDEN") == "1"

CASES: tuple[tuple[str, ...], ...] = (
    ("run", "kalkyl.toml", "--draws", "200000000"),
    ("validate", "djup.json"),
    ("validate", "lang.json"),
    ("validate", "stor.toml"),
    ("validate", "bomb.xlsx"),
    ("validate", "horisont.toml"),
    ("validate", "poster.toml"),
    ("validate", "enhet.toml"),
    ("validate", "aktor.toml"),
    ("validate", "sjalv.toml"),
    ("validate", "resurs.toml"),
    ("validate", "skatt.toml"),
    ("validate", "osaker.toml"),
    ("validate", "fordelning.toml"),
    ("validate", "utanfor.toml"),
    ("validate", "prisar.toml"),
    ("validate", "scenario.toml"),
    ("effekt", "--insatsgrupp", "0,3", "--jamforelse", "0,3", "0,2"),
    ("vardet-av-information", "saker.toml"),
    ("uppfoljning", "kalkyl.toml", "--mall", "blad.md"),
    ("portfolj", "kalkyl.toml", "--seed", "1"),
)
"""The limits (draws, depth, list length, file size, zip ratio, horizon, items, unit length),
the actors and flows (unknown actor, transfer to itself, recipient on a resource, tax rate),
the uncertainty and the scenarios, a price year outside KPI, and the usage errors of effekt,
vardet-av-information, uppfoljning, portfolj."""

ENGLISH_LEFT = (" expected ", "(got ", " is not ", "more than the limit", " e.g. ", "Value error")
"""Wordings that must not be left in a Swedish message."""


def _write_files(folder: Path) -> None:
    """One file for each mistake of :data:`CASES`, made from the bundled examples."""
    examples = resources.files("sociokalkyl") / "examples"
    plain = (examples / "servicetrainee.toml").read_text("utf-8")
    files = {
        "kalkyl.toml": plain,
        "stor.toml": "#" + "x" * MAX_FILE_BYTES + "\n",
        "horisont.toml": plain.replace("horizon = 10 ", "horizon = 401 "),
        "enhet.toml": plain.replace('unit_cost = "', 'unit_cost = "1 kr/' + "x" * 70 + " ", 1),
        "aktor.toml": plain.replace('payer = "kommun/socialnämnd"', 'payer = "kommun/socialnamnd"'),
        "sjalv.toml": plain.replace('recipient = "individ"', 'recipient = "kommun/socialnämnd"'),
        "resurs.toml": plain.replace('flow = "transfer"', 'flow = "resource"', 1),
        "skatt.toml": plain.replace('tax_rate = "32,37 %"', 'tax_rate = "132 %"'),
        "osaker.toml": plain.replace('"effects[1].change" = {', '"effects[9].chnage" = {'),
        "fordelning.toml": plain.replace("low = -5.4, high = -4.4", "low = -4.4, high = -5.4"),
        "utanfor.toml": plain.replace(
            '"effects[1].change" = { kind = "uniform", low = -5.4, high = -4.4 }',
            '"effects[1].deadweight" = { kind = "uniform", low = -0.5, high = 1.5 }',
        ),
        "saker.toml": plain.split("[uncertainty]")[0],
        "prisar.toml": plain.replace("price_year = 2012", "price_year = 1950", 1),
        "scenario.toml": plain.replace(
            '[scenarios.pessimistisk]\n"effects[1].change"',
            '[scenarios.pessimistisk]\n"effects[1].chnage"',
        ),
    }
    effect = plain.split("[[intervention.effects]]")[1].split("[[")[0]
    files["poster.toml"] = plain + ("\n[[intervention.effects]]" + effect) * 501
    nested: dict[str, object] = {}
    inner = nested
    for _ in range(MAX_JSON_DEPTH + 2):
        inner["a"] = {}
        inner = inner["a"]  # type: ignore[assignment]
    files["djup.json"] = json.dumps({"settings": nested})
    files["lang.json"] = json.dumps({"settings": {"notes": list(range(MAX_LIST_ITEMS + 1))}})
    for name, text in files.items():
        # a replacement that no longer matches the example would test nothing
        assert name == "kalkyl.toml" or text != plain, f"{name} is the example unchanged"
        (folder / name).write_text(text, "utf-8")
    with zipfile.ZipFile(folder / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/a.xml", b"0" * 5_000_000)  # 5 MB from about 5 kB


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with SOCIOKALKYL_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden output"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mistakes")
    _write_files(path)
    return path


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_limit_and_flow_errors(lang: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    parts = []
    for args in CASES:
        full = (*args, "--lang", "en") if lang == "en" else args
        code, out, err = _run(*full)
        assert code in (1, 2), (args, out, err)
        assert out == "", (args, out)
        assert "Traceback" not in err, (args, err)
        first = err.splitlines()[0]
        assert first.startswith("fel: " if lang == "sv" else "error: "), first
        if lang == "sv":
            left = [word for word in ENGLISH_LEFT if word in first]
            assert not left, (args, left, first)
        parts.append(f"$ sociokalkyl {' '.join(full)}\n{err}[{code}]\n")
    _check_golden(f"errors.limits.{lang}.txt", "\n".join(parts))


def test_swedish_numbers_in_limits(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A limit's numbers in Swedish format: 5 000 000 byte, 100 000 000 dragningar."""
    monkeypatch.chdir(folder)
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)
    assert "högst 5 000 000 byte" in _run("validate", "stor.toml")[2]
    assert "gränsen 100 000 000 dragningar" in _run("run", "kalkyl.toml", "--draws", "200000000")[2]
    assert "fler än gränsen 10 000" in _run("validate", "lang.json")[2]
    assert "at most 5000000 bytes" in _run("validate", "stor.toml", "--lang", "en")[2]

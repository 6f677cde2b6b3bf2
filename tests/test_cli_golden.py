"""Golden Swedish (and a little English) output of ``--help`` and of the main errors.

The files are in ``tests/golden/cli/``. After a deliberate change of a help text or a
message, regenerate them with::

    SOCIOKALKYL_UPDATE_GOLDEN=1 pytest tests/test_cli_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import pytest

from sociokalkyl.cli import main

GOLDEN = Path(__file__).parent / "golden" / "cli"
UPDATE = os.environ.get("SOCIOKALKYL_UPDATE_GOLDEN") == "1"
COMMANDS = (
    "run",
    "init",
    "validate",
    "schema",
    "catalogue",
    "jamfor",
    "tornado",
    "brytpunkt",
    "konvertera",
    "effekt",
    "vardet-av-information",
    "uppfoljning",
    "portfolj",
)


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """80 columns (argparse wraps help to the terminal) and the default language."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)


def run_main(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


ARGPARSE_LAYOUT = sys.version_info[:2] in ((3, 11), (3, 12))
"""argparse lays out help the same way in Python 3.11 and 3.12 (the goldens' versions);
3.13 writes ``--andel, --share ANDEL`` instead of ``--andel ANDEL, --share ANDEL``."""


def check_golden(name: str, text: str) -> None:
    if name.startswith("help.") and not ARGPARSE_LAYOUT:
        pytest.skip("argparse of this Python lays out help differently from the goldens")
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"missing golden file {path}; run with SOCIOKALKYL_UPDATE_GOLDEN=1")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden output"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_swedish(command: str | None) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    code, out, err = run_main(*args)
    assert code == 0, err
    assert out.startswith("användning: sociokalkyl")
    assert "usage:" not in out
    assert "options:" not in out
    check_golden(f"help.{command or 'sociokalkyl'}.sv.txt", out)


@pytest.mark.parametrize("command", [None, "run"])
def test_help_in_english_with_lang_or_environment(
    command: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--help"] if command is None else [command, "--help"]
    code, out, _ = run_main(*args, "--lang", "en")
    assert code == 0
    assert out.startswith("usage: sociokalkyl")
    check_golden(f"help.{command or 'sociokalkyl'}.en.txt", out)
    monkeypatch.setenv("SOCIOKALKYL_LANG", "en")
    assert run_main(*args)[1] == out


ERRORS: tuple[tuple[str, ...], ...] = (
    (),
    ("kör", "kalkyl.toml"),
    ("run",),
    ("run", "saknas.toml"),
    ("run", "kalkyl.docx"),
    ("run", "."),
    ("run", "kalkyl.toml", "--format", "docx"),
    ("run", "kalkyl.toml", "--draws", "noll"),
    ("run", "kalkyl.toml", "--seed", "1"),
    ("run", "kalkyl.toml", "--nej"),
    ("run", "kalkyl.toml", "--scenario", "realistisk"),
    ("run", "kalkyl.toml", "--scenario", "pessimistisk", "--scenario", "optimistisk"),
    ("run", "kalkyl.toml", "--out", "kalkyl.toml"),
    ("run", "kalkyl.toml", "--out", "resultat.docx"),
    ("run", "kalkyl.toml", "--out", "finns.md"),
    ("init", "finns.md"),
    ("validate", "trasig.toml"),
    ("brytpunkt", "kalkyl.toml", "costs[0].amont"),
    ("tornado", "kalkyl.toml", "--andel", "2"),
    ("konvertera", "kalkyl.toml", "kopia.toml", "--lang", "en"),
)
"""The mistakes a new user makes first, each run in a folder with these files."""


def test_main_errors_are_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    shutil.copy(str(source), tmp_path / "kalkyl.toml")
    (tmp_path / "kalkyl.docx").write_text("x", "utf-8")
    (tmp_path / "finns.md").write_text("min text", "utf-8")
    broken = (tmp_path / "kalkyl.toml").read_text("utf-8")
    broken = broken.replace("horizon = 10 ", 'horizon = "tio" ').replace("drop_off", "drop_of")
    (tmp_path / "trasig.toml").write_text(broken, "utf-8")
    monkeypatch.chdir(tmp_path)
    parts = []
    for args in ERRORS:
        code, out, err = run_main(*args)
        assert code in (1, 2), (args, out, err)
        assert "Traceback" not in out + err
        assert out == "" or args[0] == "validate"
        parts.append(f"$ sociokalkyl {' '.join(args)}\n{err}[{code}]\n")
    assert (tmp_path / "finns.md").read_text("utf-8") == "min text"
    check_golden("errors.sv.txt", "\n".join(parts))

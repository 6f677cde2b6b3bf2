"""Issue 15, everything written out: no formula, markup or escape sequence from a scenario's
free text reaches an output live, and no file is replaced by accident.

Each example the issue names is injected through a scenario file whose names and sources
hold the payloads, run in-process through ``sociokalkyl.cli.main`` into ``tmp_path`` and
read back (CSV with :mod:`csv`, xlsx with openpyxl). The rules are in
``docs/output-safety.md``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sociokalkyl._atomic import STALE_TEMP_SECONDS, replaceable_path, write_atomic
from sociokalkyl.cli.main import main
from sociokalkyl.errors import InputError
from sociokalkyl.language.safety import (
    clean_text,
    markdown_text,
    spreadsheet_text,
    strict_json,
    text_cell,
)
from sociokalkyl.report.render import render_csv, render_markdown, render_text
from sociokalkyl.report.tables import Report, Table

HYPERLINK = '=HYPERLINK("http://evil.example","klicka")'
CMD = "=cmd|' /C calc'!A0"
PLUS = "+1+1"
MINUS = "-1+1"
AT = "@SUM(1)"
TAB = "\t=1+1"
CR = "\r=2+2"
FORMULAS = (HYPERLINK, CMD, PLUS, MINUS, AT)
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[klick](javascript:alert(1))"
ESCAPES = "\x1b[31mRÖD\x1b[0m\x9b2J"
CONTROLS = "kontroll\x01\x07\x7f tecken"
MARKERS = ("HYPERLINK", "cmd|", "1+1", "2+2", "SUM(1)")
"""Parts of the payloads by which a cell that holds one is found."""


def _example() -> dict[str, Any]:
    path = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    return tomllib.loads(path.read_text("utf-8"))


def hostile_scenario(folder: Path) -> Path:
    """Servicetrainee with every payload in a name or a source (a JSON scenario file)."""
    data = _example()
    intervention = data["intervention"]
    intervention["name"] = HYPERLINK
    intervention["target_group"]["name"] = CONTROLS
    intervention["target_group"]["source"] = MINUS
    intervention["cost_items"][0]["name"] = CMD
    intervention["cost_items"][0]["source"] = AT
    intervention["baseline"][0]["source"] = TAB
    intervention["effects"][0]["source"] = CR
    intervention["effects"][1]["source"] = SCRIPT
    intervention["costs"][0]["name"] = IMG
    intervention["costs"][0]["source"] = JS_LINK
    intervention["costs"][1]["name"] = ESCAPES
    intervention["costs"][1]["source"] = PLUS
    path = folder / "fientlig.json"
    path.write_text(json.dumps(data, ensure_ascii=True), "utf-8")
    return path


def run_main(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def _ok(code: int, err: str) -> None:
    assert code == 0, err
    assert "Traceback" not in err
    assert "internal error" not in err
    assert "internt fel" not in err


# --- CSV ---------------------------------------------------------------------------------


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [cell for row in csv.reader(stream, delimiter=";") for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell.replace(",", "."))
    except ValueError:
        return False
    return True


def test_csv_report_has_no_live_formula(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    code, _, err = run_main("run", hostile_scenario(tmp_path), "--out", out)
    _ok(code, err)
    cells = _csv_cells(out)
    for payload in FORMULAS:
        assert "'" + payload in cells, payload
    for cell in cells:
        if cell.startswith(("=", "+", "@", "\t", "\r", "\n")):
            pytest.fail(f"a live formula in the CSV: {cell!r}")
        if cell.startswith("-"):
            assert _is_number(cell), cell  # only a negative number may start with "-"


def test_csv_tab_and_cr_prefixes_are_neutralised() -> None:
    table = Table("t", "T", ["Namn"], [[TAB], [CR], ["\n=3+3"]], [["text"]] * 3)
    rows = list(csv.reader(io.StringIO(render_csv(Report(CR, [], [table]))), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert cells[0] == "'\n=2+2"
    assert "'\t=1+1" in cells
    assert "'\n=3+3" in cells
    assert spreadsheet_text(TAB) == "'\t=1+1"
    assert spreadsheet_text("Skolfam - familjehem") == "Skolfam - familjehem"


# --- xlsx --------------------------------------------------------------------------------


def _xlsx_cells(path: Path) -> list[Any]:
    workbook = openpyxl.load_workbook(path)
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def test_xlsx_report_writes_text_as_strings_and_keeps_its_own_formulas(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    code, _, err = run_main("run", hostile_scenario(tmp_path), "--out", out)
    _ok(code, err)
    cells = _xlsx_cells(out)
    texts = {c.value for c in cells if c.data_type == "s"}
    for payload in (HYPERLINK, CMD, PLUS, MINUS, AT):
        assert payload in texts, payload
    for cell in cells:
        if cell.data_type == "f":
            assert not any(marker in str(cell.value) for marker in MARKERS), cell.value
    summary = openpyxl.load_workbook(out)["Sammanfattning"]
    assert summary["B5"].data_type == "f"
    assert str(summary["B5"].value).startswith("=SUM(")
    names = [c.value for c in cells if isinstance(c.value, str) and "RÖD" in c.value]
    assert names
    assert all("\x1b" not in n and "\x9b" not in n for n in names)


def test_xlsx_control_character_in_a_name_is_replaced_not_an_error() -> None:
    ws = openpyxl.Workbook().active
    cell = text_cell(ws, 1, 1, "namn\x01\x0b\x1b[0m")
    assert cell.value == "namn\ufffd\ufffd\ufffd[0m"
    assert text_cell(ws, 1, 2, CMD).data_type == "s"
    assert text_cell(ws, 1, 3, 12.5).value == 12.5


# --- Markdown, terminal, JSON ------------------------------------------------------------


def test_markdown_report_escapes_html_and_links(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    code, _, err = run_main("run", hostile_scenario(tmp_path), "--out", out)
    _ok(code, err)
    text = out.read_text("utf-8")
    for live in ("<script", "<img", "](javascript", "\x1b", "\x9b"):
        assert live not in text, live
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "[klick]\\(javascript:alert(1))" in text


def test_markdown_text_neutralises_every_link_form() -> None:
    assert markdown_text("<javascript:alert(1)>") == "&lt;javascript:alert(1)&gt;"
    assert markdown_text("![x](javascript:y)") == "![x]\\(javascript:y)"
    assert markdown_text("[a]: javascript:y") == "\\[a]: javascript:y"
    assert markdown_text("[a][b]") == "\\[a]\\[b]"
    assert markdown_text("a\\](b)") == "a\\\\]\\(b)"
    report = Report(SCRIPT, [JS_LINK], [Table("t", IMG, [SCRIPT], [[SCRIPT]], [["text"]])])
    text = render_markdown(report)
    assert "<" not in text
    assert "](" not in text


def test_terminal_table_has_no_escape_sequence(tmp_path: Path) -> None:
    code, stdout, err = run_main("run", hostile_scenario(tmp_path))
    _ok(code, err)
    for control in ("\x1b", "\x9b", "\x07", "\x01", "\x7f", "\r"):
        assert control not in stdout, repr(control)
    assert "\ufffd[31mRÖD" in stdout
    report = Report(ESCAPES, [CONTROLS], [Table("t", ESCAPES, [ESCAPES], [[ESCAPES]], [["text"]])])
    assert "\x1b" not in render_text(report)
    assert "\x9b" not in render_text(report)
    assert clean_text("a\u202eb") == "a\ufffdb"  # a bidi override turns text around


def _strict(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"non-standard JSON constant {constant}")

    return json.loads(text, parse_constant=refuse)


def test_json_report_is_strict(tmp_path: Path) -> None:
    code, stdout, err = run_main("run", hostile_scenario(tmp_path), "--format", "json")
    _ok(code, err)
    assert _strict(stdout)["summary"]["payback"] is None
    assert strict_json({"x": float("nan"), "y": [float("-inf")]}, indent=None) == (
        '{"x": null, "y": [null]}'
    )


# --- the catalogue command ---------------------------------------------------------------


def _overrides(folder: Path, value: str = "3 450", year: int = 2023) -> Path:
    path = folder / "mina.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["key", "name", "value", "unit", "price_year", "source", "note"])
        writer.writerow(["zz_hvb", HYPERLINK, value, "kr/dygn", year, CMD, AT])
        writer.writerow(["zz_sis", ESCAPES, value, "kr/dygn", year, PLUS, MINUS])
    return path


def _catalogue(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["catalogue", *map(str, args)])
    return code, capsys.readouterr().out


def test_catalogue_csv_and_table_are_safe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _overrides(tmp_path)
    code, text = _catalogue(capsys, "--overrides", path, "--search", "zz", "--format", "csv")
    assert code == 0
    cells = [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
             for c in row]  # fmt: skip
    for payload in FORMULAS:
        assert "'" + payload in cells, payload
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    code, text = _catalogue(capsys, "--overrides", path, "--search", "zz")
    assert code == 0
    assert "\x1b" not in text
    assert "\x9b" not in text


def test_catalogue_json_never_writes_infinity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _overrides(tmp_path, value="1.7e308", year=2006)
    code, text = _catalogue(
        capsys, "--overrides", path, "--search", "zz", "--format", "json", "--price-year", "2023"
    )
    assert code == 0
    rows = _strict(text)
    assert rows[0]["rebased_value"] is None
    assert "för stort" in rows[0]["rebase_note"]


# --- overwriting -------------------------------------------------------------------------


def example() -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"))


@pytest.mark.parametrize("name", ["r.csv", "r.xlsx", "r.md", "r.json"])
def test_run_refuses_an_existing_file_without_force(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    out.write_bytes(b"en annan kalkyl")
    code, stdout, err = run_main("run", example(), "--out", out)
    assert code == 2
    assert "finns redan" in err
    assert "--force" in err
    assert out.read_bytes() == b"en annan kalkyl"
    assert stdout == ""
    code, _, err = run_main("run", example(), "--out", out, "--force")
    assert code == 0, err
    assert out.read_bytes() != b"en annan kalkyl"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_run_never_replaces_what_is_not_a_regular_file(tmp_path: Path, force: list[str]) -> None:
    fifo = tmp_path / "rör.json"
    os.mkfifo(fifo)
    dangling = tmp_path / "pekare.json"
    dangling.symlink_to(tmp_path / "finns-inte.json")
    to_device = tmp_path / "enhet.json"
    to_device.symlink_to("/dev/null")
    folder = tmp_path / "mapp"
    folder.mkdir()
    to_folder = tmp_path / "mapp.json"
    to_folder.symlink_to(folder)
    for out in (fifo, dangling, to_device, Path("/dev/null"), to_folder):
        code, _, err = run_main("run", example(), "--format", "json", "--out", out, *force)
        assert code == 2, (out, err)
        assert "Traceback" not in err
    assert fifo.is_fifo()
    assert dangling.is_symlink()
    assert not dangling.exists()
    assert Path("/dev/null").is_char_device()
    assert folder.is_dir()
    assert not (tmp_path / "finns-inte.json").exists()
    for out in (fifo, to_device):
        code, _, err = run_main("init", out, *force)
        assert code == 2, err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symbolic links")
def test_a_link_to_a_regular_file_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "riktig.json"
    target.write_text("{}", "utf-8")
    link = tmp_path / "länk.json"
    link.symlink_to(target)
    assert run_main("run", example(), "--out", link)[0] == 2
    code, _, err = run_main("run", example(), "--out", link, "--force")
    assert code == 0, err
    assert link.is_symlink()
    assert _strict(target.read_text("utf-8"))["summary"]


def test_write_atomic_refuses_clashes_and_special_files(tmp_path: Path) -> None:
    path = tmp_path / "fil.txt"
    write_atomic(path, b"ett", overwrite=False)
    with pytest.raises(InputError, match="already exists"):
        write_atomic(path, b"tva", overwrite=False)
    assert path.read_bytes() == b"ett"
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(tmp_path, b"x")
    with pytest.raises(InputError, match="not a regular file"):
        replaceable_path(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["fil.txt"]


# --- temporary files ---------------------------------------------------------------------


def test_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sociokalkyl._atomic as atomic

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "shared_mode", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "r.xlsx", b"PK" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_of_a_killed_write_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".r.xlsx.sk-abc123.tmp"
    fresh = tmp_path / ".r.xlsx.sk-def456.tmp"
    other = tmp_path / ".annan.xlsx.sk-abc123.tmp"
    for path in (stale, fresh, other):
        path.write_bytes(b"halv")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomic(tmp_path / "r.xlsx", b"hel")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name, "r.xlsx"])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import pathlib, sys, time
        import sociokalkyl._atomic as atomic

        def slow(temporary, target):
            print("ready", flush=True)
            time.sleep(60)

        atomic.shared_mode = slow
        atomic.write_atomic(pathlib.Path(sys.argv[1]), b"x" * 100_000)
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "r.xlsx")],
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "ready"
            assert len(list(tmp_path.iterdir())) == 1  # the temporary file, half written
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == -signal.SIGTERM
        finally:
            process.kill()
    assert list(tmp_path.iterdir()) == []


def test_schema_out_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    from sociokalkyl.cli import main

    target = tmp_path / "mine.json"
    target.write_text("my own file", encoding="utf-8")
    assert main(["schema", "--out", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "my own file"
    assert main(["schema", "--out", str(target), "--force"]) == 0
    assert '"title"' in target.read_text(encoding="utf-8")

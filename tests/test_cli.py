"""The ``sociokalkyl`` command, end to end: ``main(argv)`` in-process, and a few runs of
the console script and ``python -m sociokalkyl`` as a user starts them.

Golden outputs live in ``tests/golden/``. After a deliberate change of the output,
regenerate them with::

    SOCIOKALKYL_UPDATE_GOLDEN=1 pytest tests/test_cli.py

and review the diff before committing it.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import openpyxl
import pytest

from sociokalkyl.cli import main

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SOCIOKALKYL_UPDATE_GOLDEN") == "1"
EXAMPLES = ("servicetrainee", "skolfam", "seniorer_ostersund")


@pytest.fixture(autouse=True)
def _swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's default language, whatever the developer's environment says."""
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)


def example(name: str) -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / f"{name}.toml"))


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m sociokalkyl`` in a subprocess (only to test that way of starting)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "sociokalkyl", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )


def run_main(*args: str | Path) -> tuple[int, str, str]:
    """Run ``main()`` in-process; return (code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing golden file {path}; run with SOCIOKALKYL_UPDATE_GOLDEN=1")
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert_close(json.loads(text), json.loads(expected), name)
    else:
        assert text == expected, f"{name} differs from the golden output"


def assert_close(got: object, expected: object, where: str) -> None:
    """Compare JSON data; numbers with a relative tolerance of 1e-9."""
    if isinstance(expected, dict):
        assert isinstance(got, dict), where
        assert got.keys() == expected.keys(), where
        for key in expected:
            assert_close(got[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(got, list), where
        assert len(got) == len(expected), where
        for index, (a, b) in enumerate(zip(got, expected, strict=True)):
            assert_close(a, b, f"{where}[{index}]")
    elif isinstance(expected, float) and not isinstance(got, bool):
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-6), where
    else:
        assert got == expected, where


def assert_clean_error(result: tuple[int, str, str], code: int) -> None:
    """``result`` of :func:`run_main` failed with ``code`` and a message, no traceback."""
    got, out, err = result
    assert got == code, (got, err)
    assert "Traceback" not in err + out
    assert err.strip().startswith("fel") or "problem" in err


# --- run ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json"])
def test_run_servicetrainee_every_format(fmt: str) -> None:
    code, out, err = run_main("run", example("servicetrainee"), "--format", fmt)
    assert code == 0, err
    assert err == ""
    suffix = {"table": "txt", "md": "md", "csv": "csv", "json": "json"}[fmt]
    check_golden(f"servicetrainee.sv.{suffix}", out)
    if fmt == "json":
        data = json.loads(out)
        assert data["summary"]["npv"] == pytest.approx(-3_839_870.05, abs=0.01)
        assert data["summary"]["payback"] is None


@pytest.mark.parametrize("name", ["skolfam", "seniorer_ostersund"])
def test_run_other_examples_golden(name: str) -> None:
    code, out, err = run_main("run", example(name))
    assert code == 0, err
    check_golden(f"{name}.sv.txt", out)
    code, out, err = run_main("run", example(name), "--format", "json")
    assert code == 0, err
    check_golden(f"{name}.json", out)


def test_run_english() -> None:
    code, out, _ = run_main("run", example("servicetrainee"), "--lang", "en")
    assert code == 0
    check_golden("servicetrainee.en.txt", out)
    assert "Net present value" in out
    assert "-3,839,870 SEK" in out
    assert "not within the horizon" in out


def test_run_swedish_text_content() -> None:
    code, out, _ = run_main("run", example("servicetrainee"))
    assert code == 0
    for text in (
        "Nettonuvärde",
        "-3 839 870 kr",
        "inte inom horisonten",
        "Per aktör",  # a model with perspectives shows Per aktör instead of Per betalare
        "Perspektiv",
        "Vem betalar vem",
        "Per kostnadspost",
        "Antaganden och källor",
        "A: antagande",
        "Socialstyrelsen",
    ):
        assert text in out, text
    code, out, _ = run_main("run", example("seniorer_ostersund"))
    assert "3,0 år" in out


def test_run_out_is_atomic_and_same_as_stdout(tmp_path: Path) -> None:
    out = tmp_path / "resultat.md"
    code, stdout, err = run_main("run", example("servicetrainee"), "--out", out)
    assert code == 0, err
    assert stdout == ""
    _, shown, _ = run_main("run", example("servicetrainee"), "--format", "md")
    assert out.read_text("utf-8") == shown
    assert [p.name for p in tmp_path.iterdir()] == ["resultat.md"]


def test_run_refuses_to_overwrite_input(tmp_path: Path) -> None:
    source = tmp_path / "kalkyl.toml"
    shutil.copy(example("servicetrainee"), source)
    before = source.read_bytes()
    result = run_main("run", source, "--out", source, "--format", "json")
    assert_clean_error(result, 2)
    assert "indatafilen" in result[2]
    assert source.read_bytes() == before
    code, _, err = run_main("run", source, "--out", tmp_path / "." / "kalkyl.toml")
    assert code == 2
    assert "indatafilen" in err


def test_run_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "resultat.xlsx"
    code, _, err = run_main("run", example("servicetrainee"), "--format", "xlsx", "--out", out)
    assert code == 0, err
    assert out.stat().st_size > 0
    code, _, err = run_main("run", example("servicetrainee"), "--format", "xlsx")
    assert code == 2
    assert "--out" in err


def test_run_monte_carlo_is_reproducible() -> None:
    args = ("run", example("servicetrainee"), "--draws", "500", "--seed", "3", "--format", "json")
    code, first, err = run_main(*args)
    assert code == 0, err
    _, second, _ = run_main(*args)
    assert first == second
    simulation = json.loads(first)["simulation"]
    assert simulation["draws"] == 500
    assert 0.0 <= simulation["prob_npv_positive"] <= 1.0
    code, text, _ = run_main("run", example("skolfam"), "--draws", "300", "--seed", "1")
    assert code == 0
    assert "Osäkerhet (Monte Carlo)" in text
    code, _, err = run_main("run", example("servicetrainee"), "--seed", "3")
    assert code == 2
    assert "--draws" in err


def test_run_monte_carlo_text_is_swedish_for_a_controller() -> None:
    code, text, _ = run_main("run", example("servicetrainee"), "--draws", "300", "--seed", "1")
    assert code == 0
    assert "Sannolikhet för nettonuvärde > 0" in text
    assert "Nettonuvärde, medelvärde" in text
    assert "Std.avvikelse" in text
    for key in ("npv_mean", "prob_npv_positive", "share_finite", "kept_draws"):
        assert key not in text
    code, text, _ = run_main(
        "run", example("servicetrainee"), "--draws", "300", "--seed", "1", "--lang", "en"
    )
    assert "Probability of NPV > 0" in text


def test_run_scenario() -> None:
    _, base, _ = run_main("run", example("servicetrainee"), "--format", "json")
    code, worse, err = run_main(
        "run", example("servicetrainee"), "--format", "json", "--scenario", "pessimistisk"
    )
    assert code == 0, err
    assert json.loads(worse)["summary"]["npv"] < json.loads(base)["summary"]["npv"]
    assert json.loads(worse)["scenario"] == "pessimistisk"
    code, _, err = run_main("run", example("servicetrainee"), "--scenario", "nej")
    assert code == 2
    assert "pessimistisk" in err


# --- the console script and python -m, as a user starts them (subprocesses) -------------------


def test_installed_console_script() -> None:
    script = shutil.which("sociokalkyl") or str(Path(sys.executable).parent / "sociokalkyl")
    assert Path(script).exists(), "the console script is not installed (pip install -e .)"
    result = subprocess.run(
        [script, "run", str(example("servicetrainee")), "--format", "csv"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    check_golden("servicetrainee.sv.csv", result.stdout)
    version = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0
    assert version.stdout.startswith("sociokalkyl ")


def test_python_m_sociokalkyl() -> None:
    result = cli("run", example("servicetrainee"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    check_golden("servicetrainee.sv.txt", result.stdout)


# --- init ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_init_writes_the_commented_example(tmp_path: Path, name: str) -> None:
    path = tmp_path / "kalkyl.toml"
    code, _, err = run_main("init", "--example", name, path)
    assert code == 0, err
    expected = example(name).read_text("utf-8").replace(f"{name}.toml", "kalkyl.toml")
    assert path.read_text("utf-8") == expected
    assert "sociokalkyl run" in err


def test_init_comments_name_the_written_file(tmp_path: Path) -> None:
    path = tmp_path / "min_kalkyl.toml"
    code, _, err = run_main("init", path)
    assert code == 0, err
    text = path.read_text("utf-8")
    assert "sociokalkyl run min_kalkyl.toml" in text
    assert "servicetrainee.toml" not in text
    assert text.endswith("\n")
    assert err.startswith(f"skrev {path}")
    code, _, err = run_main("init", "--force", "--lang", "en", path)
    assert err.startswith(f"wrote {path}")


def test_init_refuses_to_overwrite_and_force(tmp_path: Path) -> None:
    path = tmp_path / "kalkyl.toml"
    path.write_text("# mitt eget\n", "utf-8")
    result = run_main("init", path)
    assert_clean_error(result, 2)
    assert "--force" in result[2]
    assert path.read_text("utf-8") == "# mitt eget\n"
    code, _, err = run_main("init", "--force", path)
    assert code == 0, err
    assert "Servicetrainee" in path.read_text("utf-8")


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_init_other_formats_then_run(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"kalkyl.{suffix}"
    code, _, err = run_main("init", "--example", "skolfam", path)
    assert code == 0, err
    code, text, err = run_main("run", path, "--format", "json")
    assert code == 0, err
    _, expected, _ = run_main("run", example("skolfam"), "--format", "json")
    assert json.loads(text)["summary"] == json.loads(expected)["summary"]


def test_init_xlsx_then_run(tmp_path: Path) -> None:
    path = tmp_path / "kalkyl.xlsx"
    code, _, err = run_main("init", "--format", "xlsx", path)
    assert code == 0, err
    code, text, err = run_main("run", path, "--format", "json")
    assert code == 0, err
    assert json.loads(text)["summary"]["npv"] == pytest.approx(-3_839_870.05, abs=1.0)


def test_init_mismatched_suffix_and_directory(tmp_path: Path) -> None:
    code, _, err = run_main("init", "--format", "yaml", tmp_path / "x.toml")
    assert code == 2
    assert "passar inte" in err
    code, _, err = run_main("init", tmp_path)
    assert code == 2
    assert "katalog" in err


# --- validate ------------------------------------------------------------------------------


def test_validate_ok() -> None:
    code, out, err = run_main("validate", example("servicetrainee"))
    assert code == 0, err
    assert out.startswith("OK: ")


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    text = example("servicetrainee").read_text("utf-8")
    text = (
        text.replace("drop_off = 0.20", "drop_of = 0.20")
        .replace('"7 149 kr/mån"', '"7 149 kr/km"')
        .replace("horizon = 10 ", 'horizon = "tio" ')
    )
    path = tmp_path / "fel.toml"
    path.write_text(text, "utf-8")
    result = run_main("validate", path)
    assert_clean_error(result, 1)
    stderr = result[2]
    lines = [line for line in stderr.splitlines() if line.startswith("fel:")]
    assert len(lines) == 3, stderr
    assert "3 problem hittades" in stderr
    assert "menade du 'drop_off'?" in stderr
    assert "'7 149 kr/km'" in stderr
    assert "'tio'" in stderr
    drop_line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("drop_of"))
    assert f"fel.toml:{drop_line}: intervention.effects[1].drop_of" in stderr
    code, out, _ = run_main("validate", "--json", path)
    assert code == 1
    assert {p["line"] for p in json.loads(out)} >= {drop_line}


# --- schema, catalogue, version, usage ------------------------------------------------------


def test_schema(tmp_path: Path) -> None:
    code, out, err = run_main("schema")
    assert code == 0, err
    schema = json.loads(out)
    assert schema["title"] == "sociokalkyl scenario"
    out = tmp_path / "schema.json"
    code, _, _ = run_main("schema", "--out", out)
    assert code == 0
    assert json.loads(out.read_text("utf-8")) == schema


def test_catalogue_is_registered() -> None:
    code, out, err = run_main("catalogue", "--search", "hemtjänst")
    assert code == 0, err
    assert "hemtjanst" in out


def test_version_and_usage() -> None:
    code, out, _ = run_main("--version")
    assert code == 0
    assert out.startswith("sociokalkyl ")
    code, _, err = run_main()
    assert code == 2
    assert "användning" in err
    code, _, err = run_main("run")
    assert code == 2
    assert "FIL" in err
    code, _, err = run_main("run", example("servicetrainee"), "--format", "docx")
    assert code == 2
    assert "ogiltigt val" in err
    code, _, err = run_main("run", example("servicetrainee"), "--format", "docx", "--lang", "en")
    assert "invalid choice" in err
    code, _, err = run_main("run", example("servicetrainee"), "--draws", "-3")
    assert code == 2


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("saknas.toml", None, 2, "filen finns inte"),
        ("kalkyl.docx", "x", 2, "okänt filformat"),
        ("trasig.toml", "[settings\nbase_year = 2012\n", 1, "trasig.toml:1:"),
        ("trasig.json", '{"settings": }', 1, "trasig.json:1:14"),
        ("trasig.yaml", "settings: [1\nx: 2\n", 1, "trasig.yaml:2:"),
        ("binar.toml", b"\xff\xfe\x00garbage", 1, "inte UTF-8"),
        ("tom.toml", "", 1, "intervention: saknas"),
    ],
)
def test_bad_input_is_a_clean_error(
    tmp_path: Path, name: str, content: str | bytes | None, code: int, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, "utf-8")
    for command in ("run", "validate"):
        got, out, err = run_main(command, path)
        assert got == code, err
        assert message in err, err
        assert "Traceback" not in out + err


def test_bad_input_directory_and_text_intake(tmp_path: Path) -> None:
    assert_clean_error(run_main("run", tmp_path), 2)
    text = example("servicetrainee").read_text("utf-8").replace("intake = [30]", 'intake = "30 st"')
    path = tmp_path / "text.toml"
    path.write_text(text, "utf-8")
    result = run_main("run", path)
    assert_clean_error(result, 1)
    assert "intervention.target_group.intake" in result[2]


def test_debug_shows_traceback(tmp_path: Path) -> None:
    path = tmp_path / "trasig.toml"
    path.write_text("[settings\n", "utf-8")
    code, _, err = run_main("run", "--debug", path)
    assert code == 1
    assert "Traceback" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal() -> None:
    args = ["run", str(example("servicetrainee")), "--draws", "20000", "--seed", "1"]
    terminal, plain = _Terminal(), io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(terminal):
        assert main(args) == 0
    with redirect_stdout(io.StringIO()), redirect_stderr(plain):
        assert main(args) == 0
    assert "100 %" in terminal.getvalue()
    assert plain.getvalue() == ""


# --- files for colleagues, output suffixes, Swedish words ----------------------------------


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_written_files_are_readable_by_colleagues(tmp_path: Path) -> None:
    expected = 0o666 & ~_umask()
    outputs = [tmp_path / name for name in ("r.md", "r.csv", "r.xlsx", "r.json")]
    for out in outputs:
        code, _, err = run_main("run", example("servicetrainee"), "--out", out)
        assert code == 0, err
    init = tmp_path / "kalkyl.toml"
    assert run_main("init", init)[0] == 0
    template = tmp_path / "mall.xlsx"
    assert run_main("init", template)[0] == 0
    for path in [*outputs, init, template]:
        assert path.stat().st_mode & 0o777 == expected, path
    # an existing file keeps its mode
    outputs[0].chmod(0o640)
    outputs[2].chmod(0o640)
    for out in outputs[0], outputs[2]:
        # (issue 15: run refuses an existing file without --force)
        assert run_main("run", example("servicetrainee"), "--out", out, "--force")[0] == 0
        assert out.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("name", ["rapport", "r.docx"])
def test_run_unknown_out_suffix_is_a_usage_error(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    code, stdout, err = run_main("run", example("servicetrainee"), "--out", out)
    assert code == 2
    assert not out.exists()
    assert stdout == ""
    suffix = Path(name).suffix or "(inget filslut)"
    assert suffix in err
    for known in (".txt", ".md", ".csv", ".json", ".xlsx"):
        assert known in err
    code, _, err = run_main("run", example("servicetrainee"), "--out", out, "--format", "md")
    assert code == 0, err
    assert out.read_text("utf-8").startswith("# Servicetrainee")


def test_run_txt_out_is_the_table(tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    assert run_main("run", example("servicetrainee"), "--out", out)[0] == 0
    assert "Nettonuvärde" in out.read_text("utf-8")


def test_run_csv_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    code, _, err = run_main("run", example("servicetrainee"), "--out", out)
    assert code == 0, err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Nettonuvärde" in raw.decode("utf-8-sig")
    code, text, _ = run_main("run", example("servicetrainee"), "--format", "csv")
    assert text.startswith("\ufeff")


def test_monte_carlo_goes_into_the_excel_report(tmp_path: Path) -> None:
    out = tmp_path / "mc.xlsx"
    code, _, err = run_main(
        "run", example("servicetrainee"), "--draws", "200", "--seed", "1", "--out", out
    )
    assert code == 0, err
    assert err.strip() == f"skrev {out}"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-1] == "Osäkerhet"
    cells = {
        str(row[0].value): row[1]
        for row in wb["Osäkerhet"].iter_rows(min_col=1, max_col=2)
        if row[0].value is not None
    }
    assert cells["Antal dragningar"].value == 200
    assert cells["Sannolikhet för nettonuvärde > 0"].number_format == "0.0%"
    assert "Sannolikhet för nettonuvärde > 0, kommun" in cells
    headers = [
        c.value for c in next(r for r in wb["Osäkerhet"].iter_rows() if r[0].value == "Mått")
    ]
    assert {"5 %-percentil", "median", "95 %-percentil", "Betalare"} <= set(headers)
    assert "Dragningar med internränta" not in cells  # 0: IRR is not computed
    code, _, err = run_main(
        "run", example("servicetrainee"), "--draws", "200", "--seed", "1", "--out", out,
        "--lang", "en", "--force",  # (issue 15: an existing file needs --force)
    )  # fmt: skip
    assert code == 0, err
    assert err.strip() == f"wrote {out}"
    assert openpyxl.load_workbook(out).sheetnames[-1] == "Uncertainty"
    code, _, _ = run_main("run", example("servicetrainee"), "--out", tmp_path / "plain.xlsx")
    assert "Osäkerhet" not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames


def test_assumption_log_is_swedish() -> None:
    code, text, _ = run_main("run", example("servicetrainee"))
    assert code == 0
    for english in (
        "intake =",
        "(household)",
        "exit_rate",
        "duration_years",
        "start_lag",
        "drop_off",
        "per_participant",
        "one_off",
        "relative ",
        "absolute ",
    ):
        assert english not in text, english
    for swedish in (
        "30 deltagare år 0 (hushåll)",
        "utflöde 20,0 %/år",
        "relativ -100,0 %, varaktighet 1 år",
        "per deltagare: 19 784 kr/mån",
        "engångskostnad: 500 000 kr",
    ):
        assert swedish in text, swedish
    assert "fördröjning 1 år" in " ".join(text.split())
    code, text, _ = run_main("run", example("servicetrainee"), "--lang", "en")
    assert "30 participants in year 0 (household)" in text
    assert "per participant: 19,784 SEK/month" in text


def test_monte_carlo_table_labels() -> None:
    args = ("run", example("servicetrainee"), "--draws", "300", "--seed", "1", "--format", "md")
    code, text, _ = run_main(*args)
    assert code == 0
    words = text  # Markdown: headings do not wrap
    for label in ("5 %-percentil", "median", "95 %-percentil", "Andel dragningar med värde"):
        assert label in words, label
    for gone in ("q5", "q50", "q95", "Andel med svar", "Dragningar med internränta"):
        assert gone not in text, gone
    code, words, _ = run_main(*args, "--lang", "en")
    for label in ("5th percentile", "median", "95th percentile", "Share of draws with a value"):
        assert label in words, label


def test_validate_status_line_in_the_language() -> None:
    code, out, _ = run_main("validate", example("servicetrainee"))
    assert code == 0
    assert "kostnadspost" in out
    assert "cost item" not in out
    code, out, _ = run_main("validate", example("servicetrainee"), "--lang", "en")
    assert "cost item(s)" in out


def test_decimal_comma_in_a_bare_number_gets_a_hint(tmp_path: Path) -> None:
    text = example("servicetrainee").read_text("utf-8")
    text = text.replace("exit_rate = 0.20", "exit_rate = 0,20", 1)
    assert "0,20" in text
    path = tmp_path / "komma.toml"
    path.write_text(text, "utf-8")
    code, _, err = run_main("validate", path)
    assert code == 1
    assert 'decimalkomma? skriv 0.20 eller "20 %"' in err
    code, _, err = run_main("validate", path, "--lang", "en")
    assert 'decimal comma? write 0.20 or "20 %"' in err


def test_validate_counts_uncertain_parameters_not_the_correlation(tmp_path: Path) -> None:
    text = example("servicetrainee").read_text(encoding="utf-8")
    # the example's three uncertain parameters, and a correlation between two of them
    assert text.count(" = { kind = ") == 3
    three_and_a_correlation = (
        "[uncertainty]\n"
        'correlation = [{ parameters = ["effects[1].change", "effects[1].drop_off"], '
        "rho = 0.6 }]\n"
    )
    changed = text.replace("[uncertainty]\n", three_and_a_correlation, 1)
    assert changed != text
    path = tmp_path / "korr.toml"
    path.write_text(changed, encoding="utf-8")
    code, out, err = run_main("validate", path, "--lang", "en")
    assert code == 0, err
    assert "uncertainty over 3 parameter(s)" in out


# --- every kind of error is one clean line (in-process) ------------------------------------


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (OSError(13, "Permission denied", "r.xlsx"), 1, "fel: Permission denied: r.xlsx\n"),
        (OSError("disk full"), 1, "fel: disk full\n"),
        (KeyboardInterrupt(), 130, "avbrutet\n"),
        (ZeroDivisionError("division by zero"), 1, "fel: ZeroDivisionError: division by zero"),
        (RuntimeError("oops"), 1, "internt fel: RuntimeError: oops\n(det här är ett fel"),
    ],
)
def test_unexpected_errors_are_one_clean_message(
    monkeypatch: pytest.MonkeyPatch, error: BaseException, code: int, message: str
) -> None:
    def fail(*args: object) -> int:
        raise error

    monkeypatch.setattr(sys.modules["sociokalkyl.cli.main"], "_dispatch", fail)
    got, out, err = run_main("run", example("servicetrainee"))
    assert got == code
    assert out == ""
    assert err.startswith(message)
    assert "Traceback" not in err
    got, _, err = run_main("run", "--debug", example("servicetrainee"))
    assert got == code
    assert ("Traceback" in err) is (code != 130)


def test_python_m_entry_point_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import runpy

    monkeypatch.setattr(sys, "argv", ["sociokalkyl", "--version"])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("sociokalkyl", run_name="__main__", alter_sys=False)
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("sociokalkyl ")

"""The reports' perspective section and the command line's ``--perspective`` (issue 10).

The section's numbers are the Result's (read back from the JSON and the CSV), and
Servicetrainee's three NPVs are worked out by hand again here, so a report that showed
another number than the core computes fails.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import pytest

import sociokalkyl as sk
from sociokalkyl import money
from sociokalkyl.cli import main
from sociokalkyl.report.formats import build_report, render, report_json
from sociokalkyl.report.perspective_tables import (
    actor_table,
    has_perspectives,
    matrix_table,
    perspective_table,
    tax_rate_cells,
)

EXAMPLE = "servicetrainee"


def _path() -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / f"{EXAMPLE}.toml"))


def _result() -> sk.Result:
    return sk.evaluate(*sk.examples.load(EXAMPLE))


def _run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)
    monkeypatch.delenv("LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)


def test_three_npvs_by_hand_in_the_report() -> None:
    """The perspective table's NPVs, worked out as in ``test_servicetrainee_by_hand``.

    f = KPI 2012 -> 2023; B = 30 * 7 149 f * sum_t months_t / 1.035^t (bistånd avoided);
    c0 = 30 * 12 * 19 784 f (the wage); H = 500 000 f; a = 31.42 %, t = 32.37 %,
    k = 64.57 %: kommun B - (1 + a) c0 - H + t k c0 = -3 839 870 kr; offentlig sektor
    B - (1 - t) c0 - H = 84 880 kr; samhället (1 + a) c0 - H = 11 383 836 kr.
    """
    f = money.price_index("KPI").factor(2012, 2023)
    months = [10.0, 4.9, 4.9 * 0.8, 4.9 * 0.8**2, 4.9 * 0.8**3, 4.9 * 0.8**4]
    b = 30 * 7149 * f * sum(m / 1.035**t for t, m in enumerate(months))
    c0, h = 30 * 12 * 19784 * f, 500_000 * f
    a, t, k = 0.3142, 0.3237, 0.6457
    by_hand = [b - (1 + a) * c0 - h + t * k * c0, b - (1 - t) * c0 - h, (1 + a) * c0 - h]
    assert [round(x) for x in by_hand] == [-3_839_870, 84_880, 11_383_836]
    rows = perspective_table(_result()).rows
    assert [row[1] for row in rows] == pytest.approx(by_hand, rel=1e-12)
    text = render(build_report(_result()), "table")
    assert "-3 839 870 kr" in text
    assert "84 880 kr" in text
    assert "11 383 836 kr" in text


def test_section_numbers_are_the_results() -> None:
    result = _result()
    table = perspective_table(result, "en")
    for row, record in zip(table.rows, result.perspectives(), strict=True):
        keys = ("npv", "pv_costs", "pv_avoided", "benefit_cost_ratio", "irr", "payback",
                "payback_discounted", "break_even_effect")  # fmt: skip
        assert row[1:] == pytest.approx([record[k] for k in keys], rel=0, nan_ok=True)
    actors = actor_table(result)
    assert sorted(row[3] for row in actors.rows) == sorted(r["npv"] for r in result.by_actor())
    matrix = matrix_table(result)
    total = sum(v for row in matrix.rows for v in row[1:] if v is not None)
    expected = sum(v for row in result.transfer_matrix().values() for v in row.values())
    assert total == pytest.approx(expected, rel=1e-12)
    # the kommun's roll-up is its own flows plus its nämnder
    rolled = {r["actor"]: r["npv"] for r in result.by_actor() if r["rollup"]}
    own = {r["actor"]: r["npv"] for r in result.by_actor() if not r["rollup"]}
    nämnder = own["kommun/socialnämnd"] + own["kommun/arbetsmarknadsnämnd"]
    assert rolled["kommun"] == pytest.approx(own["kommun"] + nämnder, rel=1e-12)


def test_json_and_csv_carry_the_section() -> None:
    result = _result()
    data = json.loads(report_json(result))["summary"]
    assert data["perspective"] == "kommun"  # the headline: the kommun decides and pays
    assert [r["npv"] for r in data["perspectives"]] == pytest.approx(
        [r["npv"] for r in result.perspectives()], rel=1e-12
    )
    assert data["transfer_matrix"]["produktion"]["övriga"] == pytest.approx(
        result.transfer_matrix()["produktion"]["övriga"], rel=1e-12
    )
    assert {r["actor"] for r in data["by_actor"]} >= {"kommun/socialnämnd", "individ"}
    csv = render(build_report(result), "csv")
    assert "Perspektiv" in csv
    assert "Per aktör" in csv
    assert "Vem betalar vem (nuvärde)" in csv
    assert "-3839870,05" in csv  # the kommun's NPV, unrounded, decimal comma


def test_resource_only_report_unchanged() -> None:
    result = sk.evaluate(*sk.examples.skolfam())
    assert not has_perspectives(result)
    titles = [t.title for t in build_report(result).tables]
    assert "Perspektiv" not in titles
    assert tax_rate_cells(result) == []


def test_tax_rates_in_the_assumption_log() -> None:
    cells = tax_rate_cells(_result())
    assert [c[1] for c in cells] == ["32,37 % (2024)", "64,57 % (2018)", "31,42 % (2024)"]
    assert [c[3][:2] for c in cells] == ["S2", "D:", "S:"]
    log = build_report(_result()).tables[-1]
    assert log.rows[-3:] == cells


def test_user_text_is_made_safe() -> None:
    # a user-named actor goes through the renderers' safety rules
    from sociokalkyl.report.tables import Report, Table

    table = Table("t", "T", ["Aktör"], [["=HYPERLINK(1)"], ["<b>x</b>"]], [["text"], ["text"]])
    report = Report("x", [], [table])
    assert "'=HYPERLINK(1)" in render(report, "csv")
    assert "&lt;b&gt;" in render(report, "md")


def test_perspective_changes_the_headline() -> None:
    code, out, _ = _run("run", _path(), "--format", "json", "--perspective", "kommun")
    assert code == 0
    summary = json.loads(out)["summary"]
    assert summary["perspective"] == "kommun"
    assert summary["npv"] == pytest.approx(_result().npv_by_perspective["kommun"], rel=1e-12)
    code, out, _ = _run("run", _path(), "--perspective", "offentlig sektor")
    assert code == 0
    assert "Perspektiv: Offentlig sektor" in out
    assert out.split("Nettonuvärde", 1)[1].split("\n")[0].strip() == "84 880 kr"


def test_a_typo_is_refused_with_a_suggestion() -> None:
    code, out, err = _run("run", _path(), "--perspective", "samhälet")
    assert code == 2
    assert out == ""
    assert "okänt perspektiv 'samhälet'" in err
    assert "Menade du 'samhället'?" in err


@pytest.mark.parametrize("command", [["jamfor"], ["tornado", "--share", "0.2"]])
def test_other_commands_take_perspective(command: list[str]) -> None:
    code, _, err = _run(*command, _path(), "--perspective", "komun")
    assert code == 2
    assert "Menade du 'kommun'?" in err


def test_break_even_per_perspective() -> None:
    args = ("brytpunkt", _path(), "effect_multiplier", "--json")
    _, kommun, _ = _run(*args, "--perspective", "kommun")
    _, public, _ = _run(*args, "--perspective", "offentlig_sektor")
    got = sk.break_even(*sk.examples.load(EXAMPLE), perspective="offentlig_sektor")
    assert json.loads(public)["value"] == pytest.approx(got.value, rel=1e-9)
    assert json.loads(kommun)["value"] != json.loads(public)["value"]


def test_html_via_run_and_no_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    code, _, err = _run("run", _path(), "--out", out)
    assert code == 0
    assert "skrev" in err
    page = out.read_text(encoding="utf-8")
    assert "Vem betalar vem (nuvärde)" in page
    assert "Per aktör" in page
    before = out.stat().st_mtime_ns
    code, _, err = _run("run", _path(), "--out", out)
    assert code == 2
    assert "--force" in err
    assert out.stat().st_mtime_ns == before
    assert _run("run", _path(), "--out", out, "--force")[0] == 0
    code, _, err = _run("run", _path(), "--format", "pdf")
    assert code == 2
    assert "--out" in err


def test_pdf_via_run(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "rapport.pdf"
    code, _, _ = _run("run", _path(), "--out", out, "--perspective", "kommun")
    assert code == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert _run("run", _path(), "--out", out)[0] == 2

"""The tax and contribution rates in every assumption log, and one table per actor (issue 10).

A model with work rests on three ``[settings]`` rates with sources (``model/work.py``):
every log lists them as it lists any other number, the xlsx report's *Antaganden* too.
A perspective model's reports show *Per aktör* (the actors with their roll-ups) instead
of *Per betalare*, which held the same actors and numbers.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path

import openpyxl
import pytest

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.cli import main
from sociokalkyl.model.work import TAX_RATES
from sociokalkyl.report.excel import write_report
from sociokalkyl.report.formats import build_report, render
from sociokalkyl.report.html import render_html
from sociokalkyl.report.perspective_tables import actor_table

RATES = ("municipal_tax_rate", "kommun_tax_share", "employer_contribution_rate")


def _log(result: sk.Result, path: Path, lang: str = "sv") -> dict[str, tuple[object, ...]]:
    """The xlsx log's rows by key (column A): value, unit, year, source, confidence."""
    write_report(result, path, lang=lang)
    sheet = openpyxl.load_workbook(path)["Antaganden" if lang == "sv" else "Assumptions"]
    rows = sheet.iter_rows(min_row=6, values_only=True)
    return {str(r[0]): (r[3], r[4], r[5], r[8], r[9]) for r in rows if r[0] in RATES}


def test_the_xlsx_log_lists_the_three_rates(tmp_path: Path) -> None:
    """Servicetrainee with work: 32,37 % (2024, S2), 64,57 % (2018, D), 31,42 % (2024, S)."""
    result = sk.evaluate(*examples.load("servicetrainee"))
    log = _log(result, tmp_path / "r.xlsx")
    assert list(log) == list(RATES)
    for field, (value, unit, year, source, mark) in log.items():
        shipped = TAX_RATES[field]
        assert value == pytest.approx(shipped.value, rel=1e-12)
        assert (unit, year, source) == ("andel", shipped.year, shipped.source)
        assert str(mark).startswith(f"{shipped.confidence}:")
    english = _log(result, tmp_path / "e.xlsx", "en")
    assert english["employer_contribution_rate"][3].startswith("Employer contributions")


def test_a_rate_given_in_the_file_says_so(tmp_path: Path) -> None:
    intervention, settings = examples.load("servicetrainee")
    settings = settings.model_copy(update={"municipal_tax_rate": 0.30})
    log = _log(sk.evaluate(intervention, settings), tmp_path / "r.xlsx")
    value, _, year, source, mark = log["municipal_tax_rate"]
    assert value == pytest.approx(0.30)
    assert year is None
    assert source == "angiven i scenariofilen"
    assert mark == "ej angiven"


def test_a_model_without_work_has_no_rate_rows(tmp_path: Path) -> None:
    assert _log(sk.evaluate(*examples.skolfam()), tmp_path / "r.xlsx") == {}


def test_the_html_log_lists_the_rates() -> None:
    page = render_html(sk.evaluate(*examples.load("servicetrainee")), charts=False)
    assert "Skattesats: Arbetsgivaravgifter" in page
    assert "31,42 % (2024)" in page
    assert "⚠ D: härlett (svag källa)" in page  # the kommun's share, derived


def test_per_actor_replaces_per_payer_for_a_perspective_model() -> None:
    """The actors of "Per betalare" are those of "Per aktör", which adds the roll-ups."""
    result = sk.evaluate(*examples.load("servicetrainee"))
    keys = [t.key for t in build_report(result).tables]
    assert "by_actor" in keys
    assert "by_payer" not in keys
    table = actor_table(result, "en")
    own = {row[0]: row for row in table.rows}
    # the individ's break-even (per payer before) is in the actor table: 0.89
    individ = own["The individual and household"]
    assert individ[3] == pytest.approx(result.npv_by_payer["individ"], rel=1e-12)
    assert individ[-1] == pytest.approx(result.break_even_effect_by_payer["individ"])
    assert round(individ[-1], 2) == 0.89
    # a roll-up's paybacks and break-even are a perspective's, not shown as "never"
    rollup = next(row for row in table.rows if "total with its nämnder" in row[0])
    assert rollup[4:] == ["–", "–", "–"]
    assert "Per betalare" not in render(build_report(result), "table")
    resource_only = [t.key for t in build_report(sk.evaluate(*examples.skolfam())).tables]
    assert "by_payer" in resource_only
    assert "by_actor" not in resource_only


def test_the_cli_html_shows_per_actor_only(tmp_path: Path) -> None:
    source = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        assert main(["run", str(source), "--out", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Per aktör" in page
    assert "<h3>Per betalare</h3>" not in page
    assert "Skattesats: Kommunalskatt" in page

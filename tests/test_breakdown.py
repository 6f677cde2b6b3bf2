"""Unpriced effects in every report, and the breakdown by outcome (issue 11).

The breakdown's numbers are worked by hand in each test: probability × profile ×
participants × unit cost, discounted from the year the outcome occurs, split by the
cost item's payer shares (``docs/outcomes.md``).
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.cli import main
from sociokalkyl.model import Intervention, Settings
from sociokalkyl.report.formats import build_report, render, report_json

ITEM = {
    "key": "vard",
    "name": "Vårddygn",
    "unit_cost": "1 000 kr/dygn",
    "price_year": 2023,
    "payer": {"kommun": 0.6, "region": 0.4},
    "source": "test",
}
COST = {"name": "Insats", "kind": "one_off", "amount": "100 000 kr", "price_year": 2023}
HEMBESOK = resources.files("sociokalkyl") / "examples" / "utokade_hembesok.toml"
EFFECTS = examples.load("utokade_hembesok")[0].unpriced_effects


def _model(**fields: Any) -> Intervention:
    data: dict[str, Any] = {
        "name": "Test",
        "target_group": {"name": "Barn", "intake": [10]},
        "cost_items": [ITEM],
        "costs": [COST],
    }
    data.update(fields)
    return Intervention.model_validate(data)


def _settings(horizon: int, rate: float) -> Settings:
    return Settings(base_year=2023, price_year=2023, horizon=horizon, discount_rate=rate)


def _two_outcomes() -> sk.Result:
    """Outcome a: 365 fewer care days a year for 2 years; b: 12 000 kr less bistånd."""
    care = {"key": "v", "cost_item": "vard", "change": "-365 dygn/år", "years": 2}
    aid = {"key": "eb", "amount": "-12 000 kr/år", "price_year": 2023, "years": 1}
    aid |= {"flow": "transfer", "payer": "kommun", "recipient": "individ"}
    outcomes = [
        {"key": "a", "name": "A", "consequences": [care]},
        {"key": "b", "name": "B", "consequences": [aid]},
    ]
    effects = [
        {"outcome": "a", "change": 0.1, "years_after_intake": 2},
        {"outcome": "b", "change": 0.5, "years_after_intake": 1},
    ]
    intervention = _model(outcomes=outcomes, outcome_effects=effects)
    return sk.evaluate(intervention, _settings(horizon=6, rate=0.05))


def test_by_outcome_by_hand() -> None:
    """Outcome a, 2 years after intake: 10 participants * 0.1 * 365 dygn * 1 000 kr =
    365 000 kr in years 2 and 3, PV = 365 000 (1.05^-2 + 1.05^-3) = 331 065.8 + 315 300.8
    = 646 366.5 kr;
    kommun 60 %, region 40 %. Outcome b, 1 year after intake: 10 * 0.5 * 12 000 =
    60 000 kr less bistånd in year 1, PV 60 000 / 1.05 = 57 142.9 kr: a gain for the
    kommun, a loss for the individ, 0 for society.
    """
    result = _two_outcomes()
    rows = {(r["outcome"], r["actor"]): r["pv"] for r in result.by_outcome()}
    care = 365_000 * (1.05**-2 + 1.05**-3)
    aid = 60_000 / 1.05
    assert care == pytest.approx(646_366.5, abs=0.1)
    assert rows == pytest.approx(
        {
            ("a", "kommun"): 0.6 * care,
            ("a", "region"): 0.4 * care,
            ("b", "kommun"): aid,
            ("b", "individ"): -aid,
        },
        rel=1e-12,
    )
    assert not any(r["overlap"] for r in result.by_outcome())
    # without overlaps, each actor's outcomes less the intervention's cost it pays (the
    # kommun's 100 000 kr in year 0) is its NPV
    for actor, npv in result.npv_by_payer.items():
        gained = sum(pv for (_, who), pv in rows.items() if who == actor)
        paid = 100_000 if actor == "kommun" else 0.0
        assert gained - paid == pytest.approx(npv, rel=1e-12)
    frame = result.to_frame("outcomes")
    assert list(frame.columns) == ["outcome_effect", "outcome", "actor", "pv_sek", "overlap"]
    assert frame["pv_sek"].tolist() == [r["pv"] for r in result.by_outcome()]


def test_the_report_table_sums_each_outcome_over_its_actors() -> None:
    """The total row of outcome a is 646 366.5 kr (society: kommun + region); b's is 0."""
    report = build_report(_two_outcomes(), lang="en")
    (table,) = [t for t in report.tables if t.key == "by_outcome"]
    totals = [row[2] for row in table.rows if row[1] == "Total, every actor"]
    assert totals == pytest.approx([365_000 * (1.05**-2 + 1.05**-3), 0.0], abs=1e-6)
    assert table.headers == ["Outcome", "Actor", "Present value"]


def test_work_by_outcome_holds_the_taxes_and_production() -> None:
    """Gymnasieexamen (shipped): wage W = 10 * 0.1 * 6 * 66 700 * f (ages 24..29 in
    years 14..19, no discounting): the individ W (1 - t), the state a W, the kommun
    t k W, the region t (1 - k) W; the employer (övriga) nets 0."""
    effect = {"outcome": "gymnasieexamen", "change": 0.1, "years_after_intake": 9}
    effect["age_at_intake"] = 10
    settings = _settings(horizon=20, rate=0.0)
    result = sk.evaluate(_model(outcome_effects=[effect], cost_items=[]), settings)
    wage = 10 * 0.1 * 6 * 66_700 * settings.price_index("KPI").factor(2016, 2023)
    a, t = settings.employer_contribution_rate, settings.municipal_tax_rate
    k = settings.kommun_tax_share
    rows = {r["actor"]: r["pv"] for r in result.by_outcome()}
    assert rows["individ"] == pytest.approx(wage * (1 - t), rel=1e-12)
    assert rows["stat"] == pytest.approx(a * wage, rel=1e-12)
    assert rows["kommun"] == pytest.approx(t * k * wage, rel=1e-12)
    assert rows["region"] == pytest.approx(t * (1 - k) * wage, rel=1e-12)
    assert rows.get("övriga", 0.0) == pytest.approx(0.0, abs=1e-6)
    assert sum(rows.values()) == pytest.approx((1 + a) * wage, rel=1e-12)


def test_an_overlapping_outcome_is_flagged_and_shown_before_the_rule() -> None:
    """Direct effect 100 dygn/år, outcome 0.5 * 300 = 150 dygn/år in years 0-1; the NPV
    counts 150 + 150 + 100 + 100 dygn, the outcome's own row 2 * 150 * 10 * 1 000 kr =
    3.0 mnkr (kommun 1.8, region 1.2): before the rule, and marked."""
    row = {"key": "v", "cost_item": "vard", "change": "-300 dygn/år", "years": 2}
    intervention = _model(
        baseline=[{"cost_item": "vard", "use": "365 dygn/år"}],
        effects=[{"cost_item": "vard", "kind": "absolute", "change": "-100 dygn/år"}],
        outcomes=[{"key": "u", "name": "U", "consequences": [row]}],
        outcome_effects=[{"outcome": "u", "change": 0.5}],
    )
    result = sk.evaluate(intervention, _settings(horizon=4, rate=0.0))
    rows = {r["actor"]: (r["pv"], r["overlap"]) for r in result.by_outcome()}
    assert rows == {"kommun": (pytest.approx(1.8e6), True), "region": (pytest.approx(1.2e6), True)}
    text = render(build_report(result), "table")
    assert "överlappar (se varningen)" in text


def test_a_model_without_outcomes_has_neither_section() -> None:
    result = sk.evaluate(*examples.servicetrainee())
    assert result.by_outcome() == []
    assert result.to_frame("unpriced").empty
    keys = [t.key for t in build_report(result).tables]
    assert "unpriced_effects" not in keys
    assert "by_outcome" not in keys
    data = json.loads(report_json(result))
    assert "unpriced_effects" not in data
    assert "by_outcome" not in data
    assert "Unpriced" not in str(result)
    assert "Ej värderade" not in result._repr_html_()


def _run(*args: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    assert code == 0, err.getvalue()
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "lang", "heading"),
    [
        ("table", "sv", "Ej värderade effekter (ingår inte i nettonuvärdet)"),
        ("table", "en", "Unpriced effects (not in the net present value)"),
        ("md", "sv", "## Ej värderade effekter"),
        ("csv", "sv", "Ej värderade effekter"),
        ("csv", "en", "Unpriced effects"),
    ],
)
def test_run_lists_the_unpriced_effects(fmt: str, lang: str, heading: str) -> None:
    text = _run("run", HEMBESOK, "--format", fmt, "--lang", lang, "--width", "200")
    assert heading in text
    words = " ".join(text.split())  # a long effect wraps in the text table
    for effect in EFFECTS:
        assert effect in words
    assert "placering_familjehem_undviken" in text  # the section by outcome


def test_run_json_lists_them_and_the_outcomes() -> None:
    data = json.loads(_run("run", HEMBESOK, "--format", "json"))
    assert data["unpriced_effects"] == EFFECTS
    (row,) = data["by_outcome"]
    assert row["outcome"] == "placering_familjehem_undviken"
    assert row["pv"] == pytest.approx(sk.evaluate(*examples.load("utokade_hembesok")).pv_avoided)


def test_run_xlsx_and_html_list_them(tmp_path: Path) -> None:
    """The files of the command line (no caller passes the effects): filled from the result."""
    _run("run", HEMBESOK, "--out", tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Sammanfattning"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "Ej värderade effekter (ingår inte i nettonuvärdet)" in cells
    assert set(EFFECTS) <= set(cells)
    assert "placering_familjehem_undviken: Kommun" in cells
    _run("run", HEMBESOK, "--out", tmp_path / "r.html", "--lang", "en")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<h2>Unpriced effects</h2>" in page
    assert all(effect in page for effect in EFFECTS)
    assert "By outcome (present value of the consequences)" in page


def test_results_and_the_notebook_list_them() -> None:
    result = sk.evaluate(*examples.load("utokade_hembesok"))
    assert result.to_frame("unpriced")["effect"].tolist() == EFFECTS
    assert all(effect in str(result) for effect in EFFECTS)
    assert "Ej värderade effekter" in result.text("sv")
    page = result._repr_html_()
    assert all(effect in page for effect in EFFECTS)
    assert "Per utfall" in page


def test_a_hostile_unpriced_effect_is_made_safe() -> None:
    """A formula prefix is neutralised in CSV; HTML and Markdown escape markup."""
    intervention, settings = examples.load("utokade_hembesok")
    hostile = ['=HYPERLINK("http://x")', "<script>alert(1)</script> | kol"]
    result = sk.evaluate(intervention.model_copy(update={"unpriced_effects": hostile}), settings)
    csv = render(build_report(result), "csv")
    assert "\n=HYPERLINK" not in csv
    assert "'=HYPERLINK" in csv
    assert "<script>" not in result._repr_html_()
    assert "<script>" not in render(build_report(result), "md")


def test_run_pdf_lists_them(tmp_path: Path) -> None:
    """The PDF of the command line (charts off is not an option there): read back."""
    pdfium = pytest.importorskip("pypdfium2")
    pytest.importorskip("weasyprint")
    _run("run", HEMBESOK, "--out", tmp_path / "r.pdf")
    document = pdfium.PdfDocument((tmp_path / "r.pdf").read_bytes())
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    words = " ".join(" ".join(pages).replace("\xa0", " ").split())
    assert "Ej värderade effekter" in words
    assert "Ökad tillit mellan familjer och socialtjänst" in words
    assert "Per utfall (nuvärde av följderna)" in words

"""When the reports show the perspectives: whenever the answer depends on whose money counts.

Styrka hela livet has resource flows only, but the saving is shared by kommun (57,73 %)
and region (42,27 %) while the kommun pays the whole cost, so the kommun's answer is not
society's: the perspectives are shown. Skolfam's every flow is the kommun's, so all three
perspectives agree and its report stays the budget view (its golden text holds).
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources

import pytest

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.cli.main import main
from sociokalkyl.report.summary import build_report


def _run(name: str) -> str:
    path = resources.files("sociokalkyl") / "examples" / f"{name}.toml"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        assert main(["run", str(path)]) == 0, err.getvalue()
    return out.getvalue()


def test_a_saving_shared_by_kommun_and_region_shows_the_perspectives() -> None:
    result = sk.evaluate(*examples.load("styrka_hela_livet"))
    assert result.shows_perspectives
    # by hand: the kommun pays the cost C = 400 000 kr (year 0, 100 x 4 000 kr) and gets
    # 57,73 % of the avoided care A; the region gets the rest and pays nothing
    cost, avoided = 400_000.0, result.pv_avoided
    npv = result.npv_by_perspective
    assert npv["kommun"] == pytest.approx(-cost + 0.5773 * avoided, abs=0.01)
    assert npv["offentlig_sektor"] == pytest.approx(-cost + avoided, abs=0.01)
    assert npv["samhället"] == pytest.approx(npv["offentlig_sektor"], abs=0.01)
    text = _run("styrka_hela_livet")
    assert "Perspektiv\n----------" in text
    assert "-327 388 kr" in text  # the kommun's answer, beside society's -274 222 kr
    assert "Per aktör" in text
    # no transfer and no production: no who-pays-whom matrix of dashes
    assert "Vem betalar vem" not in text


def test_a_model_of_the_kommuns_flows_only_keeps_the_budget_view() -> None:
    result = sk.evaluate(*examples.skolfam())
    assert not result.shows_perspectives
    assert len(set(result.npv_by_perspective.values())) == 1
    titles = [table.key for table in build_report(result).tables]
    assert "by_payer" in titles
    assert "perspectives" not in titles
    assert "Perspektiv\n" not in _run("skolfam")


def test_a_model_with_transfers_shows_the_matrix() -> None:
    assert sk.evaluate(*examples.servicetrainee()).shows_perspectives
    assert "Vem betalar vem (nuvärde)" in _run("servicetrainee")

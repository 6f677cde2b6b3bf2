"""The assumption log's words for an effect on an outcome (rate and timing) read right."""

from __future__ import annotations

from sociokalkyl import evaluate, examples
from sociokalkyl.language.labels import Lang
from sociokalkyl.report.assumptions import assumption_cells


def _outcome_row_text(lang: Lang) -> str:
    result = evaluate(*examples.load("styrka_hela_livet"))
    (row,) = [r for r in result.assumptions() if r.name.startswith("outcome_effects[0]")]
    return assumption_cells(row, lang)[1]


def test_a_small_rate_is_shown_with_its_digits_not_as_zero() -> None:
    # styrka_hela_livet.toml: change = 0.0046 fractures avoided per participant and year;
    # with two decimals it printed as "0 1/år", which reads as no effect at all.
    assert "0,0046 1/år" in _outcome_row_text("sv")
    assert "0.0046 1/year" in _outcome_row_text("en")


def test_the_years_after_intake_are_years_not_a_percentage() -> None:
    # years_after_intake = 0 was formatted as a share: "utfallet 0,0 % år efter start".
    text = _outcome_row_text("sv")
    assert "utfallet 0 år efter start" in text
    assert "0,0 % år" not in text

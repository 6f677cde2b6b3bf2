"""``konvertera``'s model check: flows, recipients, owners, actors, weights and outcomes.

Before, the check compared the parameters' values, the name, uncertainty and scenarios:
a conversion that turned a transfer into a resource (same numbers, other payers) passed.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from sociokalkyl.cli import main
from sociokalkyl.examples.bundled import scenario
from sociokalkyl.scenario.read import Scenario
from sociokalkyl.scenario.same import model_differences, same_model


def _with(one: Scenario, **update: Any) -> Scenario:
    return one.model_copy(update={"intervention": one.intervention.model_copy(update=update)})


def test_a_lost_flow_kind_is_caught_though_every_parameter_is_the_same() -> None:
    one = scenario("servicetrainee")
    item = one.intervention.cost_items[0]
    assert not isinstance(item, str)
    assert item.flow == "transfer"
    other = _with(one, cost_items=[item.model_copy(update={"flow": "resource", "recipient": None})])
    found = model_differences(one, other)
    assert "parameters" not in found  # what the old check compared: it passed
    assert {"flows", "weights"} <= set(found)
    assert not same_model(one, other)


@pytest.mark.parametrize(
    ("part", "change"),
    [
        ("actors", lambda i: {"actors": [*i.actors, "kommun/skolnämnd"]}),
        ("flows", lambda i: {"costs": [i.costs[0].model_copy(update={"owner": "kommun"})]}),
        ("unpriced effects", lambda i: {"unpriced_effects": ["Trygghet"]}),
    ],
)
def test_each_part_is_compared(part: str, change: Any) -> None:
    one = scenario("servicetrainee")
    assert part in model_differences(one, _with(one, **change(one.intervention)))


def test_an_outcome_row_lost_is_caught() -> None:
    one = scenario("utokade_hembesok")
    outcome = one.intervention.outcomes[0]
    row = outcome.consequences[0].model_copy(update={"source": "annan"})
    other = _with(one, outcomes=[outcome.model_copy(update={"consequences": [row]})])
    assert model_differences(one, other) == ["outcomes"]
    effect = one.intervention.outcome_effects[0].model_copy(update={"years_after_intake": 2})
    assert "outcomes" in model_differences(one, _with(one, outcome_effects=[effect]))


def test_konvertera_refuses_a_conversion_that_loses_a_flow_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The template writer made to forget Flöde, Mottagare and Ägare: refused, nothing left."""
    import sociokalkyl.scenario.excel_template_rows as rows

    monkeypatch.delenv("SOCIOKALKYL_LANG", raising=False)
    monkeypatch.setattr(rows, "_flow_cells", lambda flow, recipient, owner: [None, None, None])
    source = resources.files("sociokalkyl") / "examples" / "servicetrainee.toml"
    target = tmp_path / "k.xlsx"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["konvertera", str(source), str(target)])
    assert code == 1
    assert "skulle inte hålla samma kalkyl" in err.getvalue()
    assert "flöden, mottagare och ägare" in err.getvalue()
    assert list(tmp_path.iterdir()) == []

"""Gains and costs: each line on its side (docs/perspectives.md, *Gains and costs*).

A resource line by its weight's sign; a transfer, production or work line by the sign of
its contribution, so production gained through an outcome is a gain, not a negative cost.
"""

from __future__ import annotations

import numpy as np
import pytest

import sociokalkyl as sk
from sociokalkyl import examples
from sociokalkyl.engine import sides


@pytest.mark.parametrize("name", examples.NAMES)
def test_gains_less_costs_is_the_npv_in_every_perspective(name: str) -> None:
    result = sk.evaluate(*examples.load(name))
    for view in result.plan.perspectives:
        answer = result.by_perspective(view.name)
        assert answer.pv_avoided - answer.pv_costs == pytest.approx(answer.npv, abs=1e-6)
    for row in result.by_actor():
        gains, costs = float(row["pv_avoided"]), float(row["pv_costs"])
        assert gains - costs == pytest.approx(float(row["npv"]), abs=1e-6)


def test_work_gained_through_an_outcome_is_a_gain_not_a_negative_cost() -> None:
    # Familjehuset Klippan: the kommun pays the intervention (a resource cost); the outcome
    # (gymnasieexamen) raises work, whose production is society's gain and whose tax is
    # the kommun's and the region's gain. So the costs are the intervention's alone, the
    # same for the kommun and for society, and every side is positive.
    result = sk.evaluate(*examples.load("familjehuset_klippan"))
    society, kommun = result.by_perspective("samhället"), result.by_perspective("kommun")
    assert society.pv_costs == pytest.approx(kommun.pv_costs, rel=1e-12)
    assert society.pv_costs == pytest.approx(4_639_511, abs=1)
    assert society.pv_avoided == pytest.approx(4_312_643, abs=1)  # was 0 (netted)
    assert society.pv_avoided / society.pv_costs == pytest.approx(0.9295, abs=1e-4)
    region = next(row for row in result.by_actor() if row["actor"] == "region")
    assert float(region["pv_costs"]) == 0.0  # tax received is not a negative cost
    assert float(region["pv_avoided"]) > 0


def test_the_rule_line_by_line() -> None:
    weights = np.array([1.0, -1.0, -1.0, 0.5])
    values = np.array([[-5.0], [20.0], [-30.0], [-8.0]])  # present values, one draw
    by_value = np.array([False, False, True, True])
    gains, costs = sides(weights, values, by_value)
    # resource: -5 on the gains' side (a cost increase), 20 a cost; by value: -1 x -30 =
    # +30 a gain, 0,5 x -8 = -4 a cost
    assert gains.tolist() == [-5.0 + 30.0]
    assert costs.tolist() == [20.0 + 4.0]
    assert (gains - costs).tolist() == [float(weights @ values[:, 0])]

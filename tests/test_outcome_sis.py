"""The shipped chain placering_sis_undviken: a resource of the state and the kommun's fee.

SiS (Statens institutionsstyrelse) is a state agency: the care is the state's resource,
13 000 kr a day (Riksrevisionen RiR 2024:7); the kommun pays a fee of about two thirds,
8 667 kr a day, a transfer to the state. An avoided year saves the kommun its fee, the
state the rest, and society the whole cost: the transfer cancels.
"""

from __future__ import annotations

import pytest

import sociokalkyl as sk
from sociokalkyl.catalogue.outcomes import default_outcomes
from sociokalkyl.scenario.read import scenario_from_data

_MODEL = {
    "settings": {"base_year": 2023, "price_year": 2023, "horizon": 3, "discount_rate": 0.035},
    "intervention": {
        "name": "SiS",
        "target_group": {"name": "unga", "intake": [10]},
        "costs": [{"name": "insats", "kind": "one_off", "amount": "100 000 kr",
                   "price_year": 2023, "payer": "kommun"}],
        "outcome_effects": [{"outcome": "placering_sis_undviken", "kind": "probability",
                             "change": 0.1, "years_after_intake": 1}],
    },
}  # fmt: skip


def test_the_chain_has_its_sourced_rows() -> None:
    rows = {row.key: row for row in default_outcomes()["placering_sis_undviken"].consequences}
    assert set(rows) == {"vard", "avgift"}
    assert rows["avgift"].flow == "transfer"
    assert (rows["avgift"].payer, rows["avgift"].recipient) == ("kommun", "stat")
    assert rows["vard"].payer == "stat"
    assert all("RiR 2024:7" in (row.source or "") for row in rows.values())


def test_an_avoided_sis_year_by_hand() -> None:
    found = scenario_from_data(_MODEL, file="sis.toml")
    result = sk.evaluate(found.intervention, found.settings)
    # 10 participants x 0,1 = 1 avoided placement, one year after intake (year 1, so
    # discounted once at 3,5 %); 365 days; 2023 prices in 2023 (factor 1)
    placements, days, discount = 10 * 0.1, 365, 1.035
    fee, care = 8_667.0, 13_000.0
    kommun = placements * days * fee / discount  # its fee saved: 3 056 478 kr
    stat = placements * days * (care - fee) / discount  # care saved, fee lost: 1 528 063 kr
    society = placements * days * care / discount  # the transfer cancels: 4 584 541 kr
    npv = result.npv_by_actor
    assert npv["kommun"] == pytest.approx(kommun - 100_000, abs=0.01)
    assert npv["stat"] == pytest.approx(stat, abs=0.01)
    by_view = result.npv_by_perspective
    assert by_view["samhället"] == pytest.approx(society - 100_000, abs=0.01)
    assert by_view["offentlig_sektor"] == pytest.approx(by_view["samhället"], abs=0.01)
    assert result.transfer_matrix()["kommun"]["stat"] == pytest.approx(-kommun, abs=0.01)

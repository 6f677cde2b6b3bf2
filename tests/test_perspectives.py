"""Actors, flow kinds, work and taxes, perspectives and the who-pays-whom matrix (issue 10).

The conventions are in docs/perspectives.md; the hand calculation of Servicetrainee in
three perspectives is written out in ``test_servicetrainee_by_hand``.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import sociokalkyl as sk
from sociokalkyl import money
from sociokalkyl.errors import InputError
from sociokalkyl.model import CostItem, Intervention, InterventionCost, Settings
from sociokalkyl.model.actors import STANDARD_ACTORS, members, perspective_name
from sociokalkyl.scenario.read import load_scenario, scenario_from_data

EXAMPLE = "src/sociokalkyl/examples/servicetrainee.toml"
RESOURCES_ONLY = Path(__file__).parent / "cases" / "servicetrainee_resources_only.toml"


def _example() -> tuple[Intervention, Settings]:
    scenario = load_scenario(EXAMPLE)
    return scenario.intervention, scenario.settings


def resources_only_model() -> tuple[Intervention, Settings]:
    """Servicetrainee as bundled up to 0.2 (resource flows only), from its case file."""
    data = tomllib.loads(RESOURCES_ONLY.read_text("utf-8"))
    del data["expected"], data["description"]
    found = scenario_from_data(data, file=RESOURCES_ONLY.name)
    return found.intervention, found.settings


def test_servicetrainee_by_hand() -> None:
    """Servicetrainee in three perspectives, every number worked out here.

    30 households enter in year 0; prices of 2012 are restated in 2023 prices by KPI
    (factor f); the real discount rate is 3.5 %.

    Ekonomiskt bistånd avoided, per household, in months of 7 149 kr (2012):
    year 0: 10 (effect 0: -100 % of 10 mån/år); years 1-5: effect 1, -4.9 mån/år from
    year 1, falling 20 % a year: 4.9, 3.92, 3.136, 2.5088, 2.00704 (each below the
    baseline 10 * 0.8^t, so no cap). B = 30 * 7 149 f * sum_t months_t / 1.035^t.

    The wage (work, paid in year 0): c0 = 30 * 12 * 19 784 f. With a = 31.42 %,
    t = 32.37 %, k = 64.57 %, handledning H = 500 000 f:

    - kommun (with its nämnder): B - (1 + a) c0 - H + t k c0 (the tax back);
    - offentlig sektor: kommun + region t (1 - k) c0 + stat a c0 = B - (1 - t) c0 - H;
    - samhället: bistånd and every part of the wage cancel, production (1 + a) c0 counts:
      (1 + a) c0 - H.
    """
    f = money.price_index("KPI").factor(2012, 2023)
    months = [10.0, 4.9, 4.9 * 0.8, 4.9 * 0.8**2, 4.9 * 0.8**3, 4.9 * 0.8**4]
    b = 30 * 7149 * f * sum(m / 1.035**t for t, m in enumerate(months))
    c0 = 30 * 12 * 19784 * f
    h = 500_000 * f
    a, t, k = 0.3142, 0.3237, 0.6457
    kommun = b - (1 + a) * c0 - h + t * k * c0
    public = b - (1 - t) * c0 - h
    society = (1 + a) * c0 - h
    assert round(b) == 6_916_135  # the avoided bistånd of the resource-only example
    result = sk.evaluate(*_example())
    got = result.npv_by_perspective
    assert got["kommun"] == pytest.approx(kommun, rel=1e-12)
    assert got["offentlig_sektor"] == pytest.approx(public, rel=1e-12)
    assert got["samhället"] == pytest.approx(society, rel=1e-12)
    assert result.npv == pytest.approx(kommun, rel=1e-12)  # the headline: the kommun's budget
    # the shipped numbers, as the README, docs and goldens quote them (kr, 2023 prices)
    assert (round(kommun), round(public), round(society)) == (-3_839_870, 84_880, 11_383_836)
    # against the resource-only model of 0.2 (-5 752 490 kr, the wage 26 000 kr/mån with
    # contributions): (1 + a) W = 1.3142 * 19 784 = 26 000.1328 kr/mån, so the wage costs
    # 0.1328 * 360 = 47.81 kr (2012) more; the kommun's tax share comes back,
    # t k = 0.3237 * 0.6457 = 0.20901309 of c0 = 360 * 19 784 = 7 122 240 kr (2012), that is
    # 1 488 641.39 kr (2012). Net: 1 488 593.58 kr (2012), about 1 912 620 kr in 2023 prices.
    assert t * k * 30 * 12 * 19784 == pytest.approx(1_488_641.39, abs=0.01)
    gain = kommun - (-5_752_490.125877444)
    assert gain == pytest.approx((1_488_641.39 - 0.1328 * 360) * f, rel=1e-8)
    assert round(gain, -1) == 1_912_620
    # the actors: the individ gains the net wage and loses the bistånd
    actors = result.npv_by_actor
    assert actors["individ"] == pytest.approx((1 - t) * c0 - b, rel=1e-12)
    assert actors["stat"] == pytest.approx(a * c0, rel=1e-12)
    assert actors["region"] == pytest.approx(t * (1 - k) * c0, rel=1e-12)
    assert actors["övriga"] == pytest.approx((1 + a) * c0, rel=1e-12)
    assert actors["kommun/socialnämnd"] == pytest.approx(b, rel=1e-12)
    assert actors["kommun/arbetsmarknadsnämnd"] == pytest.approx(-(1 + a) * c0 - h, rel=1e-12)
    assert actors["kommun"] == pytest.approx(kommun, rel=1e-12)  # the roll-up
    # who pays whom
    matrix = result.transfer_matrix()
    assert matrix["kommun/socialnämnd"]["individ"] == pytest.approx(-b, rel=1e-12)
    assert matrix["kommun/arbetsmarknadsnämnd"]["individ"] == pytest.approx(c0, rel=1e-12)
    assert matrix["kommun/arbetsmarknadsnämnd"]["stat"] == pytest.approx(a * c0, rel=1e-12)
    assert matrix["individ"]["kommun"] == pytest.approx(t * k * c0, rel=1e-12)
    assert matrix["produktion"]["övriga"] == pytest.approx((1 + a) * c0, rel=1e-12)


def test_the_headline_follows_settings_perspective() -> None:
    intervention, settings = _example()
    assert settings.perspective == "kommun"  # as shipped: the kommun decides and pays
    for name, alias in (("samhället", "samhället"), ("offentlig_sektor", "offentlig sektor")):
        result = sk.evaluate(intervention, settings.model_copy(update={"perspective": name}))
        assert result.npv == pytest.approx(result.by_perspective(alias).npv, rel=1e-15)
        assert result.perspective == name
    kommun = sk.evaluate(intervention, settings.model_copy(update={"perspective": "kommun"}))
    # the kommun's own payback and IRR: it never pays back within 10 years
    assert math.isnan(kommun.payback)
    public = sk.evaluate(*_example()).by_perspective("offentlig sektor")
    assert 4 < public.payback < 5  # the tax and the contributions come back in year 0


def test_resource_only_model_keeps_its_numbers() -> None:
    """Servicetrainee with resource flows only: every perspective is today's number.

    The model is kept as a case file, so that it holds when the bundled example tells its
    flows apart.
    """
    result = sk.evaluate(*resources_only_model())
    for value in result.npv_by_perspective.values():
        assert value == result.npv  # bit for bit: the same weights, the same order
    assert result.npv == pytest.approx(-5_752_490.125877444, rel=1e-12)
    assert result.transfers() == []


def test_break_even_per_perspective() -> None:
    intervention, settings = _example()
    public = sk.break_even(intervention, settings, perspective="offentlig sektor")
    assert public.found
    assert 0.9 < public.value < 1.0  # 98.8 % of the effects suffice for the public sector
    # at that multiple the public sector's NPV is 0
    plan = sk.engine.compile_plan(intervention, settings)
    values = plan.values({"effect_multiplier": public.value})
    projection = sk.engine.project(plan, values)
    net = projection.net_for(plan.perspective("offentlig_sektor").weights)
    assert abs(float((net[:, 0] * projection.factors[:, 0]).sum())) < 1e-3
    with pytest.raises(InputError, match="did you mean"):
        sk.break_even(intervention, settings, perspective="offentlig_sektr")


# --- properties over generated models ---------------------------------------------------

_ACTORS = [*STANDARD_ACTORS, "kommun/socialnämnd", "Försäkringskassan"]


@st.composite
def _models(draw: st.DrawFn) -> tuple[Intervention, Settings]:
    """A small intervention with every flow kind, random payers, recipients and rates."""
    n_items = draw(st.integers(1, 3))
    items, baseline, effects = [], [], []
    for i in range(n_items):
        flow = draw(st.sampled_from(["resource", "transfer", "production", "work"]))
        payer = draw(st.sampled_from(_ACTORS))
        fields: dict[str, object] = {"flow": flow, "payer": payer}
        if flow in ("transfer", "work"):
            fields["recipient"] = draw(st.sampled_from([a for a in _ACTORS if a != payer]))
        if flow in ("production", "work"):
            fields["owner"] = draw(st.sampled_from(_ACTORS))
        if flow == "production":
            del fields["payer"]
        cost = draw(st.integers(1_000, 50_000))
        items.append(
            CostItem(
                key=f"c{i}", name=f"c{i}", unit_cost=f"{cost} kr/mån", price_year=2020, **fields
            )
        )
        baseline.append({"cost_item": f"c{i}", "use": f"{draw(st.integers(1, 12))} mån/år"})
        change = draw(st.floats(-1.0, 1.0))
        effects.append({"cost_item": f"c{i}", "change": change, "duration_years": 3})
    costs = []
    for _ in range(draw(st.integers(1, 2))):
        flow = draw(st.sampled_from(["resource", "transfer", "work"]))
        payer = draw(st.sampled_from(_ACTORS))
        fields = {"flow": flow, "payer": payer}
        if flow != "resource":
            fields["recipient"] = draw(st.sampled_from([a for a in _ACTORS if a != payer]))
        amount = draw(st.integers(1_000, 30_000))
        costs.append(
            InterventionCost(
                name="x",
                kind="per_participant",
                amount=f"{amount} kr/mån",
                duration="6 mån",
                **fields,
            )
        )
    intervention = Intervention(
        name="generated",
        target_group={"name": "deltagare", "intake": [draw(st.integers(1, 40))]},
        cost_items=items,
        baseline=baseline,
        effects=effects,
        costs=costs,
        actors=["kommun/socialnämnd", "Försäkringskassan"],
    )
    settings = Settings(
        base_year=2020,
        price_year=2023,
        horizon=draw(st.integers(1, 8)),
        municipal_tax_rate=draw(st.floats(0.0, 1.0)),
        kommun_tax_share=draw(st.floats(0.0, 1.0)),
        employer_contribution_rate=draw(st.floats(0.0, 1.0)),
        perspectives={"mine": ["region", "Försäkringskassan"]},
    )
    return intervention, settings


@given(_models())
def test_perspectives_sum_their_actors(model: tuple[Intervention, Settings]) -> None:
    result = sk.evaluate(*model)
    plan, by_payer = result.plan, result.metrics.npv_by_payer[0]
    scale = max(1.0, float(np.abs(result.projection.flows).sum()))
    for view in plan.perspectives:
        q = plan.perspectives.index(view)
        columns = [plan.payers.index(a) for a in view.actors]
        expected = float(by_payer[columns].sum())
        assert result.metrics.npv_by_perspective[0, q] == pytest.approx(expected, abs=1e-9 * scale)
    # society = every actor; transfers cancel line by line
    assert abs(result.check_society()) <= 1e-9 * scale
    transfer = np.array([flow == "transfer" for flow in plan.line_flows])
    assert np.allclose(plan.weights[transfer].sum(axis=1), 0.0, atol=1e-12)
    assert np.all(plan.society[transfer] == 0.0)
    # the who-pays-whom rows rebuild every actor's net from transfers and production
    net = {a: 0.0 for a in plan.payers}
    for row in result.transfers():
        net[str(row["to"])] += float(row["pv"])
        if row["from"] != "produktion":
            net[str(row["from"])] -= float(row["pv"])
    resource = np.array([flow == "resource" for flow in plan.line_flows])
    pv = sk.finance.discounted_sum(result.projection.flows, result.projection.factors, axis=-2)
    for j, actor in enumerate(plan.payers):
        own = float((plan.weights[resource, j] * pv[resource, 0]).sum())
        assert net[actor] + own == pytest.approx(by_payer[j], abs=1e-9 * scale)


@given(st.integers(1_000, 60_000), st.sampled_from(["kommun", "stat", "övriga"]))
def test_work_is_unit_invariant_and_rebased(wage: int, employer: str) -> None:
    """A wage per month or per year, in 2020 or in 2023 prices: the same numbers."""
    f = money.price_index("KPI").factor(2020, 2023)

    def run(amount: str, price_year: int) -> dict[str, float]:
        cost = InterventionCost(name="Lön", kind="per_year", amount=amount, years=2,
                                price_year=price_year, flow="work", payer=employer)  # fmt: skip
        intervention = sk.examples.servicetrainee()[0].model_copy(update={"costs": [cost]})
        settings = Settings(base_year=2020, price_year=2023, horizon=4)
        result = sk.evaluate(intervention, settings)
        return result.npv_by_actor | result.npv_by_perspective

    monthly = run(f"{wage} kr/mån", 2020)
    yearly = run(f"{wage * 12} kr/år", 2020)
    rebased = run(f"{wage * f!r} kr/mån", 2023)
    for key, value in monthly.items():
        assert yearly[key] == pytest.approx(value, rel=1e-12, abs=1e-6)
        assert rebased[key] == pytest.approx(value, rel=1e-9, abs=1e-6)


@given(
    st.sampled_from(["transfer", "production", "work"]),
    st.integers(1_000, 60_000),
)
def test_cost_item_flows_are_unit_invariant_and_rebased(flow: str, cost: int) -> None:
    """A transfer, production or work item per month or per day, in 2020 or 2023 prices."""
    f = money.price_index("KPI").factor(2020, 2023)
    fields: dict[str, object] = {
        "transfer": {"payer": "kommun", "recipient": "individ"},
        "production": {"owner": "övriga"},
        "work": {"payer": "övriga", "recipient": "individ"},
    }[flow]

    def run(unit_cost: str, price_year: int) -> dict[str, float]:
        item = CostItem(key="x", name="x", unit_cost=unit_cost, price_year=price_year,
                        flow=flow, **fields)  # type: ignore[arg-type]  # fmt: skip
        intervention = Intervention(
            name="x",
            target_group={"name": "x", "intake": [10]},
            cost_items=[item],
            baseline=[{"cost_item": "x", "use": "6 mån/år"}],
            effects=[{"cost_item": "x", "change": -0.5, "duration_years": 2}],
            costs=[InterventionCost(name="c", kind="one_off", amount="100 000 kr")],
        )
        result = sk.evaluate(intervention, Settings(base_year=2020, price_year=2023, horizon=3))
        return result.npv_by_payer | result.npv_by_perspective

    monthly = run(f"{cost} kr/mån", 2020)
    daily = run(f"{cost * 12 / 365!r} kr/dygn", 2020)
    rebased = run(f"{cost * f!r} kr/mån", 2023)
    assert monthly.keys() == daily.keys() == rebased.keys()
    for key, value in monthly.items():
        assert daily[key] == pytest.approx(value, rel=1e-9, abs=1e-6)
        assert rebased[key] == pytest.approx(value, rel=1e-9, abs=1e-6)


# --- bad input ----------------------------------------------------------------------------


def _item(**fields: object) -> CostItem:
    data: dict[str, object] = {"unit_cost": "9 000 kr/mån", **fields}
    return CostItem(key="eb", name="Bistånd", price_year=2023, **data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"flow": "transfer", "payer": "kommun", "recipient": "kommun"}, "is no transfer"),
        ({"flow": "transfer", "payer": "kommun"}, "needs its recipient"),
        ({"flow": "resource", "recipient": "individ"}, "has no recipient"),
        ({"flow": "resource", "owner": "övriga"}, "has no owner"),
        ({"flow": "work"}, "names its employer"),
        ({"flow": "work", "payer": {"kommun": 0.5, "stat": 0.5}}, "one employer"),
        ({"flow": "production", "payer": "kommun"}, "production has no payer"),
        ({"flow": "work", "payer": "kommun", "unit_cost": "300 000 kr"}, "per time"),
    ],
)
def test_flow_errors(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _item(**fields)


def test_unknown_actor_suggests_the_nearest() -> None:
    intervention = sk.examples.servicetrainee()[0]
    data = intervention.model_dump(mode="json")
    data["actors"] = ["kommun/socialnämnd"]
    data["costs"][0]["payer"] = "kommun/socialnamnd"
    with pytest.raises(ValidationError, match=r"costs\[0\]\.payer: unknown actor .*did you mean"):
        Intervention.model_validate(data)
    data["costs"][0]["payer"] = "kommun"
    data["actors"] = ["komun/socialnämnd"]
    with pytest.raises(ValidationError, match=r"its parent.*did you mean 'kommun'"):
        Intervention.model_validate(data)


@pytest.mark.parametrize("field", ["municipal_tax_rate", "kommun_tax_share",
                                   "employer_contribution_rate"])  # fmt: skip
@pytest.mark.parametrize("value", [-0.01, 32.37, "120 %"])
def test_rates_within_zero_and_one(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match="outside 0 % to 100 %"):
        Settings(base_year=2023, price_year=2023, horizon=5, **{field: value})


def test_unknown_perspective_and_actor_in_a_perspective() -> None:
    with pytest.raises(ValidationError, match="did you mean 'samhället'"):
        Settings(base_year=2023, price_year=2023, horizon=5, perspective="samhälet")
    intervention, _ = sk.examples.servicetrainee()
    settings = Settings(base_year=2023, price_year=2023, horizon=5,
                        perspectives={"mine": ["kommun", "regon"]})  # fmt: skip
    with pytest.raises(InputError, match="did you mean 'region'") as info:
        sk.evaluate(intervention, settings)
    assert info.value.field == "settings.perspectives.mine[1]"
    with pytest.raises(InputError, match="did you mean"):
        sk.evaluate(
            intervention, Settings(base_year=2023, price_year=2023, horizon=5)
        ).by_perspective("kommunn")


def test_negative_wage_is_refused() -> None:
    with pytest.raises(ValidationError, match="negative"):
        InterventionCost(name="Lön", kind="per_year", amount="-20 000 kr/mån", flow="work")


def test_actor_helpers() -> None:
    assert members(["kommun"], ["kommun", "kommun/soc", "kommunalförbund"]) == (
        "kommun",
        "kommun/soc",
    )
    assert perspective_name("offentlig sektor") == "offentlig_sektor"


# --- Monte Carlo and tornado per perspective ----------------------------------------------


def test_simulation_per_perspective() -> None:
    intervention, settings = _example()
    spec = {
        "settings.municipal_tax_rate": {"kind": "uniform", "low": 0.30, "high": 0.35},
        "effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4},
    }
    mc = sk.simulate(intervention, settings, spec, draws=400, seed=2)
    by_view = mc.npv_by_perspective
    assert set(by_view) == {"kommun", "offentlig_sektor", "samhället"}
    assert np.array_equal(by_view["kommun"], mc.npv)  # the headline: the kommun's budget
    # society's number does not depend on the tax rate or on bistånd: one value
    assert np.ptp(by_view["samhället"]) == pytest.approx(0.0, abs=1e-6)
    assert np.ptp(by_view["kommun"]) > 0
    probability = mc.prob_npv_positive_by_perspective
    assert probability["samhället"] == 1.0
    assert probability["kommun"] == 0.0
    assert 0.0 <= probability["offentlig_sektor"] <= 1.0
    curve = mc.payback_curve(perspective="offentlig sektor")
    assert len(curve) == settings.horizon + 1
    assert curve == sorted(curve)
    rows = mc.perspective_records()
    assert [row["perspective"] for row in rows] == ["kommun", "offentlig_sektor", "samhället"]
    assert all("@" not in row["metric"] for row in mc.records())


def test_society_does_not_depend_on_the_tax_rates() -> None:
    """Taxes are transfers: they move the split between actors, not society's number."""
    intervention, settings = _example()
    base = sk.evaluate(intervention, settings)
    other = sk.evaluate(
        intervention,
        settings.model_copy(update={"municipal_tax_rate": 0.5, "kommun_tax_share": 0.2}),
    )
    society = other.npv_by_perspective["samhället"]
    assert society == pytest.approx(base.npv_by_perspective["samhället"], rel=1e-12)
    assert other.npv_by_perspective["offentlig_sektor"] == pytest.approx(
        base.npv_by_perspective["offentlig_sektor"] + (0.5 - 0.3237) * other.transfers()[1]["pv"],
        rel=1e-9,
    )


def test_tornado_per_perspective() -> None:
    intervention, settings = _example()
    spec = {
        "settings.municipal_tax_rate": {"kind": "uniform", "low": 0.30, "high": 0.35},
        "effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4},
    }
    society = sk.tornado(intervention, settings, spec, perspective="samhället")
    kommun = sk.tornado(intervention, settings, spec, perspective="kommun")
    by_name = {row.parameter: row for row in society.rows}
    # society: the tax rate swings nothing, bistånd (a transfer) nothing
    assert by_name["settings.municipal_tax_rate"].swing == pytest.approx(0.0, abs=1e-6)
    assert by_name["effects[1].change"].swing == pytest.approx(0.0, abs=1e-6)
    assert kommun.payer == "kommun"
    assert kommun.base_npv == pytest.approx(
        sk.evaluate(intervention, settings).npv_by_perspective["kommun"], rel=1e-12
    )
    assert all(row.swing > 0 for row in kommun.rows)


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_scenario_files_keep_flows_and_perspectives(fmt: str, tmp_path: object) -> None:
    """Written and read back in every format: the same flows, actors and numbers."""
    from pathlib import Path

    from sociokalkyl.scenario.write import dump_scenario

    scenario = load_scenario(EXAMPLE)
    scenario = scenario.model_copy(
        update={
            "settings": scenario.settings.model_copy(
                update={"perspective": "kommun", "perspectives": {"kr": ["kommun", "region"]}}
            )
        }
    )
    path = Path(str(tmp_path)) / f"s.{fmt}"
    dump_scenario(scenario, path)
    again = load_scenario(path)
    assert again.intervention == scenario.intervention
    assert again.settings == scenario.settings
    result = sk.evaluate(again.intervention, again.settings)
    assert result.perspective == "kommun"
    assert set(result.npv_by_perspective) == {"kommun", "offentlig_sektor", "samhället", "kr"}


def test_simulation_rolls_nested_actors_up() -> None:
    intervention, settings = _example()
    spec = {"effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4}}
    mc = sk.simulate(intervention, settings, spec, draws=50, seed=4)
    actors = mc.npv_by_actor
    parts = ["kommun", "kommun/socialnämnd", "kommun/arbetsmarknadsnämnd"]
    own = mc.npv_by_payer
    assert np.allclose(actors["kommun"], sum(own[a] for a in parts), rtol=1e-12)
    assert np.allclose(actors["kommun"], mc.npv_by_perspective["kommun"], rtol=1e-9)


def test_an_effect_on_employment_by_hand() -> None:
    """10 participants work 6 more months a year in years 1-3 at 22 000 kr/mån.

    W = 22 000 * 6 * 10 * 3 = 3 960 000 kr of gross wage (no discounting, 2023 prices).
    The employer (övriga) pays W (1 + a) and is credited the production W (1 + a): 0.
    The individ gets W (1 - t); stat a W; region t (1 - k) W; kommun t k W less the
    intervention's 1 000 000 kr. Society: W (1 + a) - 1 000 000.
    """
    item = CostItem(key="arbete", name="Arbete", unit_cost="22 000 kr/mån", price_year=2023,
                    flow="work", payer="övriga")  # fmt: skip
    intervention = Intervention(
        name="Jobb",
        target_group={"name": "deltagare", "intake": [10]},
        cost_items=[item],
        baseline=[{"cost_item": "arbete", "use": "0 mån/år"}],
        effects=[
            {
                "cost_item": "arbete",
                "kind": "absolute",
                "change": "6 mån/år",
                "start_lag": 1,
                "duration_years": 3,
            }
        ],
        costs=[InterventionCost(name="Insats", kind="one_off", amount="1 000 000 kr")],
    )
    settings = Settings(base_year=2023, price_year=2023, horizon=5, discount_rate=0.0)
    result = sk.evaluate(intervention, settings)
    w, a, t, k = 3_960_000.0, 0.3142, 0.3237, 0.6457
    actors = result.npv_by_actor
    assert actors["övriga"] == pytest.approx(0.0, abs=1e-6)
    assert actors["individ"] == pytest.approx((1 - t) * w)
    assert actors["stat"] == pytest.approx(a * w)
    assert actors["region"] == pytest.approx(t * (1 - k) * w)
    assert actors["kommun"] == pytest.approx(t * k * w - 1_000_000)
    assert result.npv == pytest.approx((1 + a) * w - 1_000_000)
    assert result.by_perspective("offentlig sektor").npv == pytest.approx((a + t) * w - 1_000_000)


def test_an_uncertain_rate_stays_within_zero_and_one() -> None:
    intervention, settings = _example()
    spec = {"settings.municipal_tax_rate": {"kind": "normal", "mean": 0.32, "sd": 0.05}}
    with pytest.raises(InputError, match=r"settings\.municipal_tax_rate"):
        sk.simulate(intervention, settings, spec, draws=10, seed=1)
    mc = sk.simulate(
        intervention,
        settings,
        {"settings.municipal_tax_rate": {"kind": "uniform", "low": 0.3, "high": 0.34}},
        draws=20,
        seed=1,
    )
    assert mc.perspectives() == mc.perspective_records()


def test_a_copied_setting_may_name_a_perspective_by_its_alias() -> None:
    """The command line sets the perspective on a copy of the settings (no validation)."""
    intervention, settings = _example()
    result = sk.evaluate(
        intervention, settings.model_copy(update={"perspective": "offentlig sektor"})
    )
    assert result.perspective == "offentlig_sektor"
    with pytest.raises(InputError, match="did you mean 'kommun'"):
        sk.evaluate(intervention, settings.model_copy(update={"perspective": "komun"}))


def test_yearly_tables_follow_the_weights() -> None:
    """The yearly table is the headline's; each actor's yearly rows add up to its NPV."""
    result = sk.evaluate(*_example())
    table = result.table()
    assert sum(row["discounted_net"] for row in table) == pytest.approx(result.npv, rel=1e-12)
    for row in table:
        assert row["avoided"] - row["costs"] == pytest.approx(row["net"], abs=1e-6)
    factors = [row["discount_factor"] for row in table]
    by_actor: dict[str, float] = {}
    for row in result.yearly_by_payer():
        by_actor[str(row["payer"])] = (
            by_actor.get(str(row["payer"]), 0.0) + float(row["net"]) * factors[int(row["year"])]
        )
    for actor, npv in result.npv_by_payer.items():
        assert by_actor[actor] == pytest.approx(npv, rel=1e-12, abs=1e-6)
    assert by_actor["stat"] > 0  # the contributions: a derived line only


def test_compare_scenarios_per_perspective() -> None:
    intervention, settings = _example()
    table = sk.compare_scenarios({"hög skatt": {"settings.municipal_tax_rate": 0.4}},
                                 intervention, settings)  # fmt: skip
    base, high = table.records()
    assert base["npv@kommun"] == pytest.approx(
        sk.evaluate(intervention, settings).npv_by_perspective["kommun"], rel=1e-12
    )
    assert high["npv@kommun"] > base["npv@kommun"]  # more tax back
    assert high["npv@samhället"] == pytest.approx(base["npv@samhället"], rel=1e-12)

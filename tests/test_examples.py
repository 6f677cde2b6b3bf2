"""The worked examples: the TOML files are the one source, and every figure has a checked source.

``sociokalkyl.examples`` loads the TOML files (the Python builders are gone; before they
went, the loaded models were checked equal to them, field by field and draw by draw).
A figure marked S or S2 must be a row of the project's reference table of unit costs,
and a figure marked D must follow from such rows by the formula its source states. The
rows needed are copied below (``REFERENCE``), because the reference data is not shipped
with the package; where the development repository's copy is next to it (it is in CI),
the copy is checked against it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pytest

from sociokalkyl import evaluate, examples
from sociokalkyl.errors import InputError
from sociokalkyl.examples import (
    seniorer_ostersund,
    servicetrainee,
    servicetrainee_uncertainty,
    skolfam,
    skolfam_uncertainty,
)
from sociokalkyl.model import BaselineUse, CostItem, Effect, Intervention, InterventionCost
from sociokalkyl.model import Settings as SettingsModel
from sociokalkyl.scenario import load_scenario
from sociokalkyl.uncertainty import Pert, Triangular, Uncertainty, Uniform

LOADERS: dict[str, Callable[[], tuple[Intervention, SettingsModel]]] = {
    "servicetrainee": servicetrainee,
    "skolfam": skolfam,
    "seniorer_ostersund": seniorer_ostersund,
}
UNCERTAINTY: dict[str, Callable[[], Uncertainty]] = {
    "servicetrainee": servicetrainee_uncertainty,
    "skolfam": skolfam_uncertainty,
}
TOML_EXAMPLES = ("servicetrainee", "skolfam", "seniorer_ostersund")


class Row(NamedTuple):
    value: float
    unit: str
    price_year: int
    confidence: str


# Copied from shared/reference/swedish-unit-costs.csv (the project's reference data, in
# the development repository): key -> value, unit, price year, confidence. Only the rows
# the examples use; test_reference_copy_matches_the_file checks the copy.
REFERENCE: dict[str, Row] = {
    "ekonomiskt_bistand_hushall_ar_2012": Row(47183, "SEK/year", 2012, "S"),
    "ekonomiskt_bistand_hushall_manad_2012": Row(7149, "SEK/month", 2012, "D"),
    "hemtjanst_timme_2016": Row(472, "SEK/hour", 2016, "S"),
    "hvb_barn_unga_dygn_helsingborg_2015": Row(2636, "SEK/day", 2015, "S"),
    "hvb_extern_dygn_motala_2018": Row(4500, "SEK/day", 2018, "S2"),
    "familjehem_konsulentstott_dygn_lag_2015": Row(1900, "SEK/day", 2015, "S2"),
    "familjehem_konsulentstott_dygn_hog_2015": Row(4200, "SEK/day", 2015, "S2"),
}
REFERENCE_FILE = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "swedish-unit-costs.csv"
)


class Derived(NamedTuple):
    """A D figure: the rows it comes from, the formula, and the words its source must hold."""

    value: float
    unit: str
    price_year: int
    inputs: tuple[str, ...]
    formula: Callable[[tuple[float, ...]], float]
    source_must_say: tuple[str, ...]


DERIVED: dict[str, Derived] = {
    # 47 183 kr per household and year / 6.6 months on assistance (Socialstyrelsen 2012)
    "ekonomiskt_bistand": Derived(
        7149,
        "SEK/month",
        2012,
        ("ekonomiskt_bistand_hushall_ar_2012",),
        lambda v: round(v[0] / 6.6),
        ("47 183", "6,6 månader"),
    ),
    # the midpoint of 1 900-4 200 kr/dygn (Sveriges Radio, about 2015)
    "familjehem_konsulentstott": Derived(
        3050,
        "SEK/day",
        2015,
        ("familjehem_konsulentstott_dygn_lag_2015", "familjehem_konsulentstott_dygn_hog_2015"),
        lambda v: (v[0] + v[1]) / 2,
        ("mitt i spannet 1 900-4 200 kr/dygn", "Sveriges Radio", "(S2)"),
    ),
}


def toml_path(name: str) -> Path:
    return Path(str(resources.files("sociokalkyl") / "examples" / f"{name}.toml"))


def all_examples() -> list[tuple[str, Intervention]]:
    return [(f"{name}.toml", load_scenario(toml_path(name)).intervention) for name in TOML_EXAMPLES]


EXAMPLES = all_examples()
IDS = [name for name, _ in EXAMPLES]

Part = CostItem | BaselineUse | Effect | InterventionCost


def parts(intervention: Intervention) -> list[Part]:
    items: list[Part] = []
    for item in intervention.cost_items:
        assert isinstance(item, CostItem), f"{item!r}: an example names its cost items in full"
        items.append(item)
    return [*items, *intervention.baseline, *intervention.effects, *intervention.costs]


def unit_of(item: CostItem) -> str:
    return str(item.unit_cost.units).replace(" ", "")


@pytest.mark.parametrize("name", TOML_EXAMPLES)
def test_the_loaders_read_the_toml_files(name: str) -> None:
    scenario = load_scenario(toml_path(name))
    intervention, settings = LOADERS[name]()
    from_toml = evaluate(scenario.intervention, scenario.settings)
    loaded = evaluate(intervention, settings)
    assert loaded.npv == from_toml.npv
    assert loaded.pv_costs == from_toml.pv_costs
    assert loaded.pv_avoided == from_toml.pv_avoided
    assert scenario.intervention == intervention
    assert scenario.settings == settings
    assert examples.load(name) == (intervention, settings)
    assert examples.text(name) == toml_path(name).read_text("utf-8")
    assert name in examples.NAMES


@pytest.mark.parametrize("name", sorted(UNCERTAINTY))
def test_uncertainty_is_the_toml_files_table(name: str) -> None:
    table = load_scenario(toml_path(name)).uncertainty
    assert table
    assert Uncertainty(table) == UNCERTAINTY[name]()
    assert examples.uncertainty(name) == UNCERTAINTY[name]()


def test_the_uncertainty_numbers_are_the_former_builders() -> None:
    """The numbers the Python builders held, so that moving them to TOML changed none."""
    assert servicetrainee_uncertainty() == Uncertainty(
        {
            "effects[1].change": Uniform(low=-5.4, high=-4.4),
            "cost_items.ekonomiskt_bistand.unit_cost": Triangular(
                low=6077.0, mode=7149.0, high=8221.0
            ),
            "effects[1].drop_off": Pert(low=0.0, mode=0.2, high=0.4),
        }
    )
    assert skolfam_uncertainty() == Uncertainty(
        {
            "effect_multiplier": Pert(low=0.0, mode=1.0, high=2.0),
            "cost_items.hvb_barn_unga.unit_cost": Triangular(low=2763.0, mode=4500.0, high=4500.0),
            "cost_items.familjehem_konsulentstott.unit_cost": Uniform(low=1900.0, high=4200.0),
            "target_group.intake[0]": Uniform(low=30.0, high=40.0),
            "costs[0].amount": Pert(low=15000.0, mode=25000.0, high=40000.0),
        }
    )


def test_an_example_without_uncertainty_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = examples.scenario("skolfam").model_copy(update={"uncertainty": None})
    monkeypatch.setattr("sociokalkyl.examples.uncertain.scenario", lambda name: plain)
    with pytest.raises(InputError, match=r"has no \[uncertainty\] table"):
        examples.uncertainty("skolfam")


def test_an_unknown_example_suggests_a_name() -> None:
    with pytest.raises(InputError, match="did you mean 'skolfam'"):
        examples.load("skolfamm")
    with pytest.raises(InputError, match="is not a bundled example"):
        examples.text("nej")


def test_headline_numbers() -> None:
    service = evaluate(*servicetrainee())
    assert service.npv == pytest.approx(-3_839_870.05, abs=0.01)  # the kommun's budget
    family = evaluate(*skolfam())
    assert family.npv == pytest.approx(-3_830_807.01, abs=0.01)
    assert family.break_even_effect == pytest.approx(2.3816, abs=1e-4)


@pytest.mark.parametrize(("name", "intervention"), EXAMPLES, ids=IDS)
def test_every_part_has_a_source_and_a_confidence(name: str, intervention: Intervention) -> None:
    assert intervention.source, name
    assert intervention.target_group.source, name
    for part in parts(intervention):
        assert part.source, (name, part)
        assert part.confidence in ("S", "S2", "D", "A"), (name, part)


@pytest.mark.parametrize(("name", "intervention"), EXAMPLES, ids=IDS)
def test_every_assumption_has_confidence_a(name: str, intervention: Intervention) -> None:
    for part in parts(intervention):
        source = part.source or ""
        says_assumption = "antagande" in source.lower()
        if says_assumption:
            assert part.confidence == "A", (name, source)
        if part.confidence == "A":
            # an assumption says it is one, or that it follows from one
            assert says_assumption or source.startswith("Följer av"), (name, source)


@pytest.mark.parametrize(("name", "intervention"), EXAMPLES, ids=IDS)
def test_every_sourced_figure_is_in_the_reference_or_derived_from_it(
    name: str, intervention: Intervention
) -> None:
    rows = {(row.value, row.unit, row.price_year): row for row in REFERENCE.values()}
    for part in parts(intervention):
        if part.confidence == "A":
            continue
        # only unit costs carry S/S2/D marks in the examples; anything else needs a check
        assert isinstance(part, CostItem), (name, part)
        figure = (part.unit_cost.magnitude, unit_of(part), part.price_year)
        if part.confidence in ("S", "S2"):
            assert figure in rows, (name, part.key, figure)
            assert rows[figure].confidence == part.confidence, (name, part.key)
            continue
        assert part.confidence == "D"
        assert part.key in DERIVED, f"{name}: {part.key} is marked D; add its formula"
        derived = DERIVED[part.key]
        assert figure == (derived.value, derived.unit, derived.price_year), (name, part.key)
        inputs = tuple(REFERENCE[key].value for key in derived.inputs)
        assert derived.formula(inputs) == derived.value, (name, part.key)
        assert all(REFERENCE[key].confidence in ("S", "S2") for key in derived.inputs)
        for words in derived.source_must_say:
            assert words in (part.source or ""), (name, part.key, words)


def test_the_derived_reference_row_is_the_formula() -> None:
    monthly = REFERENCE["ekonomiskt_bistand_hushall_manad_2012"]
    yearly = REFERENCE["ekonomiskt_bistand_hushall_ar_2012"]
    assert monthly.value == round(yearly.value / 6.6)
    assert monthly.price_year == yearly.price_year


@pytest.mark.skipif(not REFERENCE_FILE.is_file(), reason="no shared/reference next to the repo")
def test_reference_copy_matches_the_file() -> None:
    with REFERENCE_FILE.open(encoding="utf-8", newline="") as handle:
        table = {row["key"]: row for row in csv.DictReader(handle)}
    for key, row in REFERENCE.items():
        assert key in table, key
        original = table[key]
        assert float(original["value"]) == row.value, key
        assert original["unit"] == row.unit, key
        assert int(original["price_year"]) == row.price_year, key
        assert original["confidence"] == row.confidence, key

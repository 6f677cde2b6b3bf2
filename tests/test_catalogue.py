"""The shipped catalogue: every row, rebasing by hand, overrides, search, bad files, provenance."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import pytest

import sociokalkyl as sk
from sociokalkyl import catalogue
from sociokalkyl.catalogue import Catalogue, CatalogueKeyError
from sociokalkyl.errors import InputError, PriceYearError, UnitError
from sociokalkyl.language.numbers import format_amount
from sociokalkyl.report.assumptions import format_assumption_log
from sociokalkyl.sources.kolada import KoladaValue

# key: (value [SEK per unit], unit, price year, payer, confidence, price index), copied by
# hand from shared/reference/swedish-unit-costs.csv.
SHIPPED = {
    "ekonomiskt_bistand_hushall_ar_2022": (67020, "SEK/year", 2022, "kommun", "S2", "KPI"),
    "ekonomiskt_bistand_hushall_ar_2012": (47183, "SEK/year", 2012, "kommun", "S", "KPI"),
    "ekonomiskt_bistand_hushall_manad_2012": (7149, "SEK/month", 2012, "kommun", "D", "KPI"),
    "ekonomiskt_bistand_hushall_manad_stockholm_2017": (
        9135,
        "SEK/month",
        2017,
        "kommun",
        "S",
        "KPI",
    ),
    "hemtjanst_timme_2016": (472, "SEK/hour", 2016, "kommun", "S", "OPI"),
    "hemtjanst_timme_2015": (461, "SEK/hour", 2015, "kommun", "S", "OPI"),
    "sarskilt_boende_dygn_2016": (1880, "SEK/day", 2016, "kommun", "S", "OPI"),
    "sarskilt_boende_dygn_2015": (1809, "SEK/day", 2015, "kommun", "S", "OPI"),
    "hvb_barn_unga_dygn_helsingborg_2015": (2636, "SEK/day", 2015, "kommun", "S", "OPI"),
    "hvb_barn_unga_dygn_helsingborg_2014": (3001, "SEK/day", 2014, "kommun", "S", "OPI"),
    "hvb_extern_dygn_motala_2018": (4500, "SEK/day", 2018, "kommun", "S2", "OPI"),
    "familjehem_konsulentstott_dygn_lag_2015": (1900, "SEK/day", 2015, "kommun", "S2", "OPI"),
    "familjehem_konsulentstott_dygn_hog_2015": (4200, "SEK/day", 2015, "kommun", "S2", "OPI"),
    "sis_ungdomsvard_dygn_2023": (13000, "SEK/day", 2023, "stat", "S", "OPI"),
    "sis_avgift_akut_dygn_2020": (5328, "SEK/day", 2020, "kommun", "S", "OPI"),
    "sis_avgift_behandling_oppen_dygn_2020": (3528, "SEK/day", 2020, "kommun", "S", "OPI"),
    "sis_avgift_behandling_last_dygn_2020": (5400, "SEK/day", 2020, "kommun", "S", "OPI"),
    "fallskador_total_2020": (
        11_600_000_000,
        "SEK/year",
        2020,
        {"kommun": 56 / 97, "region": 41 / 97},
        "S",
        "KPI",
    ),
}

HEADER = "key,name,value,unit,price_year,source"


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return catalogue.default()


# --- every shipped row -------------------------------------------------------------------


def test_shipped_keys_are_exactly_the_reference_rows_that_have_a_price_year(cat: Catalogue) -> None:
    real = [key for key in cat if key not in cat.aliases]
    assert real == list(SHIPPED)
    assert "hoftfraktur_forsta_aret_vardkostnad" not in cat  # no price year: left out


@pytest.mark.parametrize("key", list(SHIPPED))
def test_every_shipped_row_loads_with_source_price_year_payer(cat: Catalogue, key: str) -> None:
    value, unit, price_year, payer, confidence, index = SHIPPED[key]
    item = cat[key]
    assert item.key == key
    assert item.unit_cost.to(unit).magnitude == pytest.approx(value, rel=1e-12)
    assert item.price_year == price_year
    assert item.confidence == confidence
    assert item.price_index == index
    assert item.source
    assert len(item.source) > 5
    assert item.geography
    assert catalogue.default().name_en(key)
    if isinstance(payer, dict):
        assert item.payer_shares == pytest.approx(payer, abs=1e-9)
    else:
        assert item.payer == payer
    # the price year lies in the item's own index, so it can always be restated somewhere
    assert price_year in sk.money.price_index(index).levels
    assert cat.origin(key).startswith("sociokalkyl/data/catalogue.csv, line ")


def test_weak_rows_say_so(cat: Catalogue) -> None:
    weak = {key for key in SHIPPED if cat.weak_provenance(key)}
    assert weak == {key for key, row in SHIPPED.items() if row[4] in ("S2", "D")}
    assert len(cat.warnings) == len(weak)
    assert any("corren.se" in w and "andrahandskälla" in w for w in cat.warnings)
    assert cat["hvb_extern_dygn_motala_2018"].geography == "Motala"  # local figure, marked local


def test_fall_injury_shares_are_normalised_and_the_note_says_so(cat: Catalogue) -> None:
    item = cat["fallskador_total_2020"]
    # 56 % + 41 % = 97 % in the source; normalised: 56/97 = 0.5773..., 41/97 = 0.4226...
    assert item.payer_shares["kommun"] == pytest.approx(0.5773195876)
    assert math.fsum(item.payer_shares.values()) == pytest.approx(1.0, abs=1e-9)
    assert item.note is not None
    assert "normaliserade" in item.note
    assert "3 %" in item.note


def test_aliases_keep_provenance_and_use_their_own_key(cat: Catalogue) -> None:
    item = cat["ekonomiskt_bistand"]
    target = cat["ekonomiskt_bistand_hushall_manad_2012"]
    assert item.key == "ekonomiskt_bistand"
    assert (item.unit_cost, item.price_year, item.source, item.confidence) == (
        target.unit_cost,
        target.price_year,
        target.source,
        target.confidence,
    )
    assert item.note is not None
    assert item.note.startswith("Alias för ekonomiskt_bistand_hushall")
    assert set(cat.aliases.values()) <= set(SHIPPED)
    assert len(cat) == len(SHIPPED) + len(cat.aliases)


def test_catalogue_is_read_only(cat: Catalogue) -> None:
    with pytest.raises(TypeError):
        cat["x"] = cat["hemtjanst_timme"]  # type: ignore[index]
    assert catalogue.default() is cat


def test_unknown_key_suggests_close_keys(cat: Catalogue) -> None:
    with pytest.raises(KeyError) as info:
        cat["hemtjanst_tim"]
    assert isinstance(info.value, CatalogueKeyError)
    assert isinstance(info.value, ValueError)
    assert "'hemtjanst_timme'" in str(info.value)
    assert cat.get("nothing here") is None
    with pytest.raises(KeyError, match="sis_"):
        cat["sis"]


# --- rebasing by hand ----------------------------------------------------------------------


def test_kpi_rebase_2012_to_2023_by_hand(cat: Catalogue) -> None:
    # KPI 1980=100: 2012 = 314.20, 2023 = 403.70; 47 183 * 403.70 / 314.20 = 60 622.6
    rebased = cat.rebased("ekonomiskt_bistand_hushall_ar_2012", 2023)
    assert rebased.unit_cost.to("SEK/year").magnitude == pytest.approx(
        47183 * 403.70 / 314.20, rel=1e-12
    )
    assert rebased.price_year == 2023
    assert rebased.source == cat["ekonomiskt_bistand_hushall_ar_2012"].source
    assert rebased.note is not None
    assert "KPI" in rebased.note


def test_kpi_rebase_2015_to_2023_by_hand(cat: Catalogue) -> None:
    # 1 000 kr/dygn in 2015 prices: 1 000 * 403.70 / 313.35 = 1 288.34 kr/dygn in 2023 prices
    own = cat.with_overrides(
        {
            "egen_2015": {
                "name": "Egen post",
                "unit_cost": "1 000 kr/dygn",
                "price_year": 2015,
                "source": "test",
            }
        }
    )
    magnitude = own.rebased("egen_2015", 2023).unit_cost.to("SEK/day").magnitude
    assert magnitude == pytest.approx(1000 * 403.70 / 313.35, rel=1e-12)
    assert round(magnitude, 2) == 1288.34


def test_opi_chaining_by_hand(cat: Catalogue) -> None:
    # OPI changes 2016 +2.6, 2017 +2.7, 2018 +2.6, 2019 +2.7, 2020 +3.0, 2021 +1.5 (%):
    # 461 kr/tim (2015) in 2021 prices = 461 * 1.026 * 1.027 * 1.026 * 1.027 * 1.030 * 1.015
    factor = 1.026 * 1.027 * 1.026 * 1.027 * 1.030 * 1.015
    rebased = cat.rebased("hemtjanst_timme_2015", 2021)
    assert rebased.unit_cost.to("SEK/hour").magnitude == pytest.approx(461 * factor, rel=1e-12)
    # one step: 3 001 kr/dygn (2014) * 1.022 (2015's change) = 3 067.02 kr/dygn
    hvb = cat.rebased("hvb_barn_unga_dygn_helsingborg_2014", 2015)
    assert hvb.unit_cost.to("SEK/day").magnitude == pytest.approx(3001 * 1.022, rel=1e-12)
    # backwards within the second chain: 13 000 kr (2023) / 1.046 in 2022 prices
    sis = cat.rebased("sis_ungdomsvard_dygn_2023", 2022)
    assert sis.unit_cost.to("SEK/day").magnitude == pytest.approx(13000 / 1.046, rel=1e-12)


def test_opi_2022_gap_is_an_error_not_a_guess(cat: Catalogue) -> None:
    with pytest.raises(PriceYearError, match="gap") as info:
        cat.rebased("hemtjanst_timme_2016", 2023)
    assert "hemtjanst_timme_2016" in str(info.value)
    problem = catalogue.rebase_problem(cat["hemtjanst_timme_2016"], 2023)
    assert problem is not None
    assert "glapp" in problem
    assert "2014-2021" in problem
    assert catalogue.rebase_problem(cat["hemtjanst_timme_2016"], 2021) is None
    with pytest.raises(PriceYearError):
        cat.rebased("ekonomiskt_bistand", 2030)  # KPI ends in 2023


# --- overrides -----------------------------------------------------------------------------


def test_override_precedence_dict_costitem_and_new_key(cat: Catalogue) -> None:
    mine = sk.CostItem(
        key="sis_ungdomsvard_dygn_2023",
        name="SiS, egen siffra",
        unit_cost="14 000 kr/dygn",
        price_year=2023,
        payer="stat",
        source="egen",
        confidence="A",
        price_index="OPI",
    )
    new = cat.with_overrides(
        {
            "sis_ungdomsvard_dygn_2023": mine,
            "hvb_dygn_orebro": {
                "name": "HVB Örebro",
                "name_en": "Residential care Orebro",
                "unit_cost": "3 450 kr/dygn",
                "price_year": 2023,
                "source": "Kolada N33100",
                "confidence": "S",
                "price_index": "OPI",
                "geography": "Örebro",
            },
        }
    )
    assert new["sis_ungdomsvard_dygn_2023"] is mine
    assert new["sis_ungdomsvard_dygn"].unit_cost.magnitude == 14000  # the alias follows
    assert new["hvb_dygn_orebro"].geography == "Örebro"
    assert list(new.search("orebro")) == ["hvb_dygn_orebro"]
    assert new.origin("hvb_dygn_orebro") == "overrides"
    assert new.weak_provenance("sis_ungdomsvard_dygn_2023")
    # the original is unchanged
    assert cat["sis_ungdomsvard_dygn_2023"].unit_cost.magnitude == 13000
    assert "hvb_dygn_orebro" not in cat


def test_override_of_an_alias_key_replaces_the_alias(cat: Catalogue) -> None:
    new = cat.with_overrides(
        {
            "ekonomiskt_bistand": {
                "name": "Bistånd Norrköping",
                "unit_cost": "9 000 kr/mån",
                "price_year": 2023,
                "source": "egen",
            }
        }
    )
    assert "ekonomiskt_bistand" not in new.aliases
    assert new["ekonomiskt_bistand"].unit_cost.magnitude == 9000
    assert new["ekonomiskt_bistand_hushall_manad_2012"].unit_cost.magnitude == 7149


def test_override_from_csv_toml_and_catalogue(cat: Catalogue, tmp_path: Path) -> None:
    csv_file = tmp_path / "mina.csv"
    csv_file.write_text(
        "# egna kostnader\n"
        "key,name,value,unit,price_year,source,payer,price_index,confidence\n"
        'hemtjanst_timme_2016,"Hemtjänst, egen",500,kr/tim,2016,egen,kommun,OPI,A\n'
        'fall_kommun,"Fall, egen",4 500,kr,2023,egen,kommun:0.6;region:0.4,KPI,A\n',
        encoding="utf-8",
    )
    from_csv = cat.with_overrides(csv_file)
    assert from_csv["hemtjanst_timme_2016"].unit_cost.magnitude == 500
    assert from_csv["fall_kommun"].per_event
    assert from_csv["fall_kommun"].payer_shares == {"kommun": 0.6, "region": 0.4}
    assert from_csv.origin("fall_kommun").startswith(str(csv_file))

    toml_file = tmp_path / "mina.toml"
    toml_file.write_text(
        '[hemtjanst_timme_2016]\nname = "Hemtjänst, TOML"\nunit_cost = "510 kr/tim"\n'
        'price_year = 2016\nsource = "egen"\nprice_index = "OPI"\n',
        encoding="utf-8",
    )
    from_toml = from_csv.with_overrides(toml_file)
    assert from_toml["hemtjanst_timme_2016"].unit_cost.magnitude == 510
    assert from_toml["fall_kommun"].unit_cost.magnitude == 4500

    other = catalogue.load(toml_file)
    assert list(other) == ["hemtjanst_timme_2016"]
    assert cat.with_overrides(other)["hemtjanst_timme_2016"].name == "Hemtjänst, TOML"


def test_semicolon_csv_from_swedish_excel(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text(
        "\ufeffkey;name;value;unit;price_year;source;payer\n"
        'hvb_egen;HVB, egen;4 500,50;kr/dygn;2018;egen;"kommun:0,6;region:0,4"\n',
        encoding="utf-8",
    )
    item = catalogue.load(path)["hvb_egen"]
    assert item.unit_cost.to("SEK/day").magnitude == 4500.5
    assert item.payer_shares == {"kommun": 0.6, "region": 0.4}


# --- search --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("försörjningsstöd månad", "ekonomiskt_bistand_hushall_manad_2012"),
        ("bistand stockholm", "ekonomiskt_bistand_hushall_manad_stockholm_2017"),
        ("hemtjänst", "hemtjanst_timme_2016"),
        ("home care", "hemtjanst_timme_2016"),
        ("social assistance month", "ekonomiskt_bistand_hushall_manad_2012"),
        ("nursing home", "sarskilt_boende_dygn_2016"),
        ("foster care", "familjehem_konsulentstott_dygn_lag_2015"),
        ("HVB Helsingborg", "hvb_barn_unga_dygn_helsingborg_2015"),
        ("youth care full cost", "sis_ungdomsvard_dygn_2023"),
        ("fall injuries", "fallskador_total_2020"),
        ("Riksrevisionen", "sis_ungdomsvard_dygn_2023"),
    ],
)
def test_search_in_swedish_and_english(cat: Catalogue, words: str, expected: str) -> None:
    found = cat.search(words)
    assert expected in found
    assert isinstance(found, Catalogue)


def test_search_narrows_and_may_find_nothing(cat: Catalogue) -> None:
    assert list(cat.search("home care")) == [
        "hemtjanst_timme_2016",
        "hemtjanst_timme_2015",
        "hemtjanst_timme",
    ]
    assert len(cat.search("inget sådant ord")) == 0
    assert list(cat.search(["SiS", "låsbar"])) == ["sis_avgift_behandling_last_dygn_2020"]
    # a short word starts a word: "sis" is not found inside "assistance"
    assert all(key.startswith("sis_") for key in cat.search("sis"))
    assert len(cat.search("sis")) == 5  # four rows and the alias sis_ungdomsvard_dygn
    # a longer word may sit inside a Swedish compound
    assert "ekonomiskt_bistand_hushall_ar_2022" in cat.search("stöd")


# --- bad files -----------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "bad.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "key,name,value,unit,source\nx,X,1,kr/dygn,s\n")
    with pytest.raises(InputError) as info:
        catalogue.load(path)
    message = str(info.value)
    assert str(path) in message
    assert "price_year" in message
    assert "e.g." in message


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nhvb,HVB,4500,kr/dygn,2018,s\nhvb,HVB,4600,kr/dygn,2018,s\n")
    with pytest.raises(InputError, match="duplicate key") as info:
        catalogue.load(path)
    assert "line 2" in str(info.value)
    assert "line 3" in str(info.value)
    assert info.value.value == "hvb"


def test_duplicate_key_in_toml_is_a_toml_error(tmp_path: Path) -> None:
    path = write(tmp_path, '[a]\nname = "x"\n[a]\nname = "y"\n', "bad.toml")
    with pytest.raises(InputError, match="TOML"):
        catalogue.load(path)


@pytest.mark.parametrize("unit", ["tim", "kr*år", "%"])
def test_wrong_dimension_names_row_key_and_field(tmp_path: Path, unit: str) -> None:
    path = write(tmp_path, f"{HEADER}\nhvb,HVB,4500,{unit},2018,s\n")
    with pytest.raises(UnitError) as info:
        catalogue.load(path)
    message = str(info.value)
    assert str(path) in message
    assert "line 2" in message
    assert "'hvb'" in message
    assert "unit" in message
    assert "kr/dygn" in message
    assert isinstance(info.value, ValueError)


def test_wrong_dimension_in_an_override_dict(cat: Catalogue) -> None:
    with pytest.raises(UnitError, match="unit_cost"):
        cat.with_overrides(
            {"x": {"name": "X", "unit_cost": "3 tim/vecka", "price_year": 2020, "source": "s"}}
        )


def test_price_year_the_index_lacks(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER},price_index\nhvb,HVB,4500,kr/dygn,2012,s,OPI\n")
    with pytest.raises(PriceYearError) as info:
        catalogue.load(path)
    message = str(info.value)
    assert "'hvb'" in message
    assert "price_year" in message
    assert "2014-2023" in message


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("hvb,HVB,4500,kr/dygn,,s", "price_year"),
        ("hvb,HVB,4500,kr/dygn,2018,", "source"),
        ("hvb,HVB,4500,kr/dygn,tjugo,s", "a four-digit year"),
        ("hvb,HVB,12,000,kr/dygn,2018,s", "cells"),
        ("hvb,HVB,fyra,kr/dygn,2018,s", "value"),
    ],
)
def test_other_bad_rows(tmp_path: Path, line: str, needle: str) -> None:
    path = write(tmp_path, f"{HEADER}\n{line}\n")
    with pytest.raises(InputError, match=needle):
        catalogue.load(path)


def test_bad_payer_shares_and_unknown_column(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER},payer\nf,Fall,1,kr,2020,s,kommun:0.56;region:0.41\n")
    with pytest.raises(InputError, match="sum to 1") as info:
        catalogue.load(path)
    assert "'f'" in str(info.value)
    path = write(tmp_path, f"{HEADER},prisår\nf,Fall,1,kr,2020,s,2020\n")
    with pytest.raises(InputError, match="unknown columns prisår"):
        catalogue.load(path)


def test_unreadable_and_unknown_file_types(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        catalogue.load(tmp_path / "saknas.csv")
    with pytest.raises(InputError, match="file type"):
        catalogue.load(write(tmp_path, "x", "bad.xlsx"))


def test_override_with_unknown_index_or_wrong_key(cat: Catalogue) -> None:
    item = sk.CostItem(
        key="x", name="X", unit_cost="1 kr/dygn", price_year=2020, price_index="LPIK"
    )
    with pytest.raises(InputError, match="price_index"):
        cat.with_overrides({"x": item})
    with pytest.raises(InputError, match="key"):
        cat.with_overrides({"y": item})


# --- provenance in results and evaluate() with catalogue keys ------------------------------


def keyed_servicetrainee() -> tuple[sk.Intervention, sk.Settings]:
    intervention, settings = sk.examples.servicetrainee()
    return intervention.model_copy(update={"cost_items": ["ekonomiskt_bistand"]}), settings


def test_evaluate_with_catalogue_keys_matches_the_inline_item() -> None:
    inline = sk.evaluate(*sk.examples.servicetrainee())
    intervention, settings = keyed_servicetrainee()
    intervention = sk.Intervention.model_validate(intervention.model_dump())
    assert intervention.cost_items == ["ekonomiskt_bistand"]
    keyed = sk.evaluate(intervention, settings)  # resolved in catalogue.default()
    assert keyed.npv == pytest.approx(inline.npv, rel=1e-12)
    assert keyed.assumptions()[0].source == catalogue.default()["ekonomiskt_bistand"].source
    own = catalogue.default().with_overrides(
        {
            "ekonomiskt_bistand": {
                "name": "Bistånd",
                "unit_cost": "12 000 kr/mån",
                "price_year": 2023,
                "source": "egen",
                "confidence": "A",
            }
        }
    )
    # more avoided per month (12 000 > 9 185 kr in 2023 prices): a higher NPV
    assert sk.evaluate(intervention, settings, catalogue=own).npv > keyed.npv


def test_assumption_log_flags_weak_provenance() -> None:
    result = sk.evaluate(*sk.examples.servicetrainee())
    (row,) = [row for row in result.assumptions() if row.kind == "cost_item"]
    # 7 149 kr/mån (2012) * 403.70 / 314.20 = 9 185.39 kr/mån (2023)
    assert row.rebased_value == pytest.approx(7149 * 403.70 / 314.20)
    assert row.weak is True
    sv_en = (
        catalogue.confidence_words(row.confidence),
        catalogue.confidence_words(row.confidence, "en"),
    )
    assert sv_en == ("härlett", "derived")
    text_sv = format_assumption_log(result)
    assert "9 185 kr/mån" in text_sv
    assert "svag härkomst (härlett)" in text_sv
    text_en = format_assumption_log(result, lang="en")
    assert "9,185 SEK/month" in text_en
    assert "weak provenance (derived)" in text_en
    with pytest.raises(InputError, match="lang"):
        format_assumption_log(result, lang="de")


@pytest.mark.parametrize(
    ("confidence", "words"),
    [("S", "står i källan"), ("S2", "andrahandskälla"), ("D", "härlett"), ("A", "antagande")],
)
def test_confidence_words(confidence: str, words: str) -> None:
    assert catalogue.confidence_words(confidence) == words
    item = sk.CostItem(
        key="x",
        name="X",
        unit_cost="1 kr/dygn",
        price_year=2020,
        source="s",
        confidence=confidence,
    )
    assert catalogue.weak_provenance(item) is (confidence != "S")


def test_no_source_is_weak() -> None:
    item = sk.CostItem(key="x", name="X", unit_cost="1 kr/dygn", price_year=2020, confidence="S")
    assert catalogue.weak_provenance(item)
    assert "ingen källa" in catalogue.weakness_text(item)


def test_number_format() -> None:
    # one number formatter (language.numbers), one minus sign: "-" as in every report
    assert format_amount(11_600_000_000) == "11 600 000 000"
    assert format_amount(1_234_567.5, "en") == "1,234,568"
    assert format_amount(-12.5) == "-12,50"


# --- Kolada (a fake client with the KoladaClient.fetch signature; no network) --------------


class FakeKolada:
    def __init__(self, values: dict[tuple[str, int], float | None]) -> None:
        self.values = values
        self.calls: list[tuple[str, str, list[int]]] = []

    def fetch(self, kpi: str, municipality: str, years: int | Iterable[int]) -> list[KoladaValue]:
        wanted = [years] if isinstance(years, int) else list(years)
        self.calls.append((kpi, municipality, wanted))
        return [
            KoladaValue(kpi, municipality, year, self.values.get((kpi, year)), "T", "", 1)
            for year in wanted
        ]


def test_with_kolada_adds_dated_items_and_an_alias(cat: Catalogue) -> None:
    client = FakeKolada({("N33100", 2021): 3300.0, ("N33100", 2023): 3450.0})
    mapping = {"hvb_orebro": {"kpi": "N33100", "unit": "kr/dygn", "name": "HVB Örebro"}}
    local = cat.with_kolada(client, "1880", [2021, 2022, 2023], mapping)
    assert client.calls == [("N33100", "1880", [2021, 2022, 2023])]
    assert "hvb_orebro_2022" not in local  # missing in Kolada: no item, never 0
    item = local["hvb_orebro"]
    assert local.aliases["hvb_orebro"] == "hvb_orebro_2023"
    assert (item.unit_cost.to("SEK/day").magnitude, item.price_year) == (3450.0, 2023)
    assert item.source is not None
    assert "Kolada (RKA)" in item.source
    assert "N33100" in item.source
    assert item.price_index == "OPI"
    assert item.confidence == "S"
    # OPI from 2021 to 2021: no gap; 2021 -> 2023 crosses the gap
    assert local.rebased("hvb_orebro_2021", 2021).unit_cost.magnitude == 3300.0
    with pytest.raises(PriceYearError):
        local.rebased("hvb_orebro_2021", 2023)
    assert "hemtjanst_timme" in local  # the shipped items stay


def test_with_kolada_default_mapping_and_errors(cat: Catalogue) -> None:
    client = FakeKolada({("N33100", 2020): 3000.0, ("N33101", 2020): 1200.0})
    local = cat.with_kolada(client, "0581", 2020)
    assert set(catalogue.KOLADA_MAPPING) <= set(local.aliases)
    assert local["familjehem_barn_unga_dygn_kolada"].geography == "0581"
    with pytest.raises(sk.DataSourceError, match="no value"):
        cat.with_kolada(FakeKolada({}), "0581", [2020])
    with pytest.raises(PriceYearError):  # OPI has no 2030
        cat.with_kolada(FakeKolada({("N33100", 2030): 1.0, ("N33101", 2030): 1.0}), "0581", 2030)
    with pytest.raises(InputError, match="Kolada mapping"):
        cat.with_kolada(client, "0581", 2020, {"x": {"kpi": "N33100"}})

"""Skolfam, Örebro: school support for children aged 7-14 placed in family homes.

What the source says (``shared/context/exempel-sociala-investeringar.txt``): Skolfam is
for 30-40 children placed in family homes (familjehem), aged 7-14, in Örebro kommun. A
team (the child's and the family home's social workers, a special-needs teacher and a
psychologist) follows each child until the end of compulsory school. Among its aims:
fewer children moved from a family home to an HVB home (hem för vård eller boende). It
will be evaluated by a historical comparison; no effect size is given. So nearly every
number here is an assumption (confidence ``"A"``), and the uncertainty is wide
(:func:`sociokalkyl.examples.uncertain.skolfam_uncertainty`).

The figures and their sources (``shared/reference/swedish-unit-costs.csv``):

* external HVB placements, 4 500 kr per day on average, Motala 2018 (S2, corren.se);
  a child moved from a family home usually goes to a purchased (external) HVB;
* HVB for children and young people, 2 636 kr per care day, Helsingborg 2015 (S,
  Helsingborg's annual report, socialnämnden's key figures): the low end of the range
  in the uncertainty (Helsingborg's own institutions);
* konsulentstött familjehem, 1 900-4 200 kr per day about 2015 (S2, Sveriges Radio,
  article 6403446); the midpoint, (1 900 + 4 200) / 2 = 3 050 kr, is used: a derived
  figure (confidence ``"D"``).

Assumptions (``"A"``), with the reason:

* 35 children enter in year 0 (the middle of 30-40); each is followed 6 years (from a
  mean age of about 10.5 to the end of compulsory school at 16);
* without Skolfam a child spends on average 36.5 days a year in HVB (10 % of the
  children in HVB at any time), and the rest of the year in the family home;
* Skolfam cuts the HVB days by 30 % from the second year, for 5 years. A day not spent
  in HVB is spent in the family home, so the family-home days rise by the same
  10.95 days a year: two absolute effects of equal size, scaled together by the
  parameter ``effect_multiplier``;
* the team costs 25 000 kr per child and year (2015 prices) for 6 years, and 300 000 kr
  to start (training, licence): not in the source.

Left out, and why: better school results, later employment and less use of other social
services are Skolfam's main aims, but there is no source for their size here.

Examples
--------
>>> from sociokalkyl import evaluate
>>> result = evaluate(*skolfam())
>>> round(result.npv / 1e6, 1), round(result.break_even_effect, 2)  # mnkr, 2023 prices
(-3.8, 2.38)
"""

from __future__ import annotations

from sociokalkyl.model import (
    BaselineUse,
    CostItem,
    Effect,
    Intervention,
    InterventionCost,
    Settings,
    TargetGroup,
)

__all__ = ["skolfam"]

CONTEXT = "Exempel på sociala investeringar (Gävleborg), avsnittet Skolfam i Örebro kommun"
UNIT_COSTS = "shared/reference/swedish-unit-costs.csv"


def skolfam() -> tuple[Intervention, Settings]:
    """The Skolfam intervention and its settings (base year 2015, 2023 prices, 10 years)."""
    hvb = CostItem(
        key="hvb_barn_unga",
        name="Institutionsvård (HVB) barn och unga, kostnad per vårddygn",
        unit_cost="4 500 kr/dygn",
        price_year=2018,
        payer="kommun",
        source="Externa HVB-placeringar, genomsnitt per dygn, Motala 2018, corren.se "
        f"(press), via {UNIT_COSTS}",
        confidence="S2",
        geography="Motala",
    )
    familjehem = CostItem(
        key="familjehem_konsulentstott",
        name="Konsulentstött familjehem, kostnad per dygn",
        unit_cost="3 050 kr/dygn",
        price_year=2015,
        payer="kommun",
        source="Härlett: mitt i spannet 1 900-4 200 kr/dygn, Sveriges Radio 2015 (S2): "
        "(1 900 + 4 200) / 2 = 3 050 kr/dygn; sverigesradio.se/artikel/6403446 "
        f"(omkring 2015), via {UNIT_COSTS}",
        confidence="D",
        geography="Riket",
    )
    intervention = Intervention(
        name="Skolfam",
        description="Skolstöd för familjehemsplacerade barn 7-14 år i Örebro kommun",
        source=CONTEXT,
        target_group=TargetGroup(
            name="Familjehemsplacerade barn 7-14 år",
            unit="person",
            intake=[35],
            source=f"{CONTEXT}: 30-40 barn; mitten av spannet",
        ),
        cost_items=[hvb, familjehem],
        baseline=[
            BaselineUse(
                cost_item="hvb_barn_unga",
                use="36,5 dygn/år",
                years=6,
                source="Antagande: i genomsnitt 10 % av barnen på HVB vid varje tidpunkt; "
                "följs till grundskolans slut (6 år från medelåldern 10,5)",
                confidence="A",
            ),
            BaselineUse(
                cost_item="familjehem_konsulentstott",
                use="328,5 dygn/år",
                years=6,
                source="Antagande: resten av året i familjehemmet (365 - 36,5 dygn)",
                confidence="A",
            ),
        ],
        effects=[
            Effect(
                cost_item="hvb_barn_unga",
                kind="absolute",
                change="-10,95 dygn/år",
                start_lag=1,
                duration_years=5,
                source="Antagande: 30 % färre HVB-dygn (30 % x 36,5) från andra året; "
                "insatsens mål är färre omplaceringar till HVB, effekten är inte mätt",
                confidence="A",
            ),
            Effect(
                cost_item="familjehem_konsulentstott",
                kind="absolute",
                change="10,95 dygn/år",
                start_lag=1,
                duration_years=5,
                source="Följer av antagandet ovan: ett dygn som inte tillbringas på HVB "
                "tillbringas i familjehemmet",
                confidence="A",
            ),
        ],
        costs=[
            InterventionCost(
                name="Skolfam-team (specialpedagog, psykolog, samordning) per barn",
                kind="per_participant",
                amount="25 000 kr/år",
                duration="6 år",
                price_year=2015,
                payer="kommun",
                source="Antagande (ej i källan): teamets kostnad per barn och år",
                confidence="A",
            ),
            InterventionCost(
                name="Uppstart: utbildning och licens",
                kind="one_off",
                amount="300 000 kr",
                price_year=2015,
                payer="kommun",
                source="Antagande (ej i källan)",
                confidence="A",
            ),
        ],
    )
    settings = Settings(base_year=2015, price_year=2023, horizon=10, discount_rate=0.035)
    return intervention, settings

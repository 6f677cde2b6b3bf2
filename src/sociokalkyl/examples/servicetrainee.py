"""Servicetrainee, Norrköping: 12-month municipal jobs for households on ekonomiskt bistånd.

What the sources say (``shared/context/exempel-sociala-investeringar.txt``): 30 people,
long-term dependent on ekonomiskt bistånd, got one-year jobs in municipal services.
From September 2012 to January 2014 the number of households on assistance fell by
74 % in the project group, against 20 % in a wait-list control and 30 % in a
stratified control: an effect of about 44-54 percentage points. Here the midpoint,
49 points, is used; the range is a distribution in the uncertainty example.

Whose view: the NPV is the **kommun's budget view**. The wage including payroll tax
counts as a cost; the value of the work done, the income tax on the wages and later
earnings are left out, because the sources give no figures for them (all would raise
the return).

What is assumed (confidence ``"A"``) is marked as such, with the reason:

* the source speaks of 30 people (personer); one person per household is assumed, so
  30 households;
* baseline use 10 months a year: long-term assistance is read as 10 of 12 months a
  year (the sources give no number of months);
* baseline exit 20 % a year: the control groups fell 20-30 % in 16 months;
* the effect after the job, -49 points of households x 10 months = -4,9 months a
  year per household, lasts 5 years and fades 20 % a year (the study followed the
  group for 4 months after the job; persistence is not known);
* during the job year the households receive wages instead of assistance (-100 %);
* the wage cost, 26 000 kr a month including payroll taxes in 2012 prices, and
  500 000 kr for supervision and project management: not in the sources.

Examples
--------
>>> from sociokalkyl import evaluate
>>> result = evaluate(*servicetrainee())
>>> round(result.npv / 1e6, 2)  # mnkr, 2023 prices
-5.75
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

__all__ = ["servicetrainee"]

CONTEXT = "Exempel på sociala investeringar (Gävleborg), avsnittet Servicetrainee i Norrköping"


def servicetrainee() -> tuple[Intervention, Settings]:
    """The Servicetrainee intervention and its settings (base year 2012, 2023 prices)."""
    bistand = CostItem(
        key="ekonomiskt_bistand",
        name="Ekonomiskt bistånd per hushåll och biståndsmånad",
        unit_cost="7 149 kr/mån",
        price_year=2012,
        payer="kommun",
        source="Socialstyrelsen, Ekonomiskt bistånd årsstatistik 2012: 47 183 kr per "
        "hushåll och år / 6,6 månader",
        confidence="D",
        geography="Riket",
    )
    intervention = Intervention(
        name="Servicetrainee",
        description="Ettåriga kommunala anställningar för långvarigt biståndsberoende",
        source=CONTEXT,
        target_group=TargetGroup(
            name="Hushåll med långvarigt ekonomiskt bistånd",
            unit="household",
            intake=[30],
            source=f"{CONTEXT}: 30 personer; antagande: en person per hushåll, alltså 30 hushåll",
        ),
        cost_items=[bistand],
        baseline=[
            BaselineUse(
                cost_item="ekonomiskt_bistand",
                use="10 mån/år",
                exit_rate=0.20,
                source="Antagande: långvarigt bistånd tolkas som 10 av 12 månader per år; "
                "utflöde 20 %/år efter kontrollgrupperna (20-30 % på 16 månader)",
                confidence="A",
            )
        ],
        effects=[
            Effect(
                cost_item="ekonomiskt_bistand",
                kind="relative",
                change=-1.0,
                duration_years=1,
                source="Antagande efter insatsens utformning: under anställningsåret får "
                "hushållet lön i stället för bistånd",
                confidence="A",
            ),
            Effect(
                cost_item="ekonomiskt_bistand",
                kind="absolute",
                change="-4,9 mån/år",
                start_lag=1,
                duration_years=5,
                drop_off=0.20,
                source="49 procentenheter färre hushåll med bistånd (mitt i 44-54) x 10 "
                "mån/år; mätt mot kontrollgrupp, så dödvikten är redan avräknad. Varaktighet "
                "och avtagande: antagande",
                confidence="A",
            ),
        ],
        costs=[
            InterventionCost(
                name="Lön inkl. sociala avgifter under anställningen",
                kind="per_participant",
                amount="26 000 kr/mån",
                duration="12 mån",
                price_year=2012,
                payer="kommun",
                source="Antagande (ej i källorna): ingångslön i kommunal service 2012",
                confidence="A",
            ),
            InterventionCost(
                name="Handledning och projektledning",
                kind="one_off",
                amount="500 000 kr",
                price_year=2012,
                payer="kommun",
                source="Antagande (ej i källorna)",
                confidence="A",
            ),
        ],
    )
    settings = Settings(base_year=2012, price_year=2023, horizon=10, discount_rate=0.035)
    return intervention, settings

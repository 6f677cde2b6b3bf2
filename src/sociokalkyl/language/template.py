"""The words of the Excel input template: sheet names, headings, hints, choices."""

from __future__ import annotations

from sociokalkyl.language.catalogue import CATALOGUE_LABELS
from sociokalkyl.language.labels import LABELS, pick
from sociokalkyl.language.workbook import WORKBOOK_LABELS

__all__ = [
    "COST_KIND_WORDS",
    "EFFECT_KIND_WORDS",
    "TARGET_UNIT_WORDS",
    "TEMPLATE_LABELS",
    "TEMPLATE_SHEET_NAMES",
    "template_label",
]

TEMPLATE_LABELS: dict[str, tuple[str, str]] = {
    # the Excel input template (scenario/excel_template.py): (svenska, English)
    # column headings, by the model field they fill
    "key": WORKBOOK_LABELS["key"],
    "name": LABELS["name"],
    "unit_cost": LABELS["kind_cost_item"],
    "unit": WORKBOOK_LABELS["unit"],
    "price_year": WORKBOOK_LABELS["price_year"],
    "payer": LABELS["payer"],
    "price_index": WORKBOOK_LABELS["index"],
    "real_growth": ("Real kostnadsutveckling", "Real cost growth"),
    "source": LABELS["source"],
    "confidence": LABELS["confidence"],
    "geography": WORKBOOK_LABELS["geography"],
    "note": CATALOGUE_LABELS["note"],
    "cost_item": LABELS["cost_item"],
    "use": ("Användning", "Use"),
    "exit_rate": ("Utflöde per år", "Exit rate per year"),
    "profile": ("Profil", "Profile"),
    "years": ("Antal år", "Number of years"),
    "kind": ("Typ", "Kind"),
    "change": ("Förändring", "Change"),
    "start_lag": ("Fördröjning (år)", "Start lag (years)"),
    "ramp_up_years": ("Upprampning (år)", "Ramp-up (years)"),
    "duration_years": ("Varaktighet (år)", "Duration (years)"),
    "drop_off": ("Avtagande per år", "Drop-off per year"),
    "deadweight": ("Dödvikt", "Deadweight"),
    "attribution": ("Tillskrivning", "Attribution"),
    "displacement": ("Undanträngning", "Displacement"),
    "amount": CATALOGUE_LABELS["amount"],
    "duration": ("Varaktighet", "Duration"),
    "duration_unit": ("Varaktighetens enhet", "Unit of the duration"),
    "year": ("Från år", "From year"),
    "description": WORKBOOK_LABELS["description"],
    "target_group.name": LABELS["kind_target"],
    "target_group.unit": ("Deltagarenhet", "Participant unit"),
    "target_group.source": ("Målgruppens källa", "Source of the target group"),
    "other_payers": ("Övriga betalare", "Other payers"),
    "base_year": ("Basår", "Base year"),
    "horizon": WORKBOOK_LABELS["horizon"],
    "discount_rate": WORKBOOK_LABELS["year_rate"],
    "discount_schedule": ("Diskonteringsschema", "Discount schedule"),
    "optimism_bias": ("Påslag för optimism (optimism bias)", "Optimism bias"),
    "intake_year": ("Intag: år", "Intake: year"),
    "intake_count": ("Antal deltagare", "Participants"),
    "intake_hint": ("år 0 = basåret; en rad per år med intag", "year 0 = base year; a row a year"),
    "intake_year_hint": ("år 0, 1, 2, ...", "year 0, 1, 2, ..."),
    "intake_count_hint": (
        "antal deltagare som börjar detta år",
        "participants entering in this year",
    ),
    # hints under the headings
    "hint.key": ("kort id, t.ex. ekonomiskt_bistand", "a short id, e.g. ekonomiskt_bistand"),
    "hint.cost_items.name": ("tom: hämtas ur katalogen", "empty: from the catalogue"),
    "hint.unit_cost": ("tal, t.ex. 7149", "a number, e.g. 7149"),
    "hint.cost_items.unit": (
        "kr/mån, kr/dygn, kr (per händelse)",
        "kr/mån, kr/dygn, kr (per event)",
    ),
    "hint.cost_items.price_year": ("t.ex. 2012", "e.g. 2012"),
    "hint.cost_items.payer": (
        "kommun, eller kommun=0,56; region=0,44",
        "kommun, or kommun=0,56; region=0,44",
    ),
    "hint.price_index": ("KPI eller OPI", "KPI or OPI"),
    "hint.real_growth": ("per år, t.ex. 0,01", "a year, e.g. 0,01"),
    "hint.cost_items.source": ("var siffran kommer ifrån", "where the number comes from"),
    "hint.confidence": ("S, S2, D, A", "S, S2, D, A"),
    "hint.geography": ("t.ex. Riket", "e.g. Riket"),
    "hint.baseline.cost_item": ("nyckel från Kostnadsposter", "a key from Kostnadsposter"),
    "hint.use": ("per deltagare, t.ex. 10", "per participant, e.g. 10"),
    "hint.baseline.unit": ("mån/år, dygn/år, tim/vecka, /år", "mån/år, dygn/år, tim/vecka, /år"),
    "hint.exit_rate": ("andel 0-1, t.ex. 0,2", "a share 0-1, e.g. 0,2"),
    "hint.profile": ("tom, eller t.ex. 1; 0,8; 0,6", "empty, or e.g. 1; 0,8; 0,6"),
    "hint.baseline.years": ("tom = till horisonten", "empty = to the horizon"),
    "hint.effects.cost_item": ("nyckel från Baslinje", "a key from Baslinje"),
    "hint.effects.kind": ("relativ eller absolut", "relativ or absolut"),
    "hint.change": (
        "relativ: andel (-0,49); absolut: t.ex. -4,9",
        "relativ: a share (-0,49); absolut: e.g. -4,9",
    ),
    "hint.effects.unit": (
        "relativ: andel eller %; absolut: mån/år",
        "relativ: andel or %; absolut: mån/år",
    ),
    "hint.start_lag": ("år från intag till start", "years from intake to start"),
    "hint.ramp_up_years": ("0 = full effekt direkt", "0 = the full effect at once"),
    "hint.duration_years": ("tom = till horisonten", "empty = to the horizon"),
    "hint.share": ("andel 0-1", "a share 0-1"),
    "hint.costs.name": ("vad pengarna köper", "what the money buys"),
    "hint.costs.kind": ("engång, per deltagare, per år", "engång, per deltagare, per år"),
    "hint.amount": ("tal, t.ex. 26000", "a number, e.g. 26000"),
    "hint.costs.unit": ("kr, kr/mån, kr/år", "kr, kr/mån, kr/år"),
    "hint.duration": (
        "per deltagare med kr/mån: t.ex. 12",
        "per participant with kr/mån: e.g. 12",
    ),
    "hint.duration_unit": ("mån eller år", "mån or år"),
    "hint.year": ("0 = basåret", "0 = the base year"),
    "hint.costs.years": ("per år: tom = till horisonten", "per year: empty = to the horizon"),
    "hint.costs.price_year": ("tom = analysens prisår", "empty = the analysis price year"),
    "hint.costs.payer": ("kommun, region, stat, individ", "kommun, region, stat, individ"),
    "hint.intervention.name": ("insatsens namn", "the intervention's name"),
    "hint.target_group.name": ("vilka deltagarna är", "who the participants are"),
    "hint.target_group.unit": ("person eller hushåll", "person or hushåll"),
    "hint.other_payers": (
        "utöver kommun, region, stat, individ; skilj med ;",
        "besides kommun, region, stat, individ; separate with ;",
    ),
    "hint.base_year": ("kalenderåret för år 0 (odiskonterat)", "the calendar year of year 0"),
    "hint.settings.price_year": (
        "alla belopp räknas om till detta års priser",
        "every amount is restated in this year's prices",
    ),
    "hint.horizon": ("antal år: år 0 till horisont - 1", "years: year 0 to horizon - 1"),
    "hint.discount_rate": ("real ränta, t.ex. 3,5 %", "a real rate, e.g. 3,5 %"),
    "hint.discount_schedule": (
        "tom, eller asek, green_book, denmark_2018 (ersätter räntan)",
        "empty, or asek, green_book, denmark_2018 (replaces the rate)",
    ),
    "hint.optimism_bias": (
        "påslag på insatsens kostnader, t.ex. 0,1",
        "uplift on the intervention's costs, e.g. 0,1",
    ),
    # the sheet Läs mig; {legend} is confidence_legend(lang)
    "readme": (
        """Mall för en samhällsekonomisk kalkyl med sociokalkyl

Fyll i bladen Insats, Kostnadsposter, Baslinje, Effekter, Kostnader och Inställningar.
Rad 1 är rubriker och rad 2 ger exempel; skriv data från rad 3. Lägg till rader under,
och lämna inga tomma rader mitt i en tabell (de hoppas över). Gula celler är indata.

Belopp skrivs som ett tal i en cell och enheten i cellen bredvid: 7149 och kr/mån.
Enheter: kr, tkr, mnkr; per år, mån, vecka, dygn, tim (t.ex. kr/dygn, mån/år, tim/vecka).
Andelar skrivs som decimaltal (0,2) eller procent (20 %).

Insats: namn, målgrupp och intag (antal deltagare som börjar år 0, 1, 2, ...).
Kostnadsposter: enhetskostnader som insatsen påverkar, med prisår, betalare och källa.
  Betalare: kommun, region, stat, individ, eller andelar: kommun=0,56; region=0,44.
  En rad med bara en nyckel hämtar kostnadsposten ur sociokalkyls katalog.
Baslinje: vad en deltagare hade använt av varje kostnadspost utan insatsen.
Effekter: hur insatsen ändrar användningen. Relativ: andel av baslinjen (-0,49 = 49 %
  mindre). Absolut: användning per deltagare och år (-4,9 mån/år).
Kostnader: vad insatsen kostar (engång, per deltagare, per år) och vem som betalar.
Flöde (Kostnadsposter och Kostnader): resurs (tom), transfer till Mottagare, produktion
  eller arbete (lön, skatter och värdet av arbetet till Ägare). Egna aktörer och nämnder
  (kommun/socialnämnd) under Aktörer på bladet Insats.
Inställningar: basår, prisår, horisont och diskonteringsränta (eller ett namngivet schema).
{legend}

Kör sedan: sociokalkyl run mall.xlsx --out rapport.xlsx (en ny mall: sociokalkyl init mall.xlsx)
Fel i mallen anges med blad och cell, t.ex. Effekter!C4, och vad som förväntades.""",
        """Template for a social cost-benefit analysis with sociokalkyl

Fill in the sheets Insats, Kostnadsposter, Baslinje, Effekter, Kostnader and Inställningar.
Row 1 holds the headings and row 2 examples; write data from row 3. Add rows below, and
leave no empty rows inside a table (they are skipped). Yellow cells are inputs.

An amount is a number in one cell and its unit in the next: 7149 and kr/mån.
Units: kr, tkr, mnkr; per år, mån, vecka, dygn, tim (e.g. kr/dygn, mån/år, tim/vecka).
Shares are decimals (0,2) or percentages (20 %).

Insats: name, target group and intake (participants entering in year 0, 1, 2, ...).
Kostnadsposter: the unit costs the intervention changes, with price year, payer, source.
  Payer: kommun, region, stat, individ, or shares: kommun=0,56; region=0,44.
  A row with only a key takes the cost item from sociokalkyl's catalogue.
Baslinje: what a participant would have used of each cost item without the intervention.
Effekter: how the intervention changes the use. Relativ: a share of the baseline (-0,49 =
  49 % less). Absolut: use per participant and year (-4,9 mån/år).
Kostnader: what the intervention costs (engång, per deltagare, per år) and who pays.
Flöde (Kostnadsposter and Kostnader): resurs (empty), transfer to the Mottagare,
  produktion or arbete (wage, taxes and the value of the work to the Ägare). Own actors
  and nämnder (kommun/socialnämnd) under Aktörer on the sheet Insats.
Inställningar: base year, price year, horizon and discount rate (or a named schedule).
{legend}

Then run: sociokalkyl run mall.xlsx --out rapport.xlsx (a new template: sociokalkyl init mall.xlsx)
Errors in the template name the sheet and the cell, e.g. Effekter!C4, and what was expected.""",
    ),
    # data validation messages
    "invalid.choice": ("Välj ett värde ur listan", "Choose a value from the list"),
    "invalid.int": (
        "Ett heltal (år), t.ex. 2012 eller 5",
        "A whole number (years), e.g. 2012 or 5",
    ),
    "invalid.share": (
        "En andel mellan 0 och 1, t.ex. 0,2 eller 20 %",
        "A share between 0 and 1, e.g. 0,2 or 20 %",
    ),
    "invalid.number": (
        "Ett tal, t.ex. 7149 (enheten skrivs i cellen bredvid)",
        "A number, e.g. 7149 (the unit goes in the next cell)",
    ),
}
"""Headings, hints and validation messages of the Excel input template."""


def template_label(key: str, lang: str = "sv") -> str:
    """A heading or hint of the Excel input template; ``""`` for a key without one.

    Parameters
    ----------
    key
        A key of :data:`TEMPLATE_LABELS` (a field name, or ``"hint.<field>"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The heading or hint.

    Examples
    --------
    >>> template_label("attribution"), template_label("attribution", "en")
    ('Tillskrivning', 'Attribution')
    """
    pair = TEMPLATE_LABELS.get(key)
    return "" if pair is None else pick(pair, lang)


TEMPLATE_SHEET_NAMES: dict[str, tuple[str, str]] = {
    # the Excel template's sheets, in order: key -> (svenska, English)
    "readme": ("Läs mig", "Read me"),
    "intervention": ("Insats", "Intervention"),
    "cost_items": ("Kostnadsposter", "Cost items"),
    "baseline": ("Baslinje", "Baseline"),
    "effects": ("Effekter", "Effects"),
    "costs": ("Kostnader", "Costs"),
    "settings": ("Inställningar", "Settings"),
}
"""The template's sheet names; the template is written in Swedish (the first column)."""

COST_KIND_WORDS: dict[str, str] = {
    "engång": "one_off",
    "per deltagare": "per_participant",
    "per år": "per_year",
}
"""The Swedish words for an intervention cost's kind, as the template offers them."""

EFFECT_KIND_WORDS: dict[str, str] = {"relativ": "relative", "absolut": "absolute"}
"""The Swedish words for an effect's kind."""

TARGET_UNIT_WORDS: dict[str, str] = {
    "person": "person",
    "hushåll": "household",
    "personer": "person",
    "individ": "person",
    "individer": "person",
    "hushall": "household",
}
"""Swedish words for the target group's unit; the first of each (``person``, ``hushåll``)
is the one the template offers and writes, the others are read too."""

"""The words of the template's outcome sheets: *Utfall*, *Utfallskedjor*, *Ej värderade
effekter* (headings, hints, choices and the errors of a cell), Swedish and English.

The template is Swedish, so the sheets' words and their errors are Swedish by default,
as on the sheet *Prisindex* (``docs/outcomes.md``, ``docs/excel.md``).

Examples
--------
>>> OUTCOME_SHEETS
('Utfall', 'Utfallskedjor', 'Ej värderade effekter')
>>> outcome_sheet_text("kind")
'Typ'
"""

from __future__ import annotations

from typing import Any

from sociokalkyl.language.labels import pick

__all__ = [
    "COMBINE_WORDS",
    "OUTCOME_KIND_WORDS",
    "OUTCOME_SHEETS",
    "OUTCOME_SHEET_TEXTS",
    "outcome_sheet_text",
]

OUTCOME_SHEETS = ("Utfall", "Utfallskedjor", "Ej värderade effekter")
"""The sheets: effects on outcomes, the user's own consequence rows, unpriced effects."""

OUTCOME_KIND_WORDS: dict[str, str] = {"sannolikhet": "probability", "frekvens": "rate"}
"""An effect on an outcome: a change of probability, or of events per participant and year."""
COMBINE_WORDS: dict[str, str] = {"största": "max", "lägg till": "add"}
"""How an effect on an outcome combines with another on the same cost item."""

OUTCOME_SHEET_TEXTS: dict[str, tuple[str, str]] = {
    # Utfall: the effects on outcomes
    "outcome": ("Utfall", "Outcome"),
    "hint.outcome": (
        "nyckel: gymnasieexamen, hoftfraktur_undviken, placering_hvb_undviken (katalogen) "
        "eller ett eget utfall från Utfallskedjor",
        "key: gymnasieexamen, hoftfraktur_undviken, placering_hvb_undviken (the catalogue) "
        "or an own outcome from Utfallskedjor",
    ),
    "kind": ("Typ", "Kind"),
    "hint.kind": (
        "sannolikhet (andel som når utfallet) eller frekvens (händelser per deltagare och år)",
        "sannolikhet (share reaching it) or frekvens (events per participant and year)",
    ),
    "change": ("Förändring", "Change"),
    "hint.change": (
        "sannolikhet: 0,05 eller 5 % (procentenheter, -1 till 1); frekvens: t.ex. 0,0046",
        "sannolikhet: 0,05 or 5 % (points, -1 to 1); frekvens: e.g. 0.0046",
    ),
    "years_after_intake": ("År efter intag", "Years after intake"),
    "hint.years_after_intake": ("när utfallet inträffar, t.ex. 9", "when it occurs, e.g. 9"),
    "duration_years": ("Varaktighet (år)", "Duration (years)"),
    "hint.duration_years": ("frekvens: antal år, tom = hela horisonten", "rate: years"),
    "age_at_intake": ("Ålder vid intag", "Age at intake"),
    "hint.age_at_intake": ("för följder mellan två åldrar, t.ex. 10", "for ages, e.g. 10"),
    "combine": ("Kombinera", "Combine"),
    "hint.combine": (
        "största (standard: störst besparing vinner) eller lägg till",
        "största (default: the larger saving wins) or lägg till (added)",
    ),
    # Utfallskedjor: the user's own consequence rows
    "hint.chain_outcome": (
        "det egna utfallets nyckel, t.ex. placering_undviken",
        "the own outcome's key, e.g. placering_undviken",
    ),
    "outcome_name": ("Utfallets namn", "Outcome's name"),
    "hint.outcome_name": ("på utfallets första rad", "on the outcome's first row"),
    "row": ("Rad", "Row"),
    "hint.row": ("radens nyckel, t.ex. hvb", "the row's key, e.g. hvb"),
    "row_name": ("Radens namn", "Row's name"),
    "cost_item": ("Kostnadspost", "Cost item"),
    "hint.cost_item": (
        "en kostnadspost (eller katalogens), med Förändring; annars Belopp",
        "a cost item (or the catalogue's) with Change; else Amount",
    ),
    "use_change": ("Förändring", "Change"),
    "hint.use_change": ("per person, t.ex. -365", "per person, e.g. -365"),
    "unit": ("Enhet", "Unit"),
    "hint.use_unit": ("t.ex. dygn/år", "e.g. dygn/år"),
    "amount": ("Belopp", "Amount"),
    "hint.amount": ("med tecken: -129800 (sparat) eller 66700", "signed: -129800 or 66700"),
    "hint.amount_unit": ("kr (per händelse) eller kr/år", "kr (per event) or kr/år"),
    "price_year": ("Prisår", "Price year"),
    "hint.price_year": ("beloppets prisår, t.ex. 2016", "the amount's price year"),
    "price_index": ("Prisindex", "Price index"),
    "hint.price_index": ("KPI eller OPI", "KPI or OPI"),
    "payer": ("Betalare", "Payer"),
    "hint.payer": ("kommun, eller kommun=0,58; region=0,42", "kommun, or shares"),
    "profile": ("Profil", "Profile"),
    "hint.profile": ("en av Profil, År, Åldrar: t.ex. 1; 0,5", "one of three: e.g. 1; 0,5"),
    "years": ("År", "Years"),
    "hint.years": ("antal år efter utfallet, t.ex. 2", "years after the outcome, e.g. 2"),
    "ages": ("Åldrar", "Ages"),
    "hint.ages": ("från; till, t.ex. 24; 65", "from; to, e.g. 24; 65"),
    "range": ("Spann", "Range"),
    "hint.range": (
        "lägsta; högsta storlek, t.ex. 33350; 133400 (till Monte Carlo)",
        "low; high size, e.g. 33350; 133400 (to Monte Carlo)",
    ),
    "horizon": ("Mätperiod", "Horizon"),
    "hint.horizon": ("perioden siffran mättes över, t.ex. första året", "e.g. first year"),
    "outcome_source": ("Utfallets källa", "Outcome's source"),
    "outcome_description": ("Utfallets beskrivning", "Outcome's description"),
    "hint.text": ("text", "text"),
    # Ej värderade effekter
    "unpriced": ("Ej värderad effekt", "Unpriced effect"),
    "hint.unpriced": (
        "en effekt som ingen kan prissätta, en per rad (t.ex. ökad tillit)",
        "an effect no one can price, one a row",
    ),
    # the errors of a cell
    "bad_probability": (
        "{header}: en förändrad sannolikhet ligger mellan -1 och 1 (procentenheter som andel)",
        "{header}: a change of probability lies in [-1, 1]",
    ),
    "expected_probability": (
        "t.ex. 0,05 eller 5 % för 5 procentenheter fler",
        "e.g. 0.05 or 5 % for 5 percentage points more",
    ),
    "before_intake": (
        "{header}: ett utfall kan inte inträffa före intaget",
        "{header}: an outcome cannot occur before intake",
    ),
    "expected_years": ("0 eller fler år efter intaget, t.ex. 9", "0 or more years, e.g. 9"),
    "unknown_outcome": ("{header}: okänt utfall{hint}", "{header}: unknown outcome{hint}"),
    "expected_outcome": (
        "en nyckel i konsekvenskatalogen ({shipped}) eller på bladet Utfallskedjor",
        "a key of the consequence catalogue ({shipped}) or of the sheet Utfallskedjor",
    ),
    "did_you_mean": ("; menade du {name!r}?", "; did you mean {name!r}?"),
    "missing": ("{header} saknas", "{header} is missing"),
    "two_numbers": ("{header}: två tal, lägsta; högsta", "{header}: two numbers, low; high"),
    "expected_two": ("t.ex. 24; 65", "e.g. 24; 65"),
    "conflict": (
        "{header} för utfallet {outcome} skiljer sig från {first}",
        "{header} of the outcome {outcome} differs from {first}",
    ),
    "expected_same": ("samma värde på varje rad av utfallet, eller tomt", "the same, or empty"),
    "row_twice": ("raden {row!r} finns två gånger i utfallet {outcome}", "row given twice"),
    "expected_row": ("en unik nyckel per rad i ett utfall", "a unique key per row"),
    "unknown_item": (
        "{header}: okänd kostnadspost{hint}",
        "{header}: unknown cost item{hint}",
    ),
    "expected_item": (
        "en nyckel på bladet Kostnadsposter eller i katalogen (sociokalkyl catalogue)",
        "a key of the sheet Kostnadsposter or of the catalogue (sociokalkyl catalogue)",
    ),
    "readme": (
        "Utfall: insatsens effekt på ett utfall (gymnasieexamen, hoftfraktur_undviken, "
        "placering_hvb_undviken ur katalogen, eller ett eget). Utfallskedjor: egna utfall, "
        "en rad per följd (Kostnadspost med Förändring, eller Belopp). Ej värderade "
        "effekter: det som inte kan prissättas. Med utfall får Kostnadsposter, Baslinje "
        "och Effekter vara tomma. Se docs/outcomes.md.",
        "Utfall: the intervention's effect on an outcome. Utfallskedjor: own outcomes, one "
        "row a consequence. Ej värderade effekter: what cannot be priced. See "
        "docs/outcomes.md.",
    ),
}
"""Headings (``key``), hints (``hint.<key>``) and errors, with ``{fields}``."""


def outcome_sheet_text(key: str, lang: str = "sv", **fields: Any) -> str:
    """A text of :data:`OUTCOME_SHEET_TEXTS` with its fields filled (Swedish by default).

    Parameters
    ----------
    key
        A key of :data:`OUTCOME_SHEET_TEXTS`.
    lang
        ``"sv"`` (default) or ``"en"``.
    **fields
        The values of the text's ``{fields}``.

    Returns
    -------
    str

    Examples
    --------
    >>> outcome_sheet_text("before_intake", header="År efter intag")
    'År efter intag: ett utfall kan inte inträffa före intaget'
    """
    return pick(OUTCOME_SHEET_TEXTS[key], lang).format(**fields)

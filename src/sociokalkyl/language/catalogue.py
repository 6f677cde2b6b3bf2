"""The words of the catalogue command and of the notes written into catalogue items."""

from __future__ import annotations

from sociokalkyl.language.labels import CONFIDENCE_WORDS, LABELS, pick
from sociokalkyl.language.workbook import WORKBOOK_LABELS

__all__ = ["CATALOGUE_LABELS", "catalogue_label"]

CATALOGUE_LABELS: dict[str, tuple[str, str]] = {
    # the catalogue command and the catalogue's provenance words: (svenska, English)
    "csv.key": ("nyckel", "key"),
    "csv.alias_of": ("alias_för", "alias_of"),
    "csv.name": ("beskrivning", "description_sv"),
    "csv.name_en": ("beskrivning_en", "description_en"),
    "csv.value": ("belopp", "value"),
    "csv.unit": ("enhet", "unit"),
    "csv.price_year": ("prisår", "price_year"),
    "csv.price_index": ("prisindex", "price_index"),
    "csv.payer": ("betalare", "payer"),
    "csv.geography": ("geografi", "geography"),
    "csv.source": ("källa", "source"),
    "csv.confidence": ("säkerhet", "confidence"),
    "csv.provenance": ("härkomst", "provenance"),
    "csv.weak_provenance": ("svag_härkomst", "weak_provenance"),
    "csv.note": ("anmärkning", "note"),
    "csv.rebased_value": ("belopp_{year}", "value_{year}"),
    "csv.rebase_note": ("omräkning_{year}", "rebasing_{year}"),
    "key": WORKBOOK_LABELS["key"],
    "amount": ("Belopp", "Amount"),
    "unit": WORKBOOK_LABELS["unit"],
    "price_year": WORKBOOK_LABELS["price_year"],
    "index": ("Index", "Index"),
    "payer": LABELS["payer"],
    "confidence": LABELS["confidence"],
    "in_prices": ("I {year} års priser", "In {year} prices"),
    "prices_of": ("i {year} års priser", "in {year} prices"),
    "log_heading": (
        "Kostnadsposter och deras källor (priser {year}):",
        "Cost items and their sources ({year} prices):",
    ),
    "title": (
        "Kostnadskatalogen: {items} poster, {aliases} alias",
        "Cost catalogue: {items} items, {aliases} aliases",
    ),
    "restated": (
        "; belopp omräknade till {year} års priser med postens index (KPI eller OPI)",
        "; amounts restated in {year} prices with each item's index (KPI or OPI)",
    ),
    "sources_notes": ("Källor och anmärkningar:", "Sources and notes:"),
    "alias_of": ("alias för", "alias of"),
    "source": LABELS["source"],
    "geography": WORKBOOK_LABELS["geography"],
    "not_given": CONFIDENCE_WORDS[None],
    "no_source": ("ingen källa angiven", "no source given"),
    "weak": ("OBS: svag härkomst", "Note: weak provenance"),
    "not_official": ("siffran är inte officiell statistik", "not an official statistic"),
    "note": ("Anmärkning", "Note"),
    "no_match": ("Inga poster matchar {text!r}.", "No item matches {text!r}."),
    "error": ("fel", "error"),
    "and": ("och", "and"),
    "rebase_lacks": (
        "kan inte räknas om: {index} saknar år {year} (täcker {covers})",
        "cannot be restated: {index} lacks the year {year} (covers {covers})",
    ),
    "rebase_gap": (
        "kan inte räknas om från {start} till {end}: {index} har ett glapp mellan dem "
        "(täcker {covers})",
        "cannot be restated from {start} to {end}: {index} has a gap between them "
        "(covers {covers})",
    ),
    "yes": ("ja", "True"),
    "no": ("nej", "False"),
    # notes written into a catalogue item (the catalogue's data is Swedish)
    "alias_note": ("Alias för {target}.", "Alias of {target}."),
    "rebased_note": (
        "Omräknad från prisår {from_year} till {to_year} med {index} (faktor {factor}).",
        "Rebased from price year {from_year} to {to_year} with {index} (factor {factor}).",
    ),
}
"""Labels of the catalogue command (table, CSV headers) and of weak provenance."""


def catalogue_label(key: str, lang: str = "sv", **names: object) -> str:
    """A label of the catalogue command, with ``names`` filled in.

    Parameters
    ----------
    key
        A key of :data:`CATALOGUE_LABELS`.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).
    **names
        What fills the label's ``{placeholders}`` (``year``, ``items``, ``text``).

    Returns
    -------
    str
        The label; the key itself when there is none.

    Examples
    --------
    >>> catalogue_label("in_prices", "en", year=2021)
    'In 2021 prices'
    """
    pair = CATALOGUE_LABELS.get(key)
    return key if pair is None else pick(pair, lang).format(**names)


# --- words of the output-safety rules (issue 15) --------------------------------------------
CATALOGUE_LABELS["rebase_overflow"] = (
    "kan inte räknas om: beloppet i {year} års priser blir för stort för ett tal "
    "(över 1,8e308); kontrollera beloppet",
    "cannot be restated: the amount in {year} prices is too large for a number "
    "(over 1.8e308); check the amount",
)

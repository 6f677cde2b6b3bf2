"""The Excel input template's words for flows, actors, tax rates and perspectives.

Headings and hints of the columns Flöde, Mottagare and Ägare (cost items and
intervention costs), the field Aktörer (sheet Insats) and the tax rates and perspectives
(sheet Inställningar); see ``docs/excel.md`` and ``docs/perspectives.md``.
"""

from __future__ import annotations

from sociokalkyl.language.labels import pick

__all__ = ["FLOW_WORDS", "TEMPLATE_PERSPECTIVE_LABELS", "template_perspective_label"]

FLOW_WORDS: dict[str, str] = {
    "resurs": "resource",
    "transfer": "transfer",
    "produktion": "production",
    "arbete": "work",
}
"""The Swedish words for a flow kind, as the template offers them (``resurs`` is the
default when the cell is empty)."""

TEMPLATE_PERSPECTIVE_LABELS: dict[str, tuple[str, str]] = {
    "flow": ("Flöde", "Flow"),
    "recipient": ("Mottagare", "Recipient"),
    "owner": ("Ägare", "Owner"),
    "actors": ("Aktörer", "Actors"),
    "perspective": ("Rubrikperspektiv", "Headline perspective"),
    "perspectives": ("Egna perspektiv", "Own perspectives"),
    "municipal_tax_rate": ("Kommunalskatt (kommun + region)", "Municipal income tax rate"),
    "kommun_tax_share": ("Kommunens andel av kommunalskatten", "The kommun's share of the tax"),
    "employer_contribution_rate": ("Arbetsgivaravgifter", "Employer contribution rate"),
    "hint.flow": (
        "resurs (tom), transfer, produktion (bara kostnadsposter) eller arbete",
        "resurs (empty), transfer, produktion (cost items only) or arbete",
    ),
    "hint.recipient": (
        "vem som får en transfer eller lön, t.ex. individ",
        "who receives a transfer or wage, e.g. individ",
    ),
    "hint.owner": (
        "vem värdet av produktion eller arbete tillfaller, t.ex. övriga",
        "who owns the value of production or work, e.g. övriga",
    ),
    "hint.actors": (
        "egna aktörer och nämnder, t.ex. kommun/socialnämnd; skilj med ;",
        "own actors and nämnder, e.g. kommun/socialnämnd; separate with ;",
    ),
    "hint.perspective": (
        "samhället (tom), offentlig sektor, kommun eller ett eget perspektiv",
        "samhället (empty), offentlig sektor, kommun or an own perspective",
    ),
    "hint.perspectives": (
        "namn: aktör, aktör; skilj perspektiven med ; t.ex. kommun_och_region: kommun, region",
        "name: actor, actor; separate perspectives with ; e.g. kommun_och_region: kommun, region",
    ),
    "hint.municipal_tax_rate": ("riksgenomsnitt 2024: 32,37 %", "national average 2024: 32,37 %"),
    "hint.kommun_tax_share": ("resten går till regionen", "the region has the rest"),
    "hint.employer_contribution_rate": ("31,42 % år 2024", "31,42 % in 2024"),
}
"""Headings and hints by key: ``(svenska, English)``."""


def template_perspective_label(key: str, lang: str = "sv") -> str:
    """A heading or hint of the template's flow, actor and tax columns; ``""`` for none.

    Parameters
    ----------
    key
        A key of :data:`TEMPLATE_PERSPECTIVE_LABELS` (``"flow"``, ``"hint.flow"``, ...).
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str
        The heading or hint.

    Examples
    --------
    >>> template_perspective_label("recipient"), template_perspective_label("owner", "en")
    ('Mottagare', 'Owner')
    """
    pair = TEMPLATE_PERSPECTIVE_LABELS.get(key)
    return "" if pair is None else pick(pair, lang)

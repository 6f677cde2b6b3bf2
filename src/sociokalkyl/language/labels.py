"""The words every part shares, Swedish and English: report headings, confidence marks,
assumption-log words, units, the command line's status lines.

Each table maps a key to ``(svenska, English)``, so both languages exist by construction.
The words of one output live beside it in this package: Monte Carlo tables
(:mod:`~sociokalkyl.language.simulation`), parameters (:mod:`~sociokalkyl.language.parameters`),
the xlsx report (:mod:`~sociokalkyl.language.workbook`), the catalogue
(:mod:`~sociokalkyl.language.catalogue`) and the Excel template
(:mod:`~sociokalkyl.language.template`).
"""

from __future__ import annotations

from typing import Any, Literal

from sociokalkyl.errors import InputError

__all__ = [
    "CLI_MESSAGES",
    "CONFIDENCE_WORDS",
    "LABELS",
    "UNIT_WORDS",
    "WEAK_CONFIDENCE",
    "WORDS",
    "Lang",
    "as_lang",
    "confidence_label",
    "confidence_words",
    "label",
    "pick",
    "unit_word",
    "word",
]

Lang = Literal["sv", "en"]


def as_lang(lang: str) -> Lang:
    """The language ``lang``, checked: ``"sv"`` or ``"en"``, typed as :data:`Lang`.

    Parameters
    ----------
    lang
        A language code as a string.

    Returns
    -------
    Lang
        ``"sv"`` or ``"en"``.

    Raises
    ------
    InputError
        For any other code (``"sw"``, ``"SV"``), instead of silently choosing one.

    Examples
    --------
    >>> as_lang("sv"), as_lang("en")
    ('sv', 'en')
    >>> as_lang("sw")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    sociokalkyl.errors.InputError: lang: is not a supported language (got 'sw'); ...
    """
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    raise InputError(
        "is not a supported language", field="lang", value=lang, expected='"sv" or "en"'
    )


def pick(pair: tuple[str, str], lang: str = "sv") -> str:
    """The Swedish or English half of a ``(svenska, English)`` pair.

    Parameters
    ----------
    pair
        ``(svenska, English)``, as every label table holds its words.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        ``pair[0]`` for ``"sv"``, else ``pair[1]``.

    Examples
    --------
    >>> pick(("år", "years"), "en")
    'years'
    """
    return pair[0] if lang == "sv" else pair[1]


CONFIDENCE_WORDS: dict[str | None, tuple[str, str]] = {
    # mark: (svenska, English); None is a number without a mark
    "S": ("står i källan", "seen in the source"),
    "S2": ("andrahandskälla", "secondary source"),
    "D": ("härlett", "derived"),
    "A": ("antagande", "assumption"),
    None: ("ej angiven", "not given"),
}
"""What a confidence mark means, in words: the one source for every report and list."""

WEAK_CONFIDENCE = frozenset({"S2", "D", "A"})
"""Confidence marks that make a number's provenance weak (as do no mark and no source)."""


def confidence_words(mark: str | None, lang: str = "sv") -> str:
    """A confidence mark in words: ``"S2"`` -> ``"andrahandskälla"``; an unknown mark as is.

    Parameters
    ----------
    mark
        ``"S"``, ``"S2"``, ``"D"``, ``"A"`` or None (no mark).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The words of :data:`CONFIDENCE_WORDS`.

    Examples
    --------
    >>> confidence_words("S2"), confidence_words("D", "en"), confidence_words(None)
    ('andrahandskälla', 'derived', 'ej angiven')
    """
    pair = CONFIDENCE_WORDS.get(mark)
    return str(mark) if pair is None else pick(pair, lang)


def confidence_label(mark: str | None, lang: str = "sv") -> str:
    """A confidence mark with its words, as reports show it: ``"S: står i källan"``.

    Parameters
    ----------
    mark
        ``"S"``, ``"S2"``, ``"D"``, ``"A"`` or None (no mark: ``"ej angiven"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        ``"<mark>: <words>"``; the words alone for no mark or an unknown one.

    Examples
    --------
    >>> confidence_label("S"), confidence_label("A", "en"), confidence_label(None)
    ('S: står i källan', 'A: assumption', 'ej angiven')
    """
    words = confidence_words(mark, lang)
    return words if mark is None or mark not in CONFIDENCE_WORDS else f"{mark}: {words}"


def _confidence_labels() -> dict[str, tuple[str, str]]:
    marks = [m for m in CONFIDENCE_WORDS if m is not None]
    labels = {f"conf_{m}": (f"{m}: {CONFIDENCE_WORDS[m][0]}", f"{m}: {CONFIDENCE_WORDS[m][1]}")
              for m in marks}  # fmt: skip
    labels["conf_none"] = CONFIDENCE_WORDS[None]
    return labels


LABELS: dict[str, tuple[str, str]] = {
    # key: (svenska, English)
    "key_figures": ("Nyckeltal", "Key figures"),
    "npv": ("Nettonuvärde", "Net present value"),
    "pv_costs": ("Nuvärde av insatsens kostnader", "Present value of intervention costs"),
    "pv_avoided": ("Nuvärde av undvikna kostnader", "Present value of avoided costs"),
    "bcr": ("Nytta/kostnad (kvot)", "Benefit-cost ratio"),
    "irr": ("Internränta", "Internal rate of return"),
    "payback": ("Återbetalningstid", "Payback period"),
    "payback_discounted": ("Återbetalningstid, diskonterad", "Payback period, discounted"),
    "break_even_effect": (
        "Effekt som krävs för att gå jämnt ut (andel av antagen)",
        "Break-even effect (share of the assumed effect)",
    ),
    "max_cost": (
        "Högsta kostnad (nuvärde) som går jämnt ut",
        "Largest cost (present value) that breaks even",
    ),
    "by_payer": ("Per betalare", "By payer"),
    "payer": ("Betalare", "Payer"),
    "by_cost_item": ("Per kostnadspost", "By cost item"),
    "cost_item": ("Kostnadspost", "Cost item"),
    "name": ("Namn", "Name"),
    "pv_baseline": ("Nuvärde utan insats", "Present value without intervention"),
    "years": ("År för år", "Year by year"),
    "year": ("År", "Year"),
    "calendar_year": ("Kalenderår", "Calendar year"),
    "costs": ("Kostnader", "Costs"),
    "avoided": ("Undvikna kostnader", "Avoided costs"),
    "plot_costs": ("Insatsens kostnader", "Intervention costs"),
    "plot_cumulative_discounted": ("Ackumulerat netto, diskonterat", "Cumulative net, discounted"),
    "net": ("Netto", "Net"),
    "discount_factor": ("Diskonteringsfaktor", "Discount factor"),
    "discounted_net": ("Diskonterat netto", "Discounted net"),
    "cumulative_net": ("Ackumulerat netto", "Cumulative net"),
    "cumulative_discounted_net": ("Ackumulerat diskonterat", "Cumulative discounted"),
    "assumptions": ("Antaganden och källor", "Assumptions and sources"),
    "what": ("Vad", "What"),
    "value": ("Värde", "Value"),
    "source": ("Källa", "Source"),
    "confidence": ("Säkerhet", "Confidence"),
    "kind_cost_item": ("Enhetskostnad", "Unit cost"),
    "kind_baseline": ("Utan insats", "Baseline"),
    "kind_effect": ("Effekt", "Effect"),
    "kind_cost": ("Insatskostnad", "Intervention cost"),
    "kind_target": ("Målgrupp", "Target group"),
    "kind_settings": ("Kalkyl", "Settings"),
    "not_within": ("inte inom horisonten", "not within the horizon"),
    "none": ("finns inte", "none"),
    "year_unit": ("år", "years"),
    "analysis": ("Kalkyl", "Analysis"),
    "horizon": ("år från", "years from"),
    "prices": ("års priser", "prices"),
    "discounting": ("diskontering", "discounting"),
    "real_constant": ("real ränta, konstant", "real, constant"),
    "scenario": ("Scenario", "Scenario"),
    "simulation": ("Osäkerhet (Monte Carlo)", "Uncertainty (Monte Carlo)"),
    "simulation_spread": (
        "Osäkerhet (Monte Carlo): fördelning",
        "Uncertainty (Monte Carlo): spread",
    ),
    "measure": ("Mått", "Measure"),
    "rebased": ("i kalkylens priser", "in the analysis prices"),
    # plausibility warnings (model/plausibility.py)
    "warning": ("Varning", "Warning"),
    "implausible_participants": (
        "{value} deltagare är osannolikt många (fler än {limit}); kontrollera, eller godta "
        'med accept_implausible = ["{field}"]',
        "{value} participants is implausibly many (more than {limit}); check it, or accept "
        'it with accept_implausible = ["{field}"]',
    ),
    "implausible_amount": (
        "{value} kr är osannolikt mycket (mer än {limit} kr); kontrollera, eller godta med "
        'accept_implausible = ["{field}"]',
        "{value} kr is implausibly much (more than {limit} kr); check it, or accept it with "
        'accept_implausible = ["{field}"]',
    ),
    **_confidence_labels(),
}
"""Labels of the report, Swedish and English."""


def label(key: str, lang: Lang = "sv") -> str:
    """A label of the report (:data:`LABELS`) in ``lang``; the key itself when there is none.

    Parameters
    ----------
    key
        The label's key (``"npv"``, ``"payback"``, ``"conf_S"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The label.

    Examples
    --------
    >>> label("npv"), label("npv", "en"), label("no_such_key")
    ('Nettonuvärde', 'Net present value', 'no_such_key')
    """
    pair = LABELS.get(key)
    return key if pair is None else pick(pair, lang)


WORDS: dict[str, tuple[str, str]] = {
    "relative": ("relativ", "relative"),
    "absolute": ("absolut", "absolute"),
    "per_participant": ("per deltagare", "per participant"),
    "one_off": ("engångskostnad", "one-off"),
    "per_year": ("per år", "per year"),
    "household": ("hushåll", "household"),
    "person": ("person", "person"),
    "participants": ("deltagare", "participants"),
    "in_year": ("år", "in year"),
    "exit_rate": ("utflöde {} /år", "exit rate {} a year"),
    "years": ("i {} år", "for {} years"),
    "start_lag": ("fördröjning {} år", "start lag {} years"),
    "ramp_up_years": ("upptrappning {} år", "ramp-up {} years"),
    "duration_years": ("varaktighet {} år", "duration {} years"),
    "drop_off": ("avtagande {} /år", "drop-off {} a year"),
    "deadweight": ("dödvikt {}", "deadweight {}"),
    "attribution": ("tillskrivning {}", "attribution {}"),
    "displacement": ("undanträngning {}", "displacement {}"),
}
"""Words of the assumption log, Swedish and English (model field values and names)."""


def word(key: str, lang: Lang = "sv", value: Any = None) -> str:
    """A word of the assumption log (a model field's name or value), ``value`` filled in.

    Parameters
    ----------
    key
        A key of :data:`WORDS` (``"relative"``, ``"one_off"``, ``"drop_off"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).
    value
        What fills the word's ``{}`` (already formatted, e.g. ``"20,0 %"``).

    Returns
    -------
    str
        The word; the key itself when there is none.

    Examples
    --------
    >>> word("drop_off", "sv", "20,0 %"), word("one_off", "en")
    ('avtagande 20,0 %/år', 'one-off')
    """
    pair = WORDS.get(key)
    text = key if pair is None else (pair[0] if lang == "sv" else pair[1])
    if value is not None:
        text = text.format(value)
        if lang == "en" and value == 1:
            text = text.replace(" years", " year")
    return text.replace(" /år", "/år")


UNIT_WORDS: dict[str, tuple[str, str]] = {
    # a word of a unit key (see sociokalkyl.units.unit_key): (svenska, English)
    "SEK": ("kr", "SEK"),
    "tkr": ("tkr", "kSEK"),
    "mnkr": ("mnkr", "MSEK"),
    "year": ("år", "year"),
    "month": ("mån", "month"),
    "week": ("vecka", "week"),
    "day": ("dygn", "day"),
    "hour": ("tim", "hour"),
    "minute": ("min", "minute"),
    "percent": ("%", "%"),
    "household": ("hushåll", "household"),
    "person": ("person", "person"),
    "share": ("andel", "share"),
    "participants": ("deltagare", "participants"),
    "×": ("×", "×"),
}
"""Units in words, by the words of a unit key (``"SEK/day"`` reads ``"kr/dygn"``)."""


def unit_word(key: str, lang: str = "sv") -> str:
    """One word of a unit key in ``lang``; an unknown word (``"1"``, ``"km"``) as is.

    Parameters
    ----------
    key
        A word of a unit key (``"SEK"``, ``"day"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The word of :data:`UNIT_WORDS`.

    Examples
    --------
    >>> unit_word("day"), unit_word("SEK", "en"), unit_word("km")
    ('dygn', 'SEK', 'km')
    """
    pair = UNIT_WORDS.get(key)
    return key if pair is None else pick(pair, lang)


CLI_MESSAGES: dict[str, tuple[str, str]] = {
    "wrote": ("skrev {path}", "wrote {path}"),
    "init": (
        "skrev {path} (exemplet {example}). Redigera filen och kör sedan:",
        "wrote {path} (example {example}). Edit it, then run:",
    ),
    "ok": ("OK: {path}: {name!r}", "OK: {path}: {name!r}"),
    "cost_items": ("{n} kostnadspost(er)", "{n} cost item(s)"),
    "effects": ("{n} effekt(er)", "{n} effect(s)"),
    "costs": ("{n} insatskostnad(er)", "{n} cost(s)"),
    "scenarios": ("{n} scenario(r)", "{n} scenario(s)"),
    "uncertainty": (
        "osäkerhet över {n} parameter/parametrar",
        "uncertainty over {n} parameter(s)",
    ),
}
"""The command line's own status lines: key -> (Swedish, English) format strings."""

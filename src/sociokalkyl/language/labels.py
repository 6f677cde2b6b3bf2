"""Labels of the reports, Swedish and English: headings, assumption-log words, Monte Carlo."""

from __future__ import annotations

from typing import Any, Literal

from sociokalkyl.errors import InputError

__all__ = [
    "CATALOGUE_LABELS",
    "CLI_MESSAGES",
    "CONFIDENCE_WORDS",
    "LABELS",
    "PARAMETER_LABELS",
    "SIMULATION_LABELS",
    "TEMPLATE_LABELS",
    "UNIT_WORDS",
    "WEAK_CONFIDENCE",
    "WORDS",
    "WORKBOOK_LABELS",
    "Lang",
    "as_lang",
    "catalogue_label",
    "confidence_label",
    "confidence_legend",
    "confidence_words",
    "label",
    "parameter_label",
    "pick",
    "simulation_label",
    "template_label",
    "unit_word",
    "word",
    "workbook_label",
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
    # helper "text" (issue 15): plausibility warnings (model/plausibility.py)
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


SIMULATION_LABELS: dict[str, tuple[str, str]] = {
    "intervention": ("Insats", "Intervention"),
    "draws": ("Antal dragningar", "Draws"),
    "seed": ("Slumpfrö", "Seed"),
    "kept_draws": ("Sparade dragningar", "Draws kept"),
    "irr_draws": ("Dragningar med internränta", "Draws with IRR"),
    "price_year": ("Prisår", "Price year"),
    "horizon": ("Horisont (år)", "Horizon (years)"),
    "npv_mean": (f"{LABELS['npv'][0]}, medelvärde", f"{LABELS['npv'][1]}, mean"),
    "npv_std": (
        f"{LABELS['npv'][0]}, standardavvikelse",
        f"{LABELS['npv'][1]}, standard deviation",
    ),
    "prob_npv_positive": ("Sannolikhet för nettonuvärde > 0", "Probability of NPV > 0"),
    "prob_npv_positive_by_payer": ("Sannolikhet för nettonuvärde > 0,", "Probability of NPV > 0,"),
    "prob_payback_within_horizon": (
        "Sannolikhet att återbetalas inom horisonten",
        "Probability of payback within the horizon",
    ),
    "metric": LABELS["measure"],
    "mean": ("Medelvärde", "Mean"),
    "std": ("Std.avvikelse", "Std. deviation"),
    "share_finite": ("Andel dragningar med värde", "Share of draws with a value"),
    "q5": ("5 %-percentil", "5th percentile"),
    "q50": ("median", "median"),
    "q95": ("95 %-percentil", "95th percentile"),
    "prob_positive": ("Andel > 0", "Share > 0"),
    "npv": LABELS["npv"],
    "pv_costs": LABELS["pv_costs"],
    "pv_avoided": LABELS["pv_avoided"],
    "benefit_cost_ratio": LABELS["bcr"],
    "payback": LABELS["payback"],
    "payback_discounted": LABELS["payback_discounted"],
    "irr": LABELS["irr"],
    "payer": LABELS["payer"],
    "cost_item": LABELS["cost_item"],
    # plots of a simulation and a tornado
    "plot_draws": ("dragningar", "draws"),
    "plot_title_draws": ("{name}: {draws} dragningar", "{name}: {draws} draws"),
    "plot_low": ("lågt ({q}-kvantil)", "low ({q} quantile)"),
    "plot_high": ("högt ({q}-kvantil)", "high ({q} quantile)"),
    "plot_tornado_title": (
        "{name}: känslighet, en parameter i taget",
        "{name}: one-way sensitivity",
    ),
    "plot_mnkr": ("mnkr", "MSEK"),
}
"""Labels of the Monte Carlo tables; a metric reads as in the report (``LABELS``)."""


def simulation_label(key: str, lang: Lang = "sv") -> str:
    """A Monte Carlo label; ``"a.b"`` becomes the label of ``a`` followed by ``b``.

    Parameters
    ----------
    key
        A key of :data:`SIMULATION_LABELS`, optionally followed by ``.`` and a name.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The label (the key itself when there is none).

    Examples
    --------
    >>> simulation_label("prob_npv_positive_by_payer.kommun")
    'Sannolikhet för nettonuvärde > 0, kommun'
    """
    head, _, tail = key.partition(".")
    pair = SIMULATION_LABELS.get(head)
    text = head if pair is None else (pair[0] if lang == "sv" else pair[1])
    return f"{text} {tail}" if tail else text


PARAMETER_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    # (section, field): (svenska, English); {item} is the cost item's name, {index} the
    # position or intake year, {name} the intervention cost's name, {year} a price year
    ("target_group", "intake"): (
        "Deltagare som börjar år {index}",
        "Participants entering in year {index}",
    ),
    ("cost_items", "unit_cost"): ("{item} ({year} års priser)", "{item} ({year} prices)"),
    ("cost_items", "real_growth"): (
        "Real kostnadsutveckling för {item}",
        "Real cost growth of {item}",
    ),
    ("baseline", "use"): (
        "Användning av {item} per deltagare utan insatsen",
        "Baseline use of {item} per participant",
    ),
    ("baseline", "exit_rate"): (
        "Årligt utflöde från {item} utan insatsen",
        "Yearly exit from {item} without the intervention",
    ),
    ("effects", "change"): ("Förändring av användningen av {item}", "Change of {item} use"),
    ("effects", "drop_off"): ("Avtagande per år för effekt {index}", "Drop-off of effect {index}"),
    ("effects", "deadweight"): ("Dödvikt för effekt {index}", "Deadweight of effect {index}"),
    ("effects", "attribution"): (
        "Tillskrivning för effekt {index}",
        "Attribution of effect {index}",
    ),
    ("effects", "displacement"): (
        "Undanträngning för effekt {index}",
        "Displacement of effect {index}",
    ),
    ("costs", "amount"): ("{name}", "{name}"),
    ("settings", "optimism_bias"): (
        "Påslag för optimismbias på insatsens kostnader",
        "Optimism-bias uplift on intervention costs",
    ),
    ("settings", "effect_multiplier"): (
        "Multipel av varje effekt (1 = som angiven)",
        "Multiple of every effect (1 = as given)",
    ),
    ("settings", "discount_rate"): ("Real kalkylränta", "Real discount rate"),
}
"""How a parameter reads, by its key's section and field (see ``engine.ParameterKey``)."""


def parameter_label(section: str, field: str, lang: Lang = "sv", **names: object) -> str:
    """A parameter in words, from its key's ``section`` and ``field`` and the ``names``.

    Parameters
    ----------
    section, field
        The parameter key's section (``"baseline"``) and field (``"exit_rate"``).
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).
    **names
        What fills the label: ``item``, ``index``, ``name``, ``year``.

    Returns
    -------
    str
        The label; ``"section.field"`` when there is none.

    Examples
    --------
    >>> parameter_label("baseline", "exit_rate", "sv", item="HVB-placering")
    'Årligt utflöde från HVB-placering utan insatsen'
    >>> parameter_label("cost_items", "unit_cost", "en", item="HVB", year=2018)
    'HVB (2018 prices)'
    """
    pair = PARAMETER_LABELS.get((section, field))
    if pair is None:
        return f"{section}.{field}"
    return (pair[0] if lang == "sv" else pair[1]).format(**names)


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


def _with_unit(key: str, unit: tuple[str, str]) -> tuple[str, str]:
    return (f"{LABELS[key][0]}, {unit[0]}", f"{LABELS[key][1]}, {unit[1]}")


_KR = ("kr", "SEK")
_YEARS = ("år", "years")

WORKBOOK_LABELS: dict[str, tuple[str, str]] = {
    # the xlsx report (report/excel.py): (svenska, English); shared words come from LABELS
    "summary": ("Sammanfattning", "Summary"),
    "years": ("År", "Years"),
    "assumptions": ("Antaganden", "Assumptions"),
    "title": ("{name}: samhällsekonomisk kalkyl", "{name}: social cost-benefit analysis"),
    "basis": (
        "Kronor i {price_year} års priser; nuvärden per basåret {base_year} (år 0, odiskonterat).",
        "SEK in {price_year} prices; present values at base year {base_year} "
        "(year 0, undiscounted).",
    ),
    "results": ("Resultat", "Results"),
    "how": ("Hur det räknas", "How it is calculated"),
    "npv": _with_unit("npv", _KR),
    "npv_how": (
        "Summan av diskonterat netto (År, kolumn H)",
        "Sum of discounted net (Years, H)",
    ),
    "pv_costs": _with_unit("pv_costs", _KR),
    "pv_costs_how": (
        "SUMPRODUCT av kostnader och diskonteringsfaktorer (År, C och G)",
        "SUMPRODUCT of costs and discount factors (Years, C and G)",
    ),
    "pv_avoided": _with_unit("pv_avoided", _KR),
    "pv_avoided_how": (
        "SUMPRODUCT av undvikna kostnader och faktorer (År, D och G)",
        "SUMPRODUCT of avoided costs and factors (Years, D and G)",
    ),
    "bcr": LABELS["bcr"],
    "bcr_how": ("Nuvärde undvikna / nuvärde kostnader", "PV avoided / PV costs"),
    "payback": _with_unit("payback", _YEARS),
    "payback_how": (
        "Sista året kumulativt netto går från negativt till icke-negativt: "
        "år + (-kumulativt)/nästa års netto (År, kolumn K)",
        "Last year the cumulative net turns non-negative: "
        "year + (-cumulative)/next year's net (Years, K)",
    ),
    "payback_d": _with_unit("payback_discounted", _YEARS),
    "payback_d_how": (
        "Som ovan på diskonterat netto (År, kolumn L)",
        "The same on discounted net (Years, L)",
    ),
    "never": LABELS["not_within"],
    "irr": LABELS["irr"],
    "computed": (
        "Beräknad av sociokalkyl (ett tal, ingen formel)",
        "Computed by sociokalkyl (a number)",
    ),
    "break_even": LABELS["break_even_effect"],
    "excel_npv": ("Kontroll: samma NPV med Excels NPV()", "Check: the same NPV with Excel's NPV()"),
    "excel_npv_how": (
        "NPV() diskonterar sitt första värde, så år 0 läggs till odiskonterat: "
        "=NPV(ränta; år 1..N) + år 0",
        "NPV() discounts its first value, so year 0 is added undiscounted: "
        "=NPV(rate, year 1..N) + year 0",
    ),
    "settings": ("Inställningar", "Settings"),
    "intervention": SIMULATION_LABELS["intervention"],
    "base_year": ("Basår (år 0)", "Base year (year 0)"),
    "price_year": SIMULATION_LABELS["price_year"],
    "horizon": SIMULATION_LABELS["horizon"],
    "discounting": ("Diskontering", "Discounting"),
    "rate": ("Diskonteringsränta (real)", "Discount rate (real)"),
    "rate_how": (
        "Ändra räntan här: bladet År och resultaten räknas om",
        "Change the rate here: all sheets follow",
    ),
    "schedule": (
        "Räntor per år enligt schema: År, kolumn F",
        "Yearly rates of the schedule: Years, column F",
    ),
    "by_payer": LABELS["by_payer"],
    "payer": LABELS["payer"],
    "by_item": LABELS["by_cost_item"],
    "key": ("Nyckel", "Key"),
    "name": LABELS["name"],
    "pv_baseline": _with_unit("pv_baseline", _KR),
    "year": LABELS["year"],
    "calendar_year": LABELS["calendar_year"],
    "costs": LABELS["costs"],
    "avoided": LABELS["avoided"],
    "net": LABELS["net"],
    "year_rate": ("Diskonteringsränta", "Discount rate"),
    "factor": LABELS["discount_factor"],
    "discounted_net": LABELS["discounted_net"],
    "cumulative": LABELS["cumulative_net"],
    "cumulative_d": LABELS["cumulative_discounted_net"],
    "helper": ("Återbetalning (hjälpkolumn)", "Payback (helper)"),
    "helper_d": ("Diskonterad återbetalning (hjälpkolumn)", "Discounted payback (helper)"),
    "total": ("Summa", "Total"),
    "years_title": (
        "Årliga flöden, kr i {price_year} års priser. Flödena är tal; övriga kolumner är formler.",
        "Yearly flows, SEK in {price_year} prices. Flows are numbers; the other columns "
        "are formulas.",
    ),
    "log_title": LABELS["assumptions"],
    "what": LABELS["what"],
    "in_words": ("I ord", "In words"),
    "unit_cost": LABELS["kind_cost_item"],
    "rebased": ("Omräknad till analysens prisår", "Rebased to the analysis price year"),
    "analysis_year": ("Analysens prisår", "Analysis price year"),
    "index": ("Prisindex", "Price index"),
    "source": LABELS["source"],
    "confidence": LABELS["confidence"],
    "geography": ("Geografi", "Geography"),
    "parameters": ("Parametrar (indata som de angavs)", "Parameters (inputs as given)"),
    "parameter": ("Parameter", "Parameter"),
    "value": LABELS["value"],
    "unit": ("Enhet", "Unit"),
    "description": ("Beskrivning", "Description"),
    "uncertainty": ("Osäkerhet", "Uncertainty"),
    "uncertainty_title": LABELS["simulation"],
    "uncertainty_note": (
        "Sammanfattning av simuleringen över [uncertainty]; kr i kalkylens priser. Talen är "
        "beräknade av sociokalkyl (inga formler).",
        "Summary of the simulation over [uncertainty]; SEK in the analysis prices. Computed "
        "by sociokalkyl (numbers, no formulas).",
    ),
    "uncertainty_metrics": (
        "Fördelning per mått, betalare och kostnadspost",
        "Spread by metric, payer and cost item",
    ),
}
"""Labels of the xlsx report; the words it shares with the text report are the same."""


def confidence_legend(lang: str = "sv") -> str:
    """The confidence marks and their words on one line, as the workbooks show them.

    Parameters
    ----------
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        ``"Säkerhet: S: står i källan, ..."``.

    Examples
    --------
    >>> confidence_legend()
    'Säkerhet: S: står i källan, S2: andrahandskälla, D: härlett, A: antagande.'
    """
    marks = ", ".join(confidence_label(m, lang) for m in CONFIDENCE_WORDS if m is not None)
    return f"{pick(LABELS['confidence'], lang)}: {marks}."


def workbook_label(key: str, lang: str = "sv") -> str:
    """A label of the xlsx report; ``"legend"`` is :func:`confidence_legend`.

    Parameters
    ----------
    key
        A key of :data:`WORKBOOK_LABELS`, or ``"legend"``.
    lang
        ``"sv"`` (svenska) or ``"en"`` (English).

    Returns
    -------
    str
        The label; the key itself when there is none.

    Examples
    --------
    >>> workbook_label("npv"), workbook_label("npv", "en")
    ('Nettonuvärde, kr', 'Net present value, SEK')
    """
    if key == "legend":
        return confidence_legend(lang)
    pair = WORKBOOK_LABELS.get(key)
    return key if pair is None else pick(pair, lang)


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
    "optimism_bias": ("Optimism bias", "Optimism bias"),
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


# --- helper "out" (issue 15): words of the output-safety rules --------------------------
CATALOGUE_LABELS["rebase_overflow"] = (
    "kan inte räknas om: beloppet i {year} års priser blir för stort för ett tal "
    "(över 1,8e308); kontrollera beloppet",
    "cannot be restated: the amount in {year} prices is too large for a number "
    "(over 1.8e308); check the amount",
)


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

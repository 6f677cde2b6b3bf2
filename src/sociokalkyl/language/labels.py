"""Labels of the reports, Swedish and English: headings, assumption-log words, Monte Carlo."""

from __future__ import annotations

from typing import Any, Literal

__all__ = [
    "LABELS",
    "PARAMETER_LABELS",
    "SIMULATION_LABELS",
    "Lang",
    "label",
    "parameter_label",
    "simulation_label",
]

Lang = Literal["sv", "en"]

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
    "scenario": ("Scenario", "Scenario"),
    "simulation": ("Osäkerhet (Monte Carlo)", "Uncertainty (Monte Carlo)"),
    "measure": ("Mått", "Measure"),
    "rebased": ("i kalkylens priser", "in the analysis prices"),
    "conf_S": ("S: står i källan", "S: seen in the source"),
    "conf_S2": ("S2: andrahandskälla", "S2: secondary source"),
    "conf_D": ("D: härlett", "D: derived"),
    "conf_A": ("A: antagande", "A: assumption"),
    "conf_none": ("ej angiven", "not given"),
}
"""Labels of the report, Swedish and English."""


def label(key: str, lang: Lang = "sv") -> str:
    """A label in ``lang``; the key itself when there is none."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "sv" else pair[1]


_WORDS: dict[str, tuple[str, str]] = {
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
    "attribution": ("attribution {}", "attribution {}"),
    "displacement": ("undanträngning {}", "displacement {}"),
}
"""Words of the assumption log, Swedish and English (model field values and names)."""


def _word(key: str, lang: Lang, value: Any = None) -> str:
    pair = _WORDS.get(key)
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
    "npv_mean": ("Nettonuvärde, medelvärde", "NPV, mean"),
    "npv_std": ("Nettonuvärde, standardavvikelse", "NPV, standard deviation"),
    "prob_npv_positive": ("Sannolikhet för nettonuvärde > 0", "Probability of NPV > 0"),
    "prob_npv_positive_by_payer": ("Sannolikhet för nettonuvärde > 0,", "Probability of NPV > 0,"),
    "prob_payback_within_horizon": (
        "Sannolikhet att återbetalas inom horisonten",
        "Probability of payback within the horizon",
    ),
    "metric": ("Mått", "Metric"),
    "mean": ("Medelvärde", "Mean"),
    "std": ("Std.avvikelse", "Std. deviation"),
    "share_finite": ("Andel dragningar med värde", "Share of draws with a value"),
    "q5": ("5 %-percentil", "5th percentile"),
    "q50": ("median", "median"),
    "q95": ("95 %-percentil", "95th percentile"),
    "prob_positive": ("Andel > 0", "Share > 0"),
    "npv": ("Nettonuvärde", "NPV"),
    "pv_costs": ("Nuvärde av kostnader", "PV of costs"),
    "pv_avoided": ("Nuvärde av undvikna kostnader", "PV of avoided costs"),
    "benefit_cost_ratio": ("Nytta/kostnad", "Benefit-cost ratio"),
    "payback": ("Återbetalningstid", "Payback"),
    "payback_discounted": ("Återbetalningstid, diskonterad", "Payback, discounted"),
    "irr": ("Internränta", "IRR"),
    "payer": ("Betalare", "Payer"),
    "cost_item": ("Kostnadspost", "Cost item"),
}
"""Labels of the Monte Carlo tables (their keys clash with the report's own labels)."""


def simulation_label(key: str, lang: Lang = "sv") -> str:
    """A Monte Carlo label; ``"a.b"`` becomes the label of ``a`` followed by ``b``."""
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
    ("effects", "attribution"): ("Attribution för effekt {index}", "Attribution of effect {index}"),
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

    >>> parameter_label("baseline", "exit_rate", "sv", item="HVB-placering")
    'Årligt utflöde från HVB-placering utan insatsen'
    >>> parameter_label("cost_items", "unit_cost", "en", item="HVB", year=2018)
    'HVB (2018 prices)'
    """
    pair = PARAMETER_LABELS.get((section, field))
    if pair is None:
        return f"{section}.{field}"
    return (pair[0] if lang == "sv" else pair[1]).format(**names)

"""Labels of the reports, Swedish and English: headings, assumption-log words, Monte Carlo."""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["LABELS", "SIMULATION_LABELS", "Lang", "label", "simulation_label"]

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

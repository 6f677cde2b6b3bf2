"""The ``--help`` texts of ``effekt``, ``vardet-av-information``, ``uppfoljning`` and
``portfolj``, Swedish and English (part of :data:`~sociokalkyl.language.cli.CLI_WORDS`).

An option's help is formatted by argparse with ``%``, so a percent sign in one is
written ``%%``.

Examples
--------
>>> MORE_HELP_WORDS["help.effekt"][0]
'effekt från jämförelsegrupper (skillnad i skillnader)'
"""

from __future__ import annotations

__all__ = ["MORE_HELP_WORDS"]

MORE_HELP_WORDS: dict[str, tuple[str, str]] = {
    "help.value": ("VÄRDE", "VALUE"),
    "help.years": ("ÅR", "YEARS"),
    "help.use": ("ANVÄNDNING", "USE"),
    "help.effekt": (
        "effekt från jämförelsegrupper (skillnad i skillnader)",
        "effect from comparison groups (difference in differences)",
    ),
    "help.effekt.description": (
        "Skillnad i skillnader: insatsgruppens förändring före/efter minus varje "
        "jämförelsegrupps; ett intervall, standardfel och en fördelning till tabellen "
        "[uncertainty].",
        "Difference in differences: the treated group's change before/after minus each "
        "comparison group's; a range, standard errors, and a distribution for the "
        "[uncertainty] table.",
    ),
    "help.effekt.treated": (
        "insatsgruppen: FÖRE EFTER [ANTAL], t.ex. 100%% 26%% 30",
        "the treated group: BEFORE AFTER [SIZE], e.g. 100%% 26%% 30",
    ),
    "help.effekt.comparison": (
        "en jämförelsegrupp: NAMN FÖRE EFTER [ANTAL]; upprepa för fler",
        "a comparison group: NAME BEFORE AFTER [SIZE]; repeat for more",
    ),
    "help.effekt.means": (
        "medelvärden i stället för andelar: ange ANTAL och STD efter FÖRE EFTER",
        "means instead of shares: give SIZE and SD after BEFORE AFTER",
    ),
    "help.effekt.use": (
        "användning per deltagare och år utan insatsen (t.ex. 10 månader): effekten på "
        "kostnadsposten är andelseffekten gånger denna",
        "use per participant and year without the intervention (e.g. 10 months): the "
        "effect on the cost item is the share effect times this",
    ),
    "help.effekt.parameter": (
        "parameterns namn i raden till [uncertainty]",
        "the parameter name shown in the [uncertainty] line",
    ),
    "help.format": ("utdataformat", "output format"),
    "help.vardet": (
        "vilket osäkert tal som är värt att mäta först (EVPI, EVPPI, återbetalning inom "
        "mandatperioden)",
        "which uncertain number to measure first (EVPI, EVPPI, payback in a mandate)",
    ),
    "help.vardet.description": (
        "Monte Carlo över filens [uncertainty], sedan det förväntade värdet av perfekt "
        "information och av varje parameter (EVPPI), i rangordning, per betalare.",
        "Monte Carlo over the file's [uncertainty], then the expected value of perfect "
        "information and of each parameter (EVPPI), ranked, per payer.",
    ),
    "help.vardet.file": (
        "kalkylfil med en [uncertainty]-tabell",
        "scenario file with an [uncertainty] table",
    ),
    "help.vardet.draws": (
        "antal Monte Carlo-dragningar (standard 20 000)",
        "Monte Carlo draws (default 20 000)",
    ),
    "help.vardet.seed": ("slumpfrö (standard 1)", "random seed (default 1)"),
    "help.vardet.mandate": (
        "mandatperiodens längd i år (standard {years})",
        "years of the mandate period (default {years})",
    ),
    "help.uppfoljning": (
        "följ upp en prognos: utfall mot prognos, realiserat nettonuvärde, ny prognos",
        "follow up a forecast: forecast against outcome, realised NPV, re-projection",
    ),
    "help.uppfoljning.description": (
        "Socioekonomiskt bokslut: det som observerats år för år mot prognosen, per "
        "betalare; det realiserade nettonuvärdet hittills; de återstående åren räknade "
        "på nytt.",
        "Socioekonomiskt bokslut: what was observed year by year against the forecast, "
        "per payer; the realised NPV to date; the remaining years re-projected.",
    ),
    "help.uppfoljning.file": (
        "uppföljningsfil (.toml, .yaml, .json, .xlsx)",
        "follow-up file (.toml, .yaml, .json, .xlsx)",
    ),
    "help.uppfoljning.mall": (
        "skriv ett tomt uppföljningsblad för kalkylfilen FIL till SÖKVÄG.xlsx",
        "write a blank follow-up sheet for the scenario FILE to PATH.xlsx",
    ),
    "help.portfolj": (
        "räkna flera insatser tillsammans, och en fonds bokföring",
        "evaluate several interventions together, and a fund's books",
    ),
    "help.portfolj.description": (
        "En portfölj av insatser: nettonuvärde per insats, per betalare och totalt; med "
        "--draws en Monte Carlo över alla; en fonds saldo år för år.",
        "A portfolio of interventions: NPV per intervention, per payer and in total; with "
        "--draws one Monte Carlo over all of them; a fund's balance year by year.",
    ),
    "help.portfolj.files": ("portfölj- eller kalkylfiler", "portfolio or scenario files"),
    "help.portfolj.draws": ("antal Monte Carlo-dragningar", "Monte Carlo draws"),
}
"""Help texts of the follow-up, portfolio and value-of-information commands."""

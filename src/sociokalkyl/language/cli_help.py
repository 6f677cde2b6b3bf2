"""The ``--help`` texts of every ``sociokalkyl`` command, Swedish and English.

Keys are ``help.<command>.<option>``; :func:`sociokalkyl.language.cli.cli_word` reads
them (they are part of :data:`~sociokalkyl.language.cli.CLI_WORDS`).

Examples
--------
>>> HELP_WORDS["help.lang"][0]
'språk för utdata och meddelanden: sv (standard) eller en'
"""

from __future__ import annotations

__all__ = ["HELP_WORDS"]

_COMMON: dict[str, tuple[str, str]] = {
    "help.description": (
        "Samhällsekonomisk kalkyl för sociala investeringar: vad en insats kostar, vilka "
        "kostnader den undviker och för vem.",
        "Socio-economic cost-benefit calculation of social investments: what an "
        "intervention costs, which costs it avoids and for whom.",
    ),
    "help.epilog": (
        "Börja med: sociokalkyl init min_kalkyl.toml, sedan sociokalkyl run "
        "min_kalkyl.toml. Språk: --lang en (eller miljövariabeln SOCIOKALKYL_LANG=en) "
        "för engelska. Se docs/cli.md.",
        "Start with: sociokalkyl init min_kalkyl.toml, then sociokalkyl run "
        "min_kalkyl.toml. Language: --lang sv (or the environment variable "
        "SOCIOKALKYL_LANG=sv) for Swedish. See docs/cli.md.",
    ),
    "help.command": ("KOMMANDO", "COMMAND"),
    "help.file": ("FIL", "FILE"),
    "help.path": ("SÖKVÄG", "PATH"),
    "help.name": ("NAMN", "NAME"),
    "help.debug": ("visa Pythons traceback för ett fel", "show the Python traceback of an error"),
    "help.lang": (
        "språk för utdata och meddelanden: sv (standard) eller en",
        "language of output and messages: sv (the default) or en",
    ),
    "help.input": (
        "kalkylfil (.toml, .yaml, .json, .xlsx)",
        "scenario file (.toml, .yaml, .json, .xlsx)",
    ),
    "help.out": (
        "skriv till den här filen i stället för skärmen",
        "write to this file instead of the screen",
    ),
    "help.force": ("skriv över en befintlig fil", "overwrite an existing file"),
    "help.width": (
        "tabellernas bredd i tecken (standard: terminalens bredd)",
        "width of the tables in characters (default: the terminal's width)",
    ),
    "help.version": (
        "visa programmets version och avsluta",
        "show program's version number and exit",
    ),
}

_RUN: dict[str, tuple[str, str]] = {
    "help.run": (
        "räkna en kalkylfil och visa eller skriv resultatet",
        "calculate a scenario file and show or write the result",
    ),
    "help.run.description": (
        "Räkna en kalkylfil: nettonuvärde, återbetalningstid, nytta/kostnad, per betalare, "
        "per kostnadspost, år för år, och antagandena med sina källor.",
        "Calculate a scenario file: NPV, payback, benefit-cost ratio, per payer, per cost "
        "item, year by year, and the assumptions with their sources.",
    ),
    "help.run.format": (
        "utdataformat (standard: table, eller från filslutet i --out)",
        "output format (default: table, or from the suffix of --out)",
    ),
    "help.run.scenario": (
        "använd ändringarna i [scenarios.NAMN] i filen (flera scenarier: se jamfor)",
        "apply the overrides of [scenarios.NAME] in the file (several: see compare)",
    ),
    "help.run.draws": (
        "antal Monte Carlo-dragningar över [uncertainty]",
        "Monte Carlo draws over [uncertainty]",
    ),
    "help.run.seed": ("slumpfrö för --draws", "random seed for --draws"),
}

_INIT: dict[str, tuple[str, str]] = {
    "help.init": ("skriv en kommenterad startfil", "write a commented starting file"),
    "help.init.description": (
        "Skriv en kommenterad startfil från ett medföljande exempel, eller med --tom en "
        "tom mall. En befintlig fil skrivs aldrig över utan --force.",
        "Write a commented starting scenario file from a bundled example, or with --empty "
        "an empty template. An existing file is never replaced without --force.",
    ),
    "help.init.path": (
        "filen som ska skrivas, t.ex. min_kalkyl.toml",
        "the file to write, e.g. min_kalkyl.toml",
    ),
    "help.init.example": (
        "exemplet att utgå från (standard servicetrainee)",
        "which example to start from (default servicetrainee)",
    ),
    "help.init.format": (
        "filformat (standard: från filslutet i SÖKVÄG, annars toml)",
        "file format (default: from the suffix of PATH, else toml)",
    ),
    "help.init.empty": (
        "en tom mall (Excel) eller ett tomt skelett (TOML) att fylla i",
        "an empty template (Excel) or skeleton (TOML) to fill in",
    ),
}

_VALIDATE: dict[str, tuple[str, str]] = {
    "help.validate": (
        "kontrollera en kalkylfil och lista alla problem",
        "check a scenario file and list every problem",
    ),
    "help.validate.description": (
        "Kontrollera en kalkylfil och lista alla problem på en gång, med rad (eller blad "
        "och cell).",
        "Check a scenario file and list every problem at once, with its line (or sheet and cell).",
    ),
    "help.validate.json": ("problemen som JSON på stdout", "problems as JSON on stdout"),
    "help.schema": (
        "skriv JSON-schemat för kalkylfiler",
        "print the JSON Schema of scenario files",
    ),
    "help.schema.description": (
        "Skriv JSON-schemat för kalkylfiler (för editorer och kontroller).",
        "Print the JSON Schema of scenario files (for editors and checks).",
    ),
    "help.schema.out": ("skriv till den här filen", "write to this file"),
}

_CATALOGUE: dict[str, tuple[str, str]] = {
    "help.catalogue": (
        "lista, sök och räkna om de medföljande enhetskostnaderna (kostnadskatalogen)",
        "list, search and rebase the shipped unit costs (kostnadskatalogen)",
    ),
    "help.catalogue.description": (
        "Lista, sök och räkna om de medföljande enhetskostnaderna. En post vars prisindex "
        "inte når det begärda prisåret visar varför i sin rad i stället för ett tal. "
        "json ger maskinläsbara tal; table grupperar tusental; csv är för Excel på "
        "svenska (semikolon, decimalkomma) eller, med --lang en, maskinformat.",
        "List, search and rebase the shipped unit costs. An item whose price index cannot "
        "reach the requested price year shows why in its row instead of a number. json "
        "carries plain machine numbers; table groups thousands; csv is for Excel in "
        "Swedish (semicolons, decimal comma) or, with --lang en, machine-style.",
    ),
    "help.catalogue.price_year": (
        "räkna om varje post till priser för ÅR med sitt eget index (KPI eller OPI)",
        "restate every item in prices of YEAR with its own index (KPI or OPI)",
    ),
    "help.catalogue.year": ("ÅR", "YEAR"),
    "help.catalogue.word": ("ORD", "WORD"),
    "help.catalogue.search": (
        "bara poster vars nyckel, svenska eller engelska beskrivning, geografi eller källa "
        "innehåller varje ord (t.ex. --search hemtjänst)",
        "only items whose key, Swedish or English description, geography or source "
        "contain every word (e.g. --search hemtjänst, --search foster care)",
    ),
    "help.catalogue.format": ("utdataformat", "output format"),
    "help.catalogue.overrides": (
        "en .csv- eller .toml-fil vars poster ersätter eller kompletterar de medföljande",
        "a .csv or .toml file whose items replace or add to the shipped ones",
    ),
}

_ANALYSIS: dict[str, tuple[str, str]] = {
    "help.compare": (
        "jämför scenarier sida vid sida, basen först",
        "compare scenarios side by side, the base first",
    ),
    "help.compare.description": (
        "Räkna basen och filens scenarier ([scenarios.NAMN]) och visa dem sida vid sida: "
        "nettonuvärde, nytta/kostnad, återbetalningstid och nettonuvärde per betalare.",
        "Calculate the base and the file's scenarios ([scenarios.NAME]) and show them side "
        "by side: NPV, benefit-cost ratio, payback and NPV per payer.",
    ),
    "help.compare.scenario": (
        "ta med scenariot NAMN (flera gånger; standard: alla i filen)",
        "include scenario NAME (repeatable; default: every one in the file)",
    ),
    "help.tornado": ("känslighet, en parameter i taget (tornado)", "one-way sensitivity (tornado)"),
    "help.tornado.description": (
        "Låt varje osäker parameter ensam gå från ett lågt till ett högt värde och visa hur "
        "nettonuvärdet svänger, störst först. Värdena tas från filens [uncertainty] "
        "(10- och 90-kvantilen), eller ±en andel med --andel.",
        "Swing each uncertain parameter alone from a low to a high value and show how the "
        "NPV moves, largest first. The values come from the file's [uncertainty] (10th and "
        "90th percentiles), or ± a share with --share.",
    ),
    "help.tornado.share": (
        "±ANDEL kring varje parameters värde i stället för [uncertainty], t.ex. 0,2 eller 20 %%",
        "±SHARE around each parameter's value instead of [uncertainty], e.g. 0.2 or 20 %%",
    ),
    "help.tornado.share_metavar": ("ANDEL", "SHARE"),
    "help.tornado.parameter": (
        "bara den här parametern (flera gånger); med --andel standard alla",
        "only this parameter (repeatable); with --share the default is all",
    ),
    "help.payer": (
        "räkna nettonuvärdet för den här betalaren i stället för totalen",
        "use this payer's NPV instead of the total",
    ),
    "help.payer_metavar": ("BETALARE", "PAYER"),
    "help.breakeven": (
        "värdet på en parameter där nettonuvärdet blir 0",
        "the value of a parameter at which the NPV is 0",
    ),
    "help.breakeven.description": (
        "Sök värdet på en parameter (vilken som helst, t.ex. effect_multiplier, "
        "effects[0].change eller costs[0].amount) där nettonuvärdet blir 0, allt annat "
        "som angivet. --lista visar parametrarnas namn.",
        "Find the value of one parameter (any, e.g. effect_multiplier, effects[0].change "
        "or costs[0].amount) at which the NPV is 0, everything else as given. --list shows "
        "the parameters' names.",
    ),
    "help.breakeven.parameter": (
        "parameterns namn (standard effect_multiplier)",
        "the parameter's name (default effect_multiplier)",
    ),
    "help.breakeven.within": (
        "sök mellan LÅG och HÖG (parameterns enhet)",
        "search between LOW and HIGH (the parameter's unit)",
    ),
    "help.low": ("LÅG", "LOW"),
    "help.high": ("HÖG", "HIGH"),
    "help.breakeven.list": (
        "lista parametrarnas namn och värden",
        "list the parameters' names and values",
    ),
    "help.breakeven.json": ("svaret som JSON", "the answer as JSON"),
    "help.convert": (
        "konvertera mellan Excel-mall och TOML/YAML/JSON",
        "convert between the Excel template and TOML/YAML/JSON",
    ),
    "help.convert.description": (
        "Konvertera en kalkyl mellan Excel-mallen (.xlsx) och en textfil (.toml, .yaml, "
        ".json), åt båda hållen, utan att ändra modellen. Skriver aldrig över en fil utan "
        "--force.",
        "Convert a calculation between the Excel template (.xlsx) and a text file (.toml, "
        ".yaml, .json), both ways, without changing the model. Never replaces a file "
        "without --force.",
    ),
    "help.convert.target": ("filen som ska skrivas", "the file to write"),
}

HELP_WORDS: dict[str, tuple[str, str]] = {
    **_COMMON,
    **_RUN,
    **_INIT,
    **_VALIDATE,
    **_CATALOGUE,
    **_ANALYSIS,
}
"""Every help text: key -> (Swedish, English). argparse formats an option's help with
``%``, so a percent sign in one is written ``%%``."""

"""The command line's words: help texts, messages and errors, Swedish and English.

Every text ``sociokalkyl`` writes itself comes from :data:`CLI_WORDS` (``key: (svenska,
English)``); argparse's own words (``usage:``, ``options``, ``the following arguments
are required``) from :data:`ARGPARSE_SV`, which :mod:`sociokalkyl.cli._lang` hands to
argparse in place of its ``gettext`` while a parser runs. The status lines of ``run``,
``init`` and ``validate`` stay in :data:`~sociokalkyl.language.labels.CLI_MESSAGES`.

Examples
--------
>>> cli_word("no_such_file", "sv", path="a.toml")
'a.toml: filen finns inte'
>>> cli_word("no_such_file", "en", path="a.toml")
'a.toml: no such file'
"""

from __future__ import annotations

from typing import Any

from sociokalkyl.language.cli_help import HELP_WORDS
from sociokalkyl.language.cli_help_more import MORE_HELP_WORDS
from sociokalkyl.language.error_words import ERROR_WORDS
from sociokalkyl.language.labels import CLI_MESSAGES, Lang
from sociokalkyl.language.numbers import format_percent, format_quantity

__all__ = ["ARGPARSE_SV", "CLI_WORDS", "argparse_word", "cli_word", "parameter_text"]

_ERRORS: dict[str, tuple[str, str]] = {
    "error": ("fel", "error"),
    "internal_error": ("internt fel: {kind}: {text}", "internal error: {kind}: {text}"),
    "internal_bug": (
        "(det här är ett fel i sociokalkyl; kör med --debug och rapportera det)",
        "(this is a bug in sociokalkyl; run with --debug and report it)",
    ),
    "run_debug": ("(kör med --debug för detaljer)", "(run with --debug for details)"),
    "interrupted": ("avbrutet", "interrupted"),
    "see_help": ("(se `{prog} --help`)", "(see `{prog} --help`)"),
    "got": (" (fick {value})", " (got {value})"),
    "expected": ("; väntat: {expected}", "; expected {expected}"),
    "problems_found": ("{n} problem hittades", "{n} problem{s} found"),
    "no_such_file": ("{path}: filen finns inte", "{path}: no such file"),
    "is_directory": (
        "{path}: är en katalog; en kalkylfil väntades",
        "{path}: is a directory; expected a scenario file",
    ),
    "unknown_format": (
        "{path}: okänt filformat {suffix!r}; en fil som slutar på .toml, .yaml, .yml, "
        ".json eller .xlsx väntades",
        "{path}: unknown file format {suffix!r}; expected a file ending in .toml, .yaml, "
        ".yml, .json or .xlsx",
    ),
    "no_suffix": ("(inget filslut)", "(no suffix)"),
    "not_whole": ("inte ett heltal: {text!r}", "not a whole number: {text!r}"),
    "at_least_1": ("måste vara minst 1, fick {value}", "must be at least 1, got {value}"),
    "not_a_share": (
        "inte en andel: {text!r}; skriv t.ex. 0,2 eller 20 %",
        "not a share: {text!r}; write e.g. 0.2 or 20 %",
    ),
    "out_is_dir": (
        "{flag} {path}: är en katalog; ett filnamn väntades",
        "{flag} {path}: is a directory; expected a file name",
    ),
    "out_is_input": (
        "{flag} {path}: är indatafilen; skriver inte över den",
        "{flag} {path}: is the input file; refusing to overwrite it",
    ),
    "no_directory": (
        "{flag} {path}: katalogen {parent} finns inte",
        "{flag} {path}: the directory {parent} does not exist",
    ),
    "not_regular": (
        "{flag} {path}: är inte en vanlig fil (en enhet, en pipe, en socket eller en länk "
        "till ingenting); ersätter den inte, inte heller med --force",
        "{flag} {path}: is not a regular file (a device, pipe, socket or a link to "
        "nothing); refusing to replace it, also with --force",
    ),
    "exists": (
        "{flag} {path}: finns redan; skriv --force för att skriva över den",
        "{flag} {path}: already exists; use --force to overwrite it",
    ),
    "unknown_suffix": (
        "--out {path}: okänt filslut {suffix!r}; använd ett av {known}, eller ange "
        "--format table|json|csv|md|xlsx|pdf|html",
        "--out {path}: unknown output suffix {suffix!r}; use one of {known}, or give "
        "--format table|json|csv|md|xlsx|pdf|html",
    ),
    "xlsx_needs_out": (
        "--format xlsx kräver --out FIL.xlsx (en arbetsbok visas inte på skärmen)",
        "--format xlsx needs --out FILE.xlsx (a workbook is not shown on screen)",
    ),
    "seed_needs_draws": (
        "--seed hör ihop med --draws N (Monte Carlo); ange --draws också",
        "--seed goes with --draws N (Monte Carlo); give --draws too",
    ),
    "no_scenario": (
        "--scenario {name}: scenariot finns inte; filen har: {names}",
        "--scenario {name}: no such scenario; the file has: {names}",
    ),
    "no_scenarios_in_file": ("inga i den här filen", "none in this file"),
    "several_scenarios": (
        "--scenario angavs {n} gånger ({names}); run räknar ett scenario. Jämför dem "
        "sida vid sida med: sociokalkyl jamfor {file} {flags}",
        "--scenario was given {n} times ({names}); run calculates one scenario. Compare "
        "them side by side with: sociokalkyl compare {file} {flags}",
    ),
    "scenario_and_draws": (
        "--scenario och --draws kan inte kombineras än; kör dem ett i taget",
        "--scenario and --draws cannot be combined yet; run them one at a time",
    ),
    "no_uncertainty": (
        "{flag}: {path} har ingen [uncertainty]-tabell; lägg till en, t.ex.\n"
        '  [uncertainty]\n  "effects[0].change" = {{ kind = "uniform", low = -0.6, '
        "high = -0.4 }}",
        "{flag}: {path} has no [uncertainty] table; add one, e.g.\n"
        '  [uncertainty]\n  "effects[0].change" = {{ kind = "uniform", low = -0.6, '
        "high = -0.4 }}",
    ),
    "or_share": (
        "eller ange --andel 0,2 (±20 % kring varje värde)",
        "or give --share 0.2 (±20 % around each value)",
    ),
    "init_suffix_clash": (
        "{path}: filslutet {suffix} passar inte --format {fmt}",
        "{path}: the suffix {suffix} does not match --format {fmt}",
    ),
    "init_is_dir": (
        "{path}: är en katalog; ange ett filnamn, t.ex. {example}",
        "{path}: is a directory; give a file name, e.g. {example}",
    ),
    "init_example_and_empty": (
        "--example och --tom kan inte kombineras: --tom skriver en tom mall",
        "--example and --empty cannot be combined: --empty writes an empty template",
    ),
    "empty_formats": (
        "--tom finns för .toml och .xlsx, inte för {fmt}",
        "--empty exists for .toml and .xlsx, not for {fmt}",
    ),
    "convert_same_format": (
        "{source} -> {target}: samma format; konvertera byter mellan .xlsx och .toml/.yaml/.json",
        "{source} -> {target}: the same format; convert changes between .xlsx and "
        ".toml/.yaml/.json",
    ),
    "convert_unknown_target": (
        "{path}: okänt filslut {suffix!r}; ange .xlsx, .toml, .yaml, .yml eller .json",
        "{path}: unknown suffix {suffix!r}; give .xlsx, .toml, .yaml, .yml or .json",
    ),
    "unknown_parameter": (
        "{name}: ingen parameter i {path}{guess}",
        "{name}: not a parameter of {path}{guess}",
    ),
    "unknown_payer": (
        "--betalare {payer}: ingen betalare i kalkylen{guess} (betalarna: {payers})",
        "--payer {payer}: not a payer of the calculation{guess} (the payers: {payers})",
    ),
    "did_you_mean": ("; menade du {name!r}?", "; did you mean {name!r}?"),
    "unknown_parameter_hint": (
        "(parametrarnas namn: sociokalkyl brytpunkt {path} --lista)",
        "(the parameters' names: sociokalkyl break-even {path} --list)",
    ),
    "range_order": (
        "--inom {low} {high}: det lägre värdet först",
        "--within {low} {high}: the lower value first",
    ),
}
"""Errors and framing the command line writes itself."""

_OUTPUT: dict[str, tuple[str, str]] = {
    "compare_title": ("Scenarier sida vid sida", "Scenarios side by side"),
    "scenario": ("Scenario", "Scenario"),
    "overrides_title": ("Ändringar mot basen", "Changes from the base"),
    "value": ("Värde", "Value"),
    "what": ("Vad", "What"),
    "parameters_title": ("Parametrar", "Parameters"),
    "base": ("bas", "base"),
    "tornado_title": ("Känslighet, en parameter i taget", "One-way sensitivity"),
    "tornado_from_table": (
        "lågt och högt värde är {low}- och {high}-kvantilen i [uncertainty]",
        "low and high values are the {low} and {high} quantiles of [uncertainty]",
    ),
    "tornado_from_share": (
        "varje parameter ±{share} kring sitt värde",
        "each parameter ±{share} around its value",
    ),
    "parameter": ("Parameter", "Parameter"),
    "as_given": ("Som angiven", "As given"),
    "low_value": ("Lågt värde", "Low value"),
    "high_value": ("Högt värde", "High value"),
    "npv_low": ("Nettonuvärde vid lågt", "NPV at low"),
    "npv_high": ("Nettonuvärde vid högt", "NPV at high"),
    "swing": ("Spann", "Swing"),
    "base_npv": ("Nettonuvärde med alla värden som angivna: {npv}", "NPV as given: {npv}"),
    "breakeven_found": (
        "{who} är 0 vid {parameter} = {value} (som angivet: {given})",
        "{who} is 0 at {parameter} = {value} (as given: {given})",
    ),
    "breakeven_also": ("; även vid {values}", "; also at {values}"),
    "breakeven_none": (
        "ingen brytpunkt: {who} förblir {sign} för {parameter} mellan {low} och {high} "
        "({n} punkter prövade; nettonuvärde från {npv_min} till {npv_max})",
        "no break-even: {who} stays {sign} for {parameter} in [{low}, {high}] "
        "({n} points scanned; NPV from {npv_min} to {npv_max})",
    ),
    "npv_of_payer": ("nettonuvärdet för {payer}", "{payer}'s NPV"),
    "npv_word": ("nettonuvärdet", "NPV"),
    "positive": ("positivt", "positive"),
    "negative": ("negativt", "negative"),
    "parameters_of": ("Parametrar i {path}:", "Parameters of {path}:"),
    "converted": ("skrev {target} (från {source})", "wrote {target} (from {source})"),
    "init_empty": (
        "skrev {path} (tom mall). Fyll i den och kör sedan:",
        "wrote {path} (empty template). Fill it in, then run:",
    ),
}
"""Headings and lines of the commands' output."""

CLI_WORDS: dict[str, tuple[str, str]] = {
    **CLI_MESSAGES,
    **_ERRORS,
    **_OUTPUT,
    **HELP_WORDS,
    **MORE_HELP_WORDS,
    **ERROR_WORDS,
}
"""Every word of the command line: key -> (Swedish, English) format string."""

ARGPARSE_SV: dict[str, str] = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "show program's version number and exit": "visa programmets version och avsluta",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "the following arguments are required: %s": "följande argument saknas: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "expected one argument": "ett värde väntades",
    "expected at most one argument": "högst ett värde väntades",
    "expected at least one argument": "minst ett värde väntades",
    "expected %s argument": "%s värde väntades",
    "expected %s arguments": "%s värden väntades",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan vara %(matches)s"
    ),
    "not allowed with argument %s": "får inte användas tillsammans med %s",
    "ignored explicit argument %r": "värdet %r ignoreras",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland: %(choices)s)"
    ),
    "unexpected option string: %s": "oväntad flagga: %s",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
}
"""argparse's own messages (its ``gettext`` message ids) in Swedish.

An id missing here (a newer Python's new wording) is shown in English, never lost.
"""


def cli_word(key: str, lang: Lang, **values: Any) -> str:
    """The command-line text ``key`` in ``lang``, filled with ``values``.

    Parameters
    ----------
    key
        A key of :data:`CLI_WORDS`.
    lang
        ``"sv"`` or ``"en"``.
    **values
        The fields of the format string.

    Returns
    -------
    str

    Examples
    --------
    >>> cli_word("problems_found", "en", n=2, s="s")
    '2 problems found'
    >>> cli_word("problems_found", "sv", n=2, s="s")
    '2 problem hittades'
    """
    sv, en = CLI_WORDS[key]
    return (sv if lang == "sv" else en).format(**values)


def argparse_word(msgid: str, lang: Lang) -> str:
    """argparse's message ``msgid`` in ``lang`` (itself when no translation is known).

    Parameters
    ----------
    msgid
        The English text argparse passes to ``gettext``.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> argparse_word("usage: ", "sv"), argparse_word("usage: ", "en")
    ('användning: ', 'usage: ')
    """
    return ARGPARSE_SV.get(msgid, msgid) if lang == "sv" else msgid


def parameter_text(value: float, unit: str, lang: Lang, name: str = "") -> str:
    """A parameter's value with its unit, written for people.

    A share is a percentage (``30,0 %``), a rate per year a percentage a year
    (``20,0 %/år``; the discount rate just ``3,5 %``), never ``0,2 1/år``; any other
    unit as :func:`~sociokalkyl.language.numbers.format_quantity` writes it.

    Parameters
    ----------
    value
        The value [unit].
    unit
        The parameter's unit key (``"share"``, ``"1/year"``, ``"SEK/month"``).
    lang
        ``"sv"`` or ``"en"``.
    name
        The parameter's name (``"settings.discount_rate"`` is written as a plain rate).

    Returns
    -------
    str

    Examples
    --------
    >>> parameter_text(0.2, "1/year", "sv"), parameter_text(-0.3, "share", "sv")
    ('20,0 %/år', '-30,0 %')
    >>> parameter_text(0.035, "1/year", "sv", "settings.discount_rate")
    '3,5 %'
    >>> parameter_text(4500, "SEK/day", "sv"), parameter_text(4500, "SEK/day", "en")
    ('4 500 kr/dygn', '4,500 SEK/day')
    """
    if unit == "share" or (unit == "1/year" and name == "settings.discount_rate"):
        return format_percent(value, lang)
    if unit == "1/year":
        return format_percent(value, lang) + ("/år" if lang == "sv" else "/year")
    return format_quantity(value, unit, lang)

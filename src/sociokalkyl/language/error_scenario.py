"""The readers' errors in Swedish: scenario files, the Excel template, the follow-up.

:mod:`sociokalkyl.scenario` reads a scenario file (TOML, YAML, JSON) or the Excel
template and writes them back; these are its wordings that
:mod:`~sociokalkyl.language.cli_problems` and the limits do not already hold: a cell
that holds an error or an unsaved formula, a missing sheet, a parameter's unit, a file
format, the follow-up file and sheet.

Examples
--------
>>> import re
>>> text = "holds an Excel error, not a value"
>>> for pattern, replace in SCENARIO:
...     text = re.sub(pattern, replace, text)
>>> text
'innehåller ett Excel-fel, inte ett värde'
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, templates

__all__ = ["SCENARIO"]

SCENARIO: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("{p0}: unknown actor", "{p0}: okänd aktör"),
        ("{p0}: unknown value", "{p0}: okänt värde"),
        ("Fördelning: unknown distribution", "Fördelning: okänd fördelning"),
        ("ett av {p0} (declare others under Aktörer on the sheet Insats, e.g. {p1})",
         "ett av {p0} (ange andra under Aktörer på bladet Insats, t.ex. {p1})"),
        ("ett av {p0} (declare others under Aktörer on the Insats sheet, e.g. {p1})",
         "ett av {p0} (ange andra under Aktörer på bladet Insats, t.ex. {p1})"),
        ("{p0}: a perspective is a name, a colon and its actors",
         "{p0}: ett perspektiv är ett namn, ett kolon och dess aktörer"),
        ("{p0}: {p1} (several separated by ;)", "{p0}: {p1} (flera åtskilda med ;)"),
        ("{p0}: a share is not a number", "{p0}: en andel är inte ett tal"),
        ("{p0} is not a number", "{p0} är inte ett tal"),
        ("{p0} is missing", "{p0} saknas"),
        ("{p0} holds a percent, which this column does not take",
         "{p0} innehåller ett procenttal, som den här kolumnen inte tar"),
        ("{p0} is not a whole number", "{p0} är inte ett heltal"),
        ("{p0} is not a list of numbers", "{p0} är inte en lista med tal"),
        ("numbers separated by ;, e.g. 1; 0,8; 0,6", "tal åtskilda med ;, t.ex. 1; 0,8; 0,6"),
        ("a value", "ett värde"),
        ("with a unit in Enhet, Värde is a plain number",
         "med en enhet i Enhet är Värde ett rent tal"),
        ('a number such as -4,4 with the unit in Enhet, or text "-4,4 mån/år"',
         'ett tal som -4,4 med enheten i Enhet, eller texten "-4,4 mån/år"'),
        ("the parameter is named twice in this scenario",
         "parametern anges två gånger i det här scenariot"),
        ("one row a parameter and scenario", "en rad per parameter och scenario"),
        ("the parameter is named twice", "parametern anges två gånger"),
        ("one row a parameter", "en rad per parameter"),
        ("a number such as -5,4", "ett tal som -5,4"),
        ("is not a number ({p0})", "är inte ett tal ({p0})"),
        ("alpha=2; beta=5, mu=0; sigma=1 or lamb=4", "alpha=2; beta=5, mu=0; sigma=1 eller lamb=4"),
        ("a name such as effects[0].change", "ett namn som effects[0].change"),
        ("a correlation names two parameters and a rho in Värde",
         "en korrelation anger två parametrar och ett rho i Värde"),
        ("a; b in Parameter and e.g. 0,6 in Värde",
         "namn1; namn2 i Parameter och t.ex. 0,6 i Värde"),
        ("has {p0} {p1}, more than the limit of {p2}", "har {p0} {p1}, fler än gränsen {p2}"),
        ("at most {p0} {p1} (docs/limits.md)", "högst {p0} {p1} (docs/limits.md)"),
        ("holds the {p0} U+{y1} at position {p2}",
         "innehåller tecknet U+{y1} ({p0}) på plats {p2}"),
        ("plain text; retype the cell (tab and line breaks are allowed)",
         "vanlig text; skriv om cellen (tabb och radbrytning går bra)"),
        ("holds an Excel error, not a value", "innehåller ett Excel-fel, inte ett värde"),
        ("a value (correct the formula, or type the value)",
         "ett värde (rätta formeln, eller skriv in värdet)"),
        ("holds a formula whose value was never computed (the file was written by a program, "
         "not saved by Excel)",
         "innehåller en formel vars värde aldrig räknats ut (filen skrevs av ett program, "
         "sparades inte av Excel)"),
        ("the value itself typed in the cell (e.g. 0,5 instead of =A1/2), or the file opened "
         "and saved in Excel or LibreOffice so that the value is stored",
         "själva värdet inskrivet i cellen (t.ex. 0,5 i stället för =A1/2), eller filen "
         "öppnad och sparad i Excel eller LibreOffice så att värdet lagras"),
        ("openpyxl would parse the workbook without defusedxml (is OPENPYXL_DEFUSEDXML set "
         "to False?), so XML bombs would not be caught",
         "openpyxl skulle läsa arbetsboken utan defusedxml (är OPENPYXL_DEFUSEDXML satt till "
         "False?), så XML-bomber skulle inte upptäckas"),
        ("defusedxml installed (`pip install defusedxml`) and OPENPYXL_DEFUSEDXML unset",
         "defusedxml installerat (`pip install defusedxml`) och OPENPYXL_DEFUSEDXML inte satt"),
        ("an .xlsx template written by write_template",
         "en .xlsx-mall skriven av write_template"),
        ("cannot be read as an Excel workbook ({p0})",
         "kan inte läsas som en Excel-arbetsbok ({p0})"),
        ("the template has no sheet {p0}", "mallen har inget blad {p0}"),
        ("the sheets {p0} (write a fresh template with write_template or `sociokalkyl init "
         "mall.xlsx`)",
         "bladen {p0} (skriv en ny mall med write_template eller `sociokalkyl init "
         "mall.xlsx`)"),
        ("has a value below row {p0}", "har ett värde under rad {p0}"),
        ("the sheet {p0} has no rows", "bladet {p0} har inga rader"),
        ("at least one row from row {p0}", "minst en rad från rad {p0}"),
        ("{p0} is not a parameter of this calculation", "{p0} är inte en parameter i kalkylen"),
        ("a name that `sociokalkyl brytpunkt FILE --lista` lists, e.g. effect_multiplier or "
         "effects[0].change",
         "ett namn som `sociokalkyl brytpunkt FIL --lista` visar, t.ex. effect_multiplier "
         "eller effects[0].change"),
        ("cannot be written to the template: {p0}", "kan inte skrivas till mallen: {p0}"),
        ("text without control characters (tab and line breaks are allowed)",
         "text utan styrtecken (tabb och radbrytning går bra)"),
        ("has fields the template's sheet Osäkerhet has no column for",
         "har fält som mallens blad Osäkerhet saknar kolumn för"),
        ("only {p0}", "bara {p0}"),
        ("cannot be written to the template", "kan inte skrivas till mallen"),
        ("a distribution such as {{kind = 'uniform', ...}}",
         "en fördelning som {{kind = 'uniform', ...}}"),
        ("is not a table", "är inte en tabell"),
        ("key = value lines", "rader nyckel = värde"),
        ("needs exactly one of scenario and example",
         "behöver exakt ett av scenario och example"),
        ('e.g. scenario = "servicetrainee.toml" or example = "servicetrainee"',
         't.ex. scenario = "servicetrainee.toml" eller example = "servicetrainee"'),
        ("a UTF-8 file", "en UTF-8-fil"),
        ("is given twice", "anges två gånger"),
        ("a unique name a member (add name = ...)", "ett eget namn per del (lägg till name = ...)"),
        ("has no column År", "har ingen kolumn År"),
        ("the header 'År' in row 1", "rubriken 'År' på rad 1"),
        ("has no sheet Uppföljning", "har inget blad Uppföljning"),
        ("a workbook from 'sociokalkyl uppfoljning --mall', or a sheet named Uppföljning",
         "en arbetsbok från 'sociokalkyl uppfoljning --mall', eller ett blad som heter "
         "Uppföljning"),
        ("is not a column of the follow-up sheet", "är inte en kolumn i uppföljningsbladet"),
        ("År, Nya deltagare, Användning: KEY, Kostnad: NAMN, Övrig kostnad: BETALARE or "
         "Källa, e.g. 'Användning: ekonomiskt_bistand'",
         "År, Nya deltagare, Användning: NYCKEL, Kostnad: NAMN, Övrig kostnad: BETALARE "
         "eller Källa, t.ex. 'Användning: ekonomiskt_bistand'"),
        ("is not a setting of the follow-up", "är inte en inställning i uppföljningen"),
        ("Kalkyl, Exempel or Trovärdighet", "Kalkyl, Exempel eller Trovärdighet"),
        ("has an unknown file format", "har ett okänt filformat"),
        ("a file ending in .toml, .yaml, .yml, .json or .xlsx",
         "en fil som slutar på .toml, .yaml, .yml, .json eller .xlsx"),
        ("has the unit {p0}; this parameter is a plain number ({p1})",
         "har enheten {p0}; parametern är ett rent tal ({p1})"),
        ("a number, e.g. {p0}", "ett tal, t.ex. {p0}"),
        ("has the unit {p0}, which cannot be converted to the parameter's unit {p1}",
         "har enheten {p0}, som inte kan räknas om till parameterns enhet {p1}"),
        ("a value in {p0}, e.g. {p1}", "ett värde i {p0}, t.ex. {p1}"),
        ("invalid {p0}: {p1}", "ogiltig {p0}: {p1}"),
        ("valid {p0} (see docs/cli.md for an example)",
         "giltig {p0} (se docs/cli.md för ett exempel)"),
        ("valid {p0}", "giltig {p0}"),
        ("unknown problem", "okänt problem"),
        ("{p0} is not a number a scenario may contain",
         "{p0} är inte ett tal en kalkyl kan innehålla"),
        ("the file does not hold a table of settings and intervention",
         "filen innehåller ingen tabell med settings och intervention"),
        ("[settings] and [intervention] tables (see docs/cli.md)",
         "tabellerna [settings] och [intervention] (se docs/cli.md)"),
        ("cannot be written as text", "kan inte skrivas som text"),
        ("toml, yaml or json", "toml, yaml eller json"),
        ("cannot be written to TOML", "kan inte skrivas till TOML"),
        ("text, numbers, lists and tables", "text, tal, listor och tabeller"),
    )
)  # fmt: skip
"""The readers and writers of scenario files, the Excel template and the follow-up."""

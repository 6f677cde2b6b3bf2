"""Actors, flows, unknown names (issue 10, the engine) and the effect command, in Swedish.

Examples
--------
>>> len(ACTORS) > 10
True
"""

from __future__ import annotations

from sociokalkyl.language.error_format import D, Replacement, numbers

__all__ = ["ACTORS"]

ACTORS: tuple[tuple[str, Replacement], ...] = (
    (r"unknown actor '([^']*)'; did you mean '([^']*)'\?",
     r"okänd aktör '\1'; menade du '\2'?"),
    (r"unknown actor '([^']*)'\.?", r"okänd aktör '\1'."),
    (r" Expected one of (.*?) \(declare others in actors, e\.g\. actors = (\[[^\]]*\])\)",
     r" Väntat: ett av \1 (ange andra i actors, t.ex. actors = \2)"),
    (r"a (\w+) flow has no recipient \(got recipient = ('[^']*')\); a payment to another "
     r"actor is flow = \"transfer\", e\.g\. ",
     r"ett flöde av sorten \1 har ingen mottagare (fick recipient = \2); en betalning "
     'till en annan aktör är flow = "transfer", t.ex. '),
    (r"a (\w+) flow has no owner \(got owner = ('[^']*')\); only production and work "
     r"create value, e\.g\. ",
     r"ett flöde av sorten \1 har ingen ägare (fick owner = \2); bara produktion och "
     r"arbete skapar ett värde, t.ex. "),
    (r"a transfer needs its recipient, e\.g\. ",
     "en transferering behöver sin mottagare, t.ex. "),
    (r"a (\w+) from ('[^']*') to ('[^']*') is no transfer: the recipient must be another "
     r"actor than the payer, e\.g\. ",
     r"ett flöde av sorten \1 från \2 till \3 är ingen transferering: mottagaren ska "
     r"vara en annan aktör än betalaren, t.ex. "),
    (r"work has one employer, who pays the wage, got the shares (.*?); e\.g\. ",
     r"arbete har en arbetsgivare, som betalar lönen, fick andelarna \1; t.ex. "),
    (r"work names its employer, who pays the wage, in payer, e\.g\. (\S+ = \"[^\"]*\") "
     r"\(an employer on the labour market\) or ",
     r"arbete anger sin arbetsgivare, som betalar lönen, i payer, t.ex. \1 "
     r"(en arbetsgivare på arbetsmarknaden) eller "),
    (rf"^a rate of {D}% is outside 0 % to 100 %",
     numbers("en skattesats på {0} % ligger utanför 0 % till 100 %")),
    (rf"^a real discount rate of {D}% is outside -10 % to 25 %",
     numbers("en real kalkylränta på {0} % ligger utanför -10 % till 25 %")),
    (rf"^an optimism-bias uplift of {D}% is above the Green Book's highest band \(200 %\)",
     numbers("ett påslag för optimism bias på {0} % är över Green Books högsta nivå (200 %)")),
    (rf"^a relative change of {D}% is implausible: ",
     numbers("en relativ förändring på {0} % är orimlig: ")),
    (rf"^a relative change below -100 % is impossible, got {D}; e\.g\. ",
     numbers("en relativ förändring under -100 % är omöjlig, fick {0}; t.ex. ")),
    (rf"did you write {D} for {D} %\?", numbers("skrev du {0} för {1} %?")),
    (r"(?<=%\?) Write ", " Skriv "),
    (rf'"{D} %" or {D}(?=;|$)', numbers('"{0} %" eller {1}')),
    (rf'Skriv "{D} %"(?=;|$)', numbers('Skriv "{0} %"')),
    (r'; e\.g\. "32,37 %" or 0\.3237$', '; t.ex. "32,37 %" eller 0.3237'),
    (r'; e\.g\. 0\.035 or "3,5 %"$', '; t.ex. 0.035 eller "3,5 %"'),
    (r'(?<=[;?]) e\.g\. 0\.1 or "10 %"$', ' t.ex. 0.1 eller "10 %"'),
    (r"unknown perspective '([^']*)'", r"okänt perspektiv '\1'"),
    (r" Expected one of (.*?) \(or define it in perspectives\)$",
     r" Väntat: ett av \1 (eller definiera det i perspectives)"),
    (r"('[^']*') is a preset perspective's name$", r"\1 är namnet på ett förinställt perspektiv"),
    (r"^another name, e\.g\. ", "ett annat namn, t.ex. "),
    (r"a perspective needs at least one actor, e\.g\. ",
     "ett perspektiv behöver minst en aktör, t.ex. "),
    (r"^('[^']*') is not a parameter of this intervention",
     r"\1 är inte en parameter i den här insatsen"),
    (r"^is not a valid distribution \(", "är inte en giltig fördelning ("),
    (r"\(kind: Value error, ", "(kind: "),
    (rf"needs low < high, got low={D}, high={D}; e\.g\. ",
     numbers("kräver low < high, fick low={0}, high={1}; t.ex. ")),
    (rf"needs low <= mode <= high and low < high, got low={D}, mode={D}, high={D}; e\.g\. ",
     numbers("kräver low <= mode <= high och low < high, fick low={0}, mode={1}, "
              "high={2}; t.ex. ")),
    (r"^a table with kind = one of (.*?), e\.g\. ", r"en tabell med kind = ett av \1, t.ex. "),
    (rf"^the distribution can draw values in \[{D}, {D}\], outside the parameter's range "
     rf"\[{D}, {D}\] \(",
     numbers("fördelningen kan dra värden i [{0}; {1}], utanför parameterns intervall "
              "[{2}; {3}] (")),
    (rf"^a distribution within \[{D}, {D}\], e\.g\. a uniform with low >= {D} or a normal "
     rf"truncated with low = {D}$",
     numbers("en fördelning inom [{0}; {1}], t.ex. en likformig med low >= {2} eller en "
              "trunkerad normal med low = {3}")),
    (rf"^is outside the parameter's range \[{D}, {D}\] \(",
     numbers("ligger utanför parameterns intervall [{0}; {1}] (")),
    (rf"^a value within \[{D}, {D}\] (.*?), e\.g\. {D} \(the value as given\)$",
     numbers("ett värde inom [{0}; {1}] {2}, t.ex. {3} (värdet som det angavs)")),
    (r"^is not a known payer", "är inte en känd betalare"),
    (r"^is not an actor of this analysis", "är inte en aktör i den här analysen"),
    (r"^is not a perspective of this analysis", "är inte ett perspektiv i den här analysen"),
    (r"^is not a parameter of this intervention", "är inte en parameter i den här insatsen"),
    (r"^is not a cost item of this intervention", "är inte en kostnadspost i den här insatsen"),
    (r", or declare it in other_payers or actors$",
     ", eller ange den i other_payers eller actors"),
    (r" \(declare others in actors\)$", " (ange andra i actors)"),
    (r"; did you mean '([^']*)'\?", r"; menade du '\1'?"),
    (r"^is not a group size$", "är inte en gruppstorlek"),
    (r"^a whole number >= 1, e\.g\. 30$", "ett heltal >= 1, t.ex. 30"),
    (r"^is not a use per participant and year$", "är inte en användning per deltagare och år"),
    (r"^a positive number, e\.g\. 10$", "ett positivt tal, t.ex. 10"),
)  # fmt: skip
"""Actors, flows, unknown names (issue 10, the engine) and the effect command's values."""

"""The model's errors in Swedish: cost items, effects, costs, participants, outcomes.

The scenario loader shows a model's check (a pydantic validator) as a problem of the
file; these are its wordings (:mod:`sociokalkyl.model`). A text with ``; expected``
arrives in two parts (:func:`~sociokalkyl.language.cli_problems.swedish_problem`).

Examples
--------
>>> import re
>>> text = "duration must be positive, got 0 år"
>>> for pattern, replace in MODEL:
...     text = re.sub(pattern, replace, text)
>>> text
'duration ska vara positiv, fick 0 år'
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, templates

__all__ = ["MODEL"]

MODEL: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("{p0} cannot be negative, got {p1}; e.g. {p2}",
         "{p0} kan inte vara negativ, fick {p1}; t.ex. {p2}"),
        ('{p0} of {p1} is more than the whole time (more than 12 mån/år, 24 tim/dygn, 7 '
         'dagar/vecka or 365 dygn/år); a participant uses at most all of it; e.g. "7 mån/år" '
         "(for several users per participant, split the cost item or count the users as "
         "participants)",
         "{p0} på {p1} är mer än hela tiden (mer än 12 mån/år, 24 tim/dygn, 7 dagar/vecka "
         'eller 365 dygn/år); en deltagare använder högst all tid; t.ex. "7 mån/år" (för '
         "flera användare per deltagare, dela kostnadsposten eller räkna användarna som "
         "deltagare)"),
        ('production has no payer (got payer = {p0}): it is value created, credited to its '
         'owner, e.g. flow = "production", owner = "övriga"',
         "produktion har ingen betalare (fick payer = {p0}): den är ett skapat värde som "
         'tillfaller sin ägare, t.ex. flow = "production", owner = "övriga"'),
        ('work takes a gross wage per time, got {p0}; e.g. unit_cost = "22 000 kr/mån"',
         'arbete tar en bruttolön per tid, fick {p0}; t.ex. unit_cost = "22 000 kr/mån"'),
        ('needs at least one payer, e.g. {{"kommun": 1.0}}',
         'behöver minst en betalare, t.ex. {{"kommun": 1.0}}'),
        ("shares must lie in [0, 1], got {p0}", "andelarna ska ligga i [0; 1], fick {p0}"),
        ('payer shares must sum to 1, got {p0} (e.g. {{"kommun": 0.56, "region": 0.44}})',
         'betalarnas andelar ska summera till 1, fick {p0} (t.ex. {{"kommun": 0.56, '
         '"region": 0.44}})'),
        ('a relative effect takes a share as change, got {p0}; e.g. change = "-49 %" (or '
         'kind = "absolute" for a use per year)',
         'en relativ effekt tar en andel som change, fick {p0}; t.ex. change = "-49 %" '
         '(eller kind = "absolute" för en användning per år)'),
        ("an absolute effect takes a use per year with a time unit as change, got {p0}; "
         'e.g. change = "-2 tim/vecka" or "-4,9 mån/år" (for a share of the baseline use, '
         'write kind = "relative" and change = "-20 %")',
         "en absolut effekt tar en användning per år med en tidsenhet som change, fick "
         '{p0}; t.ex. change = "-2 tim/vecka" eller "-4,9 mån/år" (för en andel av '
         'utgångsläget, skriv kind = "relative" och change = "-20 %")'),
        ("a one-off cost takes an amount of money, got {p0}; e.g. {p1}",
         "en engångskostnad tar ett belopp, fick {p0}; t.ex. {p1}"),
        ("a yearly cost takes money per time, got {p0}; e.g. {p1}",
         "en årlig kostnad tar pengar per tid, fick {p0}; t.ex. {p1}"),
        ("a per-participant rate needs a duration; e.g. {p0}",
         "en kostnad per deltagare och tid behöver en varaktighet (duration); t.ex. {p0}"),
        ("duration goes only with a per-participant rate; e.g. {p0}",
         "duration hör bara till en kostnad per deltagare och tid; t.ex. {p0}"),
        ("duration must be positive, got {p0}", "duration ska vara positiv, fick {p0}"),
        ("a per-participant cost is paid from each cohort's intake and takes neither year "
         "nor years (got year={y0}, years={y1}); e.g. {p2}; for a cost paid every year, use "
         'kind = "per_year"',
         "en kostnad per deltagare betalas från varje kulls intag och tar varken year eller "
         "years (fick year={y0}, years={y1}); t.ex. {p2}; för en kostnad som betalas varje "
         'år, använd kind = "per_year"'),
        ("a one-off cost is paid once, in year, and takes no years (got years={y0}); e.g. "
         '{p1}, year = 2; or use kind = "per_year"',
         "en engångskostnad betalas en gång, året year, och tar inga years (fick "
         'years={y0}); t.ex. {p1}, year = 2; eller använd kind = "per_year"'),
        ("expected at least one effect on a cost item (with its baseline use) or one "
         "outcome_effects entry",
         "minst en effekt på en kostnadspost (med dess utgångsläge) eller en post i "
         "outcome_effects väntades"),
        ("the key {p0} is given twice", "nyckeln {p0} anges två gånger"),
        ("each cost item once", "varje kostnadspost en gång"),
        ("{p0} is not among the intervention's cost_items{p1} one of {p2}",
         "{p0} finns inte bland insatsens cost_items{p1} ett av {p2}"),
        ("{p0} has two baseline uses", "{p0} har två utgångslägen"),
        ("one per cost item", "ett per kostnadspost"),
        ("{p0} is not a cost item with a baseline use{p1} one of {p2}",
         "{p0} är inte en kostnadspost med ett utgångsläge{p1} ett av {p2}"),
        ('row {p0} needs either cost_item with change, or amount; e.g. cost_item = "hvb", '
         'change = "-365 dygn/år", or amount = "-129 800 kr"',
         "raden {p0} behöver antingen cost_item med change, eller amount; t.ex. "
         'cost_item = "hvb", change = "-365 dygn/år", eller amount = "-129 800 kr"'),
        ("row {p0}: cost_item needs change, e.g. '-365 dygn/år'",
         "raden {p0}: cost_item behöver change, t.ex. '-365 dygn/år'"),
        ("row {p0}: an amount needs its price_year, e.g. 2023",
         "raden {p0}: ett belopp behöver sitt price_year, t.ex. 2023"),
        ("row {p0} needs exactly one profile of profile, years or ages, got {p1}; e.g. "
         "years = 5, profile = [1, 0.5], or ages = [20, 65]",
         "raden {p0} behöver exakt en profil av profile, years eller ages, fick {p1}; "
         "t.ex. years = 5, profile = [1, 0.5], eller ages = [20, 65]"),
        ("row {p0}: ages must rise, got {p1}", "raden {p0}: ages ska stiga, fick {p1}"),
        ("consequence key {p0} is given twice in {p1}",
         "konsekvensnyckeln {p0} anges två gånger i {p1}"),
        ("a change of probability lies in [-1, 1], got {p0}; e.g. change = 0.05 or \"5 %\" "
         "for 5 percentage points",
         "en förändrad sannolikhet ligger i [-1; 1], fick {p0}; t.ex. change = 0.05 eller "
         '"5 %" för 5 procentenheter'),
        ("duration_years is for kind = 'rate' (events per year)",
         "duration_years hör till kind = 'rate' (händelser per år)"),
        ("row {p0}: range must hold the size given, 0 <= low <= {p1} <= high, got {p2}",
         "raden {p0}: range ska rymma den angivna storleken, 0 <= low <= {p1} <= high, "
         "fick {p2}"),
        ("row {p0}: work takes a wage per time, e.g. kr/år",
         "raden {p0}: arbete tar en lön per tid, t.ex. kr/år"),
        ("no participants: expected at least one, e.g. intake = [30]",
         "inga deltagare: minst en väntades, t.ex. intake = [30]"),
        ('a baseline use needs a time unit, got {p0}; e.g. "7 mån/år", "2,5 tim/vecka" or '
         '"0,05 /år" (events a year)',
         'ett utgångsläge behöver en tidsenhet, fick {p0}; t.ex. "7 mån/år", "2,5 '
         'tim/vecka" eller "0,05 /år" (händelser per år)'),
        ("profile must be non-empty and >= 0, got {p0}; e.g. [1, 0.8]",
         "profile ska ha minst ett värde, alla >= 0, fick {p0}; t.ex. [1, 0.8]"),
        ("intake in year {y0} is {p1}", "intaget år {y0} är {p1}"),
        ("a count >= 0, e.g. [30] or [20, 20, 20]",
         "ett antal >= 0, t.ex. [30] eller [20, 20, 20]"),
        ("give exactly one of levels or changes_percent, e.g. levels = {{2020 = 100, 2021 = "
         "103.2}} or changes_percent = {{2022 = 5.1, 2023 = 4.6}}",
         "ange exakt ett av levels och changes_percent, t.ex. levels = {{2020 = 100, 2021 = "
         "103.2}} eller changes_percent = {{2022 = 5.1, 2023 = 4.6}}"),
        ("is '{p0}'", "är '{p0}'"),
        ("the table's own key {p0}", "tabellens egen nyckel {p0}"),
        ("{p0} is not finite", "{p0} är inte ändligt"),
        ("a number", "ett tal"),
    )
)  # fmt: skip
"""The checks of the model's parts (cost items, effects, costs, participants, outcomes)."""

"""The analyses' errors in Swedish: finance, comparisons, portfolios, uncertainty.

Most of these check what a Python caller passes to :mod:`sociokalkyl.finance`,
:mod:`sociokalkyl.analysis`, :mod:`sociokalkyl.portfolio` and
:mod:`sociokalkyl.uncertainty`; the command line reaches them through ``tornado``,
``brytpunkt``, ``portfolj``, ``vardet-av-information`` and ``--draws``.

Examples
--------
>>> import re
>>> text = "is not a correlation in [-1, 1]"
>>> for pattern, replace in ANALYSIS + UNCERTAINTY:
...     text = re.sub(pattern, replace, text)
>>> text
'är ingen korrelation i [-1; 1]'
"""

from __future__ import annotations

from sociokalkyl.language.error_format import Replacement, templates

__all__ = ["ANALYSIS", "UNCERTAINTY"]

ANALYSIS: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("are both given", "anges båda"),
        ("one of them: an actor's own NPV, or a perspective's",
         "ett av dem: en aktörs eget nuvärde, eller ett perspektivs"),
        ("is not a range with low < high", "är inget intervall med low < high"),
        ("settings together with intervention, e.g. compare_scenarios(overrides, "
         "intervention, settings)",
         "settings tillsammans med intervention, t.ex. compare_scenarios(overrides, "
         "intervention, settings)"),
        ("is not an (intervention, settings) pair", "är inget par (intervention, settings)"),
        ("e.g. {{'bas': (intervention, settings)}}, or pass intervention and settings and give "
         "overrides such as {{'costs[1].amount': 0}}",
         "t.ex. {{'bas': (intervention, settings)}}, eller ge intervention och settings och "
         "ändringar som {{'costs[1].amount': 0}}"),
        ("is not a mapping of parameter overrides", "är ingen tabell med ändrade parametrar"),
        ("{p0}: not a finite number (the calculation overflows); its inputs, largest first: "
         "{p1}",
         "{p0}: inte ett ändligt tal (beräkningen slår över); dess indata, störst först: {p1}"),
        ("inputs of a realistic size (check the unit and the number of zeros); with a "
         "distribution, one that cannot draw such a value",
         "indata av rimlig storlek (kontrollera enheten och antalet nollor); med en "
         "fördelning, en som inte kan dra ett sådant värde"),
        ("is not a kind of frame", "är ingen sorts tabell"),
        ("is not a kind of plot", "är ingen sorts diagram"),
        ("is not a way to split the flows", "är inget sätt att dela upp flödena"),
        ('"payer" or "cost_item"', '"payer" eller "cost_item"'),
        ("{p0} must be real numbers, not dtype {p1}", "{p0} ska vara reella tal, inte dtype {p1}"),
        ("{p0} must be greater than -1 (-100 %)", "{p0} ska vara större än -1 (-100 %)"),
        ("{p0} has an empty time axis (shape {p1})", "{p0} har en tom tidsaxel (form {p1})"),
        ("at least one year of flows, e.g. [-100, 30, 30, 30, 30]",
         "minst ett år med flöden, t.ex. [-100, 30, 30, 30, 30]"),
        ("{p0} must be at least 1", "{p0} ska vara minst 1"),
        ("{p0} must be real numbers ({p1})", "{p0} ska vara reella tal ({p1})"),
        ("{p0} must be a whole number", "{p0} ska vara ett heltal"),
        ("{p0} of shape {p1} does not broadcast against {p2} {p3}",
         "{p0} med formen {p1} passar inte ihop med {p2} {p3}"),
        ("a shape that broadcasts against {p0}, e.g. a scalar such as 0.035",
         "en form som passar ihop med {p0}, t.ex. ett enskilt tal som 0.035"),
        ("do not share the year axis with factors of shape {p0}",
         "delar inte årsaxeln med faktorer med formen {p0}"),
        ("flows of shape (..., T) with factors (T,), or (..., T, D) with factors (T, D) or "
         "(T, 1) and axis=-2",
         "flöden med formen (..., T) med faktorer (T,), eller (..., T, D) med faktorer "
         "(T, D) eller (T, 1) och axis=-2"),
        ("benefits cover {p0} years but costs cover {p1}",
         "nyttorna täcker {p0} år men kostnaderna {p1}"),
        ("the same number of years as benefits ({p0})", "lika många år som nyttorna ({p0})"),
        ("no internal rate of return for {p0}: {p1}", "ingen internränta för {p0}: {p1}"),
        ("flows with at least one sign change, e.g. [-100, 30, 40, 50]",
         "flöden med minst ett teckenbyte, t.ex. [-100, 30, 40, 50]"),
        ("band_starts and band_rates must be non-empty and of the same length",
         "band_starts och band_rates ska ha minst ett värde och lika många"),
        ("the first band must start at year 0 or 1", "första bandet ska börja år 0 eller 1"),
        ("band_starts must be strictly increasing (a first start of 0 counts as 1)",
         "band_starts ska öka strikt (en första start 0 räknas som 1)"),
        ("band_starts must be a sequence of whole years and band_rates of rates",
         "band_starts ska vara en följd av hela år och band_rates av räntor"),
        ("starts more years after the portfolio's first member than its discount schedule "
         "covers",
         "börjar fler år efter portföljens första del än dess diskonteringsschema täcker"),
        ("a base year less than {y0} years after the earliest member's, or a constant "
         "discount rate",
         "ett basår mindre än {y0} år efter den tidigaste delens, eller en konstant "
         "kalkylränta"),
        ("needs one name a plan and at least one member",
         "behöver ett namn per plan och minst en del"),
        ("e.g. Portfolio(('servicetrainee',), (plan,))",
         "t.ex. Portfolio(('servicetrainee',), (plan,))"),
        ("is not a member of the portfolio", "är ingen del av portföljen"),
        ("a unique name a member", "ett eget namn per del"),
        ("has an amount that is not a finite number (too large)",
         "har ett belopp som inte är ett ändligt tal (för stort)"),
        ("capital, grants and repayments of a realistic size (below 10^15 kr)",
         "kapital, bidrag och återbetalningar av rimlig storlek (under 10^15 kr)"),
        ("names payers, but a schedule repays fixed amounts",
         "anger betalare, men en plan betalar tillbaka fasta belopp"),
        ('no payers for kind = "schedule", or kind = "share"',
         'inga betalare för kind = "schedule", eller kind = "share"'),
        ("is needed for kind = {p0}: whose avoided costs repay",
         "behövs för kind = {p0}: vems undvikna kostnader som betalar tillbaka"),
        ("is not a payer or nämnd of '{p0}'", "är ingen betalare eller nämnd i '{p0}'"),
        ("needs one entry a member (None for a member without uncertainty)",
         "behöver en post per del (None för en del utan osäkerhet)"),
        ("{p0} entries, in the members' order", "{p0} poster, i delarnas ordning"),
        ("is shared by every intervention, but '{p0}' gives it another distribution",
         "delas av alla insatser, men '{p0}' ger den en annan fördelning"),
        ("the same distribution as in '{p0}' ({p1}), or another cost item key if they differ",
         "samma fördelning som i '{p0}' ({p1}), eller en annan nyckel för kostnadsposten om "
         "de skiljer sig"),
        ("is shared, but its unit is {p0} here and {p1} in '{p2}'",
         "delas, men dess enhet är {p0} här och {p1} i '{p2}'"),
        ("the same unit (and price year) in every intervention, or another cost item key",
         "samma enhet (och prisår) i alla insatser, eller en annan nyckel för kostnadsposten"),
        ("is more draws than a portfolio simulation keeps (it keeps every draw)",
         "är fler dragningar än en portföljsimulering sparar (den sparar varje dragning)"),
        ("at most {p0} draws, e.g. draws=100_000", "högst {p0} dragningar, t.ex. draws=100_000"),
    )
)  # fmt: skip
"""Finance, comparisons and break-even, plots and frames, portfolios."""

UNCERTAINTY: tuple[tuple[str, Replacement], ...] = templates(
    (
        ("is not a probability strictly between 0 and 1",
         "är ingen sannolikhet strikt mellan 0 och 1"),
        ("e.g. 0.1 or (0.05, 0.5, 0.95)", "t.ex. 0.1 eller (0.05, 0.5, 0.95)"),
        ("truncation bounds must be ordered, got low={p0}, high={p1}; e.g. {{kind = "
         '"normal", mean = 3000, sd = 500, low = 0}}',
         "gränserna för trunkeringen ska vara i ordning, fick low={p0}, high={p1}; t.ex. "
         '{{kind = "normal", mean = 3000, sd = 500, low = 0}}'),
        ("the truncation [{p0}, {p1}] holds no probability of N({p2}, {p3}^2); widen it",
         "trunkeringen [{p0}; {p1}] rymmer ingen sannolikhet av N({p2}, {p3}^2); vidga den"),
        ("the distribution drew {p0} (not a finite number): its parameters are too large for "
         "a number to hold",
         "fördelningen drog {p0} (inte ett ändligt tal): dess parametrar är för stora för "
         "ett tal"),
        ("a distribution of a realistic size in the parameter's unit, e.g. a lognormal with "
         "mu = log of the typical value",
         "en fördelning av rimlig storlek i parameterns enhet, t.ex. en lognormal med mu = "
         "log av det typiska värdet"),
        ("is too wide for a beta distribution on [-1, 1]",
         "är för bred för en betafördelning på [-1; 1]"),
        ("sd below {p0}, or kind='normal'", "sd under {p0}, eller kind='normal'"),
        ("is not a group", "är ingen grupp"),
        ("Group(name, before, after, size), e.g. Group('Väntelista', 1.0, 0.8, 30)",
         "Group(name, before, after, size), t.ex. Group('Väntelista', 1.0, 0.8, 30)"),
        ("a whole number of persons or households >= 1, e.g. 30",
         "ett helt antal personer eller hushåll >= 1, t.ex. 30"),
        ("is not a standard deviation of a mean", "är ingen standardavvikelse för ett medelvärde"),
        ("a number >= 0, and only with scale='mean' (a share's is binomial)",
         "ett tal >= 0, och bara med scale='mean' (en andels är binomial)"),
        ("is not a scale", "är ingen skala"),
        ("'share' or 'mean'", "'share' eller 'mean'"),
        ("has no comparison group", "har ingen jämförelsegrupp"),
        ("a list of one or more groups, e.g. [Group('Väntelista', 1.0, 0.8, 30)]",
         "en lista med en eller flera grupper, t.ex. [Group('Väntelista', 1.0, 0.8, 30)]"),
        ("is not a finite, non-zero scale", "är ingen ändlig skala skild från noll"),
        ("the use per participant and year, e.g. scale=10 (months a year)",
         "användningen per deltagare och år, t.ex. scale=10 (månader per år)"),
        ("has no standard error: a group has no size, or every estimate is exact",
         "har inget standardfel: en grupp saknar storlek, eller varje skattning är exakt"),
        ("a size (> 0) for every group, e.g. Group('Väntelista', 1.0, 0.8, size=30)",
         "en storlek (> 0) för varje grupp, t.ex. Group('Väntelista', 1.0, 0.8, size=30)"),
        ("is not a distribution of this comparison", "är ingen fördelning för den här jämförelsen"),
        ("'normal', or 'beta' for shares", "'normal', eller 'beta' för andelar"),
        ("a positive number, e.g. 10 (months a year of bistånd)",
         "ett positivt tal, t.ex. 10 (månader per år med bistånd)"),
        ("a share between 0 and 1, e.g. 0.26 for 26 %",
         "en andel mellan 0 och 1, t.ex. 0.26 för 26 %"),
        ("a share between 0 and 1", "en andel mellan 0 och 1"),
        ("is not a metric of this simulation", "är inget mått i den här simuleringen"),
        ("keeps only the first {p0} of {p1} draws (keep_draws=False), so it has no array over "
         "all draws",
         "sparar bara de första {p0} av {p1} dragningar (keep_draws=False), så den har ingen "
         "vektor över alla dragningar"),
        ("simulate(..., keep_draws=True) for every draw, or the summaries mean(), std(), "
         "quantile() and prob_npv_positive; values({p0}) gives the kept sample",
         "simulate(..., keep_draws=True) för varje dragning, eller sammanfattningarna mean(), "
         "std(), quantile() och prob_npv_positive; values({p0}) ger det sparade urvalet"),
        ("has no IRR: it was not computed", "har ingen internränta: den beräknades inte"),
        ("simulate(..., with_irr=True), or with_irr=n for the first n draws",
         "simulate(..., with_irr=True), eller with_irr=n för de första n dragningarna"),
        ("is not a mandate period", "är ingen mandatperiod"),
        ("whole years from 1 to 100, e.g. 4 (a Swedish mandatperiod)",
         "hela år från 1 till 100, t.ex. 4 (en mandatperiod)"),
        ("names parameters the simulation does not have",
         "anger parametrar som simuleringen inte har"),
        ("the uncertainty the simulation was run with", "osäkerheten som simuleringen kördes med"),
        ("either payer={p0} or perspective={p1}, not both",
         "antingen payer={p0} eller perspective={p1}, inte båda"),
        ("is not a payer of this simulation", "är ingen betalare i den här simuleringen"),
        ("does not have one payback per draw", "har inte en återbetalningstid per dragning"),
        ("shape {p0}", "formen {p0}"),
        ("must be ordered, low < high", "ska vara i ordning, low < high"),
        ("is not a positive chunk size", "är ingen positiv blockstorlek"),
        ("an integer >= 1, e.g. chunk_size=65_536", "ett heltal >= 1, t.ex. chunk_size=65_536"),
        ("is not a seed", "är inget frö (seed)"),
        ("None, an integer >= 0 or a numpy.random.Generator, e.g. seed=1",
         "None, ett heltal >= 0 eller en numpy.random.Generator, t.ex. seed=1"),
        ("either a 'correlation' key or the correlation argument",
         "antingen en nyckel 'correlation' eller argumentet correlation"),
        ("is not a pair of two different parameters", "är inget par av två olika parametrar"),
        ("is not a correlation in [-1, 1]", "är ingen korrelation i [-1; 1]"),
        ("does not make a positive definite correlation matrix",
         "ger ingen positivt definit korrelationsmatris"),
        ("correlations that can hold together (|rho| < 1, and e.g. not a ~ b = 0.9, b ~ c = "
         "0.9, a ~ c = -0.9)",
         "korrelationer som går ihop (|rho| < 1, och t.ex. inte a ~ b = 0.9, b ~ c = 0.9, "
         "a ~ c = -0.9)"),
        ("the distribution spans [{p0}, {p1}], wider than a number can hold (its width "
         "overflows)",
         "fördelningen spänner över [{p0}; {p1}], bredare än ett tal rymmer (bredden slår "
         "över)"),
        ("a distribution of a realistic width in {p0}", "en fördelning av rimlig bredd i {p0}"),
        ("the distribution can draw values in {p0}, outside the parameter's range [{p1}, {p2}] "
         "({p3})",
         "fördelningen kan dra värden i {p0}, utanför parameterns intervall [{p1}; {p2}] "
         "({p3})"),
        ("is not a correlation entry", "är ingen korrelationspost"),
        ("a table with parameters and rho, e.g. {p0}",
         "en tabell med parametrar och rho, t.ex. {p0}"),
        ("names a parameter without a (non-fixed) distribution",
         "anger en parameter utan en (icke fast) fördelning"),
        ("is not an array of finite NPVs over at least two draws",
         "är ingen vektor med ändliga nuvärden över minst två dragningar"),
        ("the NPV of each draw of a simulation [SEK], e.g. mc.npv",
         "nuvärdet för varje dragning i en simulering [kr], t.ex. mc.npv"),
        ("is not the draws of the parameter(s), one row per draw ({p0})",
         "är inte parameterns (parametrarnas) dragningar, en rad per dragning ({p0})"),
        ("an array of shape (draws,) or (draws, parameters) of finite values",
         "en vektor med formen (draws,) eller (draws, parameters) med ändliga värden"),
        ("is not {p0}", "är inte {p0}"),
    )
)  # fmt: skip
"""The uncertainty: distributions, correlations, simulations, comparisons, value of
information."""

"""Words of ``konvertera``'s model check and of the catalogue's ranges in Monte Carlo.

:data:`PART_WORDS` names each part of a calculation that
:func:`~sociokalkyl.scenario.same.model_differences` compares; :data:`MODEL_WORDS` holds
the refusal of a conversion that loses a part, and the lines that say which
distributions Monte Carlo took from the consequence catalogue's ranges
(``docs/outcomes.md``).

Examples
--------
>>> model_text("not_same", parts=part_list(["flows", "weights"]))[:46]
'den konverterade filen skulle inte hålla samma'
>>> part_list(["actors", "outcomes"], "en")
'actors; outcomes'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sociokalkyl.language.labels import pick
from sociokalkyl.language.numbers import format_number

__all__ = ["MODEL_WORDS", "PART_WORDS", "model_text", "part_list", "range_note"]

PART_WORDS: dict[str, tuple[str, str]] = {
    "unreadable": ("kopian kan inte läsas tillbaka", "it cannot be read back"),
    "name": ("namn", "name"),
    "parameters": ("parametrar", "parameters"),
    "actors": ("aktörer", "actors"),
    "flows": ("flöden, mottagare och ägare", "flows, recipients and owners"),
    "lines": ("rader", "lines"),
    "weights": ("vikter per aktör", "weights per actor"),
    "payers": ("betalare", "payers"),
    "prices": ("prisomräkning", "price rebasing"),
    "derived lines": ("rader från arbete", "lines derived from work"),
    "perspectives": ("perspektiv", "perspectives"),
    "baseline": ("baslinje", "baseline"),
    "effects": ("effekter", "effects"),
    "costs": ("kostnader", "costs"),
    "outcomes": ("utfall", "outcomes"),
    "unpriced effects": ("ej värderade effekter", "unpriced effects"),
    "horizon": ("horisont", "horizon"),
    "years": ("basår och prisår", "base and price year"),
    "uncertainty": ("osäkerhet", "uncertainty"),
    "scenarios": ("scenarier", "scenarios"),
}
"""Each part of a calculation :func:`~sociokalkyl.scenario.same.model_differences` names."""

MODEL_WORDS: dict[str, tuple[str, str]] = {
    "not_same": (
        "den konverterade filen skulle inte hålla samma kalkyl (den skiljer sig i: {parts})",
        "the converted file would not hold the same calculation (it differs in: {parts})",
    ),
    "not_same_expected": (
        "en fil vars alla delar målformatet kan hålla (mallen har t.ex. ingen plats för "
        "en fils egna [catalogue]-poster som ingen rad använder)",
        "a file whose every part the target format can hold (e.g. the template has no "
        "place for a file's own [catalogue] items that no row uses)",
    ),
    "range_note": (
        "Monte Carlo: triangelfördelning {low}; {mode}; {high} ur katalogens spann för "
        "{name}, om inte din egen osäkerhet ([uncertainty], bladet Osäkerhet) anger "
        "parametern: då gäller din",
        "Monte Carlo: triangular {low}; {mode}; {high} from the catalogue's range for "
        "{name}, unless your own uncertainty ([uncertainty], the sheet Osäkerhet) names "
        "the parameter: then yours holds",
    ),
    "mc_from_catalogue": (
        "Monte Carlo drar också {names} ur konsekvenskatalogens spann (triangelfördelning)",
        "Monte Carlo also draws {names} from the consequence catalogue's range (triangular)",
    ),
    "tornado_from_catalogue": (
        "Konsekvenskatalogens spann (triangelfördelning) gäller för {names}",
        "The consequence catalogue's range (triangular) holds for {names}",
    ),
    "mc_own_wins": (
        "Din egen osäkerhet går före katalogens spann för {names}",
        "Your own uncertainty takes precedence over the catalogue's range for {names}",
    ),
}
"""The texts, with ``{fields}``."""


def model_text(key: str, lang: str = "sv", **fields: Any) -> str:
    """A text of :data:`MODEL_WORDS` in ``lang`` with its fields filled.

    Parameters
    ----------
    key
        A key of :data:`MODEL_WORDS`.
    lang
        ``"sv"`` (default) or ``"en"``.
    **fields
        The values of the text's ``{fields}``.

    Returns
    -------
    str

    Examples
    --------
    >>> model_text("mc_own_wins", "en", names="x")
    "Your own uncertainty takes precedence over the catalogue's range for x"
    """
    return pick(MODEL_WORDS[key], lang).format(**fields)


def part_list(parts: Iterable[str], lang: str = "sv") -> str:
    """The parts of a calculation in words, separated by ``;`` (an unknown part as itself).

    Parameters
    ----------
    parts
        Keys of :data:`PART_WORDS`.
    lang
        ``"sv"`` (default) or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> part_list(["flows", "outcomes"])
    'flöden, mottagare och ägare; utfall'
    """
    return "; ".join(pick(PART_WORDS[p], lang) if p in PART_WORDS else p for p in parts)


def range_note(
    note: str | None,
    name: str,
    size: float | None,
    bounds: tuple[float, float] | None,
    sign: float = 1.0,
) -> str | None:
    """A consequence row's note with the sentence on its Monte Carlo range added.

    The assumption log shows it beside the number (in Swedish, as the catalogue's notes).
    The triangle is ``sign * (low, |size|, high)``, its ends in rising order.

    Parameters
    ----------
    note
        The row's own note, or None.
    name
        The parameter the triangle is drawn for.
    size
        The row's value [its unit]; None: no range to tell.
    bounds
        The row's ``range = [low, high]`` of the size, or None (the note as it is).
    sign
        -1 for a change of use that is negative, else 1.

    Returns
    -------
    str or None

    Examples
    --------
    >>> range_note(None, "x", 66700, (33350, 133400))[:52]
    'Monte Carlo: triangelfördelning 33 350; 66 700; 133 '
    >>> range_note("n", "x", 1.0, None)
    'n'
    """
    if bounds is None or size is None:
        return note
    low, high = sorted((sign * bounds[0], sign * bounds[1]))
    triangle = {"low": low, "mode": sign * abs(size), "high": high}
    numbers = {k: format_number(v, 0 if float(v).is_integer() else 2, "sv")
               for k, v in triangle.items()}  # fmt: skip
    text = model_text("range_note", "sv", name=name, **numbers)
    return f"{note} {text}" if note else text

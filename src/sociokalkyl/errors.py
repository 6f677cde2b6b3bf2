"""One exception hierarchy for sociokalkyl.

Every error carries structured fields (``field``, ``value``, ``expected``) and
subclasses a builtin, so ``except ValueError`` keeps working for callers who do
not know this module. Messages always say what was expected, with an example.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, Self

__all__ = [
    "CalculationError",
    "DataSourceError",
    "InputError",
    "PriceYearError",
    "SociokalkylError",
    "UnitError",
    "Words",
    "close_names",
    "did_you_mean",
    "in_language",
    "join_field",
    "unknown_name",
]


class Words(str):
    """One text in both languages: an error's message or expectation worded where it is
    raised, in Swedish and in English, so nothing has to translate it afterwards.

    It *is* its English text (a ``str``), so ``str(err)``, ``err.message`` and every
    code that reads a message as text see English, as every other error of the library
    reads; the Swedish rides along in :attr:`sv`, and the command line picks its own
    language (:func:`in_language`). Joining it to other text gives plain English text:
    fill a table's pair instead (:mod:`sociokalkyl.language.bilingual`, whose ``*_words``
    helpers make these). Immutable, like the ``str`` it is.

    Parameters
    ----------
    sv
        The Swedish text.
    en
        The English text.

    Examples
    --------
    >>> words = Words("är inget årtal", "is not a year")
    >>> str(words), words.sv, words.en
    ('is not a year', 'är inget årtal', 'is not a year')
    >>> print(InputError(words, field="Prisindex!B4", value="x"))
    Prisindex!B4: is not a year (got 'x')
    >>> InputError(words).message.sv
    'är inget årtal'
    """

    sv: str

    def __new__(cls, sv: str, en: str) -> Self:
        made = super().__new__(cls, en)
        object.__setattr__(made, "sv", str(sv))
        return made

    @property
    def en(self) -> str:
        """The English text (the ``str`` itself, as a plain ``str``)."""
        return str.__str__(self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Words are immutable: cannot set {name!r}")

    def __repr__(self) -> str:
        return f"Words(sv={self.sv!r}, en={self.en!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            return (self.sv, self.en) == (other.sv, other.en)
        return str.__eq__(self, other)

    def __hash__(self) -> int:
        return str.__hash__(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Words, (self.sv, self.en))

    def pick(self, lang: str) -> str:
        """The text in ``lang``.

        Parameters
        ----------
        lang
            ``"sv"`` (svenska) or ``"en"`` (English).

        Returns
        -------
        str

        Examples
        --------
        >>> Words("saknas", "is missing").pick("sv")
        'saknas'
        """
        return self.sv if lang == "sv" else self.en


def in_language(text: str | Words, lang: str) -> str:
    """A text in ``lang``: the chosen half of :class:`Words`, a plain text as it is.

    Parameters
    ----------
    text
        A plain text (the library's English) or words in both languages.
    lang
        ``"sv"`` or ``"en"``.

    Returns
    -------
    str

    Examples
    --------
    >>> in_language(Words("saknas", "is missing"), "sv"), in_language("is missing", "sv")
    ('saknas', 'is missing')
    """
    return text.pick(lang) if isinstance(text, Words) else text


class SociokalkylError(Exception):
    """Base class of every error raised by sociokalkyl.

    Parameters
    ----------
    message
        What went wrong, in plain words; :class:`Words` when worded in both languages
        where it is raised (``str(err)`` is then the English).
    field
        The field path of the bad input, e.g. ``"effects[0].size"``.
    value
        The value that was given.
    expected
        What was expected, ideally with an example; a plain text or :class:`Words`.

    Examples
    --------
    >>> err = InputError("must be a share", field="effects[0].change", value=1.5)
    >>> print(err)
    effects[0].change: must be a share (got 1.5)
    >>> print(err.at("intervention"))
    intervention.effects[0].change: must be a share (got 1.5)
    >>> isinstance(err, ValueError)
    True
    """

    def __init__(
        self,
        message: str | Words,
        *,
        field: str | None = None,
        value: Any = None,
        expected: str | Words | None = None,
    ) -> None:
        self.message = message
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(self._render())

    def _render(self) -> str:
        parts = []
        if self.field:
            parts.append(f"{self.field}: ")
        parts.append(self.message)
        if self.value is not None:
            parts.append(f" (got {self.value!r})")
        if self.expected:
            parts.append(f"; expected {self.expected}")
        return "".join(parts)

    def at(self, prefix: str) -> Self:
        """The same error under a longer field path, for re-raising from an outer model.

        Parameters
        ----------
        prefix
            The path of the outer field, e.g. ``"intervention"`` or ``"effects[0]"``.

        Returns
        -------
        SociokalkylError
            A copy of the same class whose ``field`` is ``prefix`` joined with the
            error's own field (see :func:`join_field`); the message is rendered again.

        Examples
        --------
        >>> err = InputError("is negative", field="[0].change").at("effects")
        >>> err.field
        'effects[0].change'
        >>> InputError("is missing").at("settings").field
        'settings'
        """
        copy = type(self).__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.field = join_field(prefix, self.field)
        copy.args = (copy._render(),)
        return copy


class InputError(SociokalkylError, ValueError):
    """An input value is invalid: out of range, missing, NaN, unknown name.

    Examples
    --------
    >>> err = InputError("must be at least 1", field="horizon", value=0, expected="e.g. 10")
    >>> print(err)
    horizon: must be at least 1 (got 0); expected e.g. 10
    >>> isinstance(err, ValueError)
    True
    """


class UnitError(InputError):
    """A quantity has the wrong dimension or a unit that cannot be read.

    Examples
    --------
    >>> issubclass(UnitError, InputError) and issubclass(UnitError, ValueError)
    True
    """


class PriceYearError(InputError):
    """A price year is outside the price-index series that should rebase it.

    Examples
    --------
    >>> print(PriceYearError("is not in KPI", field="price_year", value=1979))
    price_year: is not in KPI (got 1979)
    """


class CalculationError(SociokalkylError, ArithmeticError):
    """A calculation has no answer (for example no IRR) and an answer was required.

    Examples
    --------
    >>> isinstance(CalculationError("no IRR"), ArithmeticError)
    True
    """


class DataSourceError(SociokalkylError, OSError):
    """An external data source (a file, Kolada) failed or returned an unexpected format.

    Examples
    --------
    >>> isinstance(DataSourceError("Kolada did not answer"), OSError)
    True
    """


def join_field(prefix: str, field: str | None) -> str:
    """``prefix`` and ``field`` joined as one field path.

    Parameters
    ----------
    prefix
        The outer path, e.g. ``"intervention"``.
    field
        The inner path, e.g. ``"effects[0].change"`` or ``"[2]"``; None or empty for none.

    Returns
    -------
    str
        ``"intervention.effects[0].change"``; an index joins without a dot.

    Examples
    --------
    >>> join_field("intervention", "effects[0].change")
    'intervention.effects[0].change'
    >>> join_field("effects", "[0]")
    'effects[0]'
    """
    if not field:
        return prefix
    if not prefix:
        return field
    return f"{prefix}{field}" if field.startswith("[") else f"{prefix}.{field}"


def close_names(name: str, valid: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The names in ``valid`` closest to ``name`` (difflib's ratio), best first.

    Parameters
    ----------
    name
        The name that was given.
    valid
        The names that exist.
    n
        At most this many suggestions.
    cutoff
        The least similarity [0, 1] a suggestion must have.

    Returns
    -------
    list of str
        Up to ``n`` names; empty when none is close.

    Examples
    --------
    >>> close_names("duration_year", ["duration_years", "lag_years", "ramp_up_years"])
    ['duration_years']
    """
    return difflib.get_close_matches(str(name), list(valid), n=n, cutoff=cutoff)


def did_you_mean(name: str, valid: Iterable[str], *, cutoff: float = 0.6) -> str:
    """``"; did you mean 'x'?"`` for the closest valid name, or ``""`` when none is close.

    Parameters
    ----------
    name
        The name that was given.
    valid
        The names that exist.
    cutoff
        The least similarity [0, 1] a suggestion must have.

    Returns
    -------
    str
        A suffix to append to a message.

    Examples
    --------
    >>> did_you_mean("chnage", ["change", "lag_years"])
    "; did you mean 'change'?"
    >>> did_you_mean("xyz", ["change"])
    ''
    """
    close = close_names(name, valid, cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else ""


def unknown_name(
    name: str,
    valid: Iterable[str],
    what: str,
    *,
    field: str | None = None,
    expected: str | None = None,
    error: type[InputError] = InputError,
) -> InputError:
    """The one "unknown X; did you mean Y" error: returned, for the caller to raise.

    Parameters
    ----------
    name
        The name that was given (shown as the value).
    valid
        The names that exist; the closest is suggested and all are listed.
    what
        What ``name`` should have been, e.g. ``"a parameter of this intervention"``.
    field
        The field path of the name; default ``None``.
    expected
        What to show as expected; default ``"one of <valid names>"``.
    error
        The class of the error, :class:`InputError` or a subclass.

    Returns
    -------
    InputError
        With the message ``"is not <what>; did you mean 'y'?"``.

    Examples
    --------
    >>> print(unknown_name("kommmun", ["kommun", "region"], "a payer", field="payer"))
    payer: is not a payer; did you mean 'kommun'? (got 'kommmun'); expected one of kommun, region
    """
    names = list(valid)
    return error(
        f"is not {what}{did_you_mean(name, names)}",
        field=field,
        value=name,
        expected=expected if expected is not None else "one of " + ", ".join(names),
    )

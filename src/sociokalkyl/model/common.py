"""Shared pieces of the models: the base configuration, payers, confidence marks."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Annotated, Any, Literal

import pint
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError

from sociokalkyl.errors import did_you_mean
from sociokalkyl.units import format_quantity

__all__ = [
    "STANDARD_PAYERS",
    "Confidence",
    "FrozenModel",
    "PayerName",
    "Years",
    "model_at",
    "non_negative",
    "within_the_time",
]


def _flatten(annotation: Any) -> list[Any]:
    """The members of a union, with ``Annotated`` unwrapped."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return [member for arg in typing.get_args(annotation) for member in _flatten(arg)]
    if origin is Annotated:
        return _flatten(typing.get_args(annotation)[0])
    return [annotation]


def _container(annotation: Any) -> bool:
    return any(typing.get_origin(arg) in (list, dict) for arg in _flatten(annotation))


def _element(annotation: Any) -> Any:
    """The type of an element of a list, or of a value of a dict; None for neither."""
    for arg in _flatten(annotation):
        origin = typing.get_origin(arg)
        if origin is list:
            return typing.get_args(arg)[0]
        if origin is dict:
            return typing.get_args(arg)[1]
    return None


def _find_model(annotation: Any) -> type[BaseModel] | None:
    for arg in _flatten(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def model_at(root: type[BaseModel], parts: Sequence[Any]) -> type[BaseModel] | None:
    """The model class that the data at the field path ``parts`` under ``root`` is.

    Parameters
    ----------
    root
        The outermost model class.
    parts
        A pydantic error location without its last part, e.g. ``("effects", 0)``.

    Returns
    -------
    type[BaseModel] or None
        The model validated at that place; None where there is none (a plain value).

    Examples
    --------
    >>> from sociokalkyl.model import Intervention
    >>> model_at(Intervention, ("effects", 0)).__name__
    'Effect'
    """
    model: type[BaseModel] | None = root
    annotation: Any = None
    for part in parts:
        if annotation is None:
            if model is None or not isinstance(part, str) or part not in model.model_fields:
                return None
            annotation = model.model_fields[part].annotation
            model = None
        else:
            annotation = _element(annotation)  # descend into a list or dict element
            if annotation is None:
                return None
        found = _find_model(annotation)
        if found is not None and not _container(annotation):
            model, annotation = found, None
    if annotation is None:
        return model
    return None if _container(annotation) else _find_model(annotation)


def _with_suggestion(root: type[BaseModel], error: ErrorDetails) -> InitErrorDetails:
    """An error as it was, or for an unknown field with "did you mean" added."""
    if error["type"] != "extra_forbidden":
        return InitErrorDetails(
            type=error["type"], loc=error["loc"], input=error["input"], ctx=error.get("ctx", {})
        )
    model = model_at(root, error["loc"][:-1])
    valid = list(model.model_fields) if model is not None else []
    message = "Extra inputs are not permitted" + did_you_mean(str(error["loc"][-1]), valid)
    return InitErrorDetails(
        type=PydanticCustomError("extra_forbidden", message),
        loc=error["loc"],
        input=error["input"],
    )


def _booleans(value: Any, loc: tuple[Any, ...], found: list[tuple[Any, ...]]) -> None:
    """Collect the locations of booleans in ``value`` (lists and tables walked)."""
    if isinstance(value, bool):
        found.append(loc)
    elif isinstance(value, dict):
        for key, item in value.items():
            _booleans(item, (*loc, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _booleans(item, (*loc, index), found)


def _boolean_errors(model: type[BaseModel], data: dict[Any, Any]) -> list[InitErrorDetails]:
    """An error for each boolean in ``data``: no field of a model is a yes/no.

    pydantic reads ``true`` as 1 in a number field: ``intake = [true]`` would be one
    participant. A boolean is never a number here.
    """
    found: list[tuple[Any, ...]] = []
    for name, field in model.model_fields.items():
        if name in data and field.annotation is not Any:
            _booleans(data[name], (name,), found)
    return [
        InitErrorDetails(
            type=PydanticCustomError(
                "sociokalkyl_boolean",
                "is true or false, which is not a number or a text; expected a number such "
                'as 30, or text such as "30 %" or "12 000 kr"',
            ),
            loc=loc,
            input=True,
        )
        for loc in found
    ]


class FrozenModel(BaseModel):
    """Base of every model: immutable, no unknown fields, no NaN or infinity.

    An unknown field is an error that suggests the closest field name, also from the
    Python API.

    Examples
    --------
    >>> from pydantic import ValidationError
    >>> from sociokalkyl.model import Effect
    >>> try:
    ...     Effect(cost_item="x", change=-0.5, duration_year=5)
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Extra inputs are not permitted; did you mean 'duration_years'?
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        validate_default=True,
        str_strip_whitespace=True,
    )

    @model_validator(mode="wrap")
    @classmethod
    def _suggest_field_names(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        """Validate; on an unknown field, raise the same errors with a suggestion added."""
        if isinstance(data, dict):
            booleans = _boolean_errors(cls, data)
            if booleans:
                raise ValidationError.from_exception_data(cls.__name__, booleans)
        try:
            return handler(data)
        except ValidationError as exc:
            errors = exc.errors()
            if not any(error["type"] == "extra_forbidden" for error in errors):
                raise
            try:
                details = [_with_suggestion(cls, error) for error in errors]
                rebuilt = ValidationError.from_exception_data(exc.title, details)
            except (KeyError, TypeError, ValueError):  # an error type pydantic cannot rebuild
                raise exc from None
            raise rebuilt from None


STANDARD_PAYERS: tuple[str, ...] = ("kommun", "region", "stat", "individ")
"""The payers every analysis knows; others are declared in ``Intervention.other_payers``."""

PayerName = Annotated[
    str,
    StringConstraints(
        min_length=1,
        max_length=60,
        pattern=r"^[\wåäöÅÄÖ][\wåäöÅÄÖ \-.]*(/[\wåäöÅÄÖ][\wåäöÅÄÖ \-.]*)*$",
    ),
]
"""An actor's (payer's) name: ``"kommun"``, ``"region"``, ``"stat"``, ``"individ"``,
``"övriga"``, or one the user declares; ``/`` nests one under another
(``"kommun/socialnämnd"``, see ``docs/perspectives.md``)."""

Confidence = Literal["S", "S2", "D", "A"]
"""How sure a number's provenance is: S seen in the source, S2 secondary source, D derived,
A an assumption of the analyst."""

Years = Annotated[int, Field(ge=0, le=200)]
"""A whole number of years [year], 0 to 200."""


def non_negative(value: pint.Quantity[Any], what: str, example: str) -> pint.Quantity[Any]:
    """Return ``value``, or raise a ValueError that names ``what`` and shows ``example``.

    Parameters
    ----------
    value
        A quantity.
    what
        What it is, for the message (``"the unit cost"``).
    example
        A valid value to show (``"4 500 kr/dygn"``).

    Returns
    -------
    pint.Quantity
        ``value`` itself.

    Examples
    --------
    >>> from sociokalkyl.units import parse_quantity
    >>> non_negative(parse_quantity("-3 kr"), "the amount", "3 kr")
    Traceback (most recent call last):
    ...
    ValueError: the amount cannot be negative, got -3 ...; e.g. 3 kr
    """
    if value.magnitude < 0:
        raise ValueError(f"{what} cannot be negative, got {format_quantity(value)}; e.g. {example}")
    return value


def within_the_time(value: pint.Quantity[Any], what: str) -> pint.Quantity[Any]:
    """Return ``value``, or raise a ValueError for a use of time longer than the time itself.

    A time per time (``"13 mån/år"``, ``"25 tim/dygn"``, ``"8 dagar/vecka"``) above 1 is
    impossible for one participant: a year has 12 months, a day 24 hours.

    Parameters
    ----------
    value
        A use per year [any unit]; events per time (``"3 /år"``) are not bounded.
    what
        What it is, for the message (``"a baseline use"``).

    Returns
    -------
    pint.Quantity
        ``value`` itself.

    Examples
    --------
    >>> from sociokalkyl.units import parse_quantity
    >>> within_the_time(parse_quantity("25 tim/dygn"), "a baseline use")
    Traceback (most recent call last):
    ...
    ValueError: a baseline use of 25 hour / day is more than the whole time ...
    """
    if value.dimensionless and abs(float(value.to("dimensionless").magnitude)) > 1 + 1e-9:
        raise ValueError(
            f"{what} of {format_quantity(value)} is more than the whole time (more than 12 "
            "mån/år, 24 tim/dygn, 7 dagar/vecka or 365 dygn/år); a participant uses at most "
            'all of it; e.g. "7 mån/år" (for several users per participant, split the cost '
            "item or count the users as participants)"
        )
    return value

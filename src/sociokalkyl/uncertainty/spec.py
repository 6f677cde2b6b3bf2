"""Which parameters are uncertain, checked against a plan, and how their draws are made.

An :class:`Uncertainty` maps parameter names of a compiled plan (``"effects[1].change"``,
``"cost_items.ekonomiskt_bistand.unit_cost"``, ``"effect_multiplier"``) to distributions
of the parameter's ``value``, in the unit the user wrote (e.g. kr/mån in the cost item's
own price year).

Draws are made in fixed blocks of :data:`BLOCK` draws. Block ``b`` of parameter ``name``
comes from its own stream, ``SeedSequence(entropy, spawn_key=(b, crc32(name)))``, so the
draws depend only on the seed, the block and the parameter's name: not on the chunk size,
not on the other parameters, not on their order.

Examples
--------
>>> from sociokalkyl import examples
>>> from sociokalkyl.engine import compile_plan
>>> plan = compile_plan(*examples.servicetrainee())
>>> u = Uncertainty({"effects[1].change": {"kind": "uniform", "low": -5.4, "high": -4.4}})
>>> u.check(plan)
>>> sorted(u)
['effects[1].change']
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.engine import Plan
from sociokalkyl.errors import InputError
from sociokalkyl.uncertainty._base import _Base
from sociokalkyl.uncertainty._special import erfc_fast
from sociokalkyl.uncertainty.checks import check_draws
from sociokalkyl.uncertainty.distributions import as_distribution

__all__ = [
    "BLOCK",
    "DistributionLike",
    "Uncertainty",
    "block_draws",
    "entropy_of",
    "sample_parameters",
]

Array = NDArray[np.float64]
BLOCK = 8192
"""Draws are sampled in blocks of this many; chunks are whole blocks."""

DistributionLike = _Base | Mapping[str, Any] | float
"""A distribution, a table such as ``{"kind": "uniform", "low": 0, "high": 1}``, or a number."""


class Uncertainty(Mapping[str, _Base]):
    """Distributions of parameter values, by parameter name (an immutable mapping).

    Parameters
    ----------
    distributions
        Parameter name -> a distribution, a table with ``kind`` (as read from TOML), or a
        number (fixed). A key ``"correlation"`` is read as ``correlation``.
    correlation
        Optional correlations between pairs of uncertain parameters, through a Gaussian
        copula: ``{("effects[0].change", "effects[1].change"): 0.6}``, or (as in TOML) a
        list of ``{parameters = ["a", "b"], rho = 0.6}``. ``rho`` is the correlation of
        the parameters' normal scores; each parameter keeps its own distribution.

    Raises
    ------
    InputError
        For a table that is not a valid distribution (naming the parameter), or a
        correlation that names an unknown or fixed parameter, lies outside [-1, 1], or
        makes a matrix that is not positive definite.

    Examples
    --------
    >>> u = Uncertainty(
    ...     {"effects[0].change": {"kind": "uniform", "low": -0.6, "high": -0.4},
    ...      "effects[1].change": {"kind": "pert", "low": -6, "mode": -4.9, "high": -4}},
    ...     correlation={("effects[0].change", "effects[1].change"): 0.5},
    ... )
    >>> len(u), u.correlation
    (2, {('effects[0].change', 'effects[1].change'): 0.5})
    """

    def __init__(
        self,
        distributions: Mapping[str, Any] | None = None,
        correlation: Mapping[tuple[str, str], float] | Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        given = dict(distributions or {})
        if "correlation" in given:
            if correlation is not None:
                raise InputError(
                    "is given twice",
                    field="correlation",
                    expected="either a 'correlation' key or the correlation argument",
                )
            correlation = given.pop("correlation")
        self._items: dict[str, _Base] = {
            str(name): as_distribution(value, field=str(name)) for name, value in given.items()
        }
        self._group: tuple[str, ...] = ()
        self._cholesky: Array | None = None
        self._pairs: dict[tuple[str, str], float] = {}
        if correlation:
            self._set_correlation(correlation)

    def _set_correlation(
        self, correlation: Mapping[tuple[str, str], float] | Sequence[Mapping[str, Any]]
    ) -> None:
        example = '[{parameters = ["effects[0].change", "effects[1].change"], rho = 0.6}]'
        pairs: list[tuple[Any, Any]] = []
        if isinstance(correlation, Mapping):
            pairs = list(correlation.items())
        else:
            for index, entry in enumerate(correlation):
                if not isinstance(entry, Mapping) or set(entry) != {"parameters", "rho"}:
                    raise InputError(
                        "is not a correlation entry",
                        field=f"correlation[{index}]",
                        value=entry,
                        expected=f"a table with parameters and rho, e.g. {example}",
                    )
                pairs.append((tuple(entry["parameters"]), entry["rho"]))
        for names, rho in pairs:
            field = f"correlation[{names!r}]"
            if not (isinstance(names, tuple) and len(names) == 2 and names[0] != names[1]):
                raise InputError(
                    "is not a pair of two different parameters", field=field, value=names,
                    expected=f"e.g. {example}",
                )  # fmt: skip
            for name in names:
                if (
                    name not in self._items
                    or self._items[name].support()[0] == self._items[name].support()[1]
                ):
                    raise InputError(
                        "names a parameter without a (non-fixed) distribution",
                        field=field,
                        value=name,
                        expected=f"one of {', '.join(self._items)}",
                    )
            if isinstance(rho, bool) or not isinstance(rho, int | float) or not -1 <= rho <= 1:
                raise InputError(
                    "is not a correlation in [-1, 1]", field=field, value=rho,
                    expected="e.g. rho = 0.6",
                )  # fmt: skip
            self._pairs[(str(names[0]), str(names[1]))] = float(rho)
        group = tuple(dict.fromkeys(name for pair in self._pairs for name in pair))
        matrix = np.eye(len(group))
        for (a, b), rho in self._pairs.items():
            i, j = group.index(a), group.index(b)
            matrix[i, j] = matrix[j, i] = rho
        try:
            self._cholesky = np.asarray(np.linalg.cholesky(matrix), dtype=float)
        except np.linalg.LinAlgError:
            raise InputError(
                "does not make a positive definite correlation matrix",
                field="correlation",
                value={f"{a} ~ {b}": rho for (a, b), rho in self._pairs.items()},
                expected="correlations that can hold together (|rho| < 1, and e.g. not "
                "a ~ b = 0.9, b ~ c = 0.9, a ~ c = -0.9)",
            ) from None
        self._group = group

    @property
    def correlation(self) -> dict[tuple[str, str], float]:
        """The correlations given, by pair of parameter names."""
        return dict(self._pairs)

    def __getitem__(self, name: str) -> _Base:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Uncertainty({self._items!r})"

    def check(self, plan: Plan) -> None:
        """Check every name against ``plan.parameters`` and every support against its bounds.

        Raises
        ------
        InputError
            For a name that is not a parameter (the message lists the valid names), a
            distribution that can draw outside the parameter's bounds (a negative unit
            cost, a share above 1), or one so wide that its width overflows.
        """
        for name, distribution in self._items.items():
            low, high = plan.parameter(name, field=name).bounds
            support = distribution.support()
            ends_finite = math.isfinite(support[0]) and math.isfinite(support[1])
            if ends_finite and not math.isfinite(support[1] - support[0]):
                raise InputError(
                    f"the distribution spans [{support[0]:g}, {support[1]:g}], wider than a "
                    "number can hold (its width overflows)",
                    field=name,
                    value=distribution.model_dump(by_alias=True),
                    expected=f"a distribution of a realistic width in {plan.parameters[name].unit}",
                )
            if support[0] < low or support[1] > high:
                shown = f"[{support[0]:g}, {support[1]:g}]"
                raise InputError(
                    f"the distribution can draw values in {shown}, outside the parameter's "
                    f"range [{low:g}, {high:g}] ({plan.parameters[name].unit})",
                    field=name,
                    value=distribution.model_dump(by_alias=True),
                    expected=f"a distribution within [{low:g}, {high:g}], e.g. a uniform "
                    f"with low >= {low:g} or a normal truncated with low = {low:g}",
                )


def entropy_of(seed: int | np.random.Generator | None) -> int:
    """The entropy of a run: ``seed`` itself, fresh OS entropy, or drawn from a Generator.

    Parameters
    ----------
    seed
        An integer >= 0, a ``numpy.random.Generator`` (one integer is drawn from it) or
        None (fresh entropy from the operating system).

    Returns
    -------
    int
        The entropy every stream of the run is derived from; record it to repeat a run.

    Raises
    ------
    InputError
        For a negative, boolean or non-integer seed.

    Examples
    --------
    >>> entropy_of(1), entropy_of(np.random.default_rng(0)) == entropy_of(np.random.default_rng(0))
    (1, True)
    """
    if seed is None:
        entropy = np.random.SeedSequence().entropy
        assert isinstance(entropy, int)
        return entropy
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(0, 2**63))
    if isinstance(seed, bool | float) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError(
            "is not a seed",
            field="seed",
            value=seed,
            expected="None, an integer >= 0 or a numpy.random.Generator, e.g. seed=1",
        )
    return int(seed)


def _stream(entropy: int, block: int, name: str) -> np.random.Generator:
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.Generator(
        np.random.PCG64(np.random.SeedSequence(entropy, spawn_key=(block, key)))
    )


def block_draws(uncertainty: Uncertainty, entropy: int, block: int, size: int) -> dict[str, Array]:
    """The draws of block ``block`` (``size <= BLOCK`` draws) of every uncertain parameter.

    Independent parameters are sampled by their distribution's own method. Correlated
    ones take standard normal scores from their own streams, mix them with the Cholesky
    factor of the correlation matrix, and map them through the normal CDF and the
    distribution's quantile function (a Gaussian copula).

    Parameters
    ----------
    uncertainty
        The distributions (and correlations) by parameter name.
    entropy
        The run's entropy (:func:`entropy_of`).
    block
        The block's number, from 0.
    size
        Draws to make, at most :data:`BLOCK`; the first ``size`` of the block's draws.

    Returns
    -------
    dict of str to numpy.ndarray
        The draws by parameter name, each of shape ``(size,)`` [the parameter's unit].

    Examples
    --------
    >>> u = Uncertainty({"effect_multiplier": {"kind": "uniform", "low": 0, "high": 2}})
    >>> a = block_draws(u, 1, 0, 5)["effect_multiplier"]
    >>> bool(np.array_equal(a[:3], block_draws(u, 1, 0, 3)["effect_multiplier"]))
    True
    """
    out: dict[str, Array] = {}
    group = uncertainty._group
    if group and uncertainty._cholesky is not None:
        scores = np.stack([_stream(entropy, block, name).standard_normal(size) for name in group])
        mixed = uncertainty._cholesky @ scores
        u = np.clip(0.5 * erfc_fast(-mixed / math.sqrt(2.0)), 1e-15, 1 - 1e-15)
        for row, name in enumerate(group):
            out[name] = np.asarray(uncertainty[name].quantiles_fast(u[row]), dtype=float)
    for name, distribution in uncertainty.items():
        if name not in out:
            rng = _stream(entropy, block, name)
            out[name] = np.asarray(distribution.sample(rng, size), dtype=float)
    return {name: out[name] for name in uncertainty}


def sample_parameters(
    uncertainty: Mapping[str, DistributionLike],
    draws: int,
    seed: int | np.random.Generator | None = None,
) -> dict[str, Array]:
    """The draws :func:`~sociokalkyl.uncertainty.simulate` uses, by parameter name.

    Parameters
    ----------
    uncertainty
        Parameter name -> distribution (not checked against a plan here).
    draws
        Number of draws, >= 1.
    seed
        As for ``simulate``: the same seed gives the same draws as ``simulate``.

    Examples
    --------
    >>> x = sample_parameters({"effect_multiplier": {"kind": "uniform", "low": 0, "high": 2}},
    ...                       5, seed=1)
    >>> x["effect_multiplier"].shape
    (5,)
    """
    draws = check_draws(draws)
    spec = uncertainty if isinstance(uncertainty, Uncertainty) else Uncertainty(uncertainty)
    entropy = entropy_of(seed)
    blocks = [
        block_draws(spec, entropy, b, min(BLOCK, draws - b * BLOCK))
        for b in range(-(-draws // BLOCK))
    ]
    return {name: np.concatenate([block[name] for block in blocks]) for name in spec}

"""The draws of a simulation under the names of :class:`~sociokalkyl.analysis.result.Result`.

``npv``, ``npv_by_payer``, ``pv_costs``, ``pv_avoided``, ``benefit_cost_ratio``,
``payback``, ``payback_discounted``, ``payback_by_payer``,
``payback_discounted_by_payer`` and ``irr``: a float on ``Result``, an array over the
draws here (a dict keyed by payer for the ``_by_payer`` forms).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from sociokalkyl.errors import InputError, unknown_name

__all__ = ["Draws"]

Array = NDArray[np.float64]


class Draws:
    """Per-draw metrics with the names of ``Result``; the base of ``SimulationResult``.

    Parameters
    ----------
    draws
        How many draws were simulated.
    payers
        The payers with a flow.
    items
        The cost-item keys.
    arrays
        Metric key -> the kept draws (``"npv"``, ``"npv:kommun"``, ``"irr"``, ...).

    Examples
    --------
    >>> d = Draws(2, ("kommun",), (), {"npv": np.array([1.0, -2.0]),
    ...                                "npv:kommun": np.array([1.0, -2.0])})
    >>> d.npv, d.npv_by_payer["kommun"].size
    (array([ 1., -2.]), 2)
    """

    def __init__(
        self,
        draws: int,
        payers: tuple[str, ...],
        items: tuple[str, ...],
        arrays: dict[str, Array],
    ) -> None:
        self.draws = draws
        self.payers = payers
        self.items = items
        self._arrays = arrays

    @property
    def kept(self) -> int:
        """How many draws are kept (all, or the first 131 072, ``simulate.SAMPLE_SIZE``)."""
        return int(self._arrays["npv"].size)

    def values(self, metric: str = "npv") -> Array:
        """The kept draws of one metric (see the class docstring for the keys).

        Parameters
        ----------
        metric
            A metric key: ``"npv"``, ``"payback:kommun"``, ``"pv_avoided:<item>"``, ...

        Returns
        -------
        ndarray, shape (kept,)
            [SEK], [years] or [1/year] by metric; the first :attr:`kept` draws.
        """
        if metric not in self._arrays:
            raise unknown_name(metric, self._arrays, "a metric of this simulation", field="metric")
        return self._arrays[metric]

    def _all_draws(self, key: str) -> Array:
        """Every draw of one metric; an error when only a sample of the draws is kept."""
        if self.kept < self.draws:
            raise InputError(
                f"keeps only the first {self.kept:,} of {self.draws:,} draws "
                "(keep_draws=False), so it has no array over all draws",
                field="SimulationResult",
                value=key,
                expected="simulate(..., keep_draws=True) for every draw, or the summaries "
                f"mean(), std(), quantile() and prob_npv_positive; values({key!r}) gives "
                "the kept sample",
            )
        return self.values(key)

    def _payer_draws(self, metric: str) -> dict[str, Array]:
        return {p: self._all_draws(f"{metric}:{p}") for p in self.payers}

    @property
    def npv(self) -> Array:
        """NPV of each draw [SEK], shape ``(draws,)`` (as :attr:`Result.npv`, over draws)."""
        return self._all_draws("npv")

    @property
    def npv_by_payer(self) -> dict[str, Array]:
        """NPV of each draw per payer with a flow [SEK]."""
        return self._payer_draws("npv")

    @property
    def pv_costs(self) -> Array:
        """Present value of the intervention costs of each draw [SEK]."""
        return self._all_draws("pv_costs")

    @property
    def pv_avoided(self) -> Array:
        """Present value of the avoided costs of each draw [SEK]."""
        return self._all_draws("pv_avoided")

    @property
    def pv_avoided_by_item(self) -> dict[str, Array]:
        """Present value of avoided costs of each draw per cost item [SEK]."""
        return {i: self._all_draws(f"pv_avoided:{i}") for i in self.items}

    @property
    def benefit_cost_ratio(self) -> Array:
        """PV(avoided) / PV(costs) of each draw [-]; NaN without costs."""
        return self._all_draws("benefit_cost_ratio")

    @property
    def irr(self) -> Array:
        """IRR of each of the first ``irr_draws`` draws [1/year]; NaN where there is none.

        Raises an InputError when the simulation computed no IRR (``with_irr=False``).
        """
        if "irr" not in self._arrays:
            raise InputError(
                "has no IRR: it was not computed",
                field="SimulationResult.irr",
                expected="simulate(..., with_irr=True), or with_irr=n for the first n draws",
            )
        return self._arrays["irr"]

    @property
    def payback(self) -> Array:
        """Undiscounted payback of each draw [years]; NaN = not within the horizon."""
        return self._all_draws("payback")

    @property
    def payback_discounted(self) -> Array:
        """Discounted payback of each draw [years]; NaN = not within the horizon."""
        return self._all_draws("payback_discounted")

    @property
    def payback_by_payer(self) -> dict[str, Array]:
        """Undiscounted payback of each draw per payer [years]; NaN = not within."""
        return self._payer_draws("payback")

    @property
    def payback_discounted_by_payer(self) -> dict[str, Array]:
        """Discounted payback of each draw per payer [years]; NaN = not within."""
        return self._payer_draws("payback_discounted")

"""The projected flows of a plan (:class:`Projection`) and the ordered weighted sum.

A :class:`Projection` holds every line's yearly values over draws and the constant
weights that turn them into each actor's and each perspective's net (see
:mod:`sociokalkyl.engine.lines`). Pure numpy: no pint, no pydantic, no models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

__all__ = ["Projection", "sides", "weighted_sum"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Projection:
    """Yearly flows for ``D`` draws [SEK, analysis price year, undiscounted].

    The year is the second-to-last axis and the draw the last, ``(·, T, D)``: one year
    of every draw is one contiguous row, which is the layout in which numpy projects,
    discounts and sums over years fastest. ``D`` is 1 when no parameter varies.

    Attributes
    ----------
    flows
        Every line in one array of shape ``(L, T, D)``: the avoided costs by cost item
        (``I``), the intervention costs by cost line (``K``), then the lines derived
        from work (``X``); :attr:`avoided`, :attr:`costs` and :attr:`derived` are views.
    baseline
        Baseline costs of the participants by cost item, shape ``(I, T, D)``.
    factors
        Discount factors, shape ``(T, D)``, or ``(T, 1)`` when every draw has the same.
    weights
        Weight of each line for each actor [1], shape ``(L, A)``: actor ``a``'s net is
        :math:`\\sum_l w_{la} v_l`.
    society
        Weight of each line for every actor together [1], shape ``(L,)``.
    headline
        Weight of each line for the headline perspective [1], shape ``(L,)``.
    items, cost_lines
        The number of cost items ``I`` and of cost lines ``K``.
    perspectives
        Weight of each line for each perspective of the plan [1], shape ``(Q, L)``.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> from sociokalkyl.engine import compile_plan, project
    >>> plan = compile_plan(*examples.servicetrainee())
    >>> projection = project(plan, plan.values({"effect_multiplier": [0.5, 1.0]}))
    >>> projection.avoided.shape, projection.net.shape   # (items, years, draws)
    ((1, 10, 2), (10, 2))
    """

    flows: Array
    baseline: Array
    factors: Array
    weights: Array
    society: Array
    headline: Array
    items: int
    cost_lines: int
    perspectives: Array
    by_value: NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @property
    def active_payers(self) -> NDArray[np.intp]:
        """Indices of the actors with a weight on any line; the others have no flow."""
        return np.flatnonzero((self.weights != 0).any(axis=0))

    @property
    def item_payer_shares(self) -> Array:
        """Weight of each cost item's avoided cost for each actor, shape ``(I, A)``."""
        return self.weights[: self.items]

    @property
    def cost_payers(self) -> Array:
        """Minus the weight of each cost line for each actor, shape ``(K, A)``: 1 = pays."""
        return -self.weights[self.items : self.items + self.cost_lines]

    @property
    def avoided(self) -> Array:
        """Avoided costs by cost item, shape ``(I, T, D)`` (negative: a cost increase)."""
        return self.flows[: self.items]

    @property
    def costs(self) -> Array:
        """Intervention costs by cost line, shape ``(K, T, D)``."""
        return self.flows[self.items : self.items + self.cost_lines]

    @property
    def derived(self) -> Array:
        """The lines derived from work, shape ``(X, T, D)``."""
        return self.flows[self.items + self.cost_lines :]

    @property
    def net(self) -> Array:
        """The headline perspective's net, shape ``(T, D)``."""
        return weighted_sum(self.headline, self.flows)

    def net_for(self, weights: Array, out: Array | None = None) -> Array:
        """The net of any weights over the lines, shape ``(T, D)``.

        Parameters
        ----------
        weights
            Weight of each line [1], shape ``(L,)``: a column of :attr:`weights`, a
            perspective's weights, or :attr:`society`.
        out
            An array of shape ``(T, D)`` to write the result into.

        Returns
        -------
        ndarray
            :math:`\\sum_l W_l v_l` [SEK], shape ``(T, D)``.

        Notes
        -----
        The sum runs in a fixed order (see :func:`weighted_sum`), so every draw's
        numbers are the same whichever draws it is projected with.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan, project
        >>> plan = compile_plan(*examples.skolfam())
        >>> p = project(plan, plan.values())
        >>> bool((p.net_for(p.weights[:, 0]) == p.net).all())   # the kommun is all
        True
        """
        return weighted_sum(weights, self.flows, out=out)

    def net_of(self, item_weights: Array, cost_weights: Array, out: Array | None = None) -> Array:
        """A weighted net: some of the avoided costs less some of the intervention costs.

        Parameters
        ----------
        item_weights
            Weight of each cost item's avoided costs [share], shape ``(I,)``.
        cost_weights
            Weight of each cost line [share], shape ``(K,)``; derived lines weigh 0.
        out
            An array of shape ``(T, D)`` to write the result into.

        Returns
        -------
        ndarray
            :math:`\\sum_i w_i\\,\\mathrm{avoided}_i - \\sum_k v_k\\,\\mathrm{costs}_k`
            [SEK], shape ``(T, D)``.

        Examples
        --------
        >>> from sociokalkyl import examples
        >>> from sociokalkyl.engine import compile_plan, project
        >>> plan = compile_plan(*examples.servicetrainee())
        >>> p = project(plan, plan.values())
        >>> bool((p.net_of(np.ones(1), np.zeros(2)) == p.avoided[0]).all())
        True
        """
        rest = self.flows.shape[0] - self.items - len(cost_weights)
        weights = np.concatenate([item_weights, -np.asarray(cost_weights), np.zeros(rest)])
        return weighted_sum(weights, self.flows, out=out)

    @property
    def costs_by_payer(self) -> Array:
        """Intervention costs per actor (cost lines only), shape ``(A, T, D)``."""
        return np.stack([weighted_sum(w, self.costs) for w in self.cost_payers.T])

    @property
    def avoided_by_payer(self) -> Array:
        """Avoided costs per actor (cost items only), shape ``(A, T, D)``."""
        return np.stack([weighted_sum(w, self.avoided) for w in self.item_payer_shares.T])

    @property
    def net_by_payer(self) -> Array:
        """Net per actor over every line, shape ``(A, T, D)``."""
        return np.stack([self.net_for(w) for w in self.weights.T])


def weighted_sum(weights: Array, lines: Array, out: Array | None = None) -> Array:
    """``sum_i weights[i] * lines[i]`` over the first axis, in order, skipping 0 weights.

    Parameters
    ----------
    weights
        One weight per line [1], shape ``(N,)``.
    lines
        The lines [SEK], shape ``(N, ...)``, e.g. ``(N, T, D)``.
    out
        An array of shape ``lines.shape[1:]`` to write the result into.

    Returns
    -------
    ndarray
        :math:`\\sum_i w_i\\,\\mathrm{lines}_i` [SEK], shape ``lines.shape[1:]``.

    Notes
    -----
    A loop over the (few) cost items or lines, each step a whole ``(T, D)`` array. The
    order of the additions is fixed, unlike a BLAS product or a numpy reduction, whose
    order can depend on the number of draws; so a draw gives the same bits alone
    (``evaluate``) and among many (``simulate``). Weights of 0 are skipped and weights
    of 1 and -1 add or subtract without a multiplication (neither changes a bit).

    Examples
    --------
    >>> lines = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])   # 3 lines, 2 years
    >>> weighted_sum(np.array([1.0, 0.0, 0.5]), lines)          # [0 + 2, 1 + 2.5]
    array([2. , 3.5])
    """
    result = np.zeros(lines.shape[1:]) if out is None else out
    started = False
    for weight, line in zip(weights, lines, strict=True):
        if weight == 0:
            continue
        # multiplying by 1 or -1 and adding to 0 change no bit: those steps are skipped
        if not started:
            if weight == 1:
                np.copyto(result, line)
            else:
                np.multiply(line, weight, out=result)
            started = True
        elif weight == 1:
            result += line
        elif weight == -1:
            result -= line
        else:
            result += weight * line
    if not started:
        result[...] = 0.0
    return result


def sides(weights: Array, lines: Array, by_value: NDArray[np.bool_]) -> tuple[Array, Array]:
    """The gains and the costs of a set of line weights, each line on its side.

    A resource line is a gain or a cost by the sign of its weight, whatever the sign of
    its value (an avoided cost that is negative, a cost increase, stays on the gains'
    side: fewer costs avoided). A transfer, production or work line (``by_value``) is on
    the side of the sign of its contribution :math:`W_l v_l`: production gained through
    an outcome (a negative avoided production, weight -1) is a gain, not a negative
    cost, and tax received on work gained is a gain of the region, not a negative cost.

    Parameters
    ----------
    weights
        The weight of each line [1], shape ``(L,)``.
    lines
        The lines' values [SEK], shape ``(L, ...)``: present values ``(L, D)`` or yearly
        flows ``(L, T, D)``.
    by_value
        True for a line whose side is its contribution's sign, shape ``(L,)``; an empty
        mask means every line by its weight.

    Returns
    -------
    gains, costs : ndarray
        :math:`B = \\sum_{l \\in R, W_l > 0} W_l v_l + \\sum_{l \\notin R} \\max(W_l v_l, 0)`
        and :math:`C = \\sum_{l \\in R, W_l < 0} -W_l v_l + \\sum_{l \\notin R}
        \\max(-W_l v_l, 0)` [SEK], ``R`` the resource lines; :math:`B - C = \\sum_l W_l v_l`.

    Examples
    --------
    >>> w, v = np.array([1.0, -1.0]), np.array([[-5.0], [-20.0]])
    >>> sides(w, v, np.array([False, False]))   # both by weight: -5 gained, -20 paid
    (array([-5.]), array([-20.]))
    >>> sides(w, v, np.array([False, True]))    # the second by value: 20 gained
    (array([15.]), array([0.]))
    """
    resource = np.ones(len(weights), dtype=bool) if by_value.size == 0 else ~by_value
    gains = weighted_sum(np.where(resource & (weights > 0), weights, 0.0), lines)
    costs = weighted_sum(np.where(resource & (weights < 0), -weights, 0.0), lines)
    for line in np.flatnonzero(~resource & (weights != 0)):  # few lines, a fixed order
        contribution = weights[line] * lines[line]
        gains = gains + np.maximum(contribution, 0.0)
        costs = costs + np.maximum(-contribution, 0.0)
    return gains, costs

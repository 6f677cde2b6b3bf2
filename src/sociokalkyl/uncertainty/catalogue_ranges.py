"""The consequence catalogue's ranges as Monte Carlo distributions, beside the user's own.

A consequence row that gives ``range = [low, high]`` (an order of magnitude, such as the
shipped ``gymnasieexamen`` wage) is a triangular distribution with its mode at the value
given (:func:`~sociokalkyl.engine.outcome_log.outcome_ranges`). :func:`simulate` adds
them to the user's uncertainty by default; **the user's own entry for the same parameter
wins**, whatever it is (a fixed number keeps the point value). The merge is here, at the
uncertainty layer's input edge, because this is the lowest layer that sees both the
intervention (whose outcomes carry the ranges) and the user's distributions: every caller
above it (scenario files, the command line, the examples) gets the same draws.

Examples
--------
>>> from sociokalkyl import examples
>>> merged = with_catalogue_ranges(examples.load("skolfam_utfall")[0], {})
>>> merged.from_catalogue
('cost_items.gymnasieexamen-arbete.unit_cost',)
>>> merged.uncertainty["cost_items.gymnasieexamen-arbete.unit_cost"].mean()
77816.66666666667
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sociokalkyl.engine.outcome_log import outcome_ranges
from sociokalkyl.uncertainty.spec import DistributionLike, Uncertainty

if TYPE_CHECKING:
    from sociokalkyl.model import Intervention

__all__ = ["CatalogueRanges", "with_catalogue_ranges"]


@dataclass(frozen=True)
class CatalogueRanges:
    """The user's uncertainty with the catalogue's ranges added.

    Attributes
    ----------
    uncertainty
        The merged distributions: the user's (with their correlations), then the
        catalogue's for the parameters the user did not name.
    from_catalogue
        The parameters drawn from a catalogue range.
    own
        The parameters with a catalogue range that the user's own entry replaced.

    Examples
    --------
    >>> CatalogueRanges(Uncertainty({}), (), ()).from_catalogue
    ()
    """

    uncertainty: Uncertainty
    from_catalogue: tuple[str, ...]
    own: tuple[str, ...]


def with_catalogue_ranges(
    intervention: Intervention,
    uncertainty: Uncertainty | Mapping[str, DistributionLike] | None,
) -> CatalogueRanges:
    """Add the catalogue's ranges of ``intervention``'s outcomes to ``uncertainty``.

    Parameters
    ----------
    intervention
        Its effects on outcomes name the outcomes (its own, then the shipped catalogue).
    uncertainty
        The user's distributions by parameter name (an :class:`Uncertainty`, a table as
        read from ``[uncertainty]``, or None).

    Returns
    -------
    CatalogueRanges
        For a consequence row with ``range = [low, high]`` and size ``m``: a triangular
        distribution (low, m, high) [the parameter's unit], mean
        :math:`(low + m + high) / 3`, unless the user named the parameter.

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> name = "cost_items.gymnasieexamen-arbete.unit_cost"
    >>> merged = with_catalogue_ranges(examples.load("skolfam_utfall")[0], {name: 50_000.0})
    >>> merged.own, merged.uncertainty[name].mean()
    (('cost_items.gymnasieexamen-arbete.unit_cost',), 50000.0)
    """
    spec = uncertainty if isinstance(uncertainty, Uncertainty) else Uncertainty(uncertainty)
    ranges = outcome_ranges(intervention)
    added = {name: table for name, table in ranges.items() if name not in spec}
    own = tuple(name for name in ranges if name in spec)
    if not added:
        return CatalogueRanges(spec, (), own)
    merged = Uncertainty({**spec, **added}, correlation=spec.correlation or None)
    return CatalogueRanges(merged, tuple(added), own)

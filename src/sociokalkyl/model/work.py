"""Work, earnings and taxes: the shipped rates and what one krona of gross wage becomes.

A gross wage ``W`` paid by an employer ``E`` to a worker yields (``docs/perspectives.md``):

- production ``W (1 + a)`` to the production's owner (``övriga`` unless given);
- the wage ``W``: a transfer ``E -> individ``;
- employer contributions ``a W``: a transfer ``E -> stat``;
- municipal income tax ``t k W`` and ``t (1 - k) W``: transfers ``individ -> kommun`` and
  ``individ -> region``, with ``t`` the total municipal tax rate and ``k`` the kommun's
  share of it.

Summed over the actors this is ``W (1 + a)``, the production: every transfer cancels.
Left out: grundavdrag, jobbskatteavdrag, statlig inkomstskatt, the pension rights the
contributions buy, and the participant's own time as a resource.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TAX_RATES", "TaxRate"]


@dataclass(frozen=True)
class TaxRate:
    """A shipped rate with its provenance.

    Attributes
    ----------
    field
        The ``Settings`` field that holds it (and the parameter ``settings.<field>``).
    value
        The rate [share of the gross wage, or for ``kommun_tax_share`` of the tax].
    year
        The year it applies to.
    source
        Where it comes from.
    confidence
        ``"S"``, ``"S2"``, ``"D"`` or ``"A"``.

    Examples
    --------
    >>> TAX_RATES["employer_contribution_rate"].value
    0.3142
    """

    field: str
    value: float
    year: int
    source: str
    confidence: str


TAX_RATES: dict[str, TaxRate] = {
    rate.field: rate
    for rate in (
        TaxRate(
            "municipal_tax_rate",
            0.3237,
            2024,
            "Genomsnittlig total kommunal skattesats (kommun + region) 2024, exkl. "
            "begravningsavgift: ekonomifakta.se, Kommunalskatter (cites SCB)",
            "S2",
        ),
        TaxRate(
            "kommun_tax_share",
            0.6457,
            2018,
            "Kommunens andel av den kommunala skatten 2018: 20,74 / 32,12 (statistik."
            "stockholm.se, Kommunala skattesatser 2018, cites SCB/Sweco)",
            "D",
        ),
        TaxRate(
            "employer_contribution_rate",
            0.3142,
            2024,
            "Arbetsgivaravgifter och allmän löneavgift, normalfallet 2024: Skatteverket, "
            "rättslig vägledning 2024.3, Arbetsgivaravgifter",
            "S",
        ),
    )
}
"""The shipped rates by ``Settings`` field (``../shared/reference/taxes-and-contributions.csv``)."""

"""The warning for a cost item changed by an outcome effect and another source.

See "No double counting" in ``docs/outcomes.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sociokalkyl.language.outcomes import overlap_text

__all__ = ["OverlapWarning"]


@dataclass(frozen=True)
class OverlapWarning:
    """Two sources change the same cost item for the same participants.

    Attributes
    ----------
    field
        The cost item's key.
    sources
        The sources (``"effects[0]"``, ``"outcome_effects[1]"``).
    rule
        ``"max"`` (the larger saving wins) or ``"add"`` (some are added).

    Examples
    --------
    >>> w = OverlapWarning("hvb", ("effects[0]", "outcome_effects[0]"), "max")
    >>> w.text("en").startswith("Warning")
    True
    """

    field: str
    sources: tuple[str, ...]
    rule: str

    def text(self, lang: str = "sv") -> str:
        """The warning as a line of a report, in ``lang`` (``"sv"`` or ``"en"``)."""
        return overlap_text(self.field, self.sources, self.rule, lang)

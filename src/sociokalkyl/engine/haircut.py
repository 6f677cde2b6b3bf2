"""The evidence-grade haircut: every effect shrunk by its confidence mark (off by default).

With ``settings.evidence_haircut`` on, the change of each effect (``effects[e].change``)
and each effect on an outcome (``outcome_effects[j].change``) is multiplied by
``1 - h(mark)``, the mark the effect's own ``confidence`` (none counts as ``"A"``).
The factor goes into the parameter's ``scale``, so the value as given stays in the log
and every analysis (Monte Carlo, tornado, break-even) sees the shrunk effect. Each
haircut is a row of the assumption log. See ``docs/outcomes.md``.
"""

from __future__ import annotations

from dataclasses import replace

from sociokalkyl.engine.log import Assumption
from sociokalkyl.engine.parameters import Parameter
from sociokalkyl.model import Intervention, Settings

__all__ = ["DEFAULT_HAIRCUT", "apply_haircut"]

DEFAULT_HAIRCUT: dict[str, float] = {"S": 0.0, "S2": 0.10, "D": 0.25, "A": 0.40}
"""The share of an effect taken away by its mark: sociokalkyl's own defaults, in the
spirit of the Greater Manchester CBA model's benefit adjustment by evidence grade (not
its numbers): an effect seen in the source keeps all, an assumption keeps 60 %."""


def apply_haircut(
    parameters: list[Parameter], intervention: Intervention, settings: Settings
) -> tuple[list[Parameter], list[Assumption]]:
    """The parameters with each effect's change shrunk by its mark, and the log rows.

    Parameters
    ----------
    parameters
        The plan's parameters, in order.
    intervention
        Its ``effects`` and ``outcome_effects`` (their ``confidence``).
    settings
        ``evidence_haircut``: ``None``, ``"default"`` (:data:`DEFAULT_HAIRCUT`) or factors.

    Returns
    -------
    tuple
        The parameters (unchanged when off) and one assumption row per effect shrunk:
        kind ``"effect"``, variant ``"evidence_haircut"``, value ``h`` [share].

    Examples
    --------
    >>> from sociokalkyl import examples
    >>> intervention, settings = examples.servicetrainee()
    >>> on = settings.model_copy(update={"evidence_haircut": "default"})
    >>> _, rows = apply_haircut([], intervention, on)
    >>> [(row.name, row.value) for row in rows]
    [('effects[0].change', 0.4), ('effects[1].change', 0.4)]
    """
    if settings.evidence_haircut is None:
        return parameters, []
    factors = dict(DEFAULT_HAIRCUT)
    if isinstance(settings.evidence_haircut, dict):
        factors.update({str(mark): cut for mark, cut in settings.evidence_haircut.items()})
    marks = {f"effects[{e}].change": x.confidence for e, x in enumerate(intervention.effects)}
    for j, effect in enumerate(intervention.outcome_effects):
        marks[f"outcome_effects[{j}].change"] = effect.confidence
    rows = []
    for name, mark in marks.items():
        cut = factors[mark or "A"]
        rows.append(
            Assumption("effect", None, name, cut, "share", variant="evidence_haircut",
                       confidence=mark, source="docs/outcomes.md (settings.evidence_haircut)")
        )  # fmt: skip
    found = []
    for p in parameters:
        if p.name in marks:
            p = replace(p, scale=p.scale * (1.0 - factors[marks[p.name] or "A"]))
        found.append(p)
    return found, rows

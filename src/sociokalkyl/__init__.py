"""sociokalkyl: socio-economic cost-benefit calculation of social investments.

See the README for a quickstart and ``docs/`` for the conventions that define the numbers.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

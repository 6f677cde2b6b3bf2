"""Optional dependencies (pandas, matplotlib), imported only when a method needs them.

``import sociokalkyl`` loads neither; a missing one is an ImportError that names the
method and the install command.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]

_INSTALL = "pip install 'sociokalkyl[notebook]'"


def require(module: str, needed_by: str) -> ModuleType:
    """Import ``module`` (e.g. ``"pandas"``, ``"matplotlib.pyplot"``) for ``needed_by``.

    Raises
    ------
    ImportError
        Naming the method that needs the module and how to install it.

    Examples
    --------
    >>> require("json", "an example").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        raise ImportError(f"{needed_by} needs {top}: {_INSTALL}") from None

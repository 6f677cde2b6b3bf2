"""The command ``sociokalkyl``: a thin command line over the library.

One module a command; :func:`main` parses the arguments and dispatches.
"""

from __future__ import annotations

from sociokalkyl.cli.main import main

__all__ = ["main"]

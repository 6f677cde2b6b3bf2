"""``python -m sociokalkyl``: the same as the ``sociokalkyl`` command."""

from __future__ import annotations

import sys

from sociokalkyl.cli import main

if __name__ == "__main__":
    sys.exit(main())

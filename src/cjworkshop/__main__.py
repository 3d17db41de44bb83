"""The ``cjworkshop`` command, also run as ``python -m cjworkshop``."""

from __future__ import annotations

from cjworkshop.cli import main

if __name__ == "__main__":
    main()

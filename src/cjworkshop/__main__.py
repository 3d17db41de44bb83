"""The ``cjworkshop`` command, also run as ``python -m cjworkshop``."""

from __future__ import annotations

import gc

from cjworkshop import GC_THRESHOLD


def main() -> None:
    """Set how the process collects garbage, then run the command line."""
    # Before anything is imported: importing Textual alone allocates tens of thousands of
    # objects that live as long as the process.
    gc.set_threshold(*GC_THRESHOLD)
    from cjworkshop.cli import main as run_command_line

    run_command_line()


if __name__ == "__main__":
    main()

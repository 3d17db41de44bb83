"""Run the command line with ``python -m cjworkshop``."""

from cjworkshop.cli import main

if __name__ == "__main__":
    main()

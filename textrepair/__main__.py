"""``python -m textrepair``: the command line, see :mod:`textrepair.cli`."""

from textrepair.cli import main

if __name__ == "__main__":  # guarded: worker processes started for --jobs import this module again
    raise SystemExit(main())

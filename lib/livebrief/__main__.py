"""Run the ``livebrief`` command as ``python -m livebrief``."""

from livebrief.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

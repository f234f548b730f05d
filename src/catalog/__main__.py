"""python -m catalog."""

import sys

from catalog.cli import main

# Guarded: a second process (an import's file reader) imports this module again.
if __name__ == "__main__":
    sys.exit(main())

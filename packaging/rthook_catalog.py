"""PyInstaller runtime hook: tell the frozen Catalog where its bundled data lies.

The source tree finds the sample listing at ``data/sample-listing.txt`` beside ``src/``;
in the frozen app it is ``<bundle>/data/sample-listing.txt`` (see catalog.spec). An
explicit ``$CATALOG_SAMPLE`` still wins.
"""

import os
import sys

_bundle = getattr(sys, "_MEIPASS", None)
if _bundle is not None:
    os.environ.setdefault("CATALOG_SAMPLE", os.path.join(_bundle, "data", "sample-listing.txt"))

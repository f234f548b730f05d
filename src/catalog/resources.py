"""Files the program reads beside its code, from a source checkout or the frozen app.

``resources/`` of the source tree is the one copy: PyInstaller's spec ships it inside the
bundle, ``make install-desktop`` copies it into the desktop's folders. No Qt here.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ID = "org.catalog.Catalog"
"""The id of the desktop entry, the AppStream component and the icon."""

ICON = f"icons/{APP_ID}.svg"


def resource_path(name: str) -> Path | None:
    """``resources/<name>`` of the frozen app, else of the source tree; None when neither
    has it (an installed wheel: the desktop theme's icon named :data:`APP_ID` stands in)."""
    bundle = getattr(sys, "_MEIPASS", None)
    roots = [Path(bundle)] if isinstance(bundle, str) else []
    roots.append(Path(__file__).resolve().parents[2])
    return next((path for root in roots if (path := root / "resources" / name).is_file()), None)

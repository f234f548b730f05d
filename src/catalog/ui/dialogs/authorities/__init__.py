"""Name authorities: the manager dialog and the suggested-links dialog."""

from __future__ import annotations

from catalog.ui.dialogs.authorities.dialog import AuthoritiesDialog
from catalog.ui.dialogs.authorities.suggestions import SuggestionsDialog

__all__ = ["AuthoritiesDialog", "SuggestionsDialog"]

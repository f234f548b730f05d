"""Dialogs that return values, and the one module that makes message boxes."""

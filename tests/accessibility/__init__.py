"""Accessibility: named controls, keyboard-only use, and colour contrast."""

"""Interchange formats: one module per format (see formats.default_registry)."""

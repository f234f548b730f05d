"""Where things live: the default catalogue, backups, caches (no Qt here)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Catalog"
ENV_DB = "CATALOG_DB"


def data_dir() -> Path:
    """The user's data folder for Catalog (created on demand)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The user's cache folder for Catalog (saved search indexes live here)."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def default_catalogue() -> Path:
    """The catalogue opened when none is named."""
    return data_dir() / "catalog.sqlite"


def resolve_target(explicit: str | None) -> str:
    """The catalogue to open: ``--db``, else ``$CATALOG_DB``, else the default file."""
    if explicit:
        return explicit
    from_env = os.environ.get(ENV_DB, "").strip()
    if from_env:
        return from_env
    target = default_catalogue()
    target.parent.mkdir(parents=True, exist_ok=True)
    return str(target)

"""The log file: a rotating file in the user's log folder (no Qt here).

The window logs at INFO: what it opened, and every unexpected error with its traceback.
``$CATALOG_LOG_DIR`` puts the file elsewhere (tests point it at a temporary folder).
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from catalog import __version__
from catalog.settings import APP_NAME

ENV_LOG_DIR = "CATALOG_LOG_DIR"
LOG_NAME = "catalog.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    """Where the log files go: ``$CATALOG_LOG_DIR``, else the platform's user log folder."""
    explicit = os.environ.get(ENV_LOG_DIR, "").strip()
    if explicit:
        return Path(explicit)
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def current_log_file() -> Path | None:
    """The file the program logs to now, or None when logging to a file is not set up."""
    return Path(_handler.baseFilename) if _handler is not None else None


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path | None:
    """Log to ``catalog.log`` in ``folder`` (default :func:`log_dir`), 1 MB a file and
    five older files kept; returns the file, or None when the folder cannot be written
    (then nothing is logged to a file, and the program runs on).

    Calling it again replaces the file handler it installed before.
    """
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    target = (folder or log_dir()) / LOG_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", target, error)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    logging.getLogger(__name__).info(
        "Catalog %s, Python %s, %s", __version__, sys.version.split()[0], platform.platform()
    )
    return target


def stop_logging() -> None:
    """Close the log file (the end of a test, or of the program)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None

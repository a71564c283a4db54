"""The log file: a rotating file in the user's log folder (DESIGN.md §1).

``setup_logging`` is called once at start-up (GUI and, if the lead wires it, the CLI);
calling it again (tests, reopening with another ``PLANMGR_HOME``) replaces our handler
instead of adding a second one. Qt's own messages are routed here by ``planmgr.ui``.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from planmgr import paths

LOG_FILE_NAME = "planmgr.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"


class _PlanmgrFileHandler(logging.handlers.RotatingFileHandler):
    """Our handler, recognisable so that a second set-up replaces it."""


def _ours() -> list[_PlanmgrFileHandler]:
    return [h for h in logging.getLogger().handlers if isinstance(h, _PlanmgrFileHandler)]


def setup_logging(log_dir: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Log to ``planmgr.log`` in ``log_dir`` (default: the user log folder); returns its path."""
    folder = log_dir if log_dir is not None else paths.user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    shutdown_logging()
    handler = _PlanmgrFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def current_log_file() -> Path | None:
    """The file ``setup_logging`` opened, or ``None`` before it ran."""
    handlers = _ours()
    return Path(handlers[-1].baseFilename) if handlers else None


def shutdown_logging() -> None:
    """Detach and close our handler (before the log folder goes away, or at exit)."""
    root = logging.getLogger()
    for handler in _ours():
        root.removeHandler(handler)
        handler.close()

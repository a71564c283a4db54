"""Hooks for ``make bench`` (bench/run.py); inert unless the environment asks for them.

``PLANMGR_BENCH_FIRST_PAINT=PATH``: when the main window has painted for the first time,
write the wall-clock time (``time.time()``, seconds, as text) to PATH and quit. The bench
starts ``planmgr gui`` as a subprocess and reads the file: start-up to first paint,
measured the same way for a bare PySide6 window.

What that first frame shows: the real main window (``ui.app.start`` paints it before it
opens the database) with its title, menu bar, the navigation list (text, no icons yet)
and "正在打开数据库……" in the status bar; the page area is still empty. Start-up then
opens the database and completes the window; the application quits when its event loop
runs (``app.exec``), as a quit before it would be lost.

Cheap to import on the start-up path: Qt modules the app has already loaded, and the
standard library.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

FIRST_PAINT_ENV = "PLANMGR_BENCH_FIRST_PAINT"


class FirstPaint(QObject):
    """Application-wide event filter: the first paint of a widget in a ``QMainWindow``.

    The paint of a whole window is one pass of the event loop; the time is taken in a
    zero-timer after it, so it covers the complete first frame, not its first widget.
    """

    def __init__(self, app: QCoreApplication, path: Path) -> None:
        super().__init__(app)
        self.app = app
        self.path = path
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.seen = True
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        stamp = time.time()
        self.app.removeEventFilter(self)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(f"{stamp:.6f}\n", encoding="ascii")
        partial.replace(self.path)  # the reader never sees half a number
        self._quit()

    def _quit(self) -> None:
        # The frame is painted inside start-up (ui.app.start), before ``app.exec``: a quit
        # there would be lost. Retry until the application's event loop runs.
        if QThread.currentThread().loopLevel() == 0:
            QTimer.singleShot(10, self._quit)
            return
        self.app.quit()


def install_from_env(app: QCoreApplication) -> FirstPaint | None:
    """Install the first-paint hook if ``PLANMGR_BENCH_FIRST_PAINT`` names a file (once)."""
    target = os.environ.get(FIRST_PAINT_ENV)
    if not target or getattr(app, "_planmgr_first_paint", None) is not None:
        return None
    hook = FirstPaint(app, Path(target))
    app.installEventFilter(hook)
    app._planmgr_first_paint = hook  # type: ignore[attr-defined]
    return hook

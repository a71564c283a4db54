"""Baseline for figures 1 and 8: a bare PySide6 ``QMainWindow`` (nothing of planmgr imported).

    bare_window.py first-paint PATH   write time.time() to PATH after the first painted frame, quit
    bare_window.py rss                show the window, print {"vmhwm_kb": …} (peak RSS), quit

The first-paint hook works as ``planmgr.ui.bench_hooks`` does (an application event filter
and a zero-timer after the first paint), so both sides are measured alike.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


def vmhwm_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


class FirstPaint(QObject):
    def __init__(self, app: QApplication, path: Path) -> None:
        super().__init__(app)
        self.app, self.path, self.seen = app, path, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.seen = True
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(f"{time.time():.6f}\n", encoding="ascii")
        partial.replace(self.path)
        self.app.quit()


def main() -> int:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    if mode == "first-paint":
        app.installEventFilter(FirstPaint(app, Path(sys.argv[2])))
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("bare PySide6 window"))
    window.resize(1200, 700)
    window.show()
    if mode == "rss":
        app.processEvents()
        print(json.dumps({"vmhwm_kb": vmhwm_kb()}))
        return 0
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

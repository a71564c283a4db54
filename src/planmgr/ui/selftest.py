"""The Qt half of the bundle's self-test (``planmgr --selftest``, ``planmgr._frozen_main``).

It drives the real start-up path offscreen and reports what it saw; the self-test judges
the report and words the verdict.  Kept here because only ``planmgr.ui`` imports Qt.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cmp_to_key
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCollator, QDeadlineTimer, QEventLoop, QLocale
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from planmgr.ui.app import start
from planmgr.ui.main_window import PAGE_KEYS


@dataclass
class GuiRun:
    """What one offscreen run showed. ``exit_code`` is set when start-up refused the
    database; ``timed_out`` when background work did not finish in time."""

    exit_code: int | None = None
    timed_out: bool = False
    title: str = ""
    pages: int = 0
    page_not_shown: str | None = None  # the last page's key, if switching to it failed
    pdf_text: str | None = None  # None: QtPdf could not open the file
    sorted_sample: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # exceptions raised in slots
    dialog_open: bool = False


def run_gui(database: Path, pdf: Path, sort_sample: Sequence[str], timeout_s: float) -> GuiRun:
    """Start ``planmgr gui --db database``, show every page once, read ``pdf`` back with
    QtPdf and sort ``sort_sample`` with Qt's Chinese collation (ICU data the Linux bundle
    trims), then close the window."""
    started = start(["--db", str(database), "--lang", "zh_CN"])
    if isinstance(started, int):
        return GuiRun(exit_code=started)
    app, window = started
    run = GuiRun(pages=len(PAGE_KEYS))
    previous_hook = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        # An exception in a slot would otherwise open the crash dialog and wait for a click.
        run.errors.append("".join(traceback.format_exception(kind, error, tb)))

    sys.excepthook = record
    try:
        deadline = QDeadlineTimer(int(timeout_s * 1000))

        def settled() -> bool:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            while window.ops.busy and not deadline.hasExpired():
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            app.processEvents()
            return not window.ops.busy

        for key in (None, *PAGE_KEYS):
            if key is not None:
                window.show_page(key)
            if not settled():
                run.timed_out = True
                break
        if window.current_page_key() != PAGE_KEYS[-1]:
            run.page_not_shown = PAGE_KEYS[-1]
        run.pdf_text = _pdf_text(pdf)
        collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        run.sorted_sample = sorted(sort_sample, key=cmp_to_key(collator.compare))
        run.title = window.windowTitle()
        window.close()
        app.processEvents()
    finally:
        sys.excepthook = previous_hook
    run.dialog_open = isinstance(app, QApplication) and app.activeModalWidget() is not None
    return run


def _pdf_text(pdf: Path) -> str | None:
    document = QPdfDocument()
    try:
        if document.load(str(pdf)) != QPdfDocument.Error.None_:
            return None
        return "".join(document.getAllText(page).text() for page in range(document.pageCount()))
    finally:
        document.close()

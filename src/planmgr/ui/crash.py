"""Qt messages into the log, and a last-resort handler for unexpected exceptions.

Both chain to what was installed before them (the default hook or a test harness), so a
test that provokes a Qt warning or an exception still sees it.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler

from planmgr import logs
from planmgr.ui import dialogs

qt_log = logging.getLogger("qt")
log = logging.getLogger(__name__)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class QtMessageRouter:
    """A Qt message handler writing to the ``qt`` logger, then calling the previous handler."""

    def __init__(self, previous: Callable[..., Any] | None) -> None:
        self.previous = previous

    def __call__(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.category})" if context.category and context.category != "default" else ""
        qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
        if self.previous is not None:
            self.previous(mode, context, message)


def install_qt_message_handler() -> QtMessageRouter:
    """Route Qt's messages into logging (once: a second call keeps the router in place)."""
    previous = qInstallMessageHandler(None)
    if isinstance(previous, QtMessageRouter):
        qInstallMessageHandler(previous)
        return previous
    router = QtMessageRouter(previous)
    qInstallMessageHandler(router)
    return router


class ExceptHook:
    """``sys.excepthook``: log the traceback, tell the user in a dialog naming the log file."""

    def __init__(self, before_dialog: Callable[[], None] | None = None) -> None:
        self.previous = sys.excepthook
        self.before_dialog = before_dialog
        self._showing = False

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
            return
        log.critical("unexpected error", exc_info=(kind, error, tb))
        if self.previous is not sys.__excepthook__:
            self.previous(kind, error, tb)  # a test harness or debugger wants it too
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            if self.before_dialog is not None:
                self.before_dialog()
            log_file = logs.current_log_file()
            text = QCoreApplication.translate(
                "crash",
                "An unexpected error occurred: {error}\n\n"
                "Your data saved so far is not affected. If it happens again, please send the "
                "log file to your administrator:\n{log}",
            ).format(
                error=f"{kind.__name__}: {error}",
                log=str(log_file) if log_file else QCoreApplication.translate("crash", "(no log file)"),
            )
            details = "".join(traceback.format_exception(kind, error, tb))
            dialogs.error(None, QCoreApplication.translate("crash", "Unexpected error"), text, details)
        except Exception:  # the dialog itself failed: the log has the original error
            log.exception("could not show the error dialog")
        finally:
            self._showing = False


def install_excepthook(before_dialog: Callable[[], None] | None = None) -> ExceptHook:
    hook = ExceptHook(before_dialog)
    sys.excepthook = hook
    return hook

"""What the parts of the drill editor share: the engine, the operation runner, and the drill
being edited with the ``row_version`` its next save must carry (optimistic locking)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine

from planmgr.services import drills
from planmgr.services.drill_lists import DrillSummary
from planmgr.services.drills import DrillDetail
from planmgr.ui.drills.files import DrillFiles
from planmgr.ui.ops import Operation, OpRunner


class DrillSession(QObject):
    """The drill open in an editor.

    Every save goes through ``run`` (the worker thread) and, when it succeeded, through one
    of the ``saved*`` methods: the drill is read again, ``changed`` tells every part, and
    the next save carries the new ``row_version``. A failed save (a conflict, a refused
    change) leaves the parts as they are, with the user's unsaved text. ``busy`` while one
    of the editor's saves runs (the editor does not close then).
    """

    changed = Signal(object)  # DrillDetail
    findings_changed = Signal()

    def __init__(
        self, engine: Engine, ops: OpRunner, files: DrillFiles, today: date, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.ops = ops
        self.files = files
        self.today = today
        self.detail: DrillDetail | None = None
        self._running: set[Operation] = set()

    @property
    def uid(self) -> str:
        assert self.detail is not None, "no drill yet"
        return self.detail.uid

    @property
    def row_version(self) -> int | None:
        return self.detail.row_version if self.detail else None

    @property
    def summary(self) -> DrillSummary | None:
        return self.detail.summary if self.detail else None

    def run(
        self, title: str, job: Callable[[], Any], on_success: Callable[[Any], None] | None = None
    ) -> Operation:
        return self.track(self.ops.run(title, job, on_success=on_success, cancellable=False))

    def track(self, op: Operation) -> Operation:
        """Count ``op`` (started elsewhere for this drill) as one of the editor's saves."""
        if not op.is_done:
            self._running.add(op)
            op.done.connect(partial(self._running.discard, op))
        return op

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def load(self, uid: str) -> DrillDetail:
        """Read the drill (a quick read on the GUI thread) and tell every part."""
        self.detail = drills.get_drill(self.engine, uid)
        self.changed.emit(self.detail)
        return self.detail

    def saved(self, _result: Any = None) -> None:
        """After a successful save: read the drill again (its new row_version and state)."""
        self.load(self.uid)

    def created(self, summary: DrillSummary) -> None:
        """A new drill was put on the plan: from now on the editor edits it."""
        self.load(summary.uid)

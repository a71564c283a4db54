"""Files the drill page writes and opens: the two printed forms, the drills ledger, attachments.

The ``*_job`` functions are Qt-free and run on the worker thread (``OpRunner``); the
``DrillFiles`` helper asks where to save, runs them and opens the result with the system
viewer. ``open_with_system`` is the one place that hands a file to the desktop (tests
replace it).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from planmgr.ui import dialogs
from planmgr.ui.ops import OpRunner


def open_with_system(path: Path) -> bool:
    """Open ``path`` with the program the desktop associates with it (PDF viewer, image viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


@dataclass(frozen=True)
class Written:
    path: Path
    missing_glyphs: Sequence[str] = ()
    rows: int = 0


def record_pdf_job(engine: Engine, drill_uid: str, path: Path) -> Written:
    """演练记录表 of a drill as a PDF file."""
    from planmgr.reports.drill_forms import drill_record_pdf, missing_in
    from planmgr.services.drill_printing import record_form

    form = record_form(engine, drill_uid)
    path.write_bytes(drill_record_pdf(form))
    return Written(path, missing_in(form))


def evaluation_pdf_job(engine: Engine, drill_uid: str, path: Path) -> Written:
    """演练评估报告 of an evaluated drill as a PDF file."""
    from planmgr.reports.drill_forms import drill_evaluation_pdf, missing_in
    from planmgr.services.drill_printing import evaluation_form

    form = evaluation_form(engine, drill_uid)
    path.write_bytes(drill_evaluation_pdf(form))
    return Written(path, missing_in(form))


def export_job(engine: Engine, drill_uids: Sequence[str], path: Path) -> Written:
    """The drills ledger (DESIGN.md §6) of exactly these drills, .xlsx or .csv."""
    from planmgr.services.ledger import export_ledger

    result = export_ledger(engine, "drills", path, only=list(drill_uids))
    return Written(path, rows=result.rows)


def attachment_job(engine: Engine, attachment_uid: str, folder: Path) -> Path:
    """A copy of an attachment in ``folder`` (to open it with the system viewer)."""
    from planmgr.services.drill_records import attachment_data

    name, data = attachment_data(engine, attachment_uid)
    target = folder / attachment_uid[:8] / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


def safe_name(text: str) -> str:
    """A file name from a title: no characters Windows refuses, not too long."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._")[:60] or "drill"


def documents_dir() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class DrillFiles(QObject):
    """Asks where to save, writes through ``ops``, then opens or reports the file."""

    def __init__(
        self,
        ops: OpRunner,
        widget: QWidget,
        parent: QObject | None = None,
        *,
        attachments_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.widget = widget
        # Copies handed to the system viewer live in the temp folder (the viewer may keep them
        # open after we are gone); opening the same attachment again overwrites its copy.
        self.attachments_dir = attachments_dir or Path(tempfile.gettempdir()) / "planmgr-attachments"
        self.last: Written | Path | None = None

    def print_record(self, engine: Engine, drill_uid: str, title: str) -> None:
        ask = self.tr("Save the drill record")
        name = self.tr("{title}-drill record.pdf")
        self._print(engine, drill_uid, title, record_pdf_job, ask, name, self.tr("Printing the drill record"))

    def print_evaluation(self, engine: Engine, drill_uid: str, title: str) -> None:
        ask = self.tr("Save the evaluation report")
        name = self.tr("{title}-evaluation report.pdf")
        self._print(
            engine, drill_uid, title, evaluation_pdf_job, ask, name, self.tr("Printing the evaluation report")
        )

    def _print(
        self,
        engine: Engine,
        drill_uid: str,
        title: str,
        job: Callable[[Engine, str, Path], Written],
        ask: str,
        name: str,
        doing: str,
    ) -> None:
        chosen = dialogs.pick_save_file(
            self.widget,
            ask,
            self.tr("PDF files (*.pdf)"),
            documents_dir() / name.format(title=safe_name(title)),
        )
        if chosen is None:
            return
        path = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
        self.ops.run(
            doing, partial(job, engine, drill_uid, path), on_success=self._printed, cancellable=False
        )

    def _printed(self, written: Written) -> None:
        self.last = written
        if written.missing_glyphs:
            dialogs.inform(
                self.widget,
                self.tr("Some characters are missing"),
                self.tr("The font cannot print these characters; they are blank in the PDF: {chars}").format(
                    chars=" ".join(written.missing_glyphs)
                ),
            )
        if not open_with_system(written.path):
            dialogs.inform(
                self.widget,
                self.tr("PDF saved"),
                self.tr("The PDF was saved to:\n{path}").format(path=written.path),
            )

    def export(self, engine: Engine, drill_uids: Sequence[str], default_name: str) -> None:
        chosen = dialogs.pick_save_file(
            self.widget,
            self.tr("Export the drill list"),
            self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"),
            documents_dir() / default_name,
        )
        if chosen is None:
            return
        path = (
            chosen if chosen.suffix.lower() in (".xlsx", ".csv") else chosen.with_name(chosen.name + ".xlsx")
        )
        self.ops.run(
            self.tr("Exporting the drill list"),
            partial(export_job, engine, list(drill_uids), path),
            on_success=self._exported,
            cancellable=False,
        )

    def _exported(self, written: Written) -> None:
        self.last = written
        dialogs.inform(
            self.widget,
            self.tr("Drill list exported"),
            self.tr("{count} drills were written to:\n{path}").format(count=written.rows, path=written.path),
        )

    def open_attachment(self, engine: Engine, attachment_uid: str) -> None:
        self.ops.run(
            self.tr("Opening the attachment"),
            partial(attachment_job, engine, attachment_uid, self.attachments_dir),
            on_success=self._attachment_ready,
            cancellable=False,
        )

    def _attachment_ready(self, path: Path) -> None:
        self.last = path
        if not open_with_system(path):
            dialogs.inform(
                self.widget,
                self.tr("No program to open it"),
                self.tr("No program on this computer opens this file. A copy was saved to:\n{path}").format(
                    path=path
                ),
            )

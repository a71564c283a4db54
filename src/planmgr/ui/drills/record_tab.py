"""演练记录: participating units and head count, the scenario, the time-stamped log,
attachments (photos, sign-in sheets …), and 已报送 for high-risk units (ENT Art.33)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.enums import DrillStatus
from planmgr.services import drill_records
from planmgr.services.blobs import MAX_BLOB_BYTES, human_size
from planmgr.services.drills import ATTACHMENT_KINDS, AttachmentInfo, DrillDetail, LogEntry
from planmgr.ui import dialogs, theme
from planmgr.ui.drills.context import DrillSession
from planmgr.ui.drills.record_models import AttachmentModel, LogModel
from planmgr.ui.drills.small_dialogs import LogEntryDialog


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    return view


class RecordTab(QWidget):
    def __init__(self, session: DrillSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: LogEntryDialog | None = None
        self._clean: dict[str, Any] | None = None  # the record as loaded or last saved

        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText(self.tr("One unit a line"))
        self.head_count = QSpinBox()
        self.head_count.setRange(0, drill_records.MAX_HEAD_COUNT)
        self.head_count.setSpecialValueText(self.tr("not given"))
        self.head_count.setSuffix(self.tr(" people"))
        self.scenario = QPlainTextEdit()
        self.scenario.setPlaceholderText(self.tr("The situation the drill simulated"))
        self.save_button = QPushButton(theme.icon("content-save-outline"), self.tr("Save the record"))
        self.save_button.clicked.connect(self.save)
        self.reported = QCheckBox(self.tr("Reported to the county authority"))
        self.reported.clicked.connect(self._reported_clicked)
        self.reported_note = QLabel(
            self.tr("A high-risk unit reports every drill to the county authority (ENT Art.33).")
        )
        self.reported_note.setWordWrap(True)
        self.reported_note.setStyleSheet(f"color: {theme.NEUTRAL};")

        record = QGroupBox(self.tr("Record"))
        form = QFormLayout(record)
        form.addRow(self.tr("Participating units"), self.participants)
        form.addRow(self.tr("Head count"), self.head_count)
        form.addRow(self.tr("Scenario"), self.scenario)
        form.addRow(self.reported)
        form.addRow(self.reported_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        self.log_model = LogModel(self)
        self.log_view = _table(self.log_model)
        self.log_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.log_view.doubleClicked.connect(self.edit_log)
        self.add_log_button = QPushButton(theme.icon("plus"), self.tr("Add…"))
        self.edit_log_button = QPushButton(theme.icon("pencil-outline"), self.tr("Edit…"))
        self.remove_log_button = QPushButton(theme.icon("delete-outline"), self.tr("Remove"))
        self.add_log_button.clicked.connect(self.add_log)
        self.edit_log_button.clicked.connect(self.edit_log)
        self.remove_log_button.clicked.connect(self.remove_log)
        log_box = QGroupBox(self.tr("Log of the drill"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_view, 1)
        log_layout.addLayout(self._row(self.add_log_button, self.edit_log_button, self.remove_log_button))

        self.attachment_model = AttachmentModel(self)
        self.attachment_view = _table(self.attachment_model)
        self.attachment_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.attachment_view.doubleClicked.connect(self.open_attachment)
        self.kind = QComboBox()
        for key, label in ATTACHMENT_KINDS.items():
            self.kind.addItem(label, key)
        self.add_file_button = QPushButton(theme.icon("paperclip"), self.tr("Attach…"))
        self.open_file_button = QPushButton(theme.icon("open-in-new"), self.tr("Open"))
        self.remove_file_button = QPushButton(theme.icon("delete-outline"), self.tr("Remove"))
        self.add_file_button.clicked.connect(self.add_attachment)
        self.open_file_button.clicked.connect(self.open_attachment)
        self.remove_file_button.clicked.connect(self.remove_attachment)
        limit = QLabel(self.tr("Up to {size} a file.").format(size=human_size(MAX_BLOB_BYTES)))
        limit.setStyleSheet(f"color: {theme.NEUTRAL};")
        files_box = QGroupBox(self.tr("Attachments (photos, sign-in sheets …)"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.attachment_view, 1)
        files_layout.addLayout(
            self._row(self.kind, self.add_file_button, self.open_file_button, self.remove_file_button)
        )
        files_layout.addWidget(limit)

        right = QVBoxLayout()
        right.addWidget(log_box, 3)
        right.addWidget(files_box, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(record, 1)
        layout.addLayout(right, 1)
        for view in (self.log_view, self.attachment_view):
            view.selectionModel().selectionChanged.connect(self._update_buttons)
        session.changed.connect(self.on_changed)

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------------ showing

    def load(self, detail: DrillDetail) -> None:
        """Fill the editable fields (only when the editor opens a drill: saves keep the user's text)."""
        self.participants.setPlainText("\n".join(detail.participant_units))
        self.head_count.setValue(detail.summary.head_count or 0)
        self.scenario.setPlainText(detail.scenario or "")
        self._clean = self.value()
        self.on_changed(detail)

    def on_changed(self, detail: DrillDetail) -> None:
        s = detail.summary
        multi_day = bool(s.end and s.end != s.start)
        self.log_model.set_entries(detail.log, multi_day=multi_day)
        self.attachment_model.set_items(detail.attachments)
        self.reported.setVisible(s.report_required)
        self.reported_note.setVisible(s.report_required)
        self.reported.setChecked(s.reported_to_authority)
        self.reported.setEnabled(s.status is DrillStatus.DONE)
        self.reported.setToolTip(
            "" if s.status is DrillStatus.DONE else self.tr("Only a done drill can be reported.")
        )
        editable = s.status is not DrillStatus.CANCELLED
        for widget in (
            self.participants,
            self.head_count,
            self.scenario,
            self.save_button,
            self.add_log_button,
        ):
            widget.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = (
            self.session.summary is not None and self.session.summary.status is not DrillStatus.CANCELLED
        )
        has_entry = self._selected_entry() is not None
        self.edit_log_button.setEnabled(editable and has_entry)
        self.remove_log_button.setEnabled(editable and has_entry)
        has_file = self._selected_attachment() is not None
        self.open_file_button.setEnabled(has_file)
        self.remove_file_button.setEnabled(has_file)

    def _selected_entry(self) -> LogEntry | None:
        rows = self.log_view.selectionModel().selectedRows()
        return self.log_model.item_at(rows[0].row()) if rows else None

    def _selected_attachment(self) -> AttachmentInfo | None:
        rows = self.attachment_view.selectionModel().selectedRows()
        return self.attachment_model.item_at(rows[0].row()) if rows else None

    # ------------------------------------------------------------------ saving

    def participant_names(self) -> list[str]:
        return [line for line in self.participants.toPlainText().splitlines() if line.strip()]

    def value(self) -> dict[str, Any]:
        """Keyword arguments of ``drill_records.update_record`` for what the fields show."""
        return {
            "participant_units": self.participant_names(),
            "head_count": self.head_count.value() or None,
            "scenario": self.scenario.toPlainText(),
        }

    def is_dirty(self) -> bool:
        return self._clean is not None and self.value() != self._clean

    def save(self) -> None:
        s = self.session
        sent = self.value()
        s.run(
            self.tr("Saving the drill record"),
            partial(drill_records.update_record, s.engine, s.uid, expected_row_version=s.row_version, **sent),
            partial(self._saved, sent),
        )

    def _saved(self, sent: dict[str, Any], result: object) -> None:
        self._clean = sent
        self.session.saved(result)

    def _reported_clicked(self, checked: bool) -> None:
        from planmgr.services.drills import set_reported_to_authority

        s = self.session
        self.reported.setChecked(not checked)  # shows the saved state until the save succeeds
        s.run(
            self.tr("Saving the report flag"),
            partial(set_reported_to_authority, s.engine, s.uid, checked, expected_row_version=s.row_version),
            s.saved,
        )

    # ------------------------------------------------------------------ the log

    def _next_time(self) -> datetime:
        entries = self.log_model.items()
        if entries:
            return entries[-1].at + timedelta(minutes=5)
        summary = self.session.summary
        assert summary is not None
        return datetime.combine(summary.start, time(9, 0))

    def add_log(self) -> None:
        self.dialog = LogEntryDialog(self._next_time(), parent=self)
        self.dialog.accepted.connect(self._add_log_accepted)
        self.dialog.open()

    def _add_log_accepted(self) -> None:
        assert self.dialog is not None
        s, dialog = self.session, self.dialog
        s.run(
            self.tr("Adding the log entry"),
            partial(
                drill_records.add_log_entry,
                s.engine,
                s.uid,
                dialog.when(),
                dialog.what.text(),
                expected_row_version=s.row_version,
            ),
            s.saved,
        )

    def edit_log(self) -> None:
        entry = self._selected_entry()
        if entry is None or not self.edit_log_button.isEnabled():
            return
        self.dialog = LogEntryDialog(entry.at, entry.text, parent=self, editing=True)
        self.dialog.accepted.connect(partial(self._edit_log_accepted, entry.id))
        self.dialog.open()

    def _edit_log_accepted(self, entry_id: str) -> None:
        assert self.dialog is not None
        s, dialog = self.session, self.dialog
        s.run(
            self.tr("Changing the log entry"),
            partial(
                drill_records.edit_log_entry,
                s.engine,
                s.uid,
                entry_id,
                at=dialog.when(),
                text=dialog.what.text(),
                expected_row_version=s.row_version,
            ),
            s.saved,
        )

    def remove_log(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Remove the log entry"),
            self.tr("Remove “{time} {text}”?").format(time=entry.at.strftime("%H:%M"), text=entry.text),
        ):
            return
        s = self.session
        s.run(
            self.tr("Removing the log entry"),
            partial(
                drill_records.remove_log_entry, s.engine, s.uid, entry.id, expected_row_version=s.row_version
            ),
            s.saved,
        )

    # ------------------------------------------------------------------ attachments

    def add_attachment(self) -> None:
        path = dialogs.pick_open_file(
            self,
            self.tr("Attach a file"),
            self.tr(
                "Photos and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx);;All files (*)"
            ),
        )
        if path is None:
            return
        s = self.session
        s.run(
            self.tr("Attaching {name}").format(name=path.name),
            partial(drill_records.add_attachment_file, s.engine, s.uid, path, str(self.kind.currentData())),
            s.saved,
        )

    def open_attachment(self) -> None:
        attachment = self._selected_attachment()
        if attachment is not None:
            self.session.files.open_attachment(self.session.engine, attachment.uid)

    def remove_attachment(self) -> None:
        attachment = self._selected_attachment()
        if attachment is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Remove the attachment"),
            self.tr("Remove “{name}” from this drill?").format(name=attachment.filename),
        ):
            return
        s = self.session
        s.run(
            self.tr("Removing the attachment"),
            partial(drill_records.remove_attachment, s.engine, attachment.uid),
            s.saved,
        )

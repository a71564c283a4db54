"""文件 › 新建数据库: a new database file with its own unit (what ``planmgr init`` does).

The dialog collects the file and the own unit, then runs ``services.setup.init_database``
and opens the result through ``ops``; ``created(Database)`` hands it to the main window.
A refusal (an existing file, a wrong USCC) is shown in the dialog, which stays open.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planmgr import paths
from planmgr.domain.enums import DatabaseMode, Industry, UnitKind
from planmgr.domain.errors import PlanmgrError, ValidationError
from planmgr.domain.validators import validate_uscc
from planmgr.store.database import Database
from planmgr.ui import dialogs, theme
from planmgr.ui.ops import OpRunner

SUFFIX = ".sqlite"


def create_database(
    path: Path, name: str, kind: UnitKind, uscc: str | None, industry: Industry | None
) -> Database:
    """The job: create, register the own unit, open (on the worker thread, no Qt)."""
    from planmgr.services.setup import init_database
    from planmgr.store.database import open_database

    init_database(path, unit_name=name, unit_kind=kind, uscc=uscc, industry=industry)
    return open_database(path)


class NewDatabaseDialog(QDialog):
    created = Signal(object)  # Database

    def __init__(self, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.running = False
        self.setWindowTitle(self.tr("New database"))
        self.setMinimumSize(560, 400)  # explicit: a message appearing later does not resize it
        self.file = QLineEdit(str(paths.user_data_dir() / f"planmgr-new{SUFFIX}"))
        browse = QPushButton(theme.icon("folder-open-outline"), self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.unit_name = QLineEdit()
        self.unit_name.setMaxLength(200)
        self.unit_name.setPlaceholderText(self.tr("e.g. 开平市应急管理局"))  # zh-only: unit names are Chinese
        self.kind = QComboBox()
        for kind in UnitKind:
            self.kind.addItem(kind.text, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(UnitKind.TOWN.value))
        self.uscc = QLineEdit()
        self.uscc.setPlaceholderText(self.tr("18 characters, optional"))
        self.uscc_hint = QLabel()
        self.industry = QComboBox()
        self.industry.addItem(self.tr("(not set)"), "")
        for industry in Industry:
            self.industry.addItem(industry.text, industry.value)
        self.mode = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Database file"), file_row)
        form.addRow(self.tr("Own unit name *"), self.unit_name)
        form.addRow(self.tr("Unit kind *"), self.kind)
        form.addRow(self.tr("Unified social credit code"), self.uscc)
        form.addRow("", self.uscc_hint)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Mode"), self.mode)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.OVERDUE};")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "A new, empty database file for one unit: an emergency office (city, department, "
                "town, village) or an enterprise. Units, plans and drills are added afterwards."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.NEUTRAL};")
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.uscc.textChanged.connect(self._check_uscc)
        self._kind_changed()
        self._check_uscc()

    def _kind_changed(self) -> None:
        enterprise = self.kind.currentData() == UnitKind.ENTERPRISE.value
        self.industry.setEnabled(enterprise)
        if not enterprise:
            self.industry.setCurrentIndex(0)
        self.mode.setText((DatabaseMode.ENTERPRISE if enterprise else DatabaseMode.OFFICE).text)

    def _check_uscc(self) -> None:
        text = self.uscc.text().strip()
        if not text:
            self.uscc_hint.clear()
            return
        try:
            validate_uscc(text)
        except ValidationError as error:
            self.uscc_hint.setText(error.message)
            self.uscc_hint.setStyleSheet(f"color: {theme.OVERDUE};")
        else:
            self.uscc_hint.setText(self.tr("✓ The check character is correct."))
            self.uscc_hint.setStyleSheet(f"color: {theme.OK};")

    def browse(self) -> None:
        chosen = dialogs.pick_save_file(
            self,
            self.tr("New database"),
            self.tr("planmgr databases (*.sqlite *.db)"),
            Path(self.file.text()).parent if self.file.text() else paths.user_data_dir(),
        )
        if chosen is not None:
            self.file.setText(str(chosen if chosen.suffix else chosen.with_suffix(SUFFIX)))

    def target(self) -> Path:
        text = self.file.text().strip()
        if not text:
            raise ValidationError(self.tr("Choose where to save the database file."))
        path = Path(text).expanduser()
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        if path.exists():
            raise ValidationError(
                self.tr(
                    "The file {path} exists already. Choose another name, or open it with File > Open."
                ).format(path=path)
            )
        return path

    def create(self) -> None:
        if self.running:
            return
        try:
            path = self.target()
        except ValidationError as error:
            self.show_message(error.message)
            return
        kind = UnitKind(self.kind.currentData())
        industry = Industry(self.industry.currentData()) if self.industry.currentData() else None
        name, uscc = self.unit_name.text(), self.uscc.text().strip() or None
        self.running = True
        self.create_button.setEnabled(False)
        self.message.hide()
        self.ops.run(
            self.tr("Creating the database"),
            lambda: create_database(path, name, kind, uscc, industry),
            on_success=self._created,
            on_failure=self._failed,
            show_errors=False,
            cancellable=False,
        )

    def _created(self, database: Database) -> None:
        if not shiboken6.isValid(self):
            database.dispose()
            return
        self.running = False
        self.created.emit(database)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = False
        self.create_button.setEnabled(True)
        if isinstance(error, PlanmgrError):
            self.show_message(error.message)
        else:
            self.ops.report_error(self.tr("Creating the database"), error)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.show()

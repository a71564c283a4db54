"""A plan's documents in the editor: add (type and size checked at once), remove, open
with the system viewer. Added and removed files are kept as pending changes and written
with the plan when the editor saves (services.plan_attachments.apply_changes)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.errors import PlanmgrError
from planmgr.services import plan_attachments
from planmgr.services.blobs import MAX_BLOB_BYTES, human_size
from planmgr.services.plan_attachments import ALLOWED_SUFFIXES, ATTACHMENT_KINDS, PlanAttachment
from planmgr.ui import dialogs, theme
from planmgr.ui.ops import OpRunner

ModelIndex = QModelIndex | QPersistentModelIndex


def open_file(path: Path) -> bool:
    """Open ``path`` with the system's viewer (replaced in tests: it leaves the app)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def export_for_viewing(engine: Engine, attachment_uid: str) -> Path:
    """Write a stored document to a temporary copy the system viewer can open (a job)."""
    name, data = plan_attachments.attachment_data(engine, attachment_uid)
    folder = Path(tempfile.gettempdir()) / "planmgr-opened" / attachment_uid[:8]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_bytes(data)
    return target


def kind_text(kind: str) -> str:
    """The kind of a plan's attachment (``plan_attachments.ATTACHMENT_KINDS``) in the
    interface language; a kind written by a newer version as the service names it."""
    texts = {
        "text": QCoreApplication.translate("PlanAttachments", "Plan text"),
        "drafting_note": QCoreApplication.translate("PlanAttachments", "Drafting notes"),
        "review": QCoreApplication.translate("PlanAttachments", "Review opinions"),
        "risk": QCoreApplication.translate("PlanAttachments", "Risk assessment report"),
        "resources": QCoreApplication.translate("PlanAttachments", "Emergency resources survey"),
        "image": QCoreApplication.translate("PlanAttachments", "Image"),
        "other": QCoreApplication.translate("PlanAttachments", "Other"),
    }
    return texts.get(kind) or ATTACHMENT_KINDS.get(kind, kind)


@dataclass(frozen=True)
class DocumentItem:
    """A document in the list: stored (``uid``) or added in this edit (``path``)."""

    filename: str
    kind: str
    size: int
    uid: str | None = None
    path: Path | None = None

    @property
    def pending(self) -> bool:
        return self.uid is None


NAME, KIND, SIZE, STATE = range(4)


class AttachmentsModel(QAbstractTableModel):
    """The documents with pending additions and removals; ``edited`` on any change."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("State"))
        self._items: list[DocumentItem] = []
        self.removed: list[str] = []

    def load(self, stored: Sequence[PlanAttachment]) -> None:
        self.beginResetModel()
        self._items = [DocumentItem(a.filename, a.kind, a.size, uid=a.uid) for a in stored]
        self.removed = []
        self.endResetModel()

    def items(self) -> list[DocumentItem]:
        return list(self._items)

    def item(self, row: int) -> DocumentItem:
        return self._items[row]

    def pending(self) -> list[DocumentItem]:
        return [i for i in self._items if i.pending]

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.pending())

    def add(self, item: DocumentItem) -> None:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self._items.pop(row)
        self.endRemoveRows()
        if item.uid is not None:
            self.removed.append(item.uid)
        self.edited.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return item.filename
            if column == KIND:
                return kind_text(item.kind)
            if column == SIZE:
                return human_size(item.size)
            return self.tr("saved when the plan is saved") if item.pending else self.tr("stored")
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            suffix = Path(item.filename).suffix.lower()
            name = {".pdf": "file-pdf-box", ".docx": "file-word-outline", ".doc": "file-word-outline"}
            return theme.icon(name.get(suffix, "file-image-outline"))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QColor(theme.DUE_SOON if item.pending else theme.NEUTRAL)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return str(item.path) if item.path else item.filename
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


class AttachmentsEditor(QWidget):
    """The 附件 page of the plan editor."""

    edited = Signal()

    def __init__(self, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine: Engine | None = None
        self.model = AttachmentsModel(self)
        self.model.edited.connect(self.edited)
        hint = QLabel(
            self.tr(
                "The plan text and its scans: Word (docx, doc), PDF and images, each at most {size}. "
                "They are kept inside the database and go with the next published version."
            ).format(size=human_size(MAX_BLOB_BYTES))
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.view = QTableView()
        self.view.setObjectName("attachments")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((KIND, 130), (SIZE, 90), (STATE, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("By file type"), None)
        for kind in ATTACHMENT_KINDS:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.kind_combo.setToolTip(self.tr("Kind of the next file you add"))
        self.add_button = QPushButton(theme.icon("paperclip"), self.tr("Add file…"))
        self.open_button = QPushButton(theme.icon("open-in-new"), self.tr("Open"))
        self.remove_button = QPushButton(theme.icon("delete-outline"), self.tr("Remove"))
        self.add_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(lambda: self.open_row(self.selected_row()))
        self.remove_button.clicked.connect(lambda: self.model.remove(self.selected_row()))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Kind:")))
        buttons.addWidget(self.kind_combo)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.kind_combo.setEnabled(not read_only)
        self._read_only = read_only
        self._update_buttons()

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        selected = self.selected_row() >= 0
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and not getattr(self, "_read_only", False))

    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in ALLOWED_SUFFIXES)
        path = dialogs.pick_open_file(
            self,
            self.tr("Add a document to the plan"),
            self.tr("Plan documents ({patterns})").format(patterns=patterns),
        )
        if path is not None:
            self.add_file(path)

    def add_file(self, path: Path) -> bool:
        """Add ``path`` if its type and size are accepted; otherwise say why (nothing is read)."""
        try:
            size = path.stat().st_size
            name = plan_attachments.check_file(path.name, size)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Cannot add the file"), error.message)
            return False
        except OSError as error:
            dialogs.error(
                self,
                self.tr("Cannot add the file"),
                self.tr("The file cannot be read: {reason}").format(reason=error.strerror or str(error)),
            )
            return False
        kind = self.kind_combo.currentData() or plan_attachments.kind_for(name)
        self.model.add(DocumentItem(name, str(kind), size, path=path))
        return True

    def open_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        item = self.model.item(row)
        if item.path is not None:
            self._open(item.path)
            return
        if self.engine is None or item.uid is None:
            return
        self.ops.run(
            self.tr("Opening “{name}”").format(name=item.filename),
            partial(export_for_viewing, self.engine, item.uid),
            on_success=self._open,
            cancellable=False,
        )

    def _open(self, path: Path) -> None:
        if not open_file(path):
            dialogs.inform(
                self,
                self.tr("Open document"),
                self.tr(
                    "No program on this computer opens this kind of file. It was saved as:\n{path}"
                ).format(path=path),
            )

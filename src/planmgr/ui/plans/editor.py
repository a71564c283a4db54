"""The plan editor: basic facts, every content section, documents; saved through ``ops``.

Checks a user would otherwise learn about only from a refusal are made as they type: the
required fields, who may own a plan of this category and where it may sit in the
hierarchy (domain.hierarchy, with its Chinese reason). A stale save (someone else saved
the plan meanwhile) shows the conflict and leaves every field as the user typed it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain import lifecycle
from planmgr.domain.enums import PlanCategory, PlanStatus, UnitKind
from planmgr.domain.errors import ConflictError, PlanmgrError
from planmgr.domain.hierarchy import ALLOWED_OWNERS, ALLOWED_PARENTS, Placement, check_owner, check_parent
from planmgr.domain.i18n import join, paren
from planmgr.services import plan_attachments, plan_queries, plans, units
from planmgr.services.plans import MAX_TITLE, PlanDetail, PlanDraft, PlanSummary
from planmgr.ui import dialogs, theme
from planmgr.ui.ops import OpRunner
from planmgr.ui.plans.attachments import AttachmentsEditor
from planmgr.ui.plans.content_editors import ContentEditor
from planmgr.ui.plans.models import EventTypesModel, UnitChoice, UnitChoiceModel
from planmgr.ui.plans.picker import PlanPickerDialog
from planmgr.ui.plans.sizing import settle_size

# --------------------------------------------------------------------------- the job


@dataclass(frozen=True)
class SaveRequest:
    """Everything a save writes; built on the GUI thread, run by ``save_plan`` in a worker."""

    plan_uid: str | None
    expected_row_version: int | None
    draft: PlanDraft
    content_editable: bool
    parent_changed: bool
    added: tuple[tuple[Path, str], ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class SaveOutcome:
    summary: PlanSummary
    attachment_error: str | None = None


def save_plan(engine: Engine, request: SaveRequest) -> SaveOutcome:
    """Create or update the plan, then its documents (a job for ``ops``; no Qt)."""
    # Files are read and checked first, so a refused file stops the save before any write.
    files = [replace(plan_attachments.read_file(path), kind=kind) for path, kind in request.added]
    draft = request.draft
    if request.plan_uid is None:
        summary = plans.create_plan(engine, draft)
    else:
        changes: dict[str, Any] = {
            "title": draft.title,
            "event_types": list(draft.event_types),
            "note": draft.note,
        }
        if request.content_editable:
            changes["content"] = draft.content
        if request.parent_changed:
            changes["parent_uid"] = draft.parent_uid
        summary = plans.update_plan(
            engine, request.plan_uid, expected_row_version=request.expected_row_version, **changes
        )
    if files or request.removed:
        try:
            plan_attachments.apply_changes(engine, summary.uid, files, request.removed)
        except PlanmgrError as error:  # the plan is saved: say so, and what was not
            return SaveOutcome(summary, error.message)
    return SaveOutcome(summary)


# --------------------------------------------------------------------------- the dialog


@dataclass(frozen=True)
class _ParentChoice:
    uid: str
    title: str
    placement: Placement


def default_child_category(parent: PlanCategory | None) -> PlanCategory:
    """The first category that may sit under ``parent`` (tree order), another kind of plan
    than the parent where there is one (under an overall plan: a special plan)."""
    fitting = [c for c in PlanCategory if parent in ALLOWED_PARENTS[c]]
    others = [c for c in fitting if c is not parent]
    return (others or fitting or [PlanCategory.OVERALL])[0]


class PlanEditorDialog(QDialog):
    """``saved(PlanSummary)`` once the plan is written; opened with ``open()`` (not exec)."""

    saved = Signal(object)

    def __init__(
        self,
        ops: OpRunner,
        engine: Engine,
        *,
        plan_uid: str | None = None,
        parent_uid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine = engine
        self.plan_uid = plan_uid
        self.detail: PlanDetail | None = plans.get_plan(engine, plan_uid) if plan_uid else None
        self.row_version = self.detail.summary.row_version if self.detail else None
        self._dirty = False
        self._tried = False
        self._saving = False
        self.units = [
            UnitChoice(u.uid, u.name, u.kind, u.parent_name) for u in plan_queries.unit_entries(engine)
        ]
        self._unit_kinds = {u.uid: u.kind for u in self.units if u.uid is not None and u.kind is not None}
        self.setWindowTitle(self.tr("Edit plan") if plan_uid else self.tr("New plan"))
        self._build()
        self._load(parent_uid)
        self._connect_edits()
        self._check()
        settle_size(self, 980, 640)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(
            self.tr("e.g. 赤坎镇突发事件总体应急预案")  # zh-only: plan names are Chinese data
        )
        self.category_combo = QComboBox()
        for category in PlanCategory:
            self.category_combo.addItem(category.text, category.value)
        self.owner_combo = QComboBox()
        self.owner_combo.setEditable(True)
        self.owner_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner_combo.lineEdit().setPlaceholderText(self.tr("Choose the unit that drafts the plan"))
        self.owner_combo.setMinimumContentsLength(24)
        # Sized by that length, not by measuring thousands of unit names.
        self.owner_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.owner_model = UnitChoiceModel(self)
        self.owner_combo.setModel(self.owner_model)
        completer = QCompleter(self.owner_model, self.owner_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.owner_combo.setCompleter(completer)
        self.parent_label = QLabel()
        self.parent_label.setWordWrap(True)
        self.parent_button = QPushButton(theme.icon("file-tree-outline"), self.tr("Choose…"))
        self.parent_clear = QPushButton(theme.icon("close"), self.tr("No parent"))
        self.parent_button.clicked.connect(self.choose_parent)
        self.parent_clear.clicked.connect(lambda: self.set_parent(None))
        parent_row = QHBoxLayout()
        parent_row.addWidget(self.parent_label, 1)
        parent_row.addWidget(self.parent_button)
        parent_row.addWidget(self.parent_clear)
        self.hierarchy_hint = QLabel()
        self.hierarchy_hint.setWordWrap(True)
        self.hierarchy_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.events_model = EventTypesModel(self)
        self.events_view = QListView()
        self.events_view.setModel(self.events_model)
        self.events_view.setFlow(QListView.Flow.LeftToRight)
        self.events_view.setWrapping(True)
        self.events_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.events_view.setSpacing(2)
        self.events_view.setMaximumHeight(110)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(90)
        self.status_label = QLabel()

        basic = QWidget()
        basic_layout = QVBoxLayout(basic)
        basic_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        basic_layout.addLayout(form)
        basic_layout.addStretch(1)
        form.addRow(self.tr("Plan name *"), self.title_edit)
        form.addRow(self.tr("Category *"), self.category_combo)
        form.addRow(self.tr("Owner unit *"), self.owner_combo)
        form.addRow(self.tr("Parent plan"), parent_row)
        form.addRow("", self.hierarchy_hint)
        form.addRow(self.tr("Event types"), self.events_view)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.tr("Status"), self.status_label)

        self.content = ContentEditor()
        self.attachments = AttachmentsEditor(self.ops)
        self.attachments.engine = self.engine
        self.pages: dict[str, QWidget] = {
            "basic": basic,
            **self.content.pages,
            "attachments": self.attachments,
        }
        titles = {"basic": self.tr("Basic facts"), "attachments": self.tr("Documents")}
        self.nav = QListWidget()
        self.nav.setObjectName("editor-sections")
        self.nav.setFixedWidth(180)
        self.stack = QStackedWidget()
        for key, page in self.pages.items():
            item = QListWidgetItem(titles.get(key) or ContentEditor.section_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(160, 30))
            self.nav.addItem(item)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.nav.setToolTip(
            self.tr("★ marks sections whose change is a major revision (re-review and re-filing)")
        )

        self.read_only_note = QLabel()
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.read_only_note.hide()
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {theme.OVERDUE};")
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        right = QVBoxLayout()
        right.addWidget(self.read_only_note)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ loading

    def _load(self, parent_uid: str | None) -> None:
        self.parent_choice: _ParentChoice | None = None
        detail = self.detail
        if detail is None:
            parent = self._parent_choice(parent_uid) if parent_uid else None
            category = default_child_category(parent.placement.category if parent else None)
            self._set_category(category)
            self.parent_choice = parent
            if parent is not None and self._owner_allowed(parent.placement.owner_unit_uid, category):
                self._select_owner(parent.placement.owner_unit_uid)
            self.content.load({})
            self.status_label.setText(self.tr("new, not saved yet (drafting once saved)"))
        else:
            summary = detail.summary
            self.title_edit.setText(summary.title)
            self._set_category(summary.category)
            self._select_owner(summary.owner_unit_uid)
            # A plan keeps its category and owner; they decide which rules apply to it.
            self.category_combo.setEnabled(False)
            self.owner_combo.setEnabled(False)
            self.parent_choice = self._parent_choice(summary.parent_uid) if summary.parent_uid else None
            self.events_model.set_checked(list(summary.event_types))
            self.note_edit.setPlainText(detail.note or "")
            self.content.load(detail.content)
            self.attachments.model.load(plan_attachments.list_attachments(self.engine, summary.uid))
            version = summary.current_version.label if summary.current_version else self.tr("none")
            self.status_label.setText(
                self.tr("{status}; version in force: {version}").format(
                    status=summary.status.text, version=version
                )
            )
            if not lifecycle.editable(summary.status):
                self.content.set_read_only(True)
                self.read_only_note.setText(
                    self.tr(
                        "This plan is “{status}”: its content cannot be changed here. Start a revision "
                        "first (right-click the plan → Start revision), then publish a new version."
                    ).format(status=summary.status.text)
                )
                self.read_only_note.show()
            if summary.status is PlanStatus.ABOLISHED:
                self.attachments.set_read_only(True)
        self._initial_parent = self.parent_choice.uid if self.parent_choice else None
        self._show_parent()

    def _parent_choice(self, uid: str) -> _ParentChoice | None:
        try:
            parent = plans.get_plan(self.engine, uid).summary
        except PlanmgrError:
            return None
        kind = self._unit_kinds.get(parent.owner_unit_uid)
        if kind is None:
            kind = units.get_unit(self.engine, parent.owner_unit_uid).data.kind
        return _ParentChoice(
            parent.uid, parent.title, Placement(parent.category, parent.owner_unit_uid, kind, parent.title)
        )

    def _connect_edits(self) -> None:
        self.title_edit.textChanged.connect(self._edited)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self.owner_combo.currentIndexChanged.connect(self._edited)
        self.events_model.dataChanged.connect(self._edited)
        self.note_edit.textChanged.connect(self._edited)
        self.content.edited.connect(self._edited)
        self.attachments.edited.connect(self._edited)

    # ------------------------------------------------------------------ fields

    def category(self) -> PlanCategory:
        return PlanCategory(self.category_combo.currentData())

    def _set_category(self, category: PlanCategory) -> None:
        self.category_combo.blockSignals(True)
        self.category_combo.setCurrentIndex(self.category_combo.findData(category.value))
        self.category_combo.blockSignals(False)
        self._fill_owners(category)

    def set_category(self, category: PlanCategory) -> None:
        """Choose a category as the user does (the owner list follows)."""
        self.category_combo.setCurrentIndex(self.category_combo.findData(category.value))

    def _category_changed(self) -> None:
        self._fill_owners(self.category())
        self._edited()

    def _owner_allowed(self, unit_uid: str, category: PlanCategory) -> bool:
        kind = self._unit_kinds.get(unit_uid)
        return kind is not None and kind in ALLOWED_OWNERS[category]

    def _fill_owners(self, category: PlanCategory) -> None:
        """Only units that may own a plan of ``category`` (domain.hierarchy.ALLOWED_OWNERS)."""
        current = self.owner_uid()
        self.owner_combo.blockSignals(True)
        self.owner_model.set_units([u for u in self.units if u.kind in ALLOWED_OWNERS[category]])
        self.owner_combo.setCurrentIndex(self.owner_model.row_of(current) if current else -1)
        self.owner_combo.blockSignals(False)

    def owner_uid(self) -> str | None:
        if self.owner_combo.currentIndex() < 0:
            return None
        text = self.owner_combo.currentText().strip()
        if text and text != self.owner_combo.itemText(self.owner_combo.currentIndex()):
            return None  # typed something that is not a unit
        data = self.owner_combo.currentData()
        return str(data) if data else None

    def _select_owner(self, uid: str) -> None:
        index = self.owner_model.row_of(uid)
        if index < 0:  # a unit not normally allowed (old data): show it anyway
            unit = units.get_unit(self.engine, uid)
            index = self.owner_model.add(UnitChoice(uid, unit.data.name, unit.data.kind, unit.parent_name))
        self.owner_combo.setCurrentIndex(index)

    def select_owner(self, uid: str) -> None:
        """Choose the owner unit as the user does."""
        self.owner_combo.setCurrentIndex(self.owner_model.row_of(uid))

    def set_parent(self, choice: _ParentChoice | None) -> None:
        self.parent_choice = choice
        self._show_parent()
        self._edited()

    def set_parent_uid(self, uid: str | None) -> None:
        self.set_parent(self._parent_choice(uid) if uid else None)

    def _show_parent(self) -> None:
        if self.parent_choice is None:
            self.parent_label.setText(self.tr("(none — a top-level plan)"))
        else:
            self.parent_label.setText(
                paren(self.parent_choice.title, self.parent_choice.placement.category.text)
            )
        self.parent_clear.setEnabled(self.parent_choice is not None)

    def choose_parent(self) -> PlanPickerDialog:
        allowed = [c for c in PlanCategory if c in ALLOWED_PARENTS[self.category()]]
        picker = PlanPickerDialog(self.engine, allowed, exclude_uid=self.plan_uid, parent=self)
        picker.picked.connect(lambda row: self.set_parent_uid(row.uid))
        if self.parent_choice is not None:
            picker.select_uid(self.parent_choice.uid)
        picker.open()
        self.picker = picker
        return picker

    # ------------------------------------------------------------------ checks

    def _edited(self, *_args: Any) -> None:
        self._dirty = True
        self._check()

    def problems(self, *, all_of_them: bool = False) -> list[str]:
        """What stops a save, in Chinese; the required-field notes only once a save was tried."""
        found: list[str] = []
        required = all_of_them or self._tried
        if required and not " ".join(self.title_edit.text().split()):
            found.append(self.tr("Enter the plan name."))
        owner = self.owner_uid()
        category = self.category()
        if owner is None:
            if required:
                found.append(self.tr("Choose the owner unit (the unit that drafts the plan)."))
        elif self.category_combo.isEnabled():
            reason = check_owner(category, self._unit_kinds[owner])
            if reason:
                found.append(reason)
        parent = self.parent_choice.placement if self.parent_choice else None
        parent_changed = (self.parent_choice.uid if self.parent_choice else None) != self._initial_parent
        if self.detail is None or parent_changed:
            # Without an owner yet, the same-unit rule cannot be judged: assume the parent's unit.
            owner_key = owner or (parent.owner_unit_uid if parent else "")
            child = Placement(category, owner_key, self._unit_kinds.get(owner_key, UnitKind.OTHER))
            reason = check_parent(child, parent)
            if reason:
                found.append(reason)
        return found

    def _check(self) -> list[str]:
        allowed = [c.text for c in PlanCategory if c in ALLOWED_PARENTS[self.category()]]
        top = None in ALLOWED_PARENTS[self.category()]
        self.hierarchy_hint.setText(
            self.tr("A {category} sits under: {parents}{top}").format(
                category=self.category().text,
                parents=join(allowed) or self.tr("no other plan"),
                top=self.tr(", or at the top level") if top and allowed else "",
            )
        )
        found = self.problems()
        self.problems_label.setText("\n".join(found))
        self.problems_label.setVisible(bool(found))
        return found

    # ------------------------------------------------------------------ saving

    def request(self) -> SaveRequest:
        owner = self.owner_uid()
        assert owner is not None
        detail = self.detail
        editable = detail is None or lifecycle.editable(detail.summary.status)
        parent_uid = self.parent_choice.uid if self.parent_choice else None
        draft = PlanDraft(
            title=self.title_edit.text(),
            category=self.category(),
            owner_unit_uid=owner,
            parent_uid=parent_uid,
            event_types=self.events_model.checked(),
            content=self.content.content() if editable else dict(detail.content if detail else {}),
            note=self.note_edit.toPlainText().strip() or None,
        )
        return SaveRequest(
            plan_uid=self.plan_uid,
            expected_row_version=self.row_version,
            draft=draft,
            content_editable=editable,
            parent_changed=parent_uid != self._initial_parent,
            added=tuple((i.path, i.kind) for i in self.attachments.model.pending() if i.path is not None),
            removed=tuple(self.attachments.model.removed),
        )

    def save(self) -> None:
        if self._saving:
            return
        self._tried = True
        found = self._check()
        if found:
            self.nav.setCurrentRow(0)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.ops.run(
            self.tr("Saving the plan"),
            partial(save_plan, self.engine, self.request()),
            on_success=self._saved,
            on_failure=self._failed,
            show_errors=False,
            cancellable=False,
        )

    def _saved(self, outcome: SaveOutcome) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.saved.emit(outcome.summary)
        if outcome.attachment_error:
            # The plan is written; stay open on it so the documents can be added again.
            self.plan_uid = outcome.summary.uid
            self.detail = plans.get_plan(self.engine, outcome.summary.uid)
            self.row_version = outcome.summary.row_version
            self._initial_parent = outcome.summary.parent_uid
            self.attachments.model.load(plan_attachments.list_attachments(self.engine, outcome.summary.uid))
            dialogs.error(
                self,
                self.tr("Documents not saved"),
                self.tr("The plan was saved, but its documents were not: {reason}").format(
                    reason=outcome.attachment_error
                ),
            )
            return
        self._dirty = False
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(error, PlanmgrError):
            self.ops.report_error(self.tr("Saving the plan"), error)
            return
        # Nothing in the fields is touched: what the user typed stays for them to keep.
        self.problems_label.setText(error.message)
        self.problems_label.show()
        title = (
            self.tr("Changed by someone else") if isinstance(error, ConflictError) else self.tr("Cannot save")
        )
        dialogs.error(self, title, error.message)

    # ------------------------------------------------------------------ closing

    @property
    def dirty(self) -> bool:
        return self._dirty

    def reject(self) -> None:
        if self._saving:
            return
        if self._dirty and not dialogs.ask(
            self, self.tr("Discard changes?"), self.tr("The plan has unsaved changes. Close without saving?")
        ):
            return
        super().reject()

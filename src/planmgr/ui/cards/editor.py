"""The handling-card editor (应急处置卡): post and place, risks, ordered steps, precautions,
contacts with the default numbers, and "draft from plan" (GB/T 29639-2020 §8).

Saving goes through ``ops`` (DESIGN.md §4). When someone else saved the card in between,
the service refuses (``ConflictError``); the message is shown and the dialog stays open with
the user's text in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import PlanCategory
from planmgr.domain.errors import ConflictError, PlanmgrError
from planmgr.domain.i18n import paren
from planmgr.services import card_drafts, card_queries, cards
from planmgr.services.cards import CardData, CardInput
from planmgr.ui import dialogs, theme
from planmgr.ui.cards.models import ContactsModel, StepsModel
from planmgr.ui.cards.rows_table import MultilineDelegate, RowsEditor
from planmgr.ui.ops import OpRunner

NO_DATE = QDate(2000, 1, 1)
"""The issue date's minimum, shown as "not set"."""


@dataclass(frozen=True)
class NewCard:
    """Where a new card starts: its unit and, if known, its plan."""

    unit_uid: str | None = None
    plan_uid: str | None = None


def _qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _date(value: QDate) -> date | None:
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


class CardEditor(QDialog):
    """Edit one card (``card``), bring it up to date (``card`` + ``proposal``), or make a
    new one (``new``). ``saved`` carries the ``CardData`` once the save succeeded."""

    saved = Signal(object)

    def __init__(
        self,
        engine: Engine,
        ops: OpRunner,
        *,
        card: CardData | None = None,
        proposal: CardInput | None = None,
        new: NewCard | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.ops = ops
        self.card = card
        self.saving = False
        self._dirty = False
        self._based_on: str | None = None
        self.setWindowTitle(self.tr("Edit handling card") if card else self.tr("New handling card"))
        self.setWindowIcon(theme.icon("card-account-details-outline"))
        self.setMinimumSize(820, 560)
        self.resize(980, 660)  # fits a 1366×768 screen with its task bar
        self._build()
        self._load(card, proposal, new or NewCard())
        for signal in (
            self.title_edit.textEdited,
            self.post_edit.textEdited,
            self.place_edit.textEdited,
            self.number_edit.textEdited,
            self.version_edit.textEdited,
            self.risks_edit.textChanged,
            self.precautions_edit.textChanged,
            self.steps.dataChanged,
            self.steps.rowsInserted,
            self.steps.rowsRemoved,
            self.steps.rowsMoved,
            self.contacts.dataChanged,
            self.contacts.rowsInserted,
            self.contacts.rowsRemoved,
            self.contacts.rowsMoved,
        ):
            signal.connect(self._mark_dirty)
        self._dirty = proposal is not None

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Tank farm leak handling card"))
        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.setMinimumContentsLength(18)
        completer = QCompleter(self.unit_combo.model(), self.unit_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.unit_combo.setCompleter(completer)
        self.plan_combo = QComboBox()
        self.plan_combo.setMinimumContentsLength(24)
        self.draft_button = QPushButton(
            theme.icon("file-document-arrow-right-outline"), self.tr("Draft from plan")
        )
        self.draft_button.setToolTip(
            self.tr(
                "Fill risks, steps, precautions and contacts from the plan's version in force "
                "(risk description, duties, response and precautions of an on-site plan)"
            )
        )
        self.post_edit = QLineEdit()
        self.post_edit.setPlaceholderText(self.tr("e.g. Tank farm operator"))
        self.place_edit = QLineEdit()
        self.number_edit = QLineEdit()
        self.version_edit = QLineEdit()
        self.version_edit.setMaximumWidth(110)
        self.issued_edit = QDateEdit()
        self.issued_edit.setCalendarPopup(True)
        self.issued_edit.setDisplayFormat("yyyy-MM-dd")
        self.issued_edit.setMinimumDate(NO_DATE)
        self.issued_edit.setSpecialValueText(self.tr("not set"))

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Card title")), 0, 0)
        form.addWidget(self.title_edit, 0, 1, 1, 7)
        form.addWidget(QLabel(self.tr("Unit")), 1, 0)
        form.addWidget(self.unit_combo, 1, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Post")), 1, 4)
        form.addWidget(self.post_edit, 1, 5, 1, 3)
        form.addWidget(QLabel(self.tr("Plan")), 2, 0)
        form.addWidget(self.plan_combo, 2, 1, 1, 6)
        form.addWidget(self.draft_button, 2, 7)
        form.addWidget(QLabel(self.tr("Place")), 3, 0)
        form.addWidget(self.place_edit, 3, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Card no.")), 3, 4)
        form.addWidget(self.number_edit, 3, 5)
        form.addWidget(QLabel(self.tr("Version")), 4, 0)
        form.addWidget(self.version_edit, 4, 1)
        form.addWidget(QLabel(self.tr("Issued")), 4, 2)
        form.addWidget(self.issued_edit, 4, 3)
        for column, stretch in ((1, 1), (3, 2), (5, 2), (6, 1)):
            form.setColumnStretch(column, stretch)

        self.steps = StepsModel(self)
        self.steps_editor = RowsEditor(self.steps, self.tr("Add step"), self.tr("Remove step"))
        steps_table = self.steps_editor.table
        steps_table.setItemDelegateForColumn(StepsModel.ACTION, MultilineDelegate(steps_table))
        header = steps_table.horizontalHeader()
        header.setSectionResizeMode(StepsModel.ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(StepsModel.RESPONSIBLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(StepsModel.RESPONSIBLE, 170)
        steps_hint = QLabel(
            self.tr("Steps print in this order with a tick box. Drag a row or use the buttons to reorder.")
        )
        steps_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        steps_page = QWidget()
        steps_layout = QVBoxLayout(steps_page)
        steps_layout.addWidget(self.steps_editor, 1)
        steps_layout.addWidget(steps_hint)

        self.risks_edit = QPlainTextEdit()
        self.risks_edit.setPlaceholderText(
            self.tr("Hazards at this post: substances, equipment, possible accidents")
        )
        self.precautions_edit = QPlainTextEdit()
        self.precautions_edit.setPlaceholderText(self.tr("One precaution a line"))
        texts_page = QWidget()
        texts = QVBoxLayout(texts_page)
        texts.addWidget(QLabel(self.tr("Accident risks")))
        texts.addWidget(self.risks_edit, 1)
        texts.addWidget(QLabel(self.tr("Precautions")))
        texts.addWidget(self.precautions_edit, 1)

        self.contacts = ContactsModel(self)
        self.contacts_editor = RowsEditor(self.contacts, self.tr("Add contact"), self.tr("Remove contact"))
        self.defaults_button = QPushButton(theme.icon("phone-plus-outline"), self.tr("Add default numbers"))
        self.defaults_button.setToolTip(
            self.tr("119, 120, 110, 122, the unit's duty phone and the upper authority's, where missing")
        )
        self.contacts_editor.extra.insertWidget(4, self.defaults_button)
        contacts_header = self.contacts_editor.table.horizontalHeader()
        contacts_header.setSectionResizeMode(ContactsModel.NAME, QHeaderView.ResizeMode.Stretch)
        contacts_header.resizeSection(ContactsModel.PHONE, 180)
        contacts_header.resizeSection(ContactsModel.EXTERNAL, 70)

        self.tabs = QTabWidget()
        self.tabs.addTab(steps_page, theme.icon("format-list-numbered"), self.tr("Handling steps"))
        self.tabs.addTab(texts_page, theme.icon("alert-outline"), self.tr("Risks and precautions"))
        self.tabs.addTab(self.contacts_editor, theme.icon("phone-outline"), self.tr("Emergency contacts"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.plan_combo.currentIndexChanged.connect(self._plan_changed)
        self.draft_button.clicked.connect(self.draft_from_plan)
        self.defaults_button.clicked.connect(self.add_default_contacts)

    def _show_banner(self, text: str, colour: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"color: {colour}; border: 1px solid {colour}; border-radius: 3px; padding: 6px;"
        )
        self.banner.show()

    # ------------------------------------------------------------------ loading

    def _load(self, card: CardData | None, proposal: CardInput | None, new: NewCard) -> None:
        self.unit_combo.blockSignals(True)
        for choice in card_queries.unit_choices(self.engine):
            self.unit_combo.addItem(choice.name, choice.uid)
        self.unit_combo.blockSignals(False)
        if proposal is not None:
            data = proposal
        elif card is not None:
            data = card.to_input()
        else:
            unit_uid = new.unit_uid or self._first_unit()
            data = CardInput(
                title="",
                unit_uid=unit_uid or "",
                plan_uid=new.plan_uid,
                contacts=tuple(card_drafts.default_contacts(self.engine, unit_uid)) if unit_uid else (),
                issued_date=date.today(),
            )
        self._fill(data)
        self._based_on = data.based_on_version_uid
        if proposal is not None and card is not None:
            self._show_banner(
                self.tr(
                    "Risks, steps and precautions were drawn again from version {version} of the plan "
                    "in force. Check them, then save to bring this card up to date."
                ).format(version=card.plan_version_label or ""),
                theme.OK,
            )
        elif card is not None and card.stale:
            self._show_banner(
                self.tr(
                    "The plan changed since this card: the card follows version {old}, the plan's "
                    "version in force is {new}. Use “Draft from plan” or update it from the card list."
                ).format(old=card.based_on_version_label or "—", new=card.plan_version_label or ""),
                theme.DUE_SOON,
            )

    def _first_unit(self) -> str | None:
        from planmgr.services.settings import get_identity

        identity = get_identity(self.engine)
        if identity is not None:
            return identity.unit_uid
        uid = self.unit_combo.itemData(0)
        return str(uid) if uid else None

    def _fill(self, data: CardInput) -> None:
        self.title_edit.setText(data.title)
        index = self.unit_combo.findData(data.unit_uid)
        self.unit_combo.blockSignals(True)
        self.unit_combo.setCurrentIndex(index)
        self.unit_combo.blockSignals(False)
        self._load_plans(data.plan_uid)
        self.post_edit.setText(data.post)
        self.place_edit.setText(data.place)
        self.number_edit.setText(data.number or "")
        self.version_edit.setText(data.version_label)
        self.issued_edit.setDate(_qdate(data.issued_date))
        self.risks_edit.setPlainText(data.risks)
        self.precautions_edit.setPlainText(data.precautions)
        self.steps.set_steps(data.steps)
        self.contacts.set_contacts(data.contacts)

    def _load_plans(self, chosen: str | None) -> None:
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.plan_combo.addItem(self.tr("(no plan)"), None)
        unit_uid = self.unit_uid
        if unit_uid:
            try:
                choices = card_queries.plan_choices(self.engine, unit_uid)
            except PlanmgrError as error:
                dialogs.error(self, self.tr("Could not read the plans"), error.message)
                choices = []
            for choice in choices:
                category = PlanCategory(choice.category).text
                self.plan_combo.addItem(paren(choice.title, category), choice.uid)
                self.plan_combo.setItemData(
                    self.plan_combo.count() - 1, choice.title, Qt.ItemDataRole.ToolTipRole
                )
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(chosen), 0) if chosen else 0)
        self.plan_combo.blockSignals(False)
        self._plan_changed()

    @property
    def unit_uid(self) -> str | None:
        text, index = self.unit_combo.currentText(), self.unit_combo.currentIndex()
        if index < 0 or self.unit_combo.itemText(index) != text:  # typed, not picked
            index = self.unit_combo.findText(text, Qt.MatchFlag.MatchExactly)
        uid = self.unit_combo.itemData(index) if index >= 0 else None
        return str(uid) if uid else None

    @property
    def plan_uid(self) -> str | None:
        uid = self.plan_combo.currentData()
        return str(uid) if uid else None

    def _unit_changed(self) -> None:
        self._load_plans(None)
        self._mark_dirty()

    def _plan_changed(self) -> None:
        self._based_on = None  # a plan chosen anew: the card follows its version in force
        self.draft_button.setEnabled(self.plan_uid is not None)
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        self._dirty = True

    # ------------------------------------------------------------------ actions

    def current_input(self) -> CardInput:
        """What the user entered, as the service takes it."""
        return CardInput(
            title=self.title_edit.text(),
            unit_uid=self.unit_uid or "",
            plan_uid=self.plan_uid,
            post=self.post_edit.text(),
            place=self.place_edit.text(),
            risks=self.risks_edit.toPlainText(),
            precautions=self.precautions_edit.toPlainText(),
            steps=self.steps.steps(),
            contacts=self.contacts.contacts(),
            number=self.number_edit.text() or None,
            version_label=self.version_edit.text(),
            issued_date=_date(self.issued_edit.date()),
            based_on_version_uid=self._based_on,
        )

    def draft_from_plan(self) -> None:
        """Fill the card from the chosen plan (asks before replacing what is there)."""
        plan_uid = self.plan_uid
        if plan_uid is None:
            return
        has_content = bool(
            self.risks_edit.toPlainText().strip()
            or self.precautions_edit.toPlainText().strip()
            or any(step.action.strip() for step in self.steps.steps())
        )
        if has_content and not dialogs.ask(
            self,
            self.tr("Draft from plan"),
            self.tr(
                "Replace the risks, steps and precautions on this card with those of the plan? "
                "Contacts from the plan are added to the ones listed."
            ),
        ):
            return
        try:
            draft = card_drafts.draft_from_plan(
                self.engine, plan_uid, post=self.post_edit.text(), place=self.place_edit.text()
            )
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not draft from the plan"), error.message)
            return
        if not self.title_edit.text().strip():
            self.title_edit.setText(draft.title)
        self.risks_edit.setPlainText(draft.risks)
        self.precautions_edit.setPlainText(draft.precautions)
        self.steps.set_steps(draft.steps)
        kept = self.contacts.contacts()
        self.contacts.set_contacts(draft.contacts)
        self.contacts.add_missing(kept)
        self.version_edit.setText(draft.version_label)
        self.issued_edit.setDate(_qdate(draft.issued_date))
        self._based_on = draft.based_on_version_uid
        self._dirty = True
        self.tabs.setCurrentIndex(0)
        if not draft.steps:
            self._show_banner(
                self.tr("The plan has no response steps yet; add the steps by hand."), theme.DUE_SOON
            )

    def add_default_contacts(self) -> None:
        unit_uid = self.unit_uid
        if unit_uid is None:
            dialogs.inform(self, self.tr("Add default numbers"), self.tr("Choose the card's unit first."))
            return
        try:
            defaults = card_drafts.default_contacts(self.engine, unit_uid)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the unit"), error.message)
            return
        self.contacts.add_missing(defaults)

    def save(self) -> None:
        if self.saving:
            return
        data = self.current_input()
        if not data.unit_uid:
            dialogs.error(
                self,
                self.tr("Cannot save"),
                self.tr("Choose the unit the card belongs to from the list."),
            )
            return
        if self.card is None:
            job = partial(cards.create_card, self.engine, data)
        else:
            job = partial(
                cards.update_card,
                self.engine,
                self.card.uid,
                data,
                expected_row_version=self.card.row_version,
            )
        self.saving = True
        self.save_button.setEnabled(False)
        self.ops.run(
            self.tr("Saving the handling card"),
            job,
            on_success=self._saved,
            on_failure=self._save_failed,
            cancellable=False,
        )

    def _saved(self, card: CardData) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.card = card
        self._dirty = False
        self.saved.emit(card)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        # ops has shown the message; the user's text stays in the dialog.
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ConflictError):
            self._show_banner(
                self.tr(
                    "Not saved: someone else changed this card meanwhile. Your text is still here — copy "
                    "what you need, close this editor and open the card again."
                ),
                theme.OVERDUE,
            )

    def reject(self) -> None:
        if self.saving:
            return
        if self._dirty and not dialogs.ask(
            self, self.tr("Discard changes"), self.tr("Close the editor without saving your changes?")
        ):
            return
        super().reject()

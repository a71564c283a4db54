"""The unit editor: name, kind, parent, USCC checked as it is typed, region code, industry
and scale with the flags they set, key enterprise, address and contacts.

Saving runs ``services.units.create_unit``/``update_unit`` through ``ops``; a refusal
(``ValidationError``, ``ConflictError``) is shown in the dialog, which stays open with
everything the user typed.
"""

from __future__ import annotations

import logging
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import EnterpriseScale, Industry, UnitKind
from planmgr.domain.errors import PlanmgrError, ValidationError
from planmgr.domain.flags import flags_for
from planmgr.domain.i18n import paren
from planmgr.domain.rules import UnitFlag
from planmgr.domain.validators import validate_uscc
from planmgr.services import units as unit_service
from planmgr.services.units import UnitData, UnitRecord
from planmgr.ui import theme
from planmgr.ui.ops import OpRunner

log = logging.getLogger(__name__)

# Kinds a unit can sit under (the parent list of the editor).
PARENT_KINDS = (UnitKind.CITY, UnitKind.DEPARTMENT, UnitKind.TOWN, UnitKind.VILLAGE, UnitKind.OTHER)


def _read_only(box: QCheckBox) -> QCheckBox:
    """A check box that shows a value the user cannot change here (but reads normally)."""
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return box


class UnitEditor(QDialog):
    """New unit (``record`` None) or edit one; ``saved(UnitRecord)`` once it is written."""

    saved = Signal(object)

    def __init__(
        self,
        ops: OpRunner | None,
        engine: Engine,
        record: UnitRecord | None = None,
        *,
        parent_uid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine = engine
        self.record = record
        self.saving = False
        self.setWindowTitle(self.tr("Edit unit") if record else self.tr("New unit"))
        # An explicit minimum: messages appearing later do not resize the dialog.
        self.setMinimumSize(800, 600)  # the flag notes wrap to three lines in Chinese

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.kind = QComboBox()
        for kind in UnitKind:
            self.kind.addItem(kind.text, kind.value)
        self.parent_unit = QComboBox()
        self.parent_unit.setEditable(True)
        self.parent_unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.uscc = QLineEdit()
        self.uscc.setMaxLength(22)
        self.uscc.setPlaceholderText(self.tr("18 characters, optional"))
        self.uscc_hint = QLabel()
        self.uscc_hint.setWordWrap(True)
        self.region_code = QLineEdit()
        self.region_code.setMaxLength(12)
        self.region_code.setPlaceholderText(self.tr("e.g. 440783"))

        self.industry = QComboBox()
        self.industry.addItem(self.tr("(not set)"), "")
        for industry in Industry:
            self.industry.addItem(industry.text, industry.value)
        self.scale = QComboBox()
        self.scale.addItem(self.tr("(not set)"), "")
        for scale in EnterpriseScale:
            self.scale.addItem(scale.text, scale.value)
        self.must_file = _read_only(QCheckBox(UnitFlag.MUST_FILE.text))
        self.high_risk = _read_only(QCheckBox(UnitFlag.HIGH_RISK.text))
        self.listed_for_review = _read_only(QCheckBox(UnitFlag.LISTED_FOR_REVIEW.text))
        articles = {
            self.must_file: self.tr("files its plans with the authority (ENT Art.26)"),
            self.high_risk: self.tr("drills every 6 months (ENT Art.33; REG708 Art.8)"),
            self.listed_for_review: self.tr("plans reviewed, evaluated every 3 years (ENT Art.21, Art.35)"),
        }
        self.flag_notes: dict[QCheckBox, QLabel] = {}
        self.key_enterprise = QCheckBox(self.tr("Key enterprise"))

        self.address = QLineEdit()
        self.address.setMaxLength(300)
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(10)
        self.legal_rep = QLineEdit()
        self.legal_rep.setMaxLength(50)
        self.contact = QLineEdit()
        self.contact.setMaxLength(50)
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.duty_phone = QLineEdit()
        self.duty_phone.setMaxLength(40)

        basic = QGroupBox(self.tr("Unit"))
        form = QFormLayout(basic)
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Kind *"), self.kind)
        form.addRow(self.tr("Parent unit"), self.parent_unit)
        form.addRow(self.tr("Unified social credit code"), self.uscc)
        form.addRow("", self.uscc_hint)
        form.addRow(self.tr("Region code"), self.region_code)

        self.enterprise_box = QGroupBox(self.tr("Industry and flags"))
        choose = QFormLayout()
        choose.addRow(self.tr("Industry"), self.industry)
        choose.addRow(self.tr("Scale"), self.scale)
        flags = QVBoxLayout(self.enterprise_box)
        flags.addLayout(choose)
        flag_note = QLabel(self.tr("Set from industry and scale:"))
        flag_note.setStyleSheet(f"color: {theme.NEUTRAL};")
        flags.addWidget(flag_note)
        for box, article in articles.items():
            note = QLabel(article)
            note.setWordWrap(True)
            note.setContentsMargins(22, 0, 0, 4)
            note.setStyleSheet(f"color: {theme.NEUTRAL};")
            self.flag_notes[box] = note
            flags.addWidget(box)
            flags.addWidget(note)
        flags.addWidget(self.key_enterprise)
        flags.addStretch(1)

        contacts = QGroupBox(self.tr("Address and contacts"))
        grid = QGridLayout(contacts)
        for row, (label, widget, label2, widget2) in enumerate(
            (
                (self.tr("Address"), self.address, self.tr("Postcode"), self.postcode),
                (self.tr("Legal representative"), self.legal_rep, self.tr("Contact person"), self.contact),
                (self.tr("Phone"), self.phone, self.tr("Duty phone"), self.duty_phone),
            )
        ):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1)
            grid.addWidget(QLabel(label2), row, 2)
            grid.addWidget(widget2, row, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.OVERDUE};")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        top = QGridLayout()
        top.addWidget(basic, 0, 0)
        top.addWidget(self.enterprise_box, 0, 1)
        top.setColumnStretch(0, 3)
        top.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(contacts)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.industry.currentIndexChanged.connect(self._show_flags)
        self.scale.currentIndexChanged.connect(self._show_flags)
        self.uscc.textChanged.connect(self._check_uscc)
        self._load_parents()
        self._fill(record, parent_uid)

    # ------------------------------------------------------------------ filling

    def _load_parents(self) -> None:
        """Units this one can sit under (a quick read: governments, towns, villages, others)."""
        self.parent_unit.addItem(self.tr("(no parent unit)"), "")
        own = self.record.uid if self.record else None
        candidates = [
            unit
            for kind in PARENT_KINDS
            for unit in unit_service.find_units(self.engine, kind=kind)
            if unit.uid != own
        ]
        for unit in candidates:
            self.parent_unit.addItem(paren(unit.data.name, unit.data.kind.text), unit.uid)
        completer = QCompleter(self.parent_unit.model(), self.parent_unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.parent_unit.setCompleter(completer)

    def _fill(self, record: UnitRecord | None, parent_uid: str | None) -> None:
        data = record.data if record else None
        if data is None:
            self.kind.setCurrentIndex(self.kind.findData(UnitKind.ENTERPRISE.value))
            self._select(self.parent_unit, parent_uid or "")
            self._kind_changed()
            self._check_uscc()
            return
        self.name.setText(data.name)
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        self._select(self.parent_unit, data.parent_uid or "")
        self.uscc.setText(data.uscc or "")
        self.region_code.setText(data.region_code or "")
        self._select(self.industry, data.industry.value if data.industry else "")
        self._select(self.scale, data.scale.value if data.scale else "")
        self.key_enterprise.setChecked(data.key_enterprise)
        for widget, value in (
            (self.address, data.address),
            (self.postcode, data.postcode),
            (self.legal_rep, data.legal_rep),
            (self.contact, data.contact),
            (self.phone, data.phone),
            (self.duty_phone, data.duty_phone),
        ):
            widget.setText(value or "")
        self._kind_changed()
        self._check_uscc()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    # ------------------------------------------------------------------ live feedback

    def _kind_changed(self) -> None:
        enterprise = self.kind.currentData() == UnitKind.ENTERPRISE.value
        if not enterprise:  # only enterprises have an industry and scale (services.units)
            self.industry.setCurrentIndex(0)
            self.scale.setCurrentIndex(0)
            self.key_enterprise.setChecked(False)
        for widget in (self.industry, self.scale, self.key_enterprise):
            widget.setEnabled(enterprise)
        self._show_flags()

    def _show_flags(self) -> None:
        flags = flags_for(self.selected_industry(), self.selected_scale())
        self.must_file.setChecked(flags.must_file)
        self.high_risk.setChecked(flags.high_risk)
        self.listed_for_review.setChecked(flags.listed_for_review)

    def _check_uscc(self) -> None:
        text = self.uscc.text().strip()
        if not text:
            self.uscc_hint.setText(self.tr("Optional; checked as you type (GB 32100-2015)."))
            self.uscc_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
            return
        try:
            validate_uscc(text)
        except ValidationError as error:
            self.uscc_hint.setText(error.message)
            self.uscc_hint.setStyleSheet(f"color: {theme.OVERDUE};")
        else:
            self.uscc_hint.setText(self.tr("✓ The check character is correct."))
            self.uscc_hint.setStyleSheet(f"color: {theme.OK};")

    def selected_industry(self) -> Industry | None:
        value = self.industry.currentData()
        return Industry(value) if value else None

    def selected_scale(self) -> EnterpriseScale | None:
        value = self.scale.currentData()
        return EnterpriseScale(value) if value else None

    # ------------------------------------------------------------------ saving

    def parent_uid(self) -> str | None:
        """The parent chosen (by the list or by typing its entry in full); ``ValidationError``
        for a text that names no unit."""
        text = self.parent_unit.currentText().strip()
        index = self.parent_unit.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            if text:
                raise ValidationError(
                    self.tr("Parent unit not found: {name} (choose one from the list)").format(name=text)
                )
            return None
        return str(self.parent_unit.itemData(index) or "") or None

    def unit_data(self) -> UnitData:
        return UnitData(
            name=self.name.text(),
            kind=UnitKind(self.kind.currentData()),
            parent_uid=self.parent_uid(),
            uscc=self.uscc.text(),
            region_code=self.region_code.text(),
            industry=self.selected_industry(),
            scale=self.selected_scale(),
            key_enterprise=self.key_enterprise.isChecked(),
            address=self.address.text(),
            postcode=self.postcode.text(),
            legal_rep=self.legal_rep.text(),
            contact=self.contact.text(),
            phone=self.phone.text(),
            duty_phone=self.duty_phone.text(),
        )

    def save(self) -> None:
        if self.saving:
            return
        try:
            data = self.unit_data()
        except PlanmgrError as error:
            self.show_message(error.message)
            return
        if self.record is None:
            job = partial(unit_service.create_unit, self.engine, data)
            title = self.tr("Creating the unit")
        else:
            job = partial(
                unit_service.update_unit, self.engine, self.record.uid, data, self.record.row_version
            )
            title = self.tr("Saving the unit")
        self.message.hide()
        if self.ops is None:
            try:
                self._saved(job())
            except PlanmgrError as error:
                self.show_message(error.message)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.ops.run(
            title, job, on_success=self._saved, on_failure=partial(self._failed, title), show_errors=False
        )

    def _saved(self, record: UnitRecord) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.record = record
        self.saved.emit(record)
        self.accept()

    def _failed(self, title: str, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, PlanmgrError):  # refused: say why, keep what the user typed
            self.show_message(error.message)
        elif self.ops is not None:
            self.ops.report_error(title, error)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

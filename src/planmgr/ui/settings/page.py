"""设置: this database's own unit and mode, region rule overrides (cycles, deadlines,
due-soon window), holiday tables for years the calendar does not know, the filing-number
pattern, and the interface language (this computer's preference).

Database settings are read on the GUI thread (a few small queries) and written through
``ops``; after a write ``data_changed`` tells the main window that the other pages (the
dashboard's due list) must read again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import DatabaseMode, UnitKind
from planmgr.domain.errors import PlanmgrError, ValidationError
from planmgr.domain.i18n import paren
from planmgr.domain.rules import DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS
from planmgr.services import filing_reply, region_rules, settings, units
from planmgr.ui import dialogs, prefs, theme
from planmgr.ui.ops import OpRunner
from planmgr.ui.settings import jobs
from planmgr.ui.settings.holidays import format_days, parse_days
from planmgr.ui.settings.rules_model import (
    DEFAULT,
    ENABLED,
    KIND,
    SOURCE,
    TITLE,
    VALUE,
    PeriodDelegate,
    RuleTableModel,
)
from planmgr.ui.texts import enum_text
from planmgr.ui.widgets import PageHeader, fitted_width

log = logging.getLogger(__name__)

OFFICE_KINDS = (UnitKind.CITY, UnitKind.DEPARTMENT, UnitKind.TOWN, UnitKind.VILLAGE, UnitKind.OTHER)
# Each language by its own name, so whoever reads only one of them finds it.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}  # zh-only: the language's own name


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.NEUTRAL};")
    return label


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class SettingsPage(QWidget):
    """``data_changed``: a database setting was written (due dates may have changed)."""

    data_changed = Signal()

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine: Engine | None = None
        self.app_settings: QSettings | None = None
        self.region_code = ""
        self.identity: settings.Identity | None = None
        self.stored_pattern: str | None = None
        self._stored_due_soon = DEFAULT_DUE_SOON_DAYS
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_identity(), theme.icon("domain"), self.tr("Own unit"))
        self.tabs.addTab(self._build_rules(), theme.icon("calendar-clock"), self.tr("Due rules"))
        self.tabs.addTab(self._build_holidays(), theme.icon("calendar-star"), self.tr("Holidays"))
        self.tabs.addTab(self._build_number(), theme.icon("numeric"), self.tr("Filing numbers"))
        self.tabs.addTab(self._build_language(), theme.icon("translate"), self.tr("Language"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(PageHeader(self.tr("Settings")))
        layout.addWidget(self.tabs, 1)
        self._enable(False)

    # ------------------------------------------------------------------ building

    def _build_identity(self) -> QWidget:
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.mode = QComboBox()
        for mode in DatabaseMode:
            self.mode.addItem(mode.text, mode.value)
        self.own_unit = QComboBox()
        self.own_unit.setMinimumWidth(360)
        self.identity_save = QPushButton(theme.icon("content-save-outline"), self.tr("Save"))
        self.identity_save.clicked.connect(self.save_identity)
        self.mode.currentIndexChanged.connect(self._fill_candidates)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Own unit"), self.own_unit)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(self.identity_label)
        layout.addWidget(
            _note(
                self.tr(
                    "The own unit is the unit this database belongs to: an emergency office (city, "
                    "department, town) or, in enterprise mode, an enterprise. Filing packages are sent "
                    "in its name. Add it on the Units page first if it is not in the list."
                )
            )
        )
        layout.addLayout(form)
        layout.addLayout(_buttons(self.identity_save))
        layout.addStretch(1)
        return box

    def _build_rules(self) -> QWidget:
        self.rules_model = RuleTableModel(self)
        self.rules_view = QTableView()
        self.rules_view.setModel(self.rules_model)
        self.rules_view.setItemDelegateForColumn(VALUE, PeriodDelegate(self.rules_view))
        self.rules_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.rules_view.setWordWrap(False)
        self.rules_view.verticalHeader().hide()
        header = self.rules_view.horizontalHeader()
        longest = self.rules_model.longest_texts()
        widths = (
            (TITLE, 250),
            (KIND, fitted_width(self.rules_view, longest[KIND], least=70, most=150)),
            (DEFAULT, fitted_width(self.rules_view, longest[DEFAULT], least=130, most=220)),
            (VALUE, fitted_width(self.rules_view, longest[VALUE], least=140, most=220)),
            (ENABLED, 50),
        )
        for column, width in widths:
            header.resizeSection(column, width)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, MAX_DUE_SOON_DAYS)
        self.due_soon.setSuffix(self.tr(" days"))
        self.due_soon_note = _note(
            self.tr("Default: {days} days. Items due within this window are shown as due soon.").format(
                days=DEFAULT_DUE_SOON_DAYS
            )
        )
        self.rules_state = QLabel()
        self.rules_state.setStyleSheet(f"color: {theme.ACCENT};")
        self.rules_reset = QPushButton(theme.icon("backup-restore"), self.tr("Default for selected rule"))
        self.rules_reset.clicked.connect(self.reset_selected_rule)
        self.rules_revert = QPushButton(theme.icon("undo"), self.tr("Discard changes"))
        self.rules_revert.clicked.connect(self.load_rules)
        self.rules_save = QPushButton(theme.icon("content-save-outline"), self.tr("Save"))
        self.rules_save.clicked.connect(self.save_rules)
        self.rules_model.dataChanged.connect(self._rules_edited)
        self.due_soon.valueChanged.connect(self._rules_edited)
        window = QHBoxLayout()
        window.addWidget(QLabel(self.tr("Due soon window")))
        window.addWidget(self.due_soon)
        window.addWidget(self.due_soon_note, 1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(
            _note(
                self.tr(
                    "Cycles and deadlines of the due list, with the regulation each one comes from. "
                    "Where your region sets its own (many set a 12-month evaluation for towns and "
                    'villages), double-click the value in "In this database" to change it, then save. '
                    "Bold: differs from the default."
                )
            )
        )
        layout.addWidget(self.rules_view, 1)
        layout.addLayout(window)
        bottom = _buttons(self.rules_reset, self.rules_revert, self.rules_save)
        bottom.insertWidget(0, self.rules_state)
        layout.addLayout(bottom)
        return box

    def _build_holidays(self) -> QWidget:
        known = region_rules.builtin_calendar_years()
        self.builtin_years = known
        self.year = QSpinBox()
        self.year.setRange(1900, 2200)
        self.year.setValue(known.stop)
        self.year.setGroupSeparatorShown(False)
        self.year.valueChanged.connect(self._show_year)
        self.entered_years = QLabel()
        self.holiday_text = QPlainTextEdit()
        self.holiday_text.setPlaceholderText(
            self.tr("e.g.\n1月1日\n2月5日至2月12日\n10-1~10-7")  # zh-only: the notice's date formats
        )
        self.workday_text = QPlainTextEdit()
        self.workday_text.setPlaceholderText(
            self.tr("e.g.\n2月1日\n9月26日")  # zh-only: the notice's date formats
        )
        self.holiday_state = QLabel()
        self.holiday_state.setWordWrap(True)
        self.holiday_delete = QPushButton(theme.icon("delete-outline"), self.tr("Delete this year"))
        self.holiday_delete.clicked.connect(self.delete_holiday_year)
        self.holiday_save = QPushButton(theme.icon("content-save-outline"), self.tr("Save this year"))
        self.holiday_save.clicked.connect(self.save_holidays)
        self.holiday_text.textChanged.connect(self._check_holidays)
        self.workday_text.textChanged.connect(self._check_holidays)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.entered_years, 1)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Days off (holidays)")), 0, 0)
        grid.addWidget(QLabel(self.tr("Make-up working days (weekends worked)")), 0, 1)
        grid.addWidget(self.holiday_text, 1, 0)
        grid.addWidget(self.workday_text, 1, 1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(
            _note(
                self.tr(
                    "Filing and publication deadlines count working days. The built-in calendar knows "
                    "the holidays of {first} to {last}. For a later year, enter the State Council's "
                    "holiday arrangement here: one date or range per line. Until then such a year is "
                    "counted Monday to Friday and its due dates are marked as estimated."
                ).format(first=known.start, last=known.stop - 1)
            )
        )
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        bottom = _buttons(self.holiday_delete, self.holiday_save)
        bottom.insertWidget(0, self.holiday_state, 1)
        layout.addLayout(bottom)
        return box

    def _build_number(self) -> QWidget:
        self.pattern = QLineEdit()
        self.pattern.setMinimumWidth(360)
        self.pattern.textChanged.connect(self._preview_number)
        self.pattern_preview = QLabel()
        self.pattern_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pattern_default = QPushButton(theme.icon("backup-restore"), self.tr("Default"))
        self.pattern_default.clicked.connect(
            lambda: self.pattern.setText(filing_reply.DEFAULT_NUMBER_PATTERN)
        )
        self.pattern_save = QPushButton(theme.icon("content-save-outline"), self.tr("Save"))
        self.pattern_save.clicked.connect(self.save_number_pattern)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Pattern"), self.pattern)
        form.addRow(self.tr("Example"), self.pattern_preview)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addWidget(
            _note(
                self.tr(
                    "Filing numbers given when a filing is registered. There is no national "
                    "format: build yours from {region} (the own unit's region code), {year} and {seq} "
                    "(the serial number of the year; {seq:04d} pads it to 4 digits)."
                )
            )
        )
        layout.addLayout(form)
        layout.addLayout(_buttons(self.pattern_default, self.pattern_save))
        layout.addStretch(1)
        return box

    def _build_language(self) -> QWidget:
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_state = _note()
        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.language)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(self.language_state)
        layout.addStretch(1)
        self.use_settings(None)
        return box

    # ------------------------------------------------------------------ page protocol

    def use_settings(self, app_settings: QSettings | None) -> None:
        """This computer's preferences (the main window's QSettings; else the app's ini file)."""
        self.app_settings = app_settings
        settings_file = app_settings if app_settings is not None else prefs.app_settings(self)
        language = prefs.language(settings_file)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language.blockSignals(False)
        self.language_state.setText(self.tr("Takes effect the next time planmgr starts."))

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.refresh()

    def refresh(self) -> None:
        """Read every setting again (unsaved edits are dropped)."""
        self._enable(self.engine is not None)
        if self.engine is None:
            return
        try:
            self.load_identity()
            self.load_rules()
            self._show_year()
            self.load_number_pattern()
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the settings"), error.message)

    def save(self) -> None:
        """Ctrl+S: save what the current tab shows."""
        current = self.tabs.currentIndex()
        action: Callable[[], None] | None = {
            0: self.save_identity,
            1: self.save_rules,
            2: self.save_holidays,
            3: self.save_number_pattern,
        }.get(current)
        if action is not None:
            action()

    def _enable(self, on: bool) -> None:
        for index in range(4):
            self.tabs.widget(index).setEnabled(on)

    # ------------------------------------------------------------------ writing

    def _run(self, title: str, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """One write through ops; refusals are shown by the one error place of ``ops``."""
        if self.ops is None:
            try:
                result = job()
            except PlanmgrError as error:
                dialogs.error(self, title, error.message)
                return
            self._written(done, result)
            return
        self.ops.run(title, job, on_success=partial(self._written, done), cancellable=False)

    def _written(self, done: Callable[[Any], None], result: Any) -> None:
        if not shiboken6.isValid(self):
            return
        done(result)
        self.data_changed.emit()

    # ------------------------------------------------------------------ identity

    def load_identity(self) -> None:
        assert self.engine is not None
        identity = settings.get_identity(self.engine)
        self.identity = identity
        self.region_code = ""
        if identity is None:
            self.identity_label.setText(self.tr("This database has no own unit yet: choose it below."))
            self.identity_label.setStyleSheet(f"color: {theme.DUE_SOON};")
        else:
            self.identity_label.setText(
                self.tr("Own unit: {name} ({kind}); mode: {mode}").format(
                    name=identity.unit_name,
                    kind=enum_text(UnitKind, identity.unit_kind),
                    mode=identity.mode.text,
                )
            )
            self.identity_label.setStyleSheet("")
            try:
                self.region_code = units.get_unit(self.engine, identity.unit_uid).data.region_code or ""
            except PlanmgrError:
                self.region_code = ""
        mode = identity.mode if identity else DatabaseMode.OFFICE
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(max(self.mode.findData(mode.value), 0))
        self.mode.blockSignals(False)
        self._fill_candidates()

    def _fill_candidates(self) -> None:
        if self.engine is None:
            return
        enterprise = self.mode.currentData() == DatabaseMode.ENTERPRISE.value
        kinds = (UnitKind.ENTERPRISE,) if enterprise else OFFICE_KINDS
        current = self.own_unit.currentData() or (self.identity.unit_uid if self.identity else "")
        self.own_unit.clear()
        try:
            candidates = [u for kind in kinds for u in units.find_units(self.engine, kind=kind)]
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the settings"), error.message)
            candidates = []
        for unit in candidates:
            self.own_unit.addItem(paren(unit.data.name, unit.data.kind.text), unit.uid)
        self.own_unit.setCurrentIndex(max(self.own_unit.findData(current), 0))
        self.identity_save.setEnabled(bool(candidates))
        if not candidates:
            self.own_unit.addItem(self.tr("(no unit of this kind: add it on the Units page)"), "")

    def save_identity(self) -> None:
        uid = self.own_unit.currentData()
        if self.engine is None or not uid:
            return
        mode = DatabaseMode(self.mode.currentData())
        self._run(
            self.tr("Saving the own unit"),
            partial(jobs.save_identity, self.engine, uid, mode),
            lambda _name: self.load_identity(),
        )

    # ------------------------------------------------------------------ rules

    def load_rules(self) -> None:
        if self.engine is None:
            return
        self.rules_model.set_rules(region_rules.rule_settings(self.engine))
        self.due_soon.blockSignals(True)
        self.due_soon.setValue(region_rules.get_due_soon_days(self.engine))
        self.due_soon.blockSignals(False)
        self._stored_due_soon = self.due_soon.value()
        self._rules_edited()

    def _rules_edited(self) -> None:
        changed = bool(self.rules_model.pending) or self.due_soon.value() != self._stored_due_soon
        self.rules_state.setText(self.tr("Unsaved changes") if changed else "")
        self.rules_save.setEnabled(changed)
        self.rules_revert.setEnabled(changed)

    def reset_selected_rule(self) -> None:
        index = self.rules_view.currentIndex()
        if index.isValid():
            self.rules_model.reset(index.row())

    def save_rules(self) -> None:
        if self.engine is None:
            return
        if self.rules_view.state() == QAbstractItemView.State.EditingState:
            current = self.rules_view.currentIndex()  # leaving the cell commits what is typed
            self.rules_view.setCurrentIndex(QModelIndex())
            self.rules_view.setCurrentIndex(current)
        edits = [
            jobs.RuleEdit(rule_id, change.value, change.enabled, change.reset)
            for rule_id, change in self.rules_model.pending.items()
        ]
        window = self.due_soon.value()
        due_soon = window if window != self._stored_due_soon else None
        if not edits and due_soon is None:
            return
        self._run(
            self.tr("Saving the due rules"),
            partial(jobs.save_rules, self.engine, edits, due_soon),
            lambda _count: self.load_rules(),
        )

    # ------------------------------------------------------------------ holidays

    def _show_year(self) -> None:
        if self.engine is None:
            return
        year = self.year.value()
        tables = {t.year: t for t in region_rules.holiday_tables(self.engine)}
        entered = sorted(tables)
        self.entered_years.setText(
            self.tr("Entered: {years}").format(years=", ".join(map(str, entered)))
            if entered
            else self.tr("No year entered yet.")
        )
        table = tables.get(year)
        self.holiday_text.setPlainText(format_days(table.holidays) if table else "")
        self.workday_text.setPlainText(format_days(table.workdays) if table else "")
        self.holiday_delete.setEnabled(table is not None)
        builtin = year in self.builtin_years
        self.holiday_text.setReadOnly(builtin)
        self.workday_text.setReadOnly(builtin)
        self._check_holidays()

    def _parsed_holidays(self) -> tuple[list[date], list[date]]:
        year = self.year.value()
        return parse_days(self.holiday_text.toPlainText(), year), parse_days(
            self.workday_text.toPlainText(), year
        )

    def _check_holidays(self) -> None:
        year = self.year.value()
        if year in self.builtin_years:
            self._holiday_state(
                self.tr("The built-in calendar already knows {year}: nothing to enter.").format(year=year),
                theme.NEUTRAL,
            )
            self.holiday_save.setEnabled(False)
            return
        try:
            holidays, workdays = self._parsed_holidays()
        except ValidationError as error:
            self._holiday_state(error.message, theme.OVERDUE)
            self.holiday_save.setEnabled(False)
            return
        self.holiday_save.setEnabled(bool(holidays or workdays))
        self._holiday_state(
            self.tr("{off} days off, {on} make-up working days").format(off=len(holidays), on=len(workdays)),
            theme.NEUTRAL,
        )

    def _holiday_state(self, text: str, colour: str) -> None:
        self.holiday_state.setText(text)
        self.holiday_state.setStyleSheet(f"color: {colour};")

    def save_holidays(self) -> None:
        if self.engine is None:
            return
        try:
            holidays, workdays = self._parsed_holidays()
        except ValidationError as error:
            self._holiday_state(error.message, theme.OVERDUE)
            return
        self._run(
            self.tr("Saving the holidays of {year}").format(year=self.year.value()),
            partial(jobs.save_holidays, self.engine, self.year.value(), holidays, workdays),
            lambda _year: self._show_year(),
        )

    def delete_holiday_year(self) -> None:
        if self.engine is None:
            return
        year = self.year.value()
        if not dialogs.ask(
            self,
            self.tr("Delete the holidays"),
            self.tr(
                "Delete the holidays entered for {year}? Its working days are then counted Monday to Friday."
            ).format(year=year),
        ):
            return
        self._run(
            self.tr("Deleting the holidays of {year}").format(year=year),
            partial(jobs.delete_holidays, self.engine, year),
            lambda _year: self._show_year(),
        )

    # ------------------------------------------------------------------ filing numbers

    def load_number_pattern(self) -> None:
        assert self.engine is not None
        self.stored_pattern = filing_reply.number_pattern(self.engine)
        self.pattern.setText(self.stored_pattern)
        self._preview_number()

    def _preview_number(self) -> None:
        region = self.region_code or "0000"  # as registering does without a region code
        try:
            first = filing_reply.format_number(self.pattern.text().strip(), region, date.today().year, 1)
        except ValidationError as error:
            self.pattern_preview.setText(error.message)
            self.pattern_preview.setStyleSheet(f"color: {theme.OVERDUE};")
            self.pattern_save.setEnabled(False)
            return
        second = filing_reply.format_number(self.pattern.text().strip(), region, date.today().year, 2)
        self.pattern_preview.setText(self.tr("{first}, then {second}").format(first=first, second=second))
        self.pattern_preview.setStyleSheet(f"color: {theme.OK};")
        self.pattern_save.setEnabled(self.pattern.text().strip() != self.stored_pattern)

    def save_number_pattern(self) -> None:
        if self.engine is None or not self.pattern_save.isEnabled():
            return
        self._run(
            self.tr("Saving the filing-number pattern"),
            partial(jobs.save_number_pattern, self.engine, self.pattern.text()),
            lambda _pattern: self.load_number_pattern(),
        )

    # ------------------------------------------------------------------ language

    def _language_chosen(self) -> None:
        settings_file = self.app_settings if self.app_settings is not None else prefs.app_settings(self)
        prefs.set_language(settings_file, str(self.language.currentData()))
        settings_file.sync()
        self.language_state.setText(self.tr("Saved. Takes effect the next time planmgr starts."))

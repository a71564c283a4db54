"""The formal check (形式审查) of a submitted package and the answer: register it under a
备案编号 or return it listing everything missing at once (一次性告知) — ENT Art.28.

The check items are DOMAIN.md §5's; the return list starts from the materials not provided
and the items found wanting, and stays editable. The answer is written through ``ops``;
then the 备案登记表 or the 一次性告知书 is offered for printing.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import FilingStatus
from planmgr.domain.i18n import commas, paren
from planmgr.services.filing_stats import FORMAL_CHECK_ITEMS, FilingRow, formal_check_items
from planmgr.services.filings import material_text
from planmgr.ui import dialogs, theme
from planmgr.ui.ops import OpRunner


class FormalCheckDialog(QDialog):
    """Check a submission (and the rest of its package) and answer it."""

    answered = Signal(str, str)  # "filed" | "returned", the filing uid

    def __init__(
        self,
        ops: OpRunner | None,
        engine: Engine,
        group: Sequence[FilingRow],
        suggested_number: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine = engine
        self.group = list(group)
        self.row = group[0]
        self.setWindowTitle(self.tr("Formal check — {unit}").format(unit=self.row.unit_name))
        # An explicit minimum keeps the layout from resizing the shown window (fits 1366×768).
        self.setMinimumSize(820, 560)
        self.resize(980, 620)

        self.info = info = QLabel(self._info_html())
        info.setWordWrap(True)
        info.setTextFormat(Qt.TextFormat.RichText)

        recorded = {
            str(r.get("item")): r for r in self.row.check_results.get("formal", []) if isinstance(r, dict)
        }
        check_box = QGroupBox(self.tr("Formal check items"))
        grid = QGridLayout(check_box)
        grid.setColumnStretch(2, 1)
        self.checks: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        # The Chinese item is the key the result is stored under (and what the printed form
        # and the return notice say); the box shows it in the interface language.
        shown = formal_check_items()
        for i, ((item, _), (text, need)) in enumerate(zip(FORMAL_CHECK_ITEMS, shown, strict=True)):
            check = QCheckBox(text)
            check.setToolTip(need)
            check.setChecked(recorded.get(item, {}).get("ok") is True)
            hint = QLabel(need)
            hint.setStyleSheet(f"color: {theme.NEUTRAL};")
            note = QLineEdit(str(recorded.get(item, {}).get("note") or ""))
            note.setPlaceholderText(self.tr("What is wrong (when it does not pass)"))
            check.toggled.connect(self._checks_changed)
            note.textChanged.connect(self._checks_changed)
            grid.addWidget(check, i, 0)
            grid.addWidget(hint, i, 1)
            grid.addWidget(note, i, 2)
            self.checks[item] = check
            self.notes[item] = note
        self.all_ok_button = QPushButton(self.tr("All items pass"))
        self.all_ok_button.clicked.connect(self._all_ok)
        grid.addWidget(self.all_ok_button, len(FORMAL_CHECK_ITEMS), 0, 1, 3, Qt.AlignmentFlag.AlignLeft)

        register_box = QGroupBox(self.tr("Register (filed)"))
        register_layout = QVBoxLayout(register_box)
        number_row = QHBoxLayout()
        number_row.addWidget(QLabel(self.tr("Filing number:")))
        self.number_edit = QLineEdit(suggested_number)
        self.number_edit.setToolTip(self.tr("Made from the region's numbering pattern; you may change it."))
        number_row.addWidget(self.number_edit, 1)
        register_layout.addLayout(number_row)
        self.register_hint = QLabel()
        self.register_hint.setWordWrap(True)
        register_layout.addWidget(self.register_hint)
        self.register_button = QPushButton(
            theme.icon("check-decagram-outline", theme.OK), self.tr("Register…")
        )
        self.register_button.clicked.connect(self.register)
        register_layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignRight)

        return_box = QGroupBox(self.tr("Return for completion (one-time notice)"))
        return_layout = QVBoxLayout(return_box)
        return_layout.addWidget(QLabel(self.tr("Everything missing, one item a line:")))
        self.missing_edit = QPlainTextEdit()
        self.missing_edit.textChanged.connect(self._missing_edited)
        return_layout.addWidget(self.missing_edit, 1)
        self.return_note = QLineEdit()
        self.return_note.setPlaceholderText(self.tr("Note to the enterprise (optional)"))
        return_layout.addWidget(self.return_note)
        self.return_button = QPushButton(theme.icon("undo-variant", theme.OVERDUE), self.tr("Return…"))
        self.return_button.clicked.connect(self.return_)
        return_layout.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignRight)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(info)
        left.addWidget(check_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(register_box)
        right.addWidget(return_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(close)

        self._generated = ""
        self._auto_missing = True
        self._checks_changed()

    # ------------------------------------------------------------------ content

    def _info_html(self) -> str:
        r = self.row
        plans = "".join(
            f"<li>{html.escape(paren(g.plan_title, commas((g.version_label, g.plan_category.text))))}</li>"
            for g in self.group
        )
        materials = "<br/>".join(
            (
                f'<span style="color:{theme.OK}">✓</span> '
                if m.provided
                else f'<span style="color:{theme.OVERDUE}">✗</span> '
            )
            + html.escape(material_text(m.item))
            + (f" — {html.escape(m.filename)}" if m.filename else "")
            for m in r.materials
        )
        facts = self.tr("Submitted {submitted}, check due by {due}; fingerprint {fingerprint}").format(
            submitted=r.submitted_date.isoformat() if r.submitted_date else "—",
            due=r.check_due.isoformat() if r.check_due else "—",
            fingerprint=r.fingerprint or "—",
        )
        heading = self.tr("Materials")
        return (
            f"<b>{html.escape(r.unit_name)}</b>{html.escape(paren('', r.unit_uscc or '—'))}"
            f"<br/>{html.escape(facts)}"
            f"<ol>{plans}</ol><b>{html.escape(heading)}</b><br/>{materials}"
        )

    def results(self) -> dict[str, bool]:
        return {item: check.isChecked() for item, check in self.checks.items()}

    def note_texts(self) -> dict[str, str]:
        return {item: edit.text().strip() for item, edit in self.notes.items() if edit.text().strip()}

    def suggested_missing(self) -> list[str]:
        """Materials not provided and check items that do not pass (with their notes)."""
        items = [m.item for m in self.row.materials if not m.provided]
        for item, check in self.checks.items():
            if not check.isChecked():
                note = self.notes[item].text().strip()
                items.append(f"{item}：{note}" if note else item)
        return list(dict.fromkeys(items))

    def missing_items(self) -> list[str]:
        lines = (line.strip() for line in self.missing_edit.toPlainText().splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def _all_ok(self) -> None:
        for check in self.checks.values():
            check.setChecked(True)

    def _checks_changed(self) -> None:
        all_ok = all(check.isChecked() for check in self.checks.values())
        provided = all(m.provided for m in self.row.materials)
        self.register_button.setEnabled(all_ok)
        if not all_ok:
            self.register_hint.setText(self.tr("Registering needs every check item to pass."))
            self.register_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        elif not provided:
            self.register_hint.setText(self.tr("Note: some materials were not provided."))
            self.register_hint.setStyleSheet(f"color: {theme.DUE_SOON};")
        else:
            self.register_hint.setText(self.tr("Formal check passed: meets the requirements, to be filed."))
            self.register_hint.setStyleSheet(f"color: {theme.OK};")
        if self._auto_missing:
            self._generated = "\n".join(self.suggested_missing())
            self.missing_edit.blockSignals(True)
            self.missing_edit.setPlainText(self._generated)
            self.missing_edit.blockSignals(False)
        self.return_button.setEnabled(bool(self.missing_items()))

    def _missing_edited(self) -> None:
        self._auto_missing = self.missing_edit.toPlainText() == self._generated
        self.return_button.setEnabled(bool(self.missing_items()))

    # ------------------------------------------------------------------ answering

    def _run(self, title: str, job: Callable[[], Any], status: FilingStatus) -> None:
        if self.ops is None:
            return
        self.register_button.setEnabled(False)
        self.return_button.setEnabled(False)

        def done(_: Any) -> None:
            self.accept()
            self.answered.emit(status.value, self.row.uid)

        self.ops.run(
            title, job, on_success=done, on_failure=lambda _: self._checks_changed(), cancellable=False
        )

    def _unchanged_since_opened(self) -> Callable[[], None]:
        """A check, run in the job, that nobody answered or re-checked the filing since this
        dialog read it (optimistic locking); the dialog keeps what the user entered."""
        engine, uid, seen = self.engine, self.row.uid, self.row.row_version
        message = self.tr(
            "Someone else has dealt with this filing since you opened it; your answer was not saved. "
            "Close this window and refresh (F5) to see its state now."
        )

        def check() -> None:
            from planmgr.domain.errors import ConflictError
            from planmgr.services.filing_stats import get_filing

            if get_filing(engine, uid).row_version != seen:
                raise ConflictError(message)

        return check

    def register(self) -> None:
        number = " ".join(self.number_edit.text().split())
        if not number:
            dialogs.error(self, self.tr("Register"), self.tr("Enter the filing number."))
            return
        engine, uid, results, notes = self.engine, self.row.uid, self.results(), self.note_texts()
        unchanged = self._unchanged_since_opened()

        def job() -> Any:
            from planmgr.services.filing_reply import record_formal_check, register_filing

            unchanged()
            checked = record_formal_check(engine, uid, results, notes=notes)
            return register_filing(engine, uid, number=number, expected_row_version=checked.row_version)

        self._run(self.tr("Registering the filing"), job, FilingStatus.FILED)

    def return_(self) -> None:
        missing = self.missing_items()
        if not missing:
            dialogs.error(
                self,
                self.tr("Return for completion"),
                self.tr("List everything that is missing (all at once), one item a line."),
            )
            return
        engine, uid, results, notes = self.engine, self.row.uid, self.results(), self.note_texts()
        note = self.return_note.text().strip() or None
        unchanged = self._unchanged_since_opened()

        def job() -> Any:
            from planmgr.services.filing_reply import record_formal_check, return_filing

            unchanged()
            checked = record_formal_check(engine, uid, results, notes=notes)
            return return_filing(engine, uid, missing, note=note, expected_row_version=checked.row_version)

        self._run(self.tr("Returning the filing"), job, FilingStatus.RETURNED)

"""The enterprise's 备案 wizard (DOMAIN.md §5; ENT Art.26–27):

1. pick the plan versions to file (published, not yet filed or pending) and the authority;
2. the materials checklist — 申报表, 评审意见 (only units on the Art.21 list), 预案电子文档,
   风险评估结果和应急资源调查清单, and the region's extra items — with files attached;
3. the 备案申报表 fields;
4. write the ``.planpkg`` (save dialog), then print the 申报表 with the package fingerprint.

Reads are quick and done here; writing the package goes through ``ops``.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from planmgr.domain import i18n
from planmgr.domain.i18n import paren
from planmgr.services.blobs import MAX_BLOB_BYTES, human_size
from planmgr.services.filings import material_text
from planmgr.ui import dialogs, theme
from planmgr.ui.filings.actions import FilingActions, suggested_path
from planmgr.ui.filings.wizard_models import CandidateModel, MaterialsModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import larger


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PlansPage(QWizardPage):
    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Plans to file"))
        self.setSubTitle(
            self.tr(
                "Published plans whose current version has not been filed yet. File within 20 working "
                "days of publication (ENT Art.26)."
            )
        )
        self.model = CandidateModel(self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CandidateModel.TITLE, 330)
        header.resizeSection(CandidateModel.CATEGORY, 130)
        header.resizeSection(CandidateModel.VERSION, 70)
        header.resizeSection(CandidateModel.PUBLISHED, 100)
        self.none_label = QLabel(
            self.tr(
                "There is nothing to file: every published plan has been filed or is waiting for the "
                "authority. Publish a plan (or a revision) first."
            )
        )
        self.none_label.setWordWrap(True)
        self.none_label.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(self.tr("e.g. the town's emergency management office"))
        form = QFormLayout()
        form.addRow(self.tr("Receiving authority:"), self.authority)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.none_label)
        layout.addLayout(form)
        self.model.dataChanged.connect(self.completeChanged)
        self.model.modelReset.connect(self.completeChanged)
        self.authority.textChanged.connect(self.completeChanged)

    def load(self, engine: Engine) -> None:
        from planmgr.services.filing_queries import default_authority
        from planmgr.services.filings import filing_candidates

        self.model.set_candidates(filing_candidates(engine))
        self.none_label.setVisible(self.model.rowCount() == 0)
        self.authority.setText(default_authority(engine))

    def isComplete(self) -> bool:
        return bool(self.model.checked()) and bool(self.authority.text().strip())


class MaterialsPage(QWizardPage):
    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Materials"))
        self.setSubTitle(
            self.tr(
                "Attach a file for each item (ENT Art.27). The declaration form is made by this wizard; "
                "documents attached to the plan versions travel as the plans' electronic text."
            )
        )
        self.model = MaterialsModel(self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MaterialsModel.ITEM, 260)
        header.resizeSection(MaterialsModel.FILES, 360)
        self.add_button = QPushButton(theme.icon("paperclip"), self.tr("Attach file…"))
        self.add_button.clicked.connect(self.attach)
        self.remove_button = QPushButton(theme.icon("close"), self.tr("Remove files"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {theme.DUE_SOON};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.missing_label)
        self.model.dataChanged.connect(self._update)
        self.model.modelReset.connect(self._update)

    def load(self, engine: Engine) -> None:
        from planmgr.services.filings import materials_checklist

        self.model.set_checklist(materials_checklist(engine), [])
        if self.model.rowCount():
            self.view.selectRow(0)

    def initializePage(self) -> None:
        from planmgr.services.filing_queries import version_documents

        chosen = self.owner.plans_page.model.checked()
        self.model.set_documents(version_documents(self.owner.engine, [c.version_uid for c in chosen]))
        self._update()

    def current_item(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def attach(self) -> None:
        item = self.current_item()
        if item is None:
            dialogs.inform(
                self, self.tr("Attach file"), self.tr("Select the material the file is for first.")
            )
            return
        path = dialogs.pick_open_file(
            self,
            self.tr("File for “{item}”").format(item=item),
            self.tr("Documents (*.pdf *.doc *.docx *.wps *.jpg *.jpeg *.png *.zip);;All files (*)"),
        )
        if path is None:
            return
        try:
            size = path.stat().st_size
        except OSError as error:
            dialogs.error(
                self,
                self.tr("Attach file"),
                self.tr("Cannot read {file}: {reason}").format(
                    file=path, reason=error.strerror or str(error)
                ),
            )
            return
        if size > MAX_BLOB_BYTES or size == 0:
            dialogs.error(
                self,
                self.tr("Attach file"),
                self.tr("“{file}” is {size}; a file must hold something and be at most {limit}.").format(
                    file=path.name, size=human_size(size), limit=human_size(MAX_BLOB_BYTES)
                ),
            )
            return
        self.model.add_file(item, path)

    def remove(self) -> None:
        item = self.current_item()
        if item is not None:
            self.model.remove_files(item)

    def _update(self) -> None:
        missing = self.model.missing()
        self.missing_label.setText(
            self.tr("No file yet for: {items}. The authority may return the filing for completion.").format(
                items=i18n.join(material_text(m) for m in missing)
            )
            if missing
            else ""
        )


class DeclarationPage(QWizardPage):
    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Declaration form"))
        self.setSubTitle(
            self.tr(
                "The fields of the declaration form (ENT Art.27). Unit name, address and legal "
                "representative come from the unit's record."
            )
        )
        self.unit = QLabel()
        self.unit.setWordWrap(True)
        self.unit.setTextFormat(Qt.TextFormat.RichText)
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.fax = QLineEdit()
        self.email = QLineEdit()
        self.assets = QLineEdit()
        self.assets.setPlaceholderText(self.tr("in 10,000 yuan"))
        self.employees = QLineEdit()
        self.employees.setValidator(QIntValidator(0, 10_000_000, self.employees))
        self.declared = QDateEdit(QDate.currentDate())
        self.declared.setCalendarPopup(True)
        self.declared.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("Contact person*:"), self.contact)
        form.addRow(self.tr("Phone*:"), self.phone)
        form.addRow(self.tr("Fax:"), self.fax)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Total assets (10,000 yuan):"), self.assets)
        form.addRow(self.tr("Employees:"), self.employees)
        form.addRow(self.tr("Date:"), self.declared)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unit)
        layout.addLayout(form)
        layout.addStretch(1)
        self.contact.textChanged.connect(self.completeChanged)
        self.phone.textChanged.connect(self.completeChanged)

    def load(self, engine: Engine) -> None:
        from planmgr.services.filing_queries import declaration_defaults
        from planmgr.services.filings import own_identity
        from planmgr.services.units import get_unit

        unit = get_unit(engine, own_identity(engine).unit_uid).data
        industry = unit.industry.text if unit.industry else "—"
        rows = [
            (self.tr("Unit:"), unit.name),
            (self.tr("Credit code:"), unit.uscc or self.tr("(missing — fill it in the unit's record first)")),
            (self.tr("Legal representative:"), unit.legal_rep or "—"),
            (self.tr("Industry:"), industry),
            (self.tr("Address:"), f"{unit.address or '—'}  {unit.postcode or ''}".rstrip()),
        ]
        self.unit.setText("<br/>".join(f"{html.escape(k)}<b>{html.escape(v)}</b>" for k, v in rows))
        d = declaration_defaults(engine)
        self.contact.setText(d.contact or "")
        self.phone.setText(d.phone or "")
        self.fax.setText(d.fax or "")
        self.email.setText(d.email or "")
        self.assets.setText(d.total_assets or "")
        self.employees.setText("" if d.employees is None else str(d.employees))

    def isComplete(self) -> bool:
        return bool(self.contact.text().strip()) and bool(self.phone.text().strip())

    def declaration(self) -> Any:
        from planmgr.exchange.package_schema import Declaration

        value = self.declared.date()
        employees = self.employees.text().strip()
        return Declaration(
            contact=self.contact.text().strip() or None,
            phone=self.phone.text().strip() or None,
            fax=self.fax.text().strip() or None,
            email=self.email.text().strip() or None,
            total_assets=self.assets.text().strip() or None,
            employees=int(employees) if employees.isdigit() else None,
            declared_date=date(value.year(), value.month(), value.day()),
        )


class WritePage(QWizardPage):
    def __init__(self, wizard: FilingWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.result: Any = None
        self.setTitle(self.tr("Write the filing package"))
        self.setSubTitle(
            self.tr(
                "Write the .planpkg (e.g. to a USB stick), then print the declaration form: it carries the "
                "package's fingerprint so the paper and the file can be matched."
            )
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.write_button = QPushButton(theme.icon("package-up"), self.tr("Write filing package…"))
        self.write_button.clicked.connect(self.write)
        self.fingerprint = QLabel()
        self.fingerprint.setFont(larger(self.fingerprint.font(), 6, bold=True))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.written_label = QLabel()
        self.written_label.setWordWrap(True)
        self.print_button = QPushButton(theme.icon("printer-outline"), self.tr("Print declaration form…"))
        self.print_button.clicked.connect(self.print_declaration)
        self.print_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.written_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        if self.result is not None:
            return
        chosen = self.owner.plans_page.model.checked()
        plans = "".join(
            f"<li>{html.escape(paren(c.title, c.version_label))}"
            + (html.escape(self.tr(" — resubmission")) if c.returned else "")
            + "</li>"
            for c in chosen
        )
        authority = self.owner.plans_page.authority.text().strip()
        missing = self.owner.materials_page.model.missing()
        text = html.escape(self.tr("To {authority}:").format(authority=authority)) + f"<ol>{plans}</ol>"
        if missing:
            warning = self.tr("No file for: {items}. The authority may return the filing.").format(
                items=i18n.join(material_text(m) for m in missing)
            )
            text += f'<span style="color:{theme.DUE_SOON}">{html.escape(warning)}</span>'
        self.summary.setText(text)

    def isComplete(self) -> bool:
        return self.result is not None

    def write(self) -> None:
        owner = self.owner
        path = dialogs.pick_save_file(
            self,
            self.tr("Save the filing package"),
            self.tr("Filing packages (*.planpkg)"),
            suggested_path(self.tr("filing package-{day}.planpkg").format(day=date.today().isoformat())),
        )
        if path is None:
            return
        if path.suffix.lower() != ".planpkg":
            path = path.with_name(path.name + ".planpkg")
        engine = owner.engine
        plan_uids = [c.plan_uid for c in owner.plans_page.model.checked()]
        attachments = owner.materials_page.model.attachments()
        authority = owner.plans_page.authority.text().strip()
        declaration = owner.declaration_page.declaration()

        def job() -> Any:
            from planmgr.services.filings import MaterialInput, export_filing_package

            materials = [MaterialInput(item, file.name, file.read_bytes()) for item, file in attachments]
            return export_filing_package(
                engine,
                path,
                plan_uids=plan_uids,
                materials=materials,
                authority_name=authority,
                declaration=declaration,
            )

        if owner.ops is None:
            return
        self.write_button.setEnabled(False)
        owner.ops.run(
            self.tr("Writing the filing package"),
            job,
            on_success=self._written,
            on_failure=lambda _: self.write_button.setEnabled(True),
            cancellable=False,
        )

    def _written(self, result: Any) -> None:
        self.result = result
        self.fingerprint.setText(self.tr("Fingerprint: {fingerprint}").format(fingerprint=result.fingerprint))
        self.written_label.setText(
            self.tr(
                "Written: {path}\nNow print the declaration form, stamp it, and send it with the file to "
                "{authority}."
            ).format(path=result.path, authority=self.owner.plans_page.authority.text().strip())
        )
        self.print_button.setEnabled(True)
        self.write_button.setEnabled(False)
        # The plans are submitted now: going back to file them again makes no sense.
        self.owner.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.owner.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.completeChanged.emit()
        self.owner.written.emit(result)

    def print_declaration(self) -> None:
        if self.result is not None:
            titles = i18n.join(self.result.plan_titles)
            self.owner.commands.print_form("declaration", self.result.filing_uids[0], titles[:40])


class FilingWizard(QWizard):
    """Enterprise side: from picking plans to the written package and the printed 申报表."""

    written = Signal(object)  # ExportResult

    def __init__(self, ops: OpRunner | None, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine = engine
        self.commands = FilingActions(self, ops, lambda: engine)
        self.setWindowTitle(self.tr("New filing"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # An explicit minimum keeps the layout from resizing the shown window (fits 1366×768).
        self.setMinimumSize(760, 520)
        self.resize(920, 600)
        self.plans_page = PlansPage(self)
        self.materials_page = MaterialsPage(self)
        self.declaration_page = DeclarationPage(self)
        self.write_page = WritePage(self)
        for page in (self.plans_page, self.materials_page, self.declaration_page, self.write_page):
            self.addPage(page)
        self.plans_page.load(engine)
        self.materials_page.load(engine)
        self.declaration_page.load(engine)

    @property
    def package_path(self) -> Path | None:
        result = self.write_page.result
        return None if result is None else Path(result.path)

"""The print centre: choose cards (by plan, unit, post, stale) or a plan's concise manual,
choose the layout, preview the PDF inside the app (QtPdf), save it, or print it.

Rendering runs through ``ops`` as the services' generator jobs (progress, cancel; a
cancelled run leaves no file). Saving or printing cards whose plan changed since they were
made warns first and offers to bring them up to date (ENT Art.19).
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain import i18n
from planmgr.domain.i18n import paren, semicolons
from planmgr.reports.cards import CardsResult, Layout, MissingGlyph, atomic_output
from planmgr.reports.manual import ManualResult
from planmgr.services import card_printing, card_queries
from planmgr.services.card_printing import CardSelection, PrintRequest
from planmgr.services.cards import CardSummary
from planmgr.ui import dialogs, theme
from planmgr.ui.cards import printing
from planmgr.ui.cards.filters import CardFilterBar
from planmgr.ui.cards.models import CardFilterProxy, CardTableModel, ChoiceModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState


@dataclass(frozen=True)
class Output:
    """What one PDF holds: some cards in a layout, or one plan's concise manual."""

    manual_plan: str | None
    uids: tuple[str, ...]
    layout: Layout
    qr: bool

    def request(self, out: Path) -> PrintRequest:
        return PrintRequest(out, CardSelection(uids=self.uids), self.layout, self.qr, date.today())


def _copy_job(source: Path, target: Path) -> Path:
    """Copy the previewed PDF to ``target``, replacing it only once the copy is whole."""
    with atomic_output(target) as temp:
        shutil.copyfile(source, temp)
    return target


class PrintCentre(QWidget):
    """Print settings and card choice on the left, the preview on the right.

    ``cards_changed`` asks the page to read the cards again (after bringing some up to date).
    """

    cards_changed = Signal()

    def __init__(self, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine: Engine | None = None
        self.cards: list[CardSummary] = []
        self.preview_output: Output | None = None
        self.preview_path: Path | None = None
        self.last_result: CardsResult | ManualResult | None = None
        self._generation = 0
        self._folder = Path(tempfile.mkdtemp(prefix="planmgr-preview-"))
        weakref.finalize(self, shutil.rmtree, self._folder, True)
        self._build()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.cards_radio = QRadioButton(self.tr("Handling cards"))
        self.manual_radio = QRadioButton(self.tr("Concise manual of a plan"))
        self.cards_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.cards_radio)
        self.mode_group.addButton(self.manual_radio)
        mode = QHBoxLayout()
        mode.addWidget(self.cards_radio)
        mode.addWidget(self.manual_radio)
        mode.addStretch(1)

        self.model = CardTableModel(checkable=True, parent=self)
        self.proxy = CardFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = CardFilterBar(self.proxy, compact=True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # in the list's order until a heading is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for column in range(self.model.columnCount()):
            if column not in (CardTableModel.TITLE, CardTableModel.UNIT, CardTableModel.STATUS):
                self.table.setColumnHidden(column, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CardTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(CardTableModel.UNIT, 110)
        header.resizeSection(CardTableModel.STATUS, 86)
        self.all_button = QPushButton(self.tr("Check all"))
        self.none_button = QPushButton(self.tr("Check none"))
        self.count_label = QLabel()
        picks = QHBoxLayout()
        picks.addWidget(self.all_button)
        picks.addWidget(self.none_button)
        picks.addWidget(self.count_label, 1)
        self.cards_box = QGroupBox(self.tr("Cards to print"))
        cards_layout = QVBoxLayout(self.cards_box)
        cards_layout.addWidget(self.filters)
        cards_layout.addWidget(self.table, 1)
        cards_layout.addLayout(picks)

        self.manual_plans = ChoiceModel(self)
        self.manual_combo = QComboBox()
        self.manual_combo.setModel(self.manual_plans)
        self.manual_combo.setMinimumContentsLength(20)
        self.manual_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.manual_box = QGroupBox(self.tr("Plan"))
        manual_layout = QVBoxLayout(self.manual_box)
        manual_layout.addWidget(self.manual_combo)
        manual_hint = QLabel(
            self.tr(
                "Cover, summary, command structure, response flowchart, duties, contacts, resources "
                "and the plan's cards, from the plan's version in force."
            )
        )
        manual_hint.setWordWrap(True)
        manual_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        manual_layout.addWidget(manual_hint)
        self.manual_box.hide()

        self.layout_combo = QComboBox()
        for sheet in (Layout.A4_4UP, Layout.A5_2UP, Layout.A6):
            self.layout_combo.addItem(self.layout_text(sheet), sheet.value)
        self.qr_box = QCheckBox(self.tr("QR code with card id and version"))
        self.layout_box = QGroupBox(self.tr("Layout"))
        layout_form = QFormLayout(self.layout_box)
        layout_form.addRow(self.tr("Sheet"), self.layout_combo)
        layout_form.addRow("", self.qr_box)

        self.preview_button = QPushButton(theme.icon("eye-outline"), self.tr("Preview"))
        self.save_button = QPushButton(theme.icon("content-save-outline"), self.tr("Save PDF…"))
        self.print_button = QPushButton(theme.icon("printer-outline"), self.tr("Print…"))
        self.print_button.setShortcut("Ctrl+P")
        actions = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            actions.addWidget(button)
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(mode)
        left_layout.addWidget(self.cards_box, 1)
        left_layout.addWidget(self.manual_box)
        left_layout.addWidget(self.layout_box)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.stale_label)
        left_layout.addWidget(self.notes_label)
        left_layout.addStretch(0)  # takes the room of the card list in manual mode
        left.setMinimumWidth(340)

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.zoom_combo = QComboBox()
        self.zoom_combo.addItem(self.tr("Fit width"), QPdfView.ZoomMode.FitToWidth)
        self.zoom_combo.addItem(self.tr("Whole page"), QPdfView.ZoomMode.FitInView)
        self.page_label = QLabel()
        self.outdated_label = QLabel(self.tr("The choice changed since this preview — preview again."))
        self.outdated_label.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.outdated_label.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.page_label)
        bar.addWidget(self.outdated_label)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom_combo)
        self.preview_empty = EmptyState(
            "file-eye-outline",
            self.tr("No preview yet"),
            self.tr("Choose cards or a plan and the layout on the left, then click “Preview”."),
        )
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview_empty)
        self.preview_stack.addWidget(self.view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.preview_stack, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 700])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)

        self.cards_radio.toggled.connect(self._mode_changed)
        self.filters.changed.connect(self._choice_changed)
        self.model.dataChanged.connect(self._choice_changed)
        self.model.modelReset.connect(self._choice_changed)
        self.proxy.layoutChanged.connect(self._choice_changed)
        self.manual_combo.currentIndexChanged.connect(self._choice_changed)
        self.layout_combo.currentIndexChanged.connect(self._choice_changed)
        self.qr_box.toggled.connect(self._choice_changed)
        self.all_button.clicked.connect(lambda: self._check_shown(True))
        self.none_button.clicked.connect(lambda: self._check_shown(False))
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        self.zoom_combo.currentIndexChanged.connect(
            lambda: self.view.setZoomMode(self.zoom_combo.currentData())
        )
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self._choice_changed()

    # ------------------------------------------------------------------ data

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self._clear_preview()

    def set_cards(self, cards: Sequence[CardSummary]) -> None:
        """The cards of the database (the page reads them); the preview is outdated."""
        self.cards = list(cards)
        self.model.set_cards(self.cards)
        self.filters.set_choices(self.cards)
        self._fill_manual_plans()
        if self.preview_output is not None:
            self.preview_output = None  # contents may have changed
            self.outdated_label.show()
        self._choice_changed()

    def _fill_manual_plans(self, extra: Sequence[tuple[str, str]] = ()) -> None:
        chosen = self.manual_combo.currentData()
        plans: dict[str | None, str] = {uid: title for title, uid in extra}
        plans.update({c.plan_uid: c.plan_title for c in self.cards if c.plan_uid and c.plan_title})
        self.manual_combo.blockSignals(True)
        self.manual_plans.set_items(
            sorted(((title, uid) for uid, title in plans.items()), key=lambda i: i[0])
        )
        self.manual_combo.setCurrentIndex(max(self.manual_combo.findData(chosen), 0) if chosen else 0)
        self.manual_combo.blockSignals(False)

    def show_cards(
        self,
        *,
        plan_uid: str | None = None,
        unit_uid: str | None = None,
        stale_only: bool = False,
        uids: Sequence[str] = (),
    ) -> None:
        """Choose cards as the card list does (and check only ``uids`` when given)."""
        self.cards_radio.setChecked(True)
        self.filters.select(plan_uid=plan_uid, unit_uid=unit_uid, stale_only=stale_only)
        self.filters.post_edit.clear()
        shown = set(self.proxy.uids())
        self.model.set_checked(set(uids) & shown if uids else shown | self.model.checked)

    def show_manual(self, plan_uid: str, plan_title: str) -> None:
        """Choose the concise manual of ``plan_uid``."""
        if self.manual_combo.findData(plan_uid) < 0:
            self._fill_manual_plans([(plan_title, plan_uid)])
        self.manual_combo.setCurrentIndex(self.manual_combo.findData(plan_uid))
        self.manual_radio.setChecked(True)

    # ------------------------------------------------------------------ choice

    def chosen_cards(self) -> list[CardSummary]:
        """The checked cards among those shown, in the order shown."""
        return [card for card in self.proxy.summaries() if card.uid in self.model.checked]

    def output(self) -> Output | None:
        """What would be rendered now; ``None`` when nothing is chosen."""
        layout = Layout(self.layout_combo.currentData())
        if self.manual_radio.isChecked():
            plan = self.manual_combo.currentData()
            return Output(str(plan), (), layout, False) if plan else None
        uids = tuple(card.uid for card in self.chosen_cards())
        return Output(None, uids, layout, self.qr_box.isChecked()) if uids else None

    def stale_chosen(self, output: Output | None = None) -> list[CardSummary]:
        """Stale cards the output would print (the manual prints its plan's cards)."""
        output = output or self.output()
        if output is None:
            return []
        if output.manual_plan is not None:
            return [c for c in self.cards if c.plan_uid == output.manual_plan and c.stale]
        uids = set(output.uids)
        return [c for c in self.cards if c.uid in uids and c.stale]

    def _mode_changed(self) -> None:
        manual = self.manual_radio.isChecked()
        self.cards_box.setVisible(not manual)
        self.manual_box.setVisible(manual)
        self.qr_box.setEnabled(not manual)
        self.layout_box.setEnabled(not manual)
        self._choice_changed()

    def _choice_changed(self) -> None:
        output = self.output()
        chosen = len(output.uids) if output and output.manual_plan is None else 0
        self.count_label.setText(
            self.tr("{chosen} of {shown} cards checked").format(chosen=chosen, shown=self.proxy.rowCount())
        )
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(output is not None and self.engine is not None)
        stale = self.stale_chosen(output)
        self.stale_label.setText(
            self.tr(
                "{count} of the cards to print follow an outdated version of their plan; you will be "
                "offered to bring them up to date first."
            ).format(count=len(stale))
            if stale
            else ""
        )
        self.stale_label.setVisible(bool(stale))
        current = self.preview_output is not None and output == self.preview_output
        self.outdated_label.setVisible(self.preview_path is not None and not current)

    def _check_shown(self, checked: bool) -> None:
        shown = set(self.proxy.uids())
        self.model.set_checked(self.model.checked | shown if checked else self.model.checked - shown)

    # ------------------------------------------------------------------ preview

    def _clear_preview(self) -> None:
        self.document.close()
        self.preview_output = None
        self.preview_path = None
        self.preview_stack.setCurrentWidget(self.preview_empty)
        self.page_label.clear()
        self._choice_changed()

    def _job(self, output: Output, out: Path) -> Callable[[], Any]:
        assert self.engine is not None
        if output.manual_plan is not None:
            return partial(card_printing.print_manual_job, self.engine, output.manual_plan, out)
        return partial(card_printing.print_cards_job, self.engine, output.request(out))

    def preview(self, *, then: Callable[[Path], None] | None = None) -> None:
        """Render the current choice into a temporary PDF and show it."""
        output = self.output()
        if output is None or self.engine is None:
            return
        self._generation += 1
        target = self._folder / f"preview-{self._generation}-{uuid.uuid4().hex[:8]}.pdf"
        self.ops.run(
            self.tr("Preparing the preview"),
            self._job(output, target),
            on_success=lambda result: self._previewed(output, result, then),
        )

    def _previewed(
        self, output: Output, result: CardsResult | ManualResult, then: Callable[[Path], None] | None
    ) -> None:
        old = self.preview_path
        self.document.close()
        error = self.document.load(str(result.path))
        if error != QPdfDocument.Error.None_:
            dialogs.error(
                self,
                self.tr("Preview failed"),
                self.tr("The PDF could not be shown ({error}).").format(error=error.name),
            )
            return
        self.preview_output = output
        self.preview_path = result.path
        self.last_result = result
        if old is not None and old != result.path:
            old.unlink(missing_ok=True)
        self.preview_stack.setCurrentWidget(self.view)
        self.view.pageNavigator().jump(0, self.view.pageNavigator().currentLocation())
        self._show_page_number()
        self.notes_label.setText(self.describe(result))
        self._choice_changed()
        if then is not None:
            then(result.path)

    def _show_page_number(self) -> None:
        pages = self.document.pageCount()
        if pages:
            page = self.view.pageNavigator().currentPage() + 1
            self.page_label.setText(self.tr("Page {page} of {pages}").format(page=page, pages=pages))
        else:
            self.page_label.clear()

    def layout_text(self, sheet: Layout) -> str:
        """How a sheet layout is offered (``Layout.label`` is the printed documents' Chinese)."""
        return {
            Layout.A6: self.tr("A6, one card a sheet"),
            Layout.A4_4UP: self.tr("A4, 4 cards a page (with cut lines)"),
            Layout.A5_2UP: self.tr("A5, 2 cards a page (with cut lines)"),
        }[sheet]

    def describe(self, result: CardsResult | ManualResult) -> str:
        """The outcome in a few lines: what was made, and what the user should know."""
        if isinstance(result, CardsResult):
            lines = [
                self.tr("{cards} cards on {pages} pages.").format(cards=result.cards, pages=result.pages)
            ]
            if result.continued:
                lines.append(
                    self.tr("Too long for one face, continued on the next: {titles}").format(
                        titles=i18n.join(result.continued)
                    )
                )
        else:
            lines = [
                self.tr("Concise manual: {pages} pages with {cards} cards.").format(
                    pages=result.pages, cards=result.cards
                )
            ]
        if result.missing:
            lines.append(
                self.tr("The font lacks these characters; they print as 〓: {chars}").format(
                    chars=semicolons(self._missing_text(m) for m in result.missing)
                )
            )
        return "\n".join(lines)

    def _missing_text(self, missing: MissingGlyph) -> str:
        return self.tr("{char} ({code}) in {where}").format(
            char=missing.char, code=missing.codepoint, where=i18n.join(missing.where[:3])
        )

    # ------------------------------------------------------------------ save and print

    def _with_stale_check(self, then: Callable[[], None]) -> None:
        """Warn about stale cards in the output; offer to bring them up to date first."""
        stale = self.stale_chosen()
        if not stale:
            then()
            return
        titles = "\n".join(f"· {paren(card.title, card.unit_name)}" for card in stale[:8])
        if len(stale) > 8:
            titles += "\n" + self.tr("… and {count} more").format(count=len(stale) - 8)
        update = dialogs.ask(
            self,
            self.tr("Cards follow an outdated plan"),
            self.tr(
                "The plan of these cards has published a newer version since the cards were made:\n"
                "{titles}\n\nBring them up to date first? Their risks, steps and precautions are drawn "
                "again from the plan's version in force (title, post, number and contacts stay).\n"
                "Choose No to print them as they are."
            ).format(titles=titles),
            default_yes=True,
        )
        if not update:
            then()
            return
        assert self.engine is not None
        self.ops.run(
            self.tr("Bringing cards up to date"),
            partial(card_queries.bring_up_to_date_job, self.engine, [card.uid for card in stale]),
            on_success=lambda _updated: self._updated_then(then),
        )

    def _updated_then(self, then: Callable[[], None]) -> None:
        self.cards_changed.emit()  # the page reads the cards again (set_cards)
        self.preview_output = None
        then()

    def _suggested_name(self, output: Output) -> str:
        if output.manual_plan is not None:
            title = self.manual_combo.currentText()
            name = self.tr("{title} concise manual").format(title=title)
        else:
            name = self.tr("Handling cards {date}").format(date=date.today().isoformat())
        return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name) + ".pdf"

    def save(self) -> None:
        output = self.output()
        if output is None:
            return
        target = dialogs.pick_save_file(
            self,
            self.tr("Save PDF"),
            self.tr("PDF files (*.pdf)"),
            Path.home() / self._suggested_name(output),
        )
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._with_stale_check(lambda: self._save_to(target))

    def _save_to(self, target: Path) -> None:
        output = self.output()
        if output is None or self.engine is None:
            return
        if output == self.preview_output and self.preview_path is not None:
            self.ops.run(
                self.tr("Saving the PDF"),
                partial(_copy_job, self.preview_path, target),
                on_success=self._saved,
                cancellable=False,
            )
            return
        self.ops.run(
            self.tr("Writing the PDF"),
            self._job(output, target),
            on_success=lambda result: self._saved(result.path, result),
        )

    def _saved(self, path: Path, result: CardsResult | ManualResult | None = None) -> None:
        notes = self.describe(result) + "\n" if result is not None else ""
        self.notes_label.setText(notes + self.tr("Saved: {path}").format(path=path))

    def print_(self) -> None:
        """Print what the preview shows (making the preview first if it is not current)."""
        output = self.output()
        if output is None:
            return
        self._with_stale_check(self._print_current)

    def _print_current(self) -> None:
        output = self.output()
        if output is None:
            return
        if output == self.preview_output and self.preview_path is not None:
            self._send_to_printer(self.preview_path)
        else:
            self.preview(then=self._send_to_printer)

    def _send_to_printer(self, pdf: Path) -> None:
        printer = printing.new_printer(pdf)
        title = self.tr("Print")
        if not printing.ask_printer(self, printer, title):
            return
        self.ops.run(
            self.tr("Printing"),
            partial(printing.print_pdf_job, pdf, printer, self.tr("Sending pages to the printer")),
            on_success=lambda pages: self.notes_label.setText(
                self.tr("{pages} pages sent to the printer {name}.").format(
                    pages=pages, name=printer.printerName() or printer.outputFileName()
                )
            ),
        )

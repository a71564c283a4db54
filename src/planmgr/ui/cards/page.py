"""处置卡: the handling cards of this database — listed by plan, unit and post with stale
cards marked — their editor, and the print centre (DESIGN.md §8; ENT Art.19: cards match
the plan in force)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.errors import PlanmgrError
from planmgr.services import card_queries, cards
from planmgr.services.cards import CardData, CardSummary
from planmgr.ui import dialogs, theme
from planmgr.ui.cards.editor import CardEditor, NewCard
from planmgr.ui.cards.filters import CardFilterBar
from planmgr.ui.cards.models import SUMMARY_ROLE, CardFilterProxy, CardTableModel
from planmgr.ui.cards.print_centre import PrintCentre
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, PageHeader


def _delete_job(engine: Engine, rows: Sequence[tuple[str, int]]) -> int:
    """Soft-delete the cards (uid, row version the user saw); how many."""
    for uid, row_version in rows:
        cards.delete_card(engine, uid, expected_row_version=row_version)
    return len(rows)


class CardsPage(QWidget):
    """The card list (tab 1) and the print centre (tab 2).

    The cards are read in the background (a county's database holds 25,000); ``loaded``
    is emitted once they are shown.
    """

    loaded = Signal()

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops if ops is not None else OpRunner(self, parent=self)
        self.engine: Engine | None = None
        self.editor: CardEditor | None = None
        self.cards: list[CardSummary] = []
        self._reads = 0
        self._select_next: set[str] | None = None
        self._build()
        self._update_actions()

    # ------------------------------------------------------------------ layout

    def _action(self, icon: str, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(theme.icon(icon), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build(self) -> None:
        self.new_action = self._action("plus", self.tr("New card"), self.new_card, "Ctrl+N")
        self.edit_action = self._action("pencil-outline", self.tr("Edit"), self.edit_card)
        self.delete_action = self._action("delete-outline", self.tr("Delete"), self.delete_cards)
        self.update_action = self._action("update", self.tr("Bring up to date"), self.bring_up_to_date)
        self.update_action.setToolTip(
            self.tr("Draw risks, steps and precautions again from the plan in force")
        )
        self.print_action = self._action("printer-outline", self.tr("Print…"), self.print_chosen)
        self.manual_action = self._action(
            "book-open-page-variant-outline", self.tr("Concise manual…"), self.manual
        )
        self.manual_action.setToolTip(self.tr("Print the concise manual of the plan of the chosen card"))
        toolbar = QHBoxLayout()
        for action in (self.new_action, self.edit_action, self.delete_action, self.update_action):
            toolbar.addWidget(self._button(action))
        toolbar.addSpacing(16)
        for action in (self.print_action, self.manual_action):
            toolbar.addWidget(self._button(action))
        toolbar.addStretch(1)

        self.model = CardTableModel(parent=self)
        self.proxy = CardFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = CardFilterBar(self.proxy)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # unsorted until a heading is clicked: by unit, number
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setColumnHidden(CardTableModel.PLACE, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CardTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CardTableModel.NUMBER, 100),
            (CardTableModel.POST, 110),
            (CardTableModel.UNIT, 190),
            (CardTableModel.PLAN, 200),
            (CardTableModel.VERSION, 64),
            (CardTableModel.ISSUED, 88),
            (CardTableModel.STATUS, 76),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.empty = EmptyState(
            "card-account-details-outline",
            self.tr("No handling cards yet"),
            self.tr(
                "Click “New card”, choose the on-site plan the card follows and use “Draft from plan”: "
                "risks, steps, precautions and contacts are filled in from the plan."
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count_label = QLabel()

        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 6, 0, 0)
        list_layout.addLayout(toolbar)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.stack, 1)
        list_layout.addWidget(self.count_label)

        self.print_centre = PrintCentre(self.ops)
        self.tabs = QTabWidget()
        self.tabs.addTab(list_tab, theme.icon("format-list-bulleted"), self.tr("Cards"))
        self.tabs.addTab(self.print_centre, theme.icon("printer-outline"), self.tr("Print centre"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(PageHeader(self.tr("Handling cards")))
        layout.addWidget(self.tabs, 1)

        self.addAction(self.new_action)
        # Delete and Enter act on the list only (in a text field they edit the text).
        for action, key in ((self.delete_action, "Delete"), (self.edit_action, "Return")):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
        self.table.doubleClicked.connect(lambda _index: self.edit_card())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.filters.changed.connect(self._show_count)
        self.filters.changed.connect(self._update_actions)
        self.print_centre.cards_changed.connect(self.refresh)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    # ------------------------------------------------------------------ data

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.print_centre.set_engine(engine)
        self.refresh()

    def refresh(self) -> None:
        """Read the cards again (in the background), keeping the selection."""
        if self._select_next is None:
            self._select_next = {card.uid for card in self.selected_cards()}
        self._reads += 1
        if self.engine is None:
            self._show(self._reads, [])
            return
        read = self._reads
        self.count_label.setText(self.tr("Reading the cards…"))
        self.ops.run(
            self.tr("Reading the handling cards"),
            partial(card_queries.card_listing, self.engine),
            on_success=lambda found: self._show(read, found),
            cancellable=False,
            progress=False,
        )

    def _show(self, read: int, found: list[CardSummary]) -> None:
        if read != self._reads:
            return  # a later read (or another database) is on its way
        self.cards = found
        self.model.set_cards(self.cards)
        self.filters.set_choices(self.cards)
        self.print_centre.set_cards(self.cards)
        self.stack.setCurrentWidget(self.table if self.cards else self.empty)
        self.select(self._select_next or set())
        self._select_next = None
        self._show_count()
        self._update_actions()
        self.loaded.emit()

    def _show_count(self) -> None:
        stale = sum(1 for card in self.cards if card.stale)
        text = self.tr("{shown} of {total} cards shown").format(
            shown=self.proxy.rowCount(), total=len(self.cards)
        )
        if stale:
            text += self.tr(
                ", <span style='color:{colour}'>{stale} follow an outdated plan version</span>"
            ).format(colour=theme.DUE_SOON, stale=stale)
        self.count_label.setText(text)

    def selected_cards(self) -> list[CardSummary]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [index.data(SUMMARY_ROLE) for index in sorted(rows, key=QModelIndex.row)]

    def current_card(self) -> CardSummary | None:
        chosen = self.selected_cards()
        return chosen[0] if len(chosen) == 1 else None

    def select(self, uids: set[str] | Sequence[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        if not uids:
            return
        first = True
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, card in enumerate(self.proxy.summaries()):
            if card.uid in uids:
                index = self.proxy.index(row, 0)
                if first:
                    self.table.scrollTo(index)
                    selection.select(index, flags | QItemSelectionModel.SelectionFlag.Current)
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                    first = False
                else:
                    selection.select(index, flags)

    def _update_actions(self) -> None:
        chosen = self.selected_cards()
        ready = self.engine is not None
        self.new_action.setEnabled(ready)
        self.edit_action.setEnabled(ready and len(chosen) == 1)
        self.delete_action.setEnabled(ready and bool(chosen))
        self.update_action.setEnabled(ready and any(card.stale for card in chosen))
        self.print_action.setEnabled(ready and bool(self.cards))
        self.manual_action.setEnabled(
            ready and (self.filters.plan_uid is not None or any(c.plan_uid for c in chosen))
        )

    # ------------------------------------------------------------------ editing

    def _open_editor(self, editor: CardEditor) -> None:
        self.editor = editor
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()

    def _editor_closed(self, editor: CardEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _saved(self, card: CardData) -> None:
        self._select_next = {card.uid}
        self.refresh()

    def new_card(self) -> None:
        if self.engine is None:
            return
        unit_uid, plan_uid = self.filters.unit_uid, self.filters.plan_uid
        current = self.current_card()
        if plan_uid is not None and unit_uid is None:
            unit_uid = next((c.unit_uid for c in self.cards if c.plan_uid == plan_uid), None)
        if unit_uid is None and current is not None:
            unit_uid, plan_uid = current.unit_uid, current.plan_uid
        try:
            editor = CardEditor(self.engine, self.ops, new=NewCard(unit_uid, plan_uid), parent=self)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not open the editor"), error.message)
            return
        self._open_editor(editor)

    def edit_card(self) -> None:
        summary = self.current_card()
        if self.engine is None or summary is None:
            return
        try:
            card = cards.get_card(self.engine, summary.uid)
            editor = CardEditor(self.engine, self.ops, card=card, parent=self)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not open the card"), error.message)
            self.refresh()
            return
        self._open_editor(editor)

    def delete_cards(self) -> None:
        chosen = self.selected_cards()
        if self.engine is None or not chosen:
            return
        names = "\n".join(f"· {card.title}" for card in chosen[:8])
        if len(chosen) > 8:
            names += "\n" + self.tr("… and {count} more").format(count=len(chosen) - 8)
        if not dialogs.ask(
            self,
            self.tr("Delete cards"),
            self.tr(
                "Delete {count} handling cards?\n{names}\n\nThey leave the lists and printing; the "
                "records stay in the database."
            ).format(count=len(chosen), names=names),
        ):
            return
        self.ops.run(
            self.tr("Deleting handling cards"),
            partial(_delete_job, self.engine, [(card.uid, card.row_version) for card in chosen]),
            on_success=lambda _count: self.refresh(),
            on_failure=lambda _error: self.refresh(),
            cancellable=False,
        )

    def bring_up_to_date(self) -> None:
        """One stale card: open it with the content drawn again from the plan, to check and
        save. Several: ask, then update them all in the background."""
        stale = [card for card in self.selected_cards() if card.stale]
        if self.engine is None or not stale:
            return
        if len(stale) == 1:
            try:
                card, proposal = card_queries.update_proposal(self.engine, stale[0].uid)
                editor = CardEditor(self.engine, self.ops, card=card, proposal=proposal, parent=self)
            except PlanmgrError as error:
                dialogs.error(self, self.tr("Could not update the card"), error.message)
                return
            self._open_editor(editor)
            return
        if not dialogs.ask(
            self,
            self.tr("Bring up to date"),
            self.tr(
                "Bring {count} cards up to date? Their risks, steps and precautions are drawn again from "
                "the version in force of their plan; title, post, number and contacts stay."
            ).format(count=len(stale)),
            default_yes=True,
        ):
            return
        self.ops.run(
            self.tr("Bringing cards up to date"),
            partial(card_queries.bring_up_to_date_job, self.engine, [card.uid for card in stale]),
            on_success=lambda _updated: self.refresh(),
        )

    # ------------------------------------------------------------------ printing

    def print_chosen(self) -> None:
        """The print centre with the cards chosen here (the selection, else all shown)."""
        chosen = self.selected_cards()
        self.print_centre.show_cards(
            plan_uid=self.filters.plan_uid,
            unit_uid=self.filters.unit_uid,
            stale_only=self.filters.stale_box.isChecked(),
            uids=[card.uid for card in chosen] if len(chosen) > 1 else self.proxy.uids(),
        )
        self.print_centre.filters.post_edit.setText(self.filters.post_edit.text())
        self.tabs.setCurrentWidget(self.print_centre)

    def manual(self) -> None:
        """The print centre with the concise manual of the chosen plan."""
        plan_uid = self.filters.plan_uid
        title = self.filters.plan_combo.currentText()
        if plan_uid is None:
            card = next((c for c in self.selected_cards() if c.plan_uid), None)
            if card is None or card.plan_uid is None:
                dialogs.inform(
                    self,
                    self.tr("Concise manual"),
                    self.tr("Choose a plan in the filter, or a card that follows a plan."),
                )
                return
            plan_uid, title = card.plan_uid, card.plan_title or ""
        self.print_centre.show_manual(plan_uid, title)
        self.tabs.setCurrentWidget(self.print_centre)

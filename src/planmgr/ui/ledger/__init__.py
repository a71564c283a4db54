"""Ledger (台账) import and export in the GUI: the import wizard and the File-menu actions.

The main window adds the actions to its File menu::

    from planmgr.ui.ledger import ledger_actions
    actions = ledger_actions(self, self.ops, lambda: self.database.engine, on_imported=self.refresh)
    file_menu.addActions(actions)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget
from sqlalchemy import Engine

from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.ui import dialogs, theme
from planmgr.ui.ledger.texts import ledger_name, ledger_title
from planmgr.ui.ops import OpRunner


def open_import_wizard(
    parent: QWidget,
    ops: OpRunner | None,
    engine_getter: Callable[[], Engine | None],
    *,
    kind: LedgerKind | None = None,
    on_imported: Callable[[], None] | None = None,
) -> Any:
    """Show the ledger import wizard (not modal to the application: ``open()``)."""
    from planmgr.ui.ledger.wizard import LedgerWizard

    if engine_getter() is None:
        dialogs.error(
            parent,
            QCoreApplication.translate("ledger", "Import ledger"),
            QCoreApplication.translate("ledger", "Open a database first."),
        )
        return None
    wizard = LedgerWizard(ops, engine_getter, kind=kind, parent=parent)
    if on_imported is not None:
        wizard.imported.connect(lambda _report: on_imported())
    parent._ledger_wizard = wizard  # type: ignore[attr-defined]  # kept alive while shown
    wizard.open()
    return wizard


def export_ledger_file(
    parent: QWidget, ops: OpRunner | None, engine_getter: Callable[[], Engine | None], kind: LedgerKind
) -> None:
    """Ask where, then export every record of ``kind`` as a ledger (xlsx or csv)."""
    engine = engine_getter()
    if engine is None or ops is None:
        return
    path = dialogs.pick_save_file(
        parent,
        QCoreApplication.translate("ledger", "Export {ledger}").format(ledger=ledger_name(kind)),
        QCoreApplication.translate("ledger", "Excel workbooks (*.xlsx);;CSV files (*.csv)"),
    )
    if path is None:
        return
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + ".xlsx")

    def job() -> Any:
        from planmgr.services.ledger import export_ledger

        return export_ledger(engine, kind, path)

    ops.run(
        QCoreApplication.translate("ledger", "Exporting the {ledger}").format(ledger=ledger_name(kind)),
        job,
        on_success=lambda result: dialogs.inform(
            parent,
            QCoreApplication.translate("ledger", "Ledger exported"),
            QCoreApplication.translate("ledger", "Exported {rows} rows to:\n{path}").format(
                rows=result.rows, path=result.path
            ),
        ),
        cancellable=False,
    )


def ledger_actions(
    parent: QWidget,
    ops: OpRunner | None,
    engine_getter: Callable[[], Engine | None],
    *,
    on_imported: Callable[[], None] | None = None,
) -> list[QAction]:
    """File-menu actions: 导入台账… (the wizard) and 导出台账 (a submenu, one entry per kind)."""
    import_action = QAction(
        theme.icon("table-arrow-down"), QCoreApplication.translate("ledger", "&Import ledger…"), parent
    )
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    import_action.setStatusTip(
        QCoreApplication.translate(
            "ledger", "Import units, plans, drills or filings from an xlsx or csv ledger"
        )
    )
    import_action.triggered.connect(
        lambda: open_import_wizard(parent, ops, engine_getter, on_imported=on_imported)
    )
    menu = QMenu(QCoreApplication.translate("ledger", "&Export ledger"), parent)
    for kind in LedgerKind:
        action = menu.addAction(ledger_title(kind) + "…")
        action.triggered.connect(partial(export_ledger_file, parent, ops, engine_getter, kind))
    export_action = menu.menuAction()
    export_action.setIcon(theme.icon("table-arrow-up"))
    return [import_action, export_action]

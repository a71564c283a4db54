"""The names of the ledgers in the interface language.

``LedgerKind.sheet_name`` (单位台账 …) is part of the file format — the sheet an export
writes and an import looks for — so it stays Chinese; the screens name a ledger here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planmgr.exchange.ledger_columns import LedgerKind


def ledger_name(kind: LedgerKind) -> str:
    """The ledger in running text: "Importing the {ledger}" → "Importing the units ledger"."""
    names = {
        LedgerKind.UNITS: QCoreApplication.translate("ledger", "units ledger"),
        LedgerKind.PLANS: QCoreApplication.translate("ledger", "plans ledger"),
        LedgerKind.DRILLS: QCoreApplication.translate("ledger", "drills ledger"),
        LedgerKind.FILINGS: QCoreApplication.translate("ledger", "filings ledger"),
    }
    return names[kind]


def ledger_title(kind: LedgerKind) -> str:
    """The ledger as a menu entry or a list item: "Units ledger"."""
    titles = {
        LedgerKind.UNITS: QCoreApplication.translate("ledger", "Units ledger"),
        LedgerKind.PLANS: QCoreApplication.translate("ledger", "Plans ledger"),
        LedgerKind.DRILLS: QCoreApplication.translate("ledger", "Drills ledger"),
        LedgerKind.FILINGS: QCoreApplication.translate("ledger", "Filings ledger"),
    }
    return titles[kind]

"""The sample ledgers shipped in docs/ import cleanly and are what the tool makes."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
import python_calamine

from planmgr.domain.enums import UnitKind
from planmgr.exchange.ledger_columns import ERRORS_HEADER, LedgerKind, columns_of, label_table
from planmgr.services.ledger import import_ledger
from planmgr.services.setup import init_database

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "docs" / "samples" / "ledgers"
DOC = ROOT / "docs" / "ledgers.md"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample_ledgers", ROOT / "tools" / "make_sample_ledgers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cells(path: Path) -> list[list[object]]:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return workbook.get_sheet_by_index(0).to_python()
    finally:
        workbook.close()


def test_samples_import_in_order_into_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite"
    # The office's own unit, as `planmgr init` registers it, is one of the sample's units.
    init_database(db, unit_name="开平市应急管理局", unit_kind=UnitKind.DEPARTMENT)
    from planmgr.store.database import open_database

    database = open_database(db)
    try:
        tool = _tool()
        expected = {kind: len(records) for kind, records in tool.sample_records().items()}
        for kind in LedgerKind:  # units, plans, drills, filings
            report = import_ledger(database.engine, kind, SAMPLES / tool.SAMPLE_FILES[kind])
            assert report.errors == (), [str(e) for e in report.errors]
            assert report.rows == expected[kind]
            assert report.inserted + report.updated == expected[kind]
    finally:
        database.dispose()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM unit").fetchone() == (expected[LedgerKind.UNITS],)
    finally:
        conn.close()


def test_samples_are_up_to_date(tmp_path: Path) -> None:
    tool = _tool()
    tool.write_samples(tmp_path)
    for kind in LedgerKind:
        name = tool.SAMPLE_FILES[kind]
        assert _cells(SAMPLES / name) == _cells(tmp_path / name), f"{name}: run tools/make_sample_ledgers.py"


@pytest.mark.parametrize("kind", list(LedgerKind))
def test_user_guide_lists_every_column(kind: LedgerKind) -> None:
    text = DOC.read_text(encoding="utf-8")
    for column in columns_of(kind):
        assert f"| {column.header} |" in text, column.header
    assert ERRORS_HEADER in text


def test_user_guide_lists_every_label() -> None:
    text = DOC.read_text(encoding="utf-8")
    for column, labels in label_table():
        for label in labels:
            assert label in text, (column, label)

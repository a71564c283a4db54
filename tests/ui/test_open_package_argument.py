"""``planmgr X.planpkg`` (a double click on a filing package): the GUI starts on 备案 and
imports the package into the office database; an enterprise database is told why not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planmgr.services.filings import MaterialInput, export_filing_package
from planmgr.store.database import open_database
from planmgr.ui.app import parse_args, start
from tests.services.filing_builders import ENTERPRISE_NAME, TOWN_NAME, enterprise_site, office_site
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui


def filed_package(folder: Path) -> tuple[Path, Path]:
    """An enterprise's database, and the package it wrote for the town office."""
    enterprise, _plans = enterprise_site(folder / "ent.sqlite")
    database = open_database(enterprise.path)
    try:
        export_filing_package(
            database.engine,
            folder / "恒达化工 备案.planpkg",
            materials=[MaterialInput("评审意见", "评审意见.pdf", b"%PDF review")],
            authority_name=TOWN_NAME,
            today=date.today(),
        )
    finally:
        database.dispose()
    return enterprise.path, folder / "恒达化工 备案.planpkg"


def started(qtbot, argv: list[str]):
    result = start(argv)
    assert not isinstance(result, int), f"start-up stopped with exit code {result}"
    _app, window = result
    qtbot.addWidget(window)
    return window


def test_a_package_argument_is_kept_apart_from_qt_options() -> None:
    options = parse_args(["--db", "office.sqlite", "D:/收件/恒达.PLANPKG", "-style", "fusion"])
    assert options.package == Path("D:/收件/恒达.PLANPKG")
    assert options.qt_args == ["-style", "fusion"]
    assert parse_args(["--db", "office.sqlite"]).package is None


def test_the_office_window_opens_on_filings_and_imports_the_package(
    qtbot, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    office = office_site(tmp_path / "office.sqlite")
    _enterprise, package = filed_package(tmp_path)

    window = started(qtbot, ["--db", str(office.path), str(package)])

    assert window.current_page_key() == "filings"
    view = window.pages["filings"].office
    qtbot.waitUntil(lambda: bool(fake_dialogs.of_kind("inform")), timeout=15_000)
    (done,) = fake_dialogs.of_kind("inform")
    assert done.title == "备案包已导入"
    assert ENTERPRISE_NAME in done.text
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    assert view.model.row_at(0).unit_name == ENTERPRISE_NAME
    assert not fake_dialogs.of_kind("error")
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10_000)


def test_an_enterprise_database_explains_that_the_office_imports_packages(
    qtbot, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    enterprise, package = filed_package(tmp_path)

    window = started(qtbot, ["--db", str(enterprise), str(package)])

    assert window.current_page_key() == "filings"
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "备案包未导入"
    assert package.name in error.text
    assert "不是应急管理部门的数据库" in error.text
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10_000)  # the daily backup, the list


def test_a_missing_package_is_named(qtbot, tmp_path: Path, fake_dialogs: FakeDialogs) -> None:
    office = office_site(tmp_path / "office.sqlite")

    window = started(qtbot, ["--db", str(office.path), str(tmp_path / "不存在.planpkg")])

    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "备案包未导入"
    assert "不存在.planpkg" in error.text
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10_000)

"""The GUI in English shows no Chinese except the user's data; in the default language the
same window is Chinese.

The real start-up (``planmgr gui --lang en``) opens the demo database; every page is
visited and the usual dialogs are opened (a plan's editor, versions, evaluations and audit
trail, the unit editor, About, New database, the backup dialogs). Then what the window says
by itself is collected: navigation, menus and actions, tab titles, group boxes, buttons,
labels, table and tree headers, the items of every combo box whose items are enum labels,
and the enum columns of the lists (plan category and status, unit kind, due kind and
status) and the built-in due rules. The demo's data (unit names, plan titles …) is Chinese:
table cells other than those columns are not collected, and the texts stored in the
database are taken out of a label or header before it is looked at (a label such as "Own
unit: 开平市应急管理局" is English around a name; enum labels are never taken out).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from planmgr.domain import i18n
from planmgr.domain import rules as _rules  # noqa: F401  (its enums join LabelledEnum's subclasses)
from planmgr.domain.enums import LabelledEnum, PlanStatus
from planmgr.ui.app import start
from planmgr.ui.dashboard import due_model
from planmgr.ui.main_window import PAGE_KEYS, MainWindow
from planmgr.ui.models import plan_tree, unit_tree
from planmgr.ui.models.lazy_tree import NODE_ROLE, UID_ROLE
from planmgr.ui.settings import rules_model
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

HAN = re.compile(r"[\u3400-\u9fff]")
DATA = "‹data›"


@dataclass(frozen=True)
class Seen:
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    from planmgr.services.demo import create_demo

    path = tmp_path / "demo.sqlite"
    create_demo(path, size="small")
    return path


def open_window(qtbot, db: Path, *lang: str) -> MainWindow:
    """``planmgr gui --db DB [--lang L]`` as a user starts it; every page visited."""
    result = start(["--db", str(db), *lang])
    assert not isinstance(result, int), f"start-up stopped with exit code {result}"
    _app, window = result
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.pages[key]
        qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)
        if key == "dashboard":
            qtbot.waitUntil(lambda page=page: page.data is not None, timeout=30_000)
        elif key in ("plans", "units"):
            qtbot.waitUntil(lambda page=page: page.model.rowCount() > 0, timeout=30_000)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)
    open_details(qtbot, window)
    return window


def open_details(qtbot, window: MainWindow) -> None:
    """What a user opens next: a plan (its detail panel, editor, versions, evaluations and
    audit trail), a unit (its detail and the new-unit editor), About, New database and the
    backup dialogs. They are children of the pages and of the window, collected with them."""
    plans = window.pages["plans"]
    window.show_page("plans")
    # A plan under revision shows the most: its reason for revision, events, due items.
    tree = rows(plans.model)
    revising = [i for i in tree if i.data(NODE_ROLE).status == PlanStatus.REVISING.value]
    plan_uid = (revising or tree)[0].data(UID_ROLE)
    assert plans.show_plan(plan_uid)
    qtbot.waitUntil(lambda: not plans.detail.due_title.isHidden(), timeout=10_000)
    assert plans.actions.edit(plan_uid) is not None
    units = window.pages["units"]
    window.show_page("units")
    assert units.show_unit(units.model.index(0, 0).data(UID_ROLE))
    assert units.new_unit() is not None
    for dialog in (plans.actions.history, plans.actions.evaluations, plans.actions.audit):
        assert dialog(plan_uid) is not None
    window.about()
    window.new_database()
    for action in window.backup_menu_actions:  # restore, backup settings, audit log
        action.trigger()
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)


@pytest.fixture
def english_window(qtbot, demo_db: Path) -> Iterator[MainWindow]:
    yield open_window(qtbot, demo_db, "--lang", "en")


@pytest.fixture
def default_window(qtbot, demo_db: Path) -> Iterator[MainWindow]:
    yield open_window(qtbot, demo_db)


# --------------------------------------------------------------------------- collecting


def enum_classes() -> list[type[LabelledEnum]]:
    found, todo = [], list(LabelledEnum.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def chinese_enum_labels() -> set[str]:
    return {member.label for cls in enum_classes() for member in cls}


def database_texts(db: Path) -> list[str]:
    """Every Chinese text stored in the database (JSON walked), longest first: the user's
    data. Enum labels are left out, so data can never hide a label that leaked."""
    labels = chinese_enum_labels()
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            if value.lstrip().startswith(("{", "[")):
                try:
                    walk(json.loads(value))
                    return
                except ValueError:
                    pass
            if HAN.search(value) and value not in labels:
                found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    with closing(sqlite3.connect(db)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table.startswith(("search_index", "sqlite_")) or table in ("blob", "audit_entry"):
                continue  # the search index's tokens, file contents, the audit's copies
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    walk(value)
    return sorted(found, key=len, reverse=True)


def without_data(text: str, data: list[str]) -> str:
    for value in data:
        if value in text:
            text = text.replace(value, DATA)
    return text


def in_combo_popup(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def enum_of(combo: QComboBox) -> type[LabelledEnum] | None:
    """The enum whose labels the combo lists: most of its items' data are that enum's
    values (a filter adds items such as "All" or "Needs attention")."""
    values = [combo.itemData(i) for i in range(combo.count())]
    values = [v for v in values if isinstance(v, str) and v]
    for cls in enum_classes():
        members = {m.value for m in cls}
        matching = [v for v in values if v in members]
        if len(matching) >= 2 and len(matching) * 2 > len(values):
            return cls
    return None


def rows(model, limit: int = 400) -> list[QModelIndex]:
    """The rows of a (lazy) tree or table, children fetched as a user expanding it would."""
    found: list[QModelIndex] = []
    todo = [QModelIndex()]
    while todo and len(found) < limit:
        parent = todo.pop(0)
        while model.canFetchMore(parent):
            model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index)
            if model.canFetchMore(index) or model.rowCount(index):
                todo.append(index)
    return found[:limit]


def column_texts(model, columns: tuple[int, ...], name: str) -> list[Seen]:
    found = []
    for index in rows(model):
        for column in columns:
            value = index.siblingAtColumn(column).data()
            found.append(
                Seen(f"{name} column {model.headerData(column, Qt.Orientation.Horizontal)}", str(value))
            )
    return found


def collect(window: MainWindow, data: list[str]) -> list[Seen]:
    """What the window says by itself (see the module's docstring)."""
    seen: list[Seen] = [Seen("window title", without_data(window.windowTitle(), data))]
    seen += [Seen("navigation", window.nav.item(i).text()) for i in range(window.nav.count())]
    for menu_action in window.menuBar().actions():
        seen.append(Seen("menu bar", menu_action.text()))
    for menu in window.findChildren(QMenu):
        seen.append(Seen("menu", menu.title()))
        if menu is window.recent_menu:  # the recent databases' file paths
            continue
        seen += [Seen(f"menu {menu.title()}", a.text()) for a in menu.actions() if not a.isSeparator()]
    seen += [Seen("action", a.text()) for a in window.findChildren(QAction) if a.text()]
    areas = [(key, window.pages[key]) for key in PAGE_KEYS]
    areas += [(type(d).__name__, d) for d in window.findChildren(QDialog) if d.parentWidget() is window]
    for key, area in areas:
        for widget in [area, *area.findChildren(QWidget)]:
            where = f"{key}: {type(widget).__name__} {widget.objectName()}".rstrip()
            if isinstance(widget, QTabWidget):
                seen += [Seen(f"{where} tab", widget.tabText(i)) for i in range(widget.count())]
            elif isinstance(widget, QGroupBox):
                seen.append(Seen(f"{where} group", widget.title()))
            elif isinstance(widget, QAbstractButton):
                seen.append(Seen(f"{where} button", widget.text()))
            elif isinstance(widget, QLabel):
                seen.append(Seen(f"{where} label", without_data(widget.text(), data)))
            elif isinstance(widget, QComboBox):
                enum = enum_of(widget)
                if enum is not None:
                    seen += [
                        Seen(f"{where} combo of {enum.__name__}", widget.itemText(i))
                        for i in range(widget.count())
                    ]
            elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
                if in_combo_popup(widget):
                    continue
                model = widget.model()
                if model is None:
                    continue
                try:
                    columns = model.columnCount(QModelIndex())
                except TypeError:  # a model whose columnCount Qt keeps private (list models)
                    continue
                for column in range(columns):
                    header = model.headerData(column, Qt.Orientation.Horizontal)
                    if header is not None:
                        # A header may name data (the diff's columns are the versions compared).
                        seen.append(Seen(f"{where} header", without_data(str(header), data)))
    # The enum columns of the lists (the other cells are the user's data).
    seen += column_texts(window.pages["plans"].model, (plan_tree.CATEGORY, plan_tree.STATUS), "plan tree")
    seen += column_texts(window.pages["units"].model, (unit_tree.KIND,), "unit tree")
    dashboard = window.pages["dashboard"]
    seen += column_texts(dashboard.model, (due_model.STATUS, due_model.KIND), "due list")
    # The due rules are the program's reference data (DOMAIN.md §3), not the user's.
    rule_columns = (
        rules_model.TITLE,
        rules_model.KIND,
        rules_model.DEFAULT,
        rules_model.VALUE,
        rules_model.SOURCE,
    )
    seen += column_texts(window.pages["settings"].rules_model, rule_columns, "rule table")
    seen.append(Seen("status bar", without_data(window.unit_label.text(), data)))
    return [s for s in seen if s.text]


def chinese(seen: list[Seen]) -> list[Seen]:
    return [s for s in seen if HAN.search(s.text)]


# --------------------------------------------------------------------------- tests


def test_english_start_sets_the_message_language_too(qtbot, demo_db: Path, fake_dialogs: FakeDialogs) -> None:
    window = open_window(qtbot, demo_db, "--lang", "en")
    assert i18n.language() == "en"
    page = window.pages["units"]
    editor = page.new_unit()
    assert editor is not None
    editor.save_button.click()  # no name: the service refuses, the dialog says why
    qtbot.waitUntil(editor.message.isVisible, timeout=10_000)
    message = editor.message.text()
    assert message and not HAN.search(message), message
    assert "name" in message.lower(), message


def test_the_english_window_shows_no_chinese_but_the_data(english_window: MainWindow, demo_db: Path) -> None:
    seen = collect(english_window, database_texts(demo_db))
    assert len(seen) > 300  # the collection sees the window (pages, menus, lists)
    assert {s.text for s in seen if s.where == "navigation"} >= {"Dashboard", "Plan system", "Settings"}
    enum_items = [s for s in seen if " combo of " in s.where or " column " in s.where]
    assert len(enum_items) > 100  # combos of enum labels and the enum columns were found
    leaks = chinese(seen)
    assert leaks == [], f"{len(leaks)} Chinese texts in the English window:\n" + "\n".join(map(str, leaks))


def test_the_default_window_is_chinese(default_window: MainWindow, demo_db: Path) -> None:
    seen = collect(default_window, database_texts(demo_db))
    navigation = [s for s in seen if s.where == "navigation"]
    assert navigation and chinese(navigation) == navigation
    assert chinese([s for s in seen if s.where == "menu bar"]) == [s for s in seen if s.where == "menu bar"]
    enum_items = [s for s in seen if " combo of " in s.where or " column " in s.where]
    assert len(enum_items) > 100
    # Every enum label is Chinese (the "All …" item of a filter is Chinese too).
    assert [s for s in enum_items if not HAN.search(s.text)] == []
    assert len(chinese(seen)) > len(seen) // 2

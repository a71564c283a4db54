"""The drills, handling-card, filing and ledger screens in English show no Chinese except the
user's data; in Chinese (the default) the same texts are Chinese.

What is read is chosen by construction, never by an allow-list of Chinese data: the headers
of every table, every tab title, the columns that show an enumeration (drill form, scope,
purpose and status; corrective-action status; finding source; filing status; plan
category), the drop-down lists of enumerations and a few fixed captions. Cells holding data
(titles, unit and plan names, tags typed by users, file names …) are never read.

English is what ``planmgr gui --lang en`` sets up: the Chinese Qt translators removed and
planmgr.domain.i18n speaking English.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from planmgr.domain.enums import DatabaseMode, DrillStatus, FilingStatus
from planmgr.services import actions, drills
from planmgr.services.demo import create_demo
from planmgr.services.filing_stats import list_filings
from planmgr.services.settings import set_identity
from planmgr.store.database import Database, open_database
from planmgr.ui.ops import OpRunner

pytestmark = pytest.mark.gui

HAN = re.compile(r"[\u3400-\u9fff]")
LANGUAGES = ["en", "zh_CN"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county (``planmgr demo``), made once for the module."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANMGR_HOME", str(folder / "home"))
        create_demo(folder / "demo.sqlite")
    return folder / "demo.sqlite"


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    database = open_database(path)
    yield database
    database.dispose()


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # noqa: ANN001 - pytest-qt's fixture
    """The interface language of the test, set up as ``planmgr gui --lang`` does."""
    from planmgr.ui.app import UiSetup

    code: str = request.param
    if code == "en":
        request.getfixturevalue("english")  # planmgr.domain.i18n speaks English
        UiSetup(qapp, "en")()  # no Chinese Qt translators
    yield code
    if code == "en":
        UiSetup(qapp, "zh_CN")()  # the next test starts in Chinese, as tests/ui/conftest.py sets it


@pytest.fixture
def ops(qtbot) -> Iterator[OpRunner]:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    runner = OpRunner(host)
    yield runner
    runner.shutdown(10_000)


def wait_idle(qtbot, ops: OpRunner) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not ops.busy, timeout=15_000)


@dataclass
class Seen:
    """Texts a user reads, grouped by where they are shown."""

    groups: dict[str, list[str]] = field(default_factory=dict)

    def add(self, where: str, texts: list[str]) -> None:
        self.groups.setdefault(where, []).extend(t for t in texts if t)

    def headers(self, where: str, model: QAbstractItemModel) -> None:
        self.add(
            f"{where} headers",
            [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())],
        )

    def column(self, where: str, model: QAbstractItemModel, column: int) -> None:
        """The cells of an enumeration column (every row)."""
        texts = [str(model.index(row, column).data()) for row in range(model.rowCount())]
        assert texts, f"{where}: no rows to look at"
        self.add(where, texts)

    def combo(self, where: str, combo: QComboBox) -> None:
        self.add(where, [combo.itemText(i) for i in range(combo.count())])

    def screen(self, where: str, widget: QWidget) -> None:
        """Every tab title and every shown table header under ``widget``."""
        for tabs in widget.findChildren(QTabWidget):
            self.add(f"{where} tabs", [tabs.tabText(i) for i in range(tabs.count())])
        for view in widget.findChildren(QAbstractItemView):
            header = (
                view.horizontalHeader()
                if isinstance(view, QTableView)
                else view.header()
                if isinstance(view, QTreeView)
                else None
            )
            model = view.model()
            if header is None or header.isHidden() or model is None:
                continue  # a list, a combo's pop-up, the calendar's grid
            self.headers(f"{where} {type(model).__name__}", model)

    def check(self, lang: str) -> None:
        assert self.groups and all(self.groups.values()), "nothing was looked at"
        if lang == "en":
            chinese = {w: [t for t in texts if HAN.search(t)] for w, texts in self.groups.items()}
            assert {w: t for w, t in chinese.items() if t} == {}
        else:
            other = {w: [t for t in texts if not HAN.search(t)] for w, texts in self.groups.items()}
            assert {w: t for w, t in other.items() if t} == {}


def form_captions(layout: QFormLayout) -> list[str]:
    captions = []
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if label is not None and hasattr(label, "text"):
            captions.append(label.text())
    return captions


def test_drills_page_and_editor(qtbot, demo: Database, ops: OpRunner, lang: str) -> None:  # noqa: ANN001
    from planmgr.ui.drills.models import DrillTableModel
    from planmgr.ui.drills.page import DrillsPage
    from planmgr.ui.drills.small_dialogs import ActionDialog

    page = DrillsPage(ops)
    ops.widget = page
    qtbot.addWidget(page)
    page.setMinimumSize(1000, 600)  # a window here: the layout must not resize it once shown
    page.resize(1280, 740)
    page.show()
    page.set_engine(demo.engine)
    wait_idle(qtbot, ops)
    seen = Seen()
    seen.screen("drills page", page)
    model = page.model
    for column, name in ((DrillTableModel.FORM, "form · scope"), (DrillTableModel.SCOPE, "scope"),
                         (DrillTableModel.PURPOSE, "purpose"), (DrillTableModel.STATUS, "status")):  # fmt: skip
        seen.column(f"drill {name}", model, column)
    seen.combo("status filter", page.status_filter)
    seen.combo("form filter", page.form_filter)
    panel = page.actions_panel
    seen.column("action status", panel.model, panel.model.STATUS)

    # A done drill with findings: every tab of the editor is open.
    finding = next(f for f in actions.list_findings(demo.engine) if f.drill_uid)
    page.open_drill(finding.drill_uid)
    editor = page.editor
    assert editor is not None
    assert drills.get_drill(demo.engine, finding.drill_uid).summary.status is DrillStatus.DONE
    seen.screen("drill editor", editor)
    seen.add("drill editor status", [editor.status.text()])
    for combo in (editor.form.form, editor.form.scope, editor.form.purpose):
        seen.combo("drill form/scope/purpose", combo)
    seen.combo("attachment kinds", editor.record.kind)
    score = editor.evaluation.model
    seen.column("score kinds", score, score.KIND)
    seen.column("finding source", editor.improvement.findings, 1)

    dialog = ActionDialog([], date.today())
    qtbot.addWidget(dialog)
    seen.combo("plan sections", dialog.section)
    seen.check(lang)


def test_cards_page_editor_and_print_centre(qtbot, demo: Database, lang: str) -> None:  # noqa: ANN001
    from planmgr.services import cards
    from planmgr.ui.cards.editor import CardEditor
    from planmgr.ui.cards.models import CardTableModel
    from planmgr.ui.cards.page import CardsPage

    ops = OpRunner(show_progress_after_ms=0)
    page = CardsPage(ops)
    ops.widget = page
    qtbot.addWidget(page)
    page.setMinimumSize(1000, 600)  # a window here: the layout must not resize it once shown
    page.resize(1280, 740)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.set_engine(demo.engine)
    try:
        seen = Seen()
        seen.screen("cards page", page)
        seen.column("card status", page.model, CardTableModel.STATUS)
        seen.combo("sheet layouts", page.print_centre.layout_combo)
        card = cards.get_card(demo.engine, page.model.card(0).uid)
        editor = CardEditor(demo.engine, ops, card=card, parent=page)
        qtbot.addWidget(editor)
        seen.screen("card editor", editor)
        seen.check(lang)
    finally:
        ops.shutdown(10_000)


def test_filings_office_enterprise_and_dialogs(qtbot, demo: Database, ops: OpRunner, lang: str) -> None:  # noqa: ANN001
    from planmgr.ui.filings.check_dialog import FormalCheckDialog
    from planmgr.ui.filings.models import FilingTableModel
    from planmgr.ui.filings.page import FilingsPage

    page = FilingsPage(ops)
    ops.widget = page
    qtbot.addWidget(page)
    page.setMinimumSize(1000, 600)  # a window here: the layout must not resize it once shown
    page.resize(1280, 740)
    page.show()
    page.set_engine(demo.engine)
    wait_idle(qtbot, ops)
    seen = Seen()
    office = page.office
    seen.column("filing status", office.model, FilingTableModel.STATUS)
    seen.combo("filing status filter", office.status_filter)
    office.view.selectRow(0)
    seen.add("filing detail captions", form_captions(office.detail.facts))
    seen.add("filing detail status", [office.detail.status.text()])
    page.tabs.setCurrentWidget(page.statistics)
    wait_idle(qtbot, ops)
    missing = page.statistics.missing
    seen.column("key enterprise", missing, 2)
    seen.column("must file", missing, 3)
    seen.screen("filings page (office)", page)

    submitted = next(r for r in list_filings(demo.engine) if r.status is FilingStatus.SUBMITTED)
    check = FormalCheckDialog(None, demo.engine, [submitted], "2026-001", page)
    qtbot.addWidget(check)
    seen.add("formal check items", [box.text() for box in check.checks.values()])
    seen.add("formal check boxes", [box.title() for box in check.findChildren(QGroupBox)])

    # The same database as seen by an enterprise that has filed.
    set_identity(demo.engine, submitted.unit_uid, DatabaseMode.ENTERPRISE)
    page.refresh()
    wait_idle(qtbot, ops)
    seen.column("filing status (enterprise)", page.enterprise.model, FilingTableModel.STATUS)
    seen.screen("filings page (enterprise)", page.enterprise)
    seen.check(lang)


def test_ledger_wizard_and_menu(qtbot, demo: Database, ops: OpRunner, lang: str) -> None:  # noqa: ANN001
    from planmgr.ui.ledger import ledger_actions
    from planmgr.ui.ledger.wizard import LedgerWizard

    host = QWidget()
    qtbot.addWidget(host)
    wizard = LedgerWizard(ops, lambda: demo.engine, parent=host)
    seen = Seen()
    seen.combo("ledger kinds", wizard.file_page.kind)
    seen.add("wizard pages", [wizard.page(i).title() for i in wizard.pageIds()])
    seen.headers("errors", wizard.validate_page.model)
    menu_actions = ledger_actions(host, ops, lambda: demo.engine)
    seen.add("file menu", [a.text() for a in menu_actions])
    submenu = menu_actions[1].menu()
    seen.add("export submenu", [a.text() for a in submenu.actions()])
    seen.check(lang)

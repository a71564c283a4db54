"""Quitting the window, or opening another database, while the (non-modal) drill editor holds
unsaved text asks first; "no" keeps the window, the editor and the text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from planmgr.domain.enums import DrillForm
from planmgr.store.database import Database
from planmgr.ui.drills.editor import DrillEditor
from planmgr.ui.main_window import MainWindow
from planmgr.ui.ops import OpRunner
from tests.ui import test_drills_support as support
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

QUESTION = "放弃修改？"
TEXT = "夜间储罐区液氨泄漏，一人中毒"


@pytest.fixture
def window(qtbot, database: Database) -> Iterator[MainWindow]:  # noqa: ANN001
    win = MainWindow(database, ops=OpRunner(show_progress_after_ms=0))
    win.ops.widget = win
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def dirty_editor(qtbot, database: Database, window: MainWindow) -> DrillEditor:  # noqa: ANN001
    world = support.build_world(database)
    drill = support.plan_drill(
        database.engine,
        world.chem,
        world.comp,
        date(2026, 6, 1),
        "液氨泄漏处置演练",
        done=True,
        form=DrillForm.FIELD,
    )
    window.show_page("drills")
    page = window.pages["drills"]
    page.open_drill(drill.uid)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    editor.tabs.setCurrentWidget(editor.record)
    editor.record.scenario.insertPlainText(TEXT)
    return editor


def test_quitting_with_unsaved_drill_text_asks_and_no_keeps_everything(
    qtbot,
    database: Database,
    window: MainWindow,
    fake_dialogs: FakeDialogs,  # noqa: ANN001
) -> None:
    editor = dirty_editor(qtbot, database, window)
    fake_dialogs.answers.append(False)
    window.close()
    assert [c.title for c in fake_dialogs.of_kind("ask")] == [QUESTION]
    assert window.isVisible() and editor.isVisible()
    assert editor.record.scenario.toPlainText() == TEXT

    fake_dialogs.answers.append(True)
    window.close()
    assert not window.isVisible()


def test_opening_another_database_with_unsaved_drill_text_asks_first(
    qtbot,
    database: Database,
    window: MainWindow,
    fake_dialogs: FakeDialogs,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    editor = dirty_editor(qtbot, database, window)
    fake_dialogs.answers.append(False)
    window.open_database(str(tmp_path / "other.sqlite"))
    assert [c.title for c in fake_dialogs.of_kind("ask")] == [QUESTION]
    assert window.database is database and editor.isVisible()
    assert editor.record.scenario.toPlainText() == TEXT
    editor.discard()


def test_quitting_without_unsaved_text_does_not_ask(
    qtbot,
    database: Database,
    window: MainWindow,
    fake_dialogs: FakeDialogs,  # noqa: ANN001
) -> None:
    window.show_page("drills")
    window.close()
    assert fake_dialogs.of_kind("ask") == []
    assert not window.isVisible()

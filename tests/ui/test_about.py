"""帮助 menu: 关于 (version, database, the bundled font's licence, Qt and Python) and
打开用户手册 (the guide opened with the system's program, found in a checkout)."""

from __future__ import annotations

import platform
from collections.abc import Iterator

import pytest
from PySide6.QtCore import qVersion

from planmgr import __version__, paths
from planmgr.store.database import Database
from planmgr.ui.main_window import MainWindow
from planmgr.ui.ops import OpRunner
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, sample_db: Database) -> Iterator[MainWindow]:
    win = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    win.ops.widget = win
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.ops.shutdown()


def help_menu_texts(window: MainWindow) -> list[str]:
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)"]
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_help_menu_offers_the_guide_first_and_about_last(window: MainWindow) -> None:
    assert help_menu_texts(window) == ["打开用户手册(&U)", "打开日志文件夹(&L)", "关于 planmgr(&A)"]
    assert window.guide_action.shortcut().toString() == "F1"


def test_about_shows_version_database_font_licence_and_runtime(qtbot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "关于 planmgr"
    assert "应急预案与演练管理" in dialog.title.text()
    assert dialog.version.text() == __version__
    assert dialog.database.text() == window.database.name
    assert "文泉驿微米黑" in dialog.font_line.text() and "Apache" in dialog.font_line.text()
    assert qVersion() in dialog.runtime.text() and platform.python_version() in dialog.runtime.text()

    assert not dialog.licence_text.isVisible()
    dialog.licence_button.click()
    assert dialog.licence_text.isVisible()
    assert dialog.licence_button.text() == "隐藏许可证"
    shown = dialog.licence_text.toPlainText()
    assert "Apache License" in shown and "WenQuanYi" in shown
    assert shown == paths.resource("fonts", "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    dialog.licence_button.click()
    assert not dialog.licence_text.isVisible()
    dialog.reject()


def test_open_user_guide_opens_the_chinese_guide(window: MainWindow, fake_dialogs: FakeDialogs) -> None:
    window.guide_action.trigger()
    assert fake_dialogs.opened_files == [paths.user_guide()]
    assert fake_dialogs.opened_files[0].name == "用户手册.md"
    assert "应急预案与演练管理" in fake_dialogs.opened_files[0].read_text(encoding="utf-8")
    assert not fake_dialogs.calls


def test_an_installation_without_the_guide_says_so(
    window: MainWindow, fake_dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise FileNotFoundError("找不到用户手册（已查找：/x/docs/用户手册.md）")

    monkeypatch.setattr(paths, "user_guide", missing)
    window.guide_action.trigger()
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "用户手册"
    assert "找不到用户手册" in error.text
    assert fake_dialogs.opened_files == []


def test_user_guide_is_found_in_a_bundle_layout(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    guide = tmp_path / "docs" / "用户手册.md"
    guide.parent.mkdir()
    guide.write_text("# 用户手册\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.user_guide() == guide

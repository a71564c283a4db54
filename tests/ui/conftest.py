"""GUI test fixtures: dialogs replaced by recorders, Chinese translations installed, a
database with a small plan system, and the main window on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from planmgr import logs
from planmgr.store.database import Database, open_database
from tests.ui import sample_data


@dataclass
class DialogCall:
    kind: str
    title: str
    text: str = ""
    details: str | None = None


@dataclass
class FakeDialogs:
    """Stands in for ``planmgr.ui.dialogs``: records every call, answers from queues."""

    calls: list[DialogCall] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    files: list[Path | None] = field(default_factory=list)
    opened_folders: list[Path] = field(default_factory=list)
    opened_files: list[Path] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[DialogCall]:
        return [c for c in self.calls if c.kind == kind]

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.calls.append(DialogCall("inform", title, text))

    def error(self, parent: Any, title: str, text: str, details: str | None = None) -> None:
        self.calls.append(DialogCall("error", title, text, details))

    def ask(self, parent: Any, title: str, text: str, *, default_yes: bool = False) -> bool:
        self.calls.append(DialogCall("ask", title, text))
        if not self.answers:
            raise AssertionError(f"unexpected question: {title} {text}")
        return self.answers.pop(0)

    def _file(self, kind: str, title: str) -> Path | None:
        self.calls.append(DialogCall(kind, title))
        if not self.files:
            raise AssertionError(f"unexpected file chooser: {title}")
        return self.files.pop(0)

    def pick_open_file(
        self, parent: Any, title: str, filters: str, directory: Path | None = None
    ) -> Path | None:
        return self._file("pick_open_file", title)

    def pick_save_file(
        self, parent: Any, title: str, filters: str, directory: Path | None = None
    ) -> Path | None:
        return self._file("pick_save_file", title)

    def pick_directory(self, parent: Any, title: str, directory: Path | None = None) -> Path | None:
        return self._file("pick_directory", title)

    def open_folder(self, path: Path) -> bool:
        self.opened_folders.append(path)
        return True

    def open_file(self, path: Path) -> bool:
        self.opened_files.append(path)
        return True


@pytest.fixture(autouse=True)
def fake_dialogs(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    from planmgr.ui import dialogs

    fake = FakeDialogs()
    for name in (
        "inform",
        "error",
        "ask",
        "pick_open_file",
        "pick_save_file",
        "pick_directory",
        "open_folder",
        "open_file",
    ):
        monkeypatch.setattr(dialogs, name, getattr(fake, name))
    return fake


@pytest.fixture(autouse=True)
def chinese_ui(qapp: Any) -> Iterator[None]:
    """The application as ``planmgr gui`` sets it up: Chinese translations, Fusion, CJK font."""
    from planmgr.ui.app import UiSetup

    if not getattr(qapp, "_planmgr_translators", None):
        UiSetup(qapp, "zh_CN")()
    yield
    logs.shutdown_logging()  # start() logs into this test's PLANMGR_HOME


@pytest.fixture
def sample_db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    sample_data.build_sample(database.engine)
    yield database
    database.dispose()

"""Every modal question, message and file chooser goes through here (STYLE.md, Tests).

Callers use the module, not the functions (``dialogs.inform(...)``), so tests can replace
them with recorders and no real modal ``exec()`` runs in a test. Titles and texts are
already translated by the caller.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str | None = None
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A message the user acknowledges."""
    _box(parent, QMessageBox.Icon.Information, title, text).exec()


def error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    """Something failed; ``text`` says what and what to do, in the user's language."""
    _box(parent, QMessageBox.Icon.Critical, title, text, details).exec()


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A yes/no question; ``True`` for yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def pick_open_file(
    parent: QWidget | None, title: str, filters: str, directory: Path | None = None
) -> Path | None:
    """A file to open, or ``None`` when the user cancels."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(directory or ""), filters)
    return Path(name) if name else None


def pick_save_file(
    parent: QWidget | None, title: str, filters: str, directory: Path | None = None
) -> Path | None:
    """Where to save, or ``None`` when the user cancels."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(directory or ""), filters)
    return Path(name) if name else None


def pick_directory(parent: QWidget | None, title: str, directory: Path | None = None) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(directory or ""))
    return Path(name) if name else None


def open_folder(path: Path) -> bool:
    """Show a folder in the system's file manager (not modal, but leaves the app: replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_file(path: Path) -> bool:
    """Open a file with the program the system associates with it (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

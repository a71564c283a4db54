"""帮助 › 关于: name, version, the open database, the bundled font's licence, Qt and Python.

Not modal-blocking (``open()``): the licence text unfolds inside the dialog, so no second
dialog is needed and tests drive it like any widget.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planmgr import APP_NAME, __version__, paths
from planmgr.ui import theme
from planmgr.ui.widgets import larger

FONT_LICENCE = "LICENSE-wqy-microhei.txt"


def font_licence_text() -> str | None:
    """The bundled font's licence file, or ``None`` if this installation lacks it."""
    try:
        return paths.resource("fonts", FONT_LICENCE).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return None


class AboutDialog(QDialog):
    def __init__(self, database_name: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About planmgr"))
        # An explicit minimum: the layout then leaves it alone when the licence unfolds
        # (a changing minimum on a shown window is what offscreen platforms warn about).
        self.setMinimumSize(620, 300)

        icon = QLabel()
        try:
            icon.setPixmap(QIcon(str(paths.resource("icons", "planmgr.png"))).pixmap(64, 64))
        except FileNotFoundError:
            icon.setPixmap(theme.icon("information-outline").pixmap(64, 64))
        self.title = QLabel(self.tr("{app} — Emergency plan and drill management").format(app=APP_NAME))
        self.title.setFont(larger(self.title.font(), 4, bold=True))
        self.summary = QLabel(
            self.tr(
                "Plans, revisions and evaluations, drills, filings and handling cards for town "
                "emergency offices and enterprise safety officers."
            )
        )
        self.summary.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.summary)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.version = QLabel(__version__)
        self.database = QLabel(database_name)
        self.log_file = QLabel(str(log_file) if log_file else "—")
        # Names and version numbers only: the same in every language, so not translated.
        python = platform.python_version()
        self.runtime = QLabel(f"Qt {qVersion()} · PySide6 {pyside_version} · Python {python}")
        self.font_line = QLabel(self.tr("WenQuanYi Micro Hei, under the Apache License 2.0"))
        for label in (self.database, self.log_file, self.font_line):
            label.setWordWrap(True)
        for label in (self.version, self.database, self.log_file, self.runtime):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence_button = QPushButton(theme.icon("license"), self.tr("View licence…"))
        self.licence_button.setCheckable(True)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_line, 1)
        font_row.addWidget(self.licence_button)
        form = QFormLayout()
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Log file:"), self.log_file)
        form.addRow(self.tr("Bundled font:"), font_row)
        form.addRow(self.tr("Runtime:"), self.runtime)

        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setMinimumHeight(200)
        self.licence_text.setVisible(False)
        licence = font_licence_text()
        if licence is None:
            self.licence_button.setEnabled(False)
            self.licence_button.setToolTip(self.tr("The licence file is missing from this installation."))
        else:
            self.licence_text.setPlainText(licence)
        self.licence_button.toggled.connect(self._show_licence)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.licence_text, 1)
        layout.addWidget(buttons)

    def _show_licence(self, shown: bool) -> None:
        self.licence_text.setVisible(shown)
        self.licence_button.setText(self.tr("Hide licence") if shown else self.tr("View licence…"))
        if shown:  # room for the text, within a 1366×768 screen
            self.resize(max(self.width(), 680), max(self.height(), 600))

"""Small widgets shared by the pages."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planmgr.ui import theme


def larger(font: QFont, points: float, *, bold: bool = False) -> QFont:
    """``font`` made ``points`` larger (fonts sized in pixels keep their size)."""
    bigger = QFont(font)
    if font.pointSizeF() > 0:
        bigger.setPointSizeF(font.pointSizeF() + points)
    bigger.setBold(bold)
    return bigger


def fitted_width(
    widget: QWidget, texts: Iterable[str], *, padding: int = 16, least: int = 0, most: int = 400
) -> int:
    """A column width for ``widget`` that shows the longest of ``texts`` whole, within
    ``least`` and ``most`` pixels: labels differ in length between the languages."""
    metrics = widget.fontMetrics()
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    return max(least, min(most, widest + padding))


class _WrappedLabel(QLabel):
    """A word-wrapped label of bounded width: its layout asks for the height at the layout's
    width, but the text wraps at the label's own (narrower) width."""

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(min(width, self.maximumWidth()))


class EmptyState(QWidget):
    """A calm, centred note for a page with nothing to show: what it is and what to do next."""

    def __init__(self, icon_name: str, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.icon_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.icon_label.setPixmap(theme.icon(icon_name, theme.NEUTRAL).pixmap(64, 64))
        self.title_label = QLabel(title, alignment=Qt.AlignmentFlag.AlignCenter)
        self.title_label.setFont(larger(self.title_label.font(), 4))
        self.hint_label = _WrappedLabel(hint, alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.hint_label.setFixedWidth(520)
        for widget in (self.icon_label, self.title_label, self.hint_label):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def set_text(self, title: str, hint: str) -> None:
        self.title_label.setText(title)
        self.hint_label.setText(hint)


class PageHeader(QLabel):
    """The title at the top of a page."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFont(larger(self.font(), 5, bold=True))
        self.setContentsMargins(0, 0, 0, 6)

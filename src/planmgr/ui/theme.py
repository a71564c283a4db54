"""The look (DESIGN.md §10): Fusion, a light palette, the CJK font, one icon set, and the
status colours every page uses."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from planmgr import paths

log = logging.getLogger(__name__)

# Status colours, the same on every page (DESIGN.md §10).
OVERDUE = "#D93025"
DUE_SOON = "#F29900"
OK = "#188038"
NEUTRAL = "#5F6368"

PLAN_STATUS_COLOURS = {
    "published": OK,  # in force
    "in_review": DUE_SOON,  # needs someone's action before it is in force
    "revising": DUE_SOON,
    "drafting": NEUTRAL,
    "superseded": NEUTRAL,
    "abolished": NEUTRAL,
}

BASE_POINT_SIZE = 10
PREFERRED_FAMILY = "Microsoft YaHei"  # Windows' own CJK UI font, where present
BUNDLED_FAMILY = "WenQuanYi Micro Hei"
ICON_COLOUR = "#3C4043"
ACCENT = "#1A73E8"


def plan_status_colour(status: str) -> QColor:
    return QColor(PLAN_STATUS_COLOURS.get(status, NEUTRAL))


def icon(name: str, colour: str = ICON_COLOUR) -> QIcon:
    """An icon from the one set we use: Material Design Icons 6 (qtawesome ``mdi6``)."""
    import qtawesome

    result: QIcon = qtawesome.icon(f"mdi6.{name}", color=colour)
    return result


def register_fonts() -> str:
    """Register the bundled font (once per process); return the family the UI uses."""
    families = QFontDatabase.families()
    if PREFERRED_FAMILY in families:
        return PREFERRED_FAMILY
    if BUNDLED_FAMILY not in families:
        font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
        if font_id < 0:
            log.warning("could not load the bundled font %s", paths.font_path())
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    return BUNDLED_FAMILY


def apply_look(app: QApplication) -> str:
    """Fusion, light palette, CJK font at a readable size; returns the font family."""
    QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setStyle("Fusion")
    style = app.style()
    palette = style.standardPalette()
    palette.setColor(palette.ColorRole.Highlight, QColor(ACCENT))
    app.setPalette(palette)
    family = register_fonts()
    font = QFont(family, BASE_POINT_SIZE)
    app.setFont(font)
    return family

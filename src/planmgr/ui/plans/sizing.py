"""Dialog sizes that stay put once shown (DESIGN.md §10: sized for 1366×768)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def settle_size(dialog: QWidget, width: int, height: int, *, slack: int = 0) -> None:
    """Give ``dialog`` a fixed minimum (at least what its layout needs, plus ``slack`` for
    messages that appear later) and stop the layout from changing it after it is shown:
    a changing minimum moves the window, and platforms without size hints warn about it."""
    layout = dialog.layout()
    needed = layout.minimumSize() if layout is not None else dialog.minimumSize()
    minimum_width = max(width, needed.width())
    minimum_height = max(height, needed.height() + slack)
    dialog.setMinimumSize(minimum_width, minimum_height)
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    hint = dialog.sizeHint()
    dialog.resize(
        max(dialog.width(), hint.width(), minimum_width),
        max(dialog.height(), hint.height() + slack, minimum_height),
    )

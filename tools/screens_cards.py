"""Screenshots of the 处置卡 page for the documentation (offscreen, no display needed).

    .venv/bin/python tools/screens_cards.py                 # the demo database (made in a temp dir)
    .venv/bin/python tools/screens_cards.py --db my.sqlite

Saves docs/screenshots/cards-list.png (the list, stale cards first), cards-editor.png (a
stale card in the editor), cards-steps.png (the editor's steps after "draft from plan")
and cards-print.png (the print centre with the A4 4-up preview of one unit's cards), at
1366×768 — the office screen the dialogs are sized for.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="database to show (default: a fresh demo database)")
    parser.add_argument("-o", "--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.TemporaryDirectory(prefix="planmgr-shot-")
    os.environ["PLANMGR_HOME"] = home.name

    from planmgr.ui import dialogs

    def to_stderr(parent: object, title: str, text: str, details: str | None = None) -> None:
        print(f"{title}: {text}", file=sys.stderr)

    dialogs.error = to_stderr  # no modal dialogs in a headless run
    dialogs.inform = to_stderr
    dialogs.ask = lambda parent, title, text, default_yes=False: True

    db = args.db
    if db is None:
        from planmgr.services.demo import create_demo

        db = Path(home.name) / "demo.sqlite"
        create_demo(db, size="small")
    from PySide6.QtCore import QEventLoop, Qt

    from planmgr.ui.app import start
    from planmgr.ui.cards.models import CardTableModel

    started = start(["--db", str(db), "--lang", "zh_CN"])
    if isinstance(started, int):
        return started
    app, window = started
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.ops.show_progress_after_ms = 60_000  # no progress dialog in the pictures
    window.resize(width, height)
    window.show()
    window.show_page("cards")
    page = window.pages["cards"]
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def wait_for_ops() -> None:
        while window.ops.busy:
            loop = QEventLoop()
            window.ops.finished.connect(loop.quit)
            loop.exec()
        settle()

    def save(widget, name: str) -> None:  # noqa: ANN001 - a QWidget
        settle()
        path = args.out / name
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"saved {path}")

    wait_for_ops()  # the cards are read in the background
    # The list, stale cards first, the first stale one selected.
    page.table.sortByColumn(CardTableModel.STATUS, Qt.SortOrder.AscendingOrder)
    stale = [card for card in page.cards if card.stale]
    if stale:
        page.select({stale[0].uid})
    save(window, "cards-list.png")

    # A stale card in the editor.
    if stale:
        page.edit_card()
        editor = page.editor
        assert editor is not None
        save(editor, "cards-editor.png")
        editor._dirty = False
        editor.reject()
        settle()

    # A new card drafted from an on-site plan: the steps tab.
    first = page.cards[0]
    page.select({first.uid})
    page.new_card()
    editor = page.editor
    assert editor is not None
    editor.post_edit.setText(first.post)
    editor.plan_combo.setCurrentIndex(max(editor.plan_combo.findData(first.plan_uid), 1))
    editor.draft_from_plan()
    save(editor, "cards-steps.png")
    editor._dirty = False
    editor.reject()
    settle()

    # The print centre: one unit's cards, A4 4-up with QR, previewed.
    unit = (stale[0] if stale else first).unit_uid
    page.filters.select(unit_uid=unit)
    page.print_chosen()
    centre = page.print_centre
    centre.qr_box.setChecked(True)
    centre.preview()
    wait_for_ops()
    save(window, "cards-print.png")

    window.close()
    home.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshot of the main window for the documentation (offscreen, no display needed).

    .venv/bin/python tools/screenshot.py                     # the demo database (created in a temp dir)
    .venv/bin/python tools/screenshot.py --db my.sqlite -o docs/screenshot-main.png

Opens the window as ``planmgr gui`` does, shows 预案体系, expands the top plans and the
first plans under them that have children, and saves ``QWidget.grab()`` as PNG.
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
    parser.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "screenshot-main.png")
    parser.add_argument("--page", default="plans", help="page key: dashboard, plans, units, …")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)

    # Before Qt is imported: render offscreen, and keep the user's own settings out of it.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.TemporaryDirectory(prefix="planmgr-shot-")
    os.environ["PLANMGR_HOME"] = home.name

    from planmgr.ui import dialogs

    def to_stderr(parent: object, title: str, text: str, details: str | None = None) -> None:
        print(f"{title}: {text}", file=sys.stderr)

    dialogs.error = to_stderr  # no modal dialogs in a headless run
    dialogs.inform = to_stderr

    db = args.db
    if db is None:
        from planmgr.services.demo import create_demo

        db = Path(home.name) / "demo.sqlite"
        create_demo(db, size="small")
    from planmgr.ui.app import start

    started = start(["--db", str(db), "--lang", args.lang])
    if isinstance(started, int):
        return started
    app, window = started
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.show_page(args.page)
    page = window.pages[args.page]
    if hasattr(page, "view"):
        expand_for_overview(page)
    app.processEvents()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(args.output)):
        print(f"could not write {args.output}", file=sys.stderr)
        return 1
    print(f"saved {args.output} ({width}×{height}) from {db}")
    window.close()
    home.cleanup()
    return 0


def expand_for_overview(page) -> None:  # noqa: ANN001 - a TreePage
    """Top level open; under it, the first node with children and the first town (or
    department) node with children, so three levels of the hierarchy show."""
    from planmgr.ui.models.lazy_tree import NODE_ROLE

    model, view = page.model, page.view
    view.doItemsLayout()
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        view.expand(top)
        view.doItemsLayout()
        parents = [model.index(r, 0, top) for r in range(model.rowCount(top))]
        parents = [index for index in parents if model.hasChildren(index)]
        towns = [i for i in parents if getattr(i.data(NODE_ROLE), "category", "") in ("town", "department")]
        for index in dict.fromkeys(parents[:1] + towns[:1]):
            view.expand(index)
            view.doItemsLayout()
    if model.rowCount():
        view.setCurrentIndex(model.index(0, 0))


if __name__ == "__main__":
    raise SystemExit(main())

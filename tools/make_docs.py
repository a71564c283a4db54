"""Every screenshot the user guide (docs/用户手册.md) shows, regenerated offscreen: `make docs`.

    .venv/bin/python tools/make_docs.py               # all screenshots, then check the guide
    .venv/bin/python tools/make_docs.py --guide-only  # only the guide-*.png made here (quick)
    .venv/bin/python tools/make_docs.py --check       # only check the guide's images exist

1. Runs the area scripts (tools/screenshot.py, screens_plans.py, screens_drills.py,
   screens_cards.py, screens_filings.py), each in its own process (each starts its own
   QApplication) on its own copy of one demo database made here, writing
   docs/screenshots/*.png (and docs/screenshot-main.png).
2. Makes the guide's own pictures, docs/screenshots/guide-*.png: the 文件 and 帮助 menus
   over the window, the 新建数据库, 新建单位, 关于 and 恢复备份 dialogs.
3. Checks that every image docs/用户手册.md references exists (exit 1 if not).

Nothing outside a temporary folder is written except the PNGs; no display is needed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools"
SHOTS = REPO / "docs" / "screenshots"
GUIDE = REPO / "docs" / "用户手册.md"
WINDOW = (1280, 720)  # a 1366×768 office screen less the task bar

# (script, its arguments): "{db}" is a fresh copy of the demo database, "{out}" the folder.
AREA_SCRIPTS: list[tuple[str, list[str]]] = [
    ("screenshot.py", ["--db", "{db}", "--out-dir", "{out}"]),
    ("screens_plans.py", ["--db", "{db}", "-o", "{out}"]),
    ("screens_drills.py", ["--db", "{db}", "--out", "{out}"]),
    ("screens_cards.py", ["--db", "{db}", "-o", "{out}"]),
    ("screens_filings.py", ["--demo", "{db}", "-o", "{out}"]),
    # the English interface (guide §9.1, docs/translation.md)
    ("screenshot.py", ["--db", "{db}", "--lang", "en", "--page", "plans", "-o", "{out}/en-plans.png"]),
    (
        "screenshot.py",
        ["--db", "{db}", "--lang", "en", "--page", "dashboard", "-o", "{out}/en-dashboard.png"],
    ),
]

IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def guide_images(guide: Path = GUIDE) -> list[Path]:
    """The image files the guide links to (``![…](screenshots/x.png)``), resolved."""
    text = guide.read_text(encoding="utf-8")
    return [(guide.parent / link).resolve() for link in IMAGE_LINK.findall(text)]


def check_guide(guide: Path = GUIDE) -> int:
    missing = [p for p in guide_images(guide) if not p.is_file()]
    for path in missing:
        print(f"用户手册引用的图片不存在：{path}", file=sys.stderr)
    if not missing:
        print(f"{guide.relative_to(REPO)}: {len(guide_images(guide))} images, all present")
    return 1 if missing else 0


def run_area_scripts(demo: Path, out: Path, folder: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    for index, (script, template) in enumerate(AREA_SCRIPTS):
        db = folder / f"demo-{index}.sqlite"
        shutil.copy(demo, db)
        args = [a.format(db=db, out=out) for a in template]
        started = time.monotonic()
        print(f"== {script}", flush=True)
        done = subprocess.run([sys.executable, str(TOOLS / script), *args], env=env, cwd=REPO, check=False)
        if done.returncode != 0:
            print(f"{script} failed with exit code {done.returncode}", file=sys.stderr)
            return done.returncode
        print(f"   {script}: {time.monotonic() - started:.1f} s", flush=True)
    return 0


# ---------------------------------------------------------------------- the guide's own shots


class GuideShots:
    def __init__(self, app: Any, window: Any, out: Path) -> None:
        self.app = app
        self.window = window
        self.out = out

    def settle(self) -> None:
        """Events until the window's background operations are done."""
        end = time.monotonic() + 30
        while self.window.ops.busy and time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)
        for _ in range(10):
            self.app.processEvents()

    def save(self, pixmap: Any, name: str) -> None:
        path = self.out / f"{name}.png"
        if not pixmap.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"saved {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")

    def widget(self, widget: Any, name: str) -> None:
        self.settle()
        self.save(widget.grab(), name)

    def menu(self, title: str, name: str, crop: tuple[int, int]) -> None:
        """The window with one menu bar menu open over it, cropped to the top-left corner."""
        from PySide6.QtGui import QPainter

        bar = self.window.menuBar()
        (action,) = [a for a in bar.actions() if a.text() == title]
        menu = action.menu()
        corner = bar.mapTo(self.window, bar.actionGeometry(action).bottomLeft())
        menu.popup(self.window.mapToGlobal(corner))
        self.settle()
        picture = self.window.grab()
        painter = QPainter(picture)
        painter.drawPixmap(corner, menu.grab())
        painter.end()
        menu.hide()
        self.save(picture.copy(0, 0, *crop), name)


def guide_screens(demo: Path, out: Path) -> None:
    from planmgr.ui.app import start

    started = start(["--db", str(demo), "--lang", "zh_CN"])
    if isinstance(started, int):
        raise SystemExit(f"the window did not start ({started})")
    app, window = started
    window.resize(*WINDOW)
    shots = GuideShots(app, window, out)
    window.show_page("dashboard")
    shots.settle()

    shots.menu("文件(&F)", "guide-file-menu", (560, 430))
    shots.menu("帮助(&H)", "guide-help-menu", (560, 260))

    dialog = window.new_database()
    assert dialog is not None
    dialog.file.setText("D:/应急/赤坎镇.sqlite")  # where an office would keep it, not the temp folder
    dialog.unit_name.setText("赤坎镇人民政府")
    shots.widget(dialog, "guide-new-database")
    dialog.reject()

    units_page(window, shots)

    about = window.about()
    shots.widget(about, "guide-about")
    about.reject()

    backup_and_restore(window, shots)
    window.ops.shutdown()
    window.close()


def units_page(window: Any, shots: GuideShots) -> None:
    """新建下级单位 under the first town: the unit editor with its parent filled in."""
    from planmgr.domain.enums import UnitKind
    from planmgr.services.units import find_units

    window.show_page("units")
    page = window.pages["units"]
    shots.settle()
    towns = find_units(window.database.engine, kind=UnitKind.TOWN)
    if towns:
        page.show_unit(towns[0].uid)
    shots.settle()
    editor = page.new_unit(under_selected=True)
    if editor is not None:
        editor.name.setText("开平市恒达化工有限公司")
        shots.widget(editor, "guide-unit-new")
        editor.reject()


def backup_and_restore(window: Any, shots: GuideShots) -> None:
    """文件 › 备份数据库 once, then 文件 › 恢复备份… with that backup selected."""
    from planmgr.ui.backup import open_restore

    window.back_up()
    shots.settle()
    dialog = open_restore(window)
    shots.settle()
    view = getattr(dialog, "view", None)
    if view is not None and view.model() is not None and view.model().rowCount():
        view.selectRow(0)
    shots.widget(dialog, "guide-restore")
    dialog.reject()


def quiet_dialogs() -> None:
    """No modal message boxes in a headless run: messages go to stdout."""
    from planmgr.ui import dialogs

    def say(parent: object, title: str, text: str, details: str | None = None) -> None:
        print(f"[{title}] {text.splitlines()[0] if text else ''}")

    dialogs.inform = say
    dialogs.error = say
    ask: Callable[..., bool] = lambda *_a, **_k: True  # noqa: E731
    dialogs.ask = ask


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-o", "--out", type=Path, default=SHOTS)
    parser.add_argument("--guide-only", action="store_true", help="only the guide-*.png made here")
    parser.add_argument("--check", action="store_true", help="only check the guide's images")
    args = parser.parse_args(argv)
    if args.check:
        return check_guide()

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.TemporaryDirectory(prefix="planmgr-docs-")
    folder = Path(home.name)
    os.environ["PLANMGR_HOME"] = str(folder / "home")
    args.out.mkdir(parents=True, exist_ok=True)

    from planmgr.services.demo import create_demo

    started = time.monotonic()
    demo = folder / "demo.sqlite"
    create_demo(demo, size="small")
    print(f"demo database: {time.monotonic() - started:.1f} s", flush=True)
    if not args.guide_only:
        code = run_area_scripts(demo, args.out, folder)
        if code:
            return code
    quiet_dialogs()
    guide_copy = folder / "guide.sqlite"
    shutil.copy(demo, guide_copy)
    guide_screens(guide_copy, args.out)
    home.cleanup()
    print(f"make docs: {time.monotonic() - started:.1f} s")
    return check_guide() if args.out == SHOTS and GUIDE.exists() else 0


if __name__ == "__main__":
    raise SystemExit(main())

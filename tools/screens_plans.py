"""Screenshots of the 预案体系 page and its dialogs on the demo database (offscreen).

    .venv/bin/python tools/screens_plans.py            # docs/screenshots/plans-*.png

Saves: plans-page.png (tree, detail panel), plans-search.png (results for 地震),
plans-editor.png (response levels of a plan under revision), plans-editor-basic.png,
plans-publish.png, plans-diff.png (version history with the side-by-side diff),
plans-audit.png. The window is 1280×720, what a 1366×768 office screen shows.
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
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.TemporaryDirectory(prefix="planmgr-shots-")
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

    started = start(["--db", str(db), "--lang", "zh_CN"])
    if isinstance(started, int):
        return started
    app, window = started
    window.resize(1280, 720)
    window.show_page("plans")
    page = window.pages["plans"]
    args.out.mkdir(parents=True, exist_ok=True)

    def save(widget: object, name: str) -> None:
        app.processEvents()
        target = args.out / f"plans-{name}.png"
        if not widget.grab().save(str(target)):  # type: ignore[attr-defined]
            raise SystemExit(f"could not write {target}")
        print(f"saved {target}")

    from planmgr.domain.enums import PlanCategory, PlanStatus
    from planmgr.services import plan_queries
    from planmgr.services.plan_queries import PlanFilter

    engine = window.database.engine
    # The tree: the overall plan open, a town open under it, a town plan selected.
    towns, _ = plan_queries.find_plans(engine, PlanFilter(category=PlanCategory.TOWN))
    page.reveal(towns[0].uid)
    page.view.expand(page.view.currentIndex())
    page._show_detail()
    save(window, "page")

    page.search.setText("地震")
    page.apply_filters()
    page._show_detail()
    save(window, "search")
    page.clear_filters()

    revising, _ = plan_queries.find_plans(engine, PlanFilter(status=PlanStatus.REVISING))
    target = next((r for r in revising if r.category == "special"), revising[0])
    editor = page.actions.edit(target.uid)
    assert editor is not None
    editor.nav.setCurrentRow(list(editor.pages).index("response_levels"))
    save(editor, "editor")
    editor.nav.setCurrentRow(0)
    save(editor, "editor-basic")
    editor._dirty = False
    editor.reject()

    page.reveal(target.uid)
    publish = page.actions.publish(target.uid)
    assert publish is not None
    save(publish, "publish")
    publish.reject()

    overall = plan_queries.find_plans(engine, PlanFilter(category=PlanCategory.OVERALL))[0][0]
    history = page.actions.history(overall.uid)
    assert history is not None
    save(history, "diff")
    history.reject()

    # A revision done through the services, so the audit trail has entries to show.
    from datetime import date

    from planmgr.services import plans

    quake = plan_queries.search_plans(engine, "地震")[0].row
    plans.start_revision(engine, quake.uid, "gov25-5")
    content = plans.get_plan(engine, quake.uid).content
    contacts = list(content.get("contacts") or [{"name": "市应急管理局", "role": "值班", "phone": ""}])
    contacts[0] = {**contacts[0], "phone": "0750-2219999"}
    plans.update_plan(engine, quake.uid, expected_row_version=None, content={**content, "contacts": contacts})
    plans.publish(
        engine, quake.uid, plans.PublishInfo("2026版", date.today(), doc_number="开府办〔2026〕5号")
    )
    audit = page.actions.audit(quake.uid)
    assert audit is not None
    save(audit, "audit")
    audit.reject()

    window.close()
    home.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

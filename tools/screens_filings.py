"""Screenshots of the 备案 page and the ledger wizard for the documentation (offscreen).

    .venv/bin/python tools/screens_filings.py            # writes docs/screenshots/filings-*.png, ledger-*.png

Office side: the demo database (a county emergency office, filings in every state).
Enterprise side: an enterprise database made here, whose filings went through a town office
made here too (one registered, one returned). The ledger wizard imports the sample units
ledger (docs/samples/ledgers) with a wrong column and wrong cells, then the sample as it is.
File choosers are answered by this script; nothing outside a temporary folder is written
except the PNGs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
WINDOW = (1280, 720)  # a 1366×768 office screen less the task bar


class Shots:
    def __init__(self, app: Any, out: Path) -> None:
        self.app = app
        self.out = out
        self.saved: list[Path] = []

    def settle(self, ops: Any = None) -> None:
        for _ in range(400):
            self.app.processEvents()
            if ops is None or not ops.busy:
                break
            import time

            time.sleep(0.01)
        for _ in range(5):
            self.app.processEvents()

    def save(self, widget: Any, name: str, ops: Any = None) -> None:
        self.settle(ops)
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        self.saved.append(path)
        print(f"saved {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")


def script_dialogs(answers: list[Path | None]) -> None:
    """File choosers answer from ``answers``; messages go to stderr (no modal dialogs)."""
    from planmgr.ui import dialogs

    def pick(*_args: Any, **_kw: Any) -> Path | None:
        return answers.pop(0) if answers else None

    def say(parent: object, title: str, text: str, details: str | None = None) -> None:
        print(f"[{title}] {text.splitlines()[0] if text else ''}", file=sys.stderr)

    dialogs.pick_open_file = pick
    dialogs.pick_save_file = pick
    dialogs.inform = say
    dialogs.error = say


def enterprise_databases(folder: Path) -> Path:
    """An enterprise with three published plans: one filed, one returned, one not yet sent."""
    from sqlmodel import select

    from planmgr.domain.enums import DatabaseMode, Industry, PlanCategory, UnitKind
    from planmgr.domain.validators import uscc_check_char
    from planmgr.services import plans
    from planmgr.services.filing_import import import_package
    from planmgr.services.filing_reply import apply_reply, export_reply, register_filing, return_filing
    from planmgr.services.filings import MaterialInput, export_filing_package
    from planmgr.services.setup import init_database
    from planmgr.store.database import open_database, session_scope
    from planmgr.store.models import Plan, Unit

    first17 = "91440783MA4UHD001"
    enterprise = folder / "enterprise.sqlite"
    office = folder / "office.sqlite"
    ent = init_database(
        enterprise,
        unit_name="开平市恒达化工有限公司",
        unit_kind=UnitKind.ENTERPRISE,
        uscc=first17 + uscc_check_char(first17),
        industry=Industry.HAZCHEM,
        mode=DatabaseMode.ENTERPRISE,
    )
    town = init_database(
        office, unit_name="赤坎镇人民政府", unit_kind=UnitKind.TOWN, mode=DatabaseMode.OFFICE
    )
    db = open_database(office)
    with session_scope(db.engine) as session:
        own = session.exec(select(Unit).where(Unit.uid == town.unit_uid)).one()
        own.region_code = "440783"
        session.add(
            Plan(
                owner_unit_id=own.id, title="赤坎镇突发事件总体应急预案", category="town", status="published"
            )
        )
    db.dispose()

    content = {
        "scope": "适用于本公司储罐区、装卸区发生的危险化学品泄漏、火灾事故。",
        "response_levels": [{"level": "一级", "condition": "泄漏无法控制或发生火灾", "lead": "总经理"}],
        "contacts": [{"name": "张伟", "role": "值班长", "phone": "13800138000"}],
    }
    today = date.today()
    db = open_database(enterprise)
    engine = db.engine
    with session_scope(engine) as session:
        unit = session.exec(select(Unit).where(Unit.uid == ent.unit_uid)).one()
        unit.address, unit.postcode, unit.legal_rep = "开平市赤坎镇工业园 8 号", "529300", "李强"
        unit.contact, unit.phone = "王芳", "13900139000"
        parent = Unit(name="赤坎镇人民政府", kind=UnitKind.TOWN.value)
        session.add(parent)
        session.flush()
        unit.parent_id = parent.id
    uids = []
    for title, category in (
        ("生产安全事故综合应急预案", PlanCategory.ENT_COMPREHENSIVE),
        ("危险化学品泄漏事故专项应急预案", PlanCategory.ENT_SPECIAL),
        ("储罐区泄漏现场处置方案", PlanCategory.ENT_ONSITE),
    ):
        parent = uids[0] if uids else None  # 专项 and 现场处置方案 hang under the 综合预案 (GB29639 §5)
        draft = plans.PlanDraft(title, category, ent.unit_uid, parent_uid=parent, content=content)
        summary = plans.create_plan(engine, draft)
        plans.send_for_review(engine, summary.uid)
        plans.publish(engine, summary.uid, plans.PublishInfo("1.0", today - timedelta(days=40)))
        uids.append(summary.uid)
    risk = MaterialInput("风险评估结果和应急资源调查清单", "风险评估报告.pdf", b"%PDF-1.4 risk")
    filed = export_filing_package(
        engine, folder / "a.planpkg", plan_uids=[uids[0]], materials=[risk], today=today - timedelta(days=30)
    )
    returned = export_filing_package(
        engine, folder / "b.planpkg", plan_uids=[uids[1]], today=today - timedelta(days=12)
    )
    db.dispose()

    db = open_database(office)
    import_package(db.engine, folder / "a.planpkg")
    import_package(db.engine, folder / "b.planpkg")
    register_filing(db.engine, filed.filing_uids[0], today=today - timedelta(days=27))
    export_reply(db.engine, filed.filing_uids[0], folder / "a.planreply")
    return_filing(db.engine, returned.filing_uids[0], today=today - timedelta(days=9))
    export_reply(db.engine, returned.filing_uids[0], folder / "b.planreply")
    db.dispose()
    db = open_database(enterprise)
    apply_reply(db.engine, folder / "a.planreply")
    apply_reply(db.engine, folder / "b.planreply")
    db.dispose()
    return enterprise


def open_window(path: Path) -> Any:
    from planmgr.store.database import open_database
    from planmgr.ui.main_window import MainWindow
    from planmgr.ui.ops import OpRunner

    window = MainWindow(open_database(path), ops=OpRunner(None))
    window.ops.widget = window
    window.resize(*WINDOW)
    window.show()
    window.show_page("filings")
    return window


def office_screens(shots: Shots, demo: Path) -> None:
    from planmgr.domain.enums import FilingStatus
    from planmgr.services.filing_stats import diff_with_previous

    window = open_window(demo)
    shots.settle(window.ops)  # the list is read in the background
    page = window.pages["filings"]
    view = page.office
    submitted = next(
        (r for r in view.model.rows() if r.effective_status is FilingStatus.SUBMITTED), view.model.row_at(0)
    )
    view.select(submitted.uid)
    shots.save(window, "filings-office", window.ops)

    view.open_check(submitted.uid)
    dialog = view.check_dialog
    for item in ("封面", "批准页", "目录", "正文"):
        dialog.checks[item].setChecked(True)
    dialog.notes["编制过程记录"].setText("缺少评审专家签字表")
    shots.save(dialog, "filings-office-check")
    dialog.reject()

    engine = window.database.engine
    with_previous = next((r for r in view.model.rows() if diff_with_previous(engine, r.uid).changed), None)
    if with_previous is not None:
        view.select(with_previous.uid)
        view.open_diff(with_previous.uid)
        shots.save(view.diff_dialog, "filings-office-diff")
        view.diff_dialog.reject()

    page.tabs.setCurrentWidget(page.statistics)
    shots.save(window, "filings-office-stats", window.ops)
    page.tabs.setCurrentWidget(view)
    window.ops.shutdown()
    window.close()
    window.database.dispose()


def enterprise_screens(shots: Shots, enterprise: Path, folder: Path, answers: list[Path | None]) -> None:
    window = open_window(enterprise)
    shots.settle(window.ops)
    view = window.pages["filings"].enterprise
    view.select(view.model.row_at(0).uid)
    returned = next((r for r in view.model.rows() if r.return_notice), None)
    if returned is not None:
        view.select(returned.uid)
    shots.save(window, "filings-enterprise", window.ops)

    view.new_filing()
    wizard = view.wizard
    shots.save(wizard, "filings-wizard-plans")
    wizard.next()
    materials = wizard.materials_page
    review = folder / "评审意见.pdf"
    review.write_bytes(b"%PDF-1.4 review")
    for row in range(materials.model.rowCount()):
        if materials.model.item_at(row) == "评审意见":
            materials.view.selectRow(row)
            answers.append(review)
            materials.attach()
    shots.save(wizard, "filings-wizard-materials")
    wizard.next()
    wizard.declaration_page.fax.setText("0750-2200000")
    wizard.declaration_page.email.setText("anquan@hengda.example.cn")
    wizard.declaration_page.assets.setText("3200")
    wizard.declaration_page.employees.setText("85")
    shots.save(wizard, "filings-wizard-declaration")
    wizard.next()
    answers.append(folder / "恒达备案.planpkg")
    wizard.write_page.write()
    shots.save(wizard, "filings-wizard-written", window.ops)
    wizard.accept()
    window.ops.shutdown()
    window.close()
    window.database.dispose()


def ledger_screens(shots: Shots, folder: Path, answers: list[Path | None]) -> None:
    import openpyxl

    from planmgr.domain.enums import UnitKind
    from planmgr.exchange.ledger_columns import LedgerKind
    from planmgr.services.setup import init_database
    from planmgr.store.database import open_database
    from planmgr.ui.ledger.wizard import LedgerWizard
    from planmgr.ui.ops import OpRunner

    sample = REPO / "docs" / "samples" / "ledgers" / "单位台账示例.xlsx"
    wrong = folder / "单位台账-有错误.xlsx"
    book = openpyxl.load_workbook(sample)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    sheet.cell(1, len(header) + 1, "单位名")  # a column the ledger does not have
    kind_col = header.index("单位类型*") + 1 if "单位类型*" in header else 2
    sheet.cell(4, kind_col, "镇政府")
    book.save(wrong)
    init_database(folder / "ledger.sqlite", unit_name="开平市应急管理局", unit_kind=UnitKind.DEPARTMENT)
    database = open_database(folder / "ledger.sqlite")
    ops = OpRunner(None)

    def wizard_for(path: Path) -> LedgerWizard:
        wizard = LedgerWizard(ops, lambda: database.engine, kind=LedgerKind.UNITS)
        ops.widget = wizard
        wizard.show()
        answers.append(path)
        wizard.file_page.choose()
        return wizard

    wizard = wizard_for(wrong)
    shots.save(wizard, "ledger-file")
    wizard.next()
    shots.save(wizard, "ledger-preview", ops)
    wizard.next()
    shots.save(wizard, "ledger-report", ops)
    wizard.reject()

    wizard = wizard_for(sample)
    wizard.next()
    shots.settle(ops)
    wizard.next()
    shots.save(wizard, "ledger-validated", ops)
    wizard.next()
    shots.save(wizard, "ledger-done", ops)
    wizard.accept()
    ops.shutdown()
    database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-o", "--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--demo", type=Path, help="an existing demo database to copy (default: made here)")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.TemporaryDirectory(prefix="planmgr-shots-")
    folder = Path(home.name)
    os.environ["PLANMGR_HOME"] = str(folder / "home")
    args.out.mkdir(parents=True, exist_ok=True)

    answers: list[Path | None] = []
    script_dialogs(answers)
    demo = folder / "demo.sqlite"
    if args.demo:
        shutil.copy(args.demo, demo)
    else:
        from planmgr.services.demo import create_demo

        create_demo(demo, size="small")
    enterprise = enterprise_databases(folder)

    from PySide6.QtWidgets import QApplication

    from planmgr.ui.app import UiSetup

    app = QApplication([sys.argv[0]])
    UiSetup(app, "zh_CN")()
    shots = Shots(app, args.out)
    office_screens(shots, demo)
    enterprise_screens(shots, enterprise, folder, answers)
    ledger_screens(shots, folder, answers)
    home.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Regenerate the sample printouts in docs/samples/ from the demo data set.

    .venv/bin/python tools/make_samples.py [--out docs/samples]

Builds the demo database (a fixed "today", so the samples only change when the code or
the demo data do) in a temporary folder, then prints:
- cards-a6.pdf, cards-a5-2up.pdf: the handling cards of one enterprise;
- cards-a4-4up-qr.pdf: the cards of two enterprises, four to a sheet, with QR codes;
- manual-onsite.pdf: the concise manual of that enterprise's 现场处置方案 with its cards;
- manual-town.pdf: the concise manual of a town's overall plan (several work groups).
Look at them after a change: ``pdftoppm -r 60 -png FILE /tmp/x`` and open the PNGs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportlab import rl_config  # noqa: E402

from planmgr.reports.cards import CardOptions, Layout  # noqa: E402
from planmgr.reports.imposition import render_cards  # noqa: E402
from planmgr.reports.manual import render_manual  # noqa: E402
from planmgr.services import card_printing, plans, units  # noqa: E402
from planmgr.services.card_printing import CardSelection  # noqa: E402
from planmgr.services.demo import create_demo  # noqa: E402
from planmgr.store.database import open_database  # noqa: E402

SAMPLE_DAY = date(2026, 1, 15)
ENTERPRISE = "开平市翠山湖精细化工有限公司"
SECOND_ENTERPRISE = "开平市华铝型材有限公司"


def _unit_uid(engine: object, name: str) -> str:
    found = [u for u in units.find_units(engine, name_contains=name) if u.data.name == name]  # type: ignore[arg-type]
    if not found:
        raise SystemExit(f"演示数据中没有单位：{name}")
    return found[0].uid


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    args = parser.parse_args()
    rl_config.invariant = 1  # no creation time or random id: same input, same bytes
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        create_demo(path, today=SAMPLE_DAY)
        database = open_database(path)
        try:
            engine = database.engine
            first = _unit_uid(engine, ENTERPRISE)
            own, batch = card_printing.select_for_print(engine, CardSelection(unit_uid=first))
            second, _ = card_printing.select_for_print(
                engine, CardSelection(unit_uid=_unit_uid(engine, SECOND_ENTERPRISE))
            )
            printable = [c.printable() for c in own]
            written = []
            for name, layout, chosen, qr in (
                ("cards-a6.pdf", Layout.A6, printable, False),
                ("cards-a5-2up.pdf", Layout.A5_2UP, printable, False),
                ("cards-a4-4up-qr.pdf", Layout.A4_4UP, printable + [c.printable() for c in second], True),
            ):
                title = batch if chosen is printable else "演示：两家企业的应急处置卡"
                options = CardOptions(layout=layout, qr=qr, batch_title=title, print_date=SAMPLE_DAY)
                result = render_cards(chosen, out / name, options)
                written.append(f"{name}: {result.cards} 张卡，{result.pages} 页，过期 {len(result.stale)} 张")
            onsite = next(c.plan_uid for c in own if c.plan_uid)
            manual = replace(card_printing.manual_data(engine, onsite), print_date=SAMPLE_DAY)
            result = render_manual(manual, out / "manual-onsite.pdf")
            written.append(f"manual-onsite.pdf: {result.pages} 页，附卡 {result.cards} 张")
            town = max(
                (p for p in plans_of_towns(engine)),
                key=lambda uid: len(plans.get_plan(engine, uid).content.get("work_groups") or []),
            )
            manual = replace(card_printing.manual_data(engine, town), print_date=SAMPLE_DAY)
            result = render_manual(manual, out / "manual-town.pdf")
            written.append(f"manual-town.pdf: {result.pages} 页")
        finally:
            database.dispose()
    for line in written:
        print(line)
    return 0


def plans_of_towns(engine: object) -> list[str]:
    from sqlmodel import select

    from planmgr.store.database import session_scope
    from planmgr.store.models import Plan

    with session_scope(engine) as session:  # type: ignore[arg-type]
        query = select(Plan.uid).where(Plan.category == "town", Plan.status == "published")
        return list(session.exec(query))


if __name__ == "__main__":
    raise SystemExit(main())

"""Figures 3, 4, 6 and 7 of ``make bench``: each the planmgr call and its baseline, timed in
this process against the large demo set (a copy of it where the call writes).

Every function returns a ``Measured`` (seconds of planmgr, seconds of the baseline, notes);
bench/run.py turns them into the report.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import statistics
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any


@dataclass
class Measured:
    ours: float
    base: float
    extra: dict[str, Any] = field(default_factory=dict)


def best_of(repeat: int, *runs: Callable[[], object]) -> list[float]:
    """Best wall time of each run over ``repeat`` rounds, alternating (a shared machine slows both)."""
    best = [float("inf")] * len(runs)
    for _ in range(max(1, repeat)):
        for i, run in enumerate(runs):
            started = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - started)
    return best


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def raw(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)


@contextmanager
def copy_of(db: Path, folder: Path) -> Iterator[Path]:
    """A scratch copy of the (checkpointed) dataset for a figure that writes."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"scratch-{db.stem}.sqlite"
    shutil.copyfile(db, target)
    try:
        yield target
    finally:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


# --------------------------------------------------------------------------- 3. search


def search_queries(db: Path, per_length: int = 30, seed: int = 20261129) -> dict[int, list[str]]:
    """1-, 2- and 5-character Chinese terms a user would type, taken from plan and card titles."""
    conn = raw(db)
    try:
        titles = [
            r[0] for r in conn.execute("SELECT title FROM plan UNION ALL SELECT title FROM handling_card")
        ]
    finally:
        conn.close()
    rng = random.Random(seed)
    cjk = [t for t in titles if sum("\u4e00" <= ch <= "\u9fff" for ch in t) >= 8]
    chosen: dict[int, list[str]] = {}
    for length in (1, 2, 5):
        terms: list[str] = []
        while len(terms) < per_length:
            title = rng.choice(cjk)
            start = rng.randrange(0, len(title) - length + 1)
            term = title[start : start + length]
            if all("\u4e00" <= ch <= "\u9fff" for ch in term) and term not in terms:
                terms.append(term)
        chosen[length] = terms
    return chosen


def search_latency(db: Path, rounds: int = 5) -> dict[int, Measured]:
    """The plan page's search (``services.plan_queries.search_plans``: the FTS5 query, card
    hits mapped to their plans, the rows read for the result table) per query vs the bare
    FTS5 lookup of the same terms through sqlite3."""
    from planmgr.services.plan_queries import search_plans
    from planmgr.store import search
    from planmgr.store.database import open_database

    queries = search_queries(db)
    database = open_database(db, read_only=True)
    conn = raw(db)
    # The bare FTS5 lookup: the first 200 matching documents, no ranking, no extract.
    sql = f"SELECT uid, kind, title FROM {search.SEARCH_TABLE} WHERE {search.SEARCH_TABLE} MATCH ? LIMIT 200"
    results: dict[int, Measured] = {}
    try:
        search_plans(database.engine, "预案")  # warm: first connection, statement cache
        for length, terms in queries.items():
            ours: list[float] = []
            base: list[float] = []
            hits: list[int] = []
            for _ in range(rounds):
                for term in terms:
                    started = time.perf_counter()
                    found = search_plans(database.engine, term)
                    ours.append(time.perf_counter() - started)
                    hits.append(len(found))
                    started = time.perf_counter()
                    conn.execute(sql, (search.fts_query(term),)).fetchall()
                    base.append(time.perf_counter() - started)
            results[length] = Measured(
                percentile(ours, 0.95),
                percentile(base, 0.95),
                {
                    "p50": statistics.median(ours),
                    "p95": percentile(ours, 0.95),
                    "base_p50": statistics.median(base),
                    "base_p95": percentile(base, 0.95),
                    "samples": len(ours),
                    "median_hits": statistics.median(hits),
                    "examples": terms[:3],
                },
            )
    finally:
        conn.close()
        database.dispose()
    return results


# --------------------------------------------------------------------------- 4. due list


def due_list(db: Path, repeat: int = 3) -> Measured:
    """``compliance.due_report`` for the whole county vs the same SQL statements (captured from
    one run) executed with sqlite3 and fetched: reading the rows, without the rules."""
    from sqlalchemy import event

    from planmgr.services.compliance import due_report
    from planmgr.store.database import open_database

    database = open_database(db, read_only=True)
    statements: list[tuple[str, Any]] = []

    def capture(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        statements.append((statement, parameters))

    try:
        event.listen(database.engine, "before_cursor_execute", capture)
        report = due_report(database.engine, date.today())
        event.remove(database.engine, "before_cursor_execute", capture)
        conn = raw(db)
        try:
            rows = 0

            def replay() -> None:
                nonlocal rows
                rows = sum(len(conn.execute(sql, params).fetchall()) for sql, params in statements)

            ours, base = best_of(repeat, lambda: due_report(database.engine, date.today()), replay)
        finally:
            conn.close()
    finally:
        database.dispose()
    return Measured(ours, base, {"items": len(report.items), "queries": len(statements), "rows_read": rows})


# --------------------------------------------------------------------------- 6. ledger import


def plans_ledger(db: Path, path: Path, rows: int = 10_000) -> None:
    """A 预案台账 of ``rows`` new enterprise plans owned by the dataset's enterprises."""
    from planmgr.domain.enums import EventType, PlanCategory, PlanStatus
    from planmgr.exchange.ledger_columns import LedgerKind
    from planmgr.exchange.ledger_records import PlanRecord
    from planmgr.exchange.ledger_xlsx import write_ledger

    conn = raw(db)
    try:
        owners = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM unit WHERE kind = 'enterprise' AND deleted_at IS NULL "
                "GROUP BY name HAVING count(*) = 1 ORDER BY id"
            )
        ]
    finally:
        conn.close()
    records = [
        PlanRecord(
            row=0,
            title=f"{owners[i % len(owners)]}第{i // len(owners) + 1}号专项应急预案（台账导入）",
            category=PlanCategory.ENT_SPECIAL,
            owner=owners[i % len(owners)],
            event_types=(EventType.FIRE, EventType.HAZCHEM),
            version_label="1.0",
            published_date=date(2024, 1, 1) + timedelta(days=i % 365),
            status=PlanStatus.PUBLISHED,
            last_evaluation=date(2025, 1, 1) if i % 2 else None,
            note=f"台账第{i + 1}行",
        )
        for i in range(rows)
    ]
    write_ledger(path, LedgerKind.PLANS, records)


def ledger_import(db: Path, scratch: Path, repeat: int = 2) -> Measured:
    """``import_ledger(plans)`` of 10,000 new rows into a copy of the county database vs reading
    the same file with pandas (calamine engine)."""
    import pandas as pd

    from planmgr.services.ledger import import_ledger
    from planmgr.store.database import open_database

    ledger = scratch / "plans-10000.xlsx"
    if not ledger.exists() or ledger.stat().st_mtime < db.stat().st_mtime:
        plans_ledger(db, ledger)
    ours = base = float("inf")
    inserted = 0
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        frame = pd.read_excel(ledger, engine="calamine")
        base = min(base, time.perf_counter() - started)
        assert len(frame) == 10_000
        with copy_of(db, scratch) as target:
            database = open_database(target)
            try:
                started = time.perf_counter()
                report = import_ledger(database.engine, "plans", ledger)
                ours = min(ours, time.perf_counter() - started)
            finally:
                database.dispose()
        if report.errors:
            raise RuntimeError(f"ledger rejected: {report.errors[:3]}")
        inserted = report.inserted
    return Measured(ours, base, {"inserted": inserted})


# --------------------------------------------------------------------------- 7. filing package


def _content(i: int) -> dict[str, Any]:
    return {
        "scope": f"适用于本公司第{i}号生产装置及其储罐区、装卸区发生的"
        "危险化学品泄漏、火灾、中毒事故的应急处置。",
        "response_levels": [
            {"level": "一级", "condition": "泄漏无法控制或发生火灾爆炸", "lead": "总经理"},
            {"level": "二级", "condition": "少量泄漏，30分钟内可以控制", "lead": "生产副总"},
        ],
        "work_groups": [
            {
                "name": name,
                "lead": "张伟",
                "members": "各班组长",
                "duties": "负责现场处置、警戒、疏散和救护。",
            }
            for name in ("抢险组", "警戒疏散组", "医疗救护组", "后勤保障组")
        ],
        "procedure": [
            {"step": str(n), "action": action, "responsible": "当班班长", "time_limit": "5分钟"}
            for n, action in enumerate(("发现报警", "关闭阀门", "启动喷淋", "疏散人员", "报告应急局"), 1)
        ],
        "measures": ["切断泄漏源", "设置警戒区", "下风向人员撤离", "堵漏并收集泄漏物"],
        "precautions": ["佩戴正压式空气呼吸器", "严禁盲目施救"],
        "contacts": [{"name": "应急值班室", "role": "值班", "phone": "0750-2212345"}],
        "resources": [{"name": "吸附棉", "quantity": "50 包", "location": "应急物资库", "keeper": "李强"}],
    }


def filing_package(folder: Path, plans: int = 50) -> Path:
    """An enterprise database with ``plans`` published plans and its filing package (made once)."""
    from planmgr.domain.enums import DatabaseMode, Industry, PlanCategory, UnitKind
    from planmgr.domain.validators import uscc_check_char
    from planmgr.services import plans as plan_service
    from planmgr.services.filings import export_filing_package
    from planmgr.services.setup import init_database
    from planmgr.store.database import open_database

    package = folder / f"filing-{plans}.planpkg"
    if package.exists():
        return package
    folder.mkdir(parents=True, exist_ok=True)
    ent = folder / f"enterprise-{plans}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{ent}{suffix}").unlink(missing_ok=True)
    first17 = "91440783MA4BENCH5"
    result = init_database(
        ent,
        unit_name="开平市基准测试化工有限公司",
        unit_kind=UnitKind.ENTERPRISE,
        uscc=first17 + uscc_check_char(first17),
        industry=Industry.HAZCHEM,
        mode=DatabaseMode.ENTERPRISE,
    )
    database = open_database(ent)
    try:
        comprehensive: str | None = None
        for i in range(plans):
            category = (
                PlanCategory.ENT_COMPREHENSIVE
                if i == 0
                else (PlanCategory.ENT_SPECIAL if i % 2 else PlanCategory.ENT_ONSITE)
            )
            title = "生产安全事故综合应急预案" if i == 0 else f"第{i}号{category.label}"
            draft = plan_service.PlanDraft(
                title, category, result.unit_uid, parent_uid=comprehensive, content=_content(i)
            )
            summary = plan_service.create_plan(database.engine, draft)
            comprehensive = comprehensive or summary.uid
            plan_service.send_for_review(database.engine, summary.uid)
            plan_service.publish(
                database.engine,
                summary.uid,
                plan_service.PublishInfo("1.0", date(2025, 3, 3), doc_number=f"基准安〔2025〕{i + 1}号"),
            )
        export_filing_package(database.engine, package, authority_name="开平市应急管理局")
    finally:
        database.dispose()
    return package


def _read_bare(package: Path) -> None:
    """Baseline: open the ZIP, hash every member, parse the two JSON documents."""
    with zipfile.ZipFile(package) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            hashlib.sha256(data).hexdigest()
            if info.filename.endswith(".json"):
                json.loads(data)


def package_import(db: Path, scratch: Path, repeat: int = 2) -> Measured:
    """``import_package`` of a 50-plan package into a copy of the county database vs reading the
    package bare (ZIP, hashes, JSON)."""
    from planmgr.services.filing_import import import_package
    from planmgr.store.database import open_database

    package = filing_package(scratch)
    conn = raw(db)
    try:
        (town_uid,) = conn.execute(
            "SELECT uid FROM unit WHERE kind = 'town' AND deleted_at IS NULL ORDER BY id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    ours = base = float("inf")
    plans = 0
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        _read_bare(package)
        base = min(base, time.perf_counter() - started)
        with copy_of(db, scratch) as target:
            database = open_database(target)
            try:
                started = time.perf_counter()
                result = import_package(database.engine, package, town_uid=town_uid)
                ours = min(ours, time.perf_counter() - started)
            finally:
                database.dispose()
        plans = len(result.plan_titles)
    return Measured(ours, base, {"plans": plans, "package_kb": package.stat().st_size // 1024})

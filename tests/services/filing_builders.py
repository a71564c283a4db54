"""Builders shared by the filing tests (services, reports, CLI): an enterprise database with
published plans, a town office database, packages tampered with in a given way, and the
digest of a database file.  No tests here (pytest does not collect this module)."""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import select

from planmgr.domain.enums import DatabaseMode, Industry, PlanCategory, UnitKind
from planmgr.domain.validators import uscc_check_char
from planmgr.services import plans
from planmgr.services.setup import init_database
from planmgr.store.database import open_database, session_scope
from planmgr.store.models import Plan, Unit

ENTERPRISE_NAME = "开平市恒达化工有限公司"
TOWN_NAME = "赤坎镇人民政府"

CONTENT_V1: dict[str, Any] = {
    "scope": "适用于本公司储罐区、装卸区发生的危险化学品泄漏、火灾事故。",
    "response_levels": [
        {"level": "一级", "condition": "泄漏无法控制或发生火灾", "lead": "总经理"},
        {"level": "二级", "condition": "少量泄漏，可在 30分钟 内控制", "lead": "生产副总"},
    ],
    "contacts": [
        {"name": "张伟", "role": "值班长", "phone": "13800138000"},
        {"name": "赤坎镇应急办", "role": "上级", "phone": "0750-2212345"},
    ],
    "procedure": [
        {"step": "1", "action": "报警并关闭进料阀", "responsible": "当班操作工", "time_limit": "5分钟"}
    ],
}


def valid_uscc(body: str = "MA4UHD001") -> str:
    """A USCC with a correct check character (GB 32100-2015): 9144 0783 + ``body`` (9 chars)."""
    first17 = "91440783" + body
    return first17 + uscc_check_char(first17)


@dataclass(frozen=True)
class Site:
    path: Path
    unit_uid: str


def enterprise_site(
    path: Path,
    *,
    name: str = ENTERPRISE_NAME,
    uscc: str | None = None,
    industry: Industry = Industry.HAZCHEM,
    town: str | None = TOWN_NAME,
    plans_: Sequence[tuple[str, PlanCategory]] = (
        ("生产安全事故综合应急预案", PlanCategory.ENT_COMPREHENSIVE),
    ),
    published: date = date(2025, 3, 3),
) -> tuple[Site, list[str]]:
    """An enterprise database (its own unit under a town unit of its own), with published plans."""
    result = init_database(
        path,
        unit_name=name,
        unit_kind=UnitKind.ENTERPRISE,
        uscc=uscc or valid_uscc(),
        industry=industry,
        mode=DatabaseMode.ENTERPRISE,
    )
    database = open_database(path)
    try:
        engine = database.engine
        with session_scope(engine) as session:
            own = session.exec(select(Unit).where(Unit.uid == result.unit_uid)).one()
            own.address, own.postcode, own.legal_rep = "开平市赤坎镇工业园 8 号", "529300", "李强"
            own.contact, own.phone = "王芳", "13900139000"
            if town:
                parent = Unit(name=town, kind=UnitKind.TOWN.value)
                session.add(parent)
                session.flush()
                own.parent_id = parent.id
            session.add(own)
        uids = [
            publish(engine, result.unit_uid, title, category, published=published)
            for title, category in plans_
        ]
    finally:
        database.dispose()
    return Site(path, result.unit_uid), uids


def publish(
    engine: Engine,
    unit_uid: str,
    title: str,
    category: PlanCategory,
    *,
    content: Mapping[str, Any] | None = None,
    published: date = date(2025, 3, 3),
    label: str = "1.0",
    parent_uid: str | None = None,
) -> str:
    summary = plans.create_plan(
        engine,
        plans.PlanDraft(
            title, category, unit_uid, parent_uid=parent_uid, content=dict(content or CONTENT_V1)
        ),
    )
    plans.send_for_review(engine, summary.uid)
    plans.publish(engine, summary.uid, plans.PublishInfo(label, published, doc_number="恒达安〔2025〕3号"))
    return summary.uid


def office_site(path: Path, *, name: str = TOWN_NAME, region_code: str | None = "440783") -> Site:
    """A town office database whose own unit is the town (mode office), with the town's plan."""
    result = init_database(path, unit_name=name, unit_kind=UnitKind.TOWN, mode=DatabaseMode.OFFICE)
    database = open_database(path)
    try:
        with session_scope(database.engine) as session:
            own = session.exec(select(Unit).where(Unit.uid == result.unit_uid)).one()
            own.region_code = region_code
            session.add(own)
            # The town's own plan (it hangs under the county's plan, which this database lacks).
            session.add(
                Plan(
                    owner_unit_id=own.id,
                    title="赤坎镇突发事件总体应急预案",
                    category=PlanCategory.TOWN.value,
                    status="published",
                )
            )
    finally:
        database.dispose()
    return Site(path, result.unit_uid)


def file_digest(path: Path) -> str:
    """SHA-256 of a closed SQLite file; its WAL must be gone (checkpointed on close)."""
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "database still has a WAL with content"
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- tampering


def read_entries(package: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def rezip(
    package: bytes,
    *,
    drop: Iterable[str] = (),
    replace: Mapping[str, bytes] | None = None,
    add: Sequence[tuple[zipfile.ZipInfo | str, bytes]] = (),
    manifest: Any = None,
    fix_manifest: bool = False,
) -> bytes:
    """The package with entries dropped, replaced or added; ``manifest`` replaces the manifest
    object; ``fix_manifest`` recomputes the listed hashes and sizes so that a change reaches
    the checks behind them (JSON and schema)."""
    replace = dict(replace or {})
    entries = [
        (i, replace.pop(i.filename, data)) for i, data in read_entries(package) if i.filename not in set(drop)
    ]
    if fix_manifest or manifest is not None:
        index = next(n for n, (i, _) in enumerate(entries) if i.filename == "manifest.json")
        obj = manifest if manifest is not None else json.loads(entries[index][1])
        if fix_manifest:
            contents = {i.filename: d for i, d in entries}
            for item in obj["files"]:
                if item["path"] in contents:
                    item["sha256"] = hashlib.sha256(contents[item["path"]]).hexdigest()
                    item["size"] = len(contents[item["path"]])
        entries[index] = (entries[index][0], json.dumps(obj, ensure_ascii=False).encode())
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names, which some cases want
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for info, data in entries:
                archive.writestr(info, data)
            for info_or_name, data in add:
                archive.writestr(info_or_name, data)
    return buffer.getvalue()


def json_entry(package: bytes, name: str) -> Any:
    return json.loads(dict((i.filename, d) for i, d in read_entries(package))[name])

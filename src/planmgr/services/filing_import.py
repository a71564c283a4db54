"""Filing (备案), office side: importing a package (DOMAIN.md §5; ENT Art.26–28).

``import_package`` checks the whole package and everything it would change before it
writes anything; then, in one transaction: the enterprise (matched by USCC, else
registered under its town), its plans and versions (same uids, linked under the town's
plan), the documents, and a ``Filing`` per plan version in state submitted, which
``filing_reply`` then checks and answers.  ``import_package_steps`` is the same import as
a generator of progress for the GUI.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from planmgr.domain.enums import DatabaseMode, PlanCategory, PlanStatus, UnitKind
from planmgr.domain.hierarchy import ALLOWED_PARENTS
from planmgr.domain.i18n import tr
from planmgr.exchange.package import FilingPackage, ReadProgress, read_package_steps
from planmgr.exchange.package_schema import PackageData, PackageRejected, PackageUnit, Problem, UnitRef
from planmgr.exchange.package_zip import Source
from planmgr.services import blobs
from planmgr.services.filing_stats import unit_by_uid
from planmgr.services.filings import add_submitted_filing, row_id, unit_from_package, version_from_package
from planmgr.services.settings import get_identity
from planmgr.store import search
from planmgr.store.database import session_scope
from planmgr.store.models import Filing, Plan, PlanVersion, Unit

# What an import refreshes of an enterprise already registered (see _write_import).
_UNIT_DETAILS = ("uscc", "region_code", "industry", "scale", "address", "postcode", "legal_rep",
                 "contact", "phone", "duty_phone")  # fmt: skip


@dataclass(frozen=True)
class ImportResult:
    package_uid: str
    fingerprint: str
    unit_uid: str
    unit_name: str
    unit_created: bool
    town_name: str | None
    filing_uids: tuple[str, ...]
    plan_titles: tuple[str, ...]
    previous_package_uid: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "reason": None,
            "message": tr("已导入 {count} 项备案", count=len(self.filing_uids)),
            "problems": [],
            **{k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()},
        }


def _refuse(reason: str, message: str) -> PackageRejected:
    return PackageRejected([Problem(reason, message)])


@dataclass
class _ImportPlan:
    """What an import will write, worked out (read-only) before anything is written."""

    own_unit_id: int
    own_unit_name: str
    unit_id: int | None  # the enterprise when it is already registered
    town_id: int | None
    town_name: str | None
    plan_ids: dict[str, int]  # plans already here, by uid
    version_ids: dict[str, int]  # versions already here, by uid
    parents: dict[str, int | None]  # new plans: parent plan id (uid known only inside the package)


def import_package_steps(
    engine: Engine, source: Source, *, town_uid: str | None = None, today: date | None = None
) -> Generator[ReadProgress, None, ImportResult]:
    """Import a package (office side), yielding progress; ``PackageRejected`` lists every
    problem, and then nothing has been written."""
    package = yield from read_package_steps(source)
    yield ReadProgress(1, 1, tr("检查数据库"))
    plan = _plan_import(engine, package, town_uid)
    try:
        return _write_import(engine, package, plan, today or date.today())
    except IntegrityError as error:  # someone else wrote the same rows in between
        detail = str(error.orig)[:120]
        raise _refuse("conflict", tr("写入时与已有记录冲突，未导入：{detail}", detail=detail)) from error


def import_package(
    engine: Engine, source: Source, *, town_uid: str | None = None, today: date | None = None
) -> ImportResult:
    steps = import_package_steps(engine, source, town_uid=town_uid, today=today)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: ImportResult = done.value
            return result


def _plan_import(engine: Engine, package: FilingPackage, town_uid: str | None) -> _ImportPlan:
    identity = get_identity(engine)
    if identity is None or identity.mode is not DatabaseMode.OFFICE:
        raise _refuse(
            "not_office",
            tr("备案包只能导入应急管理部门（受理单位）的数据库；本数据库是企业模式或尚未初始化"),
        )
    data = package.data
    problems: list[Problem] = []
    with session_scope(engine) as session:
        own = unit_by_uid(session, identity.unit_uid)
        filing_uids = [f.uid for f in data.filings]
        seen = session.exec(
            select(Filing).where(
                (col(Filing.package_uid) == package.manifest.package_uid) | col(Filing.uid).in_(filing_uids)
            )
        ).first()
        if seen is not None:
            when = seen.created_at.date().isoformat() if seen.created_at else ""
            raise _refuse(
                "already_imported",
                tr(
                    "该备案包（指纹 {fingerprint}）已于 {when} 导入过，不能重复导入",
                    fingerprint=package.fingerprint,
                    when=when,
                ),
            )
        unit = _match_unit(session, data.sender, problems)
        town_id, town_name = None, None
        if unit is None:
            town = _resolve_town(session, own, data.town, town_uid, problems)
            town_id, town_name = (town.id, town.name) if town else (None, None)
        elif unit.parent_id:
            parent = session.get(Unit, unit.parent_id)
            town_name = parent.name if parent else None
        plan_ids = _existing_plans(session, data, unit, problems)
        version_ids = _existing_versions(session, data, plan_ids, problems)
        for m in data.materials:
            if m.file_sha256 and not package.files[m.file_sha256]:
                empty = tr("材料“{item}”的文件“{filename}”是空文件", item=m.item, filename=m.filename or "")
                problems.append(Problem("bad_schema", empty))
        if problems:
            raise PackageRejected(problems)
        parents = _parents(
            session, data, plan_ids, unit.id if unit else None, town_id or (unit.parent_id if unit else None)
        )
        return _ImportPlan(
            row_id(own),
            own.name,
            unit.id if unit else None,
            town_id,
            town_name,
            plan_ids,
            version_ids,
            parents,
        )


def _match_unit(session: Session, sender: PackageUnit, problems: list[Problem]) -> Unit | None:
    unit = session.exec(select(Unit).where(Unit.uscc == sender.uscc)).first() if sender.uscc else None
    if unit is None:
        unit = session.exec(select(Unit).where(Unit.uid == sender.uid)).first()
        if unit is not None and unit.uscc and sender.uscc and unit.uscc != sender.uscc:
            problems.append(
                Problem(
                    "conflict",
                    tr("本库中单位“{name}”与报送单位标识相同，但统一社会信用代码不同", name=unit.name),
                )
            )
    if unit is not None and unit.deleted_at is not None:
        problems.append(
            Problem("conflict", tr("单位“{name}”在本库中已删除，请先恢复后再导入", name=unit.name))
        )
    return unit


def _resolve_town(
    session: Session, own: Unit, named: UnitRef | None, town_uid: str | None, problems: list[Problem]
) -> Unit | None:
    towns = select(Unit).where(Unit.kind == UnitKind.TOWN.value, col(Unit.deleted_at).is_(None))
    if town_uid:
        town = session.exec(towns.where(Unit.uid == town_uid)).first()
        if town is None:
            problems.append(Problem("town_required", tr("指定的乡镇（街道）不存在：{uid}", uid=town_uid)))
        return town
    if named is not None:
        if named.uid and (town := session.exec(towns.where(Unit.uid == named.uid)).first()):
            return town
        matches = session.exec(towns.where(Unit.name == named.name.strip())).all()
        if len(matches) == 1:
            return matches[0]
    if own.kind == UnitKind.TOWN.value:
        return own
    if named is not None:
        said = tr("备案包注明的“{town}”在本库中找不到；请指定企业所属的乡镇（街道）后再导入", town=named.name)
    else:
        said = tr("备案包没有注明所属乡镇（街道）；请指定企业所属的乡镇（街道）后再导入")
    problems.append(Problem("town_required", said))
    return None


def _existing_plans(
    session: Session, data: PackageData, unit: Unit | None, problems: list[Problem]
) -> dict[str, int]:
    found: dict[str, int] = {}
    uids = [p.uid for p in data.plans]
    for plan in session.exec(select(Plan).where(col(Plan.uid).in_(uids))):
        if unit is None or plan.owner_unit_id != unit.id:
            problems.append(
                Problem(
                    "conflict",
                    tr("预案标识 {uid} 在本库中属于其他单位的预案“{title}”", uid=plan.uid, title=plan.title),
                )
            )
        else:
            found[plan.uid] = row_id(plan)
    return found


def _existing_versions(
    session: Session, data: PackageData, plan_ids: Mapping[str, int], problems: list[Problem]
) -> dict[str, int]:
    found: dict[str, int] = {}
    by_uid = {v.uid: v for v in data.versions}
    for version in session.exec(select(PlanVersion).where(col(PlanVersion.uid).in_(list(by_uid)))):
        incoming = by_uid[version.uid]
        if plan_ids.get(incoming.plan_uid) != version.plan_id:
            problems.append(Problem("conflict", tr("版本标识 {uid} 在本库中属于另一个预案", uid=version.uid)))
        elif version.label != incoming.label or dict(version.content or {}) != incoming.content:
            problems.append(
                Problem(
                    "conflict",
                    tr(
                        "预案版本“{title} {version}”已导入过，"
                        "但内容与本次不同（发布后的版本不能修改，修订请发布新版本）",
                        title=incoming.title,
                        version=incoming.label,
                    ),
                )
            )
        else:
            found[version.uid] = row_id(version)
    for incoming in data.versions:
        plan_id = plan_ids.get(incoming.plan_uid)
        if incoming.uid in found or plan_id is None:
            continue
        clash = session.exec(
            select(PlanVersion.uid).where(PlanVersion.plan_id == plan_id, PlanVersion.label == incoming.label)
        ).first()
        if clash is not None:
            problems.append(
                Problem(
                    "conflict",
                    tr(
                        "预案“{title}”在本库中已有另一个 {version} 版",
                        title=incoming.title,
                        version=incoming.label,
                    ),
                )
            )
    return found


def _parents(
    session: Session, data: PackageData, plan_ids: Mapping[str, int], unit_id: int | None, town_id: int | None
) -> dict[str, int | None]:
    """Parents of new plans: their own parent when it travels with them or is already here,
    else the town's plan (衔接, DOMAIN.md §1) where the category may sit under one."""
    town_plan = None
    if town_id is not None:
        town_plan = session.exec(
            select(Plan.id)
            .where(
                Plan.owner_unit_id == town_id,
                Plan.category == PlanCategory.TOWN.value,
                col(Plan.deleted_at).is_(None),
                col(Plan.status).not_in([PlanStatus.ABOLISHED.value, PlanStatus.SUPERSEDED.value]),
            )
            .order_by(col(Plan.id).desc())
        ).first()
    parents: dict[str, int | None] = {}
    in_package = {p.uid for p in data.plans}
    for plan in data.plans:
        if plan.uid in plan_ids or plan.parent_uid in in_package:
            continue  # already here, or linked to its parent once both are written
        parent_id: int | None = None
        if plan.parent_uid and unit_id is not None:
            parent_id = session.exec(
                select(Plan.id).where(Plan.uid == plan.parent_uid, Plan.owner_unit_id == unit_id)
            ).first()
        if parent_id is None and PlanCategory.TOWN in ALLOWED_PARENTS[PlanCategory(plan.category)]:
            parent_id = town_plan
        parents[plan.uid] = parent_id
    return parents


def _write_import(engine: Engine, package: FilingPackage, plan: _ImportPlan, today: date) -> ImportResult:
    data = package.data
    s = data.sender
    with session_scope(engine) as session:
        created = plan.unit_id is None
        if created:
            unit = unit_from_package(s, plan.town_id)
        else:
            found = session.get(Unit, plan.unit_id)
            assert found is not None
            unit = found
            # The enterprise is the source of its own address and contacts; flags stay the office's.
            for key in _UNIT_DETAILS:
                if (value := getattr(s, key)) is not None:
                    setattr(unit, key, value)
        session.add(unit)
        session.flush()
        plans: dict[str, Plan] = {}
        for p in data.plans:
            row = session.get(Plan, plan.plan_ids[p.uid]) if p.uid in plan.plan_ids else None
            if row is None:
                row = Plan(
                    uid=p.uid,
                    owner_unit_id=row_id(unit),
                    category=p.category,
                    title=p.title,
                    status=PlanStatus.PUBLISHED.value,
                    parent_id=plan.parents.get(p.uid),
                )
            row.title, row.event_types = p.title, list(p.event_types)
            session.add(row)
            plans[p.uid] = row
        session.flush()
        for p in data.plans:  # parents that travel in the same package
            if p.uid not in plan.plan_ids and p.parent_uid in plans:
                plans[p.uid].parent_id = plans[p.parent_uid].id
        versions: dict[str, PlanVersion] = {}
        for v in data.versions:
            row_v = session.get(PlanVersion, plan.version_ids[v.uid]) if v.uid in plan.version_ids else None
            if row_v is None:
                row_v = version_from_package(v, row_id(plans[v.plan_uid]))
                session.add(row_v)
            versions[v.uid] = row_v
        session.flush()
        for pf in data.filings:  # the filed version is the one in force
            row_v = versions[pf.version_uid]
            target = session.get(Plan, row_v.plan_id)
            assert target is not None
            current = (
                session.get(PlanVersion, target.current_version_id) if target.current_version_id else None
            )
            if current is None or (current.published_date or date.min) <= (row_v.published_date or date.min):
                target.current_version_id, target.content = row_v.id, dict(row_v.content)
                target.status = PlanStatus.PUBLISHED.value
            session.add(target)
        for sha in {m.file_sha256 for m in data.materials if m.file_sha256}:
            blobs.put_in_session(session, package.files[sha], sha)
        filing_uids: list[str] = []
        for pf in data.filings:
            filing = add_submitted_filing(
                session,
                data,
                pf.uid,
                versions[pf.version_uid],
                unit,
                fingerprint=package.fingerprint,
                package_uid=package.manifest.package_uid,
                authority_name=plan.own_unit_name,
                authority_unit_id=plan.own_unit_id,
                submitted_date=data.submitted_date or today,
            )
            filing_uids.append(filing.uid)
        session.flush()
        search.index_rows(
            session.connection(),
            [
                (row.uid, "plan", *search.plan_document(row.title, row.content, row.note))
                for row in plans.values()
            ],
        )
        return ImportResult(
            package_uid=package.manifest.package_uid,
            fingerprint=package.fingerprint,
            unit_uid=unit.uid,
            unit_name=unit.name,
            unit_created=created,
            town_name=plan.town_name,
            filing_uids=tuple(filing_uids),
            plan_titles=tuple(p.title for p in data.plans),
            previous_package_uid=data.previous_package_uid,
        )

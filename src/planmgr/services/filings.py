"""Filing (备案), enterprise side: the package (DOMAIN.md §5; ENT Art.26–27; GOV2024 Art.26).

``export_filing_package`` picks plan versions, fills the materials checklist
(``materials_checklist``), attaches documents (blobs), writes the ``.planpkg`` and records
one ``Filing`` per plan version, status submitted, with the fingerprint and package uid.
A resubmission after a return carries the same plan uids and names the package it replaces.

The rest of the workflow: ``filing_import`` (the office takes the package in),
``filing_reply`` (the office's formal check, registration or return and answer file; the
enterprise takes the answer in), ``filing_stats`` (lists with deemed filing, statistics;
its workbook: ``filing_stats_xlsx``), ``filing_form_data`` (the forms).  Both directions of
the package share what is here: how its records map to model rows (``package_unit`` /
``unit_from_package``, ``package_version`` / ``version_from_package``) and
``add_submitted_filing``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from planmgr.domain.enums import IN_FORCE_STATUSES, FilingStatus, PlanCategory, UnitKind
from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import tr
from planmgr.exchange.package import write_package
from planmgr.exchange.package_schema import (
    Declaration,
    PackageData,
    PackageFiling,
    PackageMaterial,
    PackagePlan,
    PackageUnit,
    PackageVersion,
    UnitRef,
)
from planmgr.services import blobs
from planmgr.services.filing_stats import unit_by_uid
from planmgr.services.settings import Identity, get_identity, get_setting
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Filing, FilingMaterial, Plan, PlanVersion, Setting, Unit

# ENT Art.27: the enterprise's filing materials; ② only for units on the Art.21 list.  The
# items' names are package contents and print on the filing forms: Chinese in any language.
MATERIAL_DECLARATION = "应急预案备案申报表"  # zh-only: ENT Art.27 item (package, forms)
MATERIAL_REVIEW = "评审意见"  # zh-only: ENT Art.27 item (package, forms)
MATERIAL_DOCUMENT = "预案电子文档"  # zh-only: ENT Art.27 item (package, forms)
MATERIAL_RISK = "风险评估结果和应急资源调查清单"  # zh-only: ENT Art.27 item (package, forms)
# GOV2024 Art.26: a government unit files the issued text (with its electronic text) and notes.
GOVERNMENT_MATERIALS = ("正式印发文本（含电子文本）", "编制说明")  # zh-only: GOV2024 Art.26 items
# Setting: further items a province asks for (自评表, 签到表, photos…), a list of text.
EXTRA_MATERIALS_KEY = "filing_materials_extra"
# Setting: the 申报表 fields last used (fax, e-mail, assets, staff), as a dict.
DECLARATION_KEY = "filing_declaration"
# Setting: the authority the last package went to (the default for the next one).
AUTHORITY_KEY = "filing_authority"

_ANSWERED = (FilingStatus.FILED.value, FilingStatus.DEEMED_FILED.value)
_PENDING = (FilingStatus.SUBMITTED.value, *_ANSWERED)


@dataclass(frozen=True)
class MaterialInput:
    """A document the enterprise attaches for one checklist item."""

    item: str
    filename: str
    data: bytes


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_uid: str
    fingerprint: str
    size: int
    filing_uids: tuple[str, ...]
    plan_titles: tuple[str, ...]
    missing_items: tuple[str, ...]
    previous_package_uid: str | None


# --------------------------------------------------------------------------- small helpers


def own_identity(engine: Engine) -> Identity:
    """This database's own unit and mode; ``ValidationError`` before ``planmgr init``."""
    identity = get_identity(engine)
    if identity is None:
        raise ValidationError(tr("数据库尚未登记本单位，请先运行 planmgr init"))
    return identity


def row_id(row: Unit | Plan | PlanVersion | Filing) -> int:
    assert row.id is not None, "row not flushed"
    return row.id


def checklist_items(kind: str, listed_for_review: bool, extra: Sequence[str] = ()) -> list[str]:
    """The materials a unit files (ENT Art.27 for enterprises, GOV2024 Art.26 otherwise)."""
    if kind == UnitKind.ENTERPRISE.value:
        items = [
            MATERIAL_DECLARATION,
            *([MATERIAL_REVIEW] if listed_for_review else []),
            MATERIAL_DOCUMENT,
            MATERIAL_RISK,
        ]
    else:
        items = list(GOVERNMENT_MATERIALS)
    items.extend(e for e in extra if e not in items)
    return items


def material_text(item: str) -> str:
    """A checklist item as the user reads it: the statutory items (ENT Art.27, GOV2024 Art.26)
    in the interface language; a region's extra item as the office wrote it.  The item itself
    stays Chinese in packages and forms."""
    known = {
        MATERIAL_DECLARATION: tr("应急预案备案申报表"),
        MATERIAL_REVIEW: tr("评审意见"),
        MATERIAL_DOCUMENT: tr("预案电子文档"),
        MATERIAL_RISK: tr("风险评估结果和应急资源调查清单"),
        GOVERNMENT_MATERIALS[0]: tr("正式印发文本（含电子文本）"),
        GOVERNMENT_MATERIALS[1]: tr("编制说明"),
    }
    return known.get(item, item)


def _extra_materials(engine: Engine) -> list[str]:
    raw = get_setting(engine, EXTRA_MATERIALS_KEY) or []
    return [str(x).strip() for x in raw if isinstance(x, str) and x.strip()] if isinstance(raw, list) else []


def materials_checklist(engine: Engine, unit_uid: str | None = None) -> list[str]:
    """The checklist of this database's own unit (or ``unit_uid``), with the region's extras."""
    uid = unit_uid or own_identity(engine).unit_uid
    with session_scope(engine) as session:
        unit = unit_by_uid(session, uid)
        kind, listed = unit.kind, unit.listed_for_review
    return checklist_items(kind, listed, _extra_materials(engine))


# --------------------------------------------------------------------------- package records and rows


def _values(record: Any, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


# The package records name their fields after the model columns they travel from and to.
_UNIT_FIELDS = tuple(f.name for f in fields(PackageUnit))
_VERSION_FIELDS = tuple(f.name for f in fields(PackageVersion) if f.name not in ("plan_uid", "content"))


def package_unit(unit: Unit) -> PackageUnit:
    return PackageUnit(**_values(unit, _UNIT_FIELDS))


def unit_from_package(sent: PackageUnit, parent_id: int | None) -> Unit:
    return Unit(**_values(sent, _UNIT_FIELDS), parent_id=parent_id)


def package_version(v: PlanVersion, plan_uid: str) -> PackageVersion:
    return PackageVersion(**_values(v, _VERSION_FIELDS), plan_uid=plan_uid, content=dict(v.content or {}))


def version_from_package(sent: PackageVersion, plan_id: int) -> PlanVersion:
    return PlanVersion(**_values(sent, _VERSION_FIELDS), plan_id=plan_id, content=sent.content)


def add_submitted_filing(
    session: Session,
    data: PackageData,
    filing_uid: str,
    version: PlanVersion,
    unit: Unit,
    *,
    fingerprint: str,
    package_uid: str,
    authority_name: str,
    submitted_date: date | None,
    authority_unit_id: int | None = None,
) -> Filing:
    """A filing of one plan version of a package, state submitted, with the package's
    materials checklist: the enterprise records it on export, the office on import."""
    d = data.declaration
    filing = Filing(
        uid=filing_uid,
        plan_version_id=row_id(version),
        filing_unit_id=row_id(unit),
        authority_unit_id=authority_unit_id,
        authority_name=authority_name,
        submitted_date=submitted_date,
        status=FilingStatus.SUBMITTED.value,
        check_results={
            "declaration": {
                **asdict(d),
                "declared_date": d.declared_date.isoformat() if d.declared_date else None,
            }
        },
        fingerprint=fingerprint,
        package_uid=package_uid,
    )
    session.add(filing)
    session.flush()
    for m in data.materials:
        session.add(
            FilingMaterial(
                filing_id=row_id(filing),
                item=m.item[:100],
                provided=m.provided,
                blob_sha256=m.file_sha256,
                filename=m.filename,
            )
        )
    return filing


# --------------------------------------------------------------------------- enterprise: export


def _declaration(engine: Engine, unit: Unit, given: Declaration | None, today: date) -> Declaration:
    if given is None:
        raw = get_setting(engine, DECLARATION_KEY) or {}
        raw = raw if isinstance(raw, dict) else {}
        employees = raw.get("employees")
        given = Declaration(
            fax=raw.get("fax") or None,
            email=raw.get("email") or None,
            total_assets=raw.get("total_assets") or None,
            employees=employees if isinstance(employees, int) and not isinstance(employees, bool) else None,
        )
    return Declaration(
        contact=given.contact or unit.contact,
        phone=given.phone or unit.phone,
        fax=given.fax,
        email=given.email,
        total_assets=given.total_assets,
        employees=given.employees,
        declared_date=given.declared_date or today,
    )


def _plans_to_file(session: Session, unit: Unit, plan_uids: Sequence[str]) -> list[tuple[Plan, PlanVersion]]:
    in_force = tuple(s.value for s in IN_FORCE_STATUSES)
    query = select(Plan).where(Plan.owner_unit_id == unit.id, col(Plan.deleted_at).is_(None))
    if plan_uids:
        query = query.where(col(Plan.uid).in_(plan_uids))
    plans = {p.uid: p for p in session.exec(query.order_by(col(Plan.id)))}
    for uid in plan_uids:
        if uid not in plans:
            raise NotFoundError(tr("找不到本单位的预案：{uid}", uid=uid))
    chosen: list[tuple[Plan, PlanVersion]] = []
    for plan in plans.values():
        version = session.get(PlanVersion, plan.current_version_id) if plan.current_version_id else None
        if plan.status not in in_force or version is None:
            if plan_uids:
                raise ValidationError(tr("预案“{title}”尚未发布，不能报送备案", title=plan.title))
            continue
        pending = session.exec(
            select(Filing.status).where(
                Filing.plan_version_id == version.id, col(Filing.status).in_(_PENDING)
            )
        ).first()
        if pending is not None:
            if plan_uids:
                raise ValidationError(
                    tr(
                        "预案“{title}”第 {version} 版的备案状态为“{state}”，无需重复报送",
                        title=plan.title,
                        version=version.label,
                        state=FilingStatus(pending).text,
                    )
                )
            continue
        chosen.append((plan, version))
    if not chosen:
        raise ValidationError(tr("没有需要报送备案的预案（已发布且尚未报送的预案）"))
    return chosen


def _authority_name(session: Session, engine: Engine, unit: Unit, given: str | None) -> str:
    name = (given or "").strip() or str(get_setting(engine, AUTHORITY_KEY) or "").strip()
    if not name and unit.parent_id:
        parent = session.get(Unit, unit.parent_id)
        name = parent.name if parent else ""
    if not name:
        raise ValidationError(tr("请指定受理备案的部门（如 某某镇应急管理办公室）"))
    return name[:200]


@dataclass(frozen=True)
class FilingCandidate:
    """A plan the wizard offers: in force, its current version not yet filed or pending."""

    plan_uid: str
    title: str
    category: PlanCategory
    version_uid: str
    version_label: str
    published_date: date | None
    returned: bool  # the version came back for completion: this is a resubmission


def filing_candidates(engine: Engine) -> list[FilingCandidate]:
    """What ``export_filing_package`` files by default, for the user to pick from."""
    identity = own_identity(engine)
    with session_scope(engine) as session:
        unit = unit_by_uid(session, identity.unit_uid)
        try:
            chosen = _plans_to_file(session, unit, ())
        except ValidationError:
            return []
        returned = set(
            session.exec(
                select(Filing.plan_version_id).where(
                    col(Filing.plan_version_id).in_([v.id for _, v in chosen]),
                    Filing.status == FilingStatus.RETURNED.value,
                )
            )
        )
        return [
            FilingCandidate(
                p.uid, p.title, PlanCategory(p.category), v.uid, v.label, v.published_date, v.id in returned
            )
            for p, v in chosen
        ]


def export_filing_package(
    engine: Engine,
    path: Path,
    *,
    plan_uids: Sequence[str] = (),
    materials: Sequence[MaterialInput] = (),
    authority_name: str | None = None,
    declaration: Declaration | None = None,
    today: date | None = None,
) -> ExportResult:
    """Write a filing package of this unit's plans (default: every published plan not yet
    submitted) and record the filings as submitted (ENT Art.26–27)."""
    today = today or date.today()
    for material in materials:
        blobs.check_size(material.data, blobs.clean_filename(material.filename))
        if not material.item.strip():
            raise ValidationError(tr("材料“{filename}”没有对应的清单项目", filename=material.filename))
    identity = own_identity(engine)
    extra = _extra_materials(engine)
    with session_scope(engine) as session:
        unit = unit_by_uid(session, identity.unit_uid)
        if unit.kind == UnitKind.ENTERPRISE.value and not unit.uscc:
            raise ValidationError(
                tr("本单位“{name}”没有统一社会信用代码，备案前请在单位信息中填写", name=unit.name)
            )
        authority = _authority_name(session, engine, unit, authority_name)
        chosen = _plans_to_file(session, unit, plan_uids)
        town = session.get(Unit, unit.parent_id) if unit.parent_id else None
        town_ref = UnitRef(town.name, town.uid) if town and town.kind == UnitKind.TOWN.value else None
        filings: list[PackageFiling] = []
        versions: list[PackageVersion] = []
        previous_package: str | None = None
        files: dict[str, bytes] = {}
        covered: list[PackageMaterial] = []
        for plan, version in chosen:
            returned = session.exec(
                select(Filing)
                .where(Filing.plan_version_id == version.id, Filing.status == FilingStatus.RETURNED.value)
                .order_by(col(Filing.id).desc())
            ).first()
            if returned is not None and returned.package_uid:
                previous_package = returned.package_uid
            filings.append(PackageFiling(str(uuid.uuid4()), version.uid, returned.uid if returned else None))
            versions.append(package_version(version, plan.uid))
            for att in session.exec(select(Attachment).where(Attachment.plan_version_id == version.id)):
                files[att.blob_sha256] = blobs.get_in_session(session, att.blob_sha256)
                covered.append(PackageMaterial(MATERIAL_DOCUMENT, True, att.blob_sha256, att.filename))
        plans = [
            PackagePlan(
                plan.uid,
                plan.title,
                plan.category,
                tuple(plan.event_types or ()),
                _parent_uid(session, plan),
            )
            for plan, _ in chosen
        ]
        sender = package_unit(unit)
        items = checklist_items(unit.kind, unit.listed_for_review, extra)
        statement = _declaration(engine, unit, declaration, today)
    for material in materials:
        sha = blobs.sha256_of(material.data)
        files[sha] = material.data
        covered.append(
            PackageMaterial(material.item.strip(), True, sha, blobs.clean_filename(material.filename))
        )
    checklist = _checklist(items, covered)
    data = PackageData(
        sender=sender,
        authority=UnitRef(authority),
        plans=tuple(plans),
        versions=tuple(versions),
        filings=tuple(filings),
        materials=tuple(checklist),
        town=town_ref,
        declaration=statement,
        submitted_date=today,
        previous_package_uid=previous_package,
    )
    written = write_package(path, data, files)
    try:
        _record_submission(engine, data, written.package_uid, written.fingerprint, materials)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return ExportResult(
        path=written.path,
        package_uid=written.package_uid,
        fingerprint=written.fingerprint,
        size=written.size,
        filing_uids=tuple(f.uid for f in filings),
        plan_titles=tuple(p.title for p in plans),
        missing_items=tuple(m.item for m in checklist if not m.provided),
        previous_package_uid=previous_package,
    )


def _parent_uid(session: Session, plan: Plan) -> str | None:
    parent = session.get(Plan, plan.parent_id) if plan.parent_id else None
    return parent.uid if parent else None


def _checklist(items: Sequence[str], covered: Sequence[PackageMaterial]) -> list[PackageMaterial]:
    """One row per file; an item without a file is missing, except the 申报表, which the
    package's declaration data stands for (the stamped paper copy goes by post)."""
    rows: list[PackageMaterial] = []
    for item in [*items, *(m.item for m in covered if m.item not in items)]:
        files = [m for m in covered if m.item == item]
        if files:
            rows.extend(dict.fromkeys(files))  # one row per distinct file
        elif item == MATERIAL_DECLARATION:
            note = "申报信息见备案包数据；加盖公章的纸质申报表另行报送"  # zh-only: package content
            rows.append(PackageMaterial(item, True, None, None, note))
        else:
            rows.append(PackageMaterial(item, False))
    return rows


def _record_submission(
    engine: Engine, data: PackageData, package_uid: str, fingerprint: str, materials: Sequence[MaterialInput]
) -> None:
    with session_scope(engine) as session:
        for material in materials:
            blobs.put_in_session(session, material.data, blobs.clean_filename(material.filename))
        unit = unit_by_uid(session, data.sender.uid)
        for pf in data.filings:
            version = session.exec(select(PlanVersion).where(PlanVersion.uid == pf.version_uid)).one()
            add_submitted_filing(
                session,
                data,
                pf.uid,
                version,
                unit,
                fingerprint=fingerprint,
                package_uid=package_uid,
                authority_name=data.authority.name,
                submitted_date=data.submitted_date,
            )
        # Remembered for the next package (the wizard offers them again).
        d = data.declaration
        _remember(session, AUTHORITY_KEY, data.authority.name)
        _remember(session, DECLARATION_KEY, {"fax": d.fax, "email": d.email, "total_assets": d.total_assets,
                                             "employees": d.employees})  # fmt: skip


def _remember(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)

"""预案台账: match rows to plans (by 预案编号, else by title + 编制单位) and write them.

A row may also publish a version (版本号 + 发布日期), make an older one current again, and
record an evaluation (最近评估日期); an import never removes versions or evaluations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, bindparam, select, update

from planmgr.domain.enums import PlanCategory, PlanStatus, UnitKind
from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_records import PlanRecord
from planmgr.exchange.ledger_validate import ParsedLedger
from planmgr.services.ledger.bulk import (
    ChangeSet,
    MatchedRow,
    Updated,
    audit,
    carry_over,
    chunks,
    diff,
    insert_entry,
    insert_rows,
    new_row,
    plain,
    update_rows,
)
from planmgr.services.ledger.directory import PlanInfo, Plans, UnitInfo, Units
from planmgr.services.ledger.parents import report_loops
from planmgr.services.ledger.tables import EVALUATION, PLAN, VERSION
from planmgr.store import search
from planmgr.store.base import new_uid, utcnow

PLAN_FIELDS = (
    "title",
    "category",
    "owner_unit_id",
    "parent_id",
    "event_types",
    "status",
    "note",
    "current_version_id",
)


def live_plans(*extra: str) -> Select[Any]:
    """Id, uid and ``PLAN_FIELDS`` (and ``extra`` columns) of the plans not deleted."""
    p = PLAN.c
    return select(p.id, p.uid, *(p[c] for c in (*PLAN_FIELDS, *extra))).where(p.deleted_at.is_(None))


@dataclass
class PlanRow(MatchedRow[PlanRecord]):
    """``values``: the plan's columns except ``parent_id`` and ``current_version_id``."""

    parent_uid: str | None
    version: tuple[str, date] | None = None  # a new version to create and make current
    current_version_id: int | None = None  # an existing version to make current
    evaluation: date | None = None


class PlanChanges(ChangeSet[PlanRow]):
    def __init__(self, rows: list[PlanRow], db_ids: dict[str, int]) -> None:
        super().__init__(rows)
        self.db_ids = db_ids

    @property
    def work(self) -> int:
        extra = sum(1 for r in self.rows if r.version) + sum(1 for r in self.rows if r.evaluation)
        return self.inserted + self.updated + extra

    def write(self, conn: Connection) -> Iterator[int]:
        now = utcnow()
        ids = dict(self.db_ids)
        inserts = [
            new_row(
                r.uid,
                r.values,
                now,
                {"content": {}, "parent_id": ids.get(r.parent_uid or ""), "current_version_id": None},
            )
            for r in self.new
        ]
        ids.update((yield from insert_rows(conn, PLAN, inserts)))

        # Published versions: of new plans, and new versions of plans already here
        # (their snapshot is the plan's structured content).
        with_version = [r for r in self.rows if r.version is not None]
        snapshots = plan_contents(conn, [r.existing["id"] for r in with_version if r.existing is not None])
        versions = [
            {
                "uid": new_uid(),
                "plan_id": ids[r.uid],
                "label": r.version[0],
                "published_date": r.version[1],
                "issued_date": None,
                "major": False,
                "content": snapshots.get(ids[r.uid], {}),
                "title": r.values["title"],
                "created_at": now,
            }
            for r in with_version
            if r.version is not None
        ]
        version_ids = yield from insert_rows(conn, VERSION, versions)
        current = {r.uid: r.current_version_id for r in self.rows if r.current_version_id is not None}
        current.update({r.uid: version_ids[v["uid"]] for r, v in zip(with_version, versions, strict=True)})

        late = [
            {"b_id": ids[r.uid], "v_parent": ids.get(r.parent_uid or ""), "v_current": current.get(r.uid)}
            for r in self.new
            if (r.parent_uid and r.parent_uid not in self.db_ids) or r.uid in current
        ]
        if late:
            conn.execute(
                update(PLAN)
                .where(PLAN.c.id == bindparam("b_id"))
                .values(parent_id=bindparam("v_parent"), current_version_id=bindparam("v_current")),
                late,
            )
        audit(
            conn,
            "plan",
            "insert",
            [
                insert_entry(
                    r.uid,
                    ids[r.uid],
                    r.record.row,
                    values
                    | {"parent_id": ids.get(r.parent_uid or ""), "current_version_id": current.get(r.uid)},
                    ("title", "category", "owner_unit_id", "status", "parent_id", "current_version_id"),
                )
                for r, values in zip(self.new, inserts, strict=True)
            ],
        )
        audit(
            conn,
            "plan_version",
            "insert",
            [
                {
                    "uid": v["uid"],
                    "id": version_ids[v["uid"]],
                    "plan_id": v["plan_id"],
                    "label": v["label"],
                    "published_date": plain(v["published_date"]),
                }
                for v in versions
            ],
        )

        updates: list[Updated] = []
        for r in self.changed:
            assert r.existing is not None
            after = {
                **r.existing,
                **r.values,
                "parent_id": ids[r.parent_uid] if r.parent_uid else None,
                "current_version_id": current.get(r.uid, r.existing["current_version_id"]),
            }
            updates.append((r.uid, after, diff(r.existing, {k: after[k] for k in PLAN_FIELDS})))
        yield from update_rows(conn, PLAN, updates, PLAN_FIELDS)

        evaluations: list[dict[str, Any]] = [
            {
                "uid": new_uid(),
                "plan_id": ids[r.uid],
                "eval_date": r.evaluation,
                "method": "self",
                "conclusion": "keep",
                "created_at": now,
            }
            for r in self.rows
            if r.evaluation is not None
        ]
        eval_ids = yield from insert_rows(conn, EVALUATION, evaluations)
        audit(
            conn,
            "evaluation",
            "insert",
            [
                {
                    "uid": e["uid"],
                    "id": eval_ids[e["uid"]],
                    "plan_id": e["plan_id"],
                    "eval_date": plain(e["eval_date"]),
                    "method": "self",
                    "conclusion": "keep",
                }
                for e in evaluations
            ],
        )
        self._index(conn)

    def _index(self, conn: Connection) -> None:
        """Keep the full-text search index in step (store/search.py)."""
        touched = self.new + [r for r in self.changed if {"title", "note"} & set(r.changes)]
        if touched:
            contents = plan_contents(conn, [r.existing["id"] for r in touched if r.existing is not None])
            search.index_rows(
                conn,
                [
                    (
                        r.uid,
                        "plan",
                        *search.plan_document(
                            r.values["title"],
                            contents.get(r.existing["id"], {}) if r.existing else {},
                            r.values["note"],
                        ),
                    )
                    for r in touched
                ],
            )


def plan_contents(conn: Connection, plan_ids: list[int]) -> dict[int, Any]:
    """Structured content of some plans (loaded only where a version snapshot needs it)."""
    found: dict[int, Any] = {}
    for chunk in chunks(plan_ids, 500):
        found.update(conn.execute(select(PLAN.c.id, PLAN.c.content).where(PLAN.c.id.in_(chunk))).all())
    return found


@dataclass
class PlanContext:
    """What matching a plans ledger needs from the database."""

    units: Units
    plans: Plans
    existing: dict[int, dict[str, Any]]
    versions: dict[int, dict[str, tuple[int, date | None]]]  # plan id -> label -> (version id, published)
    evaluated: dict[int, set[date]]  # plan id -> evaluation dates

    @classmethod
    def load(cls, conn: Connection) -> PlanContext:
        existing = {r["id"]: dict(r) for r in conn.execute(live_plans("row_version")).mappings()}
        versions: dict[int, dict[str, tuple[int, date | None]]] = defaultdict(dict)
        v = VERSION.c
        for vid, plan_id, label, published in conn.execute(
            select(v.id, v.plan_id, v.label, v.published_date)
        ):
            versions[plan_id][label] = (vid, published)
        evaluated: dict[int, set[date]] = defaultdict(set)
        for plan_id, when in conn.execute(select(EVALUATION.c.plan_id, EVALUATION.c.eval_date)):
            evaluated[plan_id].add(when)
        return cls(Units(conn), Plans(conn), existing, versions, evaluated)


def match_plans(conn: Connection, parsed: ParsedLedger) -> PlanChanges:
    records = [r for r in parsed.records if isinstance(r, PlanRecord)]
    present = parsed.present
    ctx = PlanContext.load(conn)
    plans = ctx.plans

    # Who owns each row and which plan it is: by 预案编号, else by title + owner.
    owners: dict[int, UnitInfo] = {}
    uid_of: dict[int, str] = {}
    db_of: dict[int, int | None] = {}
    seen: dict[str | tuple[str, int], int] = {}  # 预案编号, or title + owner -> row index
    claimed: dict[int, int] = {}  # database plan id -> row index
    for i, rec in enumerate(records):
        owner = ctx.units.resolve(rec.owner, tr("编制单位"))
        if isinstance(owner, str):
            parsed.error(rec.row, "owner", owner)
            continue
        found = find_plan(rec, owner, plans)
        if isinstance(found, str):
            parsed.error(rec.row, "uid" if rec.uid else "title", found)
            continue
        key = rec.uid or (rec.title, owner.id)
        first = seen.get(key, claimed.get(found.id) if found else None)
        if first is not None:
            if rec.uid:
                message = tr("与第 {row} 行的预案编号相同，是同一个预案（重复的行）", row=records[first].row)
            else:
                message = tr(
                    "与第 {row} 行的编制单位和预案名称相同，是同一个预案（重复的行）", row=records[first].row
                )
            parsed.error(rec.row, "uid" if rec.uid else "title", message)
            continue
        seen[key] = i
        if found is not None:
            claimed[found.id] = i
        owners[i] = owner
        uid_of[i] = found.uid if found else (rec.uid or new_uid())
        db_of[i] = found.id if found else None

    # 上级预案: a row of this file (by 预案编号, then title) or a plan in the database.
    file_uid = {uid: i for i, uid in uid_of.items()}
    file_uid.update({records[i].uid or "": i for i in uid_of if records[i].uid})  # as written
    file_titles: dict[str, list[int]] = defaultdict(list)
    for i in uid_of:
        file_titles[records[i].title].append(i)
    rows: list[PlanRow] = []
    for i, uid in uid_of.items():
        rec = records[i]
        db_id = db_of[i]
        existing = ctx.existing[db_id] if db_id is not None else None
        old_parent = plans.by_id[existing["parent_id"]].uid if existing and existing["parent_id"] else None
        parent_uid = old_parent if "parent" not in present else None
        if "parent" in present and rec.parent is not None:
            parent_uid, problem = plan_parent(rec.parent, uid_of, file_uid, file_titles, plans)
            if problem is None and parent_uid == uid:
                problem = tr("上级预案不能是本预案")
            if problem is not None:
                if rec.parent not in parsed.rejected:  # else: the parent's own row is reported
                    parsed.error(rec.row, "parent", problem)
                continue
        row = plan_row(rec, uid, existing, owners[i], parent_uid, present, ctx, parsed)
        if row is None:
            continue
        if existing is not None and parent_uid != old_parent:
            row.changes["parent"] = [old_parent, parent_uid]
        rows.append(row)
    report_loops(
        parsed,
        rows,
        {x.uid: ctx.existing[x.id]["parent_id"] for x in plans.all if not x.deleted},
        plans.by_id,
        tr("上级预案"),
    )
    return PlanChanges(rows, {x.uid: x.id for x in plans.all})


def find_plan(rec: PlanRecord, owner: UnitInfo, plans: Plans) -> PlanInfo | str | None:
    """The database plan a row stands for: by 预案编号, else by title + owner (None: new)."""
    if rec.uid is not None:
        hit = plans.by_uid.get(rec.uid)
        if hit is not None:
            return tr("该预案编号属于已删除的预案“{title}”", title=hit.title) if hit.deleted else hit
        # An unknown 预案编号 (the office's own numbering, say) names a new plan that keeps
        # it as its uid — unless the owner already has a plan of that title.
    same = plans.owned(rec.title, owner.id)
    if len(same) > 1 and rec.uid is None:
        return tr("数据库中该编制单位有多个同名预案，请填写预案编号以区分")
    return same[0] if len(same) == 1 else None


def plan_parent(
    text: str,
    uid_of: dict[int, str],
    file_uid: dict[str, int],
    file_titles: dict[str, list[int]],
    plans: Plans,
) -> tuple[str | None, str | None]:
    """(the parent's uid, None) or (None, the reason it names no plan)."""
    if text in file_uid:
        return uid_of[file_uid[text]], None
    in_file = file_titles.get(text, [])
    if len(in_file) > 1:
        return None, tr(
            "本文件中有 {count} 个名为“{text}”的预案，请改填上级预案的预案编号", count=len(in_file), text=text
        )
    if len(in_file) == 1:
        return uid_of[in_file[0]], None
    found = plans.lookup(text)
    if found is None:
        return None, tr("找不到上级预案“{text}”：本文件和数据库中都没有这个预案", text=text)
    return (None, found) if isinstance(found, str) else (found.uid, None)


def plan_row(
    rec: PlanRecord,
    uid: str,
    existing: dict[str, Any] | None,
    owner: UnitInfo,
    parent_uid: str | None,
    present: frozenset[str],
    ctx: PlanContext,
    parsed: ParsedLedger,
) -> PlanRow | None:
    category = rec.category
    # 专项应急预案 of an enterprise is the enterprise category (DESIGN.md §6).
    if category is PlanCategory.SPECIAL and owner.kind == UnitKind.ENTERPRISE:
        category = PlanCategory.ENT_SPECIAL
    given = {
        "title": rec.title,
        "category": category.value,
        "owner_unit_id": owner.id,
        "event_types": [e.value for e in rec.event_types],
        "note": rec.note,
    }
    if existing is None:
        values = dict(given)
    else:
        values = carry_over(existing, given, list(given), present, ("title", "category", "owner_unit_id"))
    row = PlanRow(rec, uid, existing, values, parent_uid)
    ok = True
    known = ctx.versions.get(existing["id"], {}) if existing is not None else {}
    has_version = existing is not None and existing["current_version_id"] is not None
    if rec.version_label is not None:
        if rec.version_label in known:
            vid, published = known[rec.version_label]
            if rec.published_date is not None and rec.published_date != published:
                shown = published.isoformat() if published else tr("未填")
                parsed.error(
                    rec.row,
                    "published_date",
                    tr(
                        "版本 {label} 已登记，发布日期为 {date}；"
                        "已发布的版本不能修改，修订后请填写新的版本号",
                        label=rec.version_label,
                        date=shown,
                    ),
                )
                ok = False
            elif existing is not None and existing["current_version_id"] != vid:
                row.current_version_id = vid
            has_version = True
        elif rec.published_date is None:
            parsed.error(
                rec.row, "published_date", tr("新版本 {label} 须填写发布日期", label=rec.version_label)
            )
            ok = False
        else:
            row.version = (rec.version_label, rec.published_date)
            has_version = True
    status = rec.status
    if status is None:
        if existing is not None:
            status = PlanStatus(existing["status"])
        else:
            status = PlanStatus.PUBLISHED if row.version else PlanStatus.DRAFTING
    if status in (PlanStatus.PUBLISHED, PlanStatus.REVISING) and not has_version:
        parsed.error(
            rec.row,
            "status" if "status" in present else "version_label",
            # The label as the ledger writes it (what the user typed, or would type).
            tr("状态为“{status}”的预案须填写版本号和发布日期", status=status.label),
        )
        ok = False
    values["status"] = status.value
    done = ctx.evaluated.get(existing["id"], set()) if existing is not None else set()
    if rec.last_evaluation is not None and rec.last_evaluation not in done:
        row.evaluation = rec.last_evaluation
    if not ok:
        return None
    if existing is not None:
        row.changes = diff(existing, values)
        if row.version is not None:
            row.changes["version"] = [None, row.version[0]]
        if row.current_version_id is not None:
            row.changes["current_version_id"] = [existing["current_version_id"], row.current_version_id]
        if row.evaluation is not None:
            row.changes["evaluation"] = [None, row.evaluation.isoformat()]
    return row

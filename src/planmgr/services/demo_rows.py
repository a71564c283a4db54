"""Rows of the demo database (``planmgr demo``, see ``services/demo.py``) and their bulk insert.

Every row is a plain dict collected per table with its integer id assigned here, so links
(plan → version, drill → plan, card → version) need no round trip; ``Rows.flush`` inserts
them with SQLAlchemy Core ``insert()`` in executemany batches (ORM ``add_all`` is ~6× slower,
DESIGN.md §9), every 200 generated enterprises so memory stays flat, all inside one
transaction. Those Core statements bypass the ORM audit events, so ``finish_bulk`` writes
one summary audit entry per table through ``planmgr.store.audit.write_entries``.

Below the machinery: the rows every part of the set adds the same way — a plan and its
published versions, the filing of a version, a plan evaluation, a drill with the plans it
exercised, and a drill's evaluation and summary report in the format
``services.drill_evaluation`` records (template snapshot, scores, score_percent, grade).
"""

from __future__ import annotations

import calendar
import copy
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from random import Random
from typing import Any

from sqlalchemy import Boolean, Connection, Table, insert
from sqlmodel import SQLModel

from planmgr import paths
from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    DrillStatus,
    EvaluationMethod,
    FilingStatus,
    PlanCategory,
    PlanStatus,
)
from planmgr.services.drill_evaluation import (
    DEFAULT_TEMPLATES,
    ScoreItem,
    SummaryReport,
    check_scores,
    grade_of,
    score_percent,
)
from planmgr.store import models, search
from planmgr.store.audit import write_entries

Progress = Callable[[str, int, int], None]
Row = dict[str, Any]

# Insert order: a table comes after the tables it points to.
TABLE_ORDER = (
    "unit",
    "plan",
    "plan_version",
    "plan_link",
    "evaluation",
    "drill",
    "drill_plan",
    "finding",
    "corrective_action",
    "handling_card",
    "card_step",
    "card_contact",
    "filing",
    "filing_material",
)
_MODELS: dict[str, type[SQLModel]] = {
    "unit": models.Unit,
    "plan": models.Plan,
    "plan_version": models.PlanVersion,
    "plan_link": models.PlanLink,
    "evaluation": models.Evaluation,
    "drill": models.Drill,
    "drill_plan": models.DrillPlan,
    "finding": models.Finding,
    "corrective_action": models.CorrectiveAction,
    "handling_card": models.HandlingCard,
    "card_step": models.CardStep,
    "card_contact": models.CardContact,
    "filing": models.Filing,
    "filing_material": models.FilingMaterial,
}
BATCH = 5000
# Drill evaluations are scored on the default template of the drill's form (keys are DrillForm
# values); the snapshot stored with each is made once and shared, as rows are only serialised.
DRILL_TEMPLATES = {template.key: (template, template.to_json()) for template in DEFAULT_TEMPLATES}
DRILL_CONCLUSIONS = {"优秀": "达到演练目的", "良好": "达到演练目的", "合格": "基本达到演练目的，需整改"}
FORMAL_CHECKS = ("封面", "批准页", "目录", "正文", "附件", "编制过程记录")


# --- dates -----------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """Calendar months, a day past the month's end clamped (DOMAIN.md §3)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stamp(day: date) -> datetime:
    """09:00 Beijing time of ``day`` as an aware UTC datetime."""
    return datetime.combine(day, time(1, 0), tzinfo=UTC)


def version_label(day: date, taken: set[str]) -> str:
    label = f"{day.year}版"
    serial = 2
    while label in taken:
        label = f"{day.year}版（第{serial}次修订）"
        serial += 1
    taken.add(label)
    return label


# --- seed data ---------------------------------------------------------------------------


@cache
def load_seed(name: str) -> Any:
    """A JSON file of ``db/seed`` (parsed once per process; callers must not mutate it)."""
    with (paths.seed_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def fill(value: Any, names: dict[str, str]) -> Any:
    """A deep copy of ``value`` with ``{key}`` placeholders in every string replaced."""
    if isinstance(value, str):
        if "{" not in value:
            return value
        for key, text in names.items():
            value = value.replace("{" + key + "}", text)
        return value
    if isinstance(value, list):
        return [fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, names) for k, v in value.items()}
    return value


def older_content(content: dict[str, Any], major: bool) -> dict[str, Any]:
    """The snapshot a revision replaced: what a major revision changes is shorter in it."""
    old = copy.deepcopy(content)
    keys = ("response_levels", "procedure", "measures") if major else ("resources", "precautions")
    for key in keys:
        if len(old.get(key, [])) > 1:
            old[key] = old[key][:-1]
    return old


# --- rows ----------------------------------------------------------------------------------


def _template(model: type[SQLModel]) -> Row:
    table: Table = model.__table__  # type: ignore[attr-defined]
    row: Row = {}
    for column in table.columns:
        name = column.name
        if name == "id":
            continue
        info = model.model_fields.get(name)
        factory = info.default_factory if info is not None else None
        if factory is list:
            row[name] = []
        elif factory is dict:
            row[name] = {}
        elif info is not None and not info.is_required() and factory is None:
            row[name] = info.default
        elif isinstance(column.type, Boolean):
            row[name] = False
        else:
            row[name] = None
    return row


class Rows:
    """Rows per table with ids and deterministic uids assigned in Python.

    Rows wait in memory until ``flush`` inserts them; ids keep counting across flushes, so a
    row may point at one already written. ``get`` reaches only rows not yet flushed.
    """

    def __init__(self, rng: Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.tables: dict[str, list[Row]] = {name: [] for name in TABLE_ORDER}
        self.unit_kinds: dict[str, int] = {}
        self.enterprise_ids: set[int] = set()  # outlives flushes (plans ask who owns them)
        self._flushed: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)
        self._templates = {name: _template(model) for name, model in _MODELS.items()}
        self._now = stamp(today)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, table: str, values: Row, *, on: date | None = None) -> int:
        template = self._templates[table]
        unknown = values.keys() - template.keys()
        if unknown:
            raise KeyError(f"{table}: unknown columns {sorted(unknown)}")
        row = template.copy()
        when = stamp(on) if on is not None else self._now
        if "uid" in template:
            row["uid"] = self.uid()
        if "created_at" in template:
            row["created_at"] = when
        if "updated_at" in template:
            row["updated_at"] = when
        row.update(values)
        rows = self.tables[table]
        row_id = self._flushed[table] + len(rows) + 1
        row["id"] = row_id
        rows.append(row)
        if table == "unit":
            self.unit_kinds[row["kind"]] = self.unit_kinds.get(row["kind"], 0) + 1
            if row["kind"] == "enterprise":
                self.enterprise_ids.add(row_id)
        return row_id

    def get(self, table: str, row_id: int) -> Row:
        index = row_id - 1 - self._flushed[table]
        if index < 0:  # a negative index would silently read another row
            raise KeyError(f"{table} {row_id} was already written to the database")
        return self.tables[table][index]

    def count(self, table: str) -> int:
        return self._flushed[table] + len(self.tables[table])

    def pending(self) -> int:
        return sum(len(v) for v in self.tables.values())

    def flush(self, conn: Connection) -> None:
        """Insert the waiting rows with Core executemany batches, in the caller's transaction."""
        for name in TABLE_ORDER:
            data = self.tables[name]
            if not data:
                continue
            table: Table = _MODELS[name].__table__  # type: ignore[attr-defined]
            for start in range(0, len(data), BATCH):
                conn.execute(insert(table), data[start : start + BATCH])
            self._flushed[name] += len(data)
            self.tables[name] = []


def begin_bulk(conn: Connection) -> None:
    """Connection settings for one long bulk transaction."""
    if conn.dialect.name == "sqlite":
        # Rows may point at rows of a later flush; foreign keys are checked at commit.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        conn.exec_driver_sql("PRAGMA cache_size=-131072")


def finish_bulk(conn: Connection, rows: Rows) -> None:
    """Flush what is left, index plans and cards for search, write one audit entry per table.

    Bulk Core inserts bypass the ORM audit events (store/audit.py), and one entry per row
    would double the size of a county-scale demo for no reader's benefit. The search index
    is kept by the services; bulk paths rebuild it (store/search.py).
    """
    rows.flush(conn)
    search.rebuild(conn)
    for name in TABLE_ORDER:
        count = rows.count(name)
        if count:
            write_entries(
                conn, name, "insert", [{"source": "演示数据", "rows": count, "first_id": 1, "last_id": count}]
            )
    if conn.dialect.name == "postgresql":
        # Ids were assigned here, not drawn from the tables' sequences: move each sequence
        # past them, or the next row a service inserts would collide.
        for name in TABLE_ORDER:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"
            )
    conn.exec_driver_sql("ANALYZE")  # planner statistics for the new sizes (tree, due list)


# --- filings -------------------------------------------------------------------------------


@dataclass
class FilingState:
    """How far the filing of one plan version has gone."""

    status: FilingStatus
    submitted: date | None = None
    returned: date | None = None
    notice: list[str] = field(default_factory=list)
    registered: date | None = None


@dataclass
class Authority:
    """Where a unit files its plans, and the registration serials it has issued."""

    unit_id: int | None
    name: str
    region: str
    serials: dict[int, int] = field(default_factory=dict)

    def number(self, year: int) -> str:
        self.serials[year] = self.serials.get(year, 0) + 1
        return f"{self.region}-{year}-{self.serials[year]:04d}"


def add_filing(
    rows: Rows,
    authority: Authority,
    *,
    version_id: int,
    unit_id: int,
    published: date,
    state: FilingState | None,
    materials: tuple[str, ...] = (),
) -> int:
    """A filing of ``version_id``; ``state`` None means a normal one: filed within days."""
    rng = rows.rng
    if state is None:
        submitted = min(published + timedelta(days=rng.randint(3, 18)), rows.today - timedelta(days=1))
        if rng.random() < 0.15:
            state = FilingState(FilingStatus.DEEMED_FILED, submitted)
        else:
            answered = min(submitted + timedelta(days=rng.randint(1, 5)), rows.today)
            state = FilingState(FilingStatus.FILED, submitted, registered=answered)
    registered = state.registered
    filing_id = rows.add(
        "filing",
        {
            "plan_version_id": version_id,
            "filing_unit_id": unit_id,
            "authority_unit_id": authority.unit_id,
            "authority_name": authority.name,
            "submitted_date": state.submitted,
            "status": state.status.value,
            "check_results": (
                {item: True for item in FORMAL_CHECKS} if state.status is FilingStatus.FILED else {}
            ),
            "return_notice": list(state.notice),
            "returned_date": state.returned,
            "filing_number": authority.number(registered.year) if registered is not None else None,
            "registered_date": registered,
        },
        on=state.submitted or published,
    )
    for item in materials:
        rows.add(
            "filing_material",
            {"filing_id": filing_id, "item": item, "provided": item not in state.notice},
        )
    return filing_id


# --- plans and versions --------------------------------------------------------------------


def add_plan(
    rows: Rows,
    *,
    owner: int,
    title: str,
    category: PlanCategory,
    event_types: list[str],
    parent: int | None,
    content: dict[str, Any],
    status: PlanStatus = PlanStatus.PUBLISHED,
    note: str | None = None,
    on: date | None = None,
) -> int:
    return rows.add(
        "plan",
        {
            "owner_unit_id": owner,
            "title": title,
            "category": category.value,
            "event_types": event_types,
            "parent_id": parent,
            "status": status.value,
            "content": content,
            "note": note,
        },
        on=on,
    )


def add_plan_version(
    rows: Rows,
    *,
    plan_id: int,
    title: str,
    published: date,
    content: dict[str, Any],
    labels: set[str],
    doc: str,
    approver: str,
    first: bool,
    major: bool = False,
    trigger: str | None = None,
    change: str | None = None,
) -> int:
    return rows.add(
        "plan_version",
        {
            "plan_id": plan_id,
            "label": version_label(published, labels),
            "issued_date": published,
            "published_date": published,
            "doc_number": doc,
            "approver": approver,
            "revision_trigger": None
            if first
            else trigger_id(trigger, enterprise=_owned_by_enterprise(rows, plan_id)),
            "major": major,
            "change_summary": "首次发布。" if first else change,
            "content": content,
            "title": title,
        },
        on=published,
    )


def add_versions(
    rows: Rows,
    *,
    plan_id: int,
    title: str,
    content: dict[str, Any],
    published: Sequence[date],
    doc: str,
    serial: Callable[[], int],
    approver: str,
    trigger: str | None = None,
    change: str | None = None,
    first_major: bool = False,
    filed_with: Authority | None = None,
    filings: Sequence[FilingState | None] = (),
    materials: tuple[str, ...] = (),
) -> list[tuple[int, date]]:
    """A plan's versions published on ``published`` (oldest first), each revision a major one.

    The last version holds ``content`` and becomes the plan's current version; each earlier
    one holds the text it replaced (``older_content``). Document numbers read
    ``{doc}〔{year}〕{serial()}号``. With ``filed_with``, each version is filed by the plan's
    owner right after it is added; ``filings[n]`` says how far (missing or None: filed
    within days).
    """
    labels: set[str] = set()
    snapshots = [content]
    for _ in published[1:]:
        snapshots.insert(0, older_content(snapshots[0], True))
    owner = rows.get("plan", plan_id)["owner_unit_id"]
    versions: list[tuple[int, date]] = []
    for n, (day, snapshot) in enumerate(zip(published, snapshots, strict=True)):
        version_id = add_plan_version(
            rows,
            plan_id=plan_id,
            title=title,
            published=day,
            content=snapshot,
            labels=labels,
            doc=f"{doc}〔{day.year}〕{serial()}号",
            approver=approver,
            first=n == 0,
            major=first_major or n > 0,
            trigger=trigger,
            change=change,
        )
        if filed_with is not None:
            add_filing(
                rows,
                filed_with,
                version_id=version_id,
                unit_id=owner,
                published=day,
                state=filings[n] if n < len(filings) else None,
                materials=materials,
            )
        versions.append((version_id, day))
    rows.get("plan", plan_id)["current_version_id"] = versions[-1][0]
    return versions


def add_evaluation(
    rows: Rows,
    *,
    plan_id: int,
    day: date,
    evaluators: str,
    method: EvaluationMethod,
    conclusion: str,
    findings: str,
) -> int:
    """A plan evaluation (预案评估), as distinct from a drill's evaluation."""
    return rows.add(
        "evaluation",
        {
            "plan_id": plan_id,
            "eval_date": day,
            "evaluators": evaluators,
            "method": method.value,
            "conclusion": conclusion,
            "findings": findings,
        },
        on=day,
    )


# --- drills --------------------------------------------------------------------------------


def add_drill(
    rows: Rows,
    *,
    organiser: int,
    title: str,
    start: date,
    plan_ids: list[int],
    form: DrillForm,
    scope: DrillScope,
    scenario: str,
    location: str,
    participants: list[str],
    status: DrillStatus = DrillStatus.DONE,
    purpose: DrillPurpose = DrillPurpose.TEST,
    tags: list[str] | None = None,
    reported: bool = False,
    evaluation: dict[str, Any] | None = None,
    summary: dict[str, Any] | None = None,
    head_count: int | None = None,
    note: str | None = None,
) -> int:
    rng = rows.rng
    drill_id = rows.add(
        "drill",
        {
            "organiser_unit_id": organiser,
            "title": title,
            "start": start,
            "end": start,
            "location": location,
            "form": form.value,
            "scope": scope.value,
            "purpose": purpose.value,
            "tags": tags or [],
            "participant_units": participants,
            "head_count": head_count if head_count is not None else rng.randint(8, 60),
            "scenario": scenario,
            "status": status.value,
            "evaluation": evaluation or {},
            "summary": summary or {},
            "reported_to_authority": reported,
            "note": note,
        },
        on=min(start, rows.today),
    )
    for plan_id in plan_ids:
        rows.add("drill_plan", {"drill_id": drill_id, "plan_id": plan_id})
    return drill_id


def drill_evaluation(
    form: DrillForm, day: date, evaluators: str, score: Callable[[ScoreItem], bool | int]
) -> dict[str, Any]:
    """``Drill.evaluation`` as ``services.drill_evaluation`` records it, on the default
    template for ``form``; ``score`` gives each item its value (是/否 or 1–5)."""
    template, snapshot = DRILL_TEMPLATES[form.value]
    scores = check_scores(template, {item.key: score(item) for item in template.items})
    percent = score_percent(template, scores)
    grade = grade_of(template, percent)
    return {
        "template_key": template.key,
        "template_name": template.name,
        "template_source": template.source,
        "sections": snapshot["sections"],
        "grades": snapshot["grades"],
        "scores": scores,
        "score_percent": percent,
        "grade": grade,
        "eval_date": day.isoformat(),
        "evaluators": evaluators,
        "comments": "",
        "self_assessment": "",
        "team_opinion": "",
        "conclusion": DRILL_CONCLUSIONS.get(grade, "未达到演练目的，需整改后重新演练"),
    }


def drill_summary(overview: str, problem: str, lessons: str, suggestions: str) -> dict[str, Any]:
    """``Drill.summary`` (总结报告: 概要, 发现的问题, 经验教训, 建议) as ``record_summary`` stores it."""
    return asdict(SummaryReport(overview, [problem], lessons, suggestions))


def _owned_by_enterprise(rows: Rows, plan_id: int) -> bool:
    # The plan was added just before its versions (never flushed in between).
    return rows.get("plan", plan_id)["owner_unit_id"] in rows.enterprise_ids


def trigger_id(text: str | None, *, enterprise: bool) -> str | None:
    """The reference-data id (domain.triggers) whose wording is closest to ``text``: the seed
    files speak as people do, the database stores ids (as ``plans.publish`` does)."""
    if not text:
        return None
    from planmgr.domain.triggers import REVISION_TRIGGERS, TRIGGERS_BY_ID

    if text in TRIGGERS_BY_ID:
        return text

    def pairs(value: str) -> set[str]:
        return {value[i : i + 2] for i in range(len(value) - 1)}

    wanted = pairs(text)
    family = "enterprise" if enterprise else "government"
    candidates = [t for t in REVISION_TRIGGERS if t.family == family]
    best = max(candidates, key=lambda t: len(wanted & pairs(t.label)) / len(wanted | pairs(t.label)))
    return best.id

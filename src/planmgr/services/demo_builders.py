"""The rows every part of the demo set (``planmgr demo``, see ``services/demo.py``) adds
the same way: a plan and its published versions, the filing of a version, a plan
evaluation, a drill with the plans it exercised, a drill's evaluation and summary report in
the format ``services.drill_evaluation`` records (template snapshot, scores, score_percent,
grade), and the findings and corrective actions of the improvement loop. Each adds plain
rows to ``demo_rows.Rows``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from planmgr.domain.enums import (
    ActionStatus,
    DrillForm,
    DrillPurpose,
    DrillScope,
    DrillStatus,
    EvaluationMethod,
    FilingStatus,
    FindingSource,
    PlanCategory,
    PlanStatus,
)
from planmgr.services.demo_rows import Rows, older_content
from planmgr.services.drill_evaluation import (
    DEFAULT_TEMPLATES,
    ScoreItem,
    SummaryReport,
    check_scores,
    grade_of,
    score_percent,
)

# Drill evaluations are scored on the default template of the drill's form (keys are DrillForm
# values); the snapshot stored with each is made once and shared, as rows are only serialised.
DRILL_TEMPLATES = {template.key: (template, template.to_json()) for template in DEFAULT_TEMPLATES}
DRILL_CONCLUSIONS = {"优秀": "达到演练目的", "良好": "达到演练目的", "合格": "基本达到演练目的，需整改"}
FORMAL_CHECKS = ("封面", "批准页", "目录", "正文", "附件", "编制过程记录")


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


def version_label(day: date, taken: set[str]) -> str:
    label = f"{day.year}版"
    serial = 2
    while label in taken:
        label = f"{day.year}版（第{serial}次修订）"
        serial += 1
    taken.add(label)
    return label


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


# --- findings and corrective actions ---------------------------------------------------------


def add_finding(
    rows: Rows,
    source: FindingSource,
    text: str,
    plan_id: int,
    *,
    drill: int | None = None,
    evaluation: int | None = None,
    on: date,
) -> int:
    return rows.add(
        "finding",
        {
            "source": source.value,
            "drill_id": drill,
            "evaluation_id": evaluation,
            "plan_id": plan_id,
            "text": text,
        },
        on=on,
    )


def add_action(
    rows: Rows,
    finding_id: int,
    text: str,
    owner: str,
    due: date,
    status: ActionStatus,
    plan_id: int,
    section: str,
    on: date,
    closed_by: int | None = None,
    closed_at: date | None = None,
) -> None:
    """The corrective action a finding asks for, closed by a plan version once done."""
    rows.add(
        "corrective_action",
        {
            "finding_id": finding_id,
            "text": text,
            "owner": owner,
            "due": due,
            "status": status.value,
            "plan_id": plan_id,
            "plan_section": section,
            "closed_by_version_id": closed_by,
            "closed_at": closed_at,
        },
        on=on,
    )

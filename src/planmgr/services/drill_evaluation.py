"""Drill evaluation (演练评估) and the summary report (总结报告).

What an evaluation holds follows AQ/T 9009-2015 (演练点评, 参演人员自评, 评估组评估, 评估报告,
纠正行动) and the topics GOV2013 Art.23 names for government drills (执行情况, 预案合理性与
可操作性, 指挥协调和应急联动, 人员处置情况, 装备适用性, 改进建议). Score items are
configurable (DOMAIN.md §7 [R]): each is yes/no or 1–5, grouped in sections, in templates
kept in the ``setting`` table under ``drill_templates``; the defaults below are a starting
point, not law.

Score (GB/T 46792-2025 turns results into a score or a conclusion): every scored item
counts ``weight × fraction`` with fraction 1/0 for 是/否 and ``value / 5`` for 1–5; items
left unscored (不适用) leave the denominator. The percentage is rounded to one decimal and
mapped to a grade by the template's bands (default 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60).

``Drill.evaluation`` keeps a snapshot of the template used, so a report printed later says
what was scored even after the template is edited::

    {"template_key", "template_name", "template_source", "sections": [...], "grades": [...],
     "scores": {item_key: true | false | 1..5 | null}, "score_percent", "grade",
     "comments" (现场点评), "self_assessment" (参演人员自评), "team_opinion" (评估组意见),
     "conclusion", "evaluators", "eval_date": "YYYY-MM-DD"}

``Drill.summary``: ``{"overview" (概要), "problems" (发现的问题, list), "lessons" (经验教训),
"suggestions" (建议)}``. Both are printed by ``services.drill_printing``; lists read the stored
``score_percent`` straight from the database (``services.drill_lists``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from planmgr.domain.enums import DrillStatus
from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import tr
from planmgr.services import drills
from planmgr.services.settings import get_setting, set_setting
from planmgr.store.database import session_scope

TEMPLATES_KEY = "drill_templates"
YES_NO = "yes_no"
SCALE5 = "scale5"

# How an item is scored, as the user reads it (the evaluation report prints it in Chinese).
ITEM_KINDS: Mapping[str, str] = drills.LiveLabels(lambda: {YES_NO: tr("是/否"), SCALE5: tr("1–5 分")})
MAX_NOTE = 5000

DEFAULT_GRADES: list[tuple[float, str]] = [  # zh-only: grade names are template data (stored, printed)
    (90.0, "优秀"),
    (75.0, "良好"),
    (60.0, "合格"),
    (0.0, "不合格"),
]


@dataclass(frozen=True)
class ScoreItem:
    key: str
    text: str
    kind: str = SCALE5
    weight: float = 1.0


@dataclass(frozen=True)
class ScoreSection:
    title: str
    items: tuple[ScoreItem, ...]


@dataclass(frozen=True)
class ScoreTemplate:
    key: str
    name: str
    source: str
    sections: tuple[ScoreSection, ...]
    grades: tuple[tuple[float, str], ...] = tuple(DEFAULT_GRADES)

    @property
    def items(self) -> list[ScoreItem]:
        return [item for section in self.sections for item in section.items]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "source": self.source,
            "grades": [[floor, label] for floor, label in self.grades],
            "sections": [
                {"title": s.title,
                 "items": [{"key": i.key, "text": i.text, "kind": i.kind, "weight": i.weight}
                           for i in s.items]}
                for s in self.sections
            ],
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ScoreTemplate:
        try:
            sections = tuple(
                ScoreSection(
                    str(s["title"]),
                    tuple(
                        ScoreItem(str(i["key"]), str(i["text"]), str(i.get("kind", SCALE5)),
                                  float(i.get("weight", 1.0)))
                        for i in s.get("items", ())
                    ),
                )  # fmt: skip
                for s in data.get("sections", ())
            )
            grades = tuple((float(g[0]), str(g[1])) for g in data.get("grades") or DEFAULT_GRADES)
            return cls(str(data["key"]), str(data["name"]), str(data.get("source", "")), sections, grades)
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise ValidationError(tr("演练评估表格式不正确：{error}", error=error)) from None


def _s(title: str, *items: tuple[str, str, str]) -> ScoreSection:
    return ScoreSection(title, tuple(ScoreItem(key, text, kind) for key, text, kind in items))


# Defaults seeded from AQ/T 9009-2015 (演练评估规范) and GB/T 46792-2025 topics, and the
# GOV2013 Art.23 list for government drills. [R]: users edit them in 设置 → 演练评估表.
# They are data: saved in the settings when edited, copied into every evaluation and printed
# on the Chinese evaluation report, so they stay Chinese in every interface language.
DEFAULT_TEMPLATES: tuple[ScoreTemplate, ...] = (  # zh-only: template data (stored and printed)
    ScoreTemplate(
        "field",
        "实战演练评估表",
        "AQ/T 9009-2015；GB/T 46792-2025；国办发〔2013〕101号 第二十三条",
        (
            _s("执行情况",
               ("exec_plan", "演练按方案规定的时间、地点和流程组织实施", YES_NO),
               ("exec_goals", "演练目标全部实现", SCALE5),
               ("exec_report", "预警与信息报告及时、准确、规范", SCALE5)),
            _s("预案合理性与可操作性",
               ("plan_roles", "预案规定的组织机构和职责清晰、无遗漏", SCALE5),
               ("plan_steps", "应急处置程序和措施切实可行", SCALE5),
               ("plan_levels", "响应分级和启动条件明确", YES_NO)),
            _s("指挥协调",
               ("cmd_setup", "现场指挥部及时成立，指挥关系明确", SCALE5),
               ("cmd_orders", "信息传递畅通，指令清晰、下达及时", SCALE5)),
            _s("应急联动",
               ("link_units", "相关部门和单位按职责及时响应、到位", SCALE5),
               ("link_plans", "与上级和周边单位预案衔接顺畅", YES_NO)),
            _s("人员处置",
               ("staff_duties", "参演人员熟悉岗位职责和处置程序", SCALE5),
               ("staff_evac", "人员疏散、警戒管控和医疗救护组织有序", SCALE5),
               ("staff_ppe", "个人防护措施落实到位", YES_NO)),
            _s("装备适用性",
               ("equip_fit", "应急装备、物资数量和性能满足处置需要", SCALE5),
               ("equip_comms", "通信设备运行正常", YES_NO)),
            _s("演练保障",
               ("safety", "演练安全保障措施落实，未发生意外", YES_NO)),
        ),  # fmt: skip
    ),
    ScoreTemplate(
        "tabletop",
        "桌面演练评估表",
        "AQ/T 9009-2015；GB/T 46792-2025",
        (
            _s("执行情况",
               ("exec_scenario", "情景设置符合本单位风险实际", SCALE5),
               ("exec_flow", "推演按情景节点有序推进", YES_NO)),
            _s("预案合理性与可操作性",
               ("plan_roles", "各岗位对预案职责的理解一致", SCALE5),
               ("plan_gaps", "推演中识别出预案的缺陷并已记录", YES_NO)),
            _s("指挥协调",
               ("cmd_decide", "决策及时，分工明确", SCALE5)),
            _s("应急联动",
               ("link_units", "外部联络和请求支援的渠道清楚", SCALE5)),
            _s("人员处置",
               ("staff_know", "参演人员掌握处置程序和信息报告要求", SCALE5)),
            _s("装备适用性",
               ("equip_list", "应急资源清单准确、可调用", SCALE5)),
        ),  # fmt: skip
    ),
)


# --- templates -------------------------------------------------------------------------


def validate_template(template: ScoreTemplate) -> ScoreTemplate:
    """The template as stored (trimmed), or ``ValidationError`` listing every problem."""
    problems: list[str] = []
    key = template.key.strip()
    name = " ".join(template.name.split())
    if not key:
        problems.append(tr("评估表缺少编号"))
    if not name:
        problems.append(tr("评估表名称不能为空"))
    if not template.sections:
        problems.append(tr("评估表至少需要一个评估项目分组"))
    seen: set[str] = set()
    sections: list[ScoreSection] = []
    for n, section in enumerate(template.sections, 1):
        title = " ".join(section.title.split())
        if not title:
            problems.append(tr("第 {n} 个分组缺少名称", n=n))
        if not section.items:
            problems.append(tr("分组“{title}”没有评估项目", title=title or n))
        items: list[ScoreItem] = []
        for item in section.items:
            ikey, text = item.key.strip(), " ".join(item.text.split())
            if not ikey or ikey in seen:
                problems.append(tr("评估项目编号重复或为空：“{key}”（{text}）", key=ikey, text=text))
            seen.add(ikey)
            if not text:
                problems.append(tr("分组“{title}”中有评估项目没有内容", title=title))
            if item.kind not in ITEM_KINDS:
                problems.append(tr("评估项目“{text}”的评分方式应为“是/否”或“1–5 分”", text=text))
            if not 0 < item.weight <= 100:
                problems.append(tr("评估项目“{text}”的权重应大于 0、不超过 100", text=text))
            items.append(ScoreItem(ikey, text, item.kind, item.weight))
        sections.append(ScoreSection(title, tuple(items)))
    grades = sorted(template.grades, key=lambda g: -g[0])
    if not grades or grades[-1][0] != 0 or any(not label.strip() for _, label in grades):
        problems.append(tr("评分等级应从高到低排列，最低一档从 0 分起，且每档都有名称"))
    if problems:
        raise ValidationError(tr("演练评估表有误：\n{problems}", problems=_bullets(problems)))
    return ScoreTemplate(key, name, template.source.strip(), tuple(sections), tuple(grades))


def _bullets(problems: list[str]) -> str:
    return "\n".join(f"· {p}" for p in problems)


def list_templates(engine: Engine) -> list[ScoreTemplate]:
    """The templates of this database (the defaults until someone edits them)."""
    stored = get_setting(engine, TEMPLATES_KEY)
    if not stored:
        return list(DEFAULT_TEMPLATES)
    return [ScoreTemplate.from_json(t) for t in stored]


def get_template(engine: Engine, key: str) -> ScoreTemplate:
    for template in list_templates(engine):
        if template.key == key:
            return template
    raise NotFoundError(tr("找不到演练评估表：{key}", key=key))


def save_template(engine: Engine, template: ScoreTemplate) -> ScoreTemplate:
    """Add or replace (by key) a template; evaluations already recorded keep their snapshot."""
    clean = validate_template(template)
    templates = [t for t in list_templates(engine) if t.key != clean.key]
    existing = [t.key for t in list_templates(engine)]
    position = existing.index(clean.key) if clean.key in existing else len(templates)
    templates.insert(position, clean)
    set_setting(engine, TEMPLATES_KEY, [t.to_json() for t in templates])
    return clean


def delete_template(engine: Engine, key: str) -> None:
    templates = list_templates(engine)
    if key not in {t.key for t in templates}:
        raise NotFoundError(tr("找不到演练评估表：{key}", key=key))
    if len(templates) == 1:
        raise ValidationError(tr("至少要保留一张演练评估表"))
    set_setting(engine, TEMPLATES_KEY, [t.to_json() for t in templates if t.key != key])


def reset_templates(engine: Engine) -> None:
    """Back to the built-in defaults."""
    set_setting(engine, TEMPLATES_KEY, None)


# --- scoring ---------------------------------------------------------------------------


Scores = Mapping[str, bool | int | None]


def check_scores(template: ScoreTemplate, scores: Scores) -> dict[str, bool | int | None]:
    """Scores keyed by item; every problem in one message. Missing items are unscored."""
    items = {i.key: i for i in template.items}
    problems = [tr("评估表中没有编号为“{key}”的项目", key=k) for k in scores if k not in items]
    clean: dict[str, bool | int | None] = {}
    for key, item in items.items():
        value = scores.get(key)
        if value is None:
            clean[key] = None
        elif item.kind == YES_NO:
            if not isinstance(value, bool):
                problems.append(tr("“{item}”应填“是”或“否”", item=item.text))
            clean[key] = value
        else:
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                problems.append(tr("“{item}”应为 1–5 分的整数，现为 {value}", item=item.text, value=value))
            clean[key] = value
    if problems:
        raise ValidationError(tr("评分有误：\n{problems}", problems=_bullets(problems)))
    return clean


def score_percent(template: ScoreTemplate, scores: Mapping[str, bool | int | None]) -> float | None:
    """得分率 in percent (one decimal), or ``None`` when nothing was scored."""
    got = full = 0.0
    for item in template.items:
        value = scores.get(item.key)
        if value is None:
            continue
        fraction = (1.0 if value else 0.0) if item.kind == YES_NO else int(value) / 5
        got += item.weight * fraction
        full += item.weight
    if full == 0:
        return None
    return round(got / full * 100, 1)


def grade_of(template: ScoreTemplate, percent: float | None) -> str:
    if percent is None:
        return ""
    for floor, label in sorted(template.grades, key=lambda g: -g[0]):
        if percent >= floor:
            return label
    return template.grades[-1][1] if template.grades else ""


def value_text(kind: str, value: bool | int | None) -> str:
    """A score as the user reads it (inside ``chinese()``: as the report prints it)."""
    if value is None:
        return tr("不适用")
    if kind == YES_NO:
        return tr("是") if value else tr("否")
    return tr("{value} 分", value=int(value))


# --- recording -------------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationInput:
    template_key: str
    scores: Mapping[str, bool | int | None]
    eval_date: date
    evaluators: str | None = None
    comments: str | None = None  # 现场点评
    self_assessment: str | None = None  # 参演人员自评
    team_opinion: str | None = None  # 评估组意见
    conclusion: str | None = None


@dataclass(frozen=True)
class DrillEvaluation:
    drill_uid: str
    template: ScoreTemplate  # the snapshot stored with the evaluation
    scores: dict[str, bool | int | None]
    score_percent: float | None
    grade: str
    eval_date: date
    evaluators: str
    comments: str
    self_assessment: str
    team_opinion: str
    conclusion: str
    row_version: int


@dataclass(frozen=True)
class SummaryReport:
    """总结报告: 概要, 发现的问题, 经验教训, 建议 (AQ/T 9009; DOMAIN.md §7)."""

    overview: str = ""
    problems: Sequence[str] = field(default_factory=tuple)
    lessons: str = ""
    suggestions: str = ""


def _note(value: str | None, label: str) -> str:
    """``value`` trimmed; ``label`` names the field (already translated)."""
    value = (value or "").strip()
    if len(value) > MAX_NOTE:
        raise ValidationError(tr("{field}过长（最多 {limit} 字）", field=label, limit=MAX_NOTE))
    return value


def _as_text(value: Any) -> str:
    """A stored text field; lists (as older or imported records hold them) one item a line."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value if v not in (None, ""))
    return str(value)


def _simple_items(data: Mapping[str, Any]) -> tuple[ScoreTemplate, dict[str, bool | int | None]]:
    """A template and scores from the simple ``{"items": [{"name", "score", "max"}]}`` form
    (demo data and records from other tools); a 5-point item keeps its score as is."""
    items: list[ScoreItem] = []
    scores: dict[str, bool | int | None] = {}
    for n, raw in enumerate(data.get("items") or (), 1):
        if not isinstance(raw, Mapping):
            continue
        key = f"item{n}"
        top = raw.get("max", 5)
        value = raw.get("score")
        if top == 1 or isinstance(value, bool):
            items.append(ScoreItem(key, str(raw.get("name", key)), YES_NO))
            scores[key] = None if value is None else bool(value)
        else:
            items.append(ScoreItem(key, str(raw.get("name", key)), SCALE5))
            scores[key] = None if value is None else max(1, min(5, round(float(value) * 5 / float(top or 5))))
    # A record without a template (demo data, other tools) gets one: data, as the templates are.
    sections = (ScoreSection("评估项目", tuple(items)),) if items else ()  # zh-only: template data (printed)
    name = str(data.get("template_name") or "演练评估")  # zh-only: template data (printed)
    return ScoreTemplate("", name, "", sections), scores


def _evaluation_of(drill: Any, data: Mapping[str, Any]) -> DrillEvaluation:
    if "sections" in data:
        template = ScoreTemplate.from_json(
            {"key": data.get("template_key", ""), "name": data.get("template_name", ""),
             "source": data.get("template_source", ""), "sections": data.get("sections", ()),
             "grades": data.get("grades")}
        )  # fmt: skip
        scores = dict(data.get("scores") or {})
    else:
        template, scores = _simple_items(data)
    percent = data.get("score_percent")
    if not isinstance(percent, int | float):
        percent = score_percent(template, scores)
    raw_date = data.get("eval_date")
    return DrillEvaluation(
        drill_uid=drill.uid,
        template=template,
        scores=scores,
        score_percent=percent,
        grade=_as_text(data.get("grade")) or grade_of(template, percent),
        eval_date=date.fromisoformat(str(raw_date)) if raw_date else (drill.end or drill.start),
        evaluators=_as_text(data.get("evaluators")),
        comments=_as_text(data.get("comments")),
        self_assessment=_as_text(data.get("self_assessment")),
        team_opinion=_as_text(data.get("team_opinion")),
        conclusion=_as_text(data.get("conclusion")),
        row_version=drill.row_version,
    )


def _done_drill(drill: Any, *, summary: bool = False) -> None:
    """``ValidationError`` unless the drill is done: only then is it evaluated (or summarised)."""
    if drill.status == DrillStatus.DONE.value:
        return
    status = DrillStatus(drill.status).text
    if summary:
        raise ValidationError(
            tr(
                "演练“{title}”当前状态为“{status}”，演练完成后才能填写总结报告",
                title=drill.title,
                status=status,
            )
        )
    raise ValidationError(
        tr("演练“{title}”当前状态为“{status}”，演练完成后才能评估", title=drill.title, status=status)
    )


def record_evaluation(
    engine: Engine,
    drill_uid: str,
    data: EvaluationInput,
    *,
    expected_row_version: int | None = None,
    today: date | None = None,
) -> DrillEvaluation:
    """Record (or replace) the evaluation of a done drill, with its score and grade."""
    template = get_template(engine, data.template_key)
    scores = check_scores(template, data.scores)
    percent = score_percent(template, scores)
    if data.eval_date > (today or date.today()):
        raise ValidationError(tr("评估日期不能晚于今天"))
    stored = {
        "template_key": template.key,
        "template_name": template.name,
        "template_source": template.source,
        "sections": template.to_json()["sections"],
        "grades": template.to_json()["grades"],
        "scores": scores,
        "score_percent": percent,
        "grade": grade_of(template, percent),
        "eval_date": data.eval_date.isoformat(),
        "evaluators": _note(data.evaluators, tr("评估人员")),
        "comments": _note(data.comments, tr("现场点评")),
        "self_assessment": _note(data.self_assessment, tr("参演人员自评")),
        "team_opinion": _note(data.team_opinion, tr("评估组意见")),
        "conclusion": _note(data.conclusion, tr("评估结论")),
    }
    with session_scope(engine) as session:
        drill = drills._drill(session, drill_uid)
        drills.check_version(drill, expected_row_version)
        _done_drill(drill)
        if data.eval_date < drill.start:
            raise ValidationError(
                tr(
                    "评估日期（{eval_date}）不能早于演练日期（{drill_date}）",
                    eval_date=data.eval_date.isoformat(),
                    drill_date=drill.start.isoformat(),
                )
            )
        drill.evaluation = copy.deepcopy(stored)
        session.add(drill)
        session.flush()
        return _evaluation_of(drill, stored)


def get_evaluation(engine: Engine, drill_uid: str) -> DrillEvaluation | None:
    with session_scope(engine) as session:
        drill = drills._drill(session, drill_uid)
        if not drill.evaluation:
            return None
        return _evaluation_of(drill, drill.evaluation)


def record_summary(
    engine: Engine, drill_uid: str, report: SummaryReport, *, expected_row_version: int | None = None
) -> dict[str, Any]:
    """The summary report of a done drill; returns what was stored in ``Drill.summary``."""
    problems = [" ".join(p.split()) for p in report.problems if p.strip()]
    for problem in problems:
        _note(problem, tr("发现的问题"))
    stored: dict[str, Any] = {
        "overview": _note(report.overview, tr("概要")),
        "problems": problems,
        "lessons": _note(report.lessons, tr("经验教训")),
        "suggestions": _note(report.suggestions, tr("建议")),
    }
    with session_scope(engine) as session:
        drill = drills._drill(session, drill_uid)
        drills.check_version(drill, expected_row_version)
        _done_drill(drill, summary=True)
        drill.summary = copy.deepcopy(stored)
        session.add(drill)
        session.flush()
        return {**stored, "row_version": drill.row_version}


def get_summary(engine: Engine, drill_uid: str) -> SummaryReport:
    data = drills.get_drill(engine, drill_uid).report
    problems = data.get("problems") or ()
    return SummaryReport(
        _as_text(data.get("overview")),
        tuple(str(p) for p in problems) if isinstance(problems, list | tuple) else (str(problems),),
        _as_text(data.get("lessons")),
        _as_text(data.get("suggestions")),
    )

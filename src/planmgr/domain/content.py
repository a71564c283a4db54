"""Structured plan content: its sections and the section-by-section diff of two versions.

``Plan.content`` and ``PlanVersion.content`` hold the same dict (the contract printing,
filing and diffs read):
- ``scope``: str — 适用范围
- ``grading``: [{grade, criteria}] — 事件分级 (kept apart from response levels: GB/T 29639 §6.1.2)
- ``response_levels``: [{level, condition, lead}] — 响应分级
- ``work_groups``: [{name, lead, members, duties}] — 组织指挥体系与工作组
- ``procedure``: [{step, action, responsible, time_limit}] — 应急处置程序
- ``measures``: [str] — 处置措施
- ``precautions``: [str] — 注意事项
- ``contacts``: [{name, role, phone}] — 联系方式
- ``resources``: [{name, quantity, location, keeper}] — 应急资源
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SECTIONS: dict[str, str] = {
    "scope": "适用范围",
    "grading": "事件分级",
    "response_levels": "响应分级",
    "work_groups": "组织指挥体系与职责",
    "procedure": "应急处置程序",
    "measures": "处置措施",
    "precautions": "注意事项",
    "contacts": "联系方式",
    "resources": "应急资源",
}

# Columns of the table-like sections, with their Chinese headers.
SECTION_COLUMNS: dict[str, dict[str, str]] = {
    "grading": {"grade": "级别", "criteria": "分级标准"},
    "response_levels": {"level": "响应级别", "condition": "启动条件", "lead": "指挥"},
    "work_groups": {"name": "工作组", "lead": "牵头单位/负责人", "members": "成员", "duties": "职责"},
    "procedure": {"step": "步骤", "action": "处置内容", "responsible": "负责", "time_limit": "时限"},
    "contacts": {"name": "单位/姓名", "role": "职务", "phone": "电话"},
    "resources": {"name": "名称", "quantity": "数量", "location": "存放地点", "keeper": "管理人"},
}

# Sections whose change makes a revision "major" (ENT Art.37; DOMAIN.md §4).
MAJOR_SECTIONS = frozenset({"work_groups", "procedure", "measures", "response_levels"})

PHONE_RE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{3,5})(?!\d)")
TIME_LIMIT_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:分钟|小时|个工作日|工作日|天|日|秒|h|min)")


def row_text(row: Any) -> str:
    """One row of a section as a line of text (dict rows joined by ' | ')."""
    if isinstance(row, dict):
        return " | ".join(str(v) for v in row.values() if v not in (None, ""))
    return str(row)


def section_lines(content: dict[str, Any], key: str) -> list[str]:
    value = content.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()] or [value]
    if isinstance(value, list):
        return [row_text(row) for row in value]
    return [row_text(value)]


@dataclass(frozen=True)
class LineChange:
    kind: str  # "same" | "added" | "removed" | "changed"
    old: str
    new: str
    # What a reviewer must not miss: "电话", "时限", "响应级别".
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionDiff:
    key: str
    label: str
    changed: bool
    lines: list[LineChange] = field(default_factory=list)

    @property
    def flags(self) -> set[str]:
        return {flag for line in self.lines for flag in line.flags}


def _flags(key: str, old: str, new: str) -> tuple[str, ...]:
    found = []
    if set(PHONE_RE.findall(old)) != set(PHONE_RE.findall(new)):
        found.append("电话")
    if set(TIME_LIMIT_RE.findall(old)) != set(TIME_LIMIT_RE.findall(new)):
        found.append("时限")
    if key == "response_levels" and old != new:
        found.append("响应级别")
    return tuple(found)


def _align(old: list[str], new: list[str]) -> list[LineChange]:
    import difflib

    result: list[LineChange] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            result.extend(LineChange("same", line, line) for line in old[a0:a1])
            continue
        olds, news = old[a0:a1], new[b0:b1]
        for i in range(max(len(olds), len(news))):
            o = olds[i] if i < len(olds) else ""
            n = news[i] if i < len(news) else ""
            kind = "changed" if o and n else ("removed" if o else "added")
            result.append(LineChange(kind, o, n))
    return result


def diff_content(old: dict[str, Any], new: dict[str, Any]) -> list[SectionDiff]:
    """Section-by-section diff; changed phone numbers, time limits and levels are flagged."""
    diffs: list[SectionDiff] = []
    keys = list(SECTIONS) + sorted(k for k in {*old, *new} if k not in SECTIONS)
    for key in keys:
        a, b = section_lines(old, key), section_lines(new, key)
        lines = [
            LineChange(line.kind, line.old, line.new, _flags(key, line.old, line.new))
            if line.kind != "same"
            else line
            for line in _align(a, b)
        ]
        diffs.append(SectionDiff(key, SECTIONS.get(key, key), a != b, lines))
    return diffs


def major_sections_changed(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Labels of the sections whose change calls for re-review and re-filing (ENT Art.37)."""
    return [
        SECTIONS[k]
        for k in SECTIONS
        if k in MAJOR_SECTIONS and section_lines(old, k) != section_lines(new, k)
    ]

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

from planmgr.domain.i18n import is_english

# The section titles in Chinese, as the printed manual and the filing forms print them and
# as plan text is matched; ``section_text`` gives the one the user reads.
SECTIONS: dict[str, str] = {  # zh-only: printed section titles (SECTIONS_EN is the English)
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
SECTIONS_EN: dict[str, str] = {
    "scope": "Scope",
    "grading": "Event grading",
    "response_levels": "Response levels",
    "work_groups": "Command structure and duties",
    "procedure": "Response procedure",
    "measures": "Response measures",
    "precautions": "Precautions",
    "contacts": "Contacts",
    "resources": "Emergency resources",
}

# Columns of the table-like sections, with their Chinese headers (printed as they are;
# ``column_texts`` for the interface language).
SECTION_COLUMNS: dict[str, dict[str, str]] = {  # zh-only: printed column headers (SECTION_COLUMNS_EN)
    "grading": {"grade": "级别", "criteria": "分级标准"},
    "response_levels": {"level": "响应级别", "condition": "启动条件", "lead": "指挥"},
    "work_groups": {"name": "工作组", "lead": "牵头单位/负责人", "members": "成员", "duties": "职责"},
    "procedure": {"step": "步骤", "action": "处置内容", "responsible": "负责", "time_limit": "时限"},
    "contacts": {"name": "单位/姓名", "role": "职务", "phone": "电话"},
    "resources": {"name": "名称", "quantity": "数量", "location": "存放地点", "keeper": "管理人"},
}
SECTION_COLUMNS_EN: dict[str, dict[str, str]] = {
    "grading": {"grade": "Grade", "criteria": "Criteria"},
    "response_levels": {"level": "Response level", "condition": "Trigger", "lead": "Command"},
    "work_groups": {
        "name": "Working group", "lead": "Lead unit / person", "members": "Members", "duties": "Duties"
    },
    "procedure": {
        "step": "Step", "action": "Action", "responsible": "Responsible", "time_limit": "Time limit"
    },
    "contacts": {"name": "Organisation / name", "role": "Role", "phone": "Phone"},
    "resources": {"name": "Name", "quantity": "Quantity", "location": "Location", "keeper": "Keeper"},
}

# What a reviewer must not miss in a diff (``LineChange.flags``): the Chinese names are the
# values callers compare; ``flag_text`` gives the one the user reads.
FLAG_PHONE = "电话"  # zh-only: flag value (FLAGS_EN is the English)
FLAG_TIME_LIMIT = "时限"  # zh-only: flag value
FLAG_RESPONSE_LEVEL = "响应级别"  # zh-only: flag value
FLAGS_EN: dict[str, str] = {
    FLAG_PHONE: "Phone number",
    FLAG_TIME_LIMIT: "Time limit",
    FLAG_RESPONSE_LEVEL: "Response level",
}


def section_text(key: str) -> str:
    """A section's title in the interface language (an unknown key is shown as it is)."""
    return (SECTIONS_EN if is_english() else SECTIONS).get(key, key)


def section_texts() -> dict[str, str]:
    """Every section key with its title in the interface language, in document order."""
    return {key: section_text(key) for key in SECTIONS}


def column_texts(key: str) -> dict[str, str] | None:
    """The columns of a table-like section with their headers in the interface language;
    ``None`` for a section that is a text or a list of lines."""
    columns = (SECTION_COLUMNS_EN if is_english() else SECTION_COLUMNS).get(key)
    return dict(columns) if columns is not None else None


def flag_text(flag: str) -> str:
    """A diff flag (``FLAG_PHONE`` …) in the interface language."""
    return FLAGS_EN.get(flag, flag) if is_english() else flag


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
    # What a reviewer must not miss: FLAG_PHONE … (Chinese values; ``flag_texts`` to show them).
    flags: tuple[str, ...] = ()

    @property
    def flag_texts(self) -> tuple[str, ...]:
        """The flags in the interface language."""
        return tuple(flag_text(flag) for flag in self.flags)


@dataclass(frozen=True)
class SectionDiff:
    key: str
    label: str  # Chinese (SECTIONS), as printed; ``text`` for the interface language
    changed: bool
    lines: list[LineChange] = field(default_factory=list)

    @property
    def flags(self) -> set[str]:
        return {flag for line in self.lines for flag in line.flags}

    @property
    def text(self) -> str:
        """The section's title in the interface language."""
        return section_text(self.key)

    @property
    def flag_texts(self) -> list[str]:
        """The section's flags in the interface language, sorted."""
        return sorted(flag_text(flag) for flag in self.flags)


def _flags(key: str, old: str, new: str) -> tuple[str, ...]:
    found = []
    if set(PHONE_RE.findall(old)) != set(PHONE_RE.findall(new)):
        found.append(FLAG_PHONE)
    if set(TIME_LIMIT_RE.findall(old)) != set(TIME_LIMIT_RE.findall(new)):
        found.append(FLAG_TIME_LIMIT)
    if key == "response_levels" and old != new:
        found.append(FLAG_RESPONSE_LEVEL)
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


def major_section_keys_changed(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Keys of the sections whose change calls for re-review and re-filing (ENT Art.37)."""
    return [k for k in SECTIONS if k in MAJOR_SECTIONS and section_lines(old, k) != section_lines(new, k)]


def major_sections_changed(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Chinese labels of the sections whose change calls for re-review and re-filing
    (ENT Art.37); ``major_section_texts_changed`` for the interface language."""
    return [SECTIONS[k] for k in major_section_keys_changed(old, new)]


def major_section_texts_changed(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """``major_sections_changed`` in the interface language (what a dialog lists)."""
    return [section_text(k) for k in major_section_keys_changed(old, new)]

"""Which plan may sit under which (the plan hierarchy, DOMAIN.md §1).

Lower-level plans link (衔接) with the plans above them: a town plan with the county or
city overall plan (GOV2024 Art.6–8), a village plan with its town's plan, an enterprise
plan with the town's plans, and an enterprise's 专项预案 and 现场处置方案 with its own
综合应急预案 (GB/T 29639-2020 §5). The table below is the product rule; ``check_parent``
gives the reason (in the interface language) when a placement is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from planmgr.domain.enums import PlanCategory as C
from planmgr.domain.enums import UnitKind as K
from planmgr.domain.i18n import join, tr

# category -> categories its parent may have (None = may be a root plan)
ALLOWED_PARENTS: dict[C, frozenset[C | None]] = {
    C.OVERALL: frozenset({None, C.OVERALL}),
    C.SPECIAL: frozenset({C.OVERALL, C.SPECIAL}),
    C.DEPARTMENT: frozenset({C.OVERALL, C.SPECIAL}),
    C.TOWN: frozenset({C.OVERALL, C.SPECIAL}),
    C.VILLAGE: frozenset({C.TOWN}),
    C.JOINT: frozenset({C.OVERALL, C.SPECIAL, C.TOWN}),
    C.EVENT: frozenset({C.OVERALL, C.SPECIAL, C.TOWN}),
    C.ENT_COMPREHENSIVE: frozenset({C.TOWN, C.OVERALL, C.SPECIAL, C.DEPARTMENT, None}),
    C.ENT_SPECIAL: frozenset({C.ENT_COMPREHENSIVE}),
    C.ENT_ONSITE: frozenset({C.ENT_COMPREHENSIVE, C.ENT_SPECIAL, None}),
}

# category -> unit kinds that may own it
ALLOWED_OWNERS: dict[C, frozenset[K]] = {
    C.OVERALL: frozenset({K.CITY}),
    C.SPECIAL: frozenset({K.CITY, K.DEPARTMENT}),
    C.DEPARTMENT: frozenset({K.DEPARTMENT}),
    C.TOWN: frozenset({K.TOWN}),
    C.VILLAGE: frozenset({K.VILLAGE}),
    C.JOINT: frozenset({K.CITY, K.DEPARTMENT, K.TOWN, K.VILLAGE, K.OTHER}),
    C.EVENT: frozenset({K.CITY, K.DEPARTMENT, K.TOWN, K.OTHER}),
    C.ENT_COMPREHENSIVE: frozenset({K.ENTERPRISE, K.OTHER}),
    C.ENT_SPECIAL: frozenset({K.ENTERPRISE, K.OTHER}),
    C.ENT_ONSITE: frozenset({K.ENTERPRISE, K.OTHER}),
}

# Categories whose parent must belong to the same unit (an enterprise's own plan set).
SAME_OWNER_AS_PARENT = frozenset({C.ENT_SPECIAL, C.ENT_ONSITE})


@dataclass(frozen=True)
class Placement:
    """What the rule needs to know about a plan or its would-be parent."""

    category: C
    owner_unit_uid: str
    owner_kind: K
    title: str = ""


def _names(categories: frozenset[C | None]) -> str:
    labels = [c.text for c in C if c in categories]
    if None in categories:
        labels.append(tr("（作为顶层预案）"))
    return join(labels)


def check_owner(category: C, owner_kind: K) -> str | None:
    """Why a unit of ``owner_kind`` may not own a ``category`` plan (in the interface
    language), or ``None`` if it may."""
    if owner_kind in ALLOWED_OWNERS[category]:
        return None
    return tr(
        "{category}应由{kinds}编制，不能由{owner}编制",
        category=category.text,
        kinds=join(k.text for k in K if k in ALLOWED_OWNERS[category]),
        owner=owner_kind.text,
    )


def check_parent(child: Placement, parent: Placement | None) -> str | None:
    """Why ``child`` may not sit under ``parent`` (in the interface language), or ``None``
    if it may."""
    allowed = ALLOWED_PARENTS[child.category]
    if parent is None:
        if None in allowed:
            return None
        return tr(
            "{child}必须挂在上级预案下（可选：{allowed}）", child=child.category.text, allowed=_names(allowed)
        )
    if parent.category not in allowed:
        if parent.title:
            return tr(
                "{child}不能挂在{parent}“{title}”下；上级预案应为：{allowed}",
                child=child.category.text,
                parent=parent.category.text,
                title=parent.title,
                allowed=_names(allowed - {None}),
            )
        return tr(
            "{child}不能挂在{parent}下；上级预案应为：{allowed}",
            child=child.category.text,
            parent=parent.category.text,
            allowed=_names(allowed - {None}),
        )
    if child.category in SAME_OWNER_AS_PARENT and child.owner_unit_uid != parent.owner_unit_uid:
        return tr("{child}只能挂在本单位的{parent}下", child=child.category.text, parent=parent.category.text)
    return None

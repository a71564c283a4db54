"""Domain enumerations with their Chinese labels.

Values are the stable English identifiers stored in the database and used in JSON;
``label`` is the Simplified Chinese text shown to users and used in ledgers
(DESIGN.md §6).  ``from_label`` accepts full- and half-width brackets and
surrounding spaces, as the ledger contract requires.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

_BRACKETS = str.maketrans({"(": "（", ")": "）"})

# Other spellings accepted in ledgers (DESIGN.md §6), label -> value.
LABEL_ALIASES = {"桌面推演": "tabletop"}


def normalise_label(text: str) -> str:
    """Fold half-width brackets to full width and strip spaces (ledger cells)."""
    return text.strip().translate(_BRACKETS).replace(" ", "").replace("\u3000", "")


class LabelledEnum(StrEnum):
    """A ``StrEnum`` whose members carry a Chinese label."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def from_label(cls, text: str) -> Self:
        """The member whose label (or value, or alias) is ``text``; ``ValueError`` otherwise."""
        key = normalise_label(text)
        for member in cls:
            if key in (normalise_label(member.label), member.value):
                return member
        alias = LABEL_ALIASES.get(key)
        if alias is not None:
            for member in cls:
                if member.value == alias:
                    return member
        raise ValueError(text)

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label for m in cls]


class UnitKind(LabelledEnum):
    CITY = "city", "县级以上政府"
    DEPARTMENT = "department", "政府部门"
    TOWN = "town", "乡镇（街道）"
    VILLAGE = "village", "村（社区）"
    ENTERPRISE = "enterprise", "企业"
    OTHER = "other", "其他单位"


class PlanCategory(LabelledEnum):
    OVERALL = "overall", "总体应急预案"
    SPECIAL = "special", "专项应急预案"
    DEPARTMENT = "department", "部门应急预案"
    TOWN = "town", "乡镇（街道）应急预案"
    VILLAGE = "village", "村（社区）应急预案"
    JOINT = "joint", "联合应急预案"
    EVENT = "event", "重大活动保障预案"
    ENT_COMPREHENSIVE = "ent_comprehensive", "综合应急预案"
    ENT_SPECIAL = "ent_special", "专项应急预案（企业）"
    ENT_ONSITE = "ent_onsite", "现场处置方案"

    @property
    def is_enterprise(self) -> bool:
        return self in ENTERPRISE_CATEGORIES

    @property
    def is_government(self) -> bool:
        return not self.is_enterprise


ENTERPRISE_CATEGORIES = frozenset(
    {PlanCategory.ENT_COMPREHENSIVE, PlanCategory.ENT_SPECIAL, PlanCategory.ENT_ONSITE}
)


class PlanStatus(LabelledEnum):
    DRAFTING = "drafting", "编制中"
    IN_REVIEW = "in_review", "评审中"
    PUBLISHED = "published", "已发布"
    REVISING = "revising", "修订中"
    SUPERSEDED = "superseded", "已替代"
    ABOLISHED = "abolished", "已废止"


# Plans whose published version is in force (DOMAIN.md §3, "How a due date is computed").
IN_FORCE_STATUSES = frozenset({PlanStatus.PUBLISHED, PlanStatus.REVISING})


class EventType(LabelledEnum):
    """Event taxonomy (DOMAIN.md §2): four families and the common sub-types."""

    NATURAL = "natural", "自然灾害"
    FLOOD_DROUGHT = "flood_drought", "水旱灾害"
    METEOROLOGICAL = "meteorological", "气象灾害"
    EARTHQUAKE = "earthquake", "地震灾害"
    GEOLOGICAL = "geological", "地质灾害"
    FOREST_FIRE = "forest_fire", "森林草原火灾"
    ACCIDENT = "accident", "事故灾难"
    WORK_SAFETY = "work_safety", "生产安全事故"
    TRAFFIC = "traffic", "交通运输事故"
    FIRE = "fire", "火灾事故"
    HAZCHEM = "hazchem", "危险化学品事故"
    PUBLIC_HEALTH = "public_health", "公共卫生事件"
    SOCIAL_SECURITY = "social_security", "社会安全事件"


class Industry(LabelledEnum):
    """行业类型 of the units ledger (DESIGN.md §6)."""

    HAZCHEM = "hazchem", "危险化学品"
    FIREWORKS = "fireworks", "烟花爆竹"
    NONCOAL_MINE = "noncoal_mine", "非煤矿山"
    METALLURGY = "metallurgy", "金属冶炼"
    CONSTRUCTION = "construction", "建筑施工"
    URBAN_RAIL = "urban_rail", "城市轨道交通运营"
    DANGEROUS_GOODS_TRANSPORT = "dangerous_goods_transport", "危险物品运输"
    CROWDED_PLACE = "crowded_place", "人员密集场所"
    INDUSTRY_TRADE = "industry_trade", "工贸"
    OTHER = "other", "其他"


class EnterpriseScale(LabelledEnum):
    LARGE = "large", "大型"
    MEDIUM = "medium", "中型"
    SMALL = "small", "小型"
    MICRO = "micro", "微型"


class DrillForm(LabelledEnum):
    TABLETOP = "tabletop", "桌面演练"
    FIELD = "field", "实战演练"


class DrillScope(LabelledEnum):
    SINGLE = "single", "单项演练"
    COMPREHENSIVE = "comprehensive", "综合演练"


class DrillPurpose(LabelledEnum):
    TEST = "test", "检验性"
    DEMO = "demo", "示范性"
    RESEARCH = "research", "研究性"


class DrillStatus(LabelledEnum):
    PLANNED = "planned", "计划中"
    DONE = "done", "已完成"
    CANCELLED = "cancelled", "已取消"


class EvaluationMethod(LabelledEnum):
    SELF = "self", "自行评估"
    EXPERT = "expert", "专家评估"
    THIRD_PARTY = "third_party", "第三方评估"


class EvaluationConclusion(LabelledEnum):
    KEEP = "keep", "继续有效"
    REVISE = "revise", "需要修订"
    ABOLISH = "abolish", "建议废止"


class FindingSource(LabelledEnum):
    DRILL = "drill", "演练"
    EVALUATION = "evaluation", "评估"
    INCIDENT = "incident", "事件处置"


class ActionStatus(LabelledEnum):
    OPEN = "open", "未开始"
    IN_PROGRESS = "in_progress", "整改中"
    DONE = "done", "已完成"
    VERIFIED = "verified", "已验证"


class FilingStatus(LabelledEnum):
    TO_SUBMIT = "to_submit", "待报送"
    SUBMITTED = "submitted", "已报送"
    RETURNED = "returned", "退回补正"
    FILED = "filed", "已备案"
    DEEMED_FILED = "deemed_filed", "视为备案"


class DatabaseMode(LabelledEnum):
    OFFICE = "office", "应急管理部门"
    ENTERPRISE = "enterprise", "企业"


class AuditAction(LabelledEnum):
    INSERT = "insert", "新增"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"

"""Domain enumerations with their Chinese and English labels.

Values are the stable English identifiers stored in the database and used in JSON;
``label`` is the Simplified Chinese text used in ledgers and printed documents (DESIGN.md
§6) whatever the interface language; ``label_en`` its English; ``text`` the one of the two
the user reads (planmgr.domain.i18n).  ``from_label`` accepts full- and half-width
brackets and surrounding spaces, as the ledger contract requires.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from planmgr.domain import i18n

_BRACKETS = str.maketrans({"(": "（", ")": "）"})

# Other spellings accepted in ledgers (DESIGN.md §6), label -> value.
LABEL_ALIASES = {"桌面推演": "tabletop"}


def normalise_label(text: str) -> str:
    """Fold half-width brackets to full width and strip spaces (ledger cells)."""
    return text.strip().translate(_BRACKETS).replace(" ", "").replace("\u3000", "")


class LabelledEnum(StrEnum):
    """A ``StrEnum`` whose members carry a Chinese label and its English."""

    label: str
    label_en: str

    def __new__(cls, value: str, label: str = "", label_en: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.label_en = label_en
        return obj

    @property
    def text(self) -> str:
        """The label in the interface language: what a list, a table or a message shows."""
        return self.label_en if i18n.is_english() else self.label

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
        """The Chinese labels (a ledger's allowed values)."""
        return [m.label for m in cls]

    @classmethod
    def texts(cls) -> list[str]:
        """The labels in the interface language."""
        return [m.text for m in cls]


class UnitKind(LabelledEnum):
    CITY = "city", "县级以上政府", "County government"
    DEPARTMENT = "department", "政府部门", "Department"
    TOWN = "town", "乡镇（街道）", "Town (subdistrict)"
    VILLAGE = "village", "村（社区）", "Village (community)"
    ENTERPRISE = "enterprise", "企业", "Enterprise"
    OTHER = "other", "其他单位", "Other unit"


class PlanCategory(LabelledEnum):
    OVERALL = "overall", "总体应急预案", "Overall plan"
    SPECIAL = "special", "专项应急预案", "Special plan"
    DEPARTMENT = "department", "部门应急预案", "Department plan"
    TOWN = "town", "乡镇（街道）应急预案", "Town (subdistrict) plan"
    VILLAGE = "village", "村（社区）应急预案", "Village (community) plan"
    JOINT = "joint", "联合应急预案", "Joint plan"
    EVENT = "event", "重大活动保障预案", "Major event plan"
    ENT_COMPREHENSIVE = "ent_comprehensive", "综合应急预案", "Comprehensive plan"
    ENT_SPECIAL = "ent_special", "专项应急预案（企业）", "Special plan (enterprise)"
    ENT_ONSITE = "ent_onsite", "现场处置方案", "On-site response plan"

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
    DRAFTING = "drafting", "编制中", "Drafting"
    IN_REVIEW = "in_review", "评审中", "In review"
    PUBLISHED = "published", "已发布", "Published"
    REVISING = "revising", "修订中", "Revising"
    SUPERSEDED = "superseded", "已替代", "Superseded"
    ABOLISHED = "abolished", "已废止", "Abolished"


# Plans whose published version is in force (DOMAIN.md §3, "How a due date is computed").
IN_FORCE_STATUSES = frozenset({PlanStatus.PUBLISHED, PlanStatus.REVISING})


class EventType(LabelledEnum):
    """Event taxonomy (DOMAIN.md §2): four families and the common sub-types."""

    NATURAL = "natural", "自然灾害", "Natural disaster"
    FLOOD_DROUGHT = "flood_drought", "水旱灾害", "Flood and drought"
    METEOROLOGICAL = "meteorological", "气象灾害", "Meteorological disaster"
    EARTHQUAKE = "earthquake", "地震灾害", "Earthquake"
    GEOLOGICAL = "geological", "地质灾害", "Geological disaster"
    FOREST_FIRE = "forest_fire", "森林草原火灾", "Forest and grassland fire"
    ACCIDENT = "accident", "事故灾难", "Accident"
    WORK_SAFETY = "work_safety", "生产安全事故", "Work-safety accident"
    TRAFFIC = "traffic", "交通运输事故", "Traffic accident"
    FIRE = "fire", "火灾事故", "Fire"
    HAZCHEM = "hazchem", "危险化学品事故", "Hazardous chemicals accident"
    PUBLIC_HEALTH = "public_health", "公共卫生事件", "Public health event"
    SOCIAL_SECURITY = "social_security", "社会安全事件", "Social security event"


class Industry(LabelledEnum):
    """行业类型 of the units ledger (DESIGN.md §6)."""

    HAZCHEM = "hazchem", "危险化学品", "Hazardous chemicals"
    FIREWORKS = "fireworks", "烟花爆竹", "Fireworks"
    NONCOAL_MINE = "noncoal_mine", "非煤矿山", "Non-coal mine"
    METALLURGY = "metallurgy", "金属冶炼", "Metal smelting"
    CONSTRUCTION = "construction", "建筑施工", "Construction"
    URBAN_RAIL = "urban_rail", "城市轨道交通运营", "Urban rail transit"
    DANGEROUS_GOODS_TRANSPORT = "dangerous_goods_transport", "危险物品运输", "Dangerous goods transport"
    CROWDED_PLACE = "crowded_place", "人员密集场所", "Crowded place"
    INDUSTRY_TRADE = "industry_trade", "工贸", "Industry and trade"
    OTHER = "other", "其他", "Other"


class EnterpriseScale(LabelledEnum):
    LARGE = "large", "大型", "Large"
    MEDIUM = "medium", "中型", "Medium"
    SMALL = "small", "小型", "Small"
    MICRO = "micro", "微型", "Micro"


class DrillForm(LabelledEnum):
    TABLETOP = "tabletop", "桌面演练", "Tabletop drill"
    FIELD = "field", "实战演练", "Field drill"


class DrillScope(LabelledEnum):
    SINGLE = "single", "单项演练", "Single-item drill"
    COMPREHENSIVE = "comprehensive", "综合演练", "Comprehensive drill"


class DrillPurpose(LabelledEnum):
    TEST = "test", "检验性", "Testing"
    DEMO = "demo", "示范性", "Demonstration"
    RESEARCH = "research", "研究性", "Research"


class DrillStatus(LabelledEnum):
    PLANNED = "planned", "计划中", "Planned"
    DONE = "done", "已完成", "Done"
    CANCELLED = "cancelled", "已取消", "Cancelled"


class EvaluationMethod(LabelledEnum):
    SELF = "self", "自行评估", "Self-evaluation"
    EXPERT = "expert", "专家评估", "Expert evaluation"
    THIRD_PARTY = "third_party", "第三方评估", "Third-party evaluation"


class EvaluationConclusion(LabelledEnum):
    KEEP = "keep", "继续有效", "Remains valid"
    REVISE = "revise", "需要修订", "Needs revision"
    ABOLISH = "abolish", "建议废止", "Abolish"


class FindingSource(LabelledEnum):
    DRILL = "drill", "演练", "Drill"
    EVALUATION = "evaluation", "评估", "Evaluation"
    INCIDENT = "incident", "事件处置", "Incident response"


class ActionStatus(LabelledEnum):
    OPEN = "open", "未开始", "Not started"
    IN_PROGRESS = "in_progress", "整改中", "In progress"
    DONE = "done", "已完成", "Done"
    VERIFIED = "verified", "已验证", "Verified"


class FilingStatus(LabelledEnum):
    TO_SUBMIT = "to_submit", "待报送", "To submit"
    SUBMITTED = "submitted", "已报送", "Submitted"
    RETURNED = "returned", "退回补正", "Returned for correction"
    FILED = "filed", "已备案", "Filed"
    DEEMED_FILED = "deemed_filed", "视为备案", "Deemed filed"


class DatabaseMode(LabelledEnum):
    OFFICE = "office", "应急管理部门", "Emergency management office"
    ENTERPRISE = "enterprise", "企业", "Enterprise"


class AuditAction(LabelledEnum):
    INSERT = "insert", "新增", "Added"
    UPDATE = "update", "修改", "Changed"
    DELETE = "delete", "删除", "Deleted"

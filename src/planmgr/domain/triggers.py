"""Revision triggers (修订情形) as reference data with their sources (DOMAIN.md §4).

Kept as data, not an enum: provinces add their own, and the two families differ.  Like an
enum's ``label``/``label_en``/``text`` (planmgr.domain.enums), ``label`` and ``source``
are the Chinese of the regulation (printed and filed as they are), ``label_en`` and
``source_en`` their English, ``text`` and ``source_text`` the ones the user reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from planmgr.domain.i18n import is_english


@dataclass(frozen=True)
class RevisionTrigger:
    id: str
    label: str
    source: str
    family: str  # "enterprise" | "government"
    label_en: str = ""
    source_en: str = ""

    @property
    def text(self) -> str:
        """The trigger in the interface language (a list, a table or a message shows it)."""
        return self.label_en if is_english() and self.label_en else self.label

    @property
    def source_text(self) -> str:
        """Where the trigger comes from, in the interface language."""
        return self.source_en if is_english() and self.source_en else self.source


def _ent(item: int, label: str, label_en: str) -> RevisionTrigger:
    """《生产安全事故应急预案管理办法》第三十六条, item ``item``."""
    chinese_items = "一二三四五六"  # zh-only: article item numerals
    return RevisionTrigger(
        f"ent36-{item}",
        label,
        f"ENT 第三十六条（{chinese_items[item - 1]}）",  # zh-only: citation (source_en)
        "enterprise",
        label_en=label_en,
        source_en=f"ENT Art.36({item})",
    )


def _gov(item: int, label: str, label_en: str) -> RevisionTrigger:
    """《突发事件应急预案管理办法》国办发〔2013〕101号 第二十五条, item ``item``."""
    chinese_items = "一二三四五六七"  # zh-only: article item numerals
    return RevisionTrigger(
        f"gov25-{item}",
        label,
        f"GOV2013 第二十五条（{chinese_items[item - 1]}）",  # zh-only: citation (source_en)
        "government",
        label_en=label_en,
        source_en=f"GOV2013 Art.25({item})",
    )


# The labels are the regulations' wording (zh-only: label_en is the English).
REVISION_TRIGGERS: tuple[RevisionTrigger, ...] = (
    # 《生产安全事故应急预案管理办法》第三十六条
    _ent(
        1,
        "依据的法律、法规、规章、标准及上位预案中的有关规定发生重大变化",  # zh-only: regulation wording
        "Major changes in the laws, regulations, rules, standards or higher-level plans it is based on",
    ),
    _ent(
        2,
        "应急指挥机构及其职责发生调整",  # zh-only: regulation wording
        "The emergency command body or its duties have been adjusted",
    ),
    _ent(
        3,
        "安全生产面临的风险发生重大变化",  # zh-only: regulation wording
        "Major changes in the work-safety risks faced",
    ),
    _ent(
        4,
        "重要应急资源发生重大变化",  # zh-only: regulation wording
        "Major changes in important emergency resources",
    ),
    _ent(
        5,
        "在应急演练和事故应急救援中发现需要修订预案的重大问题",  # zh-only: regulation wording
        "Drills or accident rescue revealed major problems that call for a revision",
    ),
    _ent(
        6,
        "编制单位认为应当修订的其他情况",  # zh-only: regulation wording
        "Other circumstances in which the drafting organisation considers a revision necessary",
    ),
    # 《突发事件应急预案管理办法》国办发〔2013〕101号 第二十五条 (国办发〔2024〕5号 similar)
    _gov(
        1,
        "有关法律、行政法规、规章、标准、上位预案中的有关规定发生变化",  # zh-only: regulation wording
        "Changes in the relevant laws, administrative regulations, rules, standards or higher-level plans",
    ),
    _gov(
        2,
        "应急指挥机构及其职责发生重大调整",  # zh-only: regulation wording
        "Major adjustment of the emergency command body or its duties",
    ),
    _gov(
        3,
        "面临的风险发生重大变化",  # zh-only: regulation wording
        "Major changes in the risks faced",
    ),
    _gov(
        4,
        "重要应急资源发生重大变化",  # zh-only: regulation wording
        "Major changes in important emergency resources",
    ),
    _gov(
        5,
        "预案中的其他重要信息发生变化",  # zh-only: regulation wording
        "Changes in other important information in the plan",
    ),
    _gov(
        6,
        "在突发事件实际应对和应急演练中发现问题需要作出重大调整",  # zh-only: regulation wording
        "Actual emergency response or drills revealed problems that call for major adjustments",
    ),
    _gov(
        7,
        "应急预案制定单位认为应当修订的其他情况",  # zh-only: regulation wording
        "Other circumstances in which the organisation that made the plan considers a revision necessary",
    ),
)

TRIGGERS_BY_ID = {t.id: t for t in REVISION_TRIGGERS}


def triggers_for(enterprise: bool) -> list[RevisionTrigger]:
    family = "enterprise" if enterprise else "government"
    return [t for t in REVISION_TRIGGERS if t.family == family]

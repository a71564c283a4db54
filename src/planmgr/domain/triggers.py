"""Revision triggers (修订情形) as reference data with their sources (DOMAIN.md §4).

Kept as data, not an enum: provinces add their own, and the two families differ.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RevisionTrigger:
    id: str
    label: str
    source: str
    family: str  # "enterprise" | "government"


REVISION_TRIGGERS: tuple[RevisionTrigger, ...] = (
    # 《生产安全事故应急预案管理办法》第三十六条
    RevisionTrigger(
        "ent36-1",
        "依据的法律、法规、规章、标准及上位预案中的有关规定发生重大变化",
        "ENT 第三十六条（一）",
        "enterprise",
    ),
    RevisionTrigger("ent36-2", "应急指挥机构及其职责发生调整", "ENT 第三十六条（二）", "enterprise"),
    RevisionTrigger("ent36-3", "安全生产面临的风险发生重大变化", "ENT 第三十六条（三）", "enterprise"),
    RevisionTrigger("ent36-4", "重要应急资源发生重大变化", "ENT 第三十六条（四）", "enterprise"),
    RevisionTrigger(
        "ent36-5",
        "在应急演练和事故应急救援中发现需要修订预案的重大问题",
        "ENT 第三十六条（五）",
        "enterprise",
    ),
    RevisionTrigger("ent36-6", "编制单位认为应当修订的其他情况", "ENT 第三十六条（六）", "enterprise"),
    # 《突发事件应急预案管理办法》国办发〔2013〕101号 第二十五条 (国办发〔2024〕5号 similar)
    RevisionTrigger(
        "gov25-1",
        "有关法律、行政法规、规章、标准、上位预案中的有关规定发生变化",
        "GOV2013 第二十五条（一）",
        "government",
    ),
    RevisionTrigger("gov25-2", "应急指挥机构及其职责发生重大调整", "GOV2013 第二十五条（二）", "government"),
    RevisionTrigger("gov25-3", "面临的风险发生重大变化", "GOV2013 第二十五条（三）", "government"),
    RevisionTrigger("gov25-4", "重要应急资源发生重大变化", "GOV2013 第二十五条（四）", "government"),
    RevisionTrigger("gov25-5", "预案中的其他重要信息发生变化", "GOV2013 第二十五条（五）", "government"),
    RevisionTrigger(
        "gov25-6",
        "在突发事件实际应对和应急演练中发现问题需要作出重大调整",
        "GOV2013 第二十五条（六）",
        "government",
    ),
    RevisionTrigger(
        "gov25-7", "应急预案制定单位认为应当修订的其他情况", "GOV2013 第二十五条（七）", "government"
    ),
)

TRIGGERS_BY_ID = {t.id: t for t in REVISION_TRIGGERS}


def triggers_for(enterprise: bool) -> list[RevisionTrigger]:
    family = "enterprise" if enterprise else "government"
    return [t for t in REVISION_TRIGGERS if t.family == family]

"""Unit flags that follow from industry and enterprise scale (DOMAIN.md §3, last bullets).

- must_file and high_risk: the ENT Art.26 list (危险物品, 矿山, 金属冶炼, 城市轨道交通运营,
  建筑施工, 人员密集场所) — 《生产安全事故应急预案管理办法》第二十六条; high-risk units
  drill every 6 months (第三十三条).
- listed_for_review: the ENT Art.21/35 list (评审, evaluation every 3 years), plus every
  unit of 中型 scale or larger (第二十一条, 第三十五条).
"""

from __future__ import annotations

from dataclasses import dataclass

from planmgr.domain.enums import EnterpriseScale, Industry

_ART26 = frozenset(
    {
        Industry.HAZCHEM,
        Industry.FIREWORKS,
        Industry.NONCOAL_MINE,
        Industry.METALLURGY,
        Industry.CONSTRUCTION,
        Industry.URBAN_RAIL,
        Industry.DANGEROUS_GOODS_TRANSPORT,
        Industry.CROWDED_PLACE,
    }
)
_ART21 = frozenset(
    {
        Industry.HAZCHEM,
        Industry.FIREWORKS,
        Industry.NONCOAL_MINE,
        Industry.METALLURGY,
        Industry.CONSTRUCTION,
        Industry.DANGEROUS_GOODS_TRANSPORT,
    }
)


@dataclass(frozen=True)
class UnitFlags:
    must_file: bool
    high_risk: bool
    listed_for_review: bool


def flags_for(industry: Industry | None, scale: EnterpriseScale | None) -> UnitFlags:
    on_art26 = industry in _ART26
    review = industry in _ART21 or scale in (EnterpriseScale.LARGE, EnterpriseScale.MEDIUM)
    return UnitFlags(must_file=on_art26, high_risk=on_art26, listed_for_review=review)

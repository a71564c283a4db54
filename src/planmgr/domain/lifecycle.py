"""Plan lifecycle (GOV2024 Art.3: 编制、审批、发布 … 修订): which status changes are allowed.

drafting → in_review → published → revising → (in_review →) published; any → abolished.
Publishing from ``revising`` makes a new version; the previous one stays as history.
"""

from __future__ import annotations

from planmgr.domain.enums import PlanStatus as S

TRANSITIONS: dict[str, frozenset[S]] = {
    "send_for_review": frozenset({S.DRAFTING, S.REVISING}),
    "publish": frozenset({S.IN_REVIEW, S.REVISING}),
    "start_revision": frozenset({S.PUBLISHED}),
    "abolish": frozenset({S.DRAFTING, S.IN_REVIEW, S.PUBLISHED, S.REVISING}),
    "back_to_drafting": frozenset({S.IN_REVIEW}),
}

ACTION_LABELS = {
    "send_for_review": "提交评审",
    "publish": "发布",
    "start_revision": "启动修订",
    "abolish": "废止",
    "back_to_drafting": "退回编制",
}


def refusal(action: str, status: S) -> str | None:
    """A Chinese reason why ``action`` is not allowed in ``status``, or ``None``."""
    allowed = TRANSITIONS[action]
    if status in allowed:
        return None
    states = "、".join(s.label for s in S if s in allowed)
    return f"预案当前状态为“{status.label}”，不能{ACTION_LABELS[action]}（只有{states}的预案可以）"


def editable(status: S) -> bool:
    """Content may be edited while drafting, in review or under revision."""
    return status in (S.DRAFTING, S.IN_REVIEW, S.REVISING)

"""Plan lifecycle (GOV2024 Art.3: 编制、审批、发布 … 修订): which status changes are allowed.

drafting → in_review → published → revising → (in_review →) published; any → abolished.
Publishing from ``revising`` makes a new version; the previous one stays as history.
"""

from __future__ import annotations

from planmgr.domain.enums import PlanStatus as S
from planmgr.domain.i18n import is_english, join, tr

TRANSITIONS: dict[str, frozenset[S]] = {
    "send_for_review": frozenset({S.DRAFTING, S.REVISING}),
    "publish": frozenset({S.IN_REVIEW, S.REVISING}),
    "start_revision": frozenset({S.PUBLISHED}),
    "abolish": frozenset({S.DRAFTING, S.IN_REVIEW, S.PUBLISHED, S.REVISING}),
    "back_to_drafting": frozenset({S.IN_REVIEW}),
}

# The actions' names in Chinese and in English; ``action_text`` gives the one the user reads.
ACTION_LABELS = {  # zh-only: action names (ACTION_LABELS_EN is the English)
    "send_for_review": "提交评审",
    "publish": "发布",
    "start_revision": "启动修订",
    "abolish": "废止",
    "back_to_drafting": "退回编制",
}
ACTION_LABELS_EN = {
    "send_for_review": "send for review",
    "publish": "publish",
    "start_revision": "start a revision",
    "abolish": "abolish",
    "back_to_drafting": "send back to drafting",
}


def action_text(action: str) -> str:
    """The name of a lifecycle action in the interface language (lower case in English)."""
    return (ACTION_LABELS_EN if is_english() else ACTION_LABELS)[action]


def refusal(action: str, status: S) -> str | None:
    """Why ``action`` is not allowed in ``status`` (in the interface language), or ``None``."""
    allowed = TRANSITIONS[action]
    if status in allowed:
        return None
    return tr(
        "预案当前状态为“{status}”，不能{action}（只有{states}的预案可以）",
        status=status.text,
        action=action_text(action),
        states=join(s.text for s in S if s in allowed),
    )


def editable(status: S) -> bool:
    """Content may be edited while drafting, in review or under revision."""
    return status in (S.DRAFTING, S.IN_REVIEW, S.REVISING)

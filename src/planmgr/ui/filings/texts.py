"""Punctuation of the filing screens that follows the interface language
(``planmgr.domain.i18n``; the GUI sets it with the Qt translators at start-up)."""

from __future__ import annotations

from planmgr.domain import i18n


def with_note(text: str, note: str) -> str:
    """``text（note）`` in Chinese, ``text (note)`` in English."""
    return f"{text} ({note})" if i18n.is_english() else f"{text}（{note}）"


def with_notes(text: str, first: str, second: str) -> str:
    """``text（first，second）`` in Chinese, ``text (first, second)`` in English."""
    return f"{text} ({first}, {second})" if i18n.is_english() else f"{text}（{first}，{second}）"

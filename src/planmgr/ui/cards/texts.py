"""Punctuation of the handling-card screens that follows the interface language
(``planmgr.domain.i18n``; the GUI sets it with the Qt translators at start-up)."""

from __future__ import annotations

from collections.abc import Iterable

from planmgr.domain import i18n


def with_note(text: str, note: str) -> str:
    """``text（note）`` in Chinese, ``text (note)`` in English."""
    return f"{text} ({note})" if i18n.is_english() else f"{text}（{note}）"


def semicolons(items: Iterable[str]) -> str:
    """Items that may contain commas: ；-separated in Chinese, "; " in English."""
    return ("; " if i18n.is_english() else "；").join(items)

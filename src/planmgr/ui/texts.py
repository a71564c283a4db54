"""Small pieces of what widgets show, in the interface language (planmgr.domain.i18n).

Services hand rows with the enum id (``row.status``) and, for files and printing, its
Chinese label (``row.status_label``); a widget shows :func:`enum_text` of the id instead,
so an English session reads English.  Punctuation that differs between the languages
(full-width brackets and colons in Chinese) comes from :func:`paren` and :func:`colon`:
Qt catalogues cannot hold a "translation" without a Chinese character in it.
"""

from __future__ import annotations

from collections.abc import Iterable

from planmgr.domain.enums import LabelledEnum
from planmgr.domain.i18n import is_english


def enum_text(kind: type[LabelledEnum], value: str | None, fallback: str | None = None) -> str:
    """The label of ``value`` (an id of ``kind``) in the interface language; an unknown id
    (written by a newer version) shows ``fallback``, or the id itself."""
    if not value:
        return fallback or ""
    try:
        return kind(value).text
    except ValueError:
        return fallback or value


def paren(text: str, note: str) -> str:
    """``text (note)``; Chinese: ``text（note）``."""
    return f"{text} ({note})" if is_english() else f"{text}（{note}）"


def colon(name: str, value: str) -> str:
    """``name: value``; Chinese: ``name：value``."""
    return f"{name}: {value}" if is_english() else f"{name}：{value}"


def semicolons(items: Iterable[str]) -> str:
    """Items in a run of text separated by semicolons (``；`` in Chinese)."""
    return ("; " if is_english() else "；").join(items)


def commas(items: Iterable[str]) -> str:
    """Items in a run of text separated by commas (``，`` in Chinese)."""
    return (", " if is_english() else "，").join(items)

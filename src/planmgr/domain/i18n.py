"""Messages of the non-Qt layers (domain, store, services, exchange, reports, cli) in the
user's language.

The Qt widgets translate their own English source strings with ``QObject.tr`` (DESIGN.md
§1, resources/i18n/*.ts).  Everything below the GUI speaks through :func:`tr` instead: the
message id *is* the Simplified Chinese text, so the default language needs no catalogue
and a missing translation degrades to Chinese, never to an empty string.  English lives
in ``resources/i18n/messages_en/*.json`` (one file per area, merged), keyed by that
Chinese text::

    raise ValidationError(tr("版本号“{label}”已存在，请换一个", label=label))

A translation is either a string or, where English needs a plural, an object
``{"one": "...", "other": "..."}`` chosen by the ``count`` value.  ``tests/test_messages.py``
checks that every message has an English translation with the same placeholders and that
no Chinese text reaches a user without passing through here.

What stays Chinese whatever the language: the printed documents (cards, manuals, filing
forms — official documents in Chinese, DOMAIN.md) and files for an office (written inside
:func:`chinese`), the ledger columns and labels (a file format, DESIGN.md §6) and the data.

The language is process-wide and set once at start-up (``planmgr gui`` from the settings,
the CLI from ``--lang`` / ``PLANMGR_LANG``); a switch takes effect on restart.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_state = {"language": DEFAULT_LANGUAGE}
_thread = threading.local()  # .override: the language of what this thread writes now

Translation = str | Mapping[str, str]


def set_language(code: str) -> None:
    """Speak ``code`` (``zh_CN`` or ``en``) from now on; anything else is refused."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _state["language"] = code


def language() -> str:
    override: str | None = getattr(_thread, "override", None)
    return override or _state["language"]


def is_english() -> bool:
    return language() == "en"


@contextmanager
def chinese() -> Iterator[None]:
    """Write Chinese in this thread for the duration, whatever the interface language: the
    printed documents and the files handed to an office (cards, manuals, filing forms,
    ledgers, statistics workbooks) are Chinese documents.  Other threads are unaffected, so
    the GUI keeps its language while a worker thread prints."""
    previous = getattr(_thread, "override", None)
    _thread.override = DEFAULT_LANGUAGE
    try:
        yield
    finally:
        _thread.override = previous


def catalogue_dir() -> Path:
    from planmgr import paths  # not at import: the domain stays importable without resources

    return paths.resources_dir() / "i18n" / "messages_en"


@cache
def catalogue() -> dict[str, Translation]:
    """The English catalogue: every ``*.json`` of :func:`catalogue_dir` merged."""
    merged: dict[str, Translation] = {}
    try:
        files = sorted(catalogue_dir().glob("*.json"))
    except FileNotFoundError:
        log.warning("English messages not found; messages stay Chinese")
        return merged
    for path in files:
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def N_(msgid: str) -> str:  # noqa: N802  (the gettext name every extractor knows)
    """Mark a constant for translation without translating it yet: module-level tables are
    built before the language is chosen, so translate them where they are shown:
    ``tr(REASONS[key])``."""
    return msgid


def tr(msgid: str, /, **values: object) -> str:
    """``msgid`` (Chinese) in the current language, with ``values`` filled in by
    ``str.format``.  An untranslated message falls back to the Chinese text."""
    template = msgid
    if is_english():
        found = catalogue().get(msgid)
        if isinstance(found, str) and found:
            template = found
        elif isinstance(found, Mapping):
            template = found["one"] if values.get("count") == 1 and "one" in found else found["other"]
        else:
            _warn_missing(msgid)
    return template.format(**values) if values else template


@cache
def _warn_missing(msgid: str) -> None:
    log.warning("no English translation for message %r", msgid)


def join(items: Iterable[str]) -> str:
    """A list in running text: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return (", " if is_english() else "、").join(items)


# Punctuation that differs between the languages. A pattern such as "{a} ({b})" cannot be a
# message of its own: its "translation" would carry no Chinese character (tests/test_messages.py).


def commas(items: Iterable[str]) -> str:
    """Clauses in a row: 甲，乙 in Chinese, "a, b" in English."""
    return (", " if is_english() else "，").join(items)


def semicolons(items: Iterable[str]) -> str:
    """Sentences in a row (problems, notes): 甲；乙 in Chinese, "a; b" in English."""
    return ("; " if is_english() else "；").join(items)


def paren(text: str, note: str) -> str:
    """``text`` with an aside: 甲（注） in Chinese, "text (note)" in English."""
    return f"{text} ({note})" if is_english() else f"{text}（{note}）"


def colon(label: str, text: str) -> str:
    """``label`` introducing ``text``: 演练：… in Chinese, "Drill: …" in English."""
    return f"{label}: {text}" if is_english() else f"{label}：{text}"

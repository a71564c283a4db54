"""The ZIP container under filing packages and answer files: written atomically, read as
untrusted input.

Writing goes to a temporary file in the target folder that is renamed when complete, so a
half-written file never exists.  Reading trusts nothing: the archive's size, entry names (no
absolute paths, ``..``, backslashes, drive letters), entry types (no links), declared sizes, the
compression ratio, and the bytes actually inflated (a running cap) are checked before any
content is parsed, and JSON is read strictly.  Every refusal is a ``PackageRejected``.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from planmgr.domain.i18n import tr
from planmgr.exchange.package_schema import PackageRejected, Problem, reject

MAX_ENTRIES = 1000
MAX_RATIO = 100
"""Largest inflate ratio accepted for an entry over ``RATIO_FLOOR`` (PDFs and photos: ~1–5)."""
RATIO_FLOOR = 1024 * 1024
_CHUNK = 64 * 1024

_DRIVE = re.compile(r"^[A-Za-z]:")
_ZIP_MAGIC = b"PK\x03\x04"

Source = Path | bytes


def human_size(size: int) -> str:
    if size < 1024:
        return tr("{count} 字节", count=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# --------------------------------------------------------------------------- writing


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    local = moment.astimezone(UTC)
    return (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second)


def write_zip_atomically(path: Path, entries: Sequence[tuple[str, bytes]], moment: datetime) -> int:
    """Write ``entries`` (name, bytes) as a ZIP at ``path`` via a renamed temporary file; its size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".~" + path.stem, suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, content in entries:
                    info = zipfile.ZipInfo(name, date_time=_zip_time(moment))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = (stat.S_IFREG | 0o644) << 16
                    archive.writestr(info, content)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path.stat().st_size


# --------------------------------------------------------------------------- reading


@contextmanager
def open_zip(source: Source, limit: int, what: str) -> Iterator[zipfile.ZipFile]:
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if size > limit:
        message = tr(
            "{what}文件过大（{size}），最大允许 {limit}",
            what=what,
            size=human_size(size),
            limit=human_size(limit),
        )
        raise reject("too_large", message)
    if size == 0:
        raise reject("not_a_zip", tr("{what}文件是空的（0 字节）", what=what))
    stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    try:
        head = stream.read(4)
        stream.seek(0)
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError, KeyError) as error:
            if head == _ZIP_MAGIC:
                raise reject(
                    "truncated_zip", tr("{what}文件不完整：ZIP 目录缺失或已损坏，可能拷贝未完成", what=what)
                ) from error
            raise reject("not_a_zip", tr("该文件不是{what}（不是 ZIP 压缩文件）", what=what)) from error
        with archive:
            yield archive
    finally:
        stream.close()


def _unsafe_name(name: str) -> str | None:
    """Why an entry name could escape the folder it is unpacked into (a translated predicate:
    "含有反斜杠"), or ``None``."""
    if "\\" in name:
        return tr("含有反斜杠")
    if name.startswith("/"):
        return tr("是绝对路径")
    if _DRIVE.match(name):
        return tr("含有盘符")
    if "\x00" in name:
        return tr("含有空字符")
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return tr("含有 “..”、“.” 或空的路径段")
    return None


def check_entries(
    infos: Sequence[zipfile.ZipInfo],
    allowed: Callable[[str], bool],
    *,
    folder: str,
    max_total: int,
    max_member: int,
    what: str,
) -> list[Problem]:
    """Names, types, duplicates, methods and declared sizes of every entry, before reading any.
    ``allowed`` says which file names may be present, ``folder`` the one folder entry."""
    problems: list[Problem] = []
    if len(infos) > MAX_ENTRIES:
        message = tr(
            "{what}中文件数量过多（{number} 个，最多 {limit} 个）",
            what=what,
            number=len(infos),
            limit=MAX_ENTRIES,
        )
        return [Problem("zip_bomb", message)]
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.orig_filename
        shown = name[:80].replace("\x00", "\\0")
        why = _unsafe_name(name)
        if why is not None:
            message = tr("文件路径“{name}”{why}，可能写到目标文件夹之外", name=shown, why=why)
            problems.append(Problem("path_traversal", message))
            continue
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            problems.append(Problem("symlink", tr("“{name}”是符号链接，备案包中不允许链接文件", name=shown)))
            continue
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            problems.append(Problem("unexpected_file", tr("“{name}”不是普通文件", name=shown)))
            continue
        key = name.casefold()
        if key in seen:
            message = tr("文件“{name}”在{what}中出现了不止一次", name=shown, what=what)
            problems.append(Problem("duplicate_entry", message))
            continue
        seen.add(key)
        if info.is_dir():
            if name != folder:
                message = tr("{what}中有不认识的文件夹：{name}", what=what, name=shown)
                problems.append(Problem("unexpected_file", message))
            continue
        if not allowed(name):
            problems.append(
                Problem("unexpected_file", tr("{what}中有不认识的文件：{name}", what=what, name=shown))
            )
            continue
        if info.flag_bits & 0x1:
            problems.append(Problem("unsupported_zip", tr("文件“{name}”已加密，无法校验", name=shown)))
            continue
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(
                Problem(
                    "unsupported_zip",
                    tr(
                        "文件“{name}”使用了不支持的压缩方式（{method}）",
                        name=shown,
                        method=info.compress_type,
                    ),
                )
            )
            continue
        if info.file_size > max_member:
            problems.append(
                Problem(
                    "too_large",
                    tr(
                        "文件“{name}”解压后 {size}，超过单个文件上限 {limit}",
                        name=shown,
                        size=human_size(info.file_size),
                        limit=human_size(max_member),
                    ),
                )
            )
            continue
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            message = tr("文件“{name}”压缩比异常（约 {ratio}:1），疑似压缩炸弹", name=shown, ratio=ratio)
            problems.append(Problem("zip_bomb", message))
            continue
        total += info.file_size
    if total > max_total:
        problems.append(
            Problem(
                "zip_bomb",
                tr(
                    "{what}解压后共 {size}，超过上限 {limit}",
                    what=what,
                    size=human_size(total),
                    limit=human_size(max_total),
                ),
            )
        )
    return problems


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """The entry's bytes, inflated in chunks; more than ``cap`` bytes is refused as a bomb."""
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > cap:
                    raise reject(
                        "zip_bomb", tr("文件“{name}”解压后超过声明的大小，疑似压缩炸弹", name=info.filename)
                    )
    except PackageRejected:
        raise
    except EOFError as error:
        message = tr("文件“{name}”数据不完整，可能拷贝未完成", name=info.filename)
        raise reject("truncated_zip", message) from error
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, NotImplementedError) as error:
        message = tr("文件“{name}”无法解压：{error}", name=info.filename, error=str(error)[:120])
        raise reject("corrupt_zip", message) from error
    return bytes(out)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(tr("重复的键“{key}”", key=key[:40]))
        result[key] = value
    return result


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(tr("数值超出范围：{text}", text=text[:40]))
    return value


def _reject_constant(name: str) -> Any:
    raise ValueError(tr("不允许的数值 {name}", name=name))


def parse_json(raw: bytes, name: str) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity; ``PackageRejected`` otherwise."""
    try:
        text = raw.decode("utf-8-sig")
        return json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_float=_finite, parse_constant=_reject_constant
        )
    except UnicodeDecodeError as error:
        message = tr("{name} 不是 UTF-8 编码的文本（第 {byte} 字节）", name=name, byte=error.start)
        raise reject("bad_json", message) from error
    except json.JSONDecodeError as error:
        message = tr(
            "{name} 不是有效的 JSON：第 {line} 行第 {column} 列，{error}",
            name=name,
            line=error.lineno,
            column=error.colno,
            error=error.msg,
        )
        raise reject("bad_json", message) from error
    except (ValueError, RecursionError) as error:
        problem = str(error)[:120] or tr("嵌套过深")
        raise reject(
            "bad_json", tr("{name} 不是有效的 JSON：{problem}", name=name, problem=problem)
        ) from error

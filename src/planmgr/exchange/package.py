"""The filing package (``.planpkg``) and the authority's answer file (``.planreply``).

A package is a ZIP (DESIGN.md §6):
- ``manifest.json``: format name and version, package uid, created, app version, sender
  unit with its USCC, receiving authority, the plan versions included, and every other
  file with its SHA-256 and size;
- ``data.json``: the records (``package_schema.PackageData``);
- ``files/<sha256>``: the attached documents, named by their content hash.

The fingerprint is the first 16 hex digits of the manifest's SHA-256, in groups of four
(``3F2A 91C0 77BE 0D14``); the 备案申报表 prints it so paper and file can be matched, and
since the manifest lists every file's hash it stands for the whole package.

Reading trusts nothing and writes nothing: the archive's size, entry names (no absolute
paths, ``..``, backslashes, drive letters), entry types (no links), declared sizes, the
compression ratio, and the bytes actually inflated (a running cap) are checked before any
content is parsed; then format and version, every hash and size, and the JSON schema.  A
refusal is a ``PackageRejected`` holding every problem found, each with a reason code
(``package_schema.REASONS``) and a message in the interface language.  Writing goes to a temporary file in
the target folder that is renamed when complete, so a half-written package never exists.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from planmgr import __version__
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.exchange.package_schema import (
    REASONS,
    SHA256_RE,
    Manifest,
    ManifestFile,
    ManifestVersion,
    PackageData,
    Problem,
    Reply,
    Sender,
    parse_data,
    parse_manifest,
    parse_reply,
    reply_to_json,
    to_json,
)

PACKAGE_SUFFIX = ".planpkg"
REPLY_SUFFIX = ".planreply"
MANIFEST_NAME = "manifest.json"
DATA_NAME = "data.json"
REPLY_NAME = "reply.json"
FILES_DIR = "files/"

MAX_PACKAGE_BYTES = 256 * 1024 * 1024
"""Largest package file accepted (compressed, as it lies on the USB stick)."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Most bytes all entries of a package may inflate to."""
MAX_MEMBER_BYTES = 20 * 1024 * 1024
"""Largest single document (the attachment limit of ``services.blobs``)."""
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_REPLY_BYTES = 1024 * 1024
MAX_ENTRIES = 1000
MAX_RATIO = 100
"""Largest inflate ratio accepted for an entry over ``RATIO_FLOOR`` (PDFs and photos: ~1–5)."""
RATIO_FLOOR = 1024 * 1024
_CHUNK = 64 * 1024

_DRIVE = re.compile(r"^[A-Za-z]:")
_ZIP_MAGIC = b"PK\x03\x04"


class PackageRejected(ValidationError):
    """A package or answer file refused; ``problems`` lists every reason (CLI exit 2)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("a rejection needs at least one problem")
        self.problems = list(problems)
        self.reason = self.problems[0].reason
        lines = [tr("{headline}。文件未导入，数据库没有任何改动。", headline=self.headline)]
        lines.extend(f"- {p.message}" for p in self.problems[:20])
        if len(self.problems) > 20:
            lines.append(tr("…… 另有 {count} 个问题", count=len(self.problems) - 20))
        super().__init__("\n".join(lines))

    @property
    def headline(self) -> str:
        """What kind of refusal this is (the first problem's reason), in a few words."""
        return tr(REASONS[self.reason]) if self.reason in REASONS else tr("文件被拒绝")

    @property
    def summary(self) -> str:
        """One line: the headline and the first problem."""
        first = self.problems[0].message
        if len(self.problems) > 1:
            count = len(self.problems)
            return tr(
                "{headline}：{problem}（共 {count} 个问题）",
                headline=self.headline,
                problem=first,
                count=count,
            )
        return tr("{headline}：{problem}", headline=self.headline, problem=first)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": False,
            "reason": self.reason,
            "message": self.summary,
            "problems": [p.to_json() for p in self.problems],
        }


def _reject(reason: str, message: str) -> PackageRejected:
    return PackageRejected([Problem(reason, message)])


@dataclass(frozen=True)
class FilingPackage:
    """A package that passed every check: its records and documents (by SHA-256)."""

    manifest: Manifest
    data: PackageData
    files: dict[str, bytes]
    fingerprint: str
    manifest_sha256: str


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    package_uid: str
    fingerprint: str
    size: int


@dataclass(frozen=True)
class ReadProgress:
    """How far a package read has got (bytes of entries checked so far)."""

    done: int
    total: int
    stage: str


def format_fingerprint(manifest_sha256: str) -> str:
    """``3F2A 91C0 77BE 0D14``: the first 16 hex digits of the manifest's SHA-256."""
    head = manifest_sha256[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, 16, 4))


def human_size(size: int) -> str:
    if size < 1024:
        return tr("{count} 字节", count=size)
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


# --------------------------------------------------------------------------- writing


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    local = moment.astimezone(UTC)
    return (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second)


def _write_zip_atomically(path: Path, entries: Sequence[tuple[str, bytes]], moment: datetime) -> int:
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


def write_package(
    path: Path,
    data: PackageData,
    files: Mapping[str, bytes],
    *,
    package_uid: str | None = None,
    created: datetime | None = None,
    app_version: str = __version__,
) -> WrittenPackage:
    """Write ``data`` and the documents (keyed by SHA-256) as a package at ``path``."""
    created = created or datetime.now(UTC)
    package_uid = package_uid or str(uuid.uuid4())
    for sha, content in files.items():
        if hashlib.sha256(content).hexdigest() != sha:
            raise ValueError(f"document content does not match its key {sha}")
    data_bytes = _dump(to_json(data))
    entries: list[tuple[str, bytes]] = [(DATA_NAME, data_bytes)]
    entries.extend((FILES_DIR + sha, files[sha]) for sha in sorted(files))
    versions = {v.uid: v for v in data.versions}
    manifest = Manifest(
        package_uid=package_uid,
        created=created,
        app_version=app_version,
        sender=Sender(data.sender.name, data.sender.uid, data.sender.uscc),
        authority=data.authority,
        plan_versions=tuple(
            ManifestVersion(
                versions[f.version_uid].plan_uid,
                f.version_uid,
                versions[f.version_uid].title,
                versions[f.version_uid].label,
            )
            for f in data.filings
        ),
        files=tuple(
            ManifestFile(name, hashlib.sha256(content).hexdigest(), len(content)) for name, content in entries
        ),
    )
    manifest_bytes = _dump(to_json(manifest))
    size = _write_zip_atomically(path, [(MANIFEST_NAME, manifest_bytes), *entries], created)
    digest = hashlib.sha256(manifest_bytes).hexdigest()
    return WrittenPackage(path, package_uid, format_fingerprint(digest), size)


def write_reply(path: Path, reply: Reply) -> int:
    """Write the authority's answer as a ``.planreply`` (a ZIP holding ``reply.json``)."""
    return _write_zip_atomically(path, [(REPLY_NAME, _dump(reply_to_json(reply)))], reply.created)


# --------------------------------------------------------------------------- reading

Source = Path | bytes


@contextmanager
def _open_zip(source: Source, limit: int, what: str) -> Iterator[zipfile.ZipFile]:
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if size > limit:
        message = tr(
            "{what}文件过大（{size}），最大允许 {limit}",
            what=what,
            size=human_size(size),
            limit=human_size(limit),
        )
        raise _reject("too_large", message)
    if size == 0:
        raise _reject("not_a_zip", tr("{what}文件是空的（0 字节）", what=what))
    stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
    try:
        head = stream.read(4)
        stream.seek(0)
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError, KeyError) as error:
            if head == _ZIP_MAGIC:
                raise _reject(
                    "truncated_zip", tr("{what}文件不完整：ZIP 目录缺失或已损坏，可能拷贝未完成", what=what)
                ) from error
            raise _reject("not_a_zip", tr("该文件不是{what}（不是 ZIP 压缩文件）", what=what)) from error
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


def _check_entries(
    infos: Sequence[zipfile.ZipInfo],
    allowed: Callable[[str], bool],
    *,
    max_total: int,
    max_member: int,
    what: str,
) -> list[Problem]:
    """Names, types, duplicates, methods and declared sizes of every entry, before reading any."""
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
            if name != FILES_DIR:
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


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """The entry's bytes, inflated in chunks; more than ``cap`` bytes is refused as a bomb."""
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > cap:
                    raise _reject(
                        "zip_bomb", tr("文件“{name}”解压后超过声明的大小，疑似压缩炸弹", name=info.filename)
                    )
    except PackageRejected:
        raise
    except EOFError as error:
        message = tr("文件“{name}”数据不完整，可能拷贝未完成", name=info.filename)
        raise _reject("truncated_zip", message) from error
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, NotImplementedError) as error:
        message = tr("文件“{name}”无法解压：{error}", name=info.filename, error=str(error)[:120])
        raise _reject("corrupt_zip", message) from error
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
        raise _reject("bad_json", message) from error
    except json.JSONDecodeError as error:
        message = tr(
            "{name} 不是有效的 JSON：第 {line} 行第 {column} 列，{error}",
            name=name,
            line=error.lineno,
            column=error.colno,
            error=error.msg,
        )
        raise _reject("bad_json", message) from error
    except (ValueError, RecursionError) as error:
        problem = str(error)[:120] or tr("嵌套过深")
        raise _reject(
            "bad_json", tr("{name} 不是有效的 JSON：{problem}", name=name, problem=problem)
        ) from error


def _package_entry(name: str) -> bool:
    if name in (MANIFEST_NAME, DATA_NAME):
        return True
    return name.startswith(FILES_DIR) and bool(SHA256_RE.match(name[len(FILES_DIR) :]))


def _check_listing(manifest: Manifest, entries: Mapping[str, zipfile.ZipInfo]) -> list[Problem]:
    """The manifest lists exactly the entries present, with their sizes."""
    problems: list[Problem] = []
    listed = {f.path: f for f in manifest.files}
    if DATA_NAME not in listed:
        problems.append(Problem("mismatch", tr("manifest.json 没有列出 data.json")))
    for path, item in listed.items():
        if path != DATA_NAME and path != FILES_DIR + item.sha256:
            problems.append(
                Problem("mismatch", tr("清单中的文件路径“{path}”与其校验值不对应", path=path[:80]))
            )
        elif path not in entries:
            problems.append(Problem("missing_file", tr("清单列出的文件“{path}”不在备案包中", path=path)))
        elif path == DATA_NAME and item.size > MAX_JSON_BYTES:
            problems.append(
                Problem(
                    "too_large",
                    tr(
                        "data.json 过大（{size}），最大 {limit}",
                        size=human_size(item.size),
                        limit=human_size(MAX_JSON_BYTES),
                    ),
                )
            )
        elif entries[path].file_size != item.size:
            problems.append(
                Problem(
                    "bad_size",
                    tr(
                        "文件“{path}”大小为 {size} 字节，清单记录为 {listed} 字节",
                        path=path,
                        size=entries[path].file_size,
                        listed=item.size,
                    ),
                )
            )
    for name in entries:
        if name != MANIFEST_NAME and name not in listed:
            problems.append(Problem("unexpected_file", tr("文件“{name}”不在清单中", name=name)))
    return problems


def _check_agreement(manifest: Manifest, data: PackageData, files: Mapping[str, bytes]) -> list[Problem]:
    """What the manifest says about the sender and plans is what data.json holds."""
    problems: list[Problem] = []
    if manifest.sender.uid != data.sender.uid or manifest.sender.uscc != data.sender.uscc:
        problems.append(Problem("mismatch", tr("清单中的报送单位与数据中的报送单位不一致")))
    listed = {(v.plan_uid, v.version_uid) for v in manifest.plan_versions}
    versions = {v.uid: v for v in data.versions}
    filed = {
        (versions[f.version_uid].plan_uid, f.version_uid) for f in data.filings if f.version_uid in versions
    }
    if listed != filed:
        problems.append(Problem("mismatch", tr("清单中的预案版本与数据中报送的预案版本不一致")))
    for i, material in enumerate(data.materials):
        if material.file_sha256 is not None and material.file_sha256 not in files:
            problems.append(
                Problem(
                    "missing_file",
                    tr(
                        "材料“{item}”（materials[{index}]）引用的文件不在备案包中",
                        item=material.item,
                        index=i,
                    ),
                )
            )
    return problems


def read_package_steps(source: Source) -> Generator[ReadProgress, None, FilingPackage]:
    """Check and read a package, yielding progress; returns it or raises ``PackageRejected``."""
    what = tr("备案包")
    with _open_zip(source, MAX_PACKAGE_BYTES, what) as archive:
        infos = archive.infolist()
        problems = _check_entries(
            infos,
            _package_entry,
            max_total=MAX_TOTAL_BYTES,
            max_member=max(MAX_MEMBER_BYTES, MAX_JSON_BYTES),
            what=what,
        )
        if problems:
            raise PackageRejected(problems)
        entries = {info.filename: info for info in infos if not info.is_dir()}
        if MANIFEST_NAME not in entries:
            raise _reject("missing_manifest", tr("备案包中没有 manifest.json，可能不是 planmgr 生成的备案包"))
        if DATA_NAME not in entries:
            raise _reject("missing_data", tr("备案包中没有 data.json"))
        manifest_raw = _read_member(archive, entries[MANIFEST_NAME], MAX_JSON_BYTES)
        manifest, problems = parse_manifest(parse_json(manifest_raw, MANIFEST_NAME))
        if manifest is None:
            raise PackageRejected(problems)
        problems = _check_listing(manifest, entries)
        if problems:
            raise PackageRejected(problems)
        total = sum(f.size for f in manifest.files)
        done = 0
        yield ReadProgress(done, total, tr("校验文件"))
        contents: dict[str, bytes] = {}
        for item in manifest.files:
            cap = MAX_JSON_BYTES if item.path == DATA_NAME else MAX_MEMBER_BYTES
            raw = _read_member(archive, entries[item.path], min(item.size, cap))
            if len(raw) != item.size:
                problems.append(
                    Problem(
                        "bad_size",
                        tr(
                            "文件“{path}”实际 {size} 字节，清单记录为 {listed} 字节",
                            path=item.path,
                            size=len(raw),
                            listed=item.size,
                        ),
                    )
                )
            elif hashlib.sha256(raw).hexdigest() != item.sha256:
                problems.append(
                    Problem(
                        "bad_hash",
                        tr("文件“{path}”的校验值（SHA-256）与清单不符，内容被改动或已损坏", path=item.path),
                    )
                )
            else:
                contents[item.path] = raw
            done += item.size
            yield ReadProgress(done, total, tr("校验文件"))
        if problems:
            raise PackageRejected(problems)
    data, problems = parse_data(parse_json(contents[DATA_NAME], DATA_NAME))
    if data is None:
        raise PackageRejected(problems)
    files = {path[len(FILES_DIR) :]: raw for path, raw in contents.items() if path.startswith(FILES_DIR)}
    problems = _check_agreement(manifest, data, files)
    if problems:
        raise PackageRejected(problems)
    digest = hashlib.sha256(manifest_raw).hexdigest()
    return FilingPackage(manifest, data, files, format_fingerprint(digest), digest)


def read_package(source: Source) -> FilingPackage:
    """``read_package_steps`` run to the end."""
    steps = read_package_steps(source)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: FilingPackage = done.value
            return result


def read_reply(source: Source) -> Reply:
    """Check and read an answer file with the same care as a package."""
    what = tr("答复文件")
    with _open_zip(source, MAX_REPLY_BYTES, what) as archive:
        infos = archive.infolist()
        problems = _check_entries(
            infos,
            lambda name: name == REPLY_NAME,
            max_total=MAX_REPLY_BYTES,
            max_member=MAX_REPLY_BYTES,
            what=what,
        )
        if problems:
            raise PackageRejected(problems)
        entries = {info.filename: info for info in infos if not info.is_dir()}
        if REPLY_NAME not in entries:
            raise _reject("missing_data", tr("答复文件中没有 reply.json，可能不是 planmgr 生成的答复文件"))
        raw = _read_member(archive, entries[REPLY_NAME], MAX_REPLY_BYTES)
    reply, problems = parse_reply(parse_json(raw, REPLY_NAME))
    if reply is None:
        raise PackageRejected(problems)
    return reply

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

Reading trusts nothing and writes nothing: the ZIP container is checked first, before any
content is parsed (``package_zip``: size, entry names and types, declared sizes, compression
ratio, bytes actually inflated); then format and version, every hash and size, and the JSON
schema (``package_parse``).  A refusal is a ``PackageRejected`` holding every problem found,
each with a reason code (``package_schema.REASONS``) and a message in the interface language.
Writing goes to a temporary file in the target folder that is renamed when complete, so a
half-written package never exists.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from planmgr import __version__
from planmgr.domain.i18n import tr
from planmgr.exchange.package_parse import parse_data, parse_manifest, parse_reply
from planmgr.exchange.package_schema import (
    SHA256_RE,
    Manifest,
    ManifestFile,
    ManifestVersion,
    PackageData,
    PackageRejected,
    Problem,
    Reply,
    Sender,
    reject,
    reply_to_json,
    to_json,
)
from planmgr.exchange.package_zip import (
    Source,
    check_entries,
    human_size,
    open_zip,
    parse_json,
    read_member,
    write_zip_atomically,
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


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


# --------------------------------------------------------------------------- writing


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
    size = write_zip_atomically(path, [(MANIFEST_NAME, manifest_bytes), *entries], created)
    digest = hashlib.sha256(manifest_bytes).hexdigest()
    return WrittenPackage(path, package_uid, format_fingerprint(digest), size)


def write_reply(path: Path, reply: Reply) -> int:
    """Write the authority's answer as a ``.planreply`` (a ZIP holding ``reply.json``)."""
    return write_zip_atomically(path, [(REPLY_NAME, _dump(reply_to_json(reply)))], reply.created)


# --------------------------------------------------------------------------- reading


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
    with open_zip(source, MAX_PACKAGE_BYTES, what) as archive:
        infos = archive.infolist()
        problems = check_entries(
            infos,
            _package_entry,
            folder=FILES_DIR,
            max_total=MAX_TOTAL_BYTES,
            max_member=max(MAX_MEMBER_BYTES, MAX_JSON_BYTES),
            what=what,
        )
        if problems:
            raise PackageRejected(problems)
        entries = {info.filename: info for info in infos if not info.is_dir()}
        if MANIFEST_NAME not in entries:
            raise reject("missing_manifest", tr("备案包中没有 manifest.json，可能不是 planmgr 生成的备案包"))
        if DATA_NAME not in entries:
            raise reject("missing_data", tr("备案包中没有 data.json"))
        manifest_raw = read_member(archive, entries[MANIFEST_NAME], MAX_JSON_BYTES)
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
            raw = read_member(archive, entries[item.path], min(item.size, cap))
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
    with open_zip(source, MAX_REPLY_BYTES, what) as archive:
        infos = archive.infolist()
        problems = check_entries(
            infos,
            lambda name: name == REPLY_NAME,
            folder=FILES_DIR,
            max_total=MAX_REPLY_BYTES,
            max_member=MAX_REPLY_BYTES,
            what=what,
        )
        if problems:
            raise PackageRejected(problems)
        entries = {info.filename: info for info in infos if not info.is_dir()}
        if REPLY_NAME not in entries:
            raise reject("missing_data", tr("答复文件中没有 reply.json，可能不是 planmgr 生成的答复文件"))
        raw = read_member(archive, entries[REPLY_NAME], MAX_REPLY_BYTES)
    reply, problems = parse_reply(parse_json(raw, REPLY_NAME))
    if reply is None:
        raise PackageRejected(problems)
    return reply

"""Helpers for build_installer.spec: pruning shared libraries, trimming ICU's data.

Kept out of the spec so that they can be read, linted and tried on their own:

    .venv/bin/python installer/bundle_tools.py needed dist/planmgr/_internal/libfoo.so
    .venv/bin/python installer/bundle_tools.py icu-report \
        .venv/lib/python3.13/site-packages/PySide6/Qt/lib/libicudata.so.73

Nothing here imports PyInstaller except ``shared_library_imports`` on Windows and macOS.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# ----------------------------------------------------------------------------- ELF reading


@dataclass(frozen=True)
class _Elf:
    data: bytes
    order: str  # struct byte order
    sections: list[tuple[int, ...]]  # (name, type, flags, addr, offset, size, link, info, align, entsize)

    @classmethod
    def read(cls, path: Path) -> _Elf | None:
        data = path.read_bytes()
        if data[:4] != b"\x7fELF" or data[4] != 2:  # 64-bit only (x86-64, aarch64)
            return None
        order = "<" if data[5] == 1 else ">"
        (shoff,) = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        sections = [
            struct.unpack_from(order + "IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
        ]
        return cls(data, order, sections)

    def string(self, table: int, offset: int) -> str:
        start = self.sections[table][4] + offset
        return self.data[start : self.data.index(b"\0", start)].decode()

    def needed(self) -> list[str]:
        names = []
        for section in self.sections:
            if section[1] != 6:  # SHT_DYNAMIC
                continue
            for pos in range(section[4], section[4] + section[5], 16):
                tag, value = struct.unpack_from(self.order + "qQ", self.data, pos)
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    names.append(self.string(section[6], value))
        return names

    def symbol(self, pattern: re.Pattern[str]) -> tuple[str, bytes] | None:
        """The first defined dynamic symbol whose name matches, with its bytes."""
        for section in self.sections:
            if section[1] != 11:  # SHT_DYNSYM
                continue
            for pos in range(section[4], section[4] + section[5], 24):
                name, _info, _other, shndx, value, size = struct.unpack_from(
                    self.order + "IBBHQQ", self.data, pos
                )
                if not shndx or shndx >= len(self.sections):
                    continue
                text = self.string(section[6], name)
                if pattern.fullmatch(text):
                    home = self.sections[shndx]
                    start = value - home[3] + home[4]
                    return text, self.data[start : start + size]
        return None


def shared_library_imports(path: str) -> set[str]:
    """Lower-case base names of the shared libraries ``path`` links directly."""
    if sys.platform.startswith("linux"):
        # Read DT_NEEDED ourselves: PyInstaller's get_imports runs ldd once per file,
        # which took minutes for a few hundred files on a loaded machine.
        elf = _Elf.read(Path(path))
        return {name.lower() for name in elf.needed()} if elf else set()
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    found = set()
    for name, resolved in get_imports(path, search_paths=[str(Path(path).parent)]):
        found.add(Path(name).name.lower())
        if resolved:
            found.add(Path(resolved).name.lower())
    return found


# ----------------------------------------------------------------------------- pruning

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)


def libraries_only_for(
    removed: Iterable[Entry], kept: list[Entry], is_root: Callable[[Entry], bool]
) -> list[Entry]:
    """The entries of ``kept`` that are there only because a ``removed`` binary links
    them (directly or through other libraries): the link closure of what was removed,
    less the closure of the kept roots (``is_root``: extension modules, plugins, the
    Python library). A library nothing links (one loaded by name at run time) is
    never returned."""
    by_name: dict[str, Entry] = {}
    for entry in kept:
        by_name.setdefault(Path(entry[0]).name.lower(), entry)

    def closure(roots: Iterable[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            entry = todo.pop()
            if entry[2] == "SYMLINK" or not Path(entry[1]).is_file():
                continue
            for name in shared_library_imports(entry[1]):
                lib = by_name.get(name)
                if lib is not None and lib[0] not in seen:
                    seen.add(lib[0])
                    todo.append(lib)
        return seen

    roots = [e for e in kept if is_root(e)]
    needed = closure(roots) | {e[0] for e in roots}
    orphans = closure(removed) - needed
    return [e for e in kept if e[0] in orphans]


def dangling_symlinks(entries: list[Entry]) -> list[Entry]:
    """SYMLINK entries whose target is not among ``entries`` (PyInstaller links the
    top-level names of libraries it found inside a package folder)."""
    present = {e[0].replace("\\", "/") for e in entries if e[2] != "SYMLINK"}
    gone = []
    for entry in entries:
        if entry[2] != "SYMLINK":
            continue
        link = Path(entry[0].replace("\\", "/"))
        target = (link.parent / entry[1].replace("\\", "/")).as_posix()
        parts: list[str] = []
        for part in target.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        if "/".join(parts) not in present:
            gone.append(entry)
    return gone


# ----------------------------------------------------------------------------- ICU data
# Qt on Linux links ICU, whose data library (libicudata, 32 MB) holds every locale's
# names, collations, calendars, transliterators and legacy code pages. planmgr needs
# Chinese and English: collation (pinyin order of names in every table), word and line
# breaking (incl. the CJK dictionary), time zones, normalisation and the Chinese code
# pages. Everything else is left out (-24 MB). The self-test checks pinyin ordering.

ICU_SYMBOL = re.compile(r"icudt\d+_dat")
LOCALE = re.compile(r"(root|[a-z]{2,3}(_[A-Z][a-z]{3})?(_(?:[A-Z]{2}|\d{3}))?(_[A-Z0-9]+)*)")
ICU_LANGUAGES = {"root", "en", "zh"}
ICU_CONVERTERS = {"gb18030", "ibm-1386_P100-2001", "windows-936-2000", "ibm-5478_P100-1995"}
ICU_DROP_FOLDERS = {"translit"}  # transliterators: Qt never calls them
ICU_DROP_FILES = {"burmesedict.dict", "khmerdict.dict", "laodict.dict", "thaidict.dict"}


def icu_item_kept(name: str) -> bool:
    """``name`` is an item of ICU's data package, e.g. ``icudt73l/coll/zh.res``."""
    parts = name.split("/")[1:]
    folder, leaf = "/".join(parts[:-1]), parts[-1]
    stem, _, suffix = leaf.rpartition(".")
    if folder in ICU_DROP_FOLDERS or leaf in ICU_DROP_FILES:
        return False
    if suffix == "cnv":
        return stem in ICU_CONVERTERS
    if suffix == "res" and LOCALE.fullmatch(stem):
        return stem.split("_")[0] in ICU_LANGUAGES
    return True  # properties, normalisation, break rules, supplemental data, indexes


@dataclass(frozen=True)
class IcuPackage:
    """ICU's common data format: a header, then a table of contents (item count, then
    name and data offsets relative to the table), the names, and the items; lookups
    binary-search the names, so items keep their order."""

    header: bytes
    items: list[tuple[str, bytes]]

    @classmethod
    def parse(cls, blob: bytes) -> IcuPackage:
        (header_size,) = struct.unpack_from("<H", blob, 0)
        if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
            raise ValueError("not an ICU common data package")
        toc = blob[header_size:]
        (count,) = struct.unpack_from("<I", toc, 0)
        entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
        ends = [offset for _, offset in entries[1:]] + [len(toc)]
        items = [
            (toc[name : toc.index(b"\0", name)].decode(), toc[offset:end])
            for (name, offset), end in zip(entries, ends, strict=True)
        ]
        return cls(blob[:header_size], items)

    def serialise(self) -> bytes:
        count = len(self.items)
        names = b"".join(name.encode() + b"\0" for name, _ in self.items)
        start = 4 + 8 * count + len(names)
        start += -start % 16
        table, body, name_at, data_at = [], bytearray(), 4 + 8 * count, start
        for name, data in self.items:
            table.append(struct.pack("<II", name_at, data_at + len(body)))
            name_at += len(name.encode()) + 1
            body += data + b"\0" * (-len(data) % 16)
        head = struct.pack("<I", count) + b"".join(table) + names
        return self.header + head + b"\0" * (start - len(head)) + bytes(body)

    def only(self, keep: Callable[[str], bool]) -> IcuPackage:
        return IcuPackage(self.header, [(name, data) for name, data in self.items if keep(name)])


def trim_icu_library(source: Path, work: Path, compiler: str | None = None) -> Path | None:
    """A copy of ``libicudata.so.NN`` with only the data planmgr needs, or ``None`` when
    this cannot be done here (no C compiler, or not the expected file): the caller then
    keeps the full library."""
    compiler = compiler or shutil.which("cc") or shutil.which("gcc")
    elf = _Elf.read(source)
    found = elf.symbol(ICU_SYMBOL) if elf else None
    if compiler is None or found is None:
        return None
    symbol, blob = found
    package = IcuPackage.parse(blob).only(icu_item_kept)
    work.mkdir(parents=True, exist_ok=True)
    data_file = work / f"{symbol}.bin"
    data_file.write_bytes(package.serialise())
    assembly = work / f"{symbol}.S"
    assembly.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n"
        f'\t.incbin "{data_file}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    target = work / source.name
    subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{source.name}", "-o", str(target), str(assembly)],
        check=True,
    )
    return target


def main(argv: list[str]) -> int:
    command, path = argv[0], Path(argv[1])
    if command == "needed":
        print("\n".join(sorted(shared_library_imports(str(path)))))
    elif command == "icu-report":
        elf = _Elf.read(path)
        found = elf.symbol(ICU_SYMBOL) if elf else None
        if found is None:
            print(f"{path}: no ICU data symbol")
            return 1
        package = IcuPackage.parse(found[1])
        kept = package.only(icu_item_kept)
        print(f"{found[0]}: {len(package.items)} items, {len(found[1]) / 1e6:.1f} MB")
        print(f"kept: {len(kept.items)} items, {len(kept.serialise()) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

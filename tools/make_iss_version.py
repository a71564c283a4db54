#!/usr/bin/env python3
"""Write the installer's version from pyproject.toml for Inno Setup.

    python tools/make_iss_version.py            # writes build/installer/version.iss
    python tools/make_iss_version.py --iscc     # prints the ISCC options instead

installer/planmgr.iss includes ``build/installer/version.iss`` unless ``AppVersion`` is
given on the command line (``ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0``).
``AppVersion`` is the version as written in pyproject (``0.2.0rc1``); Windows' file
version resource wants four numbers, ``AppVersionNumeric`` (``0.2.0.0``).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "build" / "installer" / "version.iss"


def versions(pyproject: Path = ROOT / "pyproject.toml") -> tuple[str, str]:
    """(the project's version, its first three release numbers and a 0 for Windows)."""
    version = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise SystemExit(f"pyproject.toml: version {version!r} does not start with a number")
    numbers = (release.group(0).split(".") + ["0", "0", "0"])[:3]
    return version, ".".join([*numbers, "0"])


def main(argv: list[str]) -> int:
    version, numeric = versions()
    if argv == ["--iscc"]:
        print(f"/DAppVersion={version} /DAppVersionNumeric={numeric}")
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        "; Written by tools/make_iss_version.py from pyproject.toml; do not edit.\n"
        f'#define AppVersion "{version}"\n'
        f'#define AppVersionNumeric "{numeric}"\n',
        encoding="utf-8",
    )
    print(f"{TARGET.relative_to(ROOT)}: AppVersion {version}, AppVersionNumeric {numeric}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

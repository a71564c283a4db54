#!/usr/bin/env python3
"""Update and compile the Chinese translation catalogues (resources/i18n/catalogs.json).

python tools/i18n.py update [AREA ...]    # pyside6-lupdate: new strings into <area>_zh_CN.ts
python tools/i18n.py release [AREA ...]   # pyside6-lrelease: <area>_zh_CN.ts -> .qm
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
BIN = Path(sys.executable).parent


def catalogs() -> dict[str, list[Path]]:
    spec = json.loads((I18N / "catalogs.json").read_text(encoding="utf-8"))
    return {
        area: sorted(
            p for pattern in globs for p in REPO.glob(pattern) if p.name != "__init__.py" or p.stat().st_size
        )
        for area, globs in spec.items()
        if not area.startswith("_")
    }


def ts_path(area: str) -> Path:
    return I18N / f"{area}_zh_CN.ts"


def qm_path(area: str) -> Path:
    return I18N / f"{area}_zh_CN.qm"


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "release"):
        print(__doc__)
        return 2
    action, areas = argv[0], argv[1:]
    found = catalogs()
    for area in areas or list(found):
        sources = found[area]
        if action == "update":
            if not sources:
                continue
            subprocess.run(
                [str(BIN / "pyside6-lupdate"), *map(str, sources), "-no-obsolete", "-ts", str(ts_path(area))],
                check=True,
            )
        elif ts_path(area).exists():
            subprocess.run(
                [str(BIN / "pyside6-lrelease"), str(ts_path(area)), "-qm", str(qm_path(area))], check=True
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

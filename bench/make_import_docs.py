"""Write the documents the import rows of bench/run.py read: what `rktc build` makes of
make_plan.py's plan of N indicators, as DOCX and as XLSX.

    python bench/make_import_docs.py 10000 -o /tmp/import-docs   # rkt-10000.docx, .xlsx

Each document holds every table of the plan: BAB II B (N rows), one BAB II C table per
program (N rows in all), the RKT matrix (N rows) and the APBN matrix (N rows and its
program rows), so a plan of 10,000 indicators gives about 40,000 table rows. The
documents are built by the rktc of this checkout, so they are what a user imports back.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_plan import make_plan

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("docx", "xlsx")


def make_import_docs(
    count: int, folder: Path, formats: tuple[str, ...] = FORMATS
) -> dict[str, Path]:
    """The built documents of the plan of `count` indicators, by format."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / f"rkt-{count}.yaml"
    plan.write_text(make_plan(count), encoding="utf-8")
    made = {}
    for fmt in formats:
        target = folder / f"rkt-{count}.{fmt}"
        subprocess.run(
            [sys.executable, "-m", "rktc", "build", str(plan), "-f", fmt, "-o", str(target)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        made[fmt] = target
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of indicators of the plan")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write to")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    args = parser.parse_args()
    for path in make_import_docs(args.count, args.output, tuple(args.formats)).values():
        print(path)


if __name__ == "__main__":
    main()

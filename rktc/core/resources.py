"""Find the packaged templates: inside the wheel, or the checkout's templates/ folder."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    """`rktc/templates` in an installed wheel; the top-level `templates/` in a checkout."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("rktc's templates folder is missing from this installation")


def template_text(name: str) -> str:
    return (templates_dir() / name).read_text(encoding="utf-8")

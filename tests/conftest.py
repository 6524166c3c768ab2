import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):  # type: ignore[no-untyped-def]
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/golden from the current output.",
    )


@pytest.fixture
def golden(request):  # type: ignore[no-untyped-def]
    """`golden(name, text)`: compare with tests/golden/NAME, or rewrite it (--update-golden)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{name} changed: review, then pytest --update-golden"

    return check


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1675036800")  # 2023-01-30
    monkeypatch.delenv("RKTC_LANG", raising=False)
    os.environ.pop("PYTEST_UPDATE_GOLDEN", None)

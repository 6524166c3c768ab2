"""The moment a build claims to be made: SOURCE_DATE_EPOCH when set, so builds repeat."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now, to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)

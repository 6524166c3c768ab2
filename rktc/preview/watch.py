"""Notice saves of one file by polling: portable (Windows, network drives, containers).

A save is seen when the file's signature (modification time, size, inode) changes, which
also catches editors that save by writing a new file and renaming it over the old one.
Every `verify_every` seconds the content is read and hashed anyway, for file systems
whose timestamps are too coarse to tell two quick saves apart. A save is reported only
when the content differs from the last one reported. A file that vanishes is reported
missing only after `grace` seconds: editors that delete and rewrite leave a short gap.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.1
VERIFY_SECONDS = 1.0
MISSING_GRACE_SECONDS = 0.5

Signature = tuple[int, int, int]


@dataclass(frozen=True)
class Saved:
    """The file's new content; `raw` is None when it cannot be read (gone, or refused)."""

    raw: bytes | None


_GONE = "gone"


class FileWatcher:
    def __init__(
        self,
        path: Path,
        verify_every: float = VERIFY_SECONDS,
        grace: float = MISSING_GRACE_SECONDS,
    ) -> None:
        self.path = path
        self.verify_every = verify_every
        self.grace = grace
        self._signature: Signature | None = None
        self._digest: str | None = None  # of the content last reported, or _GONE
        self._verified = float("-inf")
        self._unreadable_since: float | None = None

    def poll(self, now: float) -> Saved | None:
        """The new content if the file changed since the last report, else None.

        The first call always reports (the content to build first).
        """
        try:
            stat = os.stat(self.path)
        except OSError:
            return self._unreadable(now)
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if signature == self._signature and now - self._verified < self.verify_every:
            return None
        try:
            raw = self.path.read_bytes()
        except OSError:  # locked by the editor (Windows), or replaced meanwhile: try again
            return self._unreadable(now)
        self._unreadable_since = None
        self._signature = signature
        self._verified = now
        digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
        if digest == self._digest:
            return None
        self._digest = digest
        return Saved(raw)

    def _unreadable(self, now: float) -> Saved | None:
        self._signature = None
        if self._digest is None:  # nothing shown yet: say so at once
            self._digest = _GONE
            return Saved(None)
        if self._unreadable_since is None:
            self._unreadable_since = now
        if self._digest == _GONE or now - self._unreadable_since < self.grace:
            return None
        self._digest = _GONE
        return Saved(None)

"""A temporary SQLite file for what a batch must remember to its end but need not hold in
memory: people's running totals and the claim ids seen. The file belongs to this process
alone, lives in a private temporary folder and is gone when the process ends."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

CACHE_KIB = 512  # SQLite's page cache: the file's share of memory


class TemporaryDatabase:
    def __init__(self, schema: str) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="refusjon-batch-")
        path = Path(self._folder.name) / "batch.sqlite3"
        # No journal, no fsync, and one transaction that is never committed: nothing here
        # needs to survive a crash, and a commit per statement would write the file each time.
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.executescript(
            f"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            f"PRAGMA cache_size = -{CACHE_KIB}; {schema} BEGIN;"
        )

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, parameters)

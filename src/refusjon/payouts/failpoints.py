"""Named points where a payout run can be made to die, to show that a crash loses or doubles
nothing (docs/payouts.md).

``reach(name)`` kills the process at once (SIGKILL: no cleanup, no ``finally``, no commit)
when the environment variable ``REFUSJON_FAILPOINT`` names that point; otherwise it does
nothing. Only the crash tests set the variable.
"""

from __future__ import annotations

import os
import signal

VARIABLE = "REFUSJON_FAILPOINT"

# Every point, in the order a run passes them.
BUILD_RUN_CREATED = "build.run_created"
BUILD_BATCH_WRITTEN = "build.batch_written"
BUILD_COMMITTED = "build.committed"
FREEZE_FILE_MADE = "freeze.file_made"
FREEZE_COMMITTED = "freeze.committed"
POINTS = (
    BUILD_RUN_CREATED,
    BUILD_BATCH_WRITTEN,
    BUILD_COMMITTED,
    FREEZE_FILE_MADE,
    FREEZE_COMMITTED,
)


def reach(name: str) -> None:
    """Die here, as a power cut would, if the environment asks for this point."""
    if os.environ.get(VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)

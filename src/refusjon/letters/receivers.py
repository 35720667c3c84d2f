"""The letters app listens for decisions made and recoveries opened, and asks for their letters.

The claims and payouts services send their signals inside the transaction that made the
change, after the last of it; the job asked for here commits with the change (or not at all),
and composes the letters only when it runs, from the change as it was committed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from refusjon.claims.models import Assessment
from refusjon.claims.signals import decision_made
from refusjon.letters.models import LetterKind
from refusjon.letters.services import ask_for_letters
from refusjon.payouts.models import Recovery
from refusjon.payouts.signals import recovery_opened


def _in_advance() -> bool:
    """Whether letters are made when their decision is (REFUSJON_LETTERS_IN_ADVANCE), rather
    than when a student first asks for one."""
    return bool(settings.REFUSJON_LETTERS_IN_ADVANCE)


def on_decision_made(sender: Any, *, decision: Assessment, **kwargs: Any) -> None:
    if _in_advance():
        ask_for_letters.enqueue(LetterKind.DECISION.value, decision.pk)


def on_recovery_opened(sender: Any, *, recovery: Recovery, **kwargs: Any) -> None:
    if _in_advance():
        ask_for_letters.enqueue(LetterKind.RECOVERY.value, recovery.pk)


def connect() -> None:
    decision_made.connect(on_decision_made, dispatch_uid="letters.decision_made")
    recovery_opened.connect(on_recovery_opened, dispatch_uid="letters.recovery_opened")

"""The letters app listens for claims sent, decisions made and recoveries opened, and asks for
their letters (the receipt, the decision letter, the claim for repayment).

The claims and payouts services send their signals inside the transaction that made the
change, after the last of it; the job asked for here commits with the change (or not at all),
and composes the letters only when it runs, from the change as it was committed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from refusjon.claims.models import Assessment, Claim
from refusjon.claims.signals import claim_submitted, decision_made
from refusjon.letters.models import LetterKind
from refusjon.letters.services import ask_for_letters
from refusjon.payouts.models import Recovery
from refusjon.payouts.signals import recovery_opened


def _in_advance() -> bool:
    """Whether letters are made when their claim is sent or their decision made
    (REFUSJON_LETTERS_IN_ADVANCE), rather than when a student first asks for one."""
    return bool(settings.REFUSJON_LETTERS_IN_ADVANCE)


def on_claim_submitted(sender: Any, *, claim: Claim, **kwargs: Any) -> None:
    if _in_advance():
        ask_for_letters.enqueue(LetterKind.RECEIPT.value, claim.pk)


def on_decision_made(sender: Any, *, decision: Assessment, **kwargs: Any) -> None:
    if _in_advance():
        ask_for_letters.enqueue(LetterKind.DECISION.value, decision.pk)


def on_recovery_opened(sender: Any, *, recovery: Recovery, **kwargs: Any) -> None:
    if _in_advance():
        ask_for_letters.enqueue(LetterKind.RECOVERY.value, recovery.pk)


def connect() -> None:
    claim_submitted.connect(on_claim_submitted, dispatch_uid="letters.claim_submitted")
    decision_made.connect(on_decision_made, dispatch_uid="letters.decision_made")
    recovery_opened.connect(on_recovery_opened, dispatch_uid="letters.recovery_opened")

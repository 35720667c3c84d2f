"""The notices app listens for the audit entries of the changes a student is told of.

Every change the claims and payouts services make is logged by one audit entry, written
inside the service's transaction after the change: that entry is the event. A notice is asked
for when the entry is saved, so the job's row commits with the change (or not at all), and the
entry's id is the notice's key, so the event is told once. Claims and payouts need not know
that notices exist (as with the letters app, they do not import it).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.utils import translation

from refusjon.claims.models import AuditEntry
from refusjon.notices import services
from refusjon.notices.models import NoticeKind

# Which entry tells of which notice.
KINDS: dict[str, NoticeKind] = {
    "claims.claim.submitted": NoticeKind.RECEIPT,
    "claims.claim.returned": NoticeKind.RETURNED,
    "claims.claim.decided": NoticeKind.DECIDED,
    "claims.claim.paid": NoticeKind.PAID,
    "payouts.recovery.opened": NoticeKind.RECOVERY,
    "claims.appeal.submitted": NoticeKind.APPEAL_RECEIVED,
    "claims.appeal.upheld": NoticeKind.APPEAL_DECIDED,
    "claims.appeal.forwarded": NoticeKind.APPEAL_DECIDED,
    "claims.appeal.changed": NoticeKind.APPEAL_DECIDED,
}

# Sent by the student themselves, in the language of the site they are using.
BY_THE_STUDENT = {NoticeKind.RECEIPT, NoticeKind.APPEAL_RECEIVED}


def on_audit_entry(sender: Any, *, instance: AuditEntry, created: bool, **kwargs: Any) -> None:
    kind = KINDS.get(instance.action)
    if not created or kind is None or instance.claim is None:
        return
    if kind == NoticeKind.DECIDED and "appeal" in instance.data:
        return  # a decision changed on appeal: the appeal's notice tells of it
    if kind in BY_THE_STUDENT:
        services.remember_language(instance.claim.applicant, translation.get_language() or "")
    services.ask(kind, instance.claim, key=f"{kind}:{instance.pk}", entry=instance)


def connect() -> None:
    post_save.connect(on_audit_entry, sender=AuditEntry, dispatch_uid="notices.audit_entry")

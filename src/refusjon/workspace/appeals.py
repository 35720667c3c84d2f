"""Appeals in the workspace: what the student wrote and sent, and the caseworker's handling
(uphold, change the decision, or send on to the appeals body)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from refusjon.claims import appeals, services
from refusjon.claims.models import Appeal, AppealStatus, Attachment, Claim, User
from refusjon.claims.services import ClaimError
from refusjon.rules.terms import DOCUMENTS, term
from refusjon.workspace.access import caseworker_required

ACTIONS = {
    "uphold": appeals.uphold_appeal,
    "forward": appeals.forward_appeal,
    "change": appeals.change_decision,
}


def appeal_context(claim: Claim, user: User, lang: str) -> dict[str, Any]:
    """The claim's appeals for its page: the open one with what may be done with it, and the
    ones handled before."""
    current = appeals.open_appeal(claim)
    if current is not None and current.status == AppealStatus.DRAFT:
        current = None  # a draft is the student's until sent
    may_handle = False
    if current is not None:
        try:
            services.check_not_decider(claim, user)
        except ClaimError:
            pass
        else:
            may_handle = True
    handled = claim.appeals.exclude(status=AppealStatus.DRAFT)
    if current is not None:
        handled = handled.exclude(pk=current.pk)
    return {
        "appeal": current,
        "appeal_documents": _documents(current, lang) if current else [],
        "may_handle_appeal": may_handle,
        "may_forward_appeal": current is not None and current.status == AppealStatus.SUBMITTED,
        "handled_appeals": handled.select_related("handled_by"),
    }


def _documents(appeal: Appeal, lang: str) -> list[tuple[Attachment, str]]:
    return [
        (attachment, term(DOCUMENTS, attachment.document_type, lang))
        for attachment in appeal.attachments.order_by("uploaded_at", "pk")
    ]


@caseworker_required
@require_POST
def handle_appeal(request: HttpRequest, reference: str) -> HttpResponse:
    """Uphold, change or send on the claim's open appeal, with the assessment the student
    reads."""
    claim = get_object_or_404(Claim, reference=reference)
    current = appeals.open_appeal(claim)
    action = ACTIONS.get(request.POST.get("action", ""))
    if current is None or action is None:
        messages.error(request, _("There is no appeal to handle, or no such action."))
        return redirect("workspace:claim", reference=reference)
    try:
        action(current, by=cast(User, request.user), note=request.POST.get("note", ""))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The appeal is handled."))
    return redirect("workspace:claim", reference=reference)

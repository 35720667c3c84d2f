"""The student's appeal of a decision: written, with documents, kept as a draft until sent.

Documents are uploaded to intake (which checks them) and come back to this page.
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from refusjon.claims import appeals, services
from refusjon.claims.models import Appeal, AppealStatus, CheckStatus, Claim, User
from refusjon.claims.services import ClaimError
from refusjon.portal.views import document_choices
from refusjon.rules.terms import DOCUMENTS, OUTCOMES, term
from refusjon.web.pages import rules_language


@login_required
def appeal(request: HttpRequest, reference: str) -> HttpResponse:
    """Write, save and send the appeal of the claim's decision; see how it was handled."""
    user = cast(User, request.user)
    claim = get_object_or_404(Claim, reference=reference, applicant=user)
    current = appeals.open_appeal(claim)
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            current = appeals.save_appeal(claim, by=user, text=text)
            if request.POST.get("action") == "send":
                appeals.submit_appeal(current, by=user)
                messages.success(request, _("Your appeal has been sent."))
                return redirect("portal:claim", reference=claim.reference)
            messages.success(request, _("Your appeal is saved. Send it before the deadline."))
            return redirect("portal:appeal", reference=claim.reference)
        except ClaimError as error:
            messages.error(request, str(error))
            return _page(request, claim, current, text=text, status=400)
    return _page(request, claim, current, text=current.text if current else "")


def _page(
    request: HttpRequest, claim: Claim, current: Appeal | None, *, text: str, status: int = 200
) -> HttpResponse:
    lang = rules_language()
    decision = services.current_decision(claim)
    drafting = current is None or current.status == AppealStatus.DRAFT
    earlier = claim.appeals.exclude(status=AppealStatus.DRAFT).order_by("-created_at")
    if current is not None:
        earlier = earlier.exclude(pk=current.pk)
    documents = list(current.attachments.order_by("uploaded_at", "pk")) if current else []
    context = {
        "claim": claim,
        "decision": decision,
        "outcome": term(OUTCOMES, decision.outcome, lang) if decision else "",
        "deadline": appeals.appeal_deadline(decision) if decision else None,
        "appeal": current,
        "text": text,
        "can_write": drafting and appeals.can_appeal(claim),
        "attachments": [
            (attachment, term(DOCUMENTS, attachment.document_type, lang))
            for attachment in documents
        ],
        "being_checked": any(
            attachment.check_status == CheckStatus.PENDING for attachment in documents
        ),
        "document_choices": document_choices(claim, lang, appeal=True),
        "earlier": earlier,
    }
    return render(request, "portal/appeal.html", context, status=status)

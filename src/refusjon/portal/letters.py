"""The decision letter (vedtaksbrev): what was decided on a student's claim and how to appeal,
as a page and as a tagged PDF; and the receipt of a claim sent, as a PDF (the page is
``portal:receipt``).

Only the student whose claim it is sees them, the letter only once the claim is decided or
paid and the receipt once it is sent; for anyone else, caseworkers included, there is no such
letter (404). The PDF is made by a background job (:mod:`refusjon.letters`) and served as it
was stored; until it is made, the student is told it is being prepared.
"""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import Assessment, Claim, ClaimStatus, User
from refusjon.letters import services as letters
from refusjon.letters.content import decision_context
from refusjon.letters.models import Letter
from refusjon.web.pages import rules_language

LETTER_STATUSES = (ClaimStatus.DECIDED, ClaimStatus.PAID, ClaimStatus.APPEALED)


def _decided_own_claim(request: HttpRequest, reference: str) -> tuple[Claim, Assessment]:
    """The signed-in student's decided claim and its decision; anything else is not found."""
    claim = get_object_or_404(
        Claim,
        reference=reference,
        applicant=cast(User, request.user),
        status__in=LETTER_STATUSES,
    )
    decision = services.current_decision(claim)
    if decision is None:
        raise Http404("no decision")
    return claim, decision


def _private(response: HttpResponse) -> HttpResponse:
    """Health data: no shared cache may keep it, and the browser should not store it."""
    response["Cache-Control"] = "private, no-store"
    return response


def stored_pdf(request: HttpRequest, letter: Letter, *, page_url: str) -> HttpResponse:
    """The letter's PDF as it was stored, to save; or, until the job has made it, a page that
    says it is being prepared (202), with the letter as a page meanwhile."""
    if not letter.rendered:
        context = {"page_url": page_url, "pdf_url": request.path}
        return _private(render(request, "portal/letter_preparing.html", context, status=202))
    with letter.pdf.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letters.file_name(letter)}"'
    return _private(response)


@login_required
def letter(request: HttpRequest, reference: str) -> HttpResponse:
    claim, decision = _decided_own_claim(request, reference)
    context = decision_context(claim, decision, rules_language())
    return _private(render(request, "portal/letter.html", context))


@login_required
def letter_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    claim, decision = _decided_own_claim(request, reference)
    stored = letters.ask_for(decision, language=rules_language())
    page_url = reverse("portal:letter", kwargs={"reference": claim.reference})
    return stored_pdf(request, stored, page_url=page_url)


@login_required
def receipt_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    """The receipt of the signed-in student's claim as a PDF: what was sent the last time it
    was. While the claim is back with the student to be changed, that is the receipt last
    asked for, not what the claim says now; once it is sent again, a new edition."""
    claim = get_object_or_404(
        Claim,
        reference=reference,
        applicant=cast(User, request.user),
        submitted_on__isnull=False,
    )
    language = rules_language()
    stored = None
    if claim.status in services.EDITABLE:
        stored = letters.latest_receipt(claim, language=language)
    if stored is None:
        stored = letters.ask_for(claim, language=language)
    page_url = reverse("portal:receipt", kwargs={"reference": claim.reference})
    return stored_pdf(request, stored, page_url=page_url)

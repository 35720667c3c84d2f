"""The decision letter (vedtaksbrev): what was decided on a student's claim and how to appeal,
as a page and as a tagged PDF.

Only the student whose claim it is sees it, and only once the claim is decided or paid; for
anyone else, caseworkers included, there is no such letter (404).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from PIL import ImageFile

from refusjon.claims import appeals, services
from refusjon.claims.models import Appeal, Assessment, Claim, ClaimStatus, User
from refusjon.payouts.recoveries import set_off_against
from refusjon.rules.explain import Renderer
from refusjon.rules.terms import CATEGORIES, OUTCOMES, SCHEMES, reason_text, term
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


def _amount_paid(words: Renderer, amount: Decimal, currency: str) -> str:
    if currency == "NOK":
        return words.money(amount)
    return f"{words.number(amount)} {currency}"


def _nok(words: Renderer, amount: Decimal) -> str:
    """An amount in NOK without the currency, for a column whose heading names it."""
    return words.money(amount).split(" ", 1)[1]


def letter_context(claim: Claim, decision: Assessment, lang: str) -> dict[str, Any]:
    """Everything the letter says, already in the reader's words, dates and money."""
    words = Renderer(lang)
    record = decision.record
    decided_on = timezone.localdate(decision.created_at)
    stored_lines = {str(line.number): line for line in claim.lines.all()}
    lines = []
    for line in record.get("lines", []):
        stored = stored_lines.get(line["line_id"])
        lines.append(
            {
                "number": line["line_id"],
                "category": term(CATEGORIES, stored.category, lang) if stored else "",
                "service_on": words.day(stored.service_on) if stored else "",
                "paid": _amount_paid(words, stored.amount, stored.currency) if stored else "",
                "eligible": _nok(words, Decimal(line["eligible_nok"])),
                "refund": _nok(words, Decimal(line["refund_nok"])),
                "outcome": term(OUTCOMES, line["outcome"], lang),
                "reasons": [reason_text(code, lang) for code in line["reasons"]],
            }
        )
    applicant = claim.applicant
    return {
        "claim": claim,
        "scheme": term(SCHEMES, claim.scheme, lang),
        "student": applicant.get_full_name() or applicant.get_username(),
        "decided_on": words.day(decided_on),
        "appeal_by": words.day(appeals.appeal_deadline(decision)),
        "supersedes": _superseded(words, record.get("supersedes"), lang),
        "appeal_note": _appeal_note(decision),
        "outcome": term(OUTCOMES, decision.outcome, lang),
        "refund": words.money(decision.refund_nok),
        "reasons": [reason_text(code, lang) for code in record.get("reasons", [])],
        "lines": lines,
        "explanation": record.get("explanation_nb" if lang == "nb" else "explanation", []),
        "set_off": _set_off(words, decision),
    }


def _set_off(words: Renderer, decision: Assessment) -> list[dict[str, str | bool]]:
    """What was set off against the payment of this refund, to settle a recovery; a payment
    that carried other refunds too says so (the netting is per payment, not per refund)."""
    return [
        {
            "amount": words.money(settlement.amount_nok),
            "recovery": settlement.recovery.reference,
            "paid_on": words.day(settlement.payment.run.execution_date),
            "with_others": settlement.payment.lines.filter(active=True)
            .exclude(decision=decision)
            .exists(),
        }
        for settlement in set_off_against(decision)
        if settlement.payment is not None
    ]


def _superseded(words: Renderer, old: dict[str, str] | None, lang: str) -> dict[str, str] | None:
    """What the decision replaced, if it was made on appeal."""
    if not old:
        return None
    return {
        "decided_on": words.day(date.fromisoformat(old["decided_on"])),
        "outcome": term(OUTCOMES, old["outcome"], lang),
        "refund": words.money(Decimal(old["refund_nok"])),
    }


def _appeal_note(decision: Assessment) -> str:
    """The caseworker's assessment of the appeal that led to this decision, if any."""
    appeal = Appeal.objects.filter(new_decision=decision).only("handler_note").first()
    return appeal.handler_note if appeal else ""


def _private(response: HttpResponse) -> HttpResponse:
    """Health data: no shared cache may keep it, and the browser should not store it."""
    response["Cache-Control"] = "private, no-store"
    return response


def _write_pdf(html: str, *, base_url: str) -> bytes:
    """The letter as a tagged PDF (PDF/UA-1).

    WeasyPrint, when imported, tells Pillow to accept truncated images in the whole process;
    intake's upload checks rely on Pillow refusing them, so the setting is put back (a letter
    has no images)."""
    accept_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint  # type: ignore[import-untyped]
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = accept_truncated
    return cast(
        bytes, weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
    )


@login_required
def letter(request: HttpRequest, reference: str) -> HttpResponse:
    claim, decision = _decided_own_claim(request, reference)
    context = letter_context(claim, decision, rules_language())
    return _private(render(request, "portal/letter.html", context))


@login_required
def letter_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    claim, decision = _decided_own_claim(request, reference)
    context = letter_context(claim, decision, rules_language())
    context["claim_url"] = request.build_absolute_uri(
        reverse("portal:claim", kwargs={"reference": claim.reference})
    )
    html = render_to_string("portal/letter_pdf.html", context, request=request)
    pdf = _write_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vedtak-{claim.reference}.pdf"'
    return _private(response)

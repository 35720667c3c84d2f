"""What students see: their claims, from eligibility to the decision letter.

Every view finds the claim among the signed-in student's own (anyone else's is a 404), asks a
service to make the change, and shows the service's refusal as a message.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from refusjon import clock
from refusjon.claims import appeals, explanations, offers, services
from refusjon.claims.models import (
    Attachment,
    CheckStatus,
    Claim,
    ClaimStatus,
    ExpenseLine,
    User,
)
from refusjon.claims.services import ClaimError
from refusjon.letters.content import receipt_context
from refusjon.payouts import bankanswers, recoveries
from refusjon.portal import timeline
from refusjon.portal.forms import ExpenseLineForm, NewClaimForm, SubmitForm
from refusjon.rules.terms import CATEGORIES, DOCUMENTS, OUTCOMES, reason_text, term
from refusjon.web.pages import rules_language

logger = logging.getLogger(__name__)


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _own_claim(request: HttpRequest, reference: str) -> Claim:
    """The signed-in student's claim; someone else's is not found."""
    return get_object_or_404(Claim, reference=reference, applicant=_user(request))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    student = _user(request)
    # What the list shows, no more: a student may have a hundred claims.
    claims = list(
        Claim.objects.filter(applicant=student).only(
            "reference", "scheme", "period", "status", "submitted_on", "complete_by"
        )
    )
    steps = timeline.timelines(claims)
    context = {
        "claims": [(claim, _where(steps[claim.pk])) for claim in claims],
        "payment_notices": bankanswers.rejected_payments(student),
        "has_recoveries": student.recoveries.exists(),
        "owed": recoveries.balance(student),
    }
    return render(request, "portal/home.html", context)


def _where(steps: list[timeline.Step]) -> tuple[timeline.Step | None, timeline.Step | None]:
    """The last step a claim took and the next one, for the list of claims."""
    done = [step for step in steps if step.done]
    upcoming = [step for step in steps if not step.done]
    return (done[-1] if done else None, upcoming[0] if upcoming else None)


@login_required
def new_claim(request: HttpRequest) -> HttpResponse:
    # The eligibility page links here with the scheme it found (?scheme=sio).
    student = _user(request)
    initial = {"year": clock.today().year, "scheme": request.GET.get("scheme")}
    eligible = offers.eligible_schemes(student)
    form = NewClaimForm(request.POST or None, initial=initial, eligible=eligible)
    if request.method == "POST" and form.is_valid():
        try:
            claim = _start_claim(student, form)
        except ClaimError as error:
            form.add_error(None, str(error))
        else:
            return redirect("portal:claim", reference=claim.reference)
    context = {"form": form, "eligible": eligible, "has_profile": hasattr(student, "profile")}
    return render(request, "portal/new_claim.html", context)


def _start_claim(student: User, form: NewClaimForm) -> Claim:
    return offers.start_claim(
        student,
        scheme=form.cleaned_data["scheme"],
        period=form.period,
        patient_relation=form.cleaned_data["patient_relation"],
        patient_birth_date=form.cleaned_data["patient_birth_date"],
    )


@login_required
def claim_detail(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _own_claim(request, reference)
    return _claim_page(request, claim)


def _is_htmx(request: HttpRequest) -> bool:
    """Whether htmx asked, for a part of the page rather than the whole."""
    return request.headers.get("HX-Request") == "true"


@dataclass(frozen=True)
class LineRow:
    """An expense line as the table shows it: its category in words and, for a line in
    another currency, the rate it was converted at (NOK per unit)."""

    line: ExpenseLine
    category: str
    rate: Decimal | None


def _line_rows(claim: Claim, lang: str) -> list[LineRow]:
    return [
        LineRow(line, term(CATEGORIES, line.category, lang), _rate(line))
        for line in claim.lines.all()
    ]


def _rate(line: ExpenseLine) -> Decimal | None:
    """The rate as derived from the stored amounts; the NOK amount is rounded to øre, so the
    rate is shown to four decimals."""
    if (
        line.currency == "NOK"
        or line.nok_amount is None
        or not line.amount
        or line.nok_from_student
    ):
        return None
    return (line.nok_amount / line.amount).quantize(Decimal("0.0001"))


def _claim_page(
    request: HttpRequest, claim: Claim, *, line_form: ExpenseLineForm | None = None
) -> HttpResponse:
    lang = rules_language()
    editable = claim.status in services.EDITABLE
    context: dict[str, Any] = {
        "claim": claim,
        "editable": editable,
        "lines": _line_rows(claim, lang),
        **_attachment_list(claim, lang),
        "returned_missing": [_missing_text(code, lang) for code in claim.returned_missing],
        "steps": timeline.timeline(claim),
    }
    if editable:
        context["expected_decision"] = clock.today() + timedelta(
            days=services.processing_target_days()
        )
        context["line_form"] = line_form or _line_form(claim, lang)
        context["submit_form"] = SubmitForm(initial={"token": secrets.token_urlsafe()})
        context["estimate"] = _estimate(claim, lang)
        context["document_choices"] = document_choices(claim, lang)
    if claim.status in (ClaimStatus.DECIDED, ClaimStatus.PAID, ClaimStatus.APPEALED):
        context["decision"] = _decision(claim, lang)
        context["appeal"] = appeals.open_appeal(claim) or claim.appeals.last()
        context["can_appeal"] = appeals.can_appeal(claim)
    return render(request, "portal/claim.html", context)


def _line_form(claim: Claim, lang: str, data: Any | None = None) -> ExpenseLineForm:
    """The expense form for the claim: its scheme's fields and kinds of treatment."""
    return ExpenseLineForm(
        data, lang=lang, scheme=claim.scheme, categories=offers.categories(claim)
    )


def document_choices(claim: Claim, lang: str, *, appeal: bool = False) -> list[tuple[str, str]]:
    """The kinds of document offered for the claim (or its appeal), in words, in the order of
    :func:`offers.document_types` (what a return asked for, then what most claims need)."""
    kinds = offers.appeal_document_types(claim) if appeal else offers.document_types(claim)
    return [(code, capfirst(term(DOCUMENTS, code, lang))) for code in kinds]


def _attachment_list(claim: Claim, lang: str) -> dict[str, Any]:
    """The claim's documents, each with its words, and which are still being checked (as a
    key the page polls with while there are any: the ids, in order)."""
    attachments = list(claim.attachments.order_by("uploaded_at", "pk"))
    return {
        "attachments": [
            (attachment, term(DOCUMENTS, attachment.document_type, lang))
            for attachment in attachments
        ],
        "being_checked": _being_checked(attachments),
    }


def _being_checked(attachments: Iterable[Attachment]) -> str:
    return ".".join(
        str(attachment.pk)
        for attachment in attachments
        if attachment.check_status == CheckStatus.PENDING
    )


@login_required
@require_GET
def attachments(request: HttpRequest, reference: str) -> HttpResponse:
    """The claim's list of documents, for htmx to poll while some are being checked: nothing
    (204, the list stays as it is) while the same ones are (``?checking=``), else the list
    drawn again, and ``claim-changed`` so the estimate counts what is now checked. Without
    htmx, the claim page shows it (and the list there has a link to look again)."""
    claim = _own_claim(request, reference)
    if not _is_htmx(request):
        return redirect(reverse("portal:claim", kwargs={"reference": reference}) + "#attachments")
    context = {"claim": claim, **_attachment_list(claim, rules_language())}
    if context["being_checked"] == request.GET.get("checking", ""):
        response = HttpResponse(status=204)
    else:
        response = render(request, "portal/attachment_list.html", context)
        response["HX-Trigger"] = "claim-changed"
    patch_vary_headers(response, ["HX-Request"])
    return response


def _lines_changed(
    request: HttpRequest,
    claim: Claim,
    *,
    changed: bool,
    line_form: ExpenseLineForm | None = None,
) -> HttpResponse:
    """The answer to htmx after adding or removing a line: the form (when it was the form
    that asked) or the table in its place, the rest out of band, and the news for the page.
    When a line changed, ``claim-changed`` tells the estimate to fetch itself again."""
    context: dict[str, Any] = {
        "claim": claim,
        "editable": claim.status in services.EDITABLE,
        "lines": _line_rows(claim, rules_language()),
        "line_form": line_form,
    }
    if line_form is None:
        context["focus"] = "lines"
    else:
        line_form.autofocus()
    response = render(request, "portal/lines_changed.html", context)
    if changed:
        response["HX-Trigger"] = "claim-changed"
    return response


def _missing_text(code: str, lang: str) -> str:
    """What a caseworker said is missing: a document type or a reason code, in plain words."""
    if code in DOCUMENTS:
        return term(DOCUMENTS, code, lang)
    return reason_text(code, lang)


def _estimate(
    claim: Claim, lang: str, *, extra_line: dict[str, Any] | None = None
) -> dict[str, Any] | None:
    """The estimate panel's content; with ``extra_line``, a preview with the expense the
    student is still typing as one more line."""
    preview = extra_line is not None
    if not preview and not claim.lines.exists():
        return None
    try:
        estimate = services.estimate(claim, lang=lang, extra_line=extra_line)
    except ClaimError as error:
        # The expense being typed has no exchange rate for its day yet.
        return {"unavailable": True, "preview": preview, "why": str(error)}
    except ValueError:
        # The engine refuses a line it cannot price (a foreign amount without NOK); the page
        # still shows, without the estimate.
        logger.warning("no estimate for claim %s", claim.reference, exc_info=True)
        return {"unavailable": True, **({"preview": True} if preview else {})}
    if estimate.record["outcome"] == "returned":
        # A draft the engine would send back says what it lacks, not "NOK 0 (returned)": the
        # student has sent nothing yet, and the refund depends on what is still missing.
        return {
            "preview": preview,
            "incomplete": True,
            "missing": [reason_text(code, lang) for code in estimate.record["reasons"]],
            "documents": [
                reason_text(code, lang)
                for code in estimate.record["reasons"]
                if code.startswith("missing-document:")
            ],
        }
    return {
        "preview": preview,
        "refund_nok": estimate.refund_nok,
        "outcome": term(OUTCOMES, str(estimate.record["outcome"]), lang),
        "explanation": explanations.for_reader(estimate.record["explanation"], lang),
        "documents": [
            reason_text(code, lang)
            for code in estimate.record["reasons"]
            if code.startswith("missing-document:")
        ],
    }


def _decision(claim: Claim, lang: str) -> dict[str, Any] | None:
    assessment = services.current_decision(claim)
    if assessment is None:
        return None
    record = assessment.record
    categories = {str(line.number): line.category for line in claim.lines.all()}
    return {
        "refund_nok": assessment.refund_nok,
        "outcome": term(OUTCOMES, assessment.outcome, lang),
        "decided_on": assessment.created_at,
        "lines": [
            {
                "number": line["line_id"],
                "category": term(CATEGORIES, categories.get(line["line_id"], ""), lang),
                "outcome": term(OUTCOMES, line["outcome"], lang),
                "eligible_nok": line["eligible_nok"],
                "refund_nok": line["refund_nok"],
                "reasons": [reason_text(code, lang) for code in line["reasons"]],
            }
            for line in record.get("lines", [])
        ],
        "explanation": explanations.for_reader(
            record.get("explanation_nb" if lang == "nb" else "explanation", []), lang
        ),
    }


@login_required
@require_POST
def add_line(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _own_claim(request, reference)
    lang = rules_language()
    form = _line_form(claim, lang, request.POST)
    added = False
    if form.is_valid():
        try:
            services.add_line(claim, by=_user(request), **form.cleaned_data)
        except ClaimError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The expense was added."))
            added = True
    if _is_htmx(request):
        fresh = _line_form(claim, lang)
        return _lines_changed(request, claim, changed=added, line_form=fresh if added else form)
    if added:
        return redirect("portal:claim", reference=claim.reference)
    return _claim_page(request, claim, line_form=form)


@login_required
@require_POST
def remove_line(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    claim = _own_claim(request, reference)
    line = get_object_or_404(ExpenseLine, claim=claim, number=number)
    removed = False
    try:
        services.remove_line(line, by=_user(request))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The expense was removed."))
        removed = True
    if _is_htmx(request):
        return _lines_changed(request, claim, changed=removed)
    return redirect("portal:claim", reference=claim.reference)


@login_required
@require_http_methods(["GET", "POST"])
def estimate(request: HttpRequest, reference: str) -> HttpResponse:
    """The estimate panel on its own, for htmx to draw again after a change; changes nothing.
    Posted the fields of the expense form while the student types, it previews the expense
    as one more line if the form is valid, else shows the saved lines. Without htmx, the
    claim page shows it."""
    claim = _own_claim(request, reference)
    if not _is_htmx(request):
        return redirect(reverse("portal:claim", kwargs={"reference": reference}) + "#estimate")
    lang = rules_language()
    context = {
        "claim": claim,
        "estimate": _estimate(claim, lang, extra_line=_typed_line(request, claim, lang)),
    }
    response = render(request, "portal/estimate.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _typed_line(request: HttpRequest, claim: Claim, lang: str) -> dict[str, Any] | None:
    """The expense the student is typing, if posted, valid and still addable to the claim."""
    if request.method != "POST" or claim.status not in services.EDITABLE:
        return None
    form = _line_form(claim, lang, request.POST)
    return form.cleaned_data if form.is_valid() else None


@login_required
@require_POST
def submit(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _own_claim(request, reference)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page was out of date. Check the claim and submit again."))
        return redirect("portal:claim", reference=claim.reference)
    try:
        services.submit_claim(claim, by=_user(request), token=form.cleaned_data["token"])
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        return redirect("portal:receipt", reference=claim.reference)
    return redirect("portal:claim", reference=claim.reference)


@login_required
@require_GET
def receipt(request: HttpRequest, reference: str) -> HttpResponse:
    """What was sent and when, and what happens next: the page after sending, kept for later."""
    claim = _own_claim(request, reference)
    if claim.submitted_on is None:
        return redirect("portal:claim", reference=claim.reference)
    context = {
        **receipt_context(claim, rules_language()),  # what its PDF says, in the same words
        "expected_on": services.expected_decision_on(claim),
        "steps": timeline.timeline(claim),
    }
    return render(request, "portal/receipt.html", context)


ACCESS_WORDS = {
    "claims.claim.viewed": gettext_lazy("The claim was opened by a caseworker"),
    "intake.document.viewed": gettext_lazy("A document was opened by a caseworker"),
}

# The purposes the organisation's pages log a look with (their PURPOSE), as the student reads
# them. The log keeps the words it was written with; one not known here is shown as stored.
PURPOSE_WORDS = {
    "case handling": gettext_lazy("Case handling"),
    "payout review": gettext_lazy("Review of a payout"),
    "payment": gettext_lazy("Payment"),
    "reporting": gettext_lazy("Reporting"),
    "debt follow-up": gettext_lazy("Follow-up of a debt"),
    "scheme change": gettext_lazy("A change of the scheme's rules"),
}


@login_required
def access_log(request: HttpRequest, reference: str) -> HttpResponse:
    """When and why the organisation looked at the claim and its documents, not who."""
    claim = _own_claim(request, reference)
    records = services.access_log(claim, by=cast(User, request.user))
    rows = [
        (
            record,
            ACCESS_WORDS.get(record.action, record.action),
            PURPOSE_WORDS.get(record.purpose, record.purpose),
        )
        for record in records
    ]
    return render(request, "portal/access_log.html", {"claim": claim, "rows": rows})

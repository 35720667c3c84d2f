"""What caseworkers see: the queue of claims and each claim with the engine's proposal.

Views are thin: find the claim, check that a caseworker asks, call the service, and turn a
:class:`ClaimError` into a message.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from refusjon import clock
from refusjon.claims import services
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    Claim,
    ClaimStatus,
    LineOverride,
    StudentProfile,
    User,
)
from refusjon.claims.services import ClaimError, processing_target_days
from refusjon.rules.terms import CATEGORIES, DOCUMENTS, OUTCOMES, reason_text, term
from refusjon.web.pages import form_errors, rules_language
from refusjon.workspace.access import caseworker_required
from refusjon.workspace.appeals import appeal_context
from refusjon.workspace.forms import (
    AssignForm,
    ConfirmDecisionForm,
    OverrideForm,
    QueueFilterForm,
    ReturnForm,
    SendBackForm,
)
from refusjon.workspace.queries import (
    Cursor,
    Search,
    age_in_days,
    applicant_name,
    open_claims,
    person_id_shown,
    queue_page,
)

QUEUE_PAGE_SIZE = 50
# The queue's own parameters for where a page is; every other one is a filter, kept.
PAGE_KEYS = ("after", "before", "last", "page")
PURPOSE = "case handling"

# How the document viewer shows a file of each type that intake cleans uploads to and serves
# inline (intake's INLINE_TYPES; the two apps do not import each other). Others are listed
# without a viewer.
VIEWERS = {"application/pdf": "frame", "image/png": "image", "image/jpeg": "image"}

# The facts about the applicant that the rules ask for, in the order a caseworker reads them.
APPLICANT_FACTS = (
    "birth_date",
    "institution",
    "registered_student",
    "semester_fee_paid",
    "sio_gp",
    "nis_member",
    "full_time_student_abroad",
    "study_country",
    "last_semester_ends_on",
    "occupational_injury",
)


def _queue_row(claim: Claim, on: date) -> dict[str, Any]:
    """A row of the queue, with its values as the table shows them. They are written here
    rather than by the template's tags and filters: fifty rows of those were a third of the
    page's time."""
    age = age_in_days(claim, on)
    proposed = claim.proposed_refund_nok  # type: ignore[attr-defined]  # annotated
    returned = claim.status == ClaimStatus.RETURNED and claim.complete_by is not None
    return {
        "claim": claim,
        "reference": claim.reference,
        "url": reverse("workspace:claim", args=[claim.reference]),
        **_applicant(claim, full=False),
        "assigned_to": applicant_name(claim.assigned_to) if claim.assigned_to else "",
        "scheme": claim.get_scheme_display(),
        "status": claim.get_status_display(),
        "complete_by": claim.complete_by.isoformat() if returned else "",  # type: ignore[union-attr]
        "submitted_on": claim.submitted_on.isoformat() if claim.submitted_on else "",
        "age": age,
        "overdue": age is not None and age > processing_target_days(),
        "proposed_refund": number_format(proposed, 2) if proposed is not None else None,
    }


@caseworker_required
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilterForm(request.GET or None)
    filters.is_valid()  # a filter that does not parse is left out; the others still apply
    criteria = getattr(filters, "cleaned_data", {})
    user = cast(User, request.user)
    text = criteria.get("q", "")
    if text:
        # A claim's exact reference opens the claim (its page logs the view).
        reference = (
            Claim.objects.filter(reference__iexact=text.strip())
            .exclude(status=ClaimStatus.DRAFT)
            .values_list("reference", flat=True)
            .first()
        )
        if reference is not None:
            services.record_search(by=user, kind="reference", found=[], purpose=PURPOSE)
            return redirect("workspace:claim", reference=reference)
    search = Search.parse(text)
    on = clock.today()
    claims = open_claims(
        today=on,
        scheme=criteria.get("scheme", ""),
        status=criteria.get("status", ""),
        waiting_on=criteria.get("waiting_on", ""),
        min_age_days=criteria.get("min_age_days"),
        assigned_to=user if criteria.get("assigned") == "mine" else None,
        unassigned=criteria.get("assigned") == "nobody",
        search=search,
    )
    # A place in the queue that does not parse (an edited address) gives the first page.
    page = queue_page(
        claims,
        size=QUEUE_PAGE_SIZE,
        after=Cursor.parse(request.GET.get("after", "")),
        before=Cursor.parse(request.GET.get("before", "")),
        last=request.GET.get("last") == "1",
    )
    if search is not None:
        services.record_search(by=user, kind=search.kind, found=page.claims, purpose=PURPOSE)
    query = request.GET.copy()
    for key in PAGE_KEYS:
        query.pop(key, None)
    return render(
        request,
        "workspace/queue.html",
        {
            "filters": filters,
            "search": search,
            "page": page,
            "total": claims.count(),
            "rows": [_queue_row(claim, on) for claim in page.claims],
            "target_days": processing_target_days(),
            "query": query.urlencode(),
        },
    )


@caseworker_required
@require_POST
def take_next(request: HttpRequest) -> HttpResponse:
    """Take the oldest claim waiting for review that nobody has, and open it."""
    claim = services.take_next_claim(by=cast(User, request.user))
    if claim is None:
        messages.info(request, _("No claim waits for a caseworker now."))
        return redirect("workspace:queue")
    messages.success(request, _("The claim is yours now."))
    return _back(claim)


@caseworker_required
@require_POST
def take(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    try:
        services.take_claim(claim, by=cast(User, request.user))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The claim is yours now."))
    return _back(claim)


@caseworker_required
@require_POST
def assign(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    form = AssignForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(claim)
    to: User | None = form.cleaned_data["to"]
    try:
        services.assign_claim(claim, to=to, by=cast(User, request.user))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        if to is None:
            messages.success(request, _("Nobody has the claim now."))
        else:
            messages.success(
                request,
                _("The claim is assigned to %(name)s.") % {"name": applicant_name(to)},
            )
    return _back(claim)


def _claim(reference: str) -> Claim:
    return get_object_or_404(
        Claim.objects.select_related("applicant__profile__institution", "assigned_to"),
        reference=reference,
    )


def _latest(claim: Claim, kind: str) -> Assessment | None:
    return claim.assessments.filter(kind=kind).order_by("-created_at", "-pk").first()


def _engine_proposal(claim: Claim) -> Assessment | None:
    """The engine's own latest proposal (a caseworker's proposed decision has a name on it)."""
    proposals = claim.assessments.filter(kind=AssessmentKind.PROPOSAL, decided_by__isnull=True)
    return proposals.order_by("-created_at", "-pk").first()


def _proposed_decision(claim: Claim) -> Assessment | None:
    """The decision a caseworker proposed, while it waits for a second caseworker."""
    if claim.status != ClaimStatus.AWAITING_APPROVAL:
        return None
    proposals = claim.assessments.filter(
        kind=AssessmentKind.PROPOSAL, decided_by=claim.proposed_by_id
    )
    return proposals.order_by("-created_at", "-pk").first()


def _applicant_facts(claim: Claim) -> list[tuple[str, Any]]:
    profile = getattr(claim.applicant, "profile", None)
    if profile is None:
        return []
    return [(_field_label(name), _fact(getattr(profile, name))) for name in APPLICANT_FACTS]


def _fact(value: Any) -> Any:
    """Dates as ISO dates (as everywhere in the workspace); anything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def _field_label(name: str) -> str:
    field = StudentProfile._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.verbose_name)


def _assessment_view(assessment: Assessment | None, lang: str) -> dict[str, Any] | None:
    """An assessment's record in the page's language: reasons in words, lines by number."""
    if assessment is None:
        return None
    record = assessment.record
    explanation = record.get("explanation_nb") if lang == "nb" else None
    return {
        "assessment": assessment,
        "outcome": term(OUTCOMES, assessment.outcome, lang),
        "reasons": [reason_text(code, lang) for code in record.get("reasons", [])],
        "lines": [
            {
                **line,
                "outcome": term(OUTCOMES, line.get("outcome", ""), lang),
                "reasons": [reason_text(code, lang) for code in line.get("reasons", [])],
            }
            for line in record.get("lines", [])
        ],
        "explanation": explanation or record.get("explanation", []),
    }


def _render_claim(
    request: HttpRequest, claim: Claim, return_form: ReturnForm, *, status: int = 200
) -> HttpResponse:
    """The claim with its health data; every rendering is logged as a view."""
    services.record_view(claim, by=cast(User, request.user), purpose=PURPOSE)
    lang = rules_language()
    user = cast(User, request.user)
    overrides = {
        override.line_number: override for override in claim.overrides.select_related("by")
    }
    appeal = appeal_context(claim, user, lang)
    # Lines are assessed in review, and again by whoever handles an appeal.
    assessable = claim.status == ClaimStatus.IN_REVIEW or appeal["may_handle_appeal"]
    lines = [
        {
            "line": line,
            "category": term(CATEGORIES, line.category, lang),
            "override": overrides.get(line.number),
            "override_form": _override_form(line.number, overrides.get(line.number))
            if assessable
            else None,
        }
        for line in claim.lines.all()
    ]
    attachments = _attachments(claim, lang, chosen=request.GET.get("document", ""))
    return render(
        request,
        "workspace/claim.html",
        {
            "claim": claim,
            "facts": _applicant_facts(claim),
            "lines": lines,
            "attachments": attachments,
            "shown": next((row for row in attachments if row["shown"]), None),
            "document_asked": "document" in request.GET,
            "returned_missing": [term(DOCUMENTS, code, lang) for code in claim.returned_missing],
            "proposal": _assessment_view(_engine_proposal(claim), lang),
            "proposed_decision": _assessment_view(_proposed_decision(claim), lang),
            "decision": _assessment_view(services.current_decision(claim), lang),
            "preview": _preview(claim, lang) if assessable and overrides else None,
            **appeal,
            "return_form": return_form,
            "may_approve": claim.status == ClaimStatus.AWAITING_APPROVAL
            and claim.proposed_by_id != user.pk
            and claim.applicant_id != user.pk,
            "send_back_form": SendBackForm(auto_id="id_send_back_%s"),
            "applicant": _applicant(claim, full=True),
            "assigned_to": applicant_name(claim.assigned_to) if claim.assigned_to else "",
            "is_mine": claim.assigned_to_id == user.pk,
            "may_assign": claim.status in services.ASSIGNABLE and claim.applicant_id != user.pk,
            "assign_form": AssignForm(initial={"to": claim.assigned_to_id}),
        },
        status=status,
    )


def _preview(claim: Claim, lang: str) -> dict[str, Any] | None:
    """What deciding now would give, with the caseworker's assessments of lines laid over the
    engine's re-run of the others (so the running totals are as they would be decided)."""
    try:
        preview = services.preview_decision(claim)
    except ClaimError:
        return None
    return _assessment_view(preview.assessment, lang)


def _attachments(claim: Claim, lang: str, *, chosen: str) -> list[dict[str, Any]]:
    """The claim's documents in the order they came, each with how the viewer shows it (if it
    can) and whether it is the one ``chosen`` (an attachment's id from ``?document=``)."""
    rows = []
    for attachment in claim.attachments.order_by("uploaded_at", "pk"):
        # Only a checked file is shown: one being checked or refused has none to show.
        shown = attachment.is_checked and attachment.file
        viewer = VIEWERS.get(attachment.content_type) if shown else None
        rows.append(
            {
                "attachment": attachment,
                "document": term(DOCUMENTS, attachment.document_type, lang),
                "name": attachment.display_name,
                "viewer": viewer,
                "shown": viewer is not None and chosen == str(attachment.pk),
            }
        )
    return rows


def _override_form(number: int, current: LineOverride | None) -> OverrideForm:
    """The form to assess one line, filled in with the caseworker's current assessment."""
    initial: dict[str, Any] = {}
    if current is not None:
        initial = {
            "outcome": current.outcome,
            "refund_nok": current.refund_nok,
            "justification": current.justification,
        }
    return OverrideForm(initial=initial, auto_id=f"id_line{number}_%s")


@caseworker_required
def claim_page(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    return _render_claim(request, claim, ReturnForm(today=clock.today()))


def _back(claim: Claim) -> HttpResponseRedirect:
    return redirect("workspace:claim", reference=claim.reference)


@caseworker_required
@require_POST
def start_review(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    try:
        services.start_review(claim, by=cast(User, request.user))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You are now reviewing this claim."))
    return _back(claim)


@caseworker_required
@require_POST
def return_claim(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    form = ReturnForm(request.POST, today=clock.today())
    if not form.is_valid():
        return _render_claim(request, claim, form, status=400)
    try:
        services.return_claim(
            claim,
            by=cast(User, request.user),
            missing=form.cleaned_data["missing"],
            message=form.cleaned_data["message"],
            complete_by=form.cleaned_data["complete_by"],
        )
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The claim was returned to the student."))
    return _back(claim)


@caseworker_required
@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, reference: str) -> HttpResponse:
    """Deciding takes two steps: this page shows the outcome and the amount deciding now would
    give (or that it becomes a proposal for a second caseworker), and its form confirms them.
    A confirmation of a claim that changed since it was shown is not acted on."""
    claim = _claim(reference)
    user = cast(User, request.user)
    if request.method == "POST":
        form = ConfirmDecisionForm(request.POST)
        if not form.is_valid() or form.cleaned_data["version"] != claim.version:
            messages.error(
                request, _("The claim changed since you confirmed: check the decision again.")
            )
            return redirect("workspace:decide", reference=claim.reference)
        try:
            services.decide_claim(claim, by=user)
        except ClaimError as error:
            messages.error(request, str(error))
        else:
            if claim.status == ClaimStatus.AWAITING_APPROVAL:
                messages.success(request, _("The decision now waits for a second caseworker."))
            else:
                messages.success(request, _("The claim is decided."))
        return _back(claim)
    try:
        services.check_caseworker(claim, user)
        services.check_decidable(claim)
        preview = services.preview_decision(claim)
    except ClaimError as error:
        messages.error(request, str(error))
        return _back(claim)
    services.record_view(claim, by=user, purpose=PURPOSE)
    assessment = preview.assessment
    return render(
        request,
        "workspace/claim_confirm.html",
        {
            "claim": claim,
            "applicant": _applicant(claim, full=True),
            "outcome": term(OUTCOMES, assessment.outcome, rules_language()),
            "refund": assessment.refund_nok,
            "is_proposal": assessment.kind == AssessmentKind.PROPOSAL,
            "four_eyes_above": services.four_eyes_limit(),
            "waiting": preview.waiting,
            "form": ConfirmDecisionForm(initial={"version": claim.version}),
        },
    )


def _applicant(claim: Claim, *, full: bool) -> dict[str, str]:
    """The applicant's name and person id as the page shows them."""
    profile = getattr(claim.applicant, "profile", None)
    return {
        "name": applicant_name(claim.applicant),
        "person_id": person_id_shown(profile.person_id, full=full) if profile else "",
    }


@caseworker_required
@require_POST
def override_line(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    claim = _claim(reference)
    form = OverrideForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(claim)
    try:
        services.override_line(
            claim,
            by=cast(User, request.user),
            line_number=number,
            outcome=form.cleaned_data["outcome"],
            refund_nok=form.cleaned_data["refund_nok"],
            justification=form.cleaned_data["justification"],
        )
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your assessment of line %(line)s is kept.") % {"line": number})
    return _back(claim)


@caseworker_required
@require_POST
def clear_override(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    """Take back a caseworker's assessment of a line: the engine prices it again."""
    claim = _claim(reference)
    try:
        services.clear_override(claim, by=cast(User, request.user), line_number=number)
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Line %(line)s is priced by the rules again.") % {"line": number}
        )
    return _back(claim)


@caseworker_required
@require_POST
def approve(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    try:
        services.approve_decision(claim, by=cast(User, request.user))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The claim is decided."))
    return _back(claim)


@caseworker_required
@require_POST
def send_back(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(claim)
    try:
        services.send_back(claim, by=cast(User, request.user), reason=form.cleaned_data["reason"])
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The proposed decision went back to review."))
    return _back(claim)

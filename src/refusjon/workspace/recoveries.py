"""Recoveries in the workspace: claiming back a refund paid on wrong grounds, each recovery
with its settlements and appeal, and the organisation's open debts.

Views are thin: find the recovery, call :mod:`refusjon.payouts.recoveries`, and turn a
:class:`ClaimError` into a message. A recovery page shows a student's case: it is logged as a
view of the claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from refusjon.claims import services
from refusjon.claims.models import SCHEME_CHOICES, Claim, User
from refusjon.claims.services import ClaimError, audit
from refusjon.payouts import recoveries
from refusjon.payouts.models import Recovery, RecoveryStatus
from refusjon.web.pages import form_errors
from refusjon.workspace.access import caseworker_required

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

PURPOSE = "case handling"
DEBTS_PURPOSE = "debt follow-up"
DEBTS_PAGE_SIZE = 50


def _money_field(label: str | _StrPromise, *, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=required, max_digits=12, decimal_places=2, min_value=0
    )


class OpenRecoveryForm(forms.Form):
    amount_nok = _money_field(gettext_lazy("Amount to claim back (NOK)"))
    reason = forms.CharField(
        label=gettext_lazy("Why the refund was paid on wrong grounds (the student reads it)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    source = forms.CharField(
        label=gettext_lazy("Legal basis or rule"),
        max_length=300,
        widget=forms.TextInput(attrs={"list": "recovery-sources"}),
    )


class HandleAppealForm(forms.Form):
    outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"),
        choices=[
            (recoveries.AppealOutcome.UPHOLD, gettext_lazy("Uphold the recovery")),
            (recoveries.AppealOutcome.REDUCE, gettext_lazy("Lower the amount")),
            (recoveries.AppealOutcome.CANCEL, gettext_lazy("Cancel the recovery")),
        ],
        widget=forms.RadioSelect,
    )
    amount_nok = _money_field(gettext_lazy("New amount (NOK), when lowered"), required=False)
    note = forms.CharField(
        label=gettext_lazy("Your assessment of the appeal (the student reads it)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RepaymentForm(forms.Form):
    amount_nok = _money_field(gettext_lazy("Amount paid back (NOK)"))


class WriteOffForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy(
            "Reason for the write-off (kept in the log; the student does not see it)"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I confirm that the rest of this recovery is written off"),
    )


class DebtsFilterForm(forms.Form):
    scheme = forms.ChoiceField(
        label=gettext_lazy("Scheme"),
        required=False,
        choices=[("", gettext_lazy("All schemes")), *SCHEME_CHOICES],
    )


@caseworker_required
def open_recovery(request: HttpRequest, reference: str) -> HttpResponse:
    """Claim back (part of) what a paid claim was paid."""
    claim = get_object_or_404(Claim, reference=reference)
    user = cast(User, request.user)
    form = OpenRecoveryForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                recovery = recoveries.open_recovery(claim, by=user, **form.cleaned_data)
            except ClaimError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The recovery is opened; the student has a letter."))
                return redirect("workspace:recovery", reference=recovery.reference)
        status = 400
    services.record_view(claim, by=user, purpose=PURPOSE)
    context = {
        "claim": claim,
        "form": form,
        "paid": recoveries.paid_for_claim(claim),
        "recoverable": recoveries.recoverable(claim),
        "sources": recoveries.TYPICAL_SOURCES,
    }
    return render(request, "workspace/recovery_new.html", context, status=status)


def _recovery(reference: str) -> Recovery:
    return get_object_or_404(
        Recovery.objects.select_related(
            "claim", "student", "opened_by", "appeal_handled_by", "decision"
        ),
        reference=reference,
    )


@caseworker_required
def recovery(request: HttpRequest, reference: str) -> HttpResponse:
    """The recovery: its status, settlements and appeal, and what may be done with it."""
    current = _recovery(reference)
    user = cast(User, request.user)
    services.record_view(current.claim, by=user, purpose=PURPOSE)
    owed = current.status in recoveries.OWED
    why_not_settle = recoveries.why_not_settle(current, user) if owed else None
    writable_off = recoveries.can_be_written_off(current)
    why_not_write_off = (
        recoveries.why_not_settle(current, user, what="write_off") if writable_off else None
    )
    context: dict[str, Any] = {
        "recovery": current,
        "claim": current.claim,
        "settlements": current.settlements.select_related("payment__run", "recorded_by"),
        "settled": recoveries.settled(current),
        "written_off": recoveries.written_off(current),
        "remaining": recoveries.remaining(current),
        "may_handle_appeal": current.status == RecoveryStatus.APPEALED
        and current.opened_by_id != user.pk
        and current.student_id != user.pk,
        "appeal_form": HandleAppealForm(),
        "may_record_repayment": owed and why_not_settle is None,
        "why_not_settle": why_not_settle,
        "repayment_form": RepaymentForm(),
        "may_write_off": writable_off and why_not_write_off is None,
        "why_not_write_off": why_not_write_off,
        "write_off_form": WriteOffForm(),
    }
    return render(request, "workspace/recovery.html", context)


@caseworker_required
@require_POST
def handle_appeal(request: HttpRequest, reference: str) -> HttpResponse:
    current = _recovery(reference)
    form = HandleAppealForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("workspace:recovery", reference=reference)
    try:
        recoveries.handle_recovery_appeal(current, by=cast(User, request.user), **form.cleaned_data)
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The appeal is handled."))
    return redirect("workspace:recovery", reference=reference)


@caseworker_required
@require_POST
def record_repayment(request: HttpRequest, reference: str) -> HttpResponse:
    return _settle(
        request,
        reference,
        RepaymentForm(request.POST),
        lambda current, by, data: recoveries.record_repayment(
            current, by=by, amount_nok=data["amount_nok"]
        ),
        done=_("The repayment is registered."),
    )


@caseworker_required
@require_POST
def write_off(request: HttpRequest, reference: str) -> HttpResponse:
    return _settle(
        request,
        reference,
        WriteOffForm(request.POST),
        lambda current, by, data: recoveries.write_off(current, by=by, reason=data["reason"]),
        done=_("The rest of the recovery is written off."),
    )


def _settle(
    request: HttpRequest,
    reference: str,
    form: forms.Form,
    settle: Callable[[Recovery, User, dict[str, Any]], object],
    *,
    done: str,
) -> HttpResponse:
    """Register money on the recovery (or write it off) from ``form``; back to its page with
    what happened, or why not (the service decides who may)."""
    current = _recovery(reference)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("workspace:recovery", reference=reference)
    try:
        settle(current, cast(User, request.user), form.cleaned_data)
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("workspace:recovery", reference=reference)


@caseworker_required
def open_debts(request: HttpRequest) -> HttpResponse:
    """What students owe the organisation, oldest first, with the total; by scheme."""
    form = DebtsFilterForm(request.GET or None)
    scheme = form.cleaned_data["scheme"] if form.is_valid() else ""
    debts = recoveries.open_debts(scheme or None)
    page = Paginator(debts, DEBTS_PAGE_SIZE).get_page(request.GET.get("page"))
    shown: list[Recovery] = list(page)
    # Who owes what is the students' financial data: every look is logged.
    audit(
        "payouts.recovery.debts_viewed",
        actor=cast(User, request.user),
        purpose=DEBTS_PURPOSE,
        scheme=scheme,
        page=page.number,
        recoveries=[debt.reference for debt in shown],
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "debts": shown,
        "total": recoveries.debts_total(debts),
        "query": query.urlencode(),
    }
    return render(request, "workspace/recovery_debts.html", context)

"""Payout runs in the workspace: prepare a scheme's run, review its payments, freeze it into a
bank file, and bring in the bank's answer.

Caseworkers may look; whatever changes a run, and the bank file itself, needs the finance role.
Views are thin: the services check again, and their refusals become messages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from refusjon import clock
from refusjon.claims.models import SCHEME_CHOICES, User
from refusjon.claims.services import ClaimError, audit
from refusjon.payouts import bankanswers, bankdays
from refusjon.payouts import services as payouts
from refusjon.payouts.accounts import masked_account
from refusjon.payouts.models import (
    ZERO,
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    RunStatus,
)
from refusjon.web.pages import form_errors
from refusjon.workspace.access import caseworker_required

PAGE_SIZE = 50
HELD_SHOWN = 200
PURPOSE = "payout review"
MAX_ANSWER_BYTES = 20 * 1024 * 1024
IN_RUN = ~Q(payments__status=PaymentStatus.WITHDRAWN)


def finance_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only caseworkers with the finance role change runs or take their bank files."""

    @caseworker_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not payouts.is_finance(cast(User, request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def next_business_day(after: date) -> date:
    """The first Norwegian bank day after ``after``: when the bank can pay."""
    return bankdays.next_bank_day(after)


class PrepareForm(forms.Form):
    scheme = forms.ChoiceField(label=gettext_lazy("Scheme"), choices=SCHEME_CHOICES)
    execution_date = forms.DateField(
        label=gettext_lazy("Payment date"), widget=forms.DateInput(attrs={"type": "date"})
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is the payment taken out?"),
        max_length=200,
        error_messages={"required": gettext_lazy("Say why the payment is taken out of the run.")},
    )


class AnswerForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("The bank's answer (pain.002 or camt.054)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ANSWER_BYTES:
            raise forms.ValidationError(gettext_lazy("The file is too large for a bank answer."))
        return upload


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _runs() -> QuerySet[PayoutRun]:
    """Every run, newest first, with its payments counted and summed in the same query."""
    return (
        PayoutRun.objects.select_related("frozen_by", "created_by")
        .annotate(
            payments_in_run=Count("payments", filter=IN_RUN),
            paid_out_nok=Sum("payments__amount_nok", filter=IN_RUN),
            paid_count=Count("payments", filter=Q(payments__status=PaymentStatus.PAID)),
            rejected_count=Count("payments", filter=Q(payments__status=PaymentStatus.REJECTED)),
        )
        .order_by("-created_at", "-pk")
    )


@caseworker_required
def runs(request: HttpRequest) -> HttpResponse:
    page = Paginator(_runs(), PAGE_SIZE).get_page(request.GET.get("page"))
    finance = payouts.is_finance(_user(request))
    return render(
        request,
        "workspace/payouts.html",
        {
            "page": page,
            "is_finance": finance,
            "prepare_form": PrepareForm(
                initial={"execution_date": next_business_day(clock.today())}
            )
            if finance
            else None,
            "answer_form": AnswerForm() if finance else None,
        },
    )


@finance_required
@require_POST
def prepare(request: HttpRequest) -> HttpResponse:
    form = PrepareForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("workspace:payouts")
    try:
        summary = payouts.build_run(
            form.cleaned_data["scheme"],
            by=_user(request),
            execution_date=form.cleaned_data["execution_date"],
        )
    except ClaimError as error:
        messages.error(request, str(error))
        return redirect("workspace:payouts")
    return render(
        request,
        "workspace/payout_prepared.html",
        {
            "summary": summary,
            "run": summary.run,
            "held": summary.held[:HELD_SHOWN],
            "held_more": max(0, len(summary.held) - HELD_SHOWN),
        },
    )


def _run(reference: str) -> PayoutRun:
    return get_object_or_404(PayoutRun.objects.select_related("frozen_by"), reference=reference)


def masked(payment: Payment) -> str:
    """The account with all but its last four characters hidden, and the BIC of one abroad."""
    number = payment.iban or payment.account
    if not number:
        return "–"
    shown = masked_account(number)
    return f"{shown} ({payment.bic})" if payment.bic else shown


def _payments(run: PayoutRun, status: str) -> QuerySet[Payment]:
    lines = PaymentLine.objects.select_related("claim").only(
        "payment_id", "amount_nok", "active", "claim__reference"
    )
    payments = run.payments.select_related("student").prefetch_related(
        Prefetch("lines", queryset=lines)
    )
    if status:
        payments = payments.filter(status=status)
    return payments.order_by("pk")


def _totals(run: PayoutRun) -> dict[str, Any]:
    totals = run.payments.exclude(status=PaymentStatus.WITHDRAWN).aggregate(
        count=Count("pk"),
        gross=Sum("gross_nok"),
        netted=Sum("netted_nok"),
        net=Sum("amount_nok"),
    )
    return {key: ZERO if value is None else value for key, value in totals.items()}


@caseworker_required
def run_page(request: HttpRequest, reference: str) -> HttpResponse:
    run = _run(reference)
    status = request.GET.get("status", "")
    if status not in PaymentStatus.values:
        status = ""
    page = Paginator(_payments(run, status), PAGE_SIZE).get_page(request.GET.get("page"))
    shown: list[Payment] = list(page)
    # The students' refunds and accounts are financial data: every look is logged.
    audit(
        "payouts.run.viewed",
        actor=_user(request),
        purpose=PURPOSE,
        run=run.reference,
        page=page.number,
        payments=[payment.end_to_end_id for payment in shown],
    )
    finance = payouts.is_finance(_user(request))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workspace/run.html",
        {
            "run": run,
            "page": page,
            "rows": [{"payment": payment, "account": masked(payment)} for payment in shown],
            "totals": _totals(run),
            "status": status,
            "statuses": PaymentStatus.choices,
            "query": query.urlencode(),
            "is_finance": finance,
            "may_change": finance and run.status == RunStatus.OPEN,
            "withdraw_form": WithdrawForm(auto_id=False),
        },
    )


def _back(run: PayoutRun) -> HttpResponseRedirect:
    return redirect("workspace:payout_run", reference=run.reference)


@finance_required
@require_POST
def withdraw(request: HttpRequest, reference: str, end_to_end_id: str) -> HttpResponse:
    run = _run(reference)
    payment = get_object_or_404(Payment, run=run, end_to_end_id=end_to_end_id)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(run)
    try:
        payouts.withdraw_payment(payment, by=_user(request), reason=form.cleaned_data["reason"])
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Payment %(payment)s is taken out of the run; its claims go into the next.")
            % {"payment": payment.end_to_end_id},
        )
    return _back(run)


@finance_required
@require_POST
def discard(request: HttpRequest, reference: str) -> HttpResponse:
    run = _run(reference)
    try:
        payouts.discard_run(run, by=_user(request))
    except ClaimError as error:
        messages.error(request, str(error))
        return _back(run)
    messages.success(
        request,
        _("Run %(run)s is discarded; its claims go into the next run.") % {"run": run.reference},
    )
    return redirect("workspace:payouts")


@finance_required
def freeze(request: HttpRequest, reference: str) -> HttpResponse:
    """A page that asks to confirm (GET), then freezing the run and making its file (POST)."""
    run = _run(reference)
    if request.method != "POST":
        return render(request, "workspace/run_freeze.html", {"run": run, "totals": _totals(run)})
    try:
        run = payouts.freeze_run(run, by=_user(request))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        frozen = ngettext(
            "Run %(run)s is frozen: the bank file has %(count)s payment, NOK %(total)s.",
            "Run %(run)s is frozen: the bank file has %(count)s payments, NOK %(total)s.",
            run.payment_count,
        )
        total = f"{run.total_nok:.2f}"
        messages.success(
            request, frozen % {"run": run.reference, "count": run.payment_count, "total": total}
        )
    return _back(run)


@finance_required
def bank_file(request: HttpRequest, reference: str) -> HttpResponse:
    run = _run(reference)
    if run.status != RunStatus.FROZEN or not run.bank_file:
        raise Http404
    audit(
        "payouts.run.bank_file_downloaded",
        actor=_user(request),
        purpose="payment",
        run=run.reference,
        sha256=run.bank_file_sha256,
    )
    response = HttpResponse(run.bank_file.encode("utf-8"), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{run.reference}.xml"'
    return response


@finance_required
@require_POST
def bank_answer(request: HttpRequest) -> HttpResponse:
    form = AnswerForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("workspace:payouts")
    try:
        summary = bankanswers.import_answer(form.cleaned_data["file"].read(), by=_user(request))
    except ClaimError as error:
        messages.error(request, str(error))
        return redirect("workspace:payouts")
    return render(request, "workspace/payout_answer.html", {"summary": summary})

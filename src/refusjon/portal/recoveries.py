"""What the student owes: their recoveries with what is left of each, the letter for each
(page and PDF) with what has been set off against which refund, and the appeal.

Only the student whose recovery it is sees it; for anyone else there is no such page (404).
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from refusjon.claims.models import User
from refusjon.claims.services import ClaimError
from refusjon.letters import services as letters
from refusjon.letters.content import recovery_context
from refusjon.payouts import recoveries
from refusjon.payouts.models import ZERO, Recovery
from refusjon.portal.letters import _private, stored_pdf
from refusjon.rules.explain import Renderer
from refusjon.rules.money import round_ore
from refusjon.web.pages import rules_language


def _own_recovery(request: HttpRequest, reference: str) -> Recovery:
    return get_object_or_404(
        Recovery.objects.select_related("claim", "student", "appeal_handled_by"),
        reference=reference,
        student=cast(User, request.user),
    )


def _remaining(recovery: Recovery) -> Decimal:
    """What is left of a recovery from :func:`recoveries.with_balances`, as
    :func:`recoveries.remaining` says it, without asking the database again."""
    if recovery.status not in recoveries.OWED:
        return ZERO
    balance = recovery.balance_nok  # type: ignore[attr-defined]  # from with_balances
    return max(ZERO, round_ore(Decimal(balance)))


@login_required
def recovery_list(request: HttpRequest) -> HttpResponse:
    """The student's recoveries, each with what is left of it, and what they owe in all."""
    user = cast(User, request.user)
    words = Renderer(rules_language())
    own = recoveries.with_balances(Recovery.objects.filter(student=user).select_related("claim"))
    rows = [
        {
            "recovery": recovery,
            "amount": words.money(recovery.amount_nok),
            "balance": words.money(_remaining(recovery)),
        }
        for recovery in own
    ]
    context = {"rows": rows, "balance": words.money(recoveries.balance(user))}
    return _private(render(request, "portal/recovery_list.html", context))


@login_required
def recovery_letter(request: HttpRequest, reference: str) -> HttpResponse:
    recovery = _own_recovery(request, reference)
    context = recovery_context(recovery, rules_language())
    return _private(render(request, "portal/recovery_letter.html", context))


@login_required
def recovery_letter_pdf(request: HttpRequest, reference: str) -> HttpResponse:
    recovery = _own_recovery(request, reference)
    stored = letters.ask_for(recovery, language=rules_language())
    page_url = reverse("portal:recovery", kwargs={"reference": recovery.reference})
    return stored_pdf(request, stored, page_url=page_url)


@login_required
def recovery_appeal(request: HttpRequest, reference: str) -> HttpResponse:
    """Write and send the appeal of a recovery; see how it was handled."""
    recovery = _own_recovery(request, reference)
    text = ""
    if request.method == "POST":
        text = request.POST.get("text", "")
        try:
            recoveries.appeal_recovery(recovery, by=cast(User, request.user), text=text)
        except ClaimError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your appeal has been sent."))
            return redirect("portal:recovery", reference=recovery.reference)
    context = {
        **recovery_context(recovery, rules_language()),
        "text": text,
    }
    status = 400 if request.method == "POST" else 200
    return _private(render(request, "portal/recovery_appeal.html", context, status=status))

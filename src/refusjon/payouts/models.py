"""Money out and back: payout runs and their payments, the bank's answers, and recoveries of
refunds paid on wrong grounds.

Every change goes through :mod:`refusjon.payouts.services` (runs, payments, bank answers) and
:mod:`refusjon.payouts.recoveries`. What makes a decision paid exactly once is kept by the
database itself: a decision is on at most one *active* payment line (unique, partial index),
and a scheme has at most one run being prepared at a time.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from refusjon.claims.models import SCHEME_CHOICES, Assessment, Claim

ZERO = Decimal("0.00")


class RunStatus(models.TextChoices):
    OPEN = "open", _("Being reviewed")
    FROZEN = "frozen", _("Frozen; bank file made")
    DISCARDED = "discarded", _("Discarded")


class PayoutRun(models.Model):
    """The approved, unpaid decisions of one scheme gathered for payment: reviewed while open,
    then frozen by someone with the finance role, which makes its bank file (pain.001)."""

    reference = models.CharField(_("reference"), max_length=35, unique=True)
    scheme = models.CharField(_("scheme"), max_length=32, choices=SCHEME_CHOICES)
    status = models.CharField(
        _("status"), max_length=16, choices=RunStatus.choices, default=RunStatus.OPEN
    )
    execution_date = models.DateField(_("payment date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    frozen_at = models.DateTimeField(_("frozen"), null=True, blank=True)
    payment_count = models.PositiveIntegerField(_("payments in the file"), default=0)
    total_nok = models.DecimalField(_("total (NOK)"), max_digits=14, decimal_places=2, default=ZERO)
    bank_file = models.TextField(_("bank file (pain.001)"), blank=True)
    bank_file_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme"], condition=Q(status="open"), name="one_open_run_per_scheme"
            )
        ]
        verbose_name = _("payout run")
        verbose_name_plural = _("payout runs")

    def __str__(self) -> str:
        return self.reference


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("In a run being reviewed")
    SENT = "sent", _("Sent to the bank")
    PAID = "paid", _("Paid")
    REJECTED = "rejected", _("Rejected by the bank")
    WITHDRAWN = "withdrawn", _("Taken out of the run")


# A payment in one of these holds its decisions: none of them can be in another payment.
ACTIVE_PAYMENT_STATUSES = (PaymentStatus.PENDING, PaymentStatus.SENT, PaymentStatus.PAID)


class Payment(models.Model):
    """One credit transfer to one student in a run: the sum of their decisions in it, less
    what is set off against money they owe (``netted_nok``)."""

    run = models.ForeignKey(PayoutRun, on_delete=models.PROTECT, related_name="payments")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payments"
    )
    end_to_end_id = models.CharField(_("end-to-end id"), max_length=35, unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    gross_nok = models.DecimalField(_("refunds (NOK)"), max_digits=12, decimal_places=2)
    netted_nok = models.DecimalField(
        _("set off against debt (NOK)"), max_digits=12, decimal_places=2, default=ZERO
    )
    amount_nok = models.DecimalField(_("paid out (NOK)"), max_digits=12, decimal_places=2)
    creditor_name = models.CharField(_("name"), max_length=140)
    account = models.CharField(_("account"), max_length=34, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    status_reason_code = models.CharField(_("bank's reason code"), max_length=8, blank=True)
    status_reason = models.CharField(_("bank's reason"), max_length=200, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["run", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_nok__gte=0) & Q(netted_nok__gte=0),
                name="payment_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(gross_nok=models.F("netted_nok") + models.F("amount_nok")),
                name="payment_gross_is_netted_plus_paid",
            ),
            models.UniqueConstraint(fields=["run", "student"], name="one_payment_per_student"),
        ]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return self.end_to_end_id

    @property
    def in_bank_file(self) -> bool:
        """Whether the payment is a transfer in the bank file; one wholly set off is not."""
        return self.amount_nok > 0


class PaymentLine(models.Model):
    """One decision paid (in part: what it adds to what the claim was paid before) by a
    payment. ``active`` is the payment's hold on the decision, true while the payment is
    pending, sent or paid: the database lets a decision be on one active line only."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="lines")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="payment_lines")
    decision = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="payment_lines")
    amount_nok = models.DecimalField(_("refund (NOK)"), max_digits=12, decimal_places=2)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["payment", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision"], condition=Q(active=True), name="decision_paid_once"
            ),
            models.CheckConstraint(condition=Q(amount_nok__gt=0), name="payment_line_positive"),
        ]
        verbose_name = _("payment line")
        verbose_name_plural = _("payment lines")


class BankAnswer(models.Model):
    """A status report (pain.002) or notification (camt.054) imported from the bank, kept as
    it came; importing the same file again changes nothing."""

    kind = models.CharField(max_length=16)
    message_id = models.CharField(max_length=35)
    sha256 = models.CharField(max_length=64, unique=True)
    content = models.TextField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("bank answer")
        verbose_name_plural = _("bank answers")


class RecoveryStatus(models.TextChoices):
    OPEN = "open", _("To be paid back")
    APPEALED = "appealed", _("Appeal under consideration")
    SETTLED = "settled", _("Paid back")
    CANCELLED = "cancelled", _("Cancelled")
    WRITTEN_OFF = "written_off", _("Written off")


class Recovery(models.Model):
    """A claim for repayment (tilbakekreving) of a refund paid on wrong grounds: its amount,
    reason and source go to the student in a letter they can appeal. It is settled by setting
    it off against their next refunds or by their paying it back, or what remains of it is
    written off (avskrevet) by the finance role."""

    reference = models.CharField(_("reference"), max_length=35, unique=True)
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="recoveries")
    decision = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="recoveries", verbose_name=_("decision")
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recoveries"
    )
    amount_nok = models.DecimalField(_("amount (NOK)"), max_digits=12, decimal_places=2)
    reason = models.TextField(_("reason"))
    source = models.CharField(_("source"), max_length=300)
    status = models.CharField(
        _("status"), max_length=16, choices=RecoveryStatus.choices, default=RecoveryStatus.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"))
    appeal_deadline = models.DateField(_("deadline for an appeal"))
    appeal_text = models.TextField(_("appeal"), blank=True)
    appealed_at = models.DateTimeField(null=True, blank=True)
    appeal_handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal_handled_at = models.DateTimeField(null=True, blank=True)
    appeal_note = models.TextField(_("assessment of the appeal"), blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_nok__gt=0), name="recovery_positive")
        ]
        verbose_name = _("recovery")
        verbose_name_plural = _("recoveries")

    def __str__(self) -> str:
        return self.reference


class SettlementKind(models.TextChoices):
    NETTED = "netted", _("Set off against a refund")
    REPAID = "repaid", _("Paid back")
    WRITTEN_OFF = "written_off", _("Written off")


class RecoverySettlement(models.Model):
    """Part (or all) of a recovery settled: set off against a payment, paid back, or (what
    remained of it) written off: no longer claimed, though not recovered either."""

    recovery = models.ForeignKey(Recovery, on_delete=models.PROTECT, related_name="settlements")
    kind = models.CharField(max_length=16, choices=SettlementKind.choices)
    amount_nok = models.DecimalField(_("amount (NOK)"), max_digits=12, decimal_places=2)
    payment = models.ForeignKey(
        Payment, null=True, blank=True, on_delete=models.CASCADE, related_name="settlements"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()
    # Why a write-off was made: for the organisation, never in the student's letter.
    note = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["recovery", "recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_nok__gt=0), name="settlement_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=("repaid", "written_off")) | Q(payment__isnull=False),
                name="netting_names_its_payment",
            ),
            models.UniqueConstraint(
                fields=["recovery"], condition=Q(kind="written_off"), name="written_off_once"
            ),
        ]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")

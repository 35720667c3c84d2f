"""What was sent: one row per notice, keyed by the event it tells of, so a job tried again (or
asked for twice) sends it once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    RECEIPT = "receipt", _("Claim received")
    RETURNED = "returned", _("Claim returned for completion")
    REMINDER = "reminder", _("Reminder of a deadline")
    DECIDED = "decided", _("Claim decided")
    PAID = "paid", _("Refund paid")
    RECOVERY = "recovery", _("Repayment claimed")
    APPEAL_RECEIVED = "appeal_received", _("Appeal received")
    APPEAL_DECIDED = "appeal_decided", _("Appeal handled")
    INTERIM = "interim", _("Interim reply")


class SentNotice(models.Model):
    """A notice that went out (or that the student chose not to get: channel ``none``)."""

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    claim = models.ForeignKey(
        "claims.Claim", null=True, on_delete=models.PROTECT, related_name="notices"
    )
    channel = models.CharField(max_length=16)
    language = models.CharField(max_length=8)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("notice sent")
        verbose_name_plural = _("notices sent")

    def __str__(self) -> str:
        return self.key

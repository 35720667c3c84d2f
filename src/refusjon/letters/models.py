"""Letters to students as PDFs: asked for with what they say, made once by a background job,
then kept in the media storage and served from there. A letter is of a decision, of a recovery,
or of a claim sent (the receipt)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from refusjon.claims.models import Assessment, Claim
from refusjon.payouts.models import Recovery


class LetterKind(models.TextChoices):
    DECISION = "decision", _("decision letter")
    RECOVERY = "recovery", _("claim for repayment")
    RECEIPT = "receipt", _("receipt for a claim")


class LetterLanguage(models.TextChoices):
    NB = "nb", _("Norwegian bokmål")
    EN = "en", _("English")


def letter_path(letter: Letter, filename: str) -> str:
    return f"letters/{timezone.localdate(letter.asked_at):%Y/%m}/{filename}"


class Letter(models.Model):
    """One edition of the letter of a decision, a recovery or a claim sent, in one language.

    It is asked for with the HTML it is to say (``content_sha256`` is that HTML's digest) and
    made into a PDF once, by a job; the HTML is then let go and the PDF kept as it is. Each
    decision has its own letters: a decision made on appeal gets new ones, and the letters of
    the decision it replaces stay. When what a letter says changes after it was made (a
    set-off, a repayment, an appeal of a recovery), the next reader asks for a new edition and
    the earlier ones stay, so every PDF a student was given is kept. The receipt of a claim
    says what was sent the last time it was: a claim returned and sent again gets a new
    edition."""

    decision = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    recovery = models.ForeignKey(
        Recovery, null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.PROTECT, related_name="receipt_letters"
    )
    language = models.CharField(_("language"), max_length=2, choices=LetterLanguage.choices)
    content_sha256 = models.CharField(
        _("content digest"), max_length=64, help_text="SHA-256 of the HTML the PDF is made from"
    )
    html = models.TextField(blank=True, help_text="what the PDF is to say, until it is made")
    pdf = models.FileField(_("PDF"), upload_to=letter_path, blank=True)
    asked_at = models.DateTimeField(_("asked for"))
    rendered_at = models.DateTimeField(_("made"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__isnull=False, recovery__isnull=True, claim__isnull=True)
                | Q(decision__isnull=True, recovery__isnull=False, claim__isnull=True)
                | Q(decision__isnull=True, recovery__isnull=True, claim__isnull=False),
                name="letter_of_one_subject",
            ),
            models.UniqueConstraint(
                fields=["decision", "language", "content_sha256"],
                condition=Q(decision__isnull=False),
                name="one_decision_letter_per_content",
            ),
            models.UniqueConstraint(
                fields=["recovery", "language", "content_sha256"],
                condition=Q(recovery__isnull=False),
                name="one_recovery_letter_per_content",
            ),
            models.UniqueConstraint(
                fields=["claim", "language", "content_sha256"],
                condition=Q(claim__isnull=False),
                name="one_receipt_per_content",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.reference} ({self.language})"

    @property
    def kind(self) -> LetterKind:
        if self.decision_id:
            return LetterKind.DECISION
        return LetterKind.RECOVERY if self.recovery_id else LetterKind.RECEIPT

    @property
    def reference(self) -> str:
        """The reference the letter is under: the claim's, or the recovery's."""
        if self.decision is not None:
            return self.decision.claim.reference
        if self.claim is not None:
            return self.claim.reference
        assert self.recovery is not None  # a letter is of a decision, a recovery or a claim
        return self.recovery.reference

    @property
    def rendered(self) -> bool:
        return bool(self.pdf)

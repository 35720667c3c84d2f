"""Claims as they are kept: who applies, what they claim, what was decided, who looked.

Every change of state goes through :mod:`refusjon.claims.services`; the models hold data and
the rules that are true of data alone.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims.filenames import display_name
from refusjon.rules.model import CATEGORIES, DOCUMENT_TYPES, Period, Scheme
from refusjon.rules.schemes import language
from refusjon.rules.schemes.language import Words

# The names of the schemes decided by named hooks, as the pages have long called them; every
# other scheme is named by its file.
_SCHEME_NAMES = {
    Scheme.SIO: _("SiO refund of healthcare expenses"),
    Scheme.SSN: _("SSN Helse health expense refund"),
    Scheme.HELFO_ABROAD: _("Helfo: students outside the EU/EEA"),
}


def _named_by_file(names: Words) -> Any:
    """A scheme file's name in the language of the moment (bokmål or English), lazily, as
    gettext_lazy gives the others."""

    def name() -> str:
        return names.nb if (get_language() or "en").startswith(("nb", "no")) else names.en

    return lazy(name, str)()


def _scheme_choices() -> list[tuple[str, Any]]:
    """Every scheme the rules engine decides, in its order: one list for every form, filter,
    report and model field, so that a scheme added to the engine is offered everywhere."""
    files = language.builtin()
    return [
        (scheme.value, _SCHEME_NAMES.get(scheme) or _named_by_file(files[scheme.value].name))
        for scheme in Scheme
    ]


SCHEME_CHOICES = _scheme_choices()

# The welfare organisations, each by the scheme it runs: every scheme but Helfo's, which is
# national (students abroad, whatever their place of study).
ORGANISATION_CHOICES = [
    (code, label) for code, label in SCHEME_CHOICES if code != Scheme.HELFO_ABROAD
]


class User(AbstractUser):
    """A person who signs in: a student, a caseworker or an administrator (by group)."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Institution(models.Model):
    """A place of study. Its welfare organisation (by the code of the scheme it runs) decides
    which scheme its students see (:mod:`refusjon.claims.offers`)."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    welfare_organisation = models.CharField(
        _("welfare organisation"), max_length=64, choices=ORGANISATION_CHOICES
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self) -> str:
        return self.name


class NoticeChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Text message (SMS)")
    NONE = "none", _("No notices")


class StudentProfile(models.Model):
    """The facts about a student that the rules ask for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    person_id = models.CharField(_("person id"), max_length=64, unique=True)
    birth_date = models.DateField(_("birth date"))
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    semester_fee_paid = models.BooleanField(_("semester fee paid"), default=False)
    registered_student = models.BooleanField(_("registered student"), default=False)
    sio_gp = models.BooleanField(_("regular GP at SiO"), default=False)
    nis_member = models.BooleanField(_("member of the National Insurance Scheme"), default=False)
    full_time_student_abroad = models.BooleanField(_("full-time student abroad"), default=False)
    study_country = models.CharField(_("country of study"), max_length=2, blank=True)
    last_semester_ends_on = models.DateField(_("end of last semester"), null=True, blank=True)
    occupational_injury = models.BooleanField(_("occupational injury decision"), default=False)
    bank_account = models.CharField(_("Norwegian account number"), max_length=11, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    # How the student is told of their claims (refusjon.notices), and in which language: empty
    # until they choose, then the language of the site when they first sent a claim.
    notice_channel = models.CharField(
        _("notices by"), max_length=8, choices=NoticeChannel.choices, default=NoticeChannel.EMAIL
    )
    phone = models.CharField(
        _("mobile number"),
        max_length=16,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9]{8,15}$",
                _("Give a mobile number of 8 to 15 digits, such as +47 912 34 567."),
            )
        ],
    )
    notice_language = models.CharField(
        _("language of notices"), max_length=8, choices=settings.LANGUAGES, blank=True
    )

    class Meta:
        verbose_name = _("student profile")
        verbose_name_plural = _("student profiles")

    def __str__(self) -> str:
        return self.person_id


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting a second caseworker")
    RETURNED = "returned", _("Returned for completion")
    DECIDED = "decided", _("Decided")
    PAID = "paid", _("Paid")
    APPEALED = "appealed", _("Appeal under consideration")


class PatientRelation(models.TextChoices):
    SELF = "self", _("Myself")
    CHILD = "child", _("My child")
    SPOUSE = "spouse", _("My spouse")


def validate_period(value: str) -> None:
    try:
        Period.parse(value)
    except ValueError as error:
        raise ValidationError(
            _("Give a year (2026) or a semester (2026-spring, 2026-fall).")
        ) from error


class Claim(models.Model):
    reference = models.CharField(_("reference"), max_length=32, unique=True)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claims"
    )
    scheme = models.CharField(_("scheme"), max_length=32, choices=SCHEME_CHOICES)
    period = models.CharField(_("period"), max_length=16, validators=[validate_period])
    status = models.CharField(
        _("status"), max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT
    )
    patient_relation = models.CharField(
        _("patient"), max_length=8, choices=PatientRelation.choices, default=PatientRelation.SELF
    )
    patient_birth_date = models.DateField(_("patient's birth date"), null=True, blank=True)
    resubmission_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="resubmissions"
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    submission_token = models.CharField(max_length=64, blank=True)
    was_returned = models.BooleanField(_("has been returned"), default=False)
    returned_missing = models.JSONField(_("missing when returned"), default=list, blank=True)
    returned_message = models.TextField(_("message when returned"), blank=True)
    complete_by = models.DateField(_("complete by"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decision proposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The caseworker handling the claim (taken by them or assigned by another); the services
    # set it (claims.services.take_claim, take_next_claim, assign_claim).
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_claims",
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)  # the services move it on each change

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "submitted_on"]),
            models.Index(fields=["applicant", "scheme", "period"]),
            # The queue's order, which its pages are keyed on (workspace.queries).
            models.Index(fields=["submitted_on", "id"], name="claim_queue_order"),
            # The queue filtered by scheme, and its count.
            models.Index(fields=["scheme", "status", "submitted_on"], name="claim_queue_scheme"),
        ]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    def __str__(self) -> str:
        return self.reference

    # The status and scheme in words, as Django's own get_FOO_display give them (which a model
    # may override), only quicker: Django's hash every choice's label on each call, and a lazy
    # label is translated to be hashed, so a list of a hundred claims spent 9 ms on them.
    def get_status_display(self) -> str:  # type: ignore[no-redef]
        return str(STATUS_LABELS.get(self.status, self.status))

    def get_scheme_display(self) -> str:  # type: ignore[no-redef]
        return str(SCHEME_LABELS.get(self.scheme, self.scheme))


STATUS_LABELS = dict(ClaimStatus.choices)
SCHEME_LABELS = dict(SCHEME_CHOICES)

CATEGORY_CHOICES = sorted((code, code) for code in CATEGORIES)
DOCUMENT_CHOICES = sorted((code, code) for code in DOCUMENT_TYPES)


class ExpenseLine(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    number = models.PositiveIntegerField(_("line"))
    category = models.CharField(_("category"), max_length=32, choices=CATEGORY_CHOICES)
    service_on = models.DateField(_("date of treatment"))
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="NOK")
    nok_amount = models.DecimalField(
        _("amount in NOK"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # The amount in NOK is the student's own figure (from their bank statement), given when
    # no exchange rate was stored for the day; Norges Bank's rate replaces it at assessment
    # once it is stored (docs/decisions.md, D7).
    nok_from_student = models.BooleanField(_("amount in NOK given by the student"), default=False)
    public_user_fee = models.BooleanField(_("user fee under the public scheme"), default=False)
    itemized_receipt = models.BooleanField(_("itemised receipt attached"), default=False)
    referral = models.BooleanField(_("referral from a doctor"), default=False)
    medical_statement = models.BooleanField(_("medical statement attached"), default=False)
    country = models.CharField(_("country"), max_length=2, default="NO")
    trip_distance_km = models.DecimalField(
        _("distance each way (km)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    trip_min_public_fare_nok = models.DecimalField(
        _("lowest local public-transport fare"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    trip_companion = models.BooleanField(_("companion's trip"), default=False)

    class Meta:
        ordering = ["claim", "number"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "number"], name="line_number_unique"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="amount_not_negative"),
        ]
        verbose_name = _("expense line")
        verbose_name_plural = _("expense lines")


class LineOutcomeChoice(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class LineOverride(models.Model):
    """A caseworker's own assessment of one line, laid over the engine's when the claim is
    decided; the justification goes into the decision letter and the log."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="overrides")
    line_number = models.PositiveIntegerField(_("line"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=LineOutcomeChoice.choices)
    refund_nok = models.DecimalField(_("refund (NOK)"), max_digits=12, decimal_places=2)
    justification = models.TextField(_("justification"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["claim", "line_number"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "line_number"], name="one_override_per_line"),
            models.CheckConstraint(
                condition=models.Q(refund_nok__gte=0), name="override_refund_not_negative"
            ),
            models.CheckConstraint(
                condition=~models.Q(justification=""), name="override_justified"
            ),
        ]
        verbose_name = _("line override")
        verbose_name_plural = _("line overrides")


# The extensions a checked document is stored with (intake's kinds: PDF, JPEG, PNG).
STORED_EXTENSIONS = frozenset({".pdf", ".jpg", ".png"})


def attachment_path(attachment: Attachment, filename: str) -> str:
    """Documents are filed by the month they came in (by the one clock, as everything else),
    under a random name with the extension of the kind the check found in ``filename``:
    nothing the student chose is in the path (the name they gave is only a label,
    ``Attachment.display_name``). Files stored before keep their names and still open."""
    suffix = PurePosixPath(filename).suffix.lower()
    extension = suffix if suffix in STORED_EXTENSIONS else ""
    return f"attachments/{clock.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def quarantine_path(attachment: Attachment, filename: str) -> str:
    """An upload waits for its check under a random name: nothing the student chose is in the
    path. Like every stored file it is in the media storage, which no URL serves; a document
    is only ever read through intake's views, and those give only checked files."""
    return f"quarantine/{clock.now():%Y/%m}/{uuid.uuid4().hex}"


class CheckStatus(models.TextChoices):
    """Where an uploaded document is in its check (decoded and stored cleaned, in a job)."""

    PENDING = "pending", _("Being checked")
    OK = "ok", _("Checked")
    REFUSED = "refused", _("Refused")


class Attachment(models.Model):
    """A document of a claim (or of its appeal).

    An upload is ``PENDING`` while the job checks it: the file as received is in
    ``unchecked_file`` and ``file`` is empty. The job makes it ``OK``, with the cleaned file in
    ``file``, or ``REFUSED``, with the reason; either way the upload as received is deleted.
    ``file`` only ever holds a checked file. An attachment made in code (demo data, an import)
    is ``OK`` unless it says otherwise: only intake's upload path starts one ``PENDING``.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="attachments")
    appeal = models.ForeignKey(
        "Appeal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
        help_text="set for a document sent with an appeal rather than with the claim",
    )
    document_type = models.CharField(_("document"), max_length=32, choices=DOCUMENT_CHOICES)
    language = models.CharField(_("language"), max_length=2, default="no")
    shows_applicant_name = models.BooleanField(_("shows the applicant's name"), default=False)
    file = models.FileField(_("file"), upload_to=attachment_path, blank=True)
    content_type = models.CharField(max_length=64, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_at = models.DateTimeField(default=clock.now)
    check_status = models.CharField(
        _("check"), max_length=8, choices=CheckStatus.choices, default=CheckStatus.OK
    )
    unchecked_file = models.FileField(
        upload_to=quarantine_path,
        blank=True,
        help_text="the upload as received, until it is checked; never shown",
    )
    uploaded_name = models.CharField(
        max_length=255,
        blank=True,
        help_text="the file's name on the student's device; it only suggests the stored name",
    )
    refusal_code = models.CharField(
        max_length=32, blank=True, help_text="why the check refused it, for programs"
    )
    refusal_reason = models.JSONField(
        default=dict,
        blank=True,
        help_text="why the check refused it, as the student reads it, by language code",
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def is_checked(self) -> bool:
        return self.check_status == CheckStatus.OK

    @property
    def display_name(self) -> str:
        """The file's name as the student's device gave it, as text to show (cleaned and
        shortened, :func:`~refusjon.claims.filenames.display_name`); for a file stored before
        names were kept, its stored name."""
        raw = self.uploaded_name or PurePosixPath(self.file.name or "").name
        return display_name(raw)

    def refusal_text(self) -> str:
        """Why the check refused the document, in the language of the request (the reason is
        kept in each of the site's languages as the check said it, like a letter sent)."""
        reasons: dict[str, str] = self.refusal_reason or {}
        language = (get_language() or settings.LANGUAGE_CODE).lower()
        for code in (language, language.split("-")[0], settings.LANGUAGE_CODE):
            if reasons.get(code):
                return reasons[code]
        return next(iter(reasons.values()), "")


class AssessmentKind(models.TextChoices):
    PROPOSAL = "proposal", _("The engine's proposal")
    DECISION = "decision", _("Decision")


class Assessment(models.Model):
    """A decision of the rules engine as it stood, kept with what a caseworker made of it."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(max_length=16, choices=AssessmentKind.choices)
    outcome = models.CharField(max_length=32)
    refund_nok = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0.00"))
    record = models.JSONField(help_text="the decision record of claims-format.md")
    effects = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField()
    # At most one decision supersedes another, as a one-to-one field would say; but a
    # one-to-one field's unique index holds every assessment, and SQLite takes a unique index
    # for a one-row look-up even for ``IS NULL``: it then walked every decision not superseded
    # (nearly all) to find a claim's current one. The unique constraint below holds only the
    # superseded ones.
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
        db_index=False,
        help_text="the decision made on appeal that replaces this one",
    )

    class Meta:
        ordering = ["claim", "-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.UniqueConstraint(
                fields=["superseded_by"],
                condition=models.Q(superseded_by__isnull=False),
                name="superseded_once",
            )
        ]
        indexes = [
            # A claim's latest assessment of a kind: its current decision, the engine's
            # proposal, the proposal in the queue.
            models.Index(fields=["claim", "kind", "created_at"], name="assessment_claim_latest"),
        ]


class AppealStatus(models.TextChoices):
    DRAFT = "draft", _("Not sent yet")
    SUBMITTED = "submitted", _("Sent")
    FORWARDED = "forwarded", _("Sent on to the appeals body")
    UPHELD = "upheld", _("Decision upheld")
    CHANGED = "changed", _("Decision changed")


OPEN_APPEAL_STATUSES = (AppealStatus.DRAFT, AppealStatus.SUBMITTED, AppealStatus.FORWARDED)


class Appeal(models.Model):
    """A student's appeal (klage) of a decision: written and sent by the student within the
    deadline, handled by a caseworker other than the one who decided."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="appeals")
    decision = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="appeals", verbose_name=_("decision")
    )
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("your appeal"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AppealStatus.choices, default=AppealStatus.DRAFT
    )
    deadline = models.DateField(_("deadline"))
    claim_status_before = models.CharField(max_length=20, choices=ClaimStatus.choices)
    created_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    handler_note = models.TextField(_("assessment of the appeal"), blank=True)
    new_decision = models.OneToOneField(
        Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="made_on_appeal"
    )

    class Meta:
        ordering = ["claim", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(status__in=["draft", "submitted", "forwarded"]),
                name="one_open_appeal_per_claim",
            )
        ]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"{self.claim} appeal {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_APPEAL_STATUSES


class AuditEntry(models.Model):
    """Append-only: who did or saw what, when, and for what purpose."""

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=64, db_index=True)
    claim = models.ForeignKey(
        Claim, null=True, on_delete=models.PROTECT, related_name="audit_entries"
    )
    purpose = models.CharField(max_length=200, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("audit entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("audit entries are never deleted")


class ParameterOverride(models.Model):
    """A dated value of one of the engine's parameters, set by an administrator. It is laid
    over the values shipped with the engine: same date replaces, a new date adds."""

    name = models.CharField(_("parameter"), max_length=100)
    valid_from = models.DateField(_("applies from"))
    value = models.JSONField(
        _("value"), help_text=_('Amounts as quoted text, e.g. "490"; lists as ["gp", ...].')
    )
    source = models.CharField(_("source"), max_length=300)
    assumed = models.BooleanField(_("assumed (no published source)"), default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=clock.now)  # the admin sets it on each change

    class Meta:
        ordering = ["name", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["name", "valid_from"], name="parameter_date_unique")
        ]
        verbose_name = _("parameter value")
        verbose_name_plural = _("parameter values")

    def __str__(self) -> str:
        return f"{self.name} {self.valid_from}"


class SchemeVersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    DISCARDED = "discarded", _("Discarded")


class SchemeVersion(models.Model):
    """A version of a scheme's file, uploaded or edited by an administrator. Approved, it
    decides the scheme's claims whose period starts on or after ``effective_from`` (in place
    of the file the scheme ships with, or of an earlier version); until then it is a draft
    whose dry run shows what it would change (:mod:`refusjon.reassessment`)."""

    scheme = models.CharField(_("scheme"), max_length=32)
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("scheme file"))
    effective_from = models.DateField(_("in force for periods from"))
    note = models.CharField(_("what changes"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SchemeVersionStatus.choices,
        default=SchemeVersionStatus.DRAFT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    # The dry run: when it finished (None while it runs or has not run), and what it found in
    # sum (claims, people, money); the claim by claim differences are SchemeVersionChanges.
    checked_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # When the claims the approval changed had all been decided again.
    reassessed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["scheme", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="scheme_version_unique")
        ]
        verbose_name = _("scheme version")
        verbose_name_plural = _("scheme versions")

    def __str__(self) -> str:
        return f"{self.scheme} v{self.number}"


class SchemeVersionChange(models.Model):
    """What a scheme version changes for one decided claim: found by its dry run, and once
    approved, the decision that replaced the old one."""

    version = models.ForeignKey(SchemeVersion, on_delete=models.CASCADE, related_name="changes")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="+")
    old_decision = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="+")
    old_outcome = models.CharField(max_length=32)
    old_refund_nok = models.DecimalField(max_digits=12, decimal_places=2)
    new_outcome = models.CharField(max_length=32)
    new_refund_nok = models.DecimalField(max_digits=12, decimal_places=2)
    paid_nok = models.DecimalField(max_digits=12, decimal_places=2)
    lines_changed = models.PositiveIntegerField(default=0)
    new_decision = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["version", "claim"]
        constraints = [
            models.UniqueConstraint(fields=["version", "claim"], name="version_change_once")
        ]

    @property
    def difference_nok(self) -> Decimal:
        return self.new_refund_nok - self.old_refund_nok

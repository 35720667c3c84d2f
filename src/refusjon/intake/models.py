"""What was read from a claim's documents, and which expense lines came from it.

A :class:`DocumentReading` is made once per checked document by the reading job
(:mod:`refusjon.intake.readings`); its :class:`ReadLine` rows are the fees it found, each with
the page and box it was found in. A :class:`LineOrigin` says that an expense line was added
from a line read, and what the student changed before adding it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims.models import Attachment, ExpenseLine


class ReadingKind(models.TextChoices):
    USER_FEE_OVERVIEW = "user_fee_overview", _("Overview of user fees paid")
    RECEIPT = "receipt", _("Receipt")
    UNKNOWN = "unknown", _("Not read")


class NameCheck(models.TextChoices):
    """How the name read compares with the applicant's (refusjon.intake.reading.names).

    ``stated`` is the student's word where no name, or a name near theirs (``unsure``), was
    read; the reading's ``name`` says which (docs/decisions.md, E1)."""

    MATCHES = "matches", _("The applicant's name")
    UNSURE = "unsure", _("A name like the applicant's, not certainly theirs")
    DIFFERS = "differs", _("Another name")
    NOT_READ = "not_read", _("No name read")
    STATED = "stated", _("No name read; the student says it is theirs")


class DocumentReading(models.Model):
    """What the reader found in one checked document, as it was when read."""

    attachment = models.OneToOneField(Attachment, on_delete=models.CASCADE, related_name="reading")
    kind = models.CharField(_("kind"), max_length=24, choices=ReadingKind.choices)
    engine = models.CharField(
        _("read by"), max_length=64, blank=True, help_text="e.g. pdf-text, tesseract"
    )
    reconciled = models.BooleanField(
        _("lines add up to the printed total"),
        default=False,
        help_text="true only when the lines read add up to the total printed, exactly",
    )
    total = models.DecimalField(
        _("printed total"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    total_box = models.JSONField(null=True, blank=True)
    name = models.CharField(_("name read"), max_length=200, blank=True)
    name_box = models.JSONField(null=True, blank=True)
    name_check = models.CharField(
        _("name check"), max_length=16, choices=NameCheck.choices, default=NameCheck.NOT_READ
    )
    pages = models.JSONField(default=list, blank=True, help_text="each page's size and source")
    receipt = models.JSONField(
        null=True, blank=True, help_text="a receipt's provider, organisation number, itemised"
    )
    error = models.TextField(
        _("why nothing was read"), blank=True, help_text="a code: intake.reading.records.Problem"
    )
    doubt = models.CharField(
        _("why the lines are in doubt"),
        max_length=32,
        blank=True,
        help_text="a code (intake.reading.records.Problem): why they were not reconciled",
    )
    notes = models.JSONField(default=list, blank=True)
    read_at = models.DateTimeField(_("read at"), default=clock.now)

    class Meta:
        verbose_name = _("document reading")
        verbose_name_plural = _("document readings")

    @property
    def found_lines(self) -> bool:
        return self.kind != ReadingKind.UNKNOWN


class ReadingUnderWay(models.Model):
    """A document a job is reading now: a second job for it leaves it alone rather than read it
    too (docs/decisions.md, E9). The row is gone once the reading is kept, or has failed; one
    left by a worker that died is taken over after a while (``readings.ABANDONED``)."""

    attachment = models.OneToOneField(
        Attachment, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    token = models.UUIDField(help_text="which job's reading it is")
    started_at = models.DateTimeField()

    class Meta:
        verbose_name = _("document being read")
        verbose_name_plural = _("documents being read")


class ReadLine(models.Model):
    """One fee as a document prints it, and where: the page (from 1) and the box's edges as
    fractions of the page, from the top left."""

    reading = models.ForeignKey(DocumentReading, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    service = models.CharField(_("service"), max_length=200, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)
    left = models.FloatField(null=True, blank=True)
    top = models.FloatField(null=True, blank=True)
    right = models.FloatField(null=True, blank=True)
    bottom = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["reading", "position"]
        constraints = [
            models.UniqueConstraint(fields=["reading", "position"], name="read_line_position")
        ]
        verbose_name = _("line read")
        verbose_name_plural = _("lines read")

    @property
    def has_box(self) -> bool:
        return self.page is not None and self.left is not None


class LineOrigin(models.Model):
    """An expense line the student added from a line read, with what they changed first
    (``edits``: field → [as read, as added])."""

    line = models.OneToOneField(ExpenseLine, on_delete=models.CASCADE, related_name="origin")
    read_line = models.ForeignKey(
        ReadLine, null=True, on_delete=models.SET_NULL, related_name="added_as"
    )
    attachment = models.ForeignKey(Attachment, on_delete=models.CASCADE, related_name="+")
    edits = models.JSONField(default=dict, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("expense line read from a document")
        verbose_name_plural = _("expense lines read from documents")

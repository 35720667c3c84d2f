"""Reporting for caseworkers: a dashboard of a year's refunds and claims, and CSV exports.

Every figure is counted or summed by the database (``annotate``/``aggregate``); Python only
arranges the few grouped rows into charts. Charts are bar charts drawn as inline SVG on the
server, each with the same figures as a table for screen readers.

Refunds paid are the lines of payments the bank (or a set-off) has paid, by the month of the
bank's answer: what the decisions paid, whether transferred or set off against a debt.

The CSV files are for Norwegian spreadsheets: UTF-8 with a byte-order mark, fields separated by
semicolons, amounts with a decimal comma, dates as ISO dates. Every cell goes through
:func:`refusjon.web.spreadsheets.cell`: amounts stay numbers, and a text that would start a
formula (``=``, ``+``, ``-``, ``@``) gets a quote in front. They are streamed, so an export of
every payment ever made does not sit in memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db.models import (
    Count,
    DateTimeField,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from refusjon import clock
from refusjon.claims.models import (
    SCHEME_CHOICES,
    Appeal,
    AppealStatus,
    Assessment,
    AssessmentKind,
    Claim,
    ClaimStatus,
    User,
)
from refusjon.claims.services import audit, processing_target_days
from refusjon.payouts.models import Payment, PaymentLine, PaymentStatus, RunStatus
from refusjon.rules.money import ZERO, round_ore
from refusjon.rules.terms import OUTCOMES, term
from refusjon.web import spreadsheets
from refusjon.web.pages import rules_language
from refusjon.workspace.access import caseworker_required

PURPOSE = "reporting"
SCHEMES = dict(SCHEME_CHOICES)
# The organisations' own short names, for the bars' labels; the tables give the full names.
SHORT_NAMES = {"sio": "SiO", "ssn": "SSN Helse", "helfo_abroad": "Helfo"}
CSV_DELIMITER = ";"
BOM = "\ufeff"


# The figures


def _schemes() -> list[str]:
    return [code for code, _label in SCHEME_CHOICES]


def paid_per_month(year: int) -> list[dict[str, Any]]:
    """Refunds paid in ``year`` per month and scheme: ``month`` (a datetime), ``scheme``,
    ``total`` (NOK). A payment wholly set off has no bank answer: its run's freezing dates it."""
    lines = PaymentLine.objects.filter(active=True, payment__status=PaymentStatus.PAID).annotate(
        paid_at=Coalesce(
            "payment__answered_at", "payment__run__frozen_at", output_field=DateTimeField()
        )
    )
    return cast(
        list[dict[str, Any]],
        list(
            lines.filter(paid_at__year=year)
            .annotate(month=TruncMonth("paid_at"), scheme=F("payment__run__scheme"))
            .values("month", "scheme")
            .annotate(total=Sum("amount_nok"))
            .order_by("month", "scheme")
        ),
    )


def _of_year(year: int) -> Q:
    """Claims of a year: submitted in it, or (drafts) started in it."""
    return Q(submitted_on__year=year) | Q(submitted_on__isnull=True, created_at__year=year)


def claims_by_status(year: int) -> list[tuple[str, int]]:
    """How many of the year's claims are in each status, every status named."""
    counts = dict(
        Claim.objects.filter(_of_year(year))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
        .order_by()
    )
    return [(status, counts.get(status, 0)) for status in ClaimStatus.values]


@dataclass(frozen=True)
class Processing:
    """How long the claims of one scheme submitted in a year waited for their first decision."""

    scheme: str
    decided: int
    median_days: Decimal | None
    within_target: int

    @property
    def share_within_target(self) -> Decimal | None:
        return _share(self.within_target, self.decided)


def _days_to_first_decision() -> QuerySet[Any]:
    first_decision = (
        Assessment.objects.filter(claim=OuterRef("pk"), kind=AssessmentKind.DECISION)
        .order_by("created_at", "pk")
        .values("created_at")[:1]
    )
    return (
        Claim.objects.annotate(decided_at=Subquery(first_decision))
        .filter(decided_at__isnull=False)
        .annotate(
            days=ExpressionWrapper(
                TruncDate("decided_at") - F("submitted_on"), output_field=DurationField()
            )
        )
    )


def processing_times(year: int) -> list[Processing]:
    """Per scheme, the median number of days from submission to the first decision and how many
    were decided within the target (saksbehandlingstid), for the claims submitted in ``year``.
    The database counts claims per number of days; the median is read off those counts."""
    histogram: dict[str, list[tuple[int, int]]] = {scheme: [] for scheme in _schemes()}
    rows = (
        _days_to_first_decision()
        .filter(submitted_on__year=year)
        .values_list("scheme", "days")
        .annotate(n=Count("pk"))
        .values_list("scheme", "days", "n")
        .order_by("scheme", "days")
    )
    for scheme, days, n in rows:
        histogram.setdefault(scheme, []).append((days.days, n))
    return [
        Processing(
            scheme=scheme,
            decided=sum(n for _value, n in counts),
            median_days=median(counts),
            within_target=sum(n for days, n in counts if days <= processing_target_days()),
        )
        for scheme, counts in histogram.items()
    ]


def median(counts: Sequence[tuple[int, int]]) -> Decimal | None:
    """The median of values given as (value, how many) in ascending order of value."""
    total = sum(n for _value, n in counts)
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]  # the one or two middle positions, from 0
    found: list[int] = []
    seen = 0
    for value, n in counts:
        while middle and middle[0] < seen + n:
            found.append(value)
            middle.pop(0)
        seen += n
    return (Decimal(found[0]) + Decimal(found[1])) / 2


@dataclass(frozen=True)
class Shares:
    """How many of a scheme's claims submitted in a year were returned, and appealed."""

    scheme: str
    submitted: int
    returned: int
    appealed: int

    @property
    def returned_share(self) -> Decimal | None:
        return _share(self.returned, self.submitted)

    @property
    def appealed_share(self) -> Decimal | None:
        return _share(self.appealed, self.submitted)


def returned_and_appealed(year: int) -> list[Shares]:
    """Per scheme, the claims submitted in ``year``, how many were ever returned to the student
    and how many were appealed (an appeal sent; a draft appeal is not one)."""
    sent_appeal = Appeal.objects.filter(claim=OuterRef("pk")).exclude(status=AppealStatus.DRAFT)
    counted = {
        row["scheme"]: (row["submitted"], row["returned"], row["appealed"])
        for row in Claim.objects.filter(submitted_on__year=year)
        .annotate(has_appeal=Exists(sent_appeal))
        .values("scheme")
        .annotate(
            submitted=Count("pk"),
            returned=Count("pk", filter=Q(was_returned=True)),
            appealed=Count("pk", filter=Q(has_appeal=True)),
        )
        .order_by()
    }
    return [Shares(scheme, *counted.get(scheme, (0, 0, 0))) for scheme in _schemes()]


def _share(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in per cent, to one decimal."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


# The charts


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    text: str
    series: int
    y: int
    width: Decimal


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart and the table with the same figures."""

    key: str
    title: str
    bars: list[Bar]
    legend: list[tuple[int, str]]
    head: list[str]
    rows: list[list[str]]
    target: str = ""
    target_x: Decimal | None = None

    label_width = 240
    bar_area = 320
    row_height = 26
    bar_height = 18

    @property
    def width(self) -> int:
        return self.label_width + self.bar_area + 110

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * self.row_height + 8


def bar_chart(
    key: str,
    title: str,
    bars: Iterable[tuple[str, Decimal, str, int]],
    *,
    head: list[str],
    rows: list[list[str]],
    legend: Sequence[tuple[int, str]] = (),
    target: tuple[Decimal, str] | None = None,
) -> Chart:
    """A chart of ``bars`` (label, value, value as shown, series), scaled to the largest value
    (or the ``target``, if larger), with the table ``head`` and ``rows`` for screen readers."""
    given = list(bars)
    largest = max([value for _l, value, _t, _s in given] + [target[0] if target else ZERO])
    scale = Decimal(Chart.bar_area) / largest if largest > 0 else ZERO
    drawn = [
        Bar(label, value, text, series, 4 + i * Chart.row_height, round_ore(value * scale))
        for i, (label, value, text, series) in enumerate(given)
    ]
    return Chart(
        key,
        title,
        drawn,
        list(legend),
        head,
        rows,
        target=target[1] if target else "",
        target_x=Chart.label_width + round_ore(target[0] * scale) if target else None,
    )


def _short(scheme: str) -> str:
    return SHORT_NAMES.get(scheme, scheme)


def _nok(amount: Decimal) -> str:
    return number_format(amount, 2, force_grouping=True)


def _per_cent(share: Decimal | None) -> str:
    return "–" if share is None else f"{share} %"


def paid_chart(year: int) -> Chart:
    schemes = _schemes()
    found = paid_per_month(year)
    bars = [
        (
            f"{row['month']:%Y-%m} {_short(row['scheme'])}",
            row["total"],
            _nok(row["total"]),
            schemes.index(row["scheme"]),
        )
        for row in found
    ]
    return bar_chart(
        "paid",
        _("Refunds paid per month and scheme (NOK)"),
        bars,
        head=[_("Month"), _("Scheme"), _("Refunds paid (NOK)")],
        rows=[
            [f"{row['month']:%Y-%m}", str(SCHEMES[row["scheme"]]), _nok(row["total"])]
            for row in found
        ],
        legend=[(i, str(SCHEMES[scheme])) for i, scheme in enumerate(schemes)],
    )


def status_chart(year: int) -> Chart:
    counts = claims_by_status(year)
    return bar_chart(
        "status",
        _("Claims by status"),
        [(str(ClaimStatus(s).label), Decimal(n), str(n), 0) for s, n in counts],
        head=[_("Status"), _("Claims")],
        rows=[[str(ClaimStatus(s).label), str(n)] for s, n in counts],
    )


def processing_chart(times: list[Processing]) -> Chart:
    target = Decimal(processing_target_days())
    return bar_chart(
        "processing",
        _("Median days from submission to decision"),
        [(_short(p.scheme), p.median_days or ZERO, _days(p.median_days), 0) for p in times],
        head=[_("Scheme"), _("Decided"), _("Median (days)"), _("Within the target")],
        rows=[
            [
                str(SCHEMES[p.scheme]),
                str(p.decided),
                _days(p.median_days),
                _per_cent(p.share_within_target),
            ]
            for p in times
        ],
        target=(target, _("Target: %(days)s days") % {"days": processing_target_days()}),
    )


def _days(days: Decimal | None) -> str:
    return "–" if days is None else f"{days.normalize():f}"


def shares_chart(shares: list[Shares]) -> Chart:
    bars: list[tuple[str, Decimal, str, int]] = []
    for row in shares:
        bars.append(
            (
                _("%(scheme)s: returned") % {"scheme": _short(row.scheme)},
                row.returned_share or ZERO,
                _per_cent(row.returned_share),
                0,
            )
        )
        bars.append(
            (
                _("%(scheme)s: appealed") % {"scheme": _short(row.scheme)},
                row.appealed_share or ZERO,
                _per_cent(row.appealed_share),
                1,
            )
        )
    return bar_chart(
        "shares",
        _("Returned and appealed claims (per cent of those submitted)"),
        bars,
        head=[_("Scheme"), _("Submitted"), _("Returned"), _("Appealed")],
        rows=[
            [
                str(SCHEMES[row.scheme]),
                str(row.submitted),
                f"{row.returned} ({_per_cent(row.returned_share)})",
                f"{row.appealed} ({_per_cent(row.appealed_share)})",
            ]
            for row in shares
        ],
        legend=[(0, _("Returned")), (1, _("Appealed"))],
    )


# The pages


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year_field = cast(forms.ChoiceField, self.fields["year"])
        year_field.choices = [(year, str(year)) for year in years]


class RangeForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(gettext_lazy("The start comes after the end."))
        return cleaned


def _years(this_year: int) -> list[int]:
    years = {day.year for day in Claim.objects.dates("submitted_on", "year")}
    return sorted(years | {this_year}, reverse=True)


@caseworker_required
def dashboard(request: HttpRequest) -> HttpResponse:
    this_year = clock.today().year
    years = _years(this_year)
    form = YearForm(request.GET or {"year": this_year}, years=years)
    year = form.cleaned_data["year"] if form.is_valid() else this_year
    times = processing_times(year)
    return render(
        request,
        "workspace/reports.html",
        {
            "form": form,
            "year": year,
            "target_days": processing_target_days(),
            "charts": [
                paid_chart(year),
                status_chart(year),
                processing_chart(times),
                shares_chart(returned_and_appealed(year)),
            ],
            "range_form": RangeForm(initial={"start": date(year, 1, 1), "end": date(year, 12, 31)}),
        },
    )


# The exports


class _Echo:
    """A file that hands back what is written to it, for ``csv.writer`` to stream through."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The CSV text, line by line: a byte-order mark and the header, then a line per row."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    yield BOM + cast(str, writer.writerow([spreadsheets.cell(title) for title in header]))
    for row in rows:
        yield cast(str, writer.writerow([spreadsheets.cell(value) for value in row]))


def _range(request: HttpRequest) -> tuple[date, date] | None:
    form = RangeForm(request.GET)
    if not form.is_valid():
        return None
    return form.cleaned_data["start"], form.cleaned_data["end"]


def _export(
    request: HttpRequest, name: str, span: tuple[date, date], lines: Iterator[str]
) -> HttpResponse:
    """Log the download, then stream ``lines`` as a CSV attachment. (Typed as an HttpResponse
    for ``caseworker_required``; Django serves either alike.)"""
    start, end = span
    audit(
        "workspace.report.exported",
        actor=cast(User, request.user),
        purpose=PURPOSE,
        export=name,
        start=start.isoformat(),
        end=end.isoformat(),
    )
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"{name}-{start.isoformat()}-{end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return cast(HttpResponse, response)


def _bad_range() -> HttpResponse:
    return HttpResponse(
        _("Give a start and an end date, the start first."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


RUNS_COLUMNS = (
    "run__reference",
    "run__scheme",
    "run__status",
    "end_to_end_id",
    "student__username",
    "gross_nok",
    "netted_nok",
    "amount_nok",
    "status",
    "status_reason_code",
    "status_reason",
)


def payment_rows(start: date, end: date) -> Iterator[list[Any]]:
    """A row per payment in the runs to be paid from ``start`` to ``end``."""
    payments = (
        Payment.objects.filter(run__execution_date__range=(start, end))
        .order_by("run__execution_date", "run__pk", "pk")
        .values_list(*RUNS_COLUMNS)
    )
    run_statuses = dict(RunStatus.choices)
    payment_statuses = dict(PaymentStatus.choices)
    for (
        ref,
        scheme,
        run_status,
        e2e,
        student,
        gross,
        netted,
        net,
        status,
        code,
        reason,
    ) in payments.iterator(chunk_size=2000):
        yield [
            ref,
            SCHEMES.get(scheme, scheme),
            run_statuses.get(run_status, run_status),
            e2e,
            student,
            gross,
            netted,
            net,
            payment_statuses.get(status, status),
            f"{code}: {reason}" if code else reason,
        ]


@caseworker_required
def runs_csv(request: HttpRequest) -> HttpResponse:
    span = _range(request)
    if span is None:
        return _bad_range()
    header = [
        _("Run"),
        _("Scheme"),
        _("Run status"),
        _("End-to-end id"),
        _("Student"),
        _("Refunds (NOK)"),
        _("Set off (NOK)"),
        _("Paid out (NOK)"),
        _("Payment status"),
        _("Bank's reason"),
    ]
    return _export(request, "payments", span, csv_lines(header, payment_rows(*span)))


def decision_rows(start: date, end: date, lang: str) -> Iterator[list[Any]]:
    """A row per decision made from ``start`` to ``end`` (superseded ones too), with what
    payments the bank has paid for it."""
    paid = (
        PaymentLine.objects.filter(
            decision=OuterRef("pk"), active=True, payment__status=PaymentStatus.PAID
        )
        .values("decision")
        .annotate(total=Sum("amount_nok"))
        .values("total")
    )
    money = DecimalField(max_digits=12, decimal_places=2)
    decisions = (
        Assessment.objects.filter(
            kind=AssessmentKind.DECISION, created_at__date__range=(start, end)
        )
        .annotate(
            paid_nok=Coalesce(Subquery(paid, output_field=money), Value(ZERO), output_field=money)
        )
        .order_by("created_at", "pk")
        .values_list(
            "claim__reference",
            "claim__scheme",
            "claim__period",
            "claim__submitted_on",
            TruncDate("created_at"),
            "outcome",
            "refund_nok",
            "decided_by__username",
            "paid_nok",
        )
    )
    for (
        ref,
        scheme,
        period,
        submitted,
        decided,
        outcome,
        refund,
        by,
        paid_nok,
    ) in decisions.iterator(chunk_size=2000):
        yield [
            ref,
            SCHEMES.get(scheme, scheme),
            period,
            submitted,
            decided,
            term(OUTCOMES, outcome, lang),
            refund,
            by,
            paid_nok,
        ]


@caseworker_required
def decisions_csv(request: HttpRequest) -> HttpResponse:
    span = _range(request)
    if span is None:
        return _bad_range()
    header = [
        _("Claim"),
        _("Scheme"),
        _("Period"),
        _("Submitted"),
        _("Decided"),
        _("Outcome"),
        _("Refund (NOK)"),
        _("Decided by"),
        _("Paid (NOK)"),
    ]
    rows = decision_rows(*span, rules_language())
    return _export(request, "decisions", span, csv_lines(header, rows))

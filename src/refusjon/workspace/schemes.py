"""The schemes in the workspace: each scheme's versions, a new version uploaded or edited, its
dry run (what it would change, claim by claim and in sum) and its approval.

Only administrators of the schemes (staff with ``claims.add_schemeversion``) reach these
pages. Views are thin: :mod:`refusjon.reassessment.services` checks again, and its refusals
become messages; a file's problems are listed on the form, each naming the key and the
problem.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import wraps
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from refusjon.claims.models import (
    SCHEME_CHOICES,
    SchemeVersion,
    SchemeVersionStatus,
    User,
)
from refusjon.claims.services import ClaimError, audit, record_views
from refusjon.reassessment import services
from refusjon.reassessment.services import MAX_FILE_BYTES, VersionProblems
from refusjon.rules.schemes import shipped_text

PAGE_SIZE = 100
PURPOSE = "scheme change"


def schemes_admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only administrators of the schemes reach these pages; anyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not services.can_change_schemes(cast(User, request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class VersionForm(forms.Form):
    effective_from = forms.DateField(
        label=gettext_lazy("In force for periods that start on or after"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=gettext_lazy("What changes"),
        max_length=300,
        help_text=gettext_lazy("A line for the people who read the history of the scheme."),
    )
    upload = forms.FileField(
        label=gettext_lazy("Upload the scheme file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,text/yaml"}),
    )
    text = forms.CharField(
        label=gettext_lazy("Or edit it here"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
    )

    def clean_upload(self) -> str:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return ""
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 256 KB."))
        try:
            return str(upload.read().decode("utf-8"))
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not text (UTF-8).")) from None

    def scheme_text(self) -> str:
        """The uploaded file if one was sent, else the text edited on the page."""
        return str(self.cleaned_data["upload"] or self.cleaned_data["text"])


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _scheme_or_404(scheme: str) -> str:
    if scheme not in dict(SCHEME_CHOICES):
        raise Http404
    return scheme


@schemes_admin_required
def schemes(request: HttpRequest) -> HttpResponse:
    """Every scheme with its versions, newest first."""
    versions = SchemeVersion.objects.select_related("created_by", "approved_by")
    by_scheme: dict[str, list[SchemeVersion]] = {}
    for version in versions:
        by_scheme.setdefault(version.scheme, []).append(version)
    rows = [
        {
            "scheme": scheme,
            "label": label,
            "versions": by_scheme.get(scheme, []),
        }
        for scheme, label in SCHEME_CHOICES
    ]
    return render(request, "workspace/schemes.html", {"rows": rows})


def _current_text(scheme: str) -> str:
    """What a new version starts from: the newest version not discarded, else the file the
    scheme ships with."""
    newest = (
        SchemeVersion.objects.filter(scheme=scheme)
        .exclude(status=SchemeVersionStatus.DISCARDED)
        .order_by("-number")
        .first()
    )
    return newest.text if newest else (shipped_text(scheme) or "")


@schemes_admin_required
def new_version(request: HttpRequest, scheme: str) -> HttpResponse:
    """Upload or edit a new version of the scheme; its problems, if any, are listed."""
    scheme = _scheme_or_404(scheme)
    label = dict(SCHEME_CHOICES)[scheme]
    problems: tuple[str, ...] = ()
    if request.method == "POST":
        form = VersionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                version = services.propose_version(
                    scheme,
                    text=form.scheme_text(),
                    effective_from=form.cleaned_data["effective_from"],
                    note=form.cleaned_data["note"],
                    by=_user(request),
                )
            except VersionProblems as error:
                problems = tuple(str(problem) for problem in error.problems)
            except ClaimError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Version %(number)d is kept as a draft. Its dry run is running.")
                    % {"number": version.number},
                )
                return redirect("workspace:scheme_version", scheme, version.number)
    else:
        form = VersionForm(initial={"text": _current_text(scheme)})
    context = {"form": form, "scheme": scheme, "label": label, "problems": problems}
    return render(request, "workspace/scheme_new.html", context, status=400 if problems else 200)


def _version(scheme: str, number: int) -> SchemeVersion:
    return get_object_or_404(
        SchemeVersion.objects.select_related("created_by", "approved_by"),
        scheme=_scheme_or_404(scheme),
        number=number,
    )


@schemes_admin_required
def version_page(request: HttpRequest, scheme: str, number: int) -> HttpResponse:
    """A version: what it is, its dry run in sum and claim by claim, and approving it. The
    claim by claim list is health data about students: looking at it is logged."""
    version = _version(scheme, number)
    changes = (
        version.changes.select_related("claim__applicant", "new_decision")
        .annotate(difference=F("new_refund_nok") - F("old_refund_nok"))
        .order_by("claim__reference")
    )
    page = Paginator(changes, PAGE_SIZE).get_page(request.GET.get("page"))
    audit(
        "schemes.version.viewed",
        actor=_user(request),
        purpose=PURPOSE,
        scheme=version.scheme,
        version=version.number,
        page=page.number,
    )
    record_views([change.claim for change in page], by=_user(request), purpose=PURPOSE)
    context = {
        "version": version,
        "label": dict(SCHEME_CHOICES)[version.scheme],
        "summary": _summary(version.summary),
        "applied": _summary(version.summary.get("applied", {})),
        "page": page,
        "running": version.checked_at is None and version.status == SchemeVersionStatus.DRAFT,
    }
    return render(request, "workspace/scheme_version.html", context)


def _summary(raw: dict[str, Any]) -> dict[str, Any] | None:
    """The stored summary with its amounts as numbers, for the template to format."""
    if not raw:
        return None
    money = ("more_nok", "less_nok", "back_payment_nok", "overpaid_nok")
    return {key: Decimal(value) if key in money else value for key, value in raw.items()}


@schemes_admin_required
def version_file(request: HttpRequest, scheme: str, number: int) -> HttpResponse:
    """The version's file, as it was uploaded or edited."""
    version = _version(scheme, number)
    response = HttpResponse(version.text, content_type="text/yaml; charset=utf-8")
    name = f"{version.scheme}-v{version.number}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@schemes_admin_required
@require_POST
def approve(request: HttpRequest, scheme: str, number: int) -> HttpResponse:
    version = _version(scheme, number)
    try:
        services.approve_version(version, by=_user(request))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Version %(number)d is in force for periods from %(date)s. The claims it "
                "changes are being decided again."
            )
            % {"number": version.number, "date": _day(version.effective_from)},
        )
    return redirect("workspace:scheme_version", version.scheme, version.number)


@schemes_admin_required
@require_POST
def discard(request: HttpRequest, scheme: str, number: int) -> HttpResponse:
    version = _version(scheme, number)
    try:
        services.discard_version(version, by=_user(request))
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Version %(number)d is discarded.") % {"number": number})
    return redirect("workspace:scheme_version", version.scheme, version.number)


def _day(day: date) -> str:
    return date_format(day)

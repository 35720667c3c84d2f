"""Upload and download of a claim's documents; views stay thin over intake's services."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from refusjon.claims.models import Attachment, Claim, User
from refusjon.claims.services import ClaimError, is_caseworker
from refusjon.intake import services
from refusjon.intake.errors import IntakeError
from refusjon.intake.forms import UploadForm


@login_required
@require_POST
def upload(request: HttpRequest, reference: str) -> HttpResponse:
    user = cast(User, request.user)
    claim = get_object_or_404(Claim, reference=reference, applicant=user)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("portal:claim", reference=reference)
    upload = form.cleaned_data["file"]
    language = form.cleaned_data["language"]
    try:
        services.attach_document(
            claim,
            by=user,
            data=upload.read(),
            filename=upload.name,
            document_type=form.cleaned_data["document_type"],
            language="xx" if language == "other" else language,
            shows_applicant_name=form.cleaned_data["shows_applicant_name"],
        )
    except (IntakeError, ClaimError) as error:
        messages.error(request, str(error))
    return redirect("portal:claim", reference=reference)


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    user = cast(User, request.user)
    attachment = get_object_or_404(Attachment.objects.select_related("claim"), pk=pk)
    if attachment.claim.applicant_id != user.pk and not is_caseworker(user):
        raise Http404
    document = services.open_document(attachment, by=user, purpose="case handling")
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'inline; filename="{document.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response

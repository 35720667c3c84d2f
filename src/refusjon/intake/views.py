"""Upload and download of a claim's documents; views stay thin over intake's services."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from refusjon.claims import offers
from refusjon.claims.models import Appeal, AppealStatus, Attachment, Claim, User
from refusjon.claims.services import ClaimError, is_caseworker
from refusjon.intake import services
from refusjon.intake.errors import IntakeError
from refusjon.intake.forms import UploadForm
from refusjon.web.pages import error_messages

PURPOSE = "case handling"

# What a browser shows by itself, in an <img> or in its own PDF viewer in a frame. Uploads are
# cleaned to these types; anything else is only ever downloaded.
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})

# A stored document is never a page of the site: it may load nothing, run nothing and submit
# nothing. The two exceptions are what the browser's own image view needs (the image itself
# and the inline style it centres it with); only a page of the site may frame it. (Chromium's
# PDF viewer works under this policy as it is; ``sandbox`` is left out, as some browsers will
# not show a PDF in a sandboxed document.)
INLINE_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


@login_required
@require_POST
def upload(request: HttpRequest, reference: str) -> HttpResponse:
    """A document for the student's own claim (a draft or returned one)."""
    user = cast(User, request.user)
    claim = get_object_or_404(Claim, reference=reference, applicant=user)
    kinds = offers.document_types(claim)
    _attach(request, kinds, lambda **fields: services.attach_document(claim, by=user, **fields))
    return redirect("portal:claim", reference=reference)


@login_required
@require_POST
def appeal_upload(request: HttpRequest, reference: str) -> HttpResponse:
    """A document for the student's appeal of their claim's decision, before it is sent."""
    user = cast(User, request.user)
    claim = get_object_or_404(Claim, reference=reference, applicant=user)
    appeal = get_object_or_404(Appeal, claim=claim, status=AppealStatus.DRAFT)
    kinds = offers.appeal_document_types(claim)
    _attach(
        request, kinds, lambda **fields: services.attach_appeal_document(appeal, by=user, **fields)
    )
    return redirect("portal:appeal", reference=reference)


def _attach(
    request: HttpRequest, kinds: tuple[str, ...], attach: Callable[..., Attachment]
) -> None:
    """Check the upload form and ``attach`` the file, as received (it is not read into memory
    here); every problem the request can see becomes a message, and the job's check shows on
    the claim page."""
    form = UploadForm(request.POST, request.FILES, document_types=kinds)
    if not form.is_valid():
        for message in error_messages(form):
            messages.error(request, message)
        return
    upload = form.cleaned_data["file"]
    language = form.cleaned_data["language"]
    try:
        attach(
            data=upload,
            filename=upload.name or "",
            document_type=form.cleaned_data["document_type"],
            language="xx" if language == "other" else language,
            shows_applicant_name=form.cleaned_data["shows_applicant_name"],
        )
    except (IntakeError, ClaimError) as error:
        messages.error(request, str(error))


def _open(request: HttpRequest, pk: int, *, inline: bool) -> services.OpenedDocument:
    """The document, for the student whose claim it is or a caseworker; 404 for anyone else
    (whether the document exists is nobody else's business), for a file that is gone, and for
    one not checked (being checked, or refused): only a checked file is ever given out."""
    user = cast(User, request.user)
    attachment = get_object_or_404(Attachment.objects.select_related("claim"), pk=pk)
    if attachment.claim.applicant_id != user.pk and not is_caseworker(user):
        raise Http404
    if inline and attachment.content_type not in INLINE_TYPES:
        raise Http404
    try:
        return services.open_document(attachment, by=user, purpose=PURPOSE, inline=inline)
    except FileNotFoundError:
        raise Http404 from None


def _document_response(
    document: services.OpenedDocument, *, policy: str, as_attachment: bool
) -> HttpResponse:
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(
        document.name, as_attachment=as_attachment
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = policy
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    return response


def content_disposition(name: str, *, as_attachment: bool) -> str:
    """The header for a document offered as ``name``: a plain ASCII ``filename`` for old
    browsers and the name itself, percent-encoded, as ``filename*`` (RFC 6266). Nothing in
    either can end the header or add a parameter."""
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_.") or "document"
    encoded = quote(name, safe="")
    disposition = "attachment" if as_attachment else "inline"
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    """The document as a file to save: the browser does not show it as a page of the site."""
    document = _open(request, pk, inline=False)
    return _document_response(document, policy="default-src 'none'; sandbox", as_attachment=True)


@login_required
@require_GET
@xframe_options_sameorigin
def inline(request: HttpRequest, pk: int) -> HttpResponse:
    """The document as the workspace's viewer shows it beside the lines: in a frame or an
    image of a page of this site, and logged as a look like a download."""
    document = _open(request, pk, inline=True)
    return _document_response(document, policy=INLINE_POLICY, as_attachment=False)

"""Upload and download of a claim's documents; views stay thin over intake's services."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from refusjon.claims import offers
from refusjon.claims.models import Appeal, AppealStatus, Attachment, Claim, User
from refusjon.claims.services import ClaimError, is_caseworker
from refusjon.intake import highlights, readings, services
from refusjon.intake.errors import IntakeError
from refusjon.intake.forms import FoundLineForm, UploadForm
from refusjon.intake.models import ReadLine
from refusjon.intake.templatetags.documents_read import found_context
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


def _own_claim(request: HttpRequest, reference: str) -> Claim:
    return get_object_or_404(Claim, reference=reference, applicant=cast(User, request.user))


def _back_to_found(reference: str) -> HttpResponse:
    return redirect(reverse("portal:claim", kwargs={"reference": reference}) + "#found")


@login_required
@require_GET
def found_lines(request: HttpRequest, reference: str) -> HttpResponse:
    """The student's "Lines found in your documents", for htmx to draw again while a document
    is read and after a change of the claim; without htmx, the claim page shows it. Once a
    reading it waited for is done, ``claim-changed`` has the estimate count what it found."""
    claim = _own_claim(request, reference)
    if request.headers.get("HX-Request") != "true":
        return _back_to_found(reference)
    context = found_context(request, claim, editable=True)
    response = render(request, "intake/found_lines.html", context)
    if request.GET.get("was_pending") and not context["reading"].waiting:
        response["HX-Trigger"] = "claim-changed"
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def add_found(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    """Add a fee read from one of the claim's documents as an expense line, as read or as the
    student changed it."""
    user = cast(User, request.user)
    claim = _own_claim(request, reference)
    read_line = get_object_or_404(
        ReadLine.objects.select_related("reading__attachment__claim"),
        pk=pk,
        reading__attachment__claim=claim,
    )
    form = FoundLineForm(request.POST, categories=offers.categories(claim))
    if not form.is_valid():
        for message in error_messages(form):
            messages.error(request, message)
        return _back_to_found(reference)
    try:
        line = readings.add_found_line(read_line, by=user, **form.cleaned_data)
    except ClaimError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Expense %(number)s was added from your document.") % {"number": line.number}
        )
    return _back_to_found(reference)


@login_required
@require_POST
def state_name(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    """The student says their name is on a document on which none could be read."""
    claim = _own_claim(request, reference)
    attachment = get_object_or_404(Attachment, pk=pk, claim=claim)
    try:
        readings.state_name_on_document(attachment, by=cast(User, request.user))
    except ClaimError as error:
        messages.error(request, str(error))
    return _back_to_found(reference)


@login_required
@require_GET
def highlight(request: HttpRequest, pk: int) -> HttpResponse:
    """The page of a document on which a fee was read, as an image with the fee's box drawn:
    for the caseworker beside the line (and the student whose claim it is), logged as a look
    at the document with the page shown."""
    user = cast(User, request.user)
    read_line = get_object_or_404(
        ReadLine.objects.select_related("reading__attachment__claim"), pk=pk
    )
    attachment = read_line.reading.attachment
    if attachment.claim.applicant_id != user.pk and not is_caseworker(user):
        raise Http404
    if not read_line.has_box or attachment.content_type not in INLINE_TYPES:
        raise Http404
    try:
        document = services.open_document(
            attachment, by=user, purpose=PURPOSE, inline=True, page=read_line.page
        )
        png = highlights.page_with_box(document.content, document.content_type, read_line)
    except (FileNotFoundError, highlights.CannotDraw):
        raise Http404 from None
    shown = services.OpenedDocument(png, "image/png", f"page-{read_line.page}.png")
    return _document_response(shown, policy=INLINE_POLICY, as_attachment=False)

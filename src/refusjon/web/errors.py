"""The site's own answer to a request it cannot read, in its layout and the reader's language
(Django's default is a bare "Bad Request (400)" in English).

The usual cause a person meets is an upload whose parts Django's multipart parser refuses: a
file's name so long (300 emoji are 1,200 bytes) that the part's headers pass the parser's
limit. The request never reaches the upload view (the CSRF check reads the form first), so it
is answered here: back to the page the upload came from, with a message that says what to do.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext as _

# Where each upload form lives: the page a refused upload goes back to.
UPLOAD_PAGES = {"intake:upload": "portal:claim", "intake:appeal_upload": "portal:appeal"}


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: an unreadable upload goes back to its page with a message; anything else
    gets the site's page saying the request could not be read."""
    unreadable_form = isinstance(exception, MultiPartParserError)
    back = _upload_page(request) if unreadable_form else None
    if back is not None:
        messages.error(request, unreadable_upload_message(), fail_silently=True)
        return redirect(back)
    return render(request, "400.html", {"unreadable_form": unreadable_form}, status=400)


def unreadable_upload_message() -> str:
    return _(
        "The file could not be received: its name is too long or has characters that cannot "
        "be used. Give the file a short name (such as receipt.pdf) and upload it again."
    )


def _upload_page(request: HttpRequest) -> str | None:
    """The page of the upload form the request was posted from, for a signed-in person."""
    user = getattr(request, "user", None)
    if request.method != "POST" or user is None or not user.is_authenticated:
        return None
    try:
        match = resolve(request.path_info)
        page = UPLOAD_PAGES.get(match.view_name)
        return reverse(page, kwargs=match.kwargs) if page else None
    except (Resolver404, NoReverseMatch):
        return None

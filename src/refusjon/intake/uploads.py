"""Upload checks: what a student attaches is a PDF, JPEG or PNG, and is stored cleaned.

The kind is read from the first bytes of the file, never from its name or the content type the
browser sent. Images are decoded and encoded again from their pixels, PDFs are rebuilt page by
page, so what is stored is what shows, and nothing that was hidden in the file or could act.

The checks come in two parts: :func:`quick_check` (size and kind, from the size and the first
bytes alone) answers the student at once, in the request; :func:`check_upload` (all of it,
decoding included) runs in a background job (:mod:`refusjon.intake.checks`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from refusjon.intake import images, pdfs
from refusjon.intake.bounds import MAX_UPLOAD_BYTES, DecodingLimits
from refusjon.intake.errors import EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, IntakeError

Kind = Literal["pdf", "jpeg", "png"]

MAGIC: dict[Kind, bytes] = {
    "pdf": b"%PDF-",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
}
CONTENT_TYPES: dict[Kind, str] = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
EXTENSIONS: dict[Kind, str] = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png"}

# The largest file intake takes (the upload form refuses a larger one from its size alone).
MAX_BYTES = MAX_UPLOAD_BYTES
# The bounds of decoding when none are given (the job gives those of the settings).
DEFAULT_LIMITS = DecodingLimits()
# Enough of a file's start to tell its kind (the longest magic bytes).
HEAD_BYTES = max(len(magic) for magic in MAGIC.values())

MAX_STEM_LENGTH = 80
FALLBACK_STEM = "document"
# Names Windows keeps for devices, whatever the extension: a download is not to be saved so.
RESERVED_STEMS = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{port}{n}" for port in ("COM", "LPT") for n in range(10)}
)


@dataclass(frozen=True, slots=True)
class CheckedUpload:
    """A file that passed the checks, as it is to be stored.

    ``content`` is the cleaned file (not the upload), and ``sha256`` is its hex digest.
    ``pages`` is set for a PDF, ``width`` and ``height`` (upright, in pixels) for an image.
    """

    kind: Kind
    content: bytes = field(repr=False)
    content_type: str
    suggested_name: str
    sha256: str
    pages: int | None = None
    width: int | None = None
    height: int | None = None


def check_upload(
    data: bytes,
    *,
    filename: str,
    max_bytes: int = MAX_BYTES,
    limits: DecodingLimits = DEFAULT_LIMITS,
) -> CheckedUpload:
    """Check an uploaded file and return what to store, or raise ``IntakeError``.

    ``filename`` is the name the student's device gave; it only suggests the stored name.
    ``limits`` bound what decoding it may unpack to.
    """
    check_size(len(data), max_bytes=max_bytes)
    kind = sniff_kind(data)
    name = suggested_name(filename, kind)
    if kind == "pdf":
        pdf = pdfs.rewrite_pdf(data, limits=limits)
        return _checked(kind, pdf.content, name, pages=pdf.pages)
    image = images.reencode_image(data, kind=kind, limits=limits)
    return _checked(kind, image.content, name, width=image.width, height=image.height)


def quick_check(*, size: int, head: bytes, max_bytes: int = MAX_BYTES) -> Kind:
    """The checks an upload gets at once, from its ``size`` and its first bytes alone (``head``,
    at least ``HEAD_BYTES`` of them): not empty, not too large, and a kind intake takes (which
    is returned)."""
    check_size(size, max_bytes=max_bytes)
    return sniff_kind(head)


def check_size(size: int, *, max_bytes: int) -> None:
    """Refuse an empty file, and one larger than ``max_bytes``, before reading any of it."""
    if not size:
        raise IntakeError(
            _("The file is empty. Please choose the file again, or upload another scan or photo."),
            code=EMPTY,
        )
    if size > max_bytes:
        message = _("The file is larger than {limit}. Please upload a smaller scan or photo.")
        raise IntakeError(format_lazy(message, limit=human_size(max_bytes)), code=TOO_LARGE)


def sniff_kind(data: bytes) -> Kind:
    """The kind of file its first bytes say it is; anything but PDF, JPEG and PNG is refused."""
    for kind, magic in MAGIC.items():
        if data.startswith(magic):
            return kind
    raise IntakeError(
        _(
            "This type of file cannot be used. "
            "Please upload a PDF, or a photo or scan saved as JPEG or PNG."
        ),
        code=UNSUPPORTED_TYPE,
    )


def suggested_name(filename: str, kind: Kind) -> str:
    """A safe name to offer for download: the upload's own stem, the real extension. (Files
    are stored under a random name: ``refusjon.claims.models.attachment_path``.)

    Folders are dropped (``C:\\fakepath\\...``), and so is the extension the name claimed.
    Letters of any script and digits stay; every other run of characters (spaces, dots,
    slashes, control and direction marks) becomes one hyphen.
    """
    base = re.split(r"[\\/]", filename)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    stem = unicodedata.normalize("NFKC", stem)
    safe = "".join(ch if ch.isalnum() or ch in "-_" else " " for ch in stem)
    safe = re.sub(r"[\s-]+", "-", safe.strip()).strip("-_")[:MAX_STEM_LENGTH].rstrip("-_")
    if safe.upper() in RESERVED_STEMS:
        safe = f"{safe}-{FALLBACK_STEM}"
    return (safe or FALLBACK_STEM) + EXTENSIONS[kind]


def kind_of(content_type: str) -> Kind | None:
    """The kind a stored file's content type says, if it is one intake takes."""
    for kind, known in CONTENT_TYPES.items():
        if known == content_type:
            return kind
    return None


def human_size(size: int) -> str:
    """A byte count as a student reads it: ``10 MB``, ``1.5 MB``, ``200 kB``, ``100 bytes``."""
    for unit, factor in (("MB", 1024 * 1024), ("kB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _checked(
    kind: Kind,
    content: bytes,
    name: str,
    *,
    pages: int | None = None,
    width: int | None = None,
    height: int | None = None,
) -> CheckedUpload:
    return CheckedUpload(
        kind=kind,
        content=content,
        content_type=CONTENT_TYPES[kind],
        suggested_name=name,
        sha256=hashlib.sha256(content).hexdigest(),
        pages=pages,
        width=width,
        height=height,
    )

"""PDFs: parsed with pypdf and rebuilt page by page into a new document.

Only the pages are carried over, so nothing that hangs off the document survives: JavaScript
(``/Names /JavaScript``), ``/OpenAction``, additional actions (``/AA``), embedded files,
forms and XFA (``/AcroForm``), outlines, document information and XMP metadata.

Each page keeps only what draws it (``KEPT_PAGE_KEYS``): its own ``/AA`` and metadata go.
Annotations are rebuilt as what they show: those that exist to act or to carry content (links,
file attachments, sound, movies, screens, rich media, 3D) are dropped whole; the rest (notes,
highlights, stamps, ink, and form fields, whose filled-in values are visible) keep only
``KEPT_ANNOTATION_KEYS``, so no action (``/A``, ``/AA``) and no form field (``/Parent``)
comes with them.

A PDF encrypted with an empty user password (one that limits printing or copying, which the
student's reader opens without asking) is opened, and stored without the encryption; one that
needs a password to open is refused.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from pypdf import PageObject, PasswordType, PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from refusjon.intake.errors import CORRUPT, ENCRYPTED_PDF, NO_PAGES, TOO_MANY_PAGES, IntakeError

KEPT_PAGE_KEYS = frozenset(
    {
        "/Type",
        "/Resources",
        "/Contents",
        "/MediaBox",
        "/CropBox",
        "/BleedBox",
        "/TrimBox",
        "/ArtBox",
        "/Rotate",
        "/UserUnit",
        "/Group",
    }
)
SHOWN_ANNOTATIONS = frozenset(
    {
        "/Text",
        "/FreeText",
        "/Line",
        "/Square",
        "/Circle",
        "/Polygon",
        "/PolyLine",
        "/Highlight",
        "/Underline",
        "/Squiggly",
        "/StrikeOut",
        "/Caret",
        "/Ink",
        "/Stamp",
        "/Watermark",
        "/Widget",
    }
)
KEPT_ANNOTATION_KEYS = frozenset(
    {
        "/Type",
        "/Subtype",
        "/Rect",
        "/Contents",
        "/NM",
        "/M",
        "/F",
        "/AP",
        "/AS",
        "/Border",
        "/BS",
        "/BE",
        "/C",
        "/IC",
        "/CA",
        "/T",
        "/Subj",
        "/CreationDate",
        "/Name",
        "/QuadPoints",
        "/InkList",
        "/Vertices",
        "/L",
        "/LE",
        "/RD",
        "/DA",
        "/DS",
        "/Q",
        "/CL",
        "/MK",
    }
)
# What can act or carry a file may also sit deeper, in a dictionary a kept entry leads to (a
# malformed file can point anywhere, even back to its catalog); it is dropped at every depth.
ACTIVE_KEYS = (
    "/A",
    "/AA",
    "/JS",
    "/JavaScript",
    "/OpenAction",
    "/Names",
    "/AcroForm",
    "/EmbeddedFiles",
    "/EF",
    "/AF",
    "/Annots",
)
# An annotation's links to other objects (its form field, page, popup, the note it answers).
ANNOTATION_LINKS = ("/Parent", "/P", "/Popup", "/IRT")

# pypdf lets more than its own errors escape on a malformed file.
_PARSING_ERRORS = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
)


@dataclass(frozen=True, slots=True)
class CleanPdf:
    """A PDF rebuilt from the pages of an upload."""

    content: bytes
    pages: int


def rewrite_pdf(data: bytes, *, max_pages: int) -> CleanPdf:
    """The pages of the PDF in ``data``, in a new document with nothing that can act."""
    try:
        reader = _opened(data)
        pages = _counted_pages(reader, max_pages=max_pages)
        content = _rebuilt(reader)
        _check_readable(content, pages=pages)
    except _PARSING_ERRORS:
        raise _unreadable() from None
    return CleanPdf(content=content, pages=pages)


def _opened(data: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not _opens_without_password(reader):
        raise IntakeError(
            _(
                "The PDF is protected with a password. Please upload a copy without a password, "
                "for example by printing it to a new PDF."
            ),
            code=ENCRYPTED_PDF,
        )
    return reader


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except PyPdfError:  # an encryption pypdf cannot undo without optional packages
        return False


def _counted_pages(reader: PdfReader, *, max_pages: int) -> int:
    pages = len(reader.pages)
    if pages == 0:
        raise IntakeError(
            _("The PDF has no pages. Please upload another copy of the document."),
            code=NO_PAGES,
        )
    if pages > max_pages:
        message = _(
            "The PDF has {pages} pages, and at most {limit} can be uploaded. "
            "Please upload only the pages that belong to this claim."
        )
        raise IntakeError(format_lazy(message, pages=pages, limit=max_pages), code=TOO_MANY_PAGES)
    return pages


def _rebuilt(reader: PdfReader) -> bytes:
    writer = PdfWriter()
    for page in reader.pages:
        copy = writer.add_page(_bare(page), excluded_keys=ACTIVE_KEYS)
        for annotation in _shown_annotations(page):
            writer.add_annotation(copy, _inert_copy(annotation, writer))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _bare(page: PageObject) -> PageObject:
    """A new page with only the entries that draw ``page`` (inherited ones included)."""
    bare = PageObject(pdf=page.pdf)
    for key in sorted(KEPT_PAGE_KEYS & page.keys()):  # sorted: the same upload, the same bytes
        bare[NameObject(key)] = page.raw_get(key)
    return bare


def _shown_annotations(page: PageObject) -> list[DictionaryObject]:
    annotations = page.get("/Annots")
    if not isinstance(annotations, ArrayObject):
        return []
    shown = []
    for reference in annotations:
        annotation = reference.get_object()
        if isinstance(annotation, DictionaryObject) and (
            annotation.get("/Subtype") in SHOWN_ANNOTATIONS
        ):
            shown.append(annotation)
    return shown


def _inert_copy(annotation: DictionaryObject, writer: PdfWriter) -> DictionaryObject:
    """The annotation's look (``KEPT_ANNOTATION_KEYS``), cloned into ``writer``, and no more."""
    dropped = ACTIVE_KEYS + ANNOTATION_LINKS
    copy = DictionaryObject()
    for key, value in annotation.items():
        if key in KEPT_ANNOTATION_KEYS:
            copy[NameObject(key)] = value.clone(writer, ignore_fields=dropped)
    return copy


def _check_readable(content: bytes, *, pages: int) -> None:
    """The rebuilt PDF opens, with every page; otherwise the upload was not sound."""
    if len(PdfReader(io.BytesIO(content)).pages) != pages:
        raise _unreadable()


def _unreadable() -> IntakeError:
    return IntakeError(
        _(
            "The PDF could not be read; the file may be damaged or incomplete. "
            "Please save or download it again, and upload the new copy."
        ),
        code=CORRUPT,
    )

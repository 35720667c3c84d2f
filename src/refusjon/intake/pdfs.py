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

Nothing is copied packed as it came: every stream the new document keeps is unpacked within
bounds and packed again (:mod:`~refusjon.intake.pdfstreams`), and a page larger than
``pdf_max_page_cm`` is refused, so a small file cannot unpack to a large one in the worker or
in a caseworker's viewer (``DecodingLimits``; docs/security/uploads.md).

A PDF encrypted with an empty user password (one that limits printing or copying, which the
student's reader opens without asking) is opened, and stored without the encryption; one that
needs a password to open is refused.
"""

from __future__ import annotations

import io
from contextlib import AbstractContextManager
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from pypdf import PageObject, PasswordType, PdfReader, PdfWriter, apply_configuration
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.errors import (
    CORRUPT,
    ENCRYPTED_PDF,
    NO_PAGES,
    PAGE_TOO_LARGE,
    TOO_MANY_PAGES,
    IntakeError,
    figure,
)
from refusjon.intake.pdfstreams import check_page_pictures, repack_streams, too_much_content

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

PAGE_BOXES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
CM_PER_POINT = 2.54 / 72

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


def rewrite_pdf(data: bytes, *, limits: DecodingLimits) -> CleanPdf:
    """The pages of the PDF in ``data``, in a new document with nothing that can act and
    nothing packed that was not unpacked within ``limits``."""
    try:
        with _pypdf_bounded(limits):
            reader = _opened(data)
            pages = _counted_pages(reader, max_pages=limits.max_pages)
            _check_page_sizes(reader, max_cm=limits.pdf_max_page_cm)
            content = _rebuilt(reader, limits)
            _check_readable(content, pages=pages)
    except LimitReachedError:
        raise too_much_content(limits.pdf_max_stream_bytes) from None
    except _PARSING_ERRORS:
        raise _unreadable() from None
    return CleanPdf(content=content, pages=pages)


def _pypdf_bounded(limits: DecodingLimits) -> AbstractContextManager[object]:
    """pypdf's own unpacking (of the streams that hold the file's objects and cross-reference
    table, while it reads) held to the bound of one stream."""
    bound = limits.pdf_max_stream_bytes
    return apply_configuration(
        zlib_maximum_output_length=bound,
        lzw_maximum_output_length=bound,
        run_length_maximum_output_length=bound,
        jbig2_maximum_output_length=bound,
        brotli_maximum_output_length=bound,
        array_based_stream_maximum_output_length=bound,
        image_maximum_buffer_size=bound,
    )


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


def _check_page_sizes(reader: PdfReader, *, max_cm: float) -> None:
    """Every box of every page, in ``/UserUnit``s, no longer than ``max_cm`` on either side."""
    for page in reader.pages:
        unit = page.user_unit
        for key in PAGE_BOXES & page.keys():
            box = page[key]
            if not isinstance(box, ArrayObject) or len(box) != 4:
                raise _unreadable()
            x1, y1, x2, y2 = (float(value.get_object()) * unit * CM_PER_POINT for value in box)
            if not max(abs(x2 - x1), abs(y2 - y1)) <= max_cm:  # not ``>``: NaN is refused too
                raise _page_too_large(max_cm)


def _rebuilt(reader: PdfReader, limits: DecodingLimits) -> bytes:
    writer = PdfWriter()
    for page in reader.pages:
        copy = writer.add_page(_bare(page), excluded_keys=ACTIVE_KEYS)
        for annotation in _shown_annotations(page):
            writer.add_annotation(copy, _inert_copy(annotation, writer))
    # Every object the new document holds, streams included (pypdf has no public list of them).
    repack_streams(writer._objects, limits)
    for page in writer.pages:
        check_page_pictures(page, max_pixels=limits.pdf_max_page_pixels)
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


def _page_too_large(max_cm: float) -> IntakeError:
    message = _(
        "A page of the PDF is larger than {limit} cm on a side. Please save it again with the "
        "document's own page size, or upload a photo or scan of the document instead."
    )
    return IntakeError(format_lazy(message, limit=figure(max_cm)), code=PAGE_TOO_LARGE)


def _unreadable() -> IntakeError:
    return IntakeError(
        _(
            "The PDF could not be read; the file may be damaged or incomplete. "
            "Please save or download it again, and upload the new copy."
        ),
        code=CORRUPT,
    )

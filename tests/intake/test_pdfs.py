"""PDFs are stored rebuilt from their pages: what shows stays, nothing that can act does."""

from __future__ import annotations

import io
from typing import Any, cast

import pytest
from django.utils import translation
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.errors import IntakeError
from refusjon.intake.uploads import check_upload

from .files import (
    appearance,
    blank_pdf,
    indirect,
    javascript,
    launch,
    pdf,
    pdf_with_text,
    rect,
)

SCRIPT = "app.alert('stealing your cookies')"


def stored(data: bytes, **limits: Any) -> tuple[bytes, PdfReader]:
    upload = check_upload(data, filename="receipt.pdf", limits=DecodingLimits(**limits))
    return upload.content, PdfReader(io.BytesIO(upload.content))


def refusal(data: bytes, **limits: Any) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        check_upload(data, filename="receipt.pdf", limits=DecodingLimits(**limits))
    return caught.value


def annotations_of(reader: PdfReader) -> list[DictionaryObject]:
    """The annotations of the first page."""
    return [cast(DictionaryObject, ref.get_object()) for ref in reader.pages[0].annotations or []]


def english(error: IntakeError) -> str:
    with translation.override("en"):
        return str(error)


def with_document_javascript(writer: PdfWriter) -> PdfWriter:
    """JavaScript run when the document opens, both ways a PDF can say so."""
    names = ArrayObject([TextStringObject("steal"), javascript(SCRIPT)])
    writer.root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})}
    )
    writer.root_object[NameObject("/OpenAction")] = javascript(SCRIPT)
    writer.root_object[NameObject("/AA")] = DictionaryObject(
        {NameObject("/WC"): javascript(SCRIPT)}
    )
    return writer


# What shows stays


def test_the_pages_and_their_text_are_kept() -> None:
    _, reader = stored(pdf(pdf_with_text("Tannlege 1200 NOK")))

    assert len(reader.pages) == 1
    assert "Tannlege 1200 NOK" in reader.pages[0].extract_text()


def test_the_page_size_and_rotation_are_kept() -> None:
    writer = blank_pdf(pages=2)
    writer.pages[1].rotate(90)

    _, reader = stored(pdf(writer))

    assert [page.mediabox.width for page in reader.pages] == [595, 595]
    assert [page.rotation for page in reader.pages] == [0, 90]


def test_a_note_on_a_page_is_kept_as_it_shows() -> None:
    writer = blank_pdf()
    note = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): rect(10, 10, 30, 30),
            NameObject("/Contents"): TextStringObject("Paid by card"),
            NameObject("/AA"): DictionaryObject({NameObject("/E"): javascript(SCRIPT)}),
        }
    )
    writer.add_annotation(0, note)

    content, reader = stored(pdf(writer))

    annotations = annotations_of(reader)
    assert [(str(a["/Subtype"]), str(a["/Contents"])) for a in annotations] == [
        ("/Text", "Paid by card")
    ]
    assert "/AA" not in annotations[0]
    assert b"stealing" not in content


# Nothing that can act survives


def test_document_javascript_and_open_actions_are_not_stored() -> None:
    content, reader = stored(pdf(with_document_javascript(blank_pdf())))

    assert not {"/Names", "/OpenAction", "/AA"} & reader.root_object.keys()
    assert b"/JavaScript" not in content
    assert b"stealing" not in content


def test_embedded_files_are_not_stored() -> None:
    writer = blank_pdf()
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 a program")

    content, reader = stored(pdf(writer))

    assert reader.attachments == {}
    assert "/Names" not in reader.root_object
    assert b"/EmbeddedFile" not in content
    assert b"invoice.exe" not in content


def test_forms_and_xfa_are_not_stored() -> None:
    writer = blank_pdf()
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject(),
            NameObject("/XFA"): TextStringObject(f"<xdp><script>{SCRIPT}</script></xdp>"),
        }
    )

    content, reader = stored(pdf(writer))

    assert "/AcroForm" not in reader.root_object
    assert b"/XFA" not in content
    assert b"stealing" not in content


def test_page_actions_are_not_stored() -> None:
    writer = blank_pdf()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): javascript(SCRIPT)})

    content, reader = stored(pdf(writer))

    assert "/AA" not in reader.pages[0]
    assert b"stealing" not in content


def test_links_are_not_stored() -> None:
    writer = blank_pdf()
    for action in (launch("C:\\Windows\\System32\\cmd.exe"), javascript(SCRIPT)):
        link = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): rect(0, 0, 595, 842),
                NameObject("/A"): action,
            }
        )
        writer.add_annotation(0, link)

    content, reader = stored(pdf(writer))

    assert annotations_of(reader) == []
    assert b"/Launch" not in content
    assert b"cmd.exe" not in content
    assert b"stealing" not in content


def test_nothing_that_can_act_comes_along_through_an_odd_reference_from_a_page() -> None:
    writer = with_document_javascript(blank_pdf())
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 a program")
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): javascript(SCRIPT)})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Odd"): writer.root_object.indirect_reference}
    )

    content, _ = stored(pdf(writer))

    assert b"stealing" not in content
    assert b"invoice.exe" not in content


def test_a_form_field_keeps_its_look_and_loses_its_actions() -> None:
    writer = blank_pdf()
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("amount"),
            NameObject("/AA"): DictionaryObject({NameObject("/K"): javascript(SCRIPT)}),
        }
    )
    widget = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): rect(72, 700, 200, 720),
            NameObject("/AP"): DictionaryObject({NameObject("/N"): appearance(writer)}),
            NameObject("/A"): launch("calc.exe"),
            NameObject("/Parent"): indirect(writer, field),
        }
    )
    writer.add_annotation(0, widget)

    content, reader = stored(pdf(writer))

    (kept,) = annotations_of(reader)
    assert str(kept["/Subtype"]) == "/Widget" and "/AP" in kept
    assert not {"/A", "/AA", "/Parent"} & kept.keys()
    assert b"stealing" not in content
    assert b"calc.exe" not in content


def test_document_information_is_not_carried_over() -> None:
    writer = blank_pdf()
    writer.add_metadata({"/Author": "Someone else", "/Title": "Private notes"})

    content, _ = stored(pdf(writer))

    assert b"Someone else" not in content
    assert b"Private notes" not in content


# Refused


def test_a_pdf_that_needs_a_password_to_open_is_refused_as_encrypted() -> None:
    writer = blank_pdf()
    writer.encrypt(user_password="secret", owner_password="owner")

    error = refusal(pdf(writer))

    assert error.code == "encrypted-pdf"
    assert "password" in english(error)


def test_a_pdf_that_opens_without_a_password_is_stored_without_its_encryption() -> None:
    writer = pdf_with_text("Apotek 349 NOK")
    writer.encrypt(user_password="", owner_password="owner")  # limits printing, say

    _, reader = stored(pdf(writer))

    assert not reader.is_encrypted
    assert "Apotek 349 NOK" in reader.pages[0].extract_text()


def test_a_pdf_with_more_pages_than_the_limit_is_refused_and_says_the_limit() -> None:
    error = refusal(pdf(blank_pdf(pages=3)), max_pages=2)

    assert error.code == "too-many-pages"
    assert "3 pages" in english(error) and "2" in english(error)


def test_a_pdf_at_the_page_limit_is_accepted() -> None:
    _, reader = stored(pdf(blank_pdf(pages=2)), max_pages=2)

    assert len(reader.pages) == 2


def test_the_default_page_limit_is_50() -> None:
    assert "50" in english(refusal(pdf(blank_pdf(pages=51))))


def test_a_pdf_without_pages_is_refused() -> None:
    assert refusal(pdf(PdfWriter())).code == "no-pages"


def test_a_truncated_pdf_is_refused_as_corrupt() -> None:
    whole = pdf(pdf_with_text("Fysioterapeut 450 NOK"))

    assert refusal(whole[: len(whole) // 3]).code == "corrupt"


@pytest.mark.parametrize(
    "garbage",
    [
        b"%PDF-1.7\n",
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
    ],
    ids=["header-only", "noise", "no-page-tree"],
)
def test_garbage_after_a_pdf_header_is_refused_as_corrupt(garbage: bytes) -> None:
    error = refusal(garbage)

    assert error.code == "corrupt"
    assert "PDF" in english(error)

"""Real files made for the tests: images with Pillow, PDFs with pypdf."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    PdfObject,
    TextStringObject,
)


def image_bytes(image: Image.Image, format: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def png(size: tuple[int, int] = (20, 10), mode: str = "RGB", **options: Any) -> bytes:
    return image_bytes(Image.new(mode, size, "white" if mode != "1" else 1), "PNG", **options)


def jpeg(size: tuple[int, int] = (20, 10), mode: str = "RGB", **options: Any) -> bytes:
    return image_bytes(Image.new(mode, size), "JPEG", **options)


def halves(size: tuple[int, int], left: str, right: str) -> Image.Image:
    """An image whose left half is one colour and right half another, to tell its sides apart."""
    image = Image.new("RGB", size, left)
    image.paste(right, (size[0] // 2, 0, size[0], size[1]))
    return image


def noisy(size: tuple[int, int]) -> Image.Image:
    """An image that does not compress to nothing, so cutting the file loses pixels."""
    return Image.frombytes("RGB", size, bytes(i * 7919 % 251 for i in range(size[0] * size[1] * 3)))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a size in its header and has no pixels at all."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def pdf(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_pdf(pages: int = 1) -> PdfWriter:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return writer


def pdf_with_text(text: str) -> PdfWriter:
    """One A4 page that shows ``text`` in Helvetica."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 770 Td ({text}) Tj ET".encode("latin-1"))
    page.replace_contents(ContentStream(content, writer))
    return writer


def javascript(code: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(code),
        }
    )


def launch(path: str) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject(path)}
    )


def indirect(writer: PdfWriter, obj: PdfObject) -> IndirectObject:
    """``obj`` as an object of its own in ``writer`` (pypdf has no public call for this)."""
    return writer._add_object(obj)


def appearance(writer: PdfWriter) -> IndirectObject:
    """A form XObject, as the look of a filled-in form field is: a blue box."""
    stream = DecodedStreamObject()
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Form")
    stream[NameObject("/BBox")] = rect(0, 0, 128, 20)
    stream.set_data(b"0 0 1 rg 0 0 128 20 re f")
    return indirect(writer, stream)


def rect(*corners: float) -> ArrayObject:
    return ArrayObject(FloatObject(value) for value in corners)


def zip_archive_tail() -> bytes:
    """A zip archive, as it is appended to an image to make a polyglot."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.html", "<script>alert(document.cookie)</script>")
    return buffer.getvalue()

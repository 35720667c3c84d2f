"""Decompression bombs, made in the test: small files that unpack to far more than they are.

Each is built without ever holding what it unpacks to (zlib is fed a megabyte at a time), so the
tests that make them stay small too.
"""

from __future__ import annotations

import struct
import zlib

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
)

from .files import jpeg

MB = 1024 * 1024


def deflated(size: int, byte: bytes = b" ") -> bytes:
    """``size`` bytes of ``byte``, deflated (about a thousandth of ``size``)."""
    deflater = zlib.compressobj(9)
    chunk = byte * MB
    whole, part = divmod(size, MB)
    packed = [deflater.compress(chunk) for _ in range(whole)]
    packed += [deflater.compress(byte * part), deflater.flush()]
    return b"".join(packed)


def packed_stream(writer: PdfWriter, data: bytes, **entries: object) -> IndirectObject:
    """A stream holding ``data`` as it is, its entries (``Filter="/FlateDecode"``) as given."""
    stream = EncodedStreamObject()
    stream._data = data
    for key, value in entries.items():
        stream[NameObject("/" + key)] = _pdf_value(value)
    return writer._add_object(stream)


def _pdf_value(value: object) -> object:
    if isinstance(value, str) and value.startswith("/"):
        return NameObject(value)
    if isinstance(value, int):
        return NumberObject(value)
    return value


def pdf_with_content(*packed_pages: bytes) -> PdfWriter:
    """A page for each of ``packed_pages``: its content stream, deflated as given."""
    writer = PdfWriter()
    for packed in packed_pages:
        page = writer.add_blank_page(width=595, height=842)
        page[NameObject("/Contents")] = packed_stream(writer, packed, Filter="/FlateDecode")
    return writer


def pdf_with_picture(data: bytes, *, width: int, height: int, **entries: object) -> PdfWriter:
    """One A4 page that draws a picture XObject of the declared size, holding ``data``."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    picture = packed_stream(
        writer,
        data,
        Type="/XObject",
        Subtype="/Image",
        Width=width,
        Height=height,
        ColorSpace="/DeviceRGB",
        BitsPerComponent=8,
        **entries,
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im1"): picture})}
    )
    draw = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
    page[NameObject("/Contents")] = packed_stream(writer, draw)
    return writer


def pdf_with_page_size(width: float, height: float, *, user_unit: float = 1.0) -> PdfWriter:
    writer = PdfWriter()
    page = writer.add_blank_page(width=width, height=height)
    if user_unit != 1.0:
        page[NameObject("/UserUnit")] = FloatObject(user_unit)
    return writer


def media_box(page_size: tuple[float, float]) -> ArrayObject:
    return ArrayObject(FloatObject(value) for value in (0, 0, *page_size))


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose header (its frame, SOF0) claims ``width`` × ``height``."""
    data = bytearray(jpeg(size=(16, 16)))
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def png_of_blank_rows(width: int, height: int) -> bytes:
    """A real RGB PNG of ``width`` × ``height`` white pixels, made a row at a time."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload)
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    deflater = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * (width * 3)
    packed = [deflater.compress(row) for _ in range(height)]
    packed.append(deflater.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", b"".join(packed))
        + chunk(b"IEND", b"")
    )

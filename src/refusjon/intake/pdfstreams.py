"""The streams of a rebuilt PDF, unpacked within bounds and packed again.

A PDF's streams (a page's content, its pictures, fonts, forms) are packed with filters, mostly
Flate (zlib). Copied as they are, a stream of a few bytes can unpack to hundreds of megabytes in
the caseworker's viewer: a decompression bomb. So every stream the rebuilt document keeps is
unpacked here, a megabyte at a time, counted against ``DecodingLimits`` and packed again with
Flate as it goes, so the worker never holds more than a megabyte of it unpacked (and the stored
file holds only what was counted). A file past a bound is refused with the bound named.

The filters that pack any data (Flate, LZW, run-length, ASCII hex and base-85) are undone. Those
that pack a picture's pixels (JPEG, JPEG 2000, JBIG2, CCITT fax) are left to the viewer: what
they unpack to is bounded instead by the picture's size, which ``/Width`` and ``/Height`` (and,
for a JPEG, its own header) declare.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import apply_configuration
from pypdf.errors import LimitReachedError, PdfStreamError
from pypdf.filters import ASCII85Decode, ASCIIHexDecode, LZWDecode, RunLengthDecode
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    StreamObject,
)

from refusjon.intake.bounds import MB, DecodingLimits
from refusjon.intake.errors import TOO_MANY_PIXELS, TOO_MUCH_CONTENT, IntakeError, figure

FLATE = frozenset({"/FlateDecode", "/Fl"})
HELD_DECODERS: dict[str, Callable[[bytes, DictionaryObject | None], bytes]] = {
    "/ASCIIHexDecode": ASCIIHexDecode.decode,
    "/AHx": ASCIIHexDecode.decode,
    "/ASCII85Decode": ASCII85Decode.decode,
    "/A85": ASCII85Decode.decode,
    "/LZWDecode": LZWDecode.decode,
    "/LZW": LZWDecode.decode,
    "/RunLengthDecode": RunLengthDecode.decode,
    "/RL": RunLengthDecode.decode,
}
PACKING = FLATE | HELD_DECODERS.keys()
PICTURE_CODECS = frozenset(
    {"/DCTDecode", "/DCT", "/JPXDecode", "/JBIG2Decode", "/CCITTFaxDecode", "/CCF"}
)
# Codecs whose data starts with a header Pillow reads without decoding a pixel.
HEADED_CODECS = frozenset({"/DCTDecode", "/DCT", "/JPXDecode"})

CHUNK = MB


@dataclass(slots=True)
class _Budget:
    """What the document's streams may still unpack to."""

    remaining: int
    total: int


@dataclass(frozen=True, slots=True)
class _Bound:
    """What one stream may unpack to, the limit to name when it would unpack to more, and what
    reads its unpacked content on the way (for pictures inline)."""

    size: int
    named: int
    scan: _InlinePictures | None = None


def repack_streams(objects: Iterable[PdfObject | None], limits: DecodingLimits) -> None:
    """Unpack and pack again every stream among ``objects``, or refuse the document."""
    budget = _Budget(remaining=limits.pdf_max_decoded_bytes, total=limits.pdf_max_decoded_bytes)
    for stream in objects:
        if isinstance(stream, StreamObject):
            _check_picture_size(stream, max_pixels=limits.max_pixels)
            scan = (
                None
                if _is_picture(stream)
                else _InlinePictures(
                    max_pixels=limits.max_pixels, max_page_pixels=limits.pdf_max_page_pixels
                )
            )
            used = _repack(stream, _bound(stream, budget, limits, scan))
            budget.remaining -= used


class _InlinePictures:
    """The pictures a content stream holds inline (``BI`` … ``ID`` … ``EI``), their declared
    size within ``max_pixels`` each and ``max_page_pixels`` together: their data is packed too,
    and a viewer unpacks it to that size.

    It reads the unpacked content a chunk at a time, keeping the end of each chunk to read again
    with the next, so a picture's entries cut in two are seen whole.
    """

    HEADER = re.compile(rb"(?<![^\s\[\]()<>{}/%])BI\s(.{0,4096}?)\sID\s", re.DOTALL)
    ENTRY = re.compile(rb"/(W|Width|H|Height)\s+(\d+)")
    OVERLAP = 4200

    def __init__(self, *, max_pixels: int, max_page_pixels: int) -> None:
        self.max_pixels = max_pixels
        self.max_page_pixels = max_page_pixels
        self.pixels = 0
        self.tail = b""
        self.offset = 0  # where the tail starts, in the unpacked content
        self.read_up_to = -1  # where the last picture counted starts

    def read(self, chunk: bytes) -> None:
        text = self.tail + chunk
        for header in self.HEADER.finditer(text):
            start = self.offset + header.start()
            if start > self.read_up_to:  # not counted with the chunk before
                self.read_up_to = start
                self._count(dict(self.ENTRY.findall(header[1])))
        self.tail = text[-self.OVERLAP :]
        self.offset += len(text) - len(self.tail)

    def _count(self, entries: dict[bytes, bytes]) -> None:
        width = int(entries.get(b"W") or entries.get(b"Width") or 0)
        height = int(entries.get(b"H") or entries.get(b"Height") or 0)
        if width * height > self.max_pixels:
            raise too_many_pixels(self.max_pixels)
        self.pixels += width * height
        if self.pixels > self.max_page_pixels:
            raise too_many_pixels_on_a_page(self.max_page_pixels)


def too_much_content(limit: int) -> IntakeError:
    message = _(
        "The PDF unpacks to more than {limit}, far more than a document for a claim needs. "
        "Please save it again as a new PDF (for example by printing it to PDF), or upload a "
        "photo or scan of the document instead."
    )
    return IntakeError(format_lazy(message, limit=f"{limit // MB} MB"), code=TOO_MUCH_CONTENT)


def _bound(
    stream: StreamObject, budget: _Budget, limits: DecodingLimits, scan: _InlinePictures | None
) -> _Bound:
    """A picture may take what is left of the document's bound (its declared size bounds it
    too); any other stream no more than ``pdf_max_stream_bytes`` of it."""
    if _is_picture(stream) or limits.pdf_max_stream_bytes >= budget.remaining:
        return _Bound(size=budget.remaining, named=budget.total, scan=scan)
    return _Bound(size=limits.pdf_max_stream_bytes, named=limits.pdf_max_stream_bytes, scan=scan)


def _repack(stream: StreamObject, bound: _Bound) -> int:
    """Unpack ``stream`` within ``bound`` and pack it again; what it unpacked to."""
    filters, parameters = _filter_chain(stream)
    packing = next((i for i, name in enumerate(filters) if name not in PACKING), len(filters))
    rest = filters[packing:]
    if len(rest) > 1 or not set(rest) <= PICTURE_CODECS:
        raise PdfStreamError(f"unknown or misplaced filter in {filters}")
    if packing == 0:
        _read(stream._data, bound)
        return _counted(len(stream._data), bound)
    data = stream._data
    for name, parameter in zip(filters[: packing - 1], parameters[: packing - 1], strict=True):
        data = _unpacked(name, parameter, data, bound)
    last, last_parameter = filters[packing - 1], parameters[packing - 1]
    if last in FLATE:
        packed, size = _reflated(data, bound)
        kept: DictionaryObject | None = last_parameter
    else:
        unpacked = _unpacked(last, last_parameter, data, bound)
        _read(unpacked, bound)
        packed, size, kept = zlib.compress(unpacked), len(unpacked), None
    _replace(
        stream, packed, [("/FlateDecode", kept), *zip(rest, parameters[packing:], strict=True)]
    )
    return size


def _filter_chain(stream: StreamObject) -> tuple[list[str], list[DictionaryObject | None]]:
    filters = _entry(stream, "/Filter")
    names = [] if filters is None else filters if isinstance(filters, ArrayObject) else [filters]
    given = _entry(stream, "/DecodeParms")
    listed = given if isinstance(given, ArrayObject) else [given]
    parameters = [value.get_object() if isinstance(value, PdfObject) else None for value in listed]
    dictionaries = [value if isinstance(value, DictionaryObject) else None for value in parameters]
    dictionaries += [None] * (len(names) - len(dictionaries))
    return [str(name) for name in names], dictionaries[: len(names)]


def _read(unpacked: bytes, bound: _Bound) -> None:
    if bound.scan is not None:
        for start in range(0, len(unpacked), CHUNK):
            bound.scan.read(unpacked[start : start + CHUNK])


def _counted(size: int, bound: _Bound) -> int:
    if size > bound.size:
        raise too_much_content(bound.named)
    return size


def _unpacked(name: str, parameter: DictionaryObject | None, data: bytes, bound: _Bound) -> bytes:
    """``data`` unpacked whole (a step before the last of a chain, or a filter other than
    Flate), holding at most ``bound`` of it."""
    if name in FLATE:
        if parameter is not None and parameter.get("/Predictor", 1) not in (1, None):
            raise PdfStreamError("a predictor before the last filter")
        return _inflated(data, bound)
    limit = bound.size + 1
    try:
        with apply_configuration(
            lzw_maximum_output_length=limit, run_length_maximum_output_length=limit
        ):
            unpacked = HELD_DECODERS[name](data, parameter)
    except LimitReachedError:
        raise too_much_content(bound.named) from None
    _counted(len(unpacked), bound)
    return bytes(unpacked)


def _inflated(data: bytes, bound: _Bound) -> bytes:
    unpacked = bytearray()
    for chunk in _inflating(data, bound):
        unpacked += chunk
    return bytes(unpacked)


def _reflated(data: bytes, bound: _Bound) -> tuple[bytes, int]:
    """``data`` inflated and deflated again a chunk at a time; and its unpacked size."""
    deflater = zlib.compressobj()
    packed = []
    size = 0
    for chunk in _inflating(data, bound):
        size += len(chunk)
        if bound.scan is not None:
            bound.scan.read(chunk)
        packed.append(deflater.compress(chunk))
    packed.append(deflater.flush())
    return b"".join(packed), size


def _inflating(data: bytes, bound: _Bound) -> Iterable[bytes]:
    """The chunks ``data`` inflates to, none larger than ``CHUNK``; refused past ``bound``.

    A stream damaged part-way keeps what inflated before the damage, as viewers show it.
    """
    inflater = zlib.decompressobj()
    pending, size = data, 0
    while True:
        try:
            chunk = inflater.decompress(pending, CHUNK)
        except zlib.error:
            return
        size += len(chunk)
        if size > bound.size:
            raise too_much_content(bound.named)
        yield chunk
        pending = inflater.unconsumed_tail
        if inflater.eof or (not pending and len(chunk) < CHUNK):
            return


def _replace(
    stream: StreamObject, packed: bytes, chain: list[tuple[str, DictionaryObject | None]]
) -> None:
    stream._data = packed
    stream.decoded_self = None
    for key in ("/Filter", "/DecodeParms", "/DL"):
        stream.pop(key, None)
    if len(chain) == 1:
        stream[NameObject("/Filter")] = NameObject(chain[0][0])
        if chain[0][1] is not None:
            stream[NameObject("/DecodeParms")] = chain[0][1]
        return
    stream[NameObject("/Filter")] = ArrayObject(NameObject(name) for name, _ in chain)
    if any(parameter is not None for _, parameter in chain):
        stream[NameObject("/DecodeParms")] = ArrayObject(
            NullObject() if parameter is None else parameter for _, parameter in chain
        )


def _check_picture_size(stream: StreamObject, *, max_pixels: int) -> None:
    """A picture's declared size, and the size in a JPEG's own header, within ``max_pixels``."""
    if not _is_picture(stream):
        return
    width, height = _entry(stream, "/Width"), _entry(stream, "/Height")
    if not isinstance(width, int | float) or not isinstance(height, int | float):
        raise PdfStreamError("a picture without its size")
    if not abs(width * height) <= max_pixels:  # not ``>``: NaN is refused too
        raise too_many_pixels(max_pixels)
    filters, _parameters = _filter_chain(stream)
    if len(filters) == 1 and filters[0] in HEADED_CODECS:
        header_width, header_height = _header_size(stream._data, max_pixels=max_pixels)
        if header_width * header_height > max_pixels:
            raise too_many_pixels(max_pixels)


def _header_size(data: bytes, *, max_pixels: int) -> tuple[int, int]:
    """The size a picture's own header gives; ``(0, 0)`` if Pillow cannot read it (a viewer
    shows no picture then)."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            return picture.size
    except Image.DecompressionBombError:
        raise too_many_pixels(max_pixels) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        return 0, 0


def check_page_pictures(page: DictionaryObject, *, max_pixels: int) -> None:
    """The pictures a page draws (through its resources, forms, patterns, fonts and the looks
    of its notes: whatever it leads to but its parent), each counted once, within
    ``max_pixels`` together: a viewer may hold them all to show the page."""
    pixels = 0
    seen: set[int] = set()
    waiting: list[PdfObject | None] = [page]
    while waiting:
        item = waiting.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, StreamObject) and _is_picture(item):
            width, height = _entry(item, "/Width"), _entry(item, "/Height")
            if isinstance(width, int | float) and isinstance(height, int | float):
                pixels += int(abs(width * height))
        if isinstance(item, DictionaryObject):
            waiting.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            waiting.extend(item)
    if pixels > max_pixels:
        raise too_many_pixels_on_a_page(max_pixels)


def too_many_pixels_on_a_page(max_pixels: int) -> IntakeError:
    message = _(
        "A page of the PDF holds pictures of more than {limit} megapixels together. Please "
        "save it again with smaller pictures, or upload a photo or scan of the document "
        "instead."
    )
    return IntakeError(
        format_lazy(message, limit=figure(max_pixels / 1_000_000)), code=TOO_MANY_PIXELS
    )


def _is_picture(stream: StreamObject) -> bool:
    return _entry(stream, "/Subtype") == NameObject("/Image")


def _entry(dictionary: DictionaryObject, key: str) -> PdfObject | None:
    """The value at ``key``, followed if it is a reference (``get`` does not follow it)."""
    value = dictionary.get(key)
    return None if value is None else value.get_object()


def too_many_pixels(max_pixels: int) -> IntakeError:
    message = _(
        "The PDF holds a picture of more than {limit} megapixels. Please save it again with "
        "smaller pictures, or upload a photo or scan of the document instead."
    )
    return IntakeError(
        format_lazy(message, limit=figure(max_pixels / 1_000_000)), code=TOO_MANY_PIXELS
    )

"""Photos and scans: decoded with Pillow and encoded again from their pixels alone.

A new image is built from the decoded pixels, so EXIF (GPS position, camera, time), XMP, colour
profiles, text chunks and anything appended after the end of the image are not carried over.
The EXIF orientation is applied first, so a phone photo stays upright.

Pillow's own bomb guard (``Image.MAX_IMAGE_PIXELS``) is process-wide, so it is left alone: the
size in the header is checked against ``max_pixels`` before a pixel is decoded, and Pillow's
``DecompressionBombError`` (for images far above its own limit) is refused the same way.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps

from refusjon.intake.errors import CORRUPT, TOO_MANY_PIXELS, IntakeError

ImageKind = Literal["jpeg", "png"]

JPEG_QUALITY = 90

# What Pillow raises on a damaged, truncated or malformed file (UnidentifiedImageError is an
# OSError; so is "image file is truncated").
_DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)


@dataclass(frozen=True, slots=True)
class CleanImage:
    """An image encoded again from its pixels; ``width`` and ``height`` are as stored."""

    content: bytes
    width: int
    height: int


def reencode_image(data: bytes, *, kind: ImageKind, max_pixels: int) -> CleanImage:
    """The image in ``data``, upright, in a storable mode, with nothing but its pixels."""
    with _opened(data, kind, max_pixels=max_pixels) as image:
        _check_pixels(image.width, image.height, max_pixels=max_pixels)
        _decode(image)
        clean = _only_pixels(_upright(image), kind)
    return CleanImage(content=_encoded(clean, kind), width=clean.width, height=clean.height)


@contextmanager
def _opened(data: bytes, kind: ImageKind, *, max_pixels: int) -> Iterator[Image.Image]:
    """Open (read the header of) an image of the kind its first bytes named, and no other."""
    try:
        image = Image.open(io.BytesIO(data), formats=[kind.upper()])
    except Image.DecompressionBombError:
        pillow_limit = 2 * (Image.MAX_IMAGE_PIXELS or max_pixels)
        raise _too_many_pixels(max_pixels=min(max_pixels, pillow_limit)) from None
    except _DECODING_ERRORS:
        raise _unreadable() from None
    with image:
        yield image


def _check_pixels(width: int, height: int, *, max_pixels: int) -> None:
    if width * height > max_pixels:
        raise _too_many_pixels(max_pixels=max_pixels)
    if width == 0 or height == 0:
        raise _unreadable()


def _decode(image: Image.Image) -> None:
    """Decode every pixel now, so a truncated or damaged file is refused here.

    Pillow would pad a truncated image silently if any library in the process had set
    ``ImageFile.LOAD_TRUNCATED_IMAGES`` (WeasyPrint does, when imported); intake never wants
    that, so it says so every time rather than trust the process-wide setting.
    """
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    except _DECODING_ERRORS:
        raise _unreadable() from None


def _upright(image: Image.Image) -> Image.Image:
    """Turn the image as its EXIF orientation says; damaged EXIF leaves it as it is."""
    try:
        return ImageOps.exif_transpose(image)
    except _DECODING_ERRORS:
        return image


def _only_pixels(image: Image.Image, kind: ImageKind) -> Image.Image:
    """A new image holding the pixels in a mode the kind stores well, and nothing else."""
    storable = _storable_mode(image, kind)
    clean = Image.new(storable.mode, storable.size)
    clean.paste(storable)
    return clean


def _storable_mode(image: Image.Image, kind: ImageKind) -> Image.Image:
    """Grey stays grey; JPEG is otherwise RGB; PNG is RGB, or RGBA where it is transparent."""
    if image.mode.startswith("I"):  # 16-bit grey: scale down, as converting would clip
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "1":
        image = image.convert("L")
    if kind == "jpeg":
        return image if image.mode in ("L", "RGB") else image.convert("RGB")
    if image.mode in ("L", "RGB", "RGBA"):
        return image if "transparency" not in image.info else image.convert("RGBA")
    transparent = "A" in image.mode or "transparency" in image.info
    return image.convert("RGBA" if transparent else "RGB")


def _encoded(image: Image.Image, kind: ImageKind) -> bytes:
    buffer = io.BytesIO()
    if kind == "jpeg":
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    else:
        image.save(buffer, format="PNG")
    return buffer.getvalue()


def _too_many_pixels(*, max_pixels: int) -> IntakeError:
    message = _(
        "The picture has more than {limit} megapixels. Please upload a smaller photo or scan, "
        "for example one taken with the camera's normal resolution."
    )
    limit = f"{max_pixels / 1_000_000:.1f}".removesuffix(".0")
    return IntakeError(format_lazy(message, limit=limit), code=TOO_MANY_PIXELS)


def _unreadable() -> IntakeError:
    return IntakeError(
        _(
            "The picture could not be read; the file may be damaged or incomplete. "
            "Please take the photo or make the scan again, and upload the new file."
        ),
        code=CORRUPT,
    )

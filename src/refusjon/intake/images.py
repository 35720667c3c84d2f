"""Photos and scans: decoded with Pillow and encoded again from their pixels alone.

A new image is built from the decoded pixels, so EXIF (GPS position, camera, time), XMP, colour
profiles, text chunks and anything appended after the end of the image are not carried over.
The EXIF orientation is applied first, so a phone photo stays upright.

Pillow's own bomb guard (``Image.MAX_IMAGE_PIXELS``) is process-wide, so it is left alone: the
size in the header is checked against ``max_pixels`` before a pixel is decoded, and Pillow's
``DecompressionBombError`` (for images far above its own limit) is refused the same way.

Memory is bounded before decoding too (``DecodingLimits``): an image larger than
``image_max_side`` is stored reduced by a whole factor to within it, and a JPEG that large is
decoded at the 1/2, 1/4 or 1/8 scale that brings it near that size (libjpeg scales while it
decodes), so a 40-megapixel photo is never held at full size. What the decoded pixels will
take (width × height × the bytes Pillow keeps per pixel, at that scale, and the full-size
coefficients a progressive JPEG is decoded from) is checked against
``image_max_decoded_bytes`` from the header alone. The figures: docs/security/uploads.md.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Literal

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.errors import CORRUPT, TOO_MANY_PIXELS, IntakeError, figure

ImageKind = Literal["jpeg", "png"]

JPEG_QUALITY = 90
# The modes Pillow's ``reduce`` takes (others are reduced by taking every n-th pixel).
BLOCK_MEAN_MODES = frozenset({"L", "LA", "PA", "RGB", "RGBA", "CMYK", "YCbCr", "I", "F"})

# What Pillow raises on a damaged, truncated or malformed file (UnidentifiedImageError is an
# OSError; so is "image file is truncated").
_DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)


@dataclass(frozen=True, slots=True)
class CleanImage:
    """An image encoded again from its pixels; ``width`` and ``height`` are as stored."""

    content: bytes
    width: int
    height: int


def reencode_image(data: bytes, *, kind: ImageKind, limits: DecodingLimits) -> CleanImage:
    """The image in ``data``, upright, in a storable mode, with nothing but its pixels, and no
    larger than ``limits.image_max_side``."""
    with _opened(data, kind, max_pixels=limits.max_pixels) as image:
        _check_pixels(image.width, image.height, max_pixels=limits.max_pixels)
        full_size = image.size
        _reduce_while_decoding(image, max_side=limits.image_max_side)
        _check_decoded_size(image, full_size, limits)
        _decode(image)
        kept = _scaled_down(image, max_side=limits.image_max_side)
        _turn_upright(kept)
        clean = _only_pixels(kept, kind)
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


def _reduce_while_decoding(image: Image.Image, *, max_side: int) -> None:
    """Have a JPEG larger than ``max_side`` decoded at the smallest of libjpeg's scales (1/2,
    1/4, 1/8) that keeps its longer side at least half of ``max_side``."""
    if image.format != "JPEG" or max(image.size) <= max_side:
        return
    scale = 1
    while scale < 8 and max(image.size) // (scale * 2) >= max_side // 2:
        scale *= 2
    width, height = image.size
    image.draft(image.mode, (max(1, width // scale), max(1, height // scale)))


def _check_decoded_size(
    image: Image.Image, full_size: tuple[int, int], limits: DecodingLimits
) -> None:
    """What decoding will hold, from the header alone, within ``image_max_decoded_bytes``."""
    per_pixel = _bytes_per_pixel(image.mode)
    decoded = image.width * image.height * per_pixel
    if image.format == "JPEG" and image.info.get("progressive"):
        # libjpeg keeps every coefficient (2 bytes a sample) of a progressive JPEG at full size.
        decoded += full_size[0] * full_size[1] * len(image.getbands()) * 2
    if decoded > limits.image_max_decoded_bytes:
        per_full_pixel = decoded / (full_size[0] * full_size[1])
        pixels = min(limits.max_pixels, int(limits.image_max_decoded_bytes / per_full_pixel))
        raise _too_many_pixels(max_pixels=pixels)


def _bytes_per_pixel(mode: str) -> int:
    """What Pillow keeps in memory for a pixel of ``mode``: one byte for one band of 8 bits,
    two for 16-bit grey, and four for anything else (it keeps RGB as RGBX, say)."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


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


def _scaled_down(image: Image.Image, *, max_side: int) -> Image.Image:
    """The image, or if it is larger than ``max_side`` the image reduced by the smallest whole
    factor that brings it within (each pixel the mean of a block, as libjpeg's scaling does); the
    larger one is closed at once, so the two are held together only while reducing."""
    factor = -(-max(image.size) // max_side)
    if factor <= 1:
        return image
    if image.mode in BLOCK_MEAN_MODES:
        reduced = image.reduce(factor)
    else:  # a palette has no mean; nor, in Pillow, bilevel or 16-bit grey: every factor-th pixel
        size = (-(-image.width // factor), -(-image.height // factor))
        reduced = image.resize(size, Image.Resampling.NEAREST)
    image.close()
    return reduced


def _turn_upright(image: Image.Image) -> None:
    """Turn the image, in place, as its EXIF orientation says; damaged EXIF leaves it as it is."""
    with suppress(*_DECODING_ERRORS):
        ImageOps.exif_transpose(image, in_place=True)


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
    return IntakeError(
        format_lazy(message, limit=figure(max_pixels / 1_000_000)), code=TOO_MANY_PIXELS
    )


def _unreadable() -> IntakeError:
    return IntakeError(
        _(
            "The picture could not be read; the file may be damaged or incomplete. "
            "Please take the photo or make the scan again, and upload the new file."
        ),
        code=CORRUPT,
    )

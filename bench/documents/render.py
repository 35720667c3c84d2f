"""HTML into the files a student uploads: a text PDF (WeasyPrint, DejaVu fonts); a scanned page
(the PDF rendered at 200–300 dpi with pypdfium2, then grey paper, noise, blur, skew, a shadow,
now and then a photograph's perspective and uneven light, and JPEG artefacts); and a phone
screenshot (390 CSS pixels wide at device scale 3, a long scroll capture as one tall PNG)."""

from __future__ import annotations

import ctypes
import hashlib
import io
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from refusjon.letters.pdf import weasyprint

PHONE_SCALE = 3
"""Device pixels per CSS pixel (an iPhone's 390 × 844 screen is 1170 × 2532 pixels)."""
PHONE_SCREEN = 844
CSS_PIXEL_POINTS = 0.75

# Pillow dates a PDF it writes by the wall clock: fixed, so that a seed gives the same bytes.
FIXED_DATES = {
    "creationDate": time.gmtime(1_767_225_600),  # 2026-01-01
    "modDate": time.gmtime(1_767_225_600),
}


def pdf(html: str) -> bytes:
    return bytes(weasyprint().HTML(string=html).write_pdf())


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def scan(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The PDF printed and scanned: one JPEG for one page, else a PDF of JPEG pages.
    Returns the bytes, the file extension and the number of pages."""
    dpi = rng.choice((200, 240, 300))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = [
            _scanned(document[index].render(scale=dpi / 72, grayscale=True).to_pil(), rng, noise)
            for index in range(len(document))
        ]
    finally:
        document.close()
    return _as_file(pages, dpi)


def _as_file(pages: list[bytes], dpi: int) -> tuple[bytes, str, int]:
    """One JPEG page as a .jpg; several as a PDF of JPEG pages (no text layer)."""
    if len(pages) == 1:
        return pages[0], "jpg", 1
    images = [Image.open(io.BytesIO(page)) for page in pages]
    out = io.BytesIO()
    images[0].save(
        out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, **FIXED_DATES
    )
    return out.getvalue(), "pdf", len(pages)


def _scanned(image: Image.Image, rng: random.Random, noise: np.random.Generator) -> bytes:
    pixels = np.asarray(image.convert("L"), dtype=np.float32)
    # Paper is not white and toner is not black.
    pixels = pixels * rng.uniform(0.82, 0.92) + rng.uniform(5, 15)
    height, width = pixels.shape
    if rng.random() < 0.35:
        pixels *= _shadow(rng, width, height)
    pixels += noise.normal(0, rng.uniform(3, 9), pixels.shape).astype(np.float32)
    specks = noise.random(pixels.shape) < rng.uniform(0.00005, 0.0004)
    pixels[specks] = rng.uniform(40, 120)
    blurred = cv2.GaussianBlur(pixels, (0, 0), rng.uniform(0.5, 1.1))
    grey = Image.fromarray(np.clip(blurred, 0, 255).astype(np.uint8), "L")
    angle = rng.uniform(-3, 3)
    skewed = grey.rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=int(rng.uniform(60, 225))
    )
    if rng.random() < 0.25:
        skewed = _photographed(skewed, rng)
    out = io.BytesIO()
    skewed.save(out, "JPEG", quality=rng.randint(45, 85))
    return out.getvalue()


def _photographed(image: Image.Image, rng: random.Random) -> Image.Image:
    """The page photographed from a little off square: each corner pulled in by up to 4 %,
    on a darker table, lit more on one side."""
    width, height = image.size
    pixels = np.asarray(image, dtype=np.float32)
    corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    pulled = np.float32(
        [
            [x + rng.uniform(0, 0.04) * width * (1 if x == 0 else -1),
             y + rng.uniform(0, 0.04) * height * (1 if y == 0 else -1)]
            for x, y in corners
        ]
    )  # fmt: skip
    matrix = cv2.getPerspectiveTransform(corners, pulled)
    table = rng.uniform(40, 110)
    warped = cv2.warpPerspective(
        pixels, matrix, (width, height), borderMode=cv2.BORDER_CONSTANT, borderValue=table
    )
    light = np.linspace(rng.uniform(0.8, 0.95), 1.0, width, dtype=np.float32)
    if rng.random() < 0.5:
        light = light[::-1]
    return Image.fromarray(np.clip(warped * light[np.newaxis, :], 0, 255).astype(np.uint8), "L")


def _shadow(rng: random.Random, width: int, height: int) -> np.ndarray:
    """A darker band along one edge, where the book or the lid lifted the page."""
    depth = rng.uniform(0.55, 0.8)
    reach = rng.uniform(0.08, 0.2)
    if rng.random() < 0.5:
        ramp = np.clip(np.linspace(0, 1, width) / reach, 0, 1)
        ramp = ramp if rng.random() < 0.5 else ramp[::-1]
        return (depth + (1 - depth) * ramp)[np.newaxis, :].astype(np.float32)
    ramp = np.clip(np.linspace(0, 1, height) / reach, 0, 1)[::-1]
    return (depth + (1 - depth) * ramp)[:, np.newaxis].astype(np.float32)


def screenshot(html: str) -> bytes:
    """A phone screenshot of the HTML (laid out on one tall page), cut below the content, at
    least one screen tall."""
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the phone page overflowed: make it taller")
        image = document[0].render(scale=PHONE_SCALE / CSS_PIXEL_POINTS).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = np.asarray(image)
    background = pixels[-1, 0].astype(np.int16)
    differs = np.abs(pixels.astype(np.int16) - background).max(axis=2).max(axis=1) > 6
    rows = np.nonzero(differs)[0]
    bottom = max(int(rows[-1]) + 1 if len(rows) else 0, PHONE_SCREEN * PHONE_SCALE)
    out = io.BytesIO()
    image.crop((0, 0, image.width, min(bottom, image.height))).save(out, "PNG")
    return out.getvalue()


def photo(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """A paper receipt photographed with a phone (third blind set): rendered at a low 130–170
    dpi, in colour on warm paper, held off square (each corner pulled in by up to 8 %), lit
    unevenly from one corner, on a table, a little soft, and saved as a JPEG. Returns the bytes,
    the file extension and the number of pages."""
    dpi = rng.choice((130, 150, 170))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = [
            _photo(document[index].render(scale=dpi / 72).to_pil(), rng, noise)
            for index in range(len(document))
        ]
    finally:
        document.close()
    return _as_file(pages, dpi)


def _photo(image: Image.Image, rng: random.Random, noise: np.random.Generator) -> bytes:
    paper = np.asarray(image.convert("RGB"), dtype=np.float32)
    paper = paper * np.float32([0.93, 0.9, 0.82]) + rng.uniform(4, 12)
    height, width = paper.shape[:2]
    # Room around the slip for the table, then the perspective of a hand-held phone.
    margin = int(0.12 * max(width, height))
    table = np.float32([rng.uniform(60, 120), rng.uniform(50, 100), rng.uniform(40, 80)])
    canvas = np.empty((height + 2 * margin, width + 2 * margin, 3), dtype=np.float32)
    canvas[:] = table
    canvas[margin : margin + height, margin : margin + width] = paper
    full_h, full_w = canvas.shape[:2]
    corners = np.float32(
        [[margin, margin], [margin + width, margin], [margin + width, margin + height],
         [margin, margin + height]]
    )  # fmt: skip
    pulled = np.float32(
        [
            [x + rng.uniform(0, 0.08) * width * (1 if x == margin else -1),
             y + rng.uniform(0, 0.06) * height * (1 if y == margin else -1)]
            for x, y in corners
        ]
    )  # fmt: skip
    matrix = cv2.getPerspectiveTransform(corners, pulled)
    warped = cv2.warpPerspective(
        canvas, matrix, (full_w, full_h), borderMode=cv2.BORDER_CONSTANT, borderValue=table.tolist()
    )
    # Light from one corner, falling off to 70–85 % at the far one.
    ys, xs = np.mgrid[0:full_h, 0:full_w].astype(np.float32)
    cx, cy = rng.choice((0, full_w)), rng.choice((0, full_h))
    reach = np.hypot(full_w, full_h)
    light = 1 - rng.uniform(0.15, 0.3) * np.hypot(xs - cx, ys - cy) / reach
    warped = warped * light[:, :, np.newaxis]
    warped += noise.normal(0, rng.uniform(2, 5), warped.shape).astype(np.float32)
    soft = cv2.GaussianBlur(warped, (0, 0), rng.uniform(0.6, 1.2))
    out = io.BytesIO()
    picture = Image.fromarray(np.clip(soft, 0, 255).astype(np.uint8), "RGB")
    picture.save(out, "JPEG", quality=rng.randint(60, 85))
    return out.getvalue()


# ---- the fifth blind set's renditions -----------------------------------------------------

ROTATIONS = {
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}
"""A page turned counter-clockwise: 90 and 270 a phone held sideways or a page laid across the
glass, 180 a page fed into the scanner upside down."""


def rotated_scan(data: bytes, rng: random.Random, degrees: int) -> tuple[bytes, str, int]:
    """The PDF scanned as ``scan`` does, each page then turned by ``degrees`` (fifth blind set).
    Returns the bytes, the file extension and the number of pages."""
    dpi = rng.choice((200, 240))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72, grayscale=True).to_pil()
            scanned = Image.open(io.BytesIO(_scanned(image, rng, noise)))
            out = io.BytesIO()
            scanned.transpose(ROTATIONS[degrees]).save(out, "JPEG", quality=rng.randint(70, 85))
            pages.append(out.getvalue())
    finally:
        document.close()
    return _as_file(pages, dpi)


def photocopy(data: bytes, rng: random.Random, degrees: int = 0) -> tuple[bytes, str, int]:
    """The PDF photocopied or faxed (fifth blind set): black and white only (one bit a pixel)
    at 150 or 200 dpi, a little skewed, toner specks, thin strokes broken where the threshold
    cut them, a dark band where the lid did not close, and turned by ``degrees`` if given. One
    page as a PNG, several as a PDF of one-bit pages. Returns the bytes, the file extension and
    the number of pages."""
    dpi = rng.choice((150, 200))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = [
            _photocopied(
                document[index].render(scale=dpi / 72, grayscale=True).to_pil(), rng, noise
            )
            for index in range(len(document))
        ]
    finally:
        document.close()
    if degrees:
        pages = [page.transpose(ROTATIONS[degrees]) for page in pages]
    out = io.BytesIO()
    if len(pages) == 1:
        pages[0].save(out, "PNG", dpi=(dpi, dpi), optimize=True)
        return out.getvalue(), "png", 1
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, **FIXED_DATES)
    return out.getvalue(), "pdf", len(pages)


def _photocopied(image: Image.Image, rng: random.Random, noise: np.random.Generator) -> Image.Image:
    pixels = np.asarray(image.convert("L"), dtype=np.float32)
    width = pixels.shape[1]
    # The copier's light is uneven, and a lid left open darkens one edge.
    pixels *= np.linspace(rng.uniform(0.9, 1.0), rng.uniform(0.9, 1.0), width)[np.newaxis, :]
    band = int(width * rng.uniform(0.01, 0.03))
    if rng.random() < 0.5:
        pixels[:, :band] *= 0.2
    else:
        pixels[:, width - band :] *= 0.2
    pixels += noise.normal(0, rng.uniform(10, 22), pixels.shape).astype(np.float32)
    blurred = cv2.GaussianBlur(pixels, (0, 0), rng.uniform(0.4, 0.8))
    grey = Image.fromarray(np.clip(blurred, 0, 255).astype(np.uint8), "L")
    grey = grey.rotate(
        rng.uniform(-1.5, 1.5), resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255
    )
    threshold = rng.uniform(135, 175)
    bits = np.asarray(grey) < threshold
    specks = noise.random(bits.shape) < rng.uniform(0.0002, 0.001)
    return Image.fromarray(~(bits | specks)).convert("1")


def desktop_screenshot(html: str, scale: float) -> bytes:
    """A desktop browser's window captured whole (fifth blind set): the HTML's one page, at
    ``scale`` device pixels per CSS pixel, as a PNG."""
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the desktop page overflowed: make it taller")
        image = document[0].render(scale=scale / CSS_PIXEL_POINTS).to_pil().convert("RGB")
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# ---- the sixth blind set's renditions -----------------------------------------------------

ANDROID_SCALE = 2.625
"""Device pixels per CSS pixel of an Android phone 412 CSS pixels wide (1081 pixels)."""
WATERMARK_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def scanner_app(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The paper captured with a phone's scanner app (sixth blind set): photographed at 150–200
    dpi in colour, the app's "document" filter (paper bleached white, ink darkened, edges
    sharpened), the page not quite flat (lines bend a few pixels), a slight tilt the app did not
    correct, and the app's line "Scanned with CamScanner" at the foot. Always a PDF of JPEG
    pages, as such apps share them. Returns the bytes, the file extension and the pages."""
    dpi = rng.choice((150, 170, 200))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        images = [
            _scanner_app_page(document[index].render(scale=dpi / 72).to_pil(), rng, noise)
            for index in range(len(document))
        ]
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(
        out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, **FIXED_DATES
    )
    return out.getvalue(), "pdf", len(images)


def _scanner_app_page(
    image: Image.Image, rng: random.Random, noise: np.random.Generator
) -> Image.Image:
    pixels = np.asarray(image.convert("RGB"), dtype=np.float32)
    height, width = pixels.shape[:2]
    # A warm cast and uneven light from the photograph, then the filter's levels undo most of it.
    pixels = pixels * np.float32([0.95, 0.92, 0.86]) * rng.uniform(0.8, 0.9)
    light = np.linspace(rng.uniform(0.85, 0.95), 1.0, height, dtype=np.float32)[:, None, None]
    pixels = pixels * light + noise.normal(0, 4, pixels.shape).astype(np.float32)
    low, high = rng.uniform(40, 70), rng.uniform(170, 200)
    pixels = (pixels - low) * 255 / (high - low)
    # The page bends: rows move up and down a little across the width.
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    bend = rng.uniform(2, 6) * np.sin(np.pi * xs / width + rng.uniform(-0.3, 0.3))
    pixels = cv2.remap(
        np.clip(pixels, 0, 255), xs, ys + bend, cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255),
    )  # fmt: skip
    blurred = cv2.GaussianBlur(pixels, (0, 0), 1.2)
    sharp = np.clip(pixels * 1.6 - blurred * 0.6, 0, 255).astype(np.uint8)
    picture = Image.fromarray(sharp, "RGB").rotate(
        rng.uniform(-1.2, 1.2), resample=Image.Resampling.BICUBIC, expand=False,
        fillcolor=(255, 255, 255),
    )  # fmt: skip
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(WATERMARK_FONT, max(12, width // 60))
    mark = "Scanned with CamScanner"
    right, bottom = draw.textbbox((0, 0), mark, font=font)[2:]
    draw.text(
        (width - right - width // 40, height - bottom - height // 80), mark, font=font,
        fill=(110, 110, 110),
    )  # fmt: skip
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(70, 88))
    return Image.open(io.BytesIO(out.getvalue()))


def folded_scan(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The paper folded in three for the envelope, unfolded and scanned (sixth blind set): two
    creases across each page (a dark line with a light ridge beside it), then scanned as
    ``scan`` does. Returns the bytes, the file extension and the number of pages."""
    dpi = rng.choice((200, 240, 300))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72, grayscale=True).to_pil()
            pages.append(_scanned(_creased(image, rng), rng, noise))
    finally:
        document.close()
    return _as_file(pages, dpi)


def _creased(image: Image.Image, rng: random.Random) -> Image.Image:
    pixels = np.asarray(image.convert("L"), dtype=np.float32)
    height = pixels.shape[0]
    rows = np.arange(height, dtype=np.float32)[:, None]
    profile = np.ones((height, 1), dtype=np.float32)
    for third in (1, 2):
        at = height * third / 3 + rng.uniform(-0.02, 0.02) * height
        width = rng.uniform(2.0, 4.0) * height / 3000
        profile -= rng.uniform(0.25, 0.45) * np.exp(-(((rows - at) / (width * 2)) ** 2))
        profile += 0.06 * np.exp(-(((rows - at - 10 * width) / (width * 8)) ** 2))
    return Image.fromarray(np.clip(pixels * profile, 0, 255).astype(np.uint8), "L")


def android_screenshot(html: str) -> bytes:
    """An Android phone's screenshot (sixth blind set): the HTML's one page at 2.625 device
    pixels a CSS pixel (412 CSS pixels: 1081 wide), as a PNG."""
    return _one_page_png(html, ANDROID_SCALE)


def side_by_side(htmls: list[str]) -> bytes:
    """Two phone screenshots put side by side in one picture (sixth blind set), as a photo
    app's collage makes them: each page at device scale 3, a grey gap between and around."""
    shots = [Image.open(io.BytesIO(_one_page_png(html, PHONE_SCALE))) for html in htmls]
    gap = 48
    width = sum(shot.width for shot in shots) + gap * (len(shots) + 1)
    height = max(shot.height for shot in shots) + 2 * gap
    canvas = Image.new("RGB", (width, height), (58, 58, 60))
    left = gap
    for shot in shots:
        canvas.paste(shot, (left, gap))
        left += shot.width + gap
    out = io.BytesIO()
    canvas.save(out, "PNG")
    return out.getvalue()


def _one_page_png(html: str, scale: float) -> bytes:
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the phone page overflowed: make it taller")
        image = document[0].render(scale=scale / CSS_PIXEL_POINTS).to_pil().convert("RGB")
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# ---- the seventh blind set's renditions ---------------------------------------------------


def messenger(png: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """A phone screenshot sent through a messaging app (seventh blind set): scaled down to 60–75 %
    and saved as a JPEG at quality 60–80, as such apps pass pictures on."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    factor = rng.uniform(0.6, 0.75)
    smaller = image.resize(
        (round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    smaller.save(out, "JPEG", quality=rng.randint(60, 80))
    return out.getvalue(), "jpg", 1


def highlighted_scan(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The paper marked by hand with a yellow highlighter over a few lines, then scanned in
    colour at 200 or 240 dpi (seventh blind set): a JPEG, or a PDF of JPEG pages."""
    dpi = rng.choice((200, 240))
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
            pixels = np.asarray(image, dtype=np.float32) * rng.uniform(0.9, 0.96)
            height, width = pixels.shape[:2]
            for _ in range(rng.randint(2, 5)):
                top = int(rng.uniform(0.2, 0.85) * height)
                band = int(dpi * rng.uniform(0.13, 0.18))
                left = int(rng.uniform(0.05, 0.15) * width)
                right = int(rng.uniform(0.7, 0.95) * width)
                pixels[top : top + band, left:right] *= np.float32([1.0, 0.97, 0.45])
            pixels += noise.normal(0, 3, pixels.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB").rotate(
                rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, expand=True,
                fillcolor=(235, 235, 230),
            )  # fmt: skip
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(70, 88))
            pages.append(out.getvalue())
    finally:
        document.close()
    return _as_file(pages, dpi)


def screen_photo(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The page shown on a computer's screen and photographed with a phone (seventh blind
    set): a dark bezel round it, a faint moiré of the screen's pixels, a glare across one
    corner, held a little off square; a JPEG a page (a PDF of JPEG pages for several)."""
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=150 / 72).to_pil().convert("RGB")
            pixels = np.asarray(image, dtype=np.float32)
            height, width = pixels.shape[:2]
            # A screen is not paper: a blue-ish white, a faint moiré of its pixel grid.
            pixels = pixels * np.float32([0.9, 0.93, 1.0]) * rng.uniform(0.85, 0.95)
            ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
            period = rng.uniform(5, 9)
            moire = 1 - 0.05 * (np.sin((xs * 0.8 + ys * 0.6) / period * 2 * np.pi) + 1) / 2
            pixels *= moire[:, :, None]
            glare_x, glare_y = rng.choice(((0, 0), (width, 0), (width, height), (0, height)))
            distance = np.hypot(xs - glare_x, ys - glare_y) / max(width, height)
            pixels += (45 * np.clip(1 - distance * 1.8, 0, 1))[:, :, None]
            border = int(width * 0.05)
            framed = cv2.copyMakeBorder(
                np.clip(pixels, 0, 255), border, border, border, border, cv2.BORDER_CONSTANT,
                value=(22, 22, 26),
            )  # fmt: skip
            fh, fw = framed.shape[:2]
            corners = np.float32([[0, 0], [fw, 0], [fw, fh], [0, fh]])
            pulled = np.float32(
                [[x + rng.uniform(0, 0.03) * fw * (1 if x == 0 else -1),
                  y + rng.uniform(0, 0.03) * fh * (1 if y == 0 else -1)] for x, y in corners]
            )  # fmt: skip
            matrix = cv2.getPerspectiveTransform(corners, pulled)
            warped = cv2.warpPerspective(
                framed, matrix, (fw, fh), borderMode=cv2.BORDER_CONSTANT, borderValue=(70, 62, 55)
            )
            warped = cv2.GaussianBlur(warped, (0, 0), 0.7)
            warped += noise.normal(0, 4, warped.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(72, 88))
            pages.append(out.getvalue())
    finally:
        document.close()
    return _as_file(pages, 150)


# ---- the eighth blind set's renditions ----------------------------------------------------


def bilevel_scan(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """An office scanner's black and white ("text") mode (eighth blind set): 300 dpi, every
    pixel black or white by a fixed threshold, a little skew and a few specks; a PNG a page,
    or a PDF of such pages."""
    dpi = 300
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            grey = document[index].render(scale=dpi / 72).to_pil().convert("L")
            grey = grey.rotate(
                rng.uniform(-1.0, 1.0), resample=Image.Resampling.BICUBIC, expand=True,
                fillcolor=255,
            )  # fmt: skip
            pixels = cv2.GaussianBlur(np.asarray(grey, dtype=np.float32), (0, 0), 0.6)
            pixels += noise.normal(0, 6, pixels.shape).astype(np.float32)
            black = pixels < rng.uniform(150, 175)
            black |= noise.random(pixels.shape) < 0.00008
            pages.append(Image.fromarray(np.where(black, 0, 255).astype(np.uint8)).convert("1"))
    finally:
        document.close()
    out = io.BytesIO()
    if len(pages) == 1:
        pages[0].save(out, "PNG", dpi=(dpi, dpi))
        return out.getvalue(), "png", 1
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, **FIXED_DATES)
    return out.getvalue(), "pdf", len(pages)


def lamp_photo(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The paper on a desk photographed at night under a desk lamp (eighth blind set): warm
    yellow light, brighter under the lamp and darker towards the edges, the soft shadow of the
    phone over one side, held a little off square; a JPEG a page (a PDF of JPEG pages)."""
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=160 / 72).to_pil().convert("RGB")
            pixels = np.asarray(image, dtype=np.float32) * np.float32([1.0, 0.9, 0.7])
            height, width = pixels.shape[:2]
            ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
            cx, cy = rng.uniform(0.3, 0.7) * width, rng.uniform(0.2, 0.5) * height
            distance = np.hypot((xs - cx) / width, (ys - cy) / height)
            light = np.clip(1.05 - 0.45 * distance, 0.7, 1.0)
            edge = rng.choice(("left", "right", "bottom"))
            reach = {"left": xs / width, "right": 1 - xs / width, "bottom": 1 - ys / height}[edge]
            shade = 1 - 0.25 * np.clip(1 - reach / rng.uniform(0.15, 0.3), 0, 1)
            pixels *= (light * shade)[:, :, None]
            corners = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
            pulled = np.float32(
                [[x + rng.uniform(0.01, 0.04) * width * (1 if x == 0 else -1),
                  y + rng.uniform(0.01, 0.04) * height * (1 if y == 0 else -1)]
                 for x, y in corners]
            )  # fmt: skip
            matrix = cv2.getPerspectiveTransform(corners, pulled)
            warped = cv2.warpPerspective(
                pixels, matrix, (width, height), borderMode=cv2.BORDER_CONSTANT,
                borderValue=(58, 42, 30),
            )  # fmt: skip
            warped = cv2.GaussianBlur(warped, (0, 0), 0.6)
            warped += noise.normal(0, 5, warped.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(74, 88))
            pages.append(out.getvalue())
    finally:
        document.close()
    return _as_file(pages, 160)


def stitched(png: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """Two phone screenshots of a long list joined one above the other by a stitching app
    (eighth blind set): the first a screen tall, cut through a row; the second scrolled on,
    its status bar at the top, beginning a little above the cut, so that the row cut is
    shown again whole (and so on to the end); a thin grey seam between. A list shorter than a
    screen is one capture."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    screen = PHONE_SCREEN * PHONE_SCALE
    if image.height <= screen:
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue(), "png", 1
    status = 34 * PHONE_SCALE
    captures = [image.crop((0, 0, image.width, screen))]
    end = screen
    while end < image.height:
        start = end - round(rng.uniform(40, 80)) * PHONE_SCALE - status
        capture = image.crop((0, start, image.width, min(image.height, start + screen)))
        capture.paste(image.crop((0, 0, image.width, status)), (0, 0))
        captures.append(capture)
        end = start + screen
    seam = 2 * PHONE_SCALE
    height = sum(capture.height for capture in captures) + seam * (len(captures) - 1)
    joined = Image.new("RGB", (image.width, height), (150, 150, 150))
    top = 0
    for capture in captures:
        joined.paste(capture, (0, top))
        top += capture.height + seam
    out = io.BytesIO()
    joined.save(out, "PNG")
    return out.getvalue(), "png", 1


# ---- the ninth blind set's renditions -----------------------------------------------------

A4_POINTS = (595.28, 841.89)


def on_glass(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """A small slip laid on an A4 flatbed scanner's glass and scanned whole in colour at 200
    dpi (ninth blind set): the slip off-centre towards a corner, turned a few degrees, the
    rest of the page the lid's white, a grey band where the lid did not meet the glass's edge;
    one JPEG (the slip's first page)."""
    dpi = 200
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        slip = document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
    width, height = (round(side * dpi / 72) for side in A4_POINTS)
    lid = rng.uniform(236, 246)
    canvas = Image.new("RGB", (width, height), (round(lid), round(lid), round(lid - 2)))
    angle = rng.uniform(-6, 6)
    turned = slip.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    mask = Image.new("L", slip.size, 255).rotate(angle, expand=True)
    left = int(rng.uniform(0.03, 0.08) * width)
    top = int(rng.uniform(0.03, 0.08) * height)
    if rng.random() < 0.5:
        left = width - turned.width - left
    # The slip's shadow on the lid, then the slip.
    shadow = Image.new("RGB", turned.size, (150, 150, 150))
    canvas.paste(shadow, (left + 4, top + 5), mask)
    canvas.paste(turned, (left, top), mask)
    pixels = np.asarray(canvas, dtype=np.float32)
    band = int(width * rng.uniform(0.006, 0.015))
    pixels[:, :band] *= 0.55
    pixels[:band, :] *= 0.6
    pixels += noise.normal(0, 2.5, pixels.shape).astype(np.float32)
    picture = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(78, 90), dpi=(dpi, dpi))
    return out.getvalue(), "jpg", 1


def punched_scan(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The pages punched for a ring binder and stapled, then fed through an office machine's
    document feeder in grey at 200 dpi (ninth blind set): two holes in the left margin (the
    feeder's dark backing showing through), the staple in the top left corner, a thin streak
    down every page from dust on the feeder's glass; always a PDF of JPEG pages, as a machine's
    "scan to e-mail" sends it, even for one page."""
    dpi = 200
    noise = np.random.default_rng(rng.randrange(2**32))
    streak = rng.uniform(0.2, 0.8)
    document = pdfium.PdfDocument(data)
    try:
        images = []
        for index in range(len(document)):
            grey = document[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(grey, dtype=np.float32) * 0.93 + 8
            height, width = pixels.shape
            ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
            radius = dpi * 0.1
            centre_x = dpi * 0.27
            for centre_y in (height / 2 - dpi * 1.57, height / 2 + dpi * 1.57):
                hole = np.hypot(xs - centre_x, ys - centre_y) < radius
                pixels[hole] = 35
            if index == 0:
                sx, sy = int(dpi * 0.35), int(dpi * 0.3)
                length = int(dpi * 0.5)
                for step in range(length):
                    x, y = sx + step, sy + step // 3
                    pixels[y : y + 3, x : x + 1] = 95
                    pixels[y + 3 : y + 6, x : x + 1] *= 0.8
            column = int(streak * width)
            pixels[:, column : column + 2] *= 0.62
            pixels += noise.normal(0, 3.5, pixels.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L").rotate(
                rng.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, expand=False,
                fillcolor=235,
            )  # fmt: skip
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(75, 88))
            images.append(Image.open(io.BytesIO(out.getvalue())))
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(
        out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, **FIXED_DATES
    )
    return out.getvalue(), "pdf", len(images)


def crumpled_photo(data: bytes, rng: random.Random) -> tuple[bytes, str, int]:
    """The paper crumpled in a pocket, smoothed out on a table and photographed with a phone
    (ninth blind set): creases running every way (light on one side of each, shade on the
    other), the page bent so that lines wave a little, the table round it; a JPEG a page (a PDF
    of JPEG pages for several)."""
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=170 / 72).to_pil().convert("RGB")
            pages.append(_crumpled(image, rng, noise))
    finally:
        document.close()
    return _as_file(pages, 170)


def _crumpled(image: Image.Image, rng: random.Random, noise: np.random.Generator) -> bytes:
    pixels = np.asarray(image, dtype=np.float32) * np.float32([0.96, 0.95, 0.9])
    height, width = pixels.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    # The paper's surface: soft lumps, and creases as ridges along random lines.
    lumps = cv2.GaussianBlur(
        noise.normal(0, 1, (height, width)).astype(np.float32), (0, 0), width / 14
    )
    surface = lumps / (np.abs(lumps).max() + 1e-6) * 10
    for _ in range(rng.randint(10, 16)):
        angle = rng.uniform(0, np.pi)
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        across = (xs - cx) * np.sin(angle) - (ys - cy) * np.cos(angle)
        along = (xs - cx) * np.cos(angle) + (ys - cy) * np.sin(angle)
        reach = rng.uniform(0.25, 0.7) * width
        ridge = np.exp(-np.abs(across) / (width * 0.012)) * np.exp(-((along / reach) ** 2))
        surface += rng.uniform(1.5, 3.5) * ridge
    gy, gx = np.gradient(surface)
    light = np.clip(1 + (gx * 0.55 - gy * 0.35) * 0.9, 0.72, 1.12)
    pixels *= light[:, :, None]
    # The page not flat: rows and columns wave by a few pixels with the surface.
    shifted = cv2.remap(
        pixels, xs + gx * 2.2, ys + gy * 2.2, cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT, borderValue=(245, 245, 240),
    )  # fmt: skip
    margin = int(0.06 * max(width, height))
    table = (rng.uniform(90, 140), rng.uniform(80, 120), rng.uniform(60, 100))
    framed = cv2.copyMakeBorder(
        np.clip(shifted, 0, 255), margin, margin, margin, margin, cv2.BORDER_CONSTANT,
        value=table,
    )  # fmt: skip
    fh, fw = framed.shape[:2]
    corners = np.float32(
        [[margin, margin], [fw - margin, margin], [fw - margin, fh - margin], [margin, fh - margin]]
    )
    pulled = corners + np.float32(
        [[rng.uniform(-0.02, 0.02) * fw, rng.uniform(-0.02, 0.02) * fh] for _ in range(4)]
    )
    matrix = cv2.getPerspectiveTransform(corners, pulled)
    warped = cv2.warpPerspective(
        framed, matrix, (fw, fh), borderMode=cv2.BORDER_CONSTANT, borderValue=table
    )
    warped = cv2.GaussianBlur(warped, (0, 0), 0.7)
    warped += noise.normal(0, 4, warped.shape).astype(np.float32)
    picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(72, 88))
    return out.getvalue()


def notification(png: bytes, rng: random.Random, lines: tuple[str, str, str, str]) -> bytes:
    """A phone screenshot taken while a message's notification was showing (ninth blind set):
    a rounded grey banner over the status bar and the top of the page, with the app's name,
    "now", the sender and the message (``lines``)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    scale = PHONE_SCALE
    left, top = 8 * scale, 8 * scale
    right, bottom = image.width - 8 * scale, top + 94 * scale
    banner = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(banner)
    shade = rng.randint(232, 242)
    draw.rounded_rectangle(
        (left, top, right, bottom), radius=18 * scale, fill=(shade, shade, shade + 3, 246)
    )
    draw.rounded_rectangle(
        (left + 12 * scale, top + 12 * scale, left + 40 * scale, top + 40 * scale),
        radius=7 * scale, fill=(52, 199, 89, 255),
    )  # fmt: skip
    small = ImageFont.truetype(WATERMARK_FONT, 11 * scale)
    bold = ImageFont.truetype(WATERMARK_FONT.replace("Sans.ttf", "Sans-Bold.ttf"), 14 * scale)
    body = ImageFont.truetype(WATERMARK_FONT, 14 * scale)
    app, now, sender, text = lines
    draw.text((left + 50 * scale, top + 10 * scale), app, font=small, fill=(100, 100, 105))
    draw.text((right - 40 * scale, top + 10 * scale), now, font=small, fill=(100, 100, 105))
    draw.text((left + 50 * scale, top + 27 * scale), sender, font=bold, fill=(20, 20, 20))
    # The message wrapped to the banner's width, as the phone shows it.
    room = right - left - 62 * scale
    wrapped = [""]
    for word in text.split():
        trial = f"{wrapped[-1]} {word}".strip()
        if draw.textlength(trial, font=body) > room:
            wrapped.append(word)
        else:
            wrapped[-1] = trial
    for number, line in enumerate(wrapped[:2]):
        at = (left + 50 * scale, top + (47 + 18 * number) * scale)
        draw.text(at, line, font=body, fill=(20, 20, 20))
    joined = Image.alpha_composite(image.convert("RGBA"), banner).convert("RGB")
    out = io.BytesIO()
    joined.save(out, "PNG")
    return out.getvalue()


# ---- the tenth blind set's renditions -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a page went in a rendition's picture, for the corpus tests: the page was drawn at
    ``scale`` pixels a PDF point, then ``matrix`` (3 × 3, row by row) took its pixels to the
    picture's (``size`` wide and high); ``covered`` are boxes of the page's pixels (left, top,
    right, bottom) that something lies over; a point may stray ``slack`` pixels from where the
    matrix puts it (a page bent in the hand)."""

    page: int
    scale: float
    matrix: tuple[float, ...]
    size: tuple[int, int]
    covered: tuple[tuple[float, float, float, float], ...] = ()
    slack: float = 0.0

    def where(self, x: float, y: float) -> tuple[float, float]:
        """A point of the page (pixels) in the picture."""
        m = self.matrix
        w = m[6] * x + m[7] * y + m[8]
        return (m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w


def _flat(matrix: np.ndarray) -> tuple[float, ...]:
    return tuple(float(value) for value in np.asarray(matrix, dtype=np.float64).reshape(9))


def _turned(image: np.ndarray, degrees: float, fill: tuple[float, ...] | float) -> tuple:
    """The picture turned by ``degrees`` (counter-clockwise) on a canvas grown to hold all of
    it, and the 3 × 3 matrix of the turn."""
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(turn[0, 0]), abs(turn[0, 1])
    new_width, new_height = int(height * sin + width * cos), int(height * cos + width * sin)
    turn[0, 2] += new_width / 2 - width / 2
    turn[1, 2] += new_height / 2 - height / 2
    value = fill if isinstance(fill, tuple) else (fill,) * 3
    turned = cv2.warpAffine(
        image, turn, (new_width, new_height), flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT, borderValue=value,
    )  # fmt: skip
    return turned, np.vstack([turn, [0, 0, 1]])


def ink(grey: np.ndarray, reach: int) -> np.ndarray:
    """Where a page (grey pixels) carries print, grown by ``reach`` pixels every way."""
    marked = (grey < 235).astype(np.uint8)
    if reach:
        marked = cv2.dilate(marked, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8))
    return marked.astype(bool)


def blank_spots(printed: np.ndarray, width: int, height: int, step: int = 8) -> list[tuple]:
    """The top left corners (on a grid of ``step`` pixels) of every ``width`` × ``height`` box
    with no print in it."""
    sums = np.pad(printed.astype(np.int32).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    rows, columns = printed.shape
    spots = []
    for top in range(0, rows - height, step):
        for left in range(0, columns - width, step):
            bottom, right = top + height, left + width
            if sums[bottom, right] - sums[top, right] - sums[bottom, left] + sums[top, left] == 0:
                spots.append((left, top))
    return spots


NOTE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf"


def _note(side: int, lines: tuple[str, ...], rng: random.Random) -> Image.Image:
    """A square yellow sticky note written on with a pen, with its soft shadow, turned a few
    degrees; RGBA."""
    pad = side // 10
    note = Image.new("RGBA", (side + 2 * pad, side + 2 * pad), (0, 0, 0, 0))
    shadow = Image.new("RGBA", note.size, (0, 0, 0, 0))
    ImageDraw.Draw(shadow).rectangle(
        (pad + 5, pad + 7, pad + side + 5, pad + side + 7), fill=(40, 35, 20, 90)
    )
    shadow = shadow.filter(ImageFilter.GaussianBlur(5))
    paper = Image.new("RGBA", (side, side), (255, 236, 110, 255))
    shade = np.linspace(1.0, 0.9, side, dtype=np.float32)[:, None, None]
    tinted = (np.asarray(paper, dtype=np.float32) * np.concatenate(
        [np.repeat(shade, 3, axis=2), np.ones((side, 1, 1), np.float32)], axis=2
    )).clip(0, 255).astype(np.uint8)  # fmt: skip
    paper = Image.fromarray(tinted, "RGBA")
    draw = ImageDraw.Draw(paper)
    font = ImageFont.truetype(NOTE_FONT, side // 8)
    for number, line in enumerate(lines):
        at = (side // 10 + rng.randint(-3, 3), side // 5 + number * side // 5)
        draw.text(at, line, font=font, fill=(28, 40, 120, 255))
    note = Image.alpha_composite(note, shadow)
    note.paste(paper, (pad, pad), paper)
    return note.rotate(rng.uniform(-5, 5), resample=Image.Resampling.BICUBIC, expand=True)


def sticky_note(
    data: bytes, rng: random.Random, lines: tuple[str, ...], placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The printed pages scanned in colour at 200 dpi with a yellow sticky note (``lines``
    written on it) stuck where the first page with room has no print (tenth blind set): the
    note's shadow, paper not quite white, a little skew and noise; a JPEG, or a PDF of JPEG
    pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    note = _note(int(dpi * rng.uniform(1.35, 1.5)), lines, rng)
    document = pdfium.PdfDocument(data)
    try:
        pages, stuck = [], False
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            covered: tuple[tuple[float, float, float, float], ...] = ()
            if not stuck:
                printed = ink(np.asarray(image.convert("L")), 10)
                spots = blank_spots(printed, note.width, note.height)
                if spots:
                    # Where a hand puts it: near the top right of the room there is.
                    spots.sort(key=lambda at: (at[1] - at[0]) // 40)
                    left, top = spots[rng.randrange(min(6, len(spots)))]
                    image.paste(note, (left, top), note)
                    covered = ((left, top, left + note.width, top + note.height),)
                    stuck = True
            pixels = np.asarray(image, dtype=np.float32) * np.float32([0.95, 0.94, 0.9]) + 6
            pixels += noise.normal(0, 3, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.6)
            turned, matrix = _turned(pixels, rng.uniform(-1.2, 1.2), (238.0, 238.0, 234.0))
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(80, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size, covered))
    finally:
        document.close()
    return _as_file(pages, dpi)


def show_through(
    data: bytes, back: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The pages printed on the back of used thin paper and scanned in grey (tenth blind set):
    the print of the other side (``back``'s first page) shows through, mirrored, soft and
    faint; a little skew and noise; a JPEG, or a PDF of JPEG pages."""
    dpi = rng.choice((200, 240))
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    strength = rng.uniform(0.1, 0.16)
    other = pdfium.PdfDocument(back)
    try:
        reverse = np.asarray(other[0].render(scale=scale, grayscale=True).to_pil().convert("L"))
    finally:
        other.close()
    shift = (rng.randint(-20, 20), rng.randint(-30, 30))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            grey = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(grey, dtype=np.float32)
            height, width = pixels.shape
            mirrored = cv2.resize(reverse[:, ::-1], (width, height)).astype(np.float32)
            mirrored = np.roll(mirrored, shift, axis=(1, 0))
            through = cv2.GaussianBlur((255 - mirrored) / 255, (0, 0), 1.6)
            pixels = pixels * (1 - strength * through)
            pixels = pixels * 0.92 + 9 + noise.normal(0, 3.5, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.55)
            turned, matrix = _turned(pixels, rng.uniform(-1.5, 1.5), 232.0)
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(72, 88), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size))
    finally:
        document.close()
    return _as_file(pages, dpi)


THUMB_SHADOW = 24
"""How far (pixels at 170 dpi) the thumb's soft shadow reaches past the thumb."""


def _thumb_spot(printed: np.ndarray, dpi: int, rng: random.Random) -> tuple | None:
    """Where a thumb can hold the page without hiding any print (nor shading it): the side
    (left, right or bottom), how far along it, and how far in (pixels); None if no edge has
    room."""
    length = int(dpi * 0.95)
    options = []
    for side in ("left", "right", "bottom"):
        if side == "left":
            edge = printed
        elif side == "right":
            edge = printed[:, ::-1]
        else:
            edge = printed[::-1, :].T
        along = edge.shape[0]
        for start in range(int(along * 0.25), int(along * 0.8) - length, max(8, dpi // 10)):
            strip = edge[max(0, start - THUMB_SHADOW) : start + length + THUMB_SHADOW, :]
            used = np.nonzero(strip.any(axis=0))[0]
            room = int(used[0]) if len(used) else strip.shape[1]
            reach = min(room - 4 - THUMB_SHADOW, int(dpi * 0.45))
            if reach >= int(dpi * 0.14):
                options.append((side, start, reach))
    if not options:
        return None
    return options[rng.randrange(len(options))]


def _capsule(size: tuple[int, int], box: tuple[int, int, int, int], blur: float) -> np.ndarray:
    """A soft-edged rounded shape filling ``box`` (as a float mask of ``size``)."""
    shape = Image.new("L", size, 0)
    radius = min(box[2] - box[0], box[3] - box[1]) // 2
    ImageDraw.Draw(shape).rounded_rectangle(box, radius=radius, fill=255)
    return cv2.GaussianBlur(np.asarray(shape, np.float32) / 255, (0, 0), blur)


def _hand(
    pixels: np.ndarray,
    margin: int,
    page: tuple[int, int],
    spot: tuple,
    dpi: int,
    rng: random.Random,
) -> tuple[np.ndarray, tuple[float, float, float, float]]:
    """The thumb over the page's edge (lit in the middle of its width, a nail at its tip, a
    soft shadow on the paper) and the fingers behind the page past its edge; and the box of
    the page's pixels it and its shadow cover."""
    width, height = page
    side, start, reach = spot
    length = int(dpi * 0.95)
    outside = int(dpi * 1.1)
    size = (pixels.shape[1], pixels.shape[0])
    if side == "left":
        thumb = (margin - outside, margin + start, margin + reach, margin + start + length)
        palm = (-dpi, margin + start - dpi // 3, margin, margin + start + length + 3 * dpi)
        tip = (thumb[2] - int(dpi * 0.26), thumb[1] + length // 5, thumb[2] - 5,
               thumb[3] - length // 5)  # fmt: skip
        toward = (1.0, 0.0)
    elif side == "right":
        right = margin + width
        thumb = (right - reach, margin + start, right + outside, margin + start + length)
        palm = (right, margin + start - dpi // 3, right + margin + dpi,
                margin + start + length + 3 * dpi)  # fmt: skip
        tip = (thumb[0] + 5, thumb[1] + length // 5, thumb[0] + int(dpi * 0.26),
               thumb[3] - length // 5)  # fmt: skip
        toward = (-1.0, 0.0)
    else:
        bottom = margin + height
        thumb = (margin + start, bottom - reach, margin + start + length, bottom + outside)
        palm = (margin + start - dpi // 3, bottom, margin + start + length + 2 * dpi,
                bottom + margin + dpi)  # fmt: skip
        tip = (thumb[0] + length // 5, thumb[1] + 5, thumb[2] - length // 5,
               thumb[1] + int(dpi * 0.26))  # fmt: skip
        toward = (0.0, -1.0)
    skin = np.float32(SKIN) * rng.uniform(0.8, 1.0)
    # The fingers behind the page, in the page's shade, only past its edge.
    behind = _capsule(size, palm, 3.0)
    inside = np.zeros(pixels.shape[:2], np.float32)
    inside[margin : margin + height, margin : margin + width] = 1
    behind *= 1 - inside
    pixels = pixels * (1 - behind[:, :, None]) + (skin * 0.72) * behind[:, :, None]
    # The thumb's shadow on the paper, then the thumb, rounder in the light.
    offset = (int(8 * toward[0]) + 6, int(8 * toward[1]) + 7)
    shadow_box = (thumb[0] + offset[0], thumb[1] + offset[1], thumb[2] + offset[0],
                  thumb[3] + offset[1])  # fmt: skip
    shadow = _capsule(size, shadow_box, 7.0) * 0.38
    pixels = pixels * (1 - shadow[:, :, None])
    shape = _capsule(size, thumb, 1.4)
    across = np.zeros(pixels.shape[:2], np.float32)
    ys, xs = np.mgrid[0 : pixels.shape[0], 0 : pixels.shape[1]].astype(np.float32)
    if side == "bottom":
        middle, half = (thumb[0] + thumb[2]) / 2, (thumb[2] - thumb[0]) / 2
        across = np.abs(xs - middle) / half
    else:
        middle, half = (thumb[1] + thumb[3]) / 2, (thumb[3] - thumb[1]) / 2
        across = np.abs(ys - middle) / half
    light = (1.08 - 0.3 * np.clip(across, 0, 1) ** 2)[:, :, None]
    pixels = pixels * (1 - shape[:, :, None]) + (skin * light) * shape[:, :, None]
    nail = _capsule(size, tip, 1.2)
    pixels = pixels * (1 - nail[:, :, None] * 0.7) + np.float32([238, 206, 196]) * (
        nail[:, :, None] * 0.7
    )
    reach_x = max(thumb[2], shadow_box[2]) + THUMB_SHADOW // 2
    reach_y = max(thumb[3], shadow_box[3]) + THUMB_SHADOW // 2
    covered = (
        min(thumb[0], shadow_box[0]) - THUMB_SHADOW // 2 - margin,
        min(thumb[1], shadow_box[1]) - THUMB_SHADOW // 2 - margin,
        reach_x - margin,
        reach_y - margin,
    )
    return pixels, covered


def held_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper held up in one hand and photographed with a phone (tenth blind set): the
    thumb over an edge where nothing is printed, the rest of the hand behind the page, the
    page bowed a little, held off square before a room's blurred background, lit from one
    side; a JPEG a page (a PDF of JPEG pages)."""
    dpi = 170
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            picture, matrix, covered, slack = _held(image, dpi, rng, noise)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(76, 88))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size, covered, slack))
    finally:
        document.close()
    return _as_file(pages, dpi)


SKIN = (224, 172, 140)
"""The colour of the hand holding the page, before the light."""


def _held(
    image: Image.Image, dpi: int, rng: random.Random, noise: np.random.Generator
) -> tuple[Image.Image, np.ndarray, tuple, float]:
    width, height = image.size
    margin = int(0.14 * max(width, height))
    full_w, full_h = width + 2 * margin, height + 2 * margin
    # The room behind: a wall and a floor, far out of focus.
    ys = np.linspace(0, 1, full_h, dtype=np.float32)[:, None, None]
    wall = np.float32([rng.uniform(170, 215), rng.uniform(160, 200), rng.uniform(140, 180)])
    floor = wall * np.float32([0.62, 0.52, 0.42])
    line = rng.uniform(0.6, 0.85)
    blend = np.clip((ys - line) * 12 + 0.5, 0, 1)
    room = wall * (1 - blend) + floor * blend + np.zeros((full_h, full_w, 3), np.float32)
    coarse = noise.normal(0, 18, (max(2, full_h // 80), max(2, full_w // 80))).astype(np.float32)
    blobs = cv2.GaussianBlur(
        cv2.resize(coarse, (full_w, full_h), interpolation=cv2.INTER_LINEAR), (0, 0), 30
    )
    pixels = np.clip(room + blobs[:, :, None], 0, 255)
    pixels[margin : margin + height, margin : margin + width] = np.asarray(image, np.float32)
    spot = _thumb_spot(ink(np.asarray(image.convert("L")), 6), dpi, rng)
    covered: tuple[tuple[float, float, float, float], ...] = ()
    if spot is not None:
        pixels, box = _hand(pixels, margin, (width, height), spot, dpi, rng)
        covered = (box,)
    # The page bows: rows rise and fall a little across it.
    bow = rng.uniform(2, 5)
    ys_grid, xs_grid = np.mgrid[0:full_h, 0:full_w].astype(np.float32)
    lift = bow * np.sin(np.pi * (xs_grid - margin) / width).clip(-1, 1)
    pixels = cv2.remap(
        pixels, xs_grid, ys_grid + lift, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
    )
    right, bottom = margin + width, margin + height
    corners = np.float32([[margin, margin], [right, margin], [right, bottom], [margin, bottom]])
    pulled = corners + np.float32(
        [[rng.uniform(-0.03, 0.03) * width, rng.uniform(-0.025, 0.025) * height]
         for _ in range(4)]
    )  # fmt: skip
    warp = cv2.getPerspectiveTransform(corners, pulled)
    warped = cv2.warpPerspective(
        pixels, warp, (full_w, full_h), borderMode=cv2.BORDER_REFLECT, flags=cv2.INTER_LINEAR
    )
    light = np.linspace(rng.uniform(0.8, 0.9), rng.uniform(1.0, 1.06), full_w, dtype=np.float32)
    if rng.random() < 0.5:
        light = light[::-1]
    warped = warped * light[None, :, None] * np.float32([1.0, 0.97, 0.9])
    warped = cv2.GaussianBlur(warped, (0, 0), 0.8)
    warped += noise.normal(0, 4, warped.shape).astype(np.float32)
    picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
    shift = np.array([[1, 0, margin], [0, 1, margin], [0, 0, 1]], dtype=np.float64)
    return picture, warp @ shift, covered, bow + 2


def as_taken(png: bytes, placed: list[Placed] | None = None) -> bytes:
    """A phone screenshot as the phone took it (tenth blind set); ``placed`` gathers that its
    page lies where it was drawn."""
    if placed is not None:
        size = Image.open(io.BytesIO(png)).size
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, PHONE_SCALE / CSS_PIXEL_POINTS, identity, size))
    return png


def cropped(
    png: bytes, top: int, bottom: int, rng: random.Random, placed: list[Placed] | None = None
) -> bytes:
    """A phone screenshot cropped in the phone's photo editor (tenth blind set): ``top`` and
    ``bottom`` CSS pixels (the phone's and the app's bars) cut away, and the empty screen
    under the content too, but for a little; a PNG."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    foot = image.height - bottom * PHONE_SCALE
    pixels = np.asarray(image, dtype=np.int16)[:foot]
    ground = pixels[-1, 0]
    rows = np.nonzero(np.abs(pixels - ground).max(axis=2).max(axis=1) > 6)[0]
    end = int(rows[-1]) + 1 if len(rows) else foot
    end = min(foot, end + rng.randint(12, 40) * PHONE_SCALE)
    kept = image.crop((0, top * PHONE_SCALE, image.width, end))
    if placed is not None:
        matrix = (1.0, 0.0, 0.0, 0.0, 1.0, -float(top * PHONE_SCALE), 0.0, 0.0, 1.0)
        placed.append(Placed(0, PHONE_SCALE / CSS_PIXEL_POINTS, matrix, kept.size))
    out = io.BytesIO()
    kept.save(out, "PNG")
    return out.getvalue()


def desktop_site(
    html: str, width: int, address: str, clock: str, placed: list[Placed] | None = None
) -> bytes:
    """A phone's browser showing a site's desktop version (tenth blind set): the page laid out
    ``width`` CSS pixels wide and shrunk to the phone's 1170 pixels, captured whole by a
    scrolling screenshot under the status bar and the browser's address bar (``address``),
    the gesture bar at the foot; a PNG."""
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    shown = 390 * PHONE_SCALE
    device = shown / width
    try:
        if len(document) != 1:
            raise ValueError("the desktop page overflowed: make it taller")
        image = document[0].render(scale=device / CSS_PIXEL_POINTS).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = np.asarray(image)
    differs = np.abs(pixels.astype(np.int16) - pixels[-1, 0].astype(np.int16)).max(axis=2)
    rows = np.nonzero(differs.max(axis=1) > 6)[0]
    page_part = image.crop((0, 0, image.width, int(rows[-1]) + 1 if len(rows) else 1))
    status, bar, gesture = 44 * PHONE_SCALE, 60 * PHONE_SCALE, 22 * PHONE_SCALE
    height = max(PHONE_SCREEN * PHONE_SCALE, status + bar + page_part.height + gesture)
    screen = Image.new("RGB", (shown, height), (255, 255, 255))
    screen.paste(page_part, (0, status + bar))
    draw = ImageDraw.Draw(screen)
    draw.rectangle((0, 0, shown, status + bar), fill=(241, 243, 244))
    small = ImageFont.truetype(WATERMARK_FONT, 13 * PHONE_SCALE)
    bold = ImageFont.truetype(WATERMARK_FONT.replace("Sans.ttf", "Sans-Bold.ttf"), 14 * PHONE_SCALE)
    draw.text((22 * PHONE_SCALE, 13 * PHONE_SCALE), clock, font=bold, fill=(32, 33, 36))
    draw.text((300 * PHONE_SCALE, 14 * PHONE_SCALE), "▾◢ ▮", font=small, fill=(32, 33, 36))
    field = (12 * PHONE_SCALE, status + 9 * PHONE_SCALE, 318 * PHONE_SCALE,
             status + 51 * PHONE_SCALE)  # fmt: skip
    draw.rounded_rectangle(field, radius=21 * PHONE_SCALE, fill=(255, 255, 255))
    draw.text(
        (field[0] + 16 * PHONE_SCALE, field[1] + 12 * PHONE_SCALE), address, font=small,
        fill=(60, 64, 67),
    )  # fmt: skip
    tabs = (330 * PHONE_SCALE, status + 19 * PHONE_SCALE, 352 * PHONE_SCALE,
            status + 41 * PHONE_SCALE)  # fmt: skip
    draw.rounded_rectangle(tabs, radius=3 * PHONE_SCALE, outline=(60, 64, 67), width=PHONE_SCALE)
    draw.text((336 * PHONE_SCALE, status + 21 * PHONE_SCALE), "3", font=small, fill=(60, 64, 67))
    draw.text((364 * PHONE_SCALE, status + 17 * PHONE_SCALE), "⋮", font=bold, fill=(60, 64, 67))
    draw.line((0, status + bar - 1, shown, status + bar - 1), fill=(218, 220, 224), width=2)
    draw.rectangle((0, height - gesture, shown, height), fill=(255, 255, 255))
    pill = (shown // 2 - 54 * PHONE_SCALE, height - 12 * PHONE_SCALE,
            shown // 2 + 54 * PHONE_SCALE, height - 8 * PHONE_SCALE)  # fmt: skip
    draw.rounded_rectangle(pill, radius=2 * PHONE_SCALE, fill=(30, 30, 30))
    if placed is not None:
        matrix = (1.0, 0.0, 0.0, 0.0, 1.0, float(status + bar), 0.0, 0.0, 1.0)
        placed.append(Placed(0, device / CSS_PIXEL_POINTS, matrix, screen.size))
    out = io.BytesIO()
    screen.save(out, "PNG")
    return out.getvalue()


# ---- the eleventh blind set's renditions --------------------------------------------------


def _stain(side: int, rng: random.Random) -> np.ndarray:
    """A coffee cup's ring: how much each pixel of a ``side`` square darkens (0 to 1), a
    ragged rim, a faint wash inside, a break in the ring."""
    ys, xs = np.mgrid[0:side, 0:side].astype(np.float32)
    middle = side / 2
    angle = np.arctan2(ys - middle, xs - middle)
    wobble = (
        1
        + 0.025 * np.sin(3 * angle + rng.uniform(0, 6))
        + 0.015 * np.sin(7 * angle + rng.uniform(0, 6))
    )
    radius = np.hypot(xs - middle, ys - middle) / (side * 0.42 * wobble)
    rim = np.exp(-(((radius - 1) / 0.035) ** 2)) * 0.75
    wash = np.where(radius < 1, 0.12 + 0.05 * np.sin(5 * angle), 0)
    gap = rng.uniform(-3, 3)
    broken = np.clip(np.abs(np.angle(np.exp(1j * (angle - gap)))) / 0.5, 0.25, 1)
    return np.clip((rim + wash) * broken, 0, 1).astype(np.float32)


def coffee_stain(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The printed pages scanned in colour at 200 dpi, a coffee cup's brown ring on the first
    page with room where it has no print (eleventh blind set); paper not quite white, a
    little skew and noise; a JPEG, or a PDF of JPEG pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    side = int(dpi * rng.uniform(1.05, 1.3))
    ring = _stain(side, rng)
    brown = np.float32([112, 72, 38])
    document = pdfium.PdfDocument(data)
    try:
        pages, stained = [], False
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            pixels = np.asarray(image, dtype=np.float32).copy()
            covered: tuple[tuple[float, float, float, float], ...] = ()
            if not stained:
                spots = blank_spots(ink(np.asarray(image.convert("L")), 12), side, side)
                if spots:
                    left, top = spots[rng.randrange(len(spots))]
                    area = pixels[top : top + side, left : left + side]
                    strength = ring[:, :, None] * rng.uniform(0.5, 0.7)
                    area[:] = area * (1 - strength) + brown * strength
                    covered = ((left, top, left + side, top + side),)
                    stained = True
            pixels = pixels * np.float32([0.95, 0.95, 0.92]) + 5
            pixels += noise.normal(0, 3, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.6)
            turned, matrix = _turned(pixels, rng.uniform(-1.0, 1.0), (240.0, 240.0, 236.0))
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(80, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size, covered))
    finally:
        document.close()
    return _as_file(pages, dpi)


def dog_eared(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The pages scanned in grey with a corner folded over (eleventh blind set): on each page a
    corner where nothing is printed is turned down along a diagonal, its back lying on the
    page with a soft shadow, the scanner's dark lid showing where the corner was; a little
    skew and noise; a JPEG, or a PDF of JPEG pages."""
    dpi = rng.choice((200, 240))
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    lid = rng.uniform(55, 90)
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            grey = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(grey, dtype=np.float32).copy()
            height, width = pixels.shape
            printed = ink(np.asarray(grey), 8)
            covered: tuple[tuple[float, float, float, float], ...] = ()
            corners = ["top_right", "bottom_right", "bottom_left", "top_left"]
            rng.shuffle(corners)
            for corner in corners:
                side = int(dpi * rng.uniform(0.35, 0.55))
                top = 0 if corner.startswith("top") else height - side
                left = 0 if corner.endswith("left") else width - side
                if printed[top : top + side, left : left + side].any():
                    continue
                ys, xs = np.mgrid[0:side, 0:side].astype(np.float32)
                # Distance from the page's corner along both edges (0 at the corner).
                across = (xs if corner.endswith("left") else side - 1 - xs) + (
                    ys if corner.startswith("top") else side - 1 - ys
                )
                gone = across < side  # the corner, folded away: the lid shows
                flap = (across >= side) & (across < 2 * side - 2)
                shade = np.clip((across - side) / (side * 0.6), 0, 1)
                area = pixels[top : top + side, left : left + side]
                area[gone] = lid
                back = 226 - 18 * (1 - shade)
                area[flap & ~gone] = np.minimum(area[flap & ~gone], back[flap & ~gone])
                edge = np.abs(across - side) < 2
                area[edge] = 150
                covered = ((left, top, left + side, top + side),)
                break
            pixels = pixels * 0.9 + 12 + noise.normal(0, 3.5, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.6)
            turned, matrix = _turned(pixels, rng.uniform(-1.3, 1.3), lid)
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(72, 88), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size, covered))
    finally:
        document.close()
    return _as_file(pages, dpi)


def flash_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper photographed with the phone's flash on a dark desk (eleventh blind set): held
    a little off square, bright where the flash hits, darker towards the corners, a cold
    light; a JPEG a page (a PDF of JPEG pages)."""
    dpi = 160
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            width, height = image.size
            margin = int(0.08 * max(width, height))
            full_w, full_h = width + 2 * margin, height + 2 * margin
            desk = np.float32([rng.uniform(40, 60), rng.uniform(32, 48), rng.uniform(26, 40)])
            grain = noise.normal(0, 6, (full_h, full_w)).astype(np.float32)
            grain = cv2.GaussianBlur(grain, (0, 0), 3)[:, :, None]
            pixels = np.zeros((full_h, full_w, 3), np.float32) + desk + grain
            pixels[margin : margin + height, margin : margin + width] = np.asarray(
                image, np.float32
            )
            right, bottom = margin + width, margin + height
            corners = np.float32(
                [[margin, margin], [right, margin], [right, bottom], [margin, bottom]]
            )
            pulled = corners + np.float32(
                [[rng.uniform(-0.025, 0.025) * width, rng.uniform(-0.02, 0.02) * height]
                 for _ in range(4)]
            )  # fmt: skip
            warp = cv2.getPerspectiveTransform(corners, pulled)
            warped = cv2.warpPerspective(
                pixels, warp, (full_w, full_h), borderMode=cv2.BORDER_CONSTANT,
                borderValue=tuple(float(v) for v in desk), flags=cv2.INTER_LINEAR,
            )  # fmt: skip
            ys, xs = np.mgrid[0:full_h, 0:full_w].astype(np.float32)
            spot_x = full_w * rng.uniform(0.4, 0.6)
            spot_y = full_h * rng.uniform(0.35, 0.55)
            distance = np.hypot((xs - spot_x) / full_w, (ys - spot_y) / full_h)
            light = 1.1 * np.exp(-((distance / 0.95) ** 2)) + 0.12
            warped = warped * light[:, :, None] * np.float32([0.96, 0.99, 1.04])
            warped = cv2.GaussianBlur(warped, (0, 0), 0.7)
            warped += noise.normal(0, 4, warped.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(78, 90))
            pages.append(out.getvalue())
            if placed is not None:
                shift = np.array([[1, 0, margin], [0, 1, margin], [0, 0, 1]], dtype=np.float64)
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(warp @ shift), size))
    finally:
        document.close()
    return _as_file(pages, dpi)


SMALL_PHONE_SCALE = 2
SMALL_PHONE_SCREEN = 667


def small_phone(html: str, placed: list[Placed] | None = None) -> bytes:
    """A screenshot on a small phone with a home button (eleventh blind set): the page laid
    out 375 CSS pixels wide at device scale 2 (750 pixels), cut below the content, at least
    one screen tall; a PNG."""
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    scale = SMALL_PHONE_SCALE / CSS_PIXEL_POINTS
    try:
        if len(document) != 1:
            raise ValueError("the phone page overflowed: make it taller")
        image = document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = np.asarray(image)
    background = pixels[-1, 0].astype(np.int16)
    differs = np.abs(pixels.astype(np.int16) - background).max(axis=2).max(axis=1) > 6
    rows = np.nonzero(differs)[0]
    bottom = max(int(rows[-1]) + 1 if len(rows) else 0, SMALL_PHONE_SCREEN * SMALL_PHONE_SCALE)
    kept = image.crop((0, 0, image.width, min(bottom, image.height)))
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, kept.size))
    out = io.BytesIO()
    kept.save(out, "PNG")
    return out.getvalue()


# ---- the twelfth blind set's renditions ---------------------------------------------------

A4_LANDSCAPE = (841.89, 595.28)


def two_up(data: bytes) -> tuple[bytes, str, int]:
    """The pages printed to a PDF two to a sheet (twelfth blind set), as a print dialogue's
    "pages per sheet" makes them: landscape A4 sheets, each page shrunk to fit its half beside
    the next, a hairline round each, the text still text. Returns the bytes, the extension
    and the number of sheets."""
    source = pdfium.PdfDocument(data)
    sheets = pdfium.PdfDocument.new()
    width, height = A4_LANDSCAPE
    margin, gap = 18.0, 14.0
    try:
        count = len(source)
        for first in range(0, count, 2):
            sheet = sheets.new_page(width, height)
            for slot, index in enumerate(range(first, min(first + 2, count))):
                page_width, page_height = source[index].get_size()
                room = ((width - 2 * margin - gap) / 2, height - 2 * margin)
                scale = min(room[0] / page_width, room[1] / page_height)
                left = margin + slot * (room[0] + gap) + (room[0] - page_width * scale) / 2
                bottom = (height - page_height * scale) / 2
                shrunk = source.page_as_xobject(index, sheets).as_pageobject()
                shrunk.transform(pdfium.PdfMatrix().scale(scale, scale).translate(left, bottom))
                sheet.insert_obj(shrunk)
                frame = pdfium_c.FPDFPageObj_CreateNewRect(
                    left, bottom, page_width * scale, page_height * scale
                )
                pdfium_c.FPDFPageObj_SetStrokeColor(frame, 90, 90, 90, 255)
                pdfium_c.FPDFPageObj_SetStrokeWidth(frame, 0.4)
                pdfium_c.FPDFPath_SetDrawMode(frame, 0, True)
                pdfium_c.FPDFPage_InsertObject(sheet.raw, frame)
            sheet.gen_content()
        out = io.BytesIO()
        sheets.save(out)
    finally:
        sheets.close()
        source.close()
    return _fixed_stamps(out.getvalue()), "pdf", (count + 1) // 2


def _fixed_stamps(data: bytes) -> bytes:
    """The PDF dated as ``FIXED_DATES`` and its trailer's identifier made from its content
    (pdfium writes the wall clock and draws the identifier at random), so that the same pages
    give the same bytes; both the same length as before, so that no offset moves."""
    dated = re.sub(rb"\(D:\d{14}", b"(D:20260101000000", data)
    pattern = re.compile(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]")
    digest = hashlib.md5(pattern.sub(b"", dated), usedforsecurity=False).hexdigest().upper()
    mark = f"/ID[<{digest}><{digest}>]".encode()
    return pattern.sub(mark, dated)


def _framed(image: np.ndarray, margin: int, fill: tuple[float, float, float]) -> np.ndarray:
    """The page on a ground ``margin`` pixels wide all round."""
    return cv2.copyMakeBorder(
        image, margin, margin, margin, margin, cv2.BORDER_CONSTANT, value=fill
    )


def _held_off_square(
    margin: int, page: tuple[int, int], rng: random.Random, reach: float
) -> np.ndarray:
    """A perspective that moves each of the page's corners by up to ``reach`` of its size."""
    width, height = page
    right, bottom = margin + width, margin + height
    corners = np.array(
        [[margin, margin], [right, margin], [right, bottom], [margin, bottom]], np.float32
    )
    pulled = corners + np.array(
        [[rng.uniform(-reach, reach) * width, rng.uniform(-reach, reach) * height]
         for _ in range(4)], np.float32,
    )  # fmt: skip
    return np.asarray(cv2.getPerspectiveTransform(corners, pulled), dtype=np.float64)


def sleeve_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper in a clear plastic sleeve, photographed on a table (twelfth blind set): the
    plastic a little hazy and larger than the page, its punched strip beside the page, soft
    streaks of glare and a few bright creases in the plastic, held a little off square; a JPEG
    a page (a PDF of JPEG pages)."""
    dpi = 170
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            width, height = image.size
            margin = int(0.1 * max(width, height))
            table = (rng.uniform(120, 160), rng.uniform(100, 135), rng.uniform(75, 105))
            pixels = _framed(np.asarray(image, np.float32), margin, table)
            full_h, full_w = pixels.shape[:2]
            # The sleeve: a little wider than the page, its strip with the holes at the left.
            strip = int(dpi * 0.45)
            top, left = margin - int(dpi * 0.06), margin - strip
            bottom, right = margin + height + int(dpi * 0.04), margin + width + int(dpi * 0.05)
            sleeve = pixels[top:bottom, left:right]
            sleeve[:] = sleeve * 0.9 + 22
            hole_x = margin - strip // 2
            ys, xs = np.mgrid[0:full_h, 0:full_w].astype(np.float32)
            for hole in range(4):
                hole_y = margin + height * (0.2 + 0.2 * hole)
                inside = np.hypot(xs - hole_x, ys - hole_y) < dpi * 0.1
                pixels[inside] = np.array(table, np.float32) * 0.8
            # Glare: broad soft streaks across the plastic, lightening towards white.
            glare = np.zeros((full_h, full_w), np.float32)
            for _ in range(rng.randint(1, 2)):
                angle = rng.uniform(0.5, 1.1) * rng.choice((1, -1))
                cx, cy = rng.uniform(0.2, 0.8) * full_w, rng.uniform(0.2, 0.8) * full_h
                across = (xs - cx) * np.sin(angle) - (ys - cy) * np.cos(angle)
                glare += rng.uniform(0.18, 0.26) * np.exp(-((across / (full_w * 0.05)) ** 2))
            for _ in range(rng.randint(2, 4)):
                angle = rng.uniform(0, np.pi)
                cx, cy = rng.uniform(0, full_w), rng.uniform(0, full_h)
                across = (xs - cx) * np.sin(angle) - (ys - cy) * np.cos(angle)
                along = (xs - cx) * np.cos(angle) + (ys - cy) * np.sin(angle)
                crease = np.exp(-np.abs(across) / 1.5) * np.exp(-((along / (full_w * 0.15)) ** 2))
                glare += 0.16 * crease
            glare = np.clip(glare, 0, 0.3)
            covered_by_sleeve = np.zeros((full_h, full_w), np.float32)
            covered_by_sleeve[top:bottom, left:right] = 1
            glare *= covered_by_sleeve
            pixels = pixels + (255 - pixels) * glare[:, :, None]
            warp = _held_off_square(margin, (width, height), rng, 0.025)
            warped = cv2.warpPerspective(
                pixels, warp, (full_w, full_h), borderMode=cv2.BORDER_CONSTANT,
                borderValue=table, flags=cv2.INTER_LINEAR,
            )  # fmt: skip
            light = np.linspace(rng.uniform(0.86, 0.94), 1.0, full_h, dtype=np.float32)
            warped = warped * light[:, None, None] * np.array([1.0, 0.98, 0.94], np.float32)
            warped = np.asarray(cv2.GaussianBlur(warped, (0, 0), 0.7), np.float32)
            warped += noise.normal(0, 3.5, warped.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(78, 90))
            pages.append(out.getvalue())
            if placed is not None:
                shift = np.array([[1, 0, margin], [0, 1, margin], [0, 0, 1]], dtype=np.float64)
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(warp @ shift), size))
    finally:
        document.close()
    return _as_file(pages, dpi)


def low_toner(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The pages printed on a laser printer low on toner, then scanned in grey (twelfth blind
    set): the print fainter in bands down the page where the drum ran dry, a few thin pale
    streaks, a faint ghost of the page repeated one turn of the drum lower; the scanner's grey
    paper, a little skew and noise; a JPEG, or a PDF of JPEG pages."""
    dpi = rng.choice((200, 240, 300))
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            grey = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            toner = 255 - np.asarray(grey, dtype=np.float32)
            height, width = toner.shape
            xs = np.arange(width, dtype=np.float32)
            density = np.full(width, rng.uniform(0.86, 0.94), np.float32)
            for _ in range(rng.randint(1, 3)):
                middle = rng.uniform(0.1, 0.9) * width
                spread = rng.uniform(0.04, 0.12) * width
                density -= rng.uniform(0.16, 0.24) * np.exp(-(((xs - middle) / spread) ** 2))
            for _ in range(rng.randint(2, 5)):
                column = int(rng.uniform(0.05, 0.95) * width)
                density[column : column + rng.randint(1, 3)] *= 0.7
            density = np.clip(density, 0.58, 1.0)
            drum = int(dpi * 2.97)  # one turn of the drum: 75 mm
            ghost = np.zeros_like(toner)
            if drum < height:
                ghost[drum:] = toner[:-drum]
            printed = toner * density[None, :] + 0.03 * ghost
            pixels = 255 - np.clip(printed, 0, 255)
            pixels = pixels * 0.92 + 10 + noise.normal(0, 3.5, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.55)
            turned, matrix = _turned(pixels, rng.uniform(-1.2, 1.2), 228.0)
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(74, 88), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size))
    finally:
        document.close()
    return _as_file(pages, dpi)


def shaky_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper photographed in dim indoor light with a hand that moved (twelfth blind set):
    a short streak of motion blur one way, the grain of a dark picture brightened, the warm
    cast of a ceiling lamp, darker corners, held a little off square on a table; a JPEG a page
    (a PDF of JPEG pages)."""
    dpi = 180
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            width, height = image.size
            margin = int(0.07 * max(width, height))
            table = (rng.uniform(95, 130), rng.uniform(85, 115), rng.uniform(70, 95))
            pixels = _framed(np.asarray(image, np.float32), margin, table)
            full_h, full_w = pixels.shape[:2]
            warp = _held_off_square(margin, (width, height), rng, 0.03)
            warped = cv2.warpPerspective(
                pixels, warp, (full_w, full_h), borderMode=cv2.BORDER_CONSTANT,
                borderValue=table, flags=cv2.INTER_LINEAR,
            )  # fmt: skip
            # The hand moved: a short line of blur at some angle.
            length = rng.uniform(2.5, 3.5)
            angle = rng.uniform(0, np.pi)
            size = 9
            kernel = np.zeros((size, size), np.float32)
            for step in np.linspace(-length / 2, length / 2, 15):
                x = size // 2 + step * np.cos(angle)
                y = size // 2 + step * np.sin(angle)
                kernel[int(y + 0.5), int(x + 0.5)] += 1
            kernel /= kernel.sum()
            blurred = cv2.filter2D(warped, -1, kernel)
            ys, xs = np.mgrid[0:full_h, 0:full_w].astype(np.float32)
            distance = np.hypot((xs - full_w / 2) / full_w, (ys - full_h / 2) / full_h)
            light = (1.0 - 0.35 * distance**2) * rng.uniform(0.92, 0.98)
            lit = blurred * light[:, :, None] * np.array([1.0, 0.9, 0.74], np.float32)
            grain = noise.normal(0, rng.uniform(6, 8), lit.shape).astype(np.float32)
            speckle = cv2.GaussianBlur(noise.normal(0, 5, lit.shape[:2]).astype(np.float32),
                                       (0, 0), 1.2)  # fmt: skip
            lit = lit + grain + speckle[:, :, None]
            picture = Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(70, 84))
            pages.append(out.getvalue())
            if placed is not None:
                shift = np.array([[1, 0, margin], [0, 1, margin], [0, 0, 1]], dtype=np.float64)
                size_out = (picture.width, picture.height)
                placed.append(
                    Placed(index, scale, _flat(warp @ shift), size_out, slack=length / 2 + 1)
                )
    finally:
        document.close()
    return _as_file(pages, dpi)


def full_page_pdf(make: Callable[[int | None], str]) -> bytes:
    """Safari's full-page screenshot saved as a PDF (twelfth blind set): the web page alone as
    one page as tall as its content, the text still text. ``make`` gives the page's HTML for
    a height in CSS pixels (None: tall enough for anything); the page is laid out once to
    measure it, then again at its own height."""
    data = pdf(make(None))
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the page overflowed: make it taller")
        image = document[0].render(scale=1 / CSS_PIXEL_POINTS).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = np.asarray(image).astype(np.int16)
    differs = np.abs(pixels - pixels[-1, 0]).max(axis=2).max(axis=1) > 6
    rows = np.nonzero(differs)[0]
    # A few pixels more than the print reaches: the page's last box ends a little below it.
    data = pdf(make(int(rows[-1]) + 4 if len(rows) else image.height))
    if page_count(data) != 1:
        raise ValueError("the measured page overflowed")
    return data


TRANSLATED_SCREEN = 915


def android_capture(html: str, placed: list[Placed] | None = None) -> bytes:
    """A scrolling screenshot on an Android phone (twelfth blind set): the page laid out 412
    CSS pixels wide at device scale 2.625 (1081 pixels), cut below the content, at least one
    screen tall; a PNG."""
    return _long_capture(html, ANDROID_SCALE, TRANSLATED_SCREEN, "PNG", 0, placed)


SAMSUNG_SCALE = 3
SAMSUNG_SCREEN = 780


def samsung_jpeg(html: str, rng: random.Random, placed: list[Placed] | None = None) -> bytes:
    """A screenshot on a Samsung phone set to save them as JPEGs (twelfth blind set): the page
    laid out 360 CSS pixels wide at device scale 3 (1080 pixels), cut below the content, at
    least one screen tall, saved at JPEG quality 90–95."""
    return _long_capture(html, SAMSUNG_SCALE, SAMSUNG_SCREEN, "JPEG", rng.randint(90, 95), placed)


def _long_capture(
    html: str,
    device: float,
    screen: int,
    kind: str,
    quality: int,
    placed: list[Placed] | None,
) -> bytes:
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    scale = device / CSS_PIXEL_POINTS
    try:
        if len(document) != 1:
            raise ValueError("the phone page overflowed: make it taller")
        image = document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = np.asarray(image).astype(np.int16)
    differs = np.abs(pixels - pixels[-1, 0]).max(axis=2).max(axis=1) > 6
    rows = np.nonzero(differs)[0]
    bottom = max(int(rows[-1]) + 1 if len(rows) else 0, round(screen * device))
    kept = image.crop((0, 0, image.width, min(bottom, image.height)))
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, kept.size))
    out = io.BytesIO()
    if kind == "JPEG":
        kept.save(out, "JPEG", quality=quality)
    else:
        kept.save(out, "PNG")
    return out.getvalue()


# ---- the thirteenth blind set's renditions ------------------------------------------------


def annotated(data: bytes, marks: list[str], note: str) -> bytes:
    """The text PDF marked up in a PDF reader (thirteenth blind set): a yellow highlight
    annotation over the first place each of ``marks`` is printed (a space in a mark stands
    for any run of spaces), and a comment (a note's icon in the top margin of the first page,
    ``note`` its text); the annotations' appearances drawn, the text still text."""
    document = pdfium.PdfDocument(data)
    try:
        for number in range(len(document)):
            page = document[number]
            letters = page.get_textpage()
            text = letters.get_text_range().replace("\u00a0", " ")
            for mark in marks:
                parts = mark.replace("\u00a0", " ").split()
                wanted = r"\s+".join(re.escape(part) for part in parts)
                found = re.search(wanted, text)
                if not found:
                    continue
                boxes = [
                    letters.get_charbox(index)
                    for index in range(found.start(), found.end())
                    if not text[index].isspace()
                ]
                left, bottom = min(b[0] for b in boxes) - 1.5, min(b[1] for b in boxes) - 1.5
                right, top = max(b[2] for b in boxes) + 1.5, max(b[3] for b in boxes) + 1.5
                _annotation(page, pdfium_c.FPDF_ANNOT_HIGHLIGHT, (left, bottom, right, top), "")
            if number == 0:
                width, height = page.get_size()
                box = (width - 62.0, height - 34.0, width - 44.0, height - 16.0)
                _annotation(page, pdfium_c.FPDF_ANNOT_TEXT, box, note)
            # Drawing the page makes pdfium write each annotation's appearance into the file.
            page.render(scale=0.1, draw_annots=True)
        out = io.BytesIO()
        document.save(out)
    finally:
        document.close()
    return _fixed_stamps(out.getvalue())


def _annotation(page: pdfium.PdfPage, kind: int, box: tuple[float, ...], note: str) -> None:
    left, bottom, right, top = box
    annotation = pdfium_c.FPDFPage_CreateAnnot(page.raw, kind)
    try:
        pdfium_c.FPDFAnnot_SetColor(
            annotation, pdfium_c.FPDFANNOT_COLORTYPE_Color, 255, 226, 40, 255
        )
        if kind == pdfium_c.FPDF_ANNOT_HIGHLIGHT:
            quad = pdfium_c.FS_QUADPOINTSF(left, top, right, top, left, bottom, right, bottom)
            pdfium_c.FPDFAnnot_AppendAttachmentPoints(annotation, quad)
        pdfium_c.FPDFAnnot_SetRect(annotation, pdfium_c.FS_RECTF(left, top, right, bottom))
        if note:
            text = ctypes.create_string_buffer(note.encode("utf-16-le") + b"\x00\x00")
            pointer = ctypes.cast(text, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
            pdfium_c.FPDFAnnot_SetStringValue(annotation, b"Contents", pointer)
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annotation)


def rotated_page(data: bytes) -> tuple[bytes, str, int]:
    """Each landscape page stored as a portrait page, its content turned a quarter
    counter-clockwise, and the page's rotation (a quarter clockwise) set to show it upright
    (thirteenth blind set), as some programs save a landscape page; the text still text.
    Returns the bytes, the extension and the number of pages."""
    source = pdfium.PdfDocument(data)
    turned = pdfium.PdfDocument.new()
    try:
        count = len(source)
        for index in range(count):
            width, height = source[index].get_size()
            sheet = turned.new_page(height, width)
            content = source.page_as_xobject(index, turned).as_pageobject()
            content.transform(pdfium.PdfMatrix().rotate(90, ccw=True).translate(height, 0))
            sheet.insert_obj(content)
            sheet.gen_content()
            pdfium_c.FPDFPage_SetRotation(sheet.raw, 1)
        out = io.BytesIO()
        turned.save(out)
    finally:
        turned.close()
        source.close()
    return _fixed_stamps(out.getvalue()), "pdf", count


def _surface(size: tuple[int, int], rng: random.Random, noise: np.random.Generator) -> np.ndarray:
    """A wooden table top seen from above: warm brown, the grain running away from the
    camera, now lighter, now darker."""
    width, height = size
    base = np.float32([rng.uniform(120, 150), rng.uniform(82, 102), rng.uniform(52, 68)])
    ys = np.arange(height, dtype=np.float32)[:, None]
    xs = np.arange(width, dtype=np.float32)[None, :]
    wave = np.sin(xs / rng.uniform(5, 8) + 2.5 * np.sin(ys / rng.uniform(250, 420)))
    fibres = cv2.GaussianBlur(
        noise.normal(0, 1, (max(2, height // 60), width)).astype(np.float32), (0, 0), 1.2
    )
    fibres = cv2.resize(fibres, (width, height), interpolation=cv2.INTER_LINEAR)
    boards = cv2.GaussianBlur(noise.normal(0, 1, (1, max(2, width // 90))).astype(np.float32),
                              (0, 0), 0.8)  # fmt: skip
    boards = cv2.resize(boards, (width, height), interpolation=cv2.INTER_NEAREST)
    shade = 1 + 0.025 * wave + 0.05 * fibres + 0.04 * boards
    return np.clip(base[None, None, :] * shade[:, :, None], 0, 255).astype(np.float32)


def _laid_on(
    ground: np.ndarray,
    paper: np.ndarray,
    warp: np.ndarray,
    offset: tuple[int, int],
    shape: np.ndarray | None = None,
) -> np.ndarray:
    """``paper`` (its top left corner at ``offset`` on the ground before ``warp``; ``shape``
    its outline, 0 to 1, else the whole rectangle) taken by the warp onto the ground, with a
    soft shadow below it."""
    full_h, full_w = ground.shape[:2]
    height, width = paper.shape[:2]
    shift = np.array([[1, 0, offset[0]], [0, 1, offset[1]], [0, 0, 1]], dtype=np.float64)
    matrix = warp @ shift
    laid = cv2.warpPerspective(
        paper, matrix, (full_w, full_h), borderMode=cv2.BORDER_CONSTANT, flags=cv2.INTER_LINEAR
    )
    outline = np.ones((height, width), np.float32) if shape is None else shape
    cover = cv2.warpPerspective(
        outline, matrix, (full_w, full_h), borderMode=cv2.BORDER_CONSTANT,
        flags=cv2.INTER_LINEAR,
    )  # fmt: skip
    shade = cv2.GaussianBlur(np.roll(cover, (9, 6), axis=(0, 1)), (0, 0), 9) * 0.35
    ground = ground * (1 - shade[:, :, None])
    return ground * (1 - cover[:, :, None]) + laid * cover[:, :, None]


def angled_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper on a wooden table photographed at a steep angle from its foot (thirteenth
    blind set): the far edge a fifth narrower than the near one and the page foreshortened
    towards it, turned a little, the light falling off towards the far edge, the far part a
    little out of focus; a JPEG a page (a PDF of JPEG pages)."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            width, height = image.size
            margin = int(0.09 * max(width, height))
            full_w, full_h = width + 2 * margin, height + 2 * margin
            paper = np.asarray(image, np.float32) * np.float32([0.97, 0.96, 0.93])
            right, bottom = margin + width, margin + height
            corners = np.float32([[margin, margin], [right, margin], [right, bottom],
                                  [margin, bottom]])  # fmt: skip
            squeeze = rng.uniform(0.09, 0.11) * width
            lower = rng.uniform(0.05, 0.08) * height
            drift = rng.uniform(-0.03, 0.03) * width
            pulled = np.float32(
                [[margin + squeeze + drift, margin + lower],
                 [right - squeeze + drift, margin + lower],
                 [right + rng.uniform(-0.01, 0.01) * width, bottom],
                 [margin + rng.uniform(-0.01, 0.01) * width, bottom]]
            )  # fmt: skip
            warp = cv2.getPerspectiveTransform(corners, pulled)
            turn = cv2.getRotationMatrix2D((full_w / 2, full_h / 2), rng.uniform(-2, 2), 1.0)
            warp = np.vstack([turn, [0, 0, 1]]) @ warp
            warped = _laid_on(_surface((full_w, full_h), rng, noise), paper, warp, (margin,) * 2)
            depth = np.linspace(0, 1, full_h, dtype=np.float32)[:, None]
            soft = cv2.GaussianBlur(warped, (0, 0), 1.3)
            far = np.clip(1 - depth * 1.6, 0, 1)[:, :, None] * 0.7
            warped = warped * (1 - far) + soft * far
            light = (rng.uniform(0.78, 0.86) + (1 - rng.uniform(0.78, 0.86)) * depth) * 1.03
            warped = warped * light[:, :, None] * np.float32([1.0, 0.97, 0.91])
            warped = cv2.GaussianBlur(warped, (0, 0), 0.6)
            warped += noise.normal(0, 3.5, warped.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(80, 90))
            pages.append(out.getvalue())
            if placed is not None:
                shift = np.array([[1, 0, margin], [0, 1, margin], [0, 0, 1]], dtype=np.float64)
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(warp @ shift), size, slack=1.5))
    finally:
        document.close()
    return _as_file(pages, dpi)


def wallet_folded(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper folded in four, carried for a while in a bag, unfolded and scanned in colour
    at 200 dpi (thirteenth blind set): a crease across and one down the middle (a dark line,
    a light ridge beside it, each quarter lifting a little off the glass towards the
    creases), the paper yellowed and a little grubby along the folds, the corners worn round
    where nothing is printed (the lid's white behind them); a little skew and noise; a JPEG,
    or a PDF of JPEG pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    lid = rng.uniform(236, 246)
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            pixels = np.asarray(image, np.float32) * np.float32([0.97, 0.95, 0.87])
            height, width = pixels.shape[:2]
            ys = np.arange(height, dtype=np.float32)[:, None]
            xs = np.arange(width, dtype=np.float32)[None, :]
            across = height * rng.uniform(0.48, 0.52)
            down = width * rng.uniform(0.48, 0.52)
            lift = (
                1
                - 0.09 * np.exp(-np.abs(ys - across) / (0.05 * height))
                - 0.09 * np.exp(-np.abs(xs - down) / (0.05 * width))
            )
            crease = 1 - rng.uniform(0.18, 0.26) * (
                np.exp(-(((ys - across) / 2.2) ** 2)) + np.exp(-(((xs - down) / 2.2) ** 2))
            )
            ridge = 0.05 * (
                np.exp(-(((ys - across - 6) / 3.5) ** 2)) + np.exp(-(((xs - down - 6) / 3.5) ** 2))
            )
            grime = cv2.GaussianBlur(
                noise.normal(0, 1, (height // 20 + 1, width // 20 + 1)).astype(np.float32),
                (0, 0), 1.5,
            )  # fmt: skip
            grime = cv2.resize(grime, (width, height), interpolation=cv2.INTER_LINEAR)
            near = np.exp(-np.minimum(np.abs(ys - across), np.abs(xs - down)) / (0.08 * width))
            dirt = 1 - 0.035 * np.clip(grime, 0, 2) * (0.4 + near)
            pixels = pixels * (lift * crease * dirt + ridge)[:, :, None]
            printed = ink(np.asarray(image.convert("L")), 6)
            for corner_y, corner_x in ((0, 0), (0, width), (height, 0), (height, width)):
                radius = int(dpi * rng.uniform(0.08, 0.22))
                if rng.random() < 0.25:
                    continue
                top = 0 if corner_y == 0 else height - radius
                left = 0 if corner_x == 0 else width - radius
                if printed[top : top + radius, left : left + radius].any():
                    continue
                box_ys = np.arange(top, top + radius, dtype=np.float32)[:, None]
                box_xs = np.arange(left, left + radius, dtype=np.float32)[None, :]
                centre_y = radius if corner_y == 0 else height - radius
                centre_x = radius if corner_x == 0 else width - radius
                outside = np.hypot(box_ys - centre_y, box_xs - centre_x) > radius
                pixels[top : top + radius, left : left + radius][outside] = lid
            pixels += noise.normal(0, 3, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.6)
            turned, matrix = _turned(pixels, rng.uniform(-1.0, 1.0), (lid, lid, lid))
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(80, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(matrix), size))
    finally:
        document.close()
    return _as_file(pages, dpi)


def halftone_scan(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """An office scanner's halftone mode (thirteenth blind set): the page in grey at 200 dpi,
    a little skew and noise, then one bit a pixel by error diffusion, so that grey print and
    the paper's tone become patterns of dots; a PNG a page, or a PDF of such pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            grey = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(grey, np.float32) * rng.uniform(0.965, 0.985) + 3
            pixels += noise.normal(0, 2, pixels.shape).astype(np.float32)
            pixels = cv2.GaussianBlur(pixels, (0, 0), 0.5)
            turned, matrix = _turned(pixels, rng.uniform(-0.8, 0.8), 250.0)
            level = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            pages.append(level.convert("1"))
            if placed is not None:
                size = (level.width, level.height)
                placed.append(Placed(index, scale, _flat(matrix), size))
    finally:
        document.close()
    out = io.BytesIO()
    if len(pages) == 1:
        pages[0].save(out, "PNG", dpi=(dpi, dpi))
        return out.getvalue(), "png", 1
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi, **FIXED_DATES)
    return out.getvalue(), "pdf", len(pages)


IPAD_SCALE = 2
IPAD_SCREEN = 820


def ipad_screenshot(html: str, placed: list[Placed] | None = None) -> bytes:
    """A tablet's screenshot in landscape (thirteenth blind set): the page laid out 1180 CSS
    pixels wide at device scale 2 (2360 × 1640 pixels), one screen; a PNG."""
    scale = IPAD_SCALE / CSS_PIXEL_POINTS
    image = _page_image(html, scale)
    kept = image.crop((0, 0, image.width, IPAD_SCREEN * IPAD_SCALE))
    if placed is not None:
        below = (0.0, float(kept.height), float(image.width), float(image.height))
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, kept.size, (below,)))
    out = io.BytesIO()
    kept.save(out, "PNG")
    return out.getvalue()


def _page_image(html: str, scale: float) -> Image.Image:
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the page overflowed: make it taller")
        return document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def phone_screens(
    html: str, screen: tuple[int, int], top: int, bottom: int, placed: list[Placed] | None = None
) -> list[Image.Image]:
    """The screens a phone shows of a page as it is scrolled to the end, each as its
    screenshot (device scale 3): the page's first ``top`` CSS pixels (the status bar and the
    app's bar) at the top of every screen, its last ``bottom`` (the tool bar and the home
    indicator, laid out after the content) at the foot of every screen, the content scrolled
    between them; each screen after the first begins at the last blank line above where the
    one before was cut (so that the line cut there is shown whole). ``placed`` gathers where
    each screen shows the page (the page's rest counted as covered)."""
    scale = PHONE_SCALE / CSS_PIXEL_POINTS
    image = _page_image(html, scale)
    pixels = np.asarray(image).astype(np.int16)
    ground = pixels[-1, 0]
    used = np.nonzero(np.abs(pixels - ground).max(axis=2).max(axis=1) > 6)[0]
    end = int(used[-1]) + 1
    head, foot = top * PHONE_SCALE, bottom * PHONE_SCALE
    width, height = screen[0] * PHONE_SCALE, screen[1] * PHONE_SCALE
    room = height - head - foot
    content_end = end - foot
    blank = np.asarray(image.convert("L")).min(axis=1) > 160
    starts = [head]
    while starts[-1] + room < content_end:
        cut = starts[-1] + room
        lines = np.nonzero(blank[starts[-1] + room // 3 : cut])[0]
        starts.append(starts[-1] + room // 3 + int(lines[-1]) if len(lines) else cut)
    shots = []
    for start in starts:
        shot = Image.new("RGB", (width, height), tuple(int(v) for v in ground))
        shot.paste(image.crop((0, 0, width, head)), (0, 0))
        shot.paste(image.crop((0, start, width, min(start + room, content_end))), (0, head))
        shot.paste(image.crop((0, end - foot, width, end)), (0, height - foot))
        shots.append(shot)
        if placed is not None:
            matrix = (1.0, 0.0, 0.0, 0.0, 1.0, float(head - start), 0.0, 0.0, 1.0)
            hidden = (
                (0.0, 0.0, float(width), float(start)),
                (0.0, float(start + room), float(width), float(image.height)),
            )
            placed.append(Placed(0, scale, matrix, (width, height), hidden))
    return shots


def screenshots_pdf(
    html: str, top: int, bottom: int, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """Scrolling screenshots of a phone gathered into one PDF by the phone's "create PDF"
    (thirteenth blind set): a page for each screenshot (``phone_screens``, 390 × 844 CSS
    pixels), each page the picture alone. Returns the bytes, the extension and the pages."""
    shots = phone_screens(html, (390, PHONE_SCREEN), top, bottom, placed)
    out = io.BytesIO()
    shots[0].save(
        out, "PDF", save_all=True, append_images=shots[1:], resolution=72 * PHONE_SCALE,
        **FIXED_DATES,
    )  # fmt: skip
    return out.getvalue(), "pdf", len(shots)


def pro_max_screenshot(
    html: str, screen: tuple[int, int], top: int, bottom: int, placed: list[Placed] | None = None
) -> bytes:
    """A large phone's screenshot (thirteenth blind set): the first screen of the page
    (``phone_screens``) 430 CSS pixels wide at device scale 3 (1290 pixels); a PNG."""
    found: list[Placed] = []
    shot = phone_screens(html, screen, top, bottom, found)[0]
    if placed is not None:
        placed.append(found[0])
    out = io.BytesIO()
    shot.save(out, "PNG")
    return out.getvalue()


def phone_photo(
    html: str, top: int, bottom: int, rng: random.Random, placed: list[Placed] | None = None
) -> bytes:
    """The phone's screen photographed with another phone (thirteenth blind set): the first
    screen (``phone_screens``) in the phone's black frame with rounded corners, lying on a
    wooden table, photographed from a little off square, a faint moiré of the screen's pixels
    and a soft reflection across it; a JPEG."""
    noise = np.random.default_rng(rng.randrange(2**32))
    found: list[Placed] = []
    shot = phone_screens(html, (390, PHONE_SCREEN), top, bottom, found)[0]
    width, height = shot.size
    bezel = 14 * PHONE_SCALE
    body_w, body_h = width + 2 * bezel, height + 2 * bezel
    outline = Image.new("L", (body_w, body_h), 0)
    ImageDraw.Draw(outline).rounded_rectangle(
        (0, 0, body_w - 1, body_h - 1), radius=56 * PHONE_SCALE, fill=255
    )
    phone = np.zeros((body_h, body_w, 3), np.float32) + np.float32([18, 18, 20])
    screen = np.asarray(shot, np.float32) * 0.94
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    moire = 1 - 0.03 * (np.sin((xs * 0.7 + ys * 0.71) / rng.uniform(3.5, 5.5)) + 1) / 2
    screen *= moire[:, :, None]
    angle = rng.uniform(0.6, 1.0)
    across = (xs - width * rng.uniform(0.3, 0.7)) * np.sin(angle)
    across -= (ys - height * 0.4) * np.cos(angle)
    screen += (26 * np.exp(-((across / (width * 0.25)) ** 2)))[:, :, None]
    rounded = Image.new("L", (width, height), 0)
    ImageDraw.Draw(rounded).rounded_rectangle(
        (0, 0, width - 1, height - 1), radius=44 * PHONE_SCALE, fill=255
    )
    inside = np.asarray(rounded, np.float32)[:, :, None] / 255
    spot = phone[bezel : bezel + height, bezel : bezel + width]
    spot[:] = spot * (1 - inside) + screen * inside
    margin = int(0.12 * body_h)
    full_w, full_h = body_w + 2 * margin, body_h + 2 * margin
    left, upper = margin + bezel, margin + bezel
    corners = np.float32([[left, upper], [left + width, upper], [left + width, upper + height],
                          [left, upper + height]])  # fmt: skip
    pulled = corners + np.float32(
        [[rng.uniform(-0.03, 0.03) * width, rng.uniform(-0.02, 0.02) * height]
         for _ in range(4)]
    )  # fmt: skip
    warp = cv2.getPerspectiveTransform(corners, pulled)
    shape = np.asarray(outline, np.float32) / 255
    warped = _laid_on(_surface((full_w, full_h), rng, noise), phone, warp, (margin,) * 2, shape)
    light = np.linspace(rng.uniform(0.85, 0.92), 1.02, full_w, dtype=np.float32)
    warped = warped * light[None, :, None]
    warped = cv2.GaussianBlur(warped, (0, 0), 0.8)
    warped += noise.normal(0, 4, warped.shape).astype(np.float32)
    shrink = 0.8
    small = cv2.resize(
        np.clip(warped, 0, 255).astype(np.uint8), (round(full_w * shrink), round(full_h * shrink)),
        interpolation=cv2.INTER_AREA,
    )  # fmt: skip
    picture = Image.fromarray(small, "RGB")
    if placed is not None:
        where = found[0]
        moved = np.array([[1, 0, left], [0, 1, upper], [0, 0, 1]], dtype=np.float64)
        smaller = np.diag([shrink, shrink, 1.0])
        matrix = smaller @ warp @ moved @ np.asarray(where.matrix, np.float64).reshape(3, 3)
        placed.append(Placed(0, where.scale, _flat(matrix), picture.size, where.covered, 2.0))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(80, 90))
    return out.getvalue()


# ---- the fourteenth blind set's renditions ------------------------------------------------

STAMP_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _stamp(lines: tuple[str, str, str], rng: random.Random, dpi: int) -> Image.Image:
    """A rubber stamp's print in red ink: a rounded frame, three lines, the ink uneven; RGBA,
    turned a few degrees."""
    width, height = int(dpi * 1.9), int(dpi * 0.85)
    mark = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mark)
    line = max(dpi // 60, 2)
    draw.rounded_rectangle((line, line, width - line, height - line), dpi // 12, outline=255,
                           width=line)  # fmt: skip
    sizes = (dpi // 6, dpi // 7, dpi // 9)
    top = dpi // 12
    for text, size in zip(lines, sizes, strict=True):
        font = ImageFont.truetype(STAMP_FONT, size)
        left = (width - draw.textlength(text, font=font)) / 2
        draw.text((left, top), text, font=font, fill=255)
        top += int(size * 1.35)
    noise = np.random.default_rng(rng.randrange(2**32))
    ink_level = np.asarray(mark, np.float32) / 255
    ink_level *= np.clip(noise.normal(0.85, 0.18, ink_level.shape), 0.3, 1).astype(np.float32)
    alpha = Image.fromarray((ink_level * 235).astype(np.uint8), "L")
    stamp = Image.new("RGBA", (width, height), (196, 28, 36, 0))
    stamp.putalpha(alpha)
    return stamp.rotate(rng.uniform(-8, 8), resample=Image.Resampling.BICUBIC, expand=True)


def stamped_scan(
    data: bytes,
    lines: tuple[str, str, str],
    rng: random.Random,
    placed: list[Placed] | None = None,
) -> tuple[bytes, str, int]:
    """A page stamped with a rubber stamp in red ink where nothing is printed (fourteenth blind
    set: an employer's or insurer's received stamp, ``lines``), then scanned in colour at 200
    dpi with a little skew and noise; a JPEG a page, or a PDF of JPEG pages. The stamp goes on
    the first page only."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            covered: tuple[tuple[float, float, float, float], ...] = ()
            if index == 0:
                stamp = _stamp(lines, rng, dpi)
                grey = np.asarray(image.convert("L"))
                spots = blank_spots(ink(grey, dpi // 10), stamp.width, stamp.height, 16)
                lower = [spot for spot in spots if spot[1] > grey.shape[0] // 3] or spots
                if lower:
                    at = lower[rng.randrange(len(lower))]
                    image.paste(stamp, at, stamp)
                    box = (at[0], at[1], at[0] + stamp.width, at[1] + stamp.height)
                    covered = (tuple(float(v) for v in box),)  # type: ignore[assignment]
            pixels = np.asarray(image, np.float32) * np.float32([0.97, 0.965, 0.95]) + 2
            pixels += noise.normal(0, 2.5, pixels.shape).astype(np.float32)
            turned, matrix = _turned(pixels, rng.uniform(-0.7, 0.7), (245.0, 244.0, 240.0))
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(82, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), picture.size, covered))
    finally:
        document.close()
    return _as_file(pages, dpi)


def duplex_scan(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """Single-sided pages fed through a duplex document feeder (fourteenth blind set): each
    page in grey at 200 dpi with a little skew, followed by the scan of its blank back (the
    paper's tone, noise, a faint line from the feeder's glass); always a PDF of JPEG pages,
    twice as many as the document has. ``placed`` gathers the printed pages only (their
    place in the file: ``Placed.page`` is the document's page, the file's page twice it)."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            grey = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(grey, np.float32) * 0.96 + 4
            pixels += noise.normal(0, 2.5, pixels.shape).astype(np.float32)
            turned, matrix = _turned(pixels, rng.uniform(-0.9, 0.9), 236.0)
            front = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            back = np.full(pixels.shape, rng.uniform(238, 246), np.float32)
            back += noise.normal(0, 2.5, back.shape).astype(np.float32)
            streak = rng.randrange(back.shape[1] // 8, back.shape[1] * 7 // 8)
            back[:, streak : streak + 2] -= 18
            for picture in (front, Image.fromarray(np.clip(back, 0, 255).astype(np.uint8), "L")):
                out = io.BytesIO()
                picture.save(out, "JPEG", quality=85, dpi=(dpi, dpi))
                pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), front.size))
    finally:
        document.close()
    images = [Image.open(io.BytesIO(page)) for page in pages]
    out = io.BytesIO()
    images[0].save(
        out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, **FIXED_DATES
    )
    return out.getvalue(), "pdf", len(pages)


KEY_ROWS = {
    "nb": ("qwertyuiopå", "asdfghjkløæ", "zxcvbnm"),
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
}


def keyboard_screenshot(
    html: str, keyboard: int, language: str, placed: list[Placed] | None = None
) -> bytes:
    """A phone's screenshot with the keyboard up (fourteenth blind set): the page (one screen,
    390 × 844 CSS pixels at device scale 3), its last ``keyboard`` CSS pixels under the
    keyboard (the row of suggestions, three rows of keys in the language's layout, the
    space bar and the search key); a PNG."""
    scale = PHONE_SCALE / CSS_PIXEL_POINTS
    image = _page_image(html, scale)
    width, height = image.size
    top = height - keyboard * PHONE_SCALE
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, top, width, height), fill=(209, 212, 218))
    unit = PHONE_SCALE
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 22 * unit)
    small = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 16 * unit)
    words = (
        ("egenandel", "egenandeler", "eigendel") if language != "en" else ("user", "users", "used")
    )
    for number, word in enumerate(words):
        middle = width * (2 * number + 1) / 6
        draw.text((middle, top + 22 * unit), word, font=small, fill=(30, 30, 30), anchor="mm")
    rows = KEY_ROWS["en" if language == "en" else "nb"]
    key_w = (width - 6 * unit) / 11 if language != "en" else (width - 6 * unit) / 10
    for row_number, row in enumerate(rows):
        y = top + (44 + row_number * 54) * unit
        start = (width - key_w * len(row)) / 2
        for column, letter in enumerate(row):
            left = start + column * key_w + 3 * unit
            box = (left, y, left + key_w - 6 * unit, y + 44 * unit)
            draw.rounded_rectangle(box, 5 * unit, fill=(255, 255, 255))
            draw.text(((box[0] + box[2]) / 2, y + 22 * unit), letter, font=font,
                      fill=(0, 0, 0), anchor="mm")  # fmt: skip
    y = top + (44 + 3 * 54) * unit
    draw.rounded_rectangle((width * 0.25, y, width * 0.72, y + 44 * unit), 5 * unit,
                           fill=(255, 255, 255))  # fmt: skip
    draw.rounded_rectangle((width * 0.75, y, width - 4 * unit, y + 44 * unit), 5 * unit,
                           fill=(0, 122, 255))  # fmt: skip
    search = "Search" if language == "en" else "Søk"
    draw.text((width * 0.875, y + 22 * unit), search, font=small, fill=(255, 255, 255),
              anchor="mm")  # fmt: skip
    draw.rounded_rectangle((width * 0.35, height - 10 * unit, width * 0.65, height - 5 * unit),
                           3 * unit, fill=(20, 20, 20))  # fmt: skip
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        under = ((0.0, float(top), float(width), float(height)),)
        placed.append(Placed(0, scale, identity, image.size, under))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# ---- the fifteenth blind set's renditions -------------------------------------------------


def _colour_scan(
    image: Image.Image, rng: random.Random, noise: np.random.Generator
) -> tuple[Image.Image, np.ndarray]:
    """A page scanned in colour: warm paper, a little noise, a small skew; the picture and
    the 3 × 3 matrix of the skew."""
    pixels = np.asarray(image, np.float32) * np.array([0.96, 0.955, 0.935], np.float32) + 3
    pixels += noise.normal(0, 2.5, pixels.shape).astype(np.float32)
    turned, matrix = _turned(pixels, rng.uniform(-0.8, 0.8), (243.0, 241.0, 236.0))
    return Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "RGB"), matrix


def _found(page: pdfium.PdfPage, text: str) -> list[tuple[float, float, float, float]]:
    """The boxes (PDF points: left, bottom, right, top) of each place ``text`` is printed on
    the page (a space in ``text`` stands for any run of spaces)."""
    wanted = r"\s+".join(re.escape(part) for part in text.replace("\u00a0", " ").split())
    textpage = page.get_textpage()
    letters = textpage.get_text_range().replace("\u00a0", " ")
    boxes = []
    for match in re.finditer(wanted, letters):
        chars = [textpage.get_charbox(i) for i in range(match.start(), match.end())]
        chars = [box for box, c in zip(chars, match.group(), strict=True) if not c.isspace()]
        boxes.append(
            (min(b[0] for b in chars), min(b[1] for b in chars),
             max(b[2] for b in chars), max(b[3] for b in chars))
        )  # fmt: skip
    return boxes


def _tick(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], rng: random.Random) -> None:
    """A ballpoint tick inside ``box`` (left, top, right, bottom), blue ink."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    points = [
        (left + width * rng.uniform(0.0, 0.1), top + height * rng.uniform(0.45, 0.6)),
        (left + width * rng.uniform(0.3, 0.4), bottom - height * rng.uniform(0.0, 0.08)),
        (right - width * rng.uniform(0.0, 0.08), top + height * rng.uniform(0.0, 0.1)),
    ]
    ink_colour = (rng.randint(20, 40), rng.randint(40, 60), rng.randint(130, 165))
    draw.line(points, fill=ink_colour, width=max(height // 9, 3), joint="curve")


def ticked_scan(
    data: bytes, marks: list[str], rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """A page whose lines the student ticked off with a ballpoint pen, a tick to the right of
    each place one of ``marks`` (the fees' amounts) is printed, where nothing is printed
    (fifteenth blind set), then scanned in colour at 200 dpi; a JPEG a page, or a PDF of JPEG
    pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            height = page.get_height()
            image = page.render(scale=scale).to_pil().convert("RGB")
            printed = ink(np.asarray(image.convert("L")), 3)
            draw = ImageDraw.Draw(image)
            covered: list[tuple[float, float, float, float]] = []
            for mark in dict.fromkeys(marks):
                for box in _found(page, mark):
                    size = int((box[3] - box[1]) * scale * 1.5)
                    left = int(box[2] * scale) + size // 2
                    top = int((height - box[3]) * scale) - size // 4
                    where = (left, top, left + size, top + size)
                    if (
                        where[2] >= image.width
                        or top < 0
                        or printed[top : where[3], left : where[2]].any()
                    ):
                        continue
                    _tick(draw, where, rng)
                    covered.append((float(left), float(top), float(where[2]), float(where[3])))
            picture, matrix = _colour_scan(image, rng, noise)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(82, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), picture.size, tuple(covered)))
    finally:
        document.close()
    return _as_file(pages, dpi)


def _paper_clip(dpi: int, rng: random.Random) -> Image.Image:
    """A steel paper clip's part in front of the page, seen from above: two nested loops of
    wire, light steel with a dark edge and a soft shadow; RGBA, turned a few degrees."""
    width, height = int(dpi * 0.42), int(dpi * 1.3)
    wire = max(dpi // 45, 3)
    shape = Image.new("L", (width + 2 * wire, height + 2 * wire), 0)
    draw = ImageDraw.Draw(shape)
    draw.rounded_rectangle((wire, wire, width, height), width // 2, outline=255, width=wire)
    inner = (wire + width // 5, wire, width - width // 5, int(height * 0.72))
    draw.rounded_rectangle(inner, (inner[2] - inner[0]) // 2, outline=255, width=wire)
    # The top of the outer loop is behind the page: cut it away above the page's edge.
    draw.rectangle((0, 0, shape.width, wire * 3), fill=0)
    mask = np.asarray(shape, np.float32) / 255
    shadow = cv2.GaussianBlur(np.roll(mask, (wire, wire), (0, 1)), (0, 0), wire)
    rgba = np.zeros((*mask.shape, 4), np.float32)
    shade = np.linspace(120, 200, mask.shape[1], dtype=np.float32)[None, :]
    for channel, tint in enumerate((1.0, 1.0, 1.04)):
        rgba[:, :, channel] = np.where(mask > 0, shade * tint, 40)
    rgba[:, :, 3] = np.maximum(mask * 255, shadow * 90)
    clip = Image.fromarray(np.clip(rgba, 0, 255).astype(np.uint8), "RGBA")
    return clip.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BICUBIC, expand=True)


def clipped_scan(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """Pages held together by a paper clip over the first page's top edge where nothing is
    printed (fifteenth blind set), scanned in colour at 200 dpi with the clip on; a JPEG a
    page, or a PDF of JPEG pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            covered: tuple[tuple[float, float, float, float], ...] = ()
            if index == 0:
                clip = _paper_clip(dpi, rng)
                grey = np.asarray(image.convert("L"))
                spots = blank_spots(ink(grey, dpi // 12), clip.width, clip.height, 16)
                top = [spot for spot in spots if spot[1] == 0] or spots
                if top:
                    at = top[rng.randrange(len(top))]
                    image.paste(clip, at, clip)
                    box = (at[0], at[1], at[0] + clip.width, at[1] + clip.height)
                    covered = (tuple(float(v) for v in box),)  # type: ignore[assignment]
            picture, matrix = _colour_scan(image, rng, noise)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(82, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), picture.size, covered))
    finally:
        document.close()
    return _as_file(pages, dpi)


def split_screen(upper: str, lower: str, divider: int, placed: list[Placed] | None = None) -> bytes:
    """An Android phone's screenshot in split screen (fifteenth blind set): the page
    ``upper`` (the app, with the status bar) in the upper window, a black bar ``divider`` CSS
    pixels high with its handle, the page ``lower`` (another app, with the gesture bar) below;
    360 CSS pixels wide at device scale 3; a PNG."""
    scale = PHONE_SCALE / CSS_PIXEL_POINTS
    top = _page_image(upper, scale)
    bottom = _page_image(lower, scale)
    bar = divider * PHONE_SCALE
    shot = Image.new("RGB", (top.width, top.height + bar + bottom.height), (0, 0, 0))
    shot.paste(top, (0, 0))
    shot.paste(bottom, (0, top.height + bar))
    middle = top.height + bar // 2
    ImageDraw.Draw(shot).rounded_rectangle(
        (shot.width * 0.42, middle - PHONE_SCALE, shot.width * 0.58, middle + PHONE_SCALE),
        PHONE_SCALE, fill=(200, 200, 200),
    )  # fmt: skip
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, shot.size))
    out = io.BytesIO()
    shot.save(out, "PNG")
    return out.getvalue()


# ---- the sixteenth blind set's renditions -------------------------------------------------

PAPER_TINTS = ((252, 244, 196), (250, 224, 230), (222, 240, 214), (214, 230, 246))
"""Pale coloured paper (RGB): yellow, pink, green, blue, as a copy or a practice's own stock."""


def coloured_paper_scan(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """Pages printed on pale coloured paper (sixteenth blind set), the ink a little
    translucent on it, scanned in colour at 200 dpi; a JPEG a page, or a PDF of JPEG pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    tint = np.array(rng.choice(PAPER_TINTS), np.float32) / 255
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            pixels = np.asarray(image, np.float32)
            # Ink over coloured paper: the paper's colour multiplied into every pixel.
            tinted = pixels * tint[np.newaxis, np.newaxis, :]
            coloured = Image.fromarray(np.clip(tinted, 0, 255).astype(np.uint8), "RGB")
            picture, matrix = _colour_scan(coloured, rng, noise)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(80, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), picture.size))
    finally:
        document.close()
    return _as_file(pages, dpi)


def skewed_feed(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """Pages fed crooked through a sheet feeder (sixteenth blind set): each turned 4 to 7
    degrees one way or the other, the feeder's dark grey backing round it, scanned in grey at
    200 or 300 dpi; a JPEG a page, or a PDF of JPEG pages."""
    dpi = rng.choice((200, 300))
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    backing = rng.uniform(45, 75)
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(image, np.float32) * rng.uniform(0.9, 0.95) + rng.uniform(4, 10)
            degrees = rng.uniform(4, 7) * rng.choice((-1, 1))
            turned, matrix = _turned(pixels, degrees, backing)
            turned += noise.normal(0, 3, turned.shape).astype(np.float32)
            turned = cv2.GaussianBlur(turned, (0, 0), 0.6)
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(70, 88), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), picture.size))
    finally:
        document.close()
    return _as_file(pages, dpi)


VIEWER_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
VIEWER_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
VIEWER_TOP = 104
"""CSS pixels above the picture in the photo viewer (the status bar, the top bar)."""
VIEWER_BOTTOM = 140
"""CSS pixels below it (the strip of other pictures, the toolbar, the home indicator)."""


def photos_viewer(
    html: str, chrome: tuple[str, str, str, str, str], placed: list[Placed] | None = None
) -> bytes:
    """A screenshot (the page, one iPhone screen) opened in the phone's photo viewer and
    captured again there (sixteenth blind set): the first screenshot shrunk to fit between
    the viewer's top bar (``chrome``: the way back, the day and the time it was taken, the
    edit button; then the clock now, on the status bar) and its strip of thumbnails and
    toolbar, on white; 390 × 844 CSS pixels at device scale 3; a PNG."""
    scale = PHONE_SCALE / CSS_PIXEL_POINTS
    inner = _page_image(html, scale)
    width, height = PHONE_SCALE * 390, PHONE_SCALE * PHONE_SCREEN
    top, bottom = VIEWER_TOP * PHONE_SCALE, VIEWER_BOTTOM * PHONE_SCALE
    shrink = (height - top - bottom) / inner.height
    size = (round(inner.width * shrink), round(inner.height * shrink))
    left = (width - size[0]) // 2
    shot = Image.new("RGB", (width, height), (255, 255, 255))
    shot.paste(inner.resize(size, Image.Resampling.LANCZOS), (left, top))
    draw = ImageDraw.Draw(shot)
    font = ImageFont.truetype(VIEWER_FONT, 15 * PHONE_SCALE)
    bold = ImageFont.truetype(VIEWER_BOLD, 15 * PHONE_SCALE)
    small = ImageFont.truetype(VIEWER_FONT, 12 * PHONE_SCALE)
    back, when, clock, edit, now = chrome
    draw.text((32 * PHONE_SCALE, 16 * PHONE_SCALE), now, fill=(0, 0, 0), font=bold)
    draw.rounded_rectangle(
        (width - 62 * PHONE_SCALE, 18 * PHONE_SCALE, width - 34 * PHONE_SCALE, 30 * PHONE_SCALE),
        3 * PHONE_SCALE, outline=(0, 0, 0), width=PHONE_SCALE,
    )  # fmt: skip
    blue = (0, 122, 255)
    draw.text((12 * PHONE_SCALE, 62 * PHONE_SCALE), f"‹ {back}", fill=blue, font=font)
    draw.text((width // 2, 58 * PHONE_SCALE), when, fill=(0, 0, 0), font=bold, anchor="mt")
    draw.text((width // 2, 78 * PHONE_SCALE), clock, fill=(60, 60, 67), font=small, anchor="mt")
    draw.text((width - 14 * PHONE_SCALE, 62 * PHONE_SCALE), edit, fill=blue, font=font, anchor="ra")
    strip = height - bottom + 14 * PHONE_SCALE
    for n in range(-4, 5):
        x = width // 2 + n * 34 * PHONE_SCALE
        shade = (150, 160, 175) if n else (210, 215, 225)
        box = (x - 15 * PHONE_SCALE, strip, x + 15 * PHONE_SCALE, strip + 40 * PHONE_SCALE)
        draw.rectangle(box, fill=shade)
    icons = height - 58 * PHONE_SCALE
    for n in range(4):
        x = (48 + n * 98) * PHONE_SCALE
        draw.rounded_rectangle(
            (x - 9 * PHONE_SCALE, icons, x + 9 * PHONE_SCALE, icons + 18 * PHONE_SCALE),
            3 * PHONE_SCALE, outline=blue, width=PHONE_SCALE,
        )  # fmt: skip
    draw.rounded_rectangle(
        (width * 0.35, height - 10 * PHONE_SCALE, width * 0.65, height - 8 * PHONE_SCALE),
        PHONE_SCALE, fill=(0, 0, 0),
    )  # fmt: skip
    if placed is not None:
        placed.append(Placed(0, scale * shrink, (1.0, 0, left, 0, 1.0, top, 0, 0, 1.0), shot.size))
    out = io.BytesIO()
    shot.save(out, "PNG")
    return out.getvalue()


# ---- the seventeenth blind set's renditions -----------------------------------------------


def streaked_scan(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """Pages fed through a sheet feeder whose glass has dust or a smear on it (seventeenth
    blind set): one to three thin dark streaks run the length of every page, each where the
    page has no print in its column, scanned in grey at 200 dpi, a little skewed; a JPEG a
    page, or a PDF of JPEG pages."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        first = document[0].render(scale=scale, grayscale=True).to_pil().convert("L")
        width = first.width
        columns: set[int] = set(range(12, width - 12))
        for index in range(len(document)):
            grey = np.asarray(
                document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            )
            marked = ink(grey, 6).any(axis=0)
            columns &= {int(x) for x in np.flatnonzero(~marked)}
        inside = [x for x in sorted(columns) if width * 0.12 < x < width * 0.88]
        choices = inside or sorted(columns)
        streaks = [
            (x, rng.randint(2, 4), rng.uniform(35, 80))
            for x in rng.sample(choices, k=min(len(choices), rng.randint(1, 3)))
        ]
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale, grayscale=True).to_pil().convert("L")
            pixels = np.asarray(image, np.float32) * rng.uniform(0.9, 0.95) + rng.uniform(6, 12)
            for x, thick, shade in streaks:
                pixels[:, x : x + thick] = np.minimum(pixels[:, x : x + thick], shade)
            pixels += noise.normal(0, 3, pixels.shape).astype(np.float32)
            turned, matrix = _turned(pixels, rng.uniform(-0.7, 0.7), 238.0)
            turned = cv2.GaussianBlur(turned, (0, 0), 0.6)
            picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "L")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(75, 90), dpi=(dpi, dpi))
            pages.append(out.getvalue())
            if placed is not None:
                placed.append(Placed(index, scale, _flat(matrix), picture.size))
    finally:
        document.close()
    return _as_file(pages, dpi)


TAPE_DEPTH = 9
"""How far (mm) a strip of tape reaches onto the receipt at its top and at its foot."""


def taped_scan(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """A small receipt (A5, one page) taped onto a white A4 sheet with two strips of clear
    tape, one over its top edge and one over its foot, and the sheet scanned in colour at 200
    dpi (seventeenth blind set); the tape a little yellow and glossy, lying only on the
    receipt's margins; a JPEG."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("a taped receipt is one page")
        receipt = np.asarray(document[0].render(scale=scale).to_pil().convert("RGB"), np.float32)
    finally:
        document.close()
    mm = dpi / 25.4
    sheet_size = (round(210 * mm), round(297 * mm))
    sheet = np.full((sheet_size[1], sheet_size[0], 3), 250.0, np.float32)
    height, width = receipt.shape[:2]
    left = rng.randint(round(12 * mm), sheet_size[0] - width - round(12 * mm))
    top = rng.randint(round(25 * mm), round(60 * mm))
    shade = np.array([0.97, 0.965, 0.94], np.float32)  # the receipt's paper, a shade off
    # The receipt's own shadow on the sheet (the scanner's light from one side), its edge.
    sheet[top + 3 : top + height + 3, left + 3 : left + width + 3] *= 0.8
    sheet[top : top + height, left : left + width] = receipt * shade
    sheet[top : top + height, [left, left + width - 1]] *= 0.75
    sheet[[top, top + height - 1], left : left + width] *= 0.75
    depth = round(TAPE_DEPTH * mm)
    covered = []
    for edge in (top, top + height):
        tape_left = left + rng.randint(round(8 * mm), round(30 * mm))
        tape_right = min(left + width - rng.randint(round(8 * mm), round(30 * mm)), sheet_size[0])
        upper, lower = edge - depth, edge + depth
        strip = sheet[upper:lower, tape_left:tape_right]
        glossy = np.linspace(0.97, 1.0, strip.shape[0], dtype=np.float32)[:, None, None]
        sheet[upper:lower, tape_left:tape_right] = (
            strip * np.array([0.97, 0.96, 0.9], np.float32) * glossy + 4
        )
        for y in (upper, lower - 1):
            sheet[y, tape_left:tape_right] *= 0.86
        sheet[upper:lower, tape_left] *= 0.9
        sheet[upper:lower, tape_right - 1] *= 0.9
        on_page = (
            tape_left - left,
            max(upper - top, 0),
            tape_right - left,
            min(lower - top, height),
        )
        covered.append(tuple(float(value) for value in on_page))
    sheet += noise.normal(0, 2.2, sheet.shape).astype(np.float32)
    picture, matrix = _colour_scan(
        Image.fromarray(np.clip(sheet, 0, 255).astype(np.uint8), "RGB"), rng, noise
    )
    shift = np.array([[1, 0, left], [0, 1, top], [0, 0, 1]], np.float64)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(80, 90), dpi=(dpi, dpi))
    if placed is not None:
        placed.append(Placed(0, scale, _flat(matrix @ shift), picture.size, covered=tuple(covered)))
    return out.getvalue(), "jpg", 1


FOLD_SCALE = 3


def fold_screenshot(html: str, placed: list[Placed] | None = None) -> bytes:
    """A screenshot of an unfolded phone's wide inner screen (seventeenth blind set): the page,
    one screen, at device scale 3; a PNG."""
    scale = FOLD_SCALE / CSS_PIXEL_POINTS
    shot = _page_image(html, scale)
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, shot.size))
    out = io.BytesIO()
    shot.save(out, "PNG")
    return out.getvalue()


# ---- the eighteenth blind set's renditions ------------------------------------------------


def _hand_shadow(
    size: tuple[int, int], page: tuple[float, float, float, float], rng: random.Random
) -> np.ndarray:
    """How much light the phone and the hand holding it take away, 0 to 1 over the picture
    (``size``): the phone's shadow a rounded box over the page (``page``: its left, top, right
    and bottom in the picture), the hand's and the arm's a band from it to the picture's foot,
    all with the soft edge of a shadow cast from a ceiling light."""
    width, height = size
    left, top, right, bottom = page
    across, down = right - left, bottom - top
    shape = Image.new("L", size, 0)
    draw = ImageDraw.Draw(shape)
    centre = left + across * rng.uniform(0.3, 0.7)
    phone_top = top + down * rng.uniform(0.3, 0.55)
    phone_w, phone_h = across * rng.uniform(0.3, 0.36), down * rng.uniform(0.2, 0.25)
    tilt = rng.uniform(-0.12, 0.12) * phone_w
    draw.rounded_rectangle(
        (centre - phone_w / 2 + tilt, phone_top, centre + phone_w / 2 + tilt, phone_top + phone_h),
        radius=int(phone_w * 0.12), fill=255,
    )  # fmt: skip
    wrist = phone_top + phone_h * rng.uniform(0.55, 0.8)
    hand_w = phone_w * rng.uniform(0.55, 0.7)
    arm_x = centre + rng.uniform(-0.25, 0.25) * across
    draw.polygon(
        [(centre - hand_w / 2, wrist), (centre + hand_w / 2, wrist),
         (arm_x + hand_w * 0.7, height), (arm_x - hand_w * 0.7, height)],
        fill=255,
    )  # fmt: skip
    mask = np.asarray(shape, np.float32) / 255
    return cv2.GaussianBlur(mask, (0, 0), max(width, height) * rng.uniform(0.012, 0.02))


def shadow_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """The paper on a wooden table photographed from above with a phone under a ceiling light
    (eighteenth blind set): the shadow of the phone and the hand holding it falls across the
    middle and the lower part of the page, soft-edged, taking a fifth to a quarter of the
    light; the page a little off square and turned, lit a little unevenly; a JPEG a page (a
    PDF of JPEG pages)."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=scale).to_pil().convert("RGB")
            width, height = image.size
            margin = int(0.07 * max(width, height))
            full_w, full_h = width + 2 * margin, height + 2 * margin
            paper = np.asarray(image, np.float32) * np.array([0.97, 0.965, 0.94], np.float32)
            right, bottom = margin + width, margin + height
            corners = np.array(
                [[margin, margin], [right, margin], [right, bottom], [margin, bottom]], np.float32
            )
            pulled = corners + np.array(
                [[rng.uniform(-0.02, 0.02) * width, rng.uniform(-0.02, 0.02) * height]
                 for _ in range(4)], np.float32,
            )  # fmt: skip
            warp = cv2.getPerspectiveTransform(corners, pulled)
            turn = cv2.getRotationMatrix2D((full_w / 2, full_h / 2), rng.uniform(-2.5, 2.5), 1.0)
            warp = np.vstack([turn, [0, 0, 1]]) @ warp
            warped = _laid_on(_surface((full_w, full_h), rng, noise), paper, warp, (margin,) * 2)
            outline = cv2.perspectiveTransform(corners[None, :, :].astype(np.float64), warp)[0]
            box = (
                float(outline[:, 0].min()), float(outline[:, 1].min()),
                float(outline[:, 0].max()), float(outline[:, 1].max()),
            )  # fmt: skip
            shade = _hand_shadow((full_w, full_h), box, rng) * rng.uniform(0.2, 0.25)
            warped = warped * (1 - shade[:, :, None])
            xs = np.linspace(0, 1, full_w, dtype=np.float32)[None, :]
            light = rng.uniform(0.9, 0.95) + (1 - 0.92) * (xs if rng.random() < 0.5 else 1 - xs)
            warped = warped * light[:, :, None] * np.array([1.0, 0.975, 0.93], np.float32)
            warped = cv2.GaussianBlur(warped, (0, 0), 0.6)
            warped += noise.normal(0, 3.0, warped.shape).astype(np.float32)
            picture = Image.fromarray(np.clip(warped, 0, 255).astype(np.uint8), "RGB")
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=rng.randint(80, 90))
            pages.append(out.getvalue())
            if placed is not None:
                shift = np.array([[1, 0, margin], [0, 1, margin], [0, 0, 1]], dtype=np.float64)
                size = (picture.width, picture.height)
                placed.append(Placed(index, scale, _flat(warp @ shift), size, slack=1.5))
    finally:
        document.close()
    return _as_file(pages, dpi)


def _staple(dpi: int, rng: random.Random) -> Image.Image:
    """A staple seen from the front: a short bar of bright steel with dark ends where its legs
    go through the paper, and a thin shadow; RGBA, turned a little off the horizontal."""
    length, thick = int(dpi * 0.47), max(dpi // 55, 3)
    staple = Image.new("RGBA", (length + 8, thick + 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(staple)
    draw.rectangle((5, 6, length + 5, thick + 6), fill=(40, 40, 40, 70))
    draw.rectangle((3, 3, length + 3, thick + 3), fill=(176, 180, 186, 255))
    draw.line((3, 3, length + 3, 3), fill=(226, 228, 232, 255), width=1)
    for end in (3, length + 3 - thick):
        draw.rectangle((end, 3, end + thick, thick + 3), fill=(92, 94, 98, 255))
    return staple.rotate(rng.uniform(8, 20), resample=Image.Resampling.BICUBIC, expand=True)


def stapled_slip(
    data: bytes, slip: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """A receipt (one page) with the card terminal's slip (``slip``, a page of its own)
    stapled onto it where the receipt has no print, the slip's top corner stapled, scanned in
    colour at 200 dpi (eighteenth blind set); a receipt smaller than A4 lies in a corner of
    the A4 glass, the lid's white round it and the slip free to reach past its edge; a
    JPEG."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("a stapled receipt is one page")
        receipt = document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    thermal = pdfium.PdfDocument(slip)
    try:
        paper = thermal[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        thermal.close()
    mm = dpi / 25.4
    width, height = receipt.size
    if height < 250 * mm:
        sheet = (round(210 * mm), round(297 * mm))
        offset = (
            rng.randint(round(4 * mm), round(9 * mm)),
            rng.randint(round(4 * mm), round(9 * mm)),
        )
    else:
        sheet, offset = (width, height), (0, 0)
    canvas = Image.new("RGB", sheet, (247, 247, 245))
    if offset != (0, 0):
        ImageDraw.Draw(canvas).rectangle(
            (offset[0] + 4, offset[1] + 4, offset[0] + width + 4, offset[1] + height + 4),
            fill=(214, 214, 212),
        )  # fmt: skip
    canvas.paste(receipt, offset)
    printed = np.zeros((sheet[1], sheet[0]), bool)
    printed[offset[1] : offset[1] + height, offset[0] : offset[0] + width] = ink(
        np.asarray(receipt.convert("L")), round(3 * mm)
    )
    # Thermal paper: a cool white, the print a dark grey, the slip turned a little.
    tinted = np.asarray(paper, np.float32) * np.array([0.965, 0.97, 0.975], np.float32) + 4
    slip_image = Image.fromarray(np.clip(tinted, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    slip_image = slip_image.rotate(
        rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(0, 0, 0, 0)
    )
    pad = round(2 * mm)
    spots = [
        (x, y)
        for x, y in blank_spots(
            printed, slip_image.width + 2 * pad, slip_image.height + 2 * pad, 16
        )
        if offset[0] + 8 * mm < x + pad + 12 * mm < offset[0] + width - 8 * mm
        and offset[1] + 8 * mm < y + pad + 8 * mm < offset[1] + height - 8 * mm
    ]
    if not spots:
        raise ValueError("no room on the receipt for the terminal's slip")
    # Where a hand puts it: low and to the right of the room there is.
    spots.sort(key=lambda at: -(at[0] + at[1] * 2) // 40)
    x, y = spots[rng.randrange(min(8, len(spots)))]
    left, top = x + pad, y + pad
    shadow = Image.new("RGBA", slip_image.size, (0, 0, 0, 0))
    shadow.putalpha(slip_image.getchannel("A").point(lambda value: value * 60 // 255))
    canvas.paste(shadow, (left + 5, top + 6), shadow)
    canvas.paste(slip_image, (left, top), slip_image)
    staple = _staple(dpi, rng)
    at = (left + round(3 * mm), top + round(0.5 * mm))
    canvas.paste(staple, at, staple)
    right = max(left + slip_image.width, at[0] + staple.width) + 6
    lower = max(top + slip_image.height, at[1] + staple.height) + 6
    on_page = (
        float(max(min(left, at[0]) - offset[0], 0)), float(max(min(top, at[1]) - offset[1], 0)),
        float(min(right - offset[0], width)), float(min(lower - offset[1], height)),
    )  # fmt: skip
    picture, matrix = _colour_scan(canvas, rng, noise)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(82, 90), dpi=(dpi, dpi))
    if placed is not None:
        shift = np.array([[1, 0, offset[0]], [0, 1, offset[1]], [0, 0, 1]], np.float64)
        placed.append(Placed(0, scale, _flat(matrix @ shift), picture.size, (on_page,)))
    return out.getvalue(), "jpg", 1


def redacted_screenshot(
    html: str, marks: list[str], rng: random.Random, placed: list[Placed] | None = None
) -> bytes:
    """A phone's screenshot of the page (one screen, device scale 3) with each of ``marks``
    blacked out with the photo editor's marker before it was sent (eighteenth blind set): two
    or three overlapping strokes of a broad black pen along the text, a little longer than it
    and not quite straight; a PNG."""
    scale = PHONE_SCALE / CSS_PIXEL_POINTS
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the page overflowed: make it taller")
        page = document[0]
        page_height = page.get_height()
        shot = page.render(scale=scale).to_pil().convert("RGB")
        boxes = [box for mark in marks for box in _found(page, mark)]
    finally:
        document.close()
    draw = ImageDraw.Draw(shot)
    covered = []
    for box in boxes:
        left, top = box[0] * scale, (page_height - box[3]) * scale
        right, bottom = box[2] * scale, (page_height - box[1]) * scale
        thick = (bottom - top) * rng.uniform(1.15, 1.35)
        middle = (top + bottom) / 2
        reach = thick * 0.15
        strokes = rng.choice((2, 3))
        for stroke in range(strokes):
            rise = rng.uniform(-0.12, 0.12) * thick
            y = middle + (stroke - (strokes - 1) / 2) * thick * 0.18
            start, end = (left - reach + thick / 2, y - rise), (right + reach - thick / 2, y + rise)
            draw.line((start, end), fill=(14, 14, 16), width=round(thick))
            for cx, cy in (start, end):
                draw.ellipse(
                    (cx - thick / 2, cy - thick / 2, cx + thick / 2, cy + thick / 2),
                    fill=(14, 14, 16),
                )  # fmt: skip
        slack = thick * 0.3
        covered.append(
            (left - reach - 2, middle - thick / 2 - slack - 2, right + reach + 2,
             middle + thick / 2 + slack + 2)
        )  # fmt: skip
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, shot.size, tuple(covered)))
    out = io.BytesIO()
    shot.save(out, "PNG")
    return out.getvalue()


# ---- the nineteenth blind set's renditions ------------------------------------------------

EXIF_ORIENTATION = 0x0112
EXIF_MAKE = 0x010F
EXIF_MODEL = 0x0110
PHONE_MODELS = ("iPhone 12", "iPhone 13", "iPhone SE (2nd generation)", "iPhone 14")


def exif_photo(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """A page (one) on a wooden table photographed from above with the phone held upright
    (nineteenth blind set): a 3 : 4 picture, the page a little off square and turned, the
    lens's corners a little darker; stored as the camera's sensor took it, on its side, with
    the EXIF orientation tag (6, now and then 8) that tells a viewer to turn it upright; a
    JPEG."""
    dpi = 200
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("a photographed card is one page")
        image = document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    width, height = image.size
    margin_y = int(0.07 * height)
    full_h = height + 2 * margin_y
    full_w = max(round(full_h * 3 / 4), width + 2 * int(0.05 * width))
    margin_x = (full_w - width) // 2
    paper = np.asarray(image, np.float32) * np.array([0.975, 0.97, 0.955], np.float32)
    right, bottom = margin_x + width, margin_y + height
    corners = np.array(
        [[margin_x, margin_y], [right, margin_y], [right, bottom], [margin_x, bottom]], np.float32
    )
    pulled = corners + np.array(
        [[rng.uniform(-0.015, 0.015) * width, rng.uniform(-0.015, 0.015) * height]
         for _ in range(4)], np.float32,
    )  # fmt: skip
    warp = cv2.getPerspectiveTransform(corners, pulled)
    turn = cv2.getRotationMatrix2D((full_w / 2, full_h / 2), rng.uniform(-3, 3), 1.0)
    warp = np.vstack([turn, [0, 0, 1]]) @ warp
    shown = _laid_on(_surface((full_w, full_h), rng, noise), paper, warp, (margin_x, margin_y))
    ys, xs = np.mgrid[0:full_h, 0:full_w].astype(np.float32)
    reach = np.hypot((xs - full_w / 2) / (full_w / 2), (ys - full_h / 2) / (full_h / 2))
    shown = shown * (1 - rng.uniform(0.08, 0.12) * np.clip(reach - 0.55, 0, 1) ** 2)[:, :, None]
    shown = cv2.GaussianBlur(shown, (0, 0), 0.7)
    shown += noise.normal(0, 2.8, shown.shape).astype(np.float32)
    upright = Image.fromarray(np.clip(shown, 0, 255).astype(np.uint8), "RGB")
    orientation = rng.choice((6, 6, 6, 8))
    # Orientation 6: a viewer turns the stored picture a quarter clockwise, so the sensor's
    # picture is the upright one turned a quarter counter-clockwise (8: the other way).
    if orientation == 6:
        stored = upright.transpose(Image.Transpose.ROTATE_90)
        to_stored = np.array([[0, 1, 0], [-1, 0, full_w], [0, 0, 1]], np.float64)
    else:
        stored = upright.transpose(Image.Transpose.ROTATE_270)
        to_stored = np.array([[0, -1, full_h], [1, 0, 0], [0, 0, 1]], np.float64)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    exif[EXIF_MAKE] = "Apple"
    exif[EXIF_MODEL] = rng.choice(PHONE_MODELS)
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=rng.randint(82, 92), exif=exif.tobytes())
    if placed is not None:
        shift = np.array([[1, 0, margin_x], [0, 1, margin_y], [0, 0, 1]], np.float64)
        size = (stored.width, stored.height)
        placed.append(Placed(0, scale, _flat(to_stored @ warp @ shift), size, slack=1.5))
    return out.getvalue(), "jpg", 1


IMPACT_PITCH = 3
"""Pixels between the printer's dots at 300 dpi (a 24-pin head's 1/100 inch)."""
RIBBON = (52, 42, 80)
"""A worn nylon ribbon's ink (RGB): a violet black."""


def impact_dots(grey: np.ndarray, noise: np.random.Generator) -> np.ndarray:
    """Where a page's print (``grey``, 300 dpi) is struck by the pins, 0 to 1 a pixel: the page
    cut into cells of ``IMPACT_PITCH`` pixels, a pin struck in each cell the print covers a
    fifth of, each pin a round dot at the cell's middle (lighter to its corners), struck a
    little harder or softer."""
    height, width = grey.shape
    pitch = IMPACT_PITCH
    rows, columns = -(-height // pitch), -(-width // pitch)
    padded = np.zeros((rows * pitch, columns * pitch), np.float32)
    padded[:height, :width] = (255 - np.asarray(grey, np.float32)) / 255
    cells = padded.reshape(rows, pitch, columns, pitch).mean(axis=(1, 3))
    pins = (cells > 0.2).astype(np.float32)
    centre = (pitch - 1) / 2
    ky, kx = np.mgrid[0:pitch, 0:pitch].astype(np.float32)
    dot = np.clip(1.95 - np.hypot(ky - centre, kx - centre), 0, 1)
    strike = pins * noise.uniform(0.86, 1.0, pins.shape).astype(np.float32)
    return np.asarray(np.kron(strike, dot)[:height, :width], np.float32)


def impact_print(
    data: bytes, rng: random.Random, placed: list[Placed] | None = None
) -> tuple[bytes, str, int]:
    """A roll receipt (one page) as an impact printer prints it (nineteenth blind set): each
    letter made of the pins' round dots on a grid of 1/100 inch, through a worn ribbon whose
    ink is a violet black, stronger and fainter down the roll; scanned in colour at 300 dpi on
    a flatbed, the scanner's software cropping to the roll with a little of the lid round it,
    the roll a little crooked; a JPEG."""
    dpi = 300
    scale = dpi / 72
    noise = np.random.default_rng(rng.randrange(2**32))
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("a roll receipt is one page")
        grey = np.asarray(
            document[0].render(scale=scale, grayscale=True).to_pil().convert("L"), np.float32
        )
    finally:
        document.close()
    height, width = grey.shape
    dots = impact_dots(grey, noise)
    wear = cv2.resize(
        noise.uniform(0, 1, (max(2, height // 180), 1)).astype(np.float32), (1, height),
        interpolation=cv2.INTER_CUBIC,
    )  # fmt: skip
    density = np.clip(0.84 + 0.13 * wear, 0.8, 0.97)
    ink = cv2.GaussianBlur(dots * density, (0, 0), 0.45)[:, :, None]
    paper = np.array([247, 245, 238], np.float32) + noise.normal(0, 1.2, (height, width, 1)).astype(
        np.float32
    )
    roll = paper * (1 - ink) + np.array(RIBBON, np.float32) * ink
    # The roll's edges a shade darker (the paper's cut), the lid's white round it.
    roll[:, :3] *= 0.9
    roll[:, -3:] *= 0.9
    lid = int(rng.uniform(0.03, 0.05) * dpi)
    canvas = np.full((height + 2 * lid, width + 2 * lid, 3), 250.0, np.float32)
    canvas[lid + 3 : lid + height + 3, lid + 3 : lid + width + 3] *= 0.86  # its shadow
    canvas[lid : lid + height, lid : lid + width] = roll
    turned, matrix = _turned(canvas, rng.uniform(-0.9, 0.9), (250.0, 250.0, 250.0))
    turned += noise.normal(0, 2.0, turned.shape).astype(np.float32)
    turned = cv2.GaussianBlur(turned, (0, 0), 0.5)
    picture = Image.fromarray(np.clip(turned, 0, 255).astype(np.uint8), "RGB")
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=rng.randint(84, 92), dpi=(dpi, dpi))
    if placed is not None:
        shift = np.array([[1, 0, lid], [0, 1, lid], [0, 0, 1]], np.float64)
        placed.append(Placed(0, scale, _flat(matrix @ shift), picture.size))
    return out.getvalue(), "jpg", 1


PIP_SIZE = (160, 90)
"""CSS pixels of the floating video window (16 : 9)."""
PIP_INSET = 8
"""CSS pixels the window keeps from the screen's sides."""


def _pip_window(rng: random.Random) -> Image.Image:
    """A paused video in a floating window, device pixels: a dim scene (a sky, hills and a
    person's head and shoulders), the window's close and expand buttons, the pause button and
    the progress bar over it, rounded corners and a soft shadow; RGBA."""
    s = PHONE_SCALE
    width, height = PIP_SIZE[0] * s, PIP_SIZE[1] * s
    pad = 10 * s
    top = np.array([rng.uniform(40, 70), rng.uniform(60, 90), rng.uniform(100, 130)], np.float32)
    foot = np.array([rng.uniform(20, 35), rng.uniform(35, 50), rng.uniform(30, 45)], np.float32)
    fall = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    scene = top * (1 - fall) + foot * fall
    picture = Image.fromarray(
        np.broadcast_to(scene, (height, width, 3)).astype(np.uint8).copy(), "RGB"
    )
    draw = ImageDraw.Draw(picture)
    hill: list[tuple[float, float]] = [(0.0, height * 0.7)]
    for step in range(1, 9):
        hill.append((width * step / 8, height * (0.62 + 0.1 * rng.random())))
    draw.polygon([*hill, (width, height), (0, height)], fill=(28, 48, 36))
    cx = width * rng.uniform(0.3, 0.7)
    draw.ellipse((cx - 14 * s, 24 * s, cx + 14 * s, 54 * s), fill=(196, 150, 122))
    draw.rounded_rectangle((cx - 32 * s, 56 * s, cx + 32 * s, height + 10 * s), 18 * s,
                           fill=(70, 82, 120))  # fmt: skip
    white = (255, 255, 255)
    draw.line((8 * s, 8 * s, 16 * s, 16 * s), fill=white, width=2 * s)
    draw.line((16 * s, 8 * s, 8 * s, 16 * s), fill=white, width=2 * s)
    draw.rectangle((width - 18 * s, 8 * s, width - 8 * s, 16 * s), outline=white, width=s)
    middle = (width // 2, height // 2)
    for offset in (-5, 3):
        x = middle[0] + offset * s
        draw.rectangle((x, middle[1] - 8 * s, x + 3 * s, middle[1] + 8 * s), fill=white)
    done = rng.uniform(0.15, 0.8)
    draw.line((8 * s, height - 7 * s, width - 8 * s, height - 7 * s), fill=(150, 150, 150),
              width=s)  # fmt: skip
    draw.line((8 * s, height - 7 * s, 8 * s + (width - 16 * s) * done, height - 7 * s),
              fill=white, width=s)  # fmt: skip
    mask = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, width - 1, height - 1), 10 * s, fill=255)
    window = Image.new("RGBA", (width + 2 * pad, height + 2 * pad), (0, 0, 0, 0))
    shadow = Image.new("L", window.size, 0)
    shadow.paste(mask.point(lambda value: value * 90 // 255), (pad, pad + 2 * s))
    window.putalpha(shadow.filter(ImageFilter.GaussianBlur(4 * s)))
    window.paste(picture, (pad, pad), mask)
    return window


def pip_screenshot(
    html: str, keep: list[str], rng: random.Random, placed: list[Placed] | None = None
) -> bytes:
    """A phone's screenshot of the page (one screen, device scale 3) with a video playing in
    a floating picture-in-picture window (nineteenth blind set): the window at one of the
    screen's corners, or else further along its left or right side, wherever it covers none
    of ``keep`` (the fees, the total, the name); a PNG."""
    scale = PHONE_SCALE / CSS_PIXEL_POINTS
    data = pdf(html)
    document = pdfium.PdfDocument(data)
    try:
        if len(document) != 1:
            raise ValueError("the page overflowed: make it taller")
        page = document[0]
        page_height = page.get_height()
        shot = page.render(scale=scale).to_pil().convert("RGB")
        boxes = []
        for text in keep:
            found = _found(page, text)
            if not found:
                raise ValueError(f"not on the page: {text}")
            boxes += found
    finally:
        document.close()
    window = _pip_window(rng)
    pad = (window.width - PIP_SIZE[0] * PHONE_SCALE) // 2
    kept = [
        (box[0] * scale - 12, (page_height - box[3]) * scale - 12,
         box[2] * scale + 12, (page_height - box[1]) * scale + 12)
        for box in boxes
    ]  # fmt: skip
    screen_w, screen_h = shot.width // PHONE_SCALE, shot.height // PHONE_SCALE
    lefts = (PIP_INSET, screen_w - PIP_INSET - PIP_SIZE[0])
    tops = list(range(54, screen_h - 86 - PIP_SIZE[1] + 1, 6))
    corners = [(x, y) for x in lefts for y in (tops[0], tops[-1])]
    sides = [(x, y) for x in lefts for y in tops if (x, y) not in corners]
    rng.shuffle(corners)
    rng.shuffle(sides)

    def free(at: tuple[int, int]) -> bool:
        left, top = at[0] * PHONE_SCALE, at[1] * PHONE_SCALE
        right, bottom = left + PIP_SIZE[0] * PHONE_SCALE, top + PIP_SIZE[1] * PHONE_SCALE
        return not any(
            left < box[2] and box[0] < right and top < box[3] and box[1] < bottom for box in kept
        )

    spot = next((at for at in [*corners, *sides] if free(at)), None)
    if spot is None:
        raise ValueError("no room on the screen for the floating window")
    left, top = spot[0] * PHONE_SCALE - pad, spot[1] * PHONE_SCALE - pad
    shot.paste(window, (left, top), window)
    covered = (
        float(max(left, 0)), float(max(top, 0)),
        float(min(left + window.width, shot.width)), float(min(top + window.height, shot.height)),
    )  # fmt: skip
    if placed is not None:
        identity = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
        placed.append(Placed(0, scale, identity, shot.size, (covered,)))
    out = io.BytesIO()
    shot.save(out, "PNG")
    return out.getvalue()

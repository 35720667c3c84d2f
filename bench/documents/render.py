"""HTML into the files a student uploads: a text PDF (WeasyPrint, DejaVu fonts); a scanned page
(the PDF rendered at 200–300 dpi with pypdfium2, then grey paper, noise, blur, skew, a shadow,
now and then a photograph's perspective and uneven light, and JPEG artefacts); and a phone
screenshot (390 CSS pixels wide at device scale 3, a long scroll capture as one tall PNG)."""

from __future__ import annotations

import io
import random
import time

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

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

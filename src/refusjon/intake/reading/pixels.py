"""Pictures of pages made ready for OCR: grey, upright, dark text on light, ruled lines gone,
small text enlarged, noise smoothed (OpenCV).

Each step is a setting of :class:`Preparation`, so a reading that does not add up can be tried
again with other ones.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

from refusjon.intake.bounds import DecodingLimits

Grey = NDArray[Any]
"""A grey page, one byte a pixel (typed loosely: OpenCV's stubs do not keep the type)."""
# Text smaller than this (a letter's height in pixels, roughly) is enlarged for Tesseract.
SMALL_TEXT_WIDTH = 1600
MAX_SKEW_DEGREES = 6.0
# A picture this much taller than wide is a phone's screenshot, not a sheet of paper.
PHONE_ASPECT = 1.8


class ImageUnreadable(Exception):
    """The image cannot be decoded or is larger than the bounds allow."""


@dataclass(frozen=True, slots=True)
class Preparation:
    deskew: bool = True
    remove_lines: bool = True
    denoise: str = "median"
    """``"median"``, ``"nlmeans"`` (slower, for heavy noise) or ``"none"``."""
    binarise: bool = False


def decoded(data: bytes, *, limits: DecodingLimits) -> Grey:
    """The image's pixels as grey, upright by its EXIF orientation, within the pixel bounds
    (checked from the header before decoding)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > limits.max_pixels:
                raise ImageUnreadable(f"The image has more than {limits.max_pixels} pixels.")
            if width * height * 4 > limits.image_max_decoded_bytes:
                raise ImageUnreadable("The image would take too much memory to decode.")
            image.draft("L", image.size)
            upright = ImageOps.exif_transpose(image)
            return np.asarray(upright.convert("L"), dtype=np.uint8)
    except ImageUnreadable:
        raise
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError) as error:
        raise ImageUnreadable(f"The image cannot be decoded ({error}).") from error


def prepared(grey: Grey, settings: Preparation) -> Grey:
    # A dark-mode screenshot is turned whole; a light page, only where it has dark bands.
    dark_mode = np.mean(grey) < 110
    grey = cv2.bitwise_not(grey) if dark_mode else _dark_bands_turned_light(grey)
    grey = _enlarged(grey)
    if settings.denoise == "median":
        grey = cv2.medianBlur(grey, 3)
    elif settings.denoise == "nlmeans":
        grey = cv2.fastNlMeansDenoising(grey, None, h=15, templateWindowSize=7, searchWindowSize=15)
    if settings.deskew:
        grey = _deskewed(_flattened(grey))
    if settings.remove_lines:
        grey = _without_lines(grey)
    if settings.binarise:
        _, grey = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return grey


# A band of light writing on a dark ground (a sum on a coloured bar, a button, a table's
# heading) is at least this share of the page wide and mostly dark; it never touches the page's
# top or bottom edge (a scanner's bed, the table a sheet was photographed on, a phone's status
# bar do), though it may run from side to side (an app's bar fixed above its tabs).
BAND_WIDTH = 0.05
BAND_DARK = 0.6
# A band is at least this many times as wide as it is tall (a bar, a button, a table's
# heading, an app's header block with its title and sum: 750 × 309); a large bold glyph is
# about as wide as tall, or narrower.
BAND_SHAPE = 1.6
# Only a dark band is turned (a grey one, as a scan prints a coloured heading, Tesseract reads
# as it is): its pixels are darker than this; or darker than BAND_COLOURED (an app's teal or
# blue header, some 75 in grey) where its writing is light, BAND_LIGHT_WRITING above its ground.
BAND_DARKEST = 70
BAND_COLOURED = 110
BAND_LIGHT_WRITING = 60
BAND_SCALE_WIDTH = 800


def _dark_bands_turned_light(grey: Grey) -> Grey:
    """The page with each dark band's writing turned dark on light, as Tesseract reads best
    (it reads white on a dark bar poorly, and the bar's edges pass for ruled lines)."""
    height, width = grey.shape
    scale = min(1.0, BAND_SCALE_WIDTH / width)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, dark = cv2.threshold(small, BAND_COLOURED, 255, cv2.THRESH_BINARY_INV)
    contours, _ = cv2.findContours(dark, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    turned = grey
    for contour in contours:
        left, top, across, down = cv2.boundingRect(contour)
        within = top > 0 and top + down < small.shape[0]
        if not within or across < small.shape[1] * BAND_WIDTH or down < 3:
            continue
        if across < BAND_SHAPE * down:
            continue  # a large bold letter or digit ("8"), not a band
        if cv2.countNonZero(dark[top : top + down, left : left + across]) < (
            BAND_DARK * across * down
        ):
            continue
        if not _dark_with_light_writing(small[top : top + down, left : left + across]):
            continue
        if turned is grey:
            turned = grey.copy()
        # The band's own outline, so the paper round its rounded corners stays light.
        small_outline = np.zeros((down, across), np.uint8)
        cv2.drawContours(small_outline, [contour - (left, top)], -1, 255, thickness=cv2.FILLED)
        x, y = int(left / scale), int(top / scale)
        band = turned[
            y : min(height, y + int(down / scale)), x : min(width, x + int(across / scale))
        ]
        outline = cv2.resize(small_outline, band.shape[::-1], interpolation=cv2.INTER_NEAREST) > 0
        # Turned, and stretched so the band's ground is the paper's white (a mid-grey bar
        # would otherwise stay grey behind its writing).
        light = 255.0 - band[outline]
        ground = max(float(np.percentile(light, 90)), 1.0)
        band[outline] = np.clip(light * (255.0 / ground), 0, 255).astype(np.uint8)
    return turned


def _dark_with_light_writing(band: Grey) -> bool:
    """Whether a band is dark enough to turn: darker than BAND_DARKEST, or coloured with light
    writing on it (not a grey heading with dark writing, which Tesseract reads as it is)."""
    ground = float(np.median(band))
    if ground <= BAND_DARKEST:
        return True
    return ground <= BAND_COLOURED and float(np.percentile(band, 97)) - ground >= BAND_LIGHT_WRITING


# A gutter between two screenshots put side by side: a band at least this share of the
# picture wide, away from its edges, of one colour from top to bottom and not the paper's.
GUTTER_WIDTH = 0.004
GUTTER_SPAN = (0.2, 0.8)
GUTTER_EVEN = 8.0
GUTTER_CONTRAST = 40.0
GUTTER_STRIP = 512


def gutters(grey: Grey) -> tuple[float, ...]:
    """Where (as shares of the width) a picture made of panels side by side, such as two
    phone screenshots put together, is parted: a band of one colour, unlike the panels' paper,
    from the top of the picture to its bottom. A sheet's white margin or a table's rule is no
    gutter (the one is the paper's colour, the other stops where the table does)."""
    scale = min(1.0, 1000 / max(grey.shape[1], 1))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    height, width = small.shape
    paper = float(np.median(small))
    # Each column's mean and spread, a strip at a time: a long scroll capture as floats at
    # once would take over a hundred megabytes.
    sums = np.zeros(width)
    squares = np.zeros(width)
    for top in range(0, height, GUTTER_STRIP):
        strip = small[top : top + GUTTER_STRIP].astype(np.float64)
        sums += strip.sum(axis=0)
        squares += (strip * strip).sum(axis=0)
    means = sums / max(height, 1)
    spreads = np.sqrt(np.maximum(squares / max(height, 1) - means * means, 0.0))
    even = (spreads < GUTTER_EVEN) & (np.abs(means - paper) > GUTTER_CONTRAST)
    return tuple(
        (start + end) / 2 / width
        for start, end in _runs(even)
        if end - start >= max(2.0, width * GUTTER_WIDTH)
        and GUTTER_SPAN[0] <= (start + end) / 2 / width <= GUTTER_SPAN[1]
    )


def _runs(columns: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """Where (first, one past the last) the true columns run side by side."""
    edges = np.flatnonzero(np.diff(np.concatenate(([False], columns, [False])).astype(np.int8)))
    return [(int(start), int(end)) for start, end in zip(edges[::2], edges[1::2], strict=True)]


# A divider between an app's panes (a list and its detail side by side on a foldable's or a
# tablet's wide screen, a navigation rail beside them): a thin rule, at most this share of
# the width, this much darker than the pane on either side of it, or an edge where the panes'
# colours differ by as much, down at least this share of the picture's height.
DIVIDER_WIDTH = 0.004
DIVIDER_CONTRAST = 8
DIVIDER_HEIGHT = 0.8


def dividers(grey: Grey) -> tuple[float, ...]:
    """Where (as shares of the width) a thin rule, or an edge between two grounds, runs down
    most of the picture, away from its edges: where an app parts its panes, or a ruled table
    its columns (which the words tell apart: a table's rows run across its rules, see
    :func:`words.apart`)."""
    height, width = grey.shape
    reach = max(2, round(width * DIVIDER_WIDTH))
    if width <= 2 * reach + 1:
        return ()
    rules = np.zeros(width - 2 * reach, dtype=np.int64)
    lighter = np.zeros_like(rules)
    darker = np.zeros_like(rules)
    for top in range(0, height, GUTTER_STRIP):
        strip = grey[top : top + GUTTER_STRIP].astype(np.int16)
        middle, left, right = strip[:, reach:-reach], strip[:, : -2 * reach], strip[:, 2 * reach :]
        rules += ((middle + DIVIDER_CONTRAST <= left) & (middle + DIVIDER_CONTRAST <= right)).sum(
            axis=0
        )
        lighter += (right >= left + DIVIDER_CONTRAST).sum(axis=0)
        darker += (right + DIVIDER_CONTRAST <= left).sum(axis=0)
    least = height * DIVIDER_HEIGHT
    down = (rules >= least) | (lighter >= least) | (darker >= least)
    # A rule's two sides are edges too, a reach away: one divider with it.
    down = np.convolve(down, np.ones(2 * reach + 1), mode="same") > 0
    centres = ((start + end) / 2 / width + reach / width for start, end in _runs(down))
    return tuple(centre for centre in centres if GUTTER_SPAN[0] <= centre <= GUTTER_SPAN[1])


TURNS = {
    90: cv2.ROTATE_90_CLOCKWISE,
    180: cv2.ROTATE_180,
    270: cv2.ROTATE_90_COUNTERCLOCKWISE,
}


def turned(grey: Grey, degrees: int) -> Grey:
    """The page turned clockwise by ``degrees`` (0, 90, 180 or 270)."""
    if degrees == 0:
        return grey
    result: Grey = cv2.rotate(grey, TURNS[degrees])
    return result


def _enlarged(grey: Grey) -> Grey:
    """Twice the size when the page is narrow (a 150 dpi scan): Tesseract reads letters best
    some 25–35 pixels high. A phone's screenshot (taller than twice its width) has large
    letters already, unless it shows a site laid out for a desktop (letters some 10 pixels
    high); doubling a long scroll capture would take hundreds of megabytes."""
    height, width = grey.shape
    if height > width * PHONE_ASPECT:
        if height * width * 4 > ENLARGED_PIXELS or letter_height(grey) >= SMALL_LETTERS:
            return grey
        return cv2.resize(grey, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    if width >= SMALL_TEXT_WIDTH:
        return grey
    factor = 2.0 if width * 2 <= SMALL_TEXT_WIDTH * 1.6 else SMALL_TEXT_WIDTH / width
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


# A phone's app prints letters 25–35 pixels high; its browser showing a site's desktop layout,
# 10–12. Below this (the median mark's height) a screenshot is read at twice its size, if
# that stays within this many pixels.
SMALL_LETTERS = 14
ENLARGED_PIXELS = 16_000_000
# Marks this high or higher are not letters (a rule, a picture); lower, specks.
LETTER_HEIGHTS = (4, 120)


def letter_height(grey: Grey) -> float:
    """The median height in pixels of the marks that may be letters (dark on light)."""
    ink = _ink(grey)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights, widths = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    lowest, highest = LETTER_HEIGHTS
    letters = (heights >= lowest) & (heights <= highest) & (widths <= 2 * heights + 4)
    return float(np.median(heights[letters])) if count > 1 and letters.any() else float(highest)


def _ink(grey: Grey) -> Grey:
    """Dark marks on their surroundings: a local threshold, so the grey bed of a scanner or a
    shadow around the paper is not taken for ink."""
    ink: Grey = cv2.adaptiveThreshold(
        grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15
    )
    return ink


# A printed or displayed page is mostly paper: the corpus' scans, photos and screenshots have
# 2–14 % ink; noise or a photo of something else has over 40 %, and a blank page none.
PRINTED_INK = (0.002, 0.30)


def ink_share(grey: Grey) -> float:
    """The share of the page that is ink, measured on a copy at most 1000 pixels wide."""
    width = grey.shape[1]
    factor = min(1.0, 1000 / max(width, 1))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    if np.mean(small) < 110:
        small = cv2.bitwise_not(small)  # a dark-mode screenshot
    return float(np.count_nonzero(_ink(small))) / small.size


def looks_printed(grey: Grey) -> bool:
    """Whether the picture could be a page of writing, before a second of OCR is spent on it."""
    least, most = PRINTED_INK
    return least <= ink_share(grey) <= most


def skew(grey: Grey) -> float:
    """The page's tilt in degrees, from the angle at which rows of ink line up best (the
    variance of the horizontal projection is greatest), on a small copy."""
    scale = min(1.0, 1000 / max(grey.shape))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = _ink(small)
    height, width = ink.shape
    centre = (width / 2, height / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(
            ink,
            cv2.getRotationMatrix2D(centre, angle, 1.0),
            (width, height),
            flags=cv2.INTER_NEAREST,
        )
        profile = turned.sum(axis=1, dtype=np.float64)
        return float(np.var(profile))

    best = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5), key=sharpness)
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    return float(max(fine, key=sharpness))


# A sheet photographed on a darker ground (a table) covers at least this share of the picture
# and stands clear of its edges by this share of its size at least; its outline's corners are
# found on a copy this many pixels at most on its longer side.
SHEET_AREA = 0.4
SHEET_MARGIN = 0.01
SHEET_SCALE = 1000


def _flattened(grey: Grey) -> Grey:
    """A photographed sheet made flat: where a phone held at an angle made the sheet a
    four-cornered shape narrower at one end (its lines tilted more at the top than at the
    foot, which no one turn straightens), the shape is warped into the upright rectangle that
    stands where it does, so its words stay about where they are on the photo. A scan, whose
    page fills the picture, and a screenshot are left as they are."""
    height, width = grey.shape
    scale = min(1.0, SHEET_SCALE / max(height, width))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, light = cv2.threshold(
        cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU
    )
    contours, _ = cv2.findContours(light, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return grey
    outline = max(contours, key=cv2.contourArea)
    if cv2.contourArea(outline) < SHEET_AREA * small.shape[0] * small.shape[1]:
        return grey
    corners = cv2.approxPolyDP(outline, 0.02 * cv2.arcLength(outline, True), True)
    if len(corners) != 4:
        return grey
    points = corners.reshape(4, 2).astype(np.float32) / scale
    margin_x, margin_y = width * SHEET_MARGIN, height * SHEET_MARGIN
    if (
        points[:, 0].min() < margin_x
        or points[:, 0].max() > width - margin_x
        or points[:, 1].min() < margin_y
        or points[:, 1].max() > height - margin_y
    ):
        return grey
    by_sum, by_difference = points.sum(axis=1), np.diff(points, axis=1).ravel()
    top_left, bottom_right = points[np.argmin(by_sum)], points[np.argmax(by_sum)]
    top_right, bottom_left = points[np.argmin(by_difference)], points[np.argmax(by_difference)]
    left = (top_left[0] + bottom_left[0]) / 2
    right = (top_right[0] + bottom_right[0]) / 2
    top = (top_left[1] + top_right[1]) / 2
    bottom = (bottom_left[1] + bottom_right[1]) / 2
    matrix = cv2.getPerspectiveTransform(
        np.array([top_left, top_right, bottom_right, bottom_left], dtype=np.float32),
        np.array([[left, top], [right, top], [right, bottom], [left, bottom]], dtype=np.float32),
    )
    flat: Grey = cv2.warpPerspective(
        grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255
    )
    return flat


def _deskewed(grey: Grey) -> Grey:
    angle = skew(grey)
    if abs(angle) < 0.15:
        return grey
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(
        grey,
        matrix,
        (width, height),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )


def _without_lines(grey: Grey) -> Grey:
    """The ruled lines of a table painted over with the paper's colour: long thin runs of ink,
    across and down, found by opening the ink with a long flat (and a long tall) kernel."""
    ink = _ink(grey)
    height, width = ink.shape
    lines = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // 25, 20), 1))
    )
    down = cv2.morphologyEx(
        ink,
        cv2.MORPH_OPEN,
        cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(max(height, width) // 40, 20))),
    )
    cv2.bitwise_or(_only_rules(lines, width), _only_rules(down, width), dst=lines)
    del down
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    if not cv2.countNonZero(lines):
        return grey
    paper = _median_where_no_ink(grey, ink)
    del ink
    cleaned = grey.copy()
    cleaned[lines > 0] = paper
    return cleaned


# A ruled line is at most this share of the page's width thick (10 pixels on a page 2500 wide:
# a scan's blurred rule is 2–6), and at least this many times as long as it is thick.
RULE_THICKNESS = 1 / 250
RULE_LENGTH = 8


def _only_rules(runs: Grey, width: int) -> Grey:
    """Of the long runs of ink an opening found, the ruled lines: a filled band (white letters
    on a dark bar or button) is thicker, and a stem of large bold letters (a heading, a day's
    number on a calendar tile) is as tall as a line may be but not thin enough; painted over,
    either would take its letters with it."""
    thickest = max(3.0, width * RULE_THICKNESS)
    contours, _ = cv2.findContours(runs, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in contours:
        _left, _top, across, down = cv2.boundingRect(contour)
        length = max(across, down)
        thickness = cv2.contourArea(contour) / length
        if thickness > thickest or length < RULE_LENGTH * thickness:
            cv2.drawContours(runs, [contour], -1, 0, thickness=cv2.FILLED)
    return runs


def _median_where_no_ink(grey: Grey, ink: Grey) -> int:
    """``int(np.median(grey[ink == 0]))`` (255 where all is ink), from a histogram: no copy of
    the paper's pixels to sort, which on a 300 dpi page took some 25 MB."""
    cv2.bitwise_not(ink, dst=ink)  # the caller has no more use for it
    counts = cv2.calcHist([grey], [0], ink, [256], [0, 256]).ravel().astype(np.int64)
    total = int(counts.sum())
    if total == 0:
        return 255
    cumulative = np.cumsum(counts)
    upper = int(np.searchsorted(cumulative, total // 2 + 1))
    if total % 2:
        return upper
    lower = int(np.searchsorted(cumulative, total // 2))
    return int((lower + upper) / 2)


def png(grey: Grey) -> bytes:
    ok, encoded = cv2.imencode(".png", grey, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise ImageUnreadable("The page could not be encoded for OCR.")
    return bytes(encoded)

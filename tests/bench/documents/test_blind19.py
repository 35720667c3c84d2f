"""The nineteenth blind set: made only of what none of the other twenty sets has, true to itself
and readable in every rendered file (checked without the reader, which is never run on it
here)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageOps

from bench.documents import (
    blind19_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents import blind_sets, pdfs
from tests.bench.documents.pdfs import flat, text_of


def blind19_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind19"], count=count, renditions=renditions)


def in_order(body: content.Overview | content.Receipt) -> list[tuple[date, Decimal]]:
    """The lines' dates and amounts in the order the document prints them (the card's box
    after box, the app's newest first)."""
    if isinstance(body, content.Receipt):
        return [(body.day, body.total)]
    return [(fee.day, fee.amount) for fee in blind19_layouts.printed_order(body)]


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount (on the card, the year in its heading too), and the total, as printed."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind19_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind19_layouts.shown_date(body, line.date))
        shown.append(blind19_layouts.money(line.amount, body.amount_style))
    if body.layout == content.BLIND19_PAPER_LAYOUT:
        words = blind19_layouts.WORDS[body.language]
        shown.append(words["c_year"].format(year=truth.lines[0].date.year))
    return shown


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} == {
        content.BLIND19_PAPER_LAYOUT,
        content.BLIND19_ENDOSCOPY_LAYOUT,
    }
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes()) == 1
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind19_layouts.money(truth.total, body.amount_style)) in text
        if isinstance(body, content.Overview):
            year = blind19_layouts.WORDS[body.language]["c_year"].format(year=body.year)
            assert text.index(flat(year)) < text.index(truth.name)
        rest = text
        for day, amount in in_order(body):
            shown_day = flat(blind19_layouts.shown_date(body, day))
            shown_amount = flat(blind19_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_the_card_has_a_box_for_each_treatment_paid_and_the_rest_empty() -> None:
    for spec in blind19_plan(60):
        body = spec.body
        if body.layout != content.BLIND19_PAPER_LAYOUT:
            continue
        assert isinstance(body, content.Overview)
        text = flat(text_of(render.pdf(spec.html())))
        words = blind19_layouts.WORDS[body.language]
        assert text.count(flat(words["c_empty"]) + " ____") == blind19_layouts.CARD_BOXES - len(
            body.fees
        )
        assert len(body.fees) <= blind19_layouts.CARD_BOXES
        assert len({fee.provider for fee in body.fees}) == 1
        assert blind19_layouts.next_appointment(body).year == body.year


def test_the_app_shows_every_value_on_one_screen_beside_the_cancelled_appointments() -> None:
    for spec in blind19_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        assert isinstance(body, content.Overview) and spec.variant == "pip_video"
        assert body.layout == content.BLIND19_PHONE_LAYOUT
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert f"size: {blind19_layouts.SCREEN[0]}px {blind19_layouts.SCREEN[1]}px" in page
        assert len(body.fees) <= max(planners.BLIND19_PHONE_COUNTS)
        assert blind19_layouts.money(body.total, body.amount_style) in page
        assert escape(body.name) in page
        paid = {fee.day for fee in body.fees}
        for fee in blind19_layouts.cancelled(body):
            assert fee.day not in paid and fee.day.year == body.year
            assert f"{blind19_layouts.shown_date(body, fee.day)}</div>" in page
        for fee in body.fees:
            shown = blind19_layouts.shown_date(body, fee.day)
            assert f"<div class='d'>{shown}</div>" in page
            assert blind19_layouts.money(fee.amount, body.amount_style) in page
    assert any(
        blind19_layouts.cancelled(spec.body)
        for spec in blind19_plan(60)
        if isinstance(spec.body, content.Overview)
        and spec.body.layout == content.BLIND19_PHONE_LAYOUT
    )


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind19_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    return render.pdf(spec.html()), own[0], own[1], placed


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind19_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(2))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page, on no
    other print, and in the pictures made of it inside the picture, under nothing (no video
    window) and dark on light, in dots or not; the longest of each kind of the sixty, half at
    a time."""
    for spec in sample()[part::2]:
        source, data, extension, placed = rendered(spec)
        sizes = blind_sets.media_sizes(source)
        letters = pdfs.every_letter(source)
        shots = pdfs.pictures(data, extension) if placed else []
        if placed:
            assert len(placed) == len(shots)
            assert {where.page for where in placed} == set(range(len(sizes)))
        greys = [np.asarray(shot.convert("L"), dtype=np.float32) for shot in shots]
        for text in truth_texts(spec):
            found = blind_sets.occurrences(source, text)
            assert found, (spec.stem, text)
            for number, boxes, indices in found:
                width, height = sizes[number]
                page_indices = np.array([index for index, _ in letters[number]])
                page_boxes = np.array([box for _, box in letters[number]])
                apart = (page_indices < min(indices) - 1) | (page_indices > max(indices) + 1)
                for box in boxes:
                    assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
                    assert not blind_sets.overlaps(box, page_boxes[apart]).any(), (spec.stem, text)
                for at, where in enumerate(placed):
                    if where.page == number:
                        ok, why = blind_sets.seen(boxes, height, where, greys[at])
                        assert ok, (spec.stem, spec.variant, text, why)


def smallest(variant: str) -> generate.Spec:
    found = [spec for spec in blind19_plan(60) if spec.variant == variant]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_the_photo_is_stored_on_its_side_with_the_tag_that_turns_it(tmp_path: Path) -> None:
    spec = smallest("exif_photo")
    photo = generate.render_document(spec, tmp_path)
    assert photo.path.suffix == ".jpg" and photo.truth.pages == 1
    with Image.open(photo.path) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
        exif = image.getexif()
        orientation = exif[render.EXIF_ORIENTATION]
        assert orientation in (6, 8) and exif[render.EXIF_MAKE] == "Apple"
        assert image.width > image.height  # as the sensor took it
        upright = ImageOps.exif_transpose(image)
        assert upright is not None
        assert upright.width * 4 == pytest.approx(upright.height * 3, rel=0.01)
        grey = np.asarray(image.convert("L"), np.float32)
    assert grey.std() > 20  # not blank: a page on a table
    placed: list[render.Placed] = []
    planners.blind19_file(spec, placed)
    (where,) = placed
    assert where.size == (grey.shape[1], grey.shape[0])
    # The page's top left corner and its top right corner, as stored: turned a quarter, so
    # that the page's top runs up the picture's left side (orientation 6: a viewer turns it a
    # quarter clockwise) or down its right side (8).
    source = render.pdf(spec.html())
    width, _ = blind_sets.media_sizes(source)[0]
    left = where.where(0, 0)
    right = where.where(width * where.scale, 0)
    across, down = right[0] - left[0], right[1] - left[1]
    assert abs(down) > 4 * abs(across)
    assert (down > 0) == (orientation == 8)
    assert (left[0] > grey.shape[1] / 2) == (orientation == 8)


def test_the_roll_is_printed_in_dots_of_a_violet_ribbon(tmp_path: Path) -> None:
    spec = smallest("impact_print")
    assert isinstance(spec.body, content.Receipt)
    scan = generate.render_document(spec, tmp_path)
    assert scan.path.suffix == ".jpg" and scan.truth.pages == 1
    with Image.open(scan.path) as image:
        assert image.mode == "RGB"
        assert image.info["dpi"] == pytest.approx((300, 300))
        pixels = np.asarray(image, np.float32)
    # A 76 mm roll at 300 dpi with a little of the scanner's lid round it, not an A4 page.
    assert 76 / 25.4 * 300 < pixels.shape[1] < 90 / 25.4 * 300
    dark = pixels.sum(axis=2) < 400
    assert dark.mean() > 0.01
    red, green, blue = (pixels[..., channel][dark].mean() for channel in range(3))
    assert blue > red > green  # the ribbon's violet black
    # Each pin's dot is darkest at its cell's middle, lighter at its corners.
    page = pdfium.PdfDocument(render.pdf(spec.html()))
    try:
        grey = np.asarray(page[0].render(scale=300 / 72, grayscale=True).to_pil().convert("L"))
    finally:
        page.close()
    dots = render.impact_dots(grey, np.random.default_rng(0))
    pitch = render.IMPACT_PITCH
    middles = dots[pitch // 2 :: pitch, pitch // 2 :: pitch]
    corners = dots[::pitch, ::pitch][: middles.shape[0], : middles.shape[1]]
    struck = middles > 0.5
    assert struck.sum() > 500
    assert (corners[struck] < middles[struck] * 0.6).all()
    assert set(np.unique(np.round(dots[dots > 0] / dots.max(), 1))) != {1.0}


def test_the_video_window_covers_no_fee_total_or_name(tmp_path: Path) -> None:
    for spec in blind19_plan(60)[2::12]:
        assert spec.variant == "pip_video"
        shot = generate.render_document(spec, tmp_path)
        with Image.open(shot.path) as image:
            assert image.format == "PNG" and image.size == (1170, 2532)
            grey = np.asarray(image.convert("L"), np.float32)
        placed: list[render.Placed] = []
        planners.blind19_file(spec, placed)
        ((left, top, right, bottom),) = placed[0].covered
        inset = 40
        window = grey[
            int(top) + inset : int(bottom) - inset, int(left) + inset : int(right) - inset
        ]
        assert window.mean() < 110  # a dim video over the light page
        assert left >= 0 and top >= 0 and right <= 1170 and bottom <= 2532 - 78 * 3
        source = render.pdf(spec.html())
        height = blind_sets.media_sizes(source)[0][1]
        for text in blind19_layouts.truth_prints(spec.body):
            for _, boxes, _ in blind_sets.occurrences(source, text):
                for box in boxes:
                    x0, y0, x1, y1 = pdfs.in_pixels(box, height, placed[0].scale)
                    assert x1 <= left or right <= x0 or y1 <= top or bottom <= y0, (spec.stem, text)


def test_the_renditions_are_as_designed() -> None:
    specs = blind19_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants == {"": 20, "exif_photo": 10, "impact_print": 10, "pip_video": 20}
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        body = spec.body
        assert (body.layout == content.BLIND19_PHONE_LAYOUT) == (spec.rendition == "screenshot")
        assert (spec.variant == "impact_print") == (body.layout == content.BLIND19_LAB_LAYOUT)
        assert (spec.variant == "exif_photo") == (
            spec.rendition == "scan" and isinstance(body, content.Overview)
        )
        if spec.rendition == "pdf":
            assert body.layout in (content.BLIND19_PAPER_LAYOUT, content.BLIND19_ENDOSCOPY_LAYOUT)
    assert {spec.body.layout for spec in blind19_plan(300)} == blind19_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert kinds[True] * 3 >= len(specs) and kinds[True] == 22
    for layout in content.BLIND19_RECEIPT_LAYOUTS:
        assert sum(spec.body.layout == layout for spec in specs) >= 10
    for receipt in (True, False):
        languages = Counter(
            spec.body.language
            for spec in specs
            if isinstance(spec.body, content.Receipt) == receipt
        )
        assert set(languages) == {"nb", "nn", "en"} and min(languages.values()) >= 6
    for rendition in generate.RENDITIONS:
        languages = Counter(spec.body.language for spec in specs if spec.rendition == rendition)
        assert languages == {"nb": 7, "nn": 7, "en": 6}
    itemised = Counter(
        spec.body.itemised for spec in specs if isinstance(spec.body, content.Receipt)
    )
    assert itemised[True] and itemised[False]


def test_the_set_prints_whole_kroner_only() -> None:
    with pytest.raises(ValueError):
        blind19_layouts.money(Decimal("84.50"), "kr_double_dash")


def test_every_nineteenth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind19_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert all(line.amount == line.amount.to_integral_value() for line in truth.lines)
        assert all(str(line.amount).endswith(".00") for line in truth.lines)
        if isinstance(body, content.Overview):
            assert len({fee.day for fee in body.fees}) == len(body.fees)
            assert all(fee.day.weekday() < 5 for fee in body.fees)
            assert blind19_layouts.next_appointment(body) > max(fee.day for fee in body.fees)
            continue
        if body.layout == content.BLIND19_ENDOSCOPY_LAYOUT:
            assert blind19_layouts.referral_date(body) < body.day
            assert blind19_layouts.referral_date(body).weekday() < 5
        if body.layout == content.BLIND19_LAB_LAYOUT:
            lines = blind19_layouts.lab_lines(body)
            assert max(len(line) for line in lines) <= blind19_layouts.ROLL_WIDTH

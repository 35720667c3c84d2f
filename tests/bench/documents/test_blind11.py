"""The eleventh blind set: made only of what none of the other twelve sets has, true to itself
and readable in every rendered file (checked without the reader, which is never run on it
here)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from bench.documents import (
    blind11_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents.pdfs import every_letter, flat, in_pixels, pictures, printed, text_of

Box = tuple[float, float, float, float]


def blind11_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind11"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount, and the total, as the document prints them."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind11_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind11_layouts.shown_date(body, line.date))
        shown.append(blind11_layouts.money(line.amount, body.amount_style))
    return shown


def occurrences(pdf: bytes, text: str) -> list[tuple[int, list[Box], set[int]]]:
    """Where ``text`` is printed in the PDF: the page, the boxes (PDF points) of its letters
    and their indices on the page."""
    wanted = printed(text)
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number].get_textpage()
            letters = page.get_text_range().replace("\u00a0", " ")
            assert len(letters) == page.count_chars()
            for match in re.finditer(re.escape(wanted), letters):
                indices = {i for i in range(match.start(), match.end()) if letters[i] != " "}
                found.append((number, [page.get_charbox(i) for i in sorted(indices)], indices))
    finally:
        document.close()
    return found


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[number].get_size() for number in range(len(document))]
    finally:
        document.close()


def overlaps(box: Box, others: np.ndarray, inset: float = 0.4) -> np.ndarray:
    """Which of the other boxes (rows of left, bottom, right, top in points) overlap the box,
    each made a little smaller first (glyph boxes of neighbours touch)."""
    return (
        (box[0] + inset < others[:, 2] - inset)
        & (others[:, 0] + inset < box[2] - inset)
        & (box[1] + inset < others[:, 3] - inset)
        & (others[:, 1] + inset < box[3] - inset)
    )


def meets(first: Box, second: Box) -> bool:
    return (
        first[0] < second[2]
        and second[0] < first[2]
        and first[1] < second[3]
        and second[1] < first[3]
    )


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND11_OVERVIEW_LAYOUTS)
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind11_layouts.money(truth.total, body.amount_style)) in text
        pairs = sorted((line.date, line.amount) for line in truth.lines)
        if isinstance(body, content.Overview) and body.layout == "service_groups":
            # Each group's fees in the order of their days, one after the other.
            groups = blind11_layouts.groups(body)
            pairs = [(fee.day, fee.amount) for _, fees in groups for fee in fees]
        rest = text
        for day, amount in pairs:
            shown_day = flat(blind11_layouts.shown_date(body, day))
            shown_amount = flat(blind11_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_a_phone_page_shows_every_fee_on_one_page_in_the_chrome_of_its_variant() -> None:
    for spec in blind11_plan(90):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        width = blind11_layouts.SMALL_PHONE[0] if spec.variant == "small_phone" else 390
        assert f"size: {width}px" in page
        assert ("class='inapp'" in page) == (spec.variant == "in_app_browser")
        assert blind11_layouts.money(body.total, body.amount_style) in page
        if isinstance(body, content.Receipt):
            assert body.layout == "payment_app" and spec.variant == "small_phone"
            continue
        assert body.layout == content.BLIND11_PHONE_LAYOUT
        for fee in body.fees:
            assert f"<div class='d'>{blind11_layouts.shown_date(body, fee.day)}</div>" in page
            assert blind11_layouts.money(fee.amount, body.amount_style) in page


def rendered(spec: generate.Spec) -> tuple[bytes, str, list[render.Placed]]:
    """The document's file as the set writes it, and where its pages went in it."""
    placed: list[render.Placed] = []
    own = planners.blind11_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, "pdf", []
    return own[0], own[1], placed


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty:
    enough to see every way a value can be hidden (the longest reach furthest down the page,
    and onto a second), in a few seconds."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind11_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(3))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page (not off
    its edge), on no other print, under no stain, fold or bar, inside the picture made of it
    and dark on light there: the longest of each kind of the sixty, a third at a time."""
    for spec in sample()[part::3]:
        source = render.pdf(spec.html())
        sizes = page_sizes(source)
        letters = every_letter(source)
        data, extension, placed = rendered(spec)
        shots = pictures(data, extension) if placed else []
        if placed:
            assert len(placed) == len(shots) == len(sizes)
        for where in placed:
            # Nothing covers any print at all, values or not.
            height = sizes[where.page][1]
            for _, box in letters[where.page]:
                for cover in where.covered:
                    assert not meets(in_pixels(box, height, where.scale), cover), spec.stem
        for text in truth_texts(spec):
            found = occurrences(source, text)
            assert found, (spec.stem, text)
            for number, boxes, indices in found:
                width, height = sizes[number]
                page_indices = np.array([index for index, _ in letters[number]])
                page_boxes = np.array([box for _, box in letters[number]])
                apart = (page_indices < min(indices) - 1) | (page_indices > max(indices) + 1)
                for box in boxes:
                    assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
                    assert not overlaps(box, page_boxes[apart]).any(), (spec.stem, text)
                if not placed:
                    continue
                where = placed[number]
                picture = np.asarray(shots[number].convert("L"), dtype=np.float32)
                corners = []
                for box in boxes:
                    left, top, right, bottom = in_pixels(box, height, where.scale)
                    for cover in where.covered:
                        assert not meets((left, top, right, bottom), cover), (spec.stem, text)
                    corners += [where.where(x, y) for x in (left, right) for y in (top, bottom)]
                xs, ys = [x for x, _ in corners], [y for _, y in corners]
                slack = where.slack + 1
                assert min(xs) - slack >= 0 and max(xs) + slack <= where.size[0], spec.stem
                assert min(ys) - slack >= 0 and max(ys) + slack <= where.size[1], spec.stem
                region = picture[int(min(ys)) : int(max(ys)) + 1, int(min(xs)) : int(max(xs)) + 1]
                assert region.size, (spec.stem, text)
                assert np.percentile(region, 3) < 125, (spec.stem, text, np.percentile(region, 3))
                assert np.percentile(region, 97) > 140, (spec.stem, text)


def test_every_stain_and_fold_found_room_where_nothing_is_printed() -> None:
    """A stain and a fold lie on every page they are meant for (the first page with room, or
    each page), and on nothing printed (``test_every_value…`` checks the print under them)."""
    for spec in blind11_plan(60):
        if spec.variant not in ("coffee_stain", "dog_eared"):
            continue
        placed: list[render.Placed] = []
        planners.blind11_file(spec, placed)
        assert any(where.covered for where in placed), spec.stem


def test_the_scans_are_a_colour_scan_a_grey_scan_or_a_photo_on_a_desk(tmp_path: Path) -> None:
    chosen: dict[str, generate.Spec] = {}
    for spec in blind11_plan(60):
        chosen.setdefault(spec.variant, spec)
    stained = generate.render_document(chosen["coffee_stain"], tmp_path)
    picture = pictures(stained.path.read_bytes(), stained.path.suffix[1:])[0]
    assert picture.mode == "RGB"
    pixels = np.asarray(picture, dtype=np.int16)
    brown = (pixels[:, :, 0] - pixels[:, :, 2] > 25) & (pixels[:, :, 0] < 215)
    assert brown.sum() > 500
    folded = generate.render_document(chosen["dog_eared"], tmp_path)
    assert pictures(folded.path.read_bytes(), folded.path.suffix[1:])[0].mode == "L"
    flash = generate.render_document(chosen["flash_photo"], tmp_path)
    photo = np.asarray(pictures(flash.path.read_bytes(), flash.path.suffix[1:])[0].convert("L"))
    # The desk shows round the paper; the paper is lit brightest away from its corners.
    assert photo[:20, :20].mean() < 90 and photo[-20:, -20:].mean() < 90
    small = generate.render_document(chosen["small_phone"], tmp_path)
    assert Image.open(small.path).width == 750


def test_the_renditions_are_as_designed() -> None:
    specs = blind11_plan(60)
    variants = Counter(spec.variant for spec in specs)
    for variant in planners.BLIND11_SCAN_VARIANTS:
        assert variants[variant] >= 5
    assert variants["in_app_browser"] >= 5 and variants["small_phone"] >= 5
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        if spec.rendition == "screenshot":
            expected = {content.BLIND11_PHONE_LAYOUT, "payment_app"}
            assert spec.body.layout in expected
        else:
            assert spec.body.layout not in {content.BLIND11_PHONE_LAYOUT, "payment_app"}
    assert {spec.body.layout for spec in blind11_plan(300)} == blind11_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26
    assert {spec.body.language for spec in specs} == {"nb", "nn", "en"}


def test_the_distractors_never_equal_what_they_stand_beside() -> None:
    """What is left before the card, the limit and the subtotals are never the total (nor a
    subtotal a fee of its own group); the letter's and the print's dates and the mail's are
    none of the days the document is for."""
    for spec in blind11_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            assert blind11_layouts.left(body) != body.total
            assert body.limit != body.total
            assert body.printed_at not in {fee.day for fee in body.fees}
            amounts = {fee.amount for fee in body.fees}
            for subtotal in blind11_layouts.subtotals(body):
                assert subtotal != body.total and subtotal not in amounts
            continue
        assert body.total != Decimal("0.00")
        if body.layout == "printed_mail":
            assert blind11_layouts.mail_sent(body) > body.day

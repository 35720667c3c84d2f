"""The sixteenth blind set: made only of what none of the other seventeen sets has, true to
itself and readable in every rendered file (checked without the reader, which is never run on
it here)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bench.documents import (
    blind16_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents import blind_sets, pdfs
from tests.bench.documents.blind_sets import in_order
from tests.bench.documents.pdfs import flat, text_of


def blind16_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind16"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount, and the total, as the document prints them."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind16_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind16_layouts.shown_date(body, line.date))
        shown.append(blind16_layouts.money(line.amount, body.amount_style))
    return shown


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} == {
        content.BLIND16_PAPER_LAYOUT,
        content.BLIND16_RECEIPT_LAYOUT,
    }
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes())
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind16_layouts.money(truth.total, body.amount_style)) in text
        rest = text
        for day, amount in in_order(body):
            shown_day = flat(blind16_layouts.shown_date(body, day))
            shown_amount = flat(blind16_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_the_app_shows_every_value_on_one_screen_and_the_viewer_none() -> None:
    for spec in blind16_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        assert isinstance(body, content.Overview) and spec.variant == "photos_viewer"
        assert body.layout == content.BLIND16_PHONE_LAYOUT
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert f"size: {blind16_layouts.SCREEN[0]}px {blind16_layouts.SCREEN[1]}px" in page
        assert len(body.fees) <= max(planners.BLIND16_PHONE_COUNTS)
        assert blind16_layouts.money(body.total, body.amount_style) in page
        assert body.name in page
        for fee in body.fees:
            assert f"<div class='d'>{blind16_layouts.shown_date(body, fee.day)}</div>" in page
            assert blind16_layouts.money(fee.amount, body.amount_style) in page
        chrome = " ".join(blind16_layouts.viewer_words(body))
        assert body.name not in chrome and not re.search(r"NOK|\d{3}|\d\.\d", chrome)


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind16_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    return render.pdf(spec.html()), own[0], own[1], placed


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind16_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(2))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page, on no
    other print, and in the pictures made of it inside the picture, under nothing and dark on
    light; the longest of each kind of the sixty, half at a time."""
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
    found = [spec for spec in blind16_plan(60) if spec.variant == variant]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_each_variant_makes_the_file_it_says(tmp_path: Path) -> None:
    coloured = generate.render_document(smallest("coloured_paper"), tmp_path)
    assert coloured.path.suffix == ".jpg"
    with Image.open(coloured.path) as image:
        assert image.mode == "RGB"
        pixels = np.asarray(image, np.float32)
    paper = np.median(pixels.reshape(-1, 3), axis=0)
    assert paper.max() - paper.min() > 12  # a pale colour, not white or grey
    assert paper.min() > 190
    skewed = generate.render_document(smallest("skewed_feed"), tmp_path)
    assert skewed.path.suffix == ".jpg"
    placed: list[render.Placed] = []
    planners.blind16_file(smallest("skewed_feed"), placed)
    matrix = np.array(placed[0].matrix).reshape(3, 3)
    turn = abs(np.degrees(np.arctan2(matrix[1, 0], matrix[0, 0])))
    assert 4 <= turn <= 7
    with Image.open(skewed.path) as image:
        assert image.mode == "L"
        grey = np.asarray(image, np.float32)
    corners = [grey[:20, :20], grey[:20, -20:], grey[-20:, :20], grey[-20:, -20:]]
    assert sum(float(corner.mean()) < 100 for corner in corners) >= 2  # the feeder's backing
    viewer = generate.render_document(smallest("photos_viewer"), tmp_path)
    with Image.open(viewer.path) as image:
        assert image.format == "PNG" and image.size == (1170, 2532)
        rgb = np.asarray(image.convert("RGB"), np.float32)
    top = render.VIEWER_TOP * render.PHONE_SCALE
    assert np.median(rgb[: top - 10, :, :]) > 240  # the viewer's white top bar
    inside = rgb[top + 40 : top + 400, 600:620]
    assert np.abs(np.median(inside, axis=(0, 1)) - (242, 242, 247)).max() < 6  # the app, shrunk
    placed = []
    planners.blind16_file(smallest("photos_viewer"), placed)
    assert placed[0].scale < render.PHONE_SCALE / render.CSS_PIXEL_POINTS * 0.8


def test_the_renditions_are_as_designed() -> None:
    specs = blind16_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants == {"": 20, "coloured_paper": 10, "skewed_feed": 10, "photos_viewer": 20}
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        phone = spec.body.layout == content.BLIND16_PHONE_LAYOUT
        assert phone == (spec.rendition == "screenshot")
    assert {spec.body.layout for spec in blind16_plan(300)} == blind16_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 20 <= kinds[True] <= 30
    for receipt in (True, False):
        languages = Counter(
            spec.body.language
            for spec in specs
            if isinstance(spec.body, content.Receipt) == receipt
        )
        assert set(languages) == {"nb", "nn", "en"} and min(languages.values()) >= 5
    for rendition in generate.RENDITIONS:
        languages = Counter(spec.body.language for spec in specs if spec.rendition == rendition)
        assert languages == {"nb": 7, "nn": 7, "en": 6}


def test_the_set_prints_whole_kroner_only() -> None:
    with pytest.raises(ValueError):
        blind16_layouts.money(Decimal("84.50"), "whole_nok_after")


def test_every_sixteenth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind16_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert all(line.amount == line.amount.to_integral_value() for line in truth.lines)
        if isinstance(body, content.Overview):
            assert len({fee.day for fee in body.fees}) == len(body.fees)
            if body.layout == content.BLIND16_PAPER_LAYOUT:
                assert len({fee.provider for fee in body.fees}) == 1
            continue
        assert all(item.amount == item.amount.to_integral_value() for item in body.items)

"""The fourteenth blind set: made only of what none of the other fifteen sets has, true to
itself and readable in every rendered file (checked without the reader, which is never run on
it here)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bench.documents import (
    blind14_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents import blind_sets, pdfs
from tests.bench.documents.blind_sets import in_order
from tests.bench.documents.pdfs import flat, text_of


def blind14_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind14"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount, and the total, as the document prints them."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind14_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind14_layouts.shown_date(body, line.date))
        shown.append(blind14_layouts.money(line.amount, body.amount_style))
    return shown


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} == {
        content.BLIND14_PAPER_LAYOUT,
        content.BLIND14_RECEIPT_LAYOUT,
    }
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes())
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind14_layouts.money(truth.total, body.amount_style)) in text
        rest = text
        for day, amount in in_order(body):
            shown_day = flat(blind14_layouts.shown_date(body, day))
            shown_amount = flat(blind14_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_a_screen_shows_every_value_above_the_keyboard() -> None:
    for spec in blind14_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        assert isinstance(body, content.Overview) and spec.variant == "keyboard"
        assert body.layout == content.BLIND14_PHONE_LAYOUT
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert f"size: {blind14_layouts.PHONE[0]}px {blind14_layouts.PHONE[1]}px" in page
        assert len(body.fees) <= max(planners.BLIND14_PHONE_COUNTS)
        assert blind14_layouts.money(body.total, body.amount_style) in page
        for fee in body.fees:
            assert f"<div class='d'>{blind14_layouts.shown_date(body, fee.day)}</div>" in page
            assert blind14_layouts.money(fee.amount, body.amount_style) in page


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind14_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    return render.pdf(spec.html()), own[0], own[1], placed


def pictures(data: bytes, extension: str, variant: str) -> list[Image.Image]:
    """The file's pictures of printed pages (a duplex scan's blank backs left out)."""
    shots = pdfs.pictures(data, extension)
    return shots[::2] if variant == "duplex" else shots


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind14_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(2))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page, on no
    other print, and in the pictures made of it inside the picture, under nothing (not the
    stamp, not the keyboard) and dark on light; the longest of each kind of the sixty, half
    at a time."""
    for spec in sample()[part::2]:
        source, data, extension, placed = rendered(spec)
        sizes = blind_sets.media_sizes(source)
        letters = pdfs.every_letter(source)
        shots = pictures(data, extension, spec.variant) if placed else []
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
    found = [spec for spec in blind14_plan(60) if spec.variant == variant]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_each_variant_makes_the_file_it_says(tmp_path: Path) -> None:
    stamped = generate.render_document(smallest("stamped"), tmp_path)
    scan = np.asarray(
        pdfs.pictures(stamped.path.read_bytes(), stamped.path.suffix[1:])[0], np.float32
    )
    # Red ink: pixels far redder than they are blue or green.
    red = (scan[:, :, 0] > 150) & (scan[:, :, 0] - scan[:, :, 2] > 60)
    assert red.sum() > 500
    duplex = generate.render_document(smallest("duplex"), tmp_path)
    data = duplex.path.read_bytes()
    assert duplex.path.suffix == ".pdf" and not text_of(data).strip()
    shots = pdfs.pictures(data, "pdf")
    assert (
        len(shots)
        == duplex.truth.pages
        == 2 * render.page_count(render.pdf(smallest("duplex").html()))
    )
    for back in shots[1::2]:
        assert np.percentile(np.asarray(back.convert("L")), 1) > 200  # nothing printed
    for front in shots[::2]:
        assert np.asarray(front.convert("L")).min() < 100
    keyboard = generate.render_document(smallest("keyboard"), tmp_path)
    with Image.open(keyboard.path) as image:
        assert image.format == "PNG" and image.size == (1170, 2532)
        grey = np.asarray(image.convert("L"), np.float32)
    foot = grey[-blind14_layouts.KEYBOARD * 3 :]
    assert 190 < np.median(foot) < 225  # the keyboard's grey, not the page


def test_the_renditions_are_as_designed() -> None:
    specs = blind14_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants == {"": 20, "stamped": 10, "duplex": 10, "keyboard": 20}
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        phone = spec.body.layout == content.BLIND14_PHONE_LAYOUT
        assert phone == (spec.rendition == "screenshot")
    assert {spec.body.layout for spec in blind14_plan(300)} == blind14_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 6 <= kinds[True] <= 20
    assert {spec.body.language for spec in specs} == {"nb", "nn", "en"}


def test_every_fourteenth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind14_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            assert blind14_layouts.left(body) != body.total
            assert len({fee.day for fee in body.fees}) == len(body.fees)
            continue
        assert blind14_layouts.next_visit(body) > body.day
        _, stamped, _ = planners.stamp_lines(body)
        assert stamped != f"{body.day:%d.%m.%Y}"

"""The sixth blind set: made only of what none of the other seven sets has, and true to itself
(checked without the reader, which is never run on it here)."""

from __future__ import annotations

from collections import Counter

from bench.documents import blind6_layouts, content, generate, render, sets
from tests.bench.documents.pdfs import printed, text_of


def blind6_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind6"], count=count, renditions=renditions)


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND6_OVERVIEW_LAYOUTS)
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = printed(text_of(document.path.read_bytes()))
        flat = " ".join(text.split())
        assert truth.name in flat
        assert printed(blind6_layouts.money(truth.total, body.amount_style)) in text
        rows = text.splitlines()
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = blind6_layouts.day(when, body.date_style, body.language)
            shown_amount = printed(blind6_layouts.money(amount, body.amount_style))
            if isinstance(body, content.Receipt) or body.layout == "expanded_rows":
                # A receipt's date is in its head; an unfolded row has its amount above its date.
                assert shown_day in flat and shown_amount in text
                continue
            assert sum(shown_day in row and shown_amount in row for row in rows) >= times


def test_a_phone_overview_prints_every_fee_whole_or_in_two_halves() -> None:
    for spec in blind6_plan(90):
        body = spec.body
        if spec.rendition != "screenshot" or not isinstance(body, content.Overview):
            continue
        parts = (1, 2) if spec.variant == "side_by_side" else (0,)
        pages = [
            blind6_layouts.mobile(body, android=spec.variant == "android_browser", part=part)
            for part in parts
        ]
        whole = "".join(pages)
        for fee in body.fees:
            assert blind6_layouts.day(fee.day, body.date_style, body.language) in whole
        assert sum(page.count("class='row'") for page in pages) == len(body.fees)
        assert all(render.page_count(render.pdf(page)) == 1 for page in pages)


def test_every_receipt_fits_on_one_page() -> None:
    specs = blind6_plan(300)
    for layout in content.BLIND6_RECEIPT_LAYOUTS:
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1


def test_the_renditions_mix_scanner_apps_folds_browsers_and_collages() -> None:
    specs = blind6_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants["scanner_app"] == variants["folded"] == 10
    assert variants["side_by_side"] >= 3 and variants["android_browser"] >= 3
    assert variants["ios_browser"] >= 3
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert {spec.body.layout for spec in specs} == blind6_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26


def test_every_fee_is_reported_in_the_overview_s_year() -> None:
    for spec in blind6_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            assert all(blind6_layouts.reported(fee).year == body.year for fee in body.fees)

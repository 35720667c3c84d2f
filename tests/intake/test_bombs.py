"""Decompression bombs: small files that would unpack to far more than they are are refused
with the bound named, before they are unpacked; what is stored unpacks within the bounds; and
checking the worst file that is not refused takes a bounded amount of memory."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.errors import IntakeError
from refusjon.intake.uploads import MAX_BYTES, CheckedUpload, check_upload

from .bombs import (
    MB,
    deflated,
    jpeg_claiming,
    packed_stream,
    pdf_with_content,
    pdf_with_page_size,
    pdf_with_picture,
    png_of_blank_rows,
)
from .files import image_bytes, noisy, pdf, pdf_with_text

REPO = Path(__file__).resolve().parents[2]


def checked(data: bytes, name: str = "receipt.pdf", **limits: Any) -> CheckedUpload:
    return check_upload(data, filename=name, limits=DecodingLimits(**limits))


def refusal(data: bytes, name: str = "receipt.pdf", **limits: Any) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        checked(data, name, **limits)
    return caught.value


def english(error: IntakeError) -> str:
    with translation.override("en"):
        return str(error)


def stored_pdf(data: bytes, **limits: Any) -> PdfReader:
    return PdfReader(io.BytesIO(checked(data, **limits).content))


# PDFs: what the streams unpack to


def test_a_flate_bomb_in_a_page_is_refused_and_says_the_limit_of_a_stream() -> None:
    bomb = pdf(pdf_with_content(deflated(200 * MB)))
    assert len(bomb) < 250_000

    error = refusal(bomb)

    assert error.code == "too-much-content"
    assert "more than 20 MB" in english(error)


def test_a_flate_bomb_in_a_picture_is_refused_and_says_the_limit_of_the_document() -> None:
    bomb = pdf(
        pdf_with_picture(deflated(200 * MB, b"\0"), width=6000, height=6000, Filter="/FlateDecode")
    )

    error = refusal(bomb)

    assert error.code == "too-much-content"
    assert "more than 100 MB" in english(error)


def test_many_small_streams_that_add_up_past_the_limit_are_refused() -> None:
    pages = [deflated(3 * MB) for _ in range(4)]

    error = refusal(pdf(pdf_with_content(*pages)), pdf_max_decoded_bytes=10 * MB)

    assert error.code == "too-much-content"
    assert "more than 10 MB" in english(error)


def test_streams_that_add_up_to_the_limit_are_stored_and_unpack_to_what_they_held() -> None:
    pages = [deflated(3 * MB) for _ in range(3)]

    reader = stored_pdf(pdf(pdf_with_content(*pages)), pdf_max_decoded_bytes=10 * MB)

    assert [len(page.get_contents().get_data()) for page in reader.pages] == [3 * MB] * 3  # type: ignore[union-attr]


def test_a_bomb_behind_another_filter_is_refused() -> None:
    hexed = deflated(30 * MB).hex().encode() + b">"
    writer = pdf_with_content(b"")
    writer.pages[0][NameObject("/Contents")] = packed_stream(
        writer, hexed, Filter=ArrayObject([NameObject("/AHx"), NameObject("/Fl")])
    )

    assert refusal(pdf(writer)).code == "too-much-content"


def test_the_text_of_a_page_is_kept_through_unpacking_and_packing_again() -> None:
    writer = pdf_with_text("Legevakt 375 NOK")
    content = writer.pages[0].get_contents()
    assert content is not None
    hexed = zlib.compress(content.get_data()).hex().encode() + b">"
    writer.pages[0][NameObject("/Contents")] = packed_stream(
        writer, hexed, Filter=ArrayObject([NameObject("/ASCIIHexDecode"), NameObject("/Fl")])
    )

    reader = stored_pdf(pdf(writer))

    assert "Legevakt 375 NOK" in reader.pages[0].extract_text()
    assert reader.pages[0]["/Contents"]["/Filter"] == "/FlateDecode"  # type: ignore[index]


def test_a_picture_packed_with_a_predictor_keeps_its_pixels() -> None:
    pixels = bytes(range(48))  # 4 × 4 RGB
    rows = b"".join(b"\x00" + pixels[row * 12 : row * 12 + 12] for row in range(4))
    predictor = DictionaryObject(
        {
            NameObject("/Predictor"): NumberObject(15),
            NameObject("/Colors"): NumberObject(3),
            NameObject("/Columns"): NumberObject(4),
        }
    )
    writer = pdf_with_picture(
        zlib.compress(rows), width=4, height=4, Filter="/FlateDecode", DecodeParms=predictor
    )

    picture = stored_pdf(pdf(writer)).pages[0].images[0].image

    assert picture is not None and picture.tobytes() == pixels


def test_a_stream_with_a_filter_no_viewer_knows_is_refused_as_unreadable() -> None:
    writer = pdf_with_content(b"")
    writer.pages[0][NameObject("/Contents")] = packed_stream(writer, b"xx", Filter="/Squeeze")

    assert refusal(pdf(writer)).code == "corrupt"


# PDFs: page sizes


def test_a_page_larger_than_the_limit_is_refused_and_says_the_limit() -> None:
    error = refusal(pdf(pdf_with_page_size(14400, 14400)))  # 508 cm, the most PDF allows

    assert error.code == "page-too-large"
    assert "120 cm" in english(error)


def test_a_small_page_made_huge_by_its_user_unit_is_refused() -> None:
    assert refusal(pdf(pdf_with_page_size(595, 842, user_unit=75_000))).code == "page-too-large"


def test_an_a0_poster_is_within_the_page_limit() -> None:
    assert checked(pdf(pdf_with_page_size(2384, 3370))).pages == 1


# PDFs: the declared size of pictures


def test_a_picture_declared_larger_than_the_pixel_limit_is_refused() -> None:
    error = refusal(pdf(pdf_with_picture(b"\0" * 30, width=100_000, height=100_000)))

    assert error.code == "too-many-pixels"
    assert "40 megapixels" in english(error)


def test_a_jpeg_in_a_pdf_whose_own_header_claims_more_pixels_is_refused() -> None:
    writer = pdf_with_picture(
        jpeg_claiming(60_000, 60_000), width=16, height=16, Filter="/DCTDecode"
    )

    assert refusal(pdf(writer)).code == "too-many-pixels"


def test_a_page_whose_pictures_together_pass_the_page_limit_is_refused() -> None:
    writer = pdf_with_picture(b"", width=6000, height=5000)
    pictures = writer.pages[0]["/Resources"]["/XObject"]  # type: ignore[index]
    pictures[NameObject("/Im2")] = packed_stream(
        writer, b"", Type="/XObject", Subtype="/Image", Width=6000, Height=5000
    )
    pictures[NameObject("/Im3")] = packed_stream(
        writer, b"", Type="/XObject", Subtype="/Image", Width=6000, Height=5000
    )

    error = refusal(pdf(writer))

    assert error.code == "too-many-pixels"
    assert "pictures of more than 80 megapixels together" in english(error)


def test_pictures_on_pages_of_their_own_are_counted_on_each_page() -> None:
    writer = pdf_with_picture(b"", width=6000, height=5000)
    writer.add_page(pdf_with_picture(b"", width=6000, height=5000).pages[0])
    writer.add_page(pdf_with_picture(b"", width=6000, height=5000).pages[0])

    assert checked(pdf(writer)).pages == 3


def test_pictures_inline_in_a_page_that_pass_the_page_limit_together_are_refused() -> None:
    inline = b"BI /W 6000 /H 5000 /BPC 8 /CS /RGB /F /Fl ID " + deflated(100) + b" EI\n"
    content = b"q 500 0 0 700 40 70 cm " + inline * 3 + b" Q"

    error = refusal(pdf(pdf_with_content(zlib.compress(content))))

    assert "80 megapixels together" in english(error)


def test_a_picture_inline_in_a_page_declared_larger_than_the_pixel_limit_is_refused() -> None:
    inline = b"BI /W 100000 /H 100000 /BPC 8 /CS /RGB /F /Fl ID " + deflated(1000) + b" EI"
    content = b"q 500 0 0 700 40 70 cm " + inline + b" Q"

    assert refusal(pdf(pdf_with_content(zlib.compress(content)))).code == "too-many-pixels"


def test_a_small_picture_inline_in_a_page_is_kept() -> None:
    inline = b"BI /W 4 /H 4 /BPC 8 /CS /RGB ID " + b"\xff" * 48 + b" EI"

    assert checked(pdf(pdf_with_content(zlib.compress(b"q 9 0 0 9 0 0 cm " + inline)))).pages


# Images: what decoding them takes


def test_a_jpeg_whose_header_claims_huge_dimensions_is_refused_before_decoding() -> None:
    error = refusal(jpeg_claiming(60_000, 60_000), "photo.jpg")

    assert error.code == "too-many-pixels"
    assert "40 megapixels" in english(error)


def test_a_png_under_the_pixel_limit_that_decodes_past_the_memory_limit_is_refused() -> None:
    scan = png_of_blank_rows(6400, 6200)  # 39.7 megapixels, 151 MiB decoded
    assert len(scan) < 200_000

    error = refusal(scan, "scan.png")

    assert error.code == "too-many-pixels"
    assert "26.2 megapixels" in english(error)  # 100 MiB at 4 bytes a pixel


def test_a_progressive_jpeg_counts_the_coefficients_it_is_decoded_from() -> None:
    picture = noisy((400, 300))
    progressive = image_bytes(picture, "JPEG", progressive=True, subsampling=0)
    baseline = image_bytes(picture, "JPEG", subsampling=0)
    limits = {"image_max_decoded_bytes": MB}  # 480 kB of pixels, and 720 kB of coefficients

    error = refusal(progressive, "photo.jpg", **limits)

    assert error.code == "too-many-pixels"
    assert "0.1 megapixels" in english(error)
    assert checked(baseline, "photo.jpg", **limits).width == 400


def test_a_jpeg_larger_than_the_stored_size_is_decoded_and_stored_smaller() -> None:
    upload = checked(image_bytes(noisy((400, 300)), "JPEG"), "photo.jpg", image_max_side=100)

    assert (upload.width, upload.height) == (50, 38)  # libjpeg's 1/8 scale
    assert Image.open(io.BytesIO(upload.content)).size == (50, 38)


def test_a_png_larger_than_the_stored_size_is_stored_reduced_by_a_whole_factor() -> None:
    upload = checked(png_of_blank_rows(250, 120), "scan.png", image_max_side=100)

    assert (upload.width, upload.height) == (84, 40)


@pytest.mark.parametrize("mode", ["1", "L", "P", "RGB", "RGBA", "I;16"])
def test_an_image_of_any_mode_larger_than_the_stored_size_is_stored_smaller(mode: str) -> None:
    picture = noisy((250, 120)).convert(mode if mode != "I;16" else "L")
    if mode == "I;16":
        picture = picture.convert("I").point(lambda value: value * 256).convert("I;16")

    upload = checked(image_bytes(picture, "PNG"), "scan.png", image_max_side=100)

    assert (upload.width, upload.height) == (84, 40)


def test_a_cmyk_jpeg_larger_than_the_stored_size_is_stored_smaller() -> None:
    picture = image_bytes(noisy((250, 120)).convert("CMYK"), "JPEG")

    upload = checked(picture, "photo.jpg", image_max_side=100)

    assert (upload.width, upload.height) == (63, 30)  # libjpeg's 1/4 scale


def test_a_turned_photo_larger_than_the_stored_size_is_stored_upright_and_smaller() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # turned: the camera was held upright
    photo = image_bytes(noisy((400, 300)), "JPEG", exif=exif)

    upload = checked(photo, "photo.jpg", image_max_side=100)

    assert (upload.width, upload.height) == (38, 50)


# Memory: the worst files, each checked in a process of its own

MAKE_WORST = """
import sys
from PIL import Image
from tests.intake.bombs import MB, deflated, pdf_with_content, png_of_blank_rows
from tests.intake.files import pdf

kind, path = sys.argv[1:]
if kind.startswith("photo"):
    photo = Image.new("RGB", (7300, 5470), "white")
    for x in range(0, 7300, 50):
        photo.paste((x % 255, 0, 100), (x, 0, x + 10, 5470))
    photo.save(path, "JPEG", quality=90, progressive=kind == "photo-progressive", subsampling=0)
elif kind == "scan":
    open(path, "wb").write(png_of_blank_rows(5000, 5000))
elif kind == "pdf-bomb":
    open(path, "wb").write(pdf(pdf_with_content(deflated(200 * MB))))
else:
    open(path, "wb").write(pdf(pdf_with_content(*[deflated(19 * MB) for _ in range(5)])))
"""

# The peak is this process's own high-water mark (VmHWM). ru_maxrss would not do: Linux carries
# it over an exec from the process that started this one, here a pytest worker of 300 MiB.
CHECK_AND_MEASURE = """
import json, sys
from refusjon.intake.errors import IntakeError
from refusjon.intake.uploads import check_upload

def high_water_mib():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) // 1024

data = open(sys.argv[1], "rb").read()
before = high_water_mib()
try:
    outcome = check_upload(data, filename=sys.argv[1]).kind
except IntakeError as refusal:
    outcome = refusal.code
print(json.dumps({"outcome": outcome, "before": before, "peak": high_water_mib()}))
"""

# What checking the file may add to the process (MiB), and what the process may reach in all.
WORST_FILES = [
    ("photo", "photo.jpg", "jpeg", 100),  # 39.9 megapixels: decoded at half scale
    ("photo-progressive", "photo.jpg", "too-many-pixels", 20),
    ("scan", "scan.png", "png", 160),  # 25 megapixels RGB: 95 MiB decoded, the most allowed
    ("pdf-bomb", "bomb.pdf", "too-much-content", 20),
    ("pdf-nearly", "nearly.pdf", "pdf", 40),  # 95 MiB unpacked, a megabyte at a time
]
MOST_IN_ALL = 300


@pytest.mark.parametrize(("kind", "name", "outcome", "most_added"), WORST_FILES)
def test_checking_the_worst_files_takes_bounded_memory(
    tmp_path: Path, kind: str, name: str, outcome: str, most_added: int
) -> None:
    path = tmp_path / name
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run(
        [sys.executable, "-c", MAKE_WORST, kind, str(path)], cwd=REPO, env=environment, check=True
    )
    assert path.stat().st_size < MAX_BYTES

    run = subprocess.run(
        [sys.executable, "-c", CHECK_AND_MEASURE, str(path)],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    measured = json.loads(run.stdout)
    assert measured["outcome"] == outcome
    assert measured["peak"] - measured["before"] < most_added
    assert measured["peak"] < MOST_IN_ALL


def test_each_refusal_names_its_limit_in_bokmal_too() -> None:
    refusals = [
        (refusal(pdf(pdf_with_content(deflated(21 * MB)))), "20 MB"),
        (refusal(pdf(pdf_with_page_size(14400, 842))), "120 cm"),
        (refusal(pdf(pdf_with_picture(b"", width=10_000, height=5_000))), "40 megapiksler"),
    ]
    for error, limit in refusals:
        with translation.override("nb"):
            in_bokmal = str(error)
        assert limit in in_bokmal and in_bokmal != english(error)

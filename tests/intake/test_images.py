"""Photos and scans are stored upright, as pixels only: nothing hidden in the file survives."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import translation
from PIL import ExifTags, Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.errors import IntakeError
from refusjon.intake.uploads import CheckedUpload, check_upload

from .files import halves, image_bytes, jpeg, noisy, png, png_header_only, zip_archive_tail

SECRET = "Storgata 1, Oslo"


def stored(data: bytes, filename: str = "photo.jpg", **limits: Any) -> Image.Image:
    upload = check_upload(data, filename=filename, limits=DecodingLimits(**limits))
    image = Image.open(io.BytesIO(upload.content))
    image.load()
    return image


def refusal(data: bytes, **limits: Any) -> IntakeError:
    with pytest.raises(IntakeError) as caught:
        check_upload(data, filename="photo.jpg", limits=DecodingLimits(**limits))
    return caught.value


def rgb(image: Image.Image, xy: tuple[int, int]) -> tuple[int, int, int]:
    red, green, blue = image.convert("RGB").getpixel(xy)  # type: ignore[misc]
    return red, green, blue


def phone_exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.ImageDescription] = SECRET
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (59.0, 54.0, 45.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (10.0, 45.0, 10.0),
    }
    return exif


def phone_photo(orientation: int = 6) -> bytes:
    """A 20x10 photo, red on the left and blue on the right, with EXIF as a phone writes it."""
    return image_bytes(halves((20, 10), "red", "blue"), "JPEG", exif=phone_exif(orientation))


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


# Metadata


def test_the_test_photo_does_carry_gps_and_orientation() -> None:
    exif = Image.open(io.BytesIO(phone_photo())).getexif()

    assert exif[ExifTags.Base.Orientation] == 6
    assert exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"


def test_a_stored_photo_has_no_exif_and_no_gps_position() -> None:
    image = stored(phone_photo())

    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert "exif" not in image.info


def test_a_stored_photo_does_not_contain_the_exif_text_anywhere() -> None:
    upload = check_upload(phone_photo(), filename="photo.jpg")

    assert SECRET.encode() not in upload.content
    assert b"Exif" not in upload.content


def test_a_stored_jpeg_has_no_comment_xmp_or_colour_profile() -> None:
    photo = image_bytes(
        Image.new("RGB", (20, 10)),
        "JPEG",
        comment=SECRET,
        xmp=f"<x:xmpmeta>{SECRET}</x:xmpmeta>".encode(),
        icc_profile=srgb_profile(),
    )
    upload = check_upload(photo, filename="photo.jpg")
    image = Image.open(io.BytesIO(upload.content))

    assert not {"comment", "xmp", "icc_profile", "exif"} & image.info.keys()
    assert SECRET.encode() not in upload.content


def test_a_stored_png_has_no_text_chunks_or_colour_profile() -> None:
    text = PngInfo()
    text.add_text("Comment", SECRET)
    text.add_text("Author", SECRET, zip=True)
    text.add_itxt("Description", SECRET)
    scan = png(pnginfo=text, icc_profile=srgb_profile(), exif=phone_exif(1))
    assert Image.open(io.BytesIO(scan)).info["Comment"] == SECRET

    upload = check_upload(scan, filename="scan.png")
    image = Image.open(io.BytesIO(upload.content))

    assert not {"Comment", "Author", "Description", "icc_profile", "exif"} & image.info.keys()
    assert dict(image.getexif()) == {}
    assert SECRET.encode() not in upload.content


@pytest.mark.parametrize(
    "tail",
    [zip_archive_tail(), b"<html><script>alert(document.cookie)</script></html>"],
    ids=["zip", "html"],
)
def test_data_appended_after_the_end_of_a_jpeg_is_not_stored(tail: bytes) -> None:
    polyglot = jpeg() + tail

    upload = check_upload(polyglot, filename="photo.jpg")

    assert upload.content.endswith(b"\xff\xd9")
    assert tail not in upload.content
    assert b"PK\x03\x04" not in upload.content
    assert b"<script>" not in upload.content


def test_data_appended_after_the_end_of_a_png_is_not_stored() -> None:
    polyglot = png() + zip_archive_tail()

    upload = check_upload(polyglot, filename="scan.png")

    assert upload.content.endswith(b"IEND\xaeB`\x82")
    assert b"PK\x03\x04" not in upload.content


# Orientation


def test_a_photo_turned_by_its_exif_is_stored_upright() -> None:
    image = stored(phone_photo(orientation=6))

    assert image.size == (10, 20)
    red, _, blue = rgb(image, (5, 2))
    assert red > 200 and blue < 60  # the left side is now on top
    red, _, blue = rgb(image, (5, 17))
    assert blue > 200 and red < 60


def test_the_returned_size_is_the_upright_size() -> None:
    upload = check_upload(phone_photo(orientation=6), filename="photo.jpg")

    assert (upload.width, upload.height) == (10, 20)


def test_a_photo_without_orientation_keeps_its_shape() -> None:
    assert stored(phone_photo(orientation=1)).size == (20, 10)


# Modes


@pytest.mark.parametrize(
    ("source", "mode"),
    [
        (lambda: jpeg(mode="RGB"), "RGB"),
        (lambda: jpeg(mode="L"), "L"),
        (lambda: jpeg(mode="CMYK"), "RGB"),
        (lambda: png(mode="RGB"), "RGB"),
        (lambda: png(mode="RGBA"), "RGBA"),
        (lambda: png(mode="L"), "L"),
        (lambda: png(mode="LA"), "RGBA"),
        (lambda: png(mode="1"), "L"),
        (lambda: png(mode="P"), "RGB"),
        (lambda: png(mode="P", transparency=0), "RGBA"),
        (lambda: png(mode="I;16"), "L"),
    ],
    ids=[
        "rgb-jpeg",
        "grey-jpeg",
        "cmyk-jpeg",
        "rgb",
        "rgba",
        "grey",
        "la",
        "1-bit",
        "palette",
        "palette-transparent",
        "16-bit-grey",
    ],
)
def test_images_are_stored_in_a_mode_every_viewer_shows(
    source: Callable[[], bytes], mode: str
) -> None:
    assert stored(source()).mode == mode


def test_a_cmyk_jpeg_keeps_its_colours() -> None:
    cmyk = image_bytes(Image.new("CMYK", (8, 8), (0, 255, 255, 0)), "JPEG")  # red in ink

    red, green, blue = rgb(stored(cmyk), (4, 4))

    assert red > 200 and green < 60 and blue < 60


def test_a_16_bit_grey_scan_is_scaled_not_clipped() -> None:
    scan = image_bytes(Image.new("I;16", (8, 8), 40000), "PNG")

    assert stored(scan).getpixel((4, 4)) == 40000 // 256


def test_a_photo_is_stored_as_the_kind_it_is() -> None:
    upload: CheckedUpload = check_upload(jpeg(), filename="photo.png")

    assert Image.open(io.BytesIO(upload.content)).format == "JPEG"
    assert upload.suggested_name == "photo.jpg"


# Damaged files and bombs


def test_a_truncated_jpeg_is_refused_as_corrupt() -> None:
    whole = image_bytes(noisy((64, 64)), "JPEG", quality=95)

    assert refusal(whole[: len(whole) // 2]).code == "corrupt"


def test_a_truncated_png_is_refused_as_corrupt() -> None:
    whole = image_bytes(noisy((64, 64)), "PNG")

    assert refusal(whole[: len(whole) // 2]).code == "corrupt"


@pytest.mark.parametrize("magic", [b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"], ids=["jpeg", "png"])
def test_garbage_after_an_image_signature_is_refused_as_corrupt(magic: bytes) -> None:
    assert refusal(magic + b"\x00garbage" * 50).code == "corrupt"


def test_an_image_over_the_pixel_limit_is_refused() -> None:
    assert refusal(png(size=(300, 200)), max_pixels=300 * 200 - 1).code == "too-many-pixels"


def test_an_image_at_the_pixel_limit_is_accepted() -> None:
    assert stored(png(size=(300, 200)), max_pixels=300 * 200).size == (300, 200)


def test_the_pixel_limit_is_checked_on_the_header_before_any_pixel_is_decoded() -> None:
    bomb = png_header_only(8000, 6000)  # 48 megapixels claimed, none present

    error = refusal(bomb)

    assert error.code == "too-many-pixels"
    with translation.override("en"):
        assert "40 megapixels" in str(error)


def test_a_decompression_bomb_is_refused_even_under_a_higher_limit() -> None:
    bomb = png_header_only(60000, 60000)  # 3.6 gigapixels: Pillow's own guard refuses it

    assert refusal(bomb, max_pixels=10**10).code == "too-many-pixels"


def test_every_image_refusal_has_a_message() -> None:
    whole = image_bytes(noisy((64, 64)), "PNG")
    for error in (refusal(whole[:100]), refusal(png(), max_pixels=10)):
        with translation.override("en"):
            assert "Please" in str(error)


def test_a_truncated_image_is_refused_even_after_a_library_allowed_truncated_images(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """WeasyPrint, used for the letters, switches Pillow's truncated-image loading on for the
    whole process when it is imported (and other libraries may)."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    whole = jpeg((64, 64))
    with pytest.raises(IntakeError):
        check_upload(whole[: len(whole) // 2], filename="half.jpg")

"""Images for upload tests, drawn with Pillow."""

import io
from typing import Any

from PIL import Image


def picture(kind: str = "PNG", size: tuple[int, int] = (1200, 900), colour: str = "#0b6e4f") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def upload(data: bytes, name: str = "photo.png", content_type: str = "image/png") -> dict[str, Any]:
    """httpx `files=` for a multipart upload in the field `file`."""
    return {"file": (name, data, content_type)}

"""Uploaded documents (drawings, specifications): PDF or an image, told by content and never by name. A PDF must
start with its header and end with its end-of-file marker; images are checked by Pillow (app.core.images)."""

from pathlib import PurePath

from app.core.errors import AppError, FieldError, validation_failed
from app.core.images import image_type

PDF_TYPE = "application/pdf"
PDF_TRAILER_WINDOW = 1024  # %%EOF is within the last bytes (writers may add a newline or a few bytes of padding)


def document_type(data: bytes, field: str = "file") -> str:
    """The MIME type of an accepted document, or a 422 naming `field`."""
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-PDF_TRAILER_WINDOW:]:
            message = "The PDF is cut short or damaged (it has no end-of-file marker)"
            raise validation_failed([FieldError(field, message, "document_damaged")], detail=message)
        return PDF_TYPE
    try:
        return image_type(data, field)
    except AppError as error:
        message = "Send a PDF, JPEG, PNG or WebP file"
        raise validation_failed([FieldError(field, message, "document_type")], detail=message) from error


NAMED_TYPES = {"pdf": PDF_TYPE, "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
TYPE_NAMES = {PDF_TYPE: "PDF", "image/jpeg": "JPEG image", "image/png": "PNG image", "image/webp": "WebP image"}


def named_document_type(data: bytes, file_name: str, field: str = "file") -> str:
    """document_type, for a file whose name may not claim another type: evidence named .png that is a PDF is a
    mistake or a disguise, and is refused (a name without a known extension is judged by content alone)."""
    content_type = document_type(data, field)
    extension = PurePath(file_name.replace("\\", "/")).suffix.lower().lstrip(".")
    claimed = NAMED_TYPES.get(extension)
    if claimed is not None and claimed != content_type:
        message = (f"The file is named .{extension} but is a {TYPE_NAMES[content_type]}: rename it or send the "
                   "right file")
        raise validation_failed([FieldError(field, message, "document_name_mismatch")], detail=message)
    return content_type

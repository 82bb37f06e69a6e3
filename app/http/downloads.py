"""Stored files handed to the browser."""

from urllib.parse import quote

from fastapi import Response


def download(data: bytes, content_type: str, file_name: str) -> Response:
    """Offered for download, never shown inline (a document from a stranger opens in the reader of the user's
    choice), and kept out of shared caches."""
    disposition = f"attachment; filename*=UTF-8''{quote(file_name)}"
    return Response(data, media_type=content_type,
                    headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"})

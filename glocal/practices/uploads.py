"""Upload checks: size, extension and the file's own first bytes must agree."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
ZIP = b"PK\x03\x04"
SIGNATURES = {
    "image": {
        ".png": [b"\x89PNG\r\n\x1a\n"],
        ".jpg": [b"\xff\xd8\xff"],
        ".jpeg": [b"\xff\xd8\xff"],
        ".gif": [b"GIF87a", b"GIF89a"],
        ".webp": [b"RIFF"],
    },
    "file": {
        ".pdf": [b"%PDF-"],
        ".docx": [ZIP],
        ".xlsx": [ZIP],
        ".pptx": [ZIP],
        ".odt": [ZIP],
        ".ods": [ZIP],
    },
}


def validate_upload(upload: UploadedFile, kind: str) -> None:
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Files may be at most 5 MB; this one is %(mb).1f MB."),
                              params={"mb": upload.size / 1024 / 1024})  # fmt: skip
    allowed = SIGNATURES[kind]
    extension = Path(upload.name).suffix.lower()
    if extension not in allowed:
        raise ValidationError(
            _("Allowed file types: %(types)s."), params={"types": ", ".join(sorted(allowed))}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in allowed[extension]):
        raise ValidationError(_("The file's content does not match its %(ext)s name."),
                              params={"ext": extension})  # fmt: skip
    if extension == ".webp" and head[8:12] != b"WEBP":
        raise ValidationError(_("The file's content does not match its .webp name."))

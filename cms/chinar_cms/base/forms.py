"""The admin image form: alt text (the image's description) is required, and the uploaded file is
made into a clean original before anything else looks at it.

Every image upload in the admin uses this form: "Add an image", "Add images" (the multiple upload),
the image chooser's upload tab and replacing the file of an image.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.fields import FileField
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from chinar.contract import media_limits

from .images import ImageRejected, check_size, prepare_original


def _help_text() -> str:
    return gettext(
        "JPEG, PNG, WebP or HEIC, up to %(size)s. Pictures over %(megapixels)s megapixels are made smaller; "
        "location and camera details are removed."
    ) % {"size": filesizeformat(media_limits.MAX_BYTES), "megapixels": round(media_limits.MAX_PIXELS / 1e6)}


class ChinarImageField(WagtailImageField):
    """Wagtail's image field, given the prepared original (``images.prepare_original``) instead of
    the upload: a HEIC photo arrives as JPEG, a 54 MP one scaled to the limit, none with metadata.

    Anything that cannot be prepared (damaged, cut short, not a picture, too large) is a form error
    in the editor's language, never an exception out of Wagtail's own checks (which decode the file).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = lazy(_help_text, str)()

    def to_python(self, data):
        upload = FileField.to_python(self, data)
        if upload is None:
            return None
        try:
            check_size(upload.size or 0)  # before reading it into memory
            upload.seek(0)
            prepared = prepare_original(upload.read(), upload.name)
        except ImageRejected as exc:
            raise ValidationError(exc.message, code=exc.code, params=exc.params) from exc
        clean = SimpleUploadedFile(prepared.name, prepared.data, content_type=f"image/{prepared.format.lower()}")
        try:
            return super().to_python(clean)
        except ValidationError:
            raise
        except Exception as exc:  # Wagtail decodes the file again; it was just decoded, but never a 500
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc


class ChinarImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = gettext_lazy("Alt text")
            field.help_text = gettext_lazy("Describe the picture for someone who cannot see it.")
        if "file" in self.fields and not isinstance(self.fields["file"], ChinarImageField):
            old = self.fields["file"]
            self.fields["file"] = ChinarImageField(required=old.required, label=old.label, widget=old.widget)

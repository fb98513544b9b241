"""The admin image form: alt text (the image's description) is required."""

from wagtail.images.forms import BaseImageForm


class ChinarImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = "Alt text"
            field.help_text = "Describe the picture for someone who cannot see it."

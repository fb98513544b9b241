"""API serializers: a page (or district) in the API is its contract record plus download links."""

from __future__ import annotations

from rest_framework import serializers


class RecordField(serializers.Field):
    """The object's contract record (None when it cannot be exported right now)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        from .contract import ExportContext

        return ExportContext.for_request(self.context["request"]).record(obj)


class MediaField(serializers.Field):
    """``{src: signed download URL}`` for each image in the record, so the pull can fetch originals."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        from .contract import ExportContext

        return ExportContext.for_request(self.context["request"]).media_links(obj)

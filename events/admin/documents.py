"""Documents: upload or paste texts and see what ingest found; set a publication date and have the
document's relative dates resolved again; re-extract on demand."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from ..decoding import decode
from ..ingest import IngestError, ingest_text, reextract
from ..models import Document


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(required=False, help_text="One or several .txt files.")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 12, "cols": 80}), label="Or paste a text")
    filename = forms.CharField(required=False, max_length=200, help_text="A name for the pasted text.")
    outlet = forms.CharField(required=False, max_length=200)
    published = forms.DateField(
        required=False, widget=AdminDateWidget, help_text="Leave empty to take it from the text's date line, if any."
    )

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose files or paste a text.")
        return data

    def texts(self):
        """(name, text or IngestError) for each file and the pasted text."""
        for upload in self.cleaned_data["files"]:
            try:
                yield upload.name, decode(upload.read(), upload.name)
            except IngestError as error:
                yield upload.name, error
        text = self.cleaned_data["text"]
        if text.strip():
            yield self.cleaned_data["filename"] or f"pasted {timezone.now():%Y-%m-%d %H:%M}", text


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "title", "published", "published_source", "outlet", "event_count", "ingested_at"]
    list_filter = ["published_source", "outlet"]
    search_fields = ["title", "filename", "outlet", "text"]
    fields = ["title", "outlet", "published", "published_source", "filename", "ingested_at", "text"]
    readonly_fields = ["published_source", "filename", "ingested_at", "text"]
    actions = ["reextract_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("sources__event", distinct=True))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, document):
        return document.event_count

    def save_model(self, request, obj, form, change):
        if "published" not in form.changed_data:
            return super().save_model(request, obj, form, change)
        obj.published_source = Document.DateSource.EDITOR if obj.published else Document.DateSource.UNKNOWN
        super().save_model(request, obj, form, change)
        result = reextract(obj)
        self.message_user(request, f"Dates resolved again. {result.summary()}", messages.SUCCESS)

    @admin.action(description="Re-extract events from selected documents", permissions=["change"])
    def reextract_selected(self, request, queryset):
        for document in queryset:
            summary = reextract(document).summary()
            self.log_change(request, document, f"Re-extracted: {summary}")
            self.message_user(request, summary, messages.SUCCESS)

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="events_document_upload")
        return [upload, *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        # A document is only ever added through ingest, which also finds its events.
        return redirect("admin:events_document_upload")

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        results, errors = [], []
        if request.method == "POST" and form.is_valid():
            for name, text in form.texts():
                if isinstance(text, IngestError):
                    errors.append(str(text))
                    continue
                result = ingest_text(text, name, form.cleaned_data["published"], form.cleaned_data["outlet"] or None)
                if not result.duplicate:
                    self.log_addition(request, result.document, f"Uploaded: {result.summary()}")
                results.append(result)
            form = UploadForm()
        return TemplateResponse(
            request,
            "admin/events/document/upload.html",
            {
                **self.admin_site.each_context(request),
                "title": "Add documents",
                "opts": self.model._meta,
                "form": form,
                "media": self.media + form.media,
                "results": results,
                "errors": errors,
            },
        )

"""Documents: upload or paste texts and see what ingest found; set a publication date and have the
document's relative dates resolved again; re-extract on demand."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from ..ingest import IngestError, reextract
from ..jobs import create_job
from ..models import Document, IngestJob
from ..sources import is_address


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        required=False, allow_empty_file=True,  # an empty file is that item's failure, not the whole upload's
        help_text="Any number of .txt or .html/.htm files, or .zip archives of them."
    )
    urls = forms.CharField(
        required=False, label="Or web addresses", widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="The http(s) addresses of articles, one per line.",
    )
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8, "cols": 80}), label="Or paste a text")
    filename = forms.CharField(required=False, max_length=200, help_text="A name for the pasted text.")
    outlet = forms.CharField(required=False, max_length=200, help_text="For every document; leave empty to take it from web pages.")
    published = forms.DateField(
        required=False, widget=AdminDateWidget,
        help_text="For every document; leave empty to take it from the page or the text's date line, if any.",
    )

    def clean_urls(self):
        lines = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        wrong = [line for line in lines if not is_address(line)]
        if wrong:
            raise forms.ValidationError(f"Not an http(s) address: {', '.join(wrong[:3])}")
        return list(dict.fromkeys(lines))

    def clean(self):
        data = super().clean()
        if not data.get("files") and not data.get("urls") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Choose files, give addresses or paste a text.")
        return data

    def entries(self):
        """(name, bytes) of each file and of the pasted text, (address, None) of each address."""
        for upload in self.cleaned_data["files"]:
            yield upload.name, upload.read()
        for url in self.cleaned_data["urls"]:
            yield url, None
        text = self.cleaned_data["text"]
        if text.strip():
            name = self.cleaned_data["filename"] or f"pasted {timezone.now():%Y-%m-%d %H:%M}"
            yield name if name.lower().endswith((".txt", ".html", ".htm")) else f"{name}.txt", text.encode("utf-8")

    def label(self):
        files, urls = len(self.cleaned_data["files"]), len(self.cleaned_data["urls"])
        parts = [f"{files} file(s)" if files else "", f"{urls} address(es)" if urls else "", "a pasted text" if self.cleaned_data["text"].strip() else ""]
        return "Upload of " + ", ".join(p for p in parts if p)


# Laid out by the admin's own fieldset template, as every other admin form is.
UPLOAD_FIELDSETS = [
    ("Articles", {
        "fields": ["files", "urls", "text", "filename"],
        "description": "Any of these, as many as you like: each file, address and pasted text becomes a document.",
    }),
    ("For every document", {"fields": ["outlet", "published"]}),
]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "title", "published", "published_source", "outlet", "event_count", "ingested_at"]
    list_filter = ["published_source", "outlet"]
    search_fields = ["title", "filename", "outlet", "url", "text"]
    fields = ["title", "outlet", "author", "published", "published_source", "published_evidence", "url", "filename", "ingested_at", "text"]
    readonly_fields = ["published_source", "published_evidence", "url", "filename", "ingested_at", "text"]
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
        obj.published_evidence = ""
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
        """Files, addresses and a pasted text become a job the task worker runs (events/jobs.py); the
        editor is taken to its page, where the results arrive."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                job = create_job(
                    form.label(), list(form.entries()), published=form.cleaned_data["published"],
                    outlet=form.cleaned_data["outlet"], user=request.user,
                )
            except IngestError as error:
                form.add_error(None, str(error))
            else:
                return redirect(job.get_absolute_url())
        adminform = helpers.AdminForm(form, UPLOAD_FIELDSETS, {})
        return TemplateResponse(
            request,
            "admin/events/document/upload.html",
            {
                **self.admin_site.each_context(request),
                "title": "Add documents",
                "opts": self.model._meta,
                "adminform": adminform,
                "media": self.media + adminform.media,
                "jobs": IngestJob.objects.order_by("-created_at")[:5],
            },
        )

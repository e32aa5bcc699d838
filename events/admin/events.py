"""The event admin: the editors' main screen. What an editor changes is recorded in `edited_fields`
(ingest then leaves it be) and in the object's history, with participants and topics spelled out."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join

from .. import duplicates, provenance, search
from ..models import Document, Event, KeptApart, Source
from .common import confirm_merge
from .curation import add_passages, delete_events, document_sentences, merge_events, related_ids, split_source

# Form field → the name ingest checks in edited_fields (events/ingest.py).
CURATED = {
    "title": "title",
    "kind": "kind",
    "date": "date",
    "date_precision": "date",
    "date_evidence": "date",
    "venue": "venue",
    "needs_review": "needs_review",
    "review_reason": "needs_review",
    "reviewed": "needs_review",
}
M2M = ["participants", "topics", "countries"]
CONTEXT_CHARS = 300
DOCUMENTS_LISTED = 20
PAIRS_SHOWN = 50


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = "__all__"

    def clean(self):
        data = super().clean()
        if data.get("date_precision") == Event.Precision.UNKNOWN:
            data["date"] = None
        elif "date_precision" in data and not data.get("date"):
            self.add_error("date", "Give a date, or set the precision to unknown.")
        return data


class PassagesForm(forms.Form):
    """The sentences of a document to make passages of an event: only sentences as the extraction cuts
    them can be chosen, so the offsets stored are theirs."""

    sentences = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple, error_messages={"required": "Choose at least one sentence."}
    )

    def __init__(self, sentences, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sentences"].choices = [(f"{start}-{end}", text) for start, end, text in sentences]

    def clean_sentences(self):
        return [tuple(int(n) for n in value.split("-")) for value in self.cleaned_data["sentences"]]


def documents_to_choose(query):
    """The documents an editor may take passages from: those whose title, file name, outlet or address
    has the words given, else the latest; the text left unread (it can be long)."""
    documents = Document.objects.defer("text").order_by("-ingested_at", "-pk")
    for word in query.split():
        documents = documents.filter(
            Q(title__icontains=word) | Q(filename__icontains=word) | Q(outlet__icontains=word) | Q(url__icontains=word)
        )
    return list(documents[:DOCUMENTS_LISTED])


def passage_in_context(source):
    text = source.document.text
    before_start = max(0, source.start - CONTEXT_CHARS)
    after_end = min(len(text), source.end + CONTEXT_CHARS)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if before_start else "",
        text[before_start : source.start],
        text[source.start : source.end],
        text[source.end : after_end],
        "…" if after_end < len(text) else "",
    )


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventForm
    list_display = ["date_shown", "title", "kind", "venue", "people", "source_count", "needs_review", "reviewed"]
    list_display_links = ["title"]
    list_filter = [
        "kind",
        ("countries", admin.RelatedOnlyFieldListFilter),
        "date_precision",
        "needs_review",
        "reviewed",
    ]
    search_fields = ["title", "participants__name", "participants__aliases"]
    search_help_text = "Titles, people, and passages (a phrase of three letters or more)."
    autocomplete_fields = ["venue", "participants", "topics", "countries"]
    readonly_fields = ["passages", "edited"]
    fieldsets = [
        (None, {"fields": ["title", "kind", ("date", "date_precision"), "date_evidence", "venue"]}),
        ("Who and what", {"fields": ["participants", "countries", "topics"]}),
        ("Review", {"fields": ["needs_review", "review_reason", "reviewed", "edited"]}),
        ("Sources", {"fields": ["passages"]}),
    ]
    actions = ["mark_reviewed", "merge_selected"]
    list_per_page = 50

    def get_queryset(self, request):
        return (
            super().get_queryset(request).with_source_counts().select_related("venue__country").prefetch_related("participants")
        )

    def get_search_results(self, request, queryset, search_term):
        """Admin's word-by-word search over titles and names, or the whole term as a phrase in a
        backing passage (cut out of the document's text in SQL: passages are not a column)."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        phrase = search_term.strip().strip('"')
        if len(phrase) >= 3:
            in_passages = Event.objects.containing(phrase, within=search.REPORTS).values("pk")
            found = queryset.filter(Q(pk__in=found.values("pk")) | Q(pk__in=in_passages))
        return found, may_have_duplicates

    @admin.display(description="date", ordering="date")
    def date_shown(self, event):
        return event.date_label

    @admin.display(description="participants")
    def people(self, event):
        return ", ".join(p.name for p in event.participants.all())

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, event):
        return event.source_count

    @admin.display(description="changed by an editor")
    def edited(self, event):
        """Each field an editor set, who and when, and what extraction had found for it."""
        found = provenance.lines(event) if event.pk else []
        if not found:
            return "nothing yet"
        return format_html(
            '<ul class="provenance">{}</ul>',
            format_html_join("", "<li><strong>{}</strong>: {}{}</li>", (
                (
                    line.label,
                    f"{line.by}, {format_date(line.at, 'j M Y, H:i')}" if line.by else "not recorded who or when",
                    format_html(" · found by extraction: {}", line.found) if line.found else "",
                )
                for line in found
            )),
        )

    @admin.display(description="passages")
    def passages(self, event):
        sources = list(event.sources.select_related("document")) if event.pk else []
        if not event.pk:
            return "Save the event, then choose its passages in a document."
        add = format_html(
            '<p><a href="{}">Add passages: choose a document and its sentences</a></p>',
            reverse("admin:events_event_passages", args=[event.pk]),
        )
        if not sources:
            return format_html("<p>No sources.</p>{}", add)
        split = len(sources) > 1
        return add + format_html_join(
            "",
            '<div class="passage"><p><a href="{}">{}</a> [{}:{}]{}</p><blockquote>{}</blockquote></div>',
            (
                (
                    reverse("admin:events_document_change", args=[s.document_id]),
                    s.document,
                    s.start,
                    s.end,
                    format_html(' · <a href="{}">split off into its own event</a>', reverse("admin:events_event_split", args=[event.pk, s.pk]))
                    if split
                    else "",
                    passage_in_context(s),
                )
                for s in sources
            ),
        )

    def save_model(self, request, obj, form, change):
        edited = {CURATED[name] for name in form.changed_data if name in CURATED}
        if "date" in edited and "date_evidence" not in form.changed_data:
            # The extraction's evidence would explain a date it did not give; it stays with the reports.
            obj.date_evidence = provenance.EDITOR_DATE_EVIDENCE
        obj.mark_edited(edited, request.user)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        event = form.instance
        before = related_ids(event, M2M) if change else {name: set() for name in M2M}
        super().save_related(request, form, formsets, change)
        after = related_ids(event, M2M)
        form.m2m_changes = {name: (after[name] - before[name], before[name] - after[name]) for name in M2M if before[name] != after[name]}
        if form.m2m_changes:
            event.mark_edited(form.m2m_changes, request.user)
            event.save(update_fields=["edited_fields", "edits"])

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        changes = getattr(form, "m2m_changes", {})
        if not add and changes:
            labels = [self.describe_change(form, name, changes.get(name)) for name in form.changed_data]
            message = [{"changed": {"fields": labels}}, *message[1:]]
        return message

    @staticmethod
    def describe_change(form, name, change):
        label = form.fields[name].label or name
        if not change:
            return label
        model = form.fields[name].queryset.model
        parts = []
        for verb, ids in zip(["added", "removed"], change):
            if ids:
                parts.append(f"{verb} " + ", ".join(str(o) for o in model.objects.filter(pk__in=ids)))
        return f"{label} ({'; '.join(parts)})"

    def delete_model(self, request, obj):
        delete_events([obj])

    def delete_queryset(self, request, queryset):
        delete_events(queryset)

    @admin.action(description="Mark selected events reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        for event in queryset:
            event.reviewed, event.needs_review = True, False
            event.mark_edited(["needs_review"], request.user)
            event.save(update_fields=["reviewed", "needs_review", "edited_fields", "edits"])
            self.log_change(request, event, "Marked reviewed.")
        self.message_user(request, f"{len(queryset)} event(s) marked reviewed.", messages.SUCCESS)

    @admin.action(description="Merge selected events…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        return confirm_merge(self, request, queryset, lambda survivor, others: merge_events(survivor, others, request.user))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/split/<int:source_pk>/", view(self.split_view), name="events_event_split"),
            path("<int:pk>/passages/", view(self.passages_view), name="events_event_passages"),
            path("duplicates/", view(self.duplicates_view), name="events_event_duplicates"),
            *super().get_urls(),
        ]

    def split_view(self, request, pk, source_pk):
        """Confirm, then move one source to a new event copied from this one."""
        event = get_object_or_404(Event, pk=pk)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        source = get_object_or_404(Source.objects.select_related("document"), pk=source_pk, event=event)
        change_url = reverse("admin:events_event_change", args=[event.pk])
        if request.method == "POST":
            try:
                new = split_source(source, request.user)
            except ValueError as error:
                self.message_user(request, str(error), messages.ERROR)
                return redirect(change_url)
            self.log_change(request, event, f"Split off source {source} into event #{new.pk}.")
            self.log_addition(request, new, f"Split off from event #{event.pk} with source {source}.")
            self.message_user(request, f"The passage now backs event #{new.pk}; edit it here.", messages.SUCCESS)
            return redirect("admin:events_event_change", new.pk)
        return TemplateResponse(
            request,
            "admin/events/event/split_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": "Split a source off into its own event",
                "opts": self.model._meta,
                "event": event,
                "source": source,
                "passage": passage_in_context(source),
                "change_url": change_url,
            },
        )

    def passages_view(self, request, pk):
        """Give an event passages (one added by hand, say): choose a document, then tick the sentences
        of it that report the event. Without JavaScript: a search for the document, then checkboxes."""
        event = get_object_or_404(Event, pk=pk)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Add passages to “{event}”",
            "opts": self.model._meta,
            "event": event,
            "change_url": reverse("admin:events_event_change", args=[event.pk]),
        }
        chosen = request.POST.get("document") or request.GET.get("document")
        if not chosen:
            query = request.GET.get("q", "").strip()
            own = Document.objects.defer("text").filter(sources__event=event).distinct()
            return TemplateResponse(request, "admin/events/event/passages.html", {
                **context, "query": query, "own": list(own), "documents": documents_to_choose(query),
            })
        if not chosen.isdigit():
            raise Http404("No such document.")
        document = get_object_or_404(Document, pk=chosen)
        sentences = document_sentences(document)
        form = PassagesForm(sentences, request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                added = add_passages(event, document, form.cleaned_data["sentences"], request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                spans = ", ".join(f"[{s.start}:{s.end}]" for s in added)
                if added:
                    self.log_change(request, event, f"Added passages of {document} (#{document.pk}): {spans}.")
                self.message_user(request, f"{len(added)} passage(s) of “{document}” added.", messages.SUCCESS)
                return redirect(context["change_url"])
        have = set(event.sources.filter(document=document).values_list("start", "end"))
        picked = set(form["sentences"].value() or [])
        rows = [(f"{start}-{end}", text, (start, end) in have, f"{start}-{end}" in picked) for start, end, text in sentences]
        return TemplateResponse(request, "admin/events/event/passages.html", {
            **context, "document": document, "form": form, "rows": rows,
        })

    def duplicates_view(self, request):
        """Pairs of events that look like one (events/duplicates.py), each a click from being merged
        by the merge action's own code, or from being kept apart."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        can_merge = self.has_change_permission(request) and self.has_delete_permission(request)
        if request.method == "POST":
            if not can_merge:
                raise PermissionDenied
            ids = [pk for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME) if pk.isdigit()][:2]
            chosen = list(Event.objects.filter(pk__in=ids))
            if len(chosen) == 2 and "keep_apart" in request.POST:
                KeptApart.record(*chosen, by=request.user)
                for event, other in (chosen, chosen[::-1]):
                    self.log_change(request, event, f"Kept apart from #{other.pk} “{other}”: not the same event.")
                self.message_user(request, f"“{chosen[0]}” and “{chosen[1]}” are kept apart.", messages.SUCCESS)
            else:
                page = confirm_merge(self, request, chosen, lambda survivor, others: merge_events(survivor, others, request.user))
                if page is not None:
                    return page
            return redirect("admin:events_event_duplicates")
        pairs, total = duplicates.likely(limit=PAIRS_SHOWN)
        return TemplateResponse(request, "admin/events/event/duplicates.html", {
            **self.admin_site.each_context(request),
            "title": "Likely duplicates",
            "opts": self.model._meta,
            "pairs": pairs,
            "total": total,
            "can_merge": can_merge,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(KeptApart)
class KeptApartAdmin(admin.ModelAdmin):
    """Pairs of events editors said are not one: deleting a row lists the pair as likely duplicates again."""

    list_display = ["first", "second", "by", "created_at"]
    list_select_related = ["first", "second", "by"]
    readonly_fields = ["first", "second", "by", "created_at"]

    def has_add_permission(self, request):
        return False

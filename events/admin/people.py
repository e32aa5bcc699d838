"""People, places, topics and countries: the things events name. People can be merged; the merged
names become aliases, which ingest resolves to the person kept."""

from django.contrib import admin
from django.db import models
from django.db.models import Count

from ..ingest import retitle
from ..models import Country, Person, Place, Suppression, Topic
from .common import LinesField, confirm_merge
from .curation import merge_people

LISTS_ONE_PER_LINE = {models.JSONField: {"form_class": LinesField}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "role", "alias_list", "event_count"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases", "role"]
    autocomplete_fields = ["country"]
    formfield_overrides = LISTS_ONE_PER_LINE
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country").annotate(event_count=Count("events"))

    @admin.display(description="aliases")
    def alias_list(self, person):
        return ", ".join(person.aliases)

    @admin.display(description="events", ordering="event_count")
    def event_count(self, person):
        return person.event_count

    def save_model(self, request, obj, form, change):
        """A new name keeps the old one as an alias, as a merge does (reports that use it still resolve
        to this person); titles no editor wrote then name the person as now named."""
        if change and "name" in form.changed_data:
            obj.add_aliases([form.initial["name"]])
            obj.aliases = [alias for alias in obj.aliases if alias != obj.name]
        super().save_model(request, obj, form, change)
        if change and {"name", "aliases"} & set(form.changed_data):
            retitle(obj.events.all())

    @admin.action(description="Merge selected people…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        def merge(survivor, others):
            names = ", ".join(o.name for o in others)
            for event in merge_people(survivor, others):
                self.log_change(request, event, f"Participants: {names} merged into {survivor.name}.")

        return confirm_merge(self, request, queryset, merge)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "country__name"]
    autocomplete_fields = ["country"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "keyword_list"]
    search_fields = ["name", "keywords"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = LISTS_ONE_PER_LINE

    @admin.display(description="keywords")
    def keyword_list(self, topic):
        return ", ".join(topic.keywords)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Suppression)
class SuppressionAdmin(admin.ModelAdmin):
    """Events editors deleted, by passage: deleting a row here lets ingest find that event again."""

    list_display = ["document", "start", "end", "signature", "created_at"]
    list_select_related = ["document"]
    readonly_fields = ["document", "start", "end", "signature"]

    def has_add_permission(self, request):
        return False

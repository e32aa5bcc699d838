from django.contrib import admin

from .models import Country, Document, Event, Person, Place, Source, Suppression, Topic


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0
    raw_id_fields = ["document"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "date_precision", "venue", "needs_review"]
    list_filter = ["kind", "date_precision", "needs_review", "reviewed"]
    search_fields = ["title", "participants__name"]
    autocomplete_fields = ["participants", "topics", "venue", "countries"]
    inlines = [SourceInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "title", "published", "outlet"]
    search_fields = ["title", "filename", "text"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "role"]
    search_fields = ["name", "aliases"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "country"]
    search_fields = ["name"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    search_fields = ["name", "code"]


admin.site.register(Suppression)

"""Getting articles in, in the background: the jobs an upload or a list of addresses makes, with a
page whose progress updates itself (htmx, every second, while the job runs), and the feeds that
`manage.py poll_feeds` reads."""

from django.contrib import admin, messages
from django.db import transaction
from django.template.response import TemplateResponse

from ..models import Feed, FeedEntry, IngestItem, IngestJob
from ..tasks import poll_feed


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    list_display = ["label", "status", "progress", "created_by", "created_at", "finished_at"]
    list_filter = ["status"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # jobs come from "Add documents"

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("events.add_document") or super().has_view_permission(request, obj)

    @admin.display(description="done")
    def progress(self, job):
        tally = job.tally()
        return f"{sum(tally.values()) - tally[IngestItem.Status.PENDING]} / {sum(tally.values())}"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The job's progress: counts and each document's result; an htmx request gets only the part
        that changes, so the page updates while the job runs without being reloaded."""
        job = self.get_object(request, object_id)
        if job is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        tally = job.tally()
        total = sum(tally.values())
        context = {
            **self.admin_site.each_context(request),
            "title": job.label,
            "opts": self.opts,
            "job": job,
            "tally": tally,
            "total": total,
            "done": total - tally[IngestItem.Status.PENDING],
            "counts": [(label, tally[status]) for status, label in IngestItem.Status.choices if status != IngestItem.Status.PENDING],
            "items": job.items.select_related("document").defer("data"),
        }
        template = "admin/events/ingestjob/progress.html"
        if request.headers.get("HX-Request"):
            template += "#progress"
        return TemplateResponse(request, template, context)


class FeedEntryInline(admin.TabularInline):
    model = FeedEntry
    fields = ["seen_at", "title", "url", "document", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    max_num = 0
    ordering = ["-seen_at"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "active", "last_polled_at", "last_added", "has_error"]
    list_filter = ["active"]
    search_fields = ["title", "url", "outlet"]
    fields = ["url", "title", "outlet", "active", "last_polled_at", "last_added", "last_error"]
    readonly_fields = ["last_polled_at", "last_added", "last_error"]
    actions = ["poll_now"]
    inlines = [FeedEntryInline]

    @admin.display(description="error", boolean=True)
    def has_error(self, feed):
        return bool(feed.last_error)

    @admin.action(description="Poll selected feeds now (in the background)", permissions=["change"])
    def poll_now(self, request, queryset):
        feeds = list(queryset)
        for feed in feeds:
            transaction.on_commit(lambda pk=feed.pk: poll_feed.enqueue(pk))
        self.message_user(
            request, f"{len(feeds)} feed(s) will be read by the task worker; their last poll shows here when done.",
            messages.SUCCESS,
        )

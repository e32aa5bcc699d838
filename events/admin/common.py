"""Pieces the event, people and document admins share: a one-per-line list field and the merge
confirmation step."""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse


class LinesField(forms.Field):
    """A JSON list of strings (aliases, keywords) edited as one entry per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        kwargs.setdefault("help_text", "One per line.")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        return list(dict.fromkeys(line.strip() for line in (value or "").splitlines() if line.strip()))


def confirm_merge(modeladmin, request, queryset, merge):
    """An admin action in two steps: the editor picks the record to keep, then `merge(survivor,
    others)` runs and is logged on each record. Returns a page to show, or None to go back to the list."""
    objects = list(queryset)
    opts = modeladmin.model._meta
    if len(objects) < 2:
        modeladmin.message_user(request, f"Select two or more {opts.verbose_name_plural} to merge.", messages.WARNING)
        return None
    survivor = next((o for o in objects if str(o.pk) == request.POST.get("survivor")), None)
    if survivor is None:
        return TemplateResponse(
            request,
            "admin/events/merge_confirmation.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": f"Merge {len(objects)} {opts.verbose_name_plural}",
                "opts": opts,
                "objects": objects,
                "action": request.POST["action"],
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )
    others = [o for o in objects if o.pk != survivor.pk]
    modeladmin.log_deletions(request, others)
    names = ", ".join(f"#{o.pk} “{o}”" for o in others)
    merge(survivor, others)
    modeladmin.log_change(request, survivor, f"Merged {names} into this {opts.verbose_name}.")
    modeladmin.message_user(request, f"Merged {names} into “{survivor}”.", messages.SUCCESS)
    return None

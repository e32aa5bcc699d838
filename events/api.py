"""The public read-only API: events as JSON with keyset pagination, the same filtered events as CSV,
iCalendar, TimelineJS JSON and TimelineJS's spreadsheet layout, and the OpenAPI description of it all.
The filters are the timeline page's own form, so a URL means the same events on the page and here."""

import datetime
from functools import wraps

from django import forms
from django.core import signing
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt

from . import exports
from .forms import TimelineFilterForm
from .methods import ALLOW, read_only
from .models import Event
from .serializers import event_to_dict, prefetched

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CURSOR_SALT = "events.api.cursor"


class BadParameters(Exception):
    def __init__(self, fields):
        super().__init__(fields)
        self.fields = fields


def error(status, message, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def refuse(request):
    return error(405, f"{request.method} is not allowed: this API is read-only.")


def api_view(view):
    """Read-only (GET and HEAD; OPTIONS says so), open to pages on any origin (no login, no cookies
    used), and every error is JSON."""

    @read_only(refuse=refuse)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameters as e:
            return error(400, "Invalid parameters.", fields=e.fields)
        except Http404:
            return error(404, "Not found: see /api/openapi.json for what there is.")

    @csrf_exempt  # nothing here changes state; other methods get a 405 rather than a CSRF failure
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = answer(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        if request.method == "OPTIONS":
            # A browser's CORS preflight: the methods allowed, with any headers it asks for (no
            # credentials are ever accepted, so none can leak).
            response["Access-Control-Allow-Methods"] = ALLOW
            if "Access-Control-Request-Headers" in request.headers:
                response["Access-Control-Allow-Headers"] = request.headers["Access-Control-Request-Headers"]
        return response

    return wrapper


class EventFilters(TimelineFilterForm):
    """The timeline page's filters, less the page's own chunk cursor `after` and its person finder
    `who`: the API pages with `cursor` and `limit`, and the exports are not paged at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.NOT_FILTERS:
            self.fields.pop(name, None)


class PageForm(forms.Form):
    """Keyset pagination: the cursor is the (date, precision rank, id) of the last event already sent,
    signed so that it stays opaque and a tampered one is refused."""

    cursor = forms.CharField(required=False)
    limit = forms.IntegerField(required=False, min_value=1, max_value=MAX_LIMIT)

    def clean_cursor(self):
        token = self.cleaned_data["cursor"]
        if not token:
            return None
        try:
            date, rank, pk = signing.loads(token, salt=CURSOR_SALT)
        except (signing.BadSignature, ValueError, TypeError):
            raise forms.ValidationError("Not a cursor from this API: follow the `next` link.")
        return datetime.date.fromisoformat(date) if date else None, rank, pk

    def page(self, events):
        """Up to `limit` events after the cursor in timeline order, and the cursor of the next page."""
        limit = self.cleaned_data["limit"] or DEFAULT_LIMIT
        events = events.chronological()
        if self.cleaned_data["cursor"]:
            events = events.filter(after(*self.cleaned_data["cursor"]))
        rows = list(prefetched(events)[: limit + 1])
        if len(rows) <= limit:
            return rows, None
        last = rows[limit - 1]
        return rows[:limit], signing.dumps([last.date and last.date.isoformat(), last.date_precision_rank, last.pk], salt=CURSOR_SALT)


def after(date, rank, pk):
    """Events after (date, rank, pk) in the order date (undated last), precision rank, id."""
    later_same_date = Q(date_precision_rank__gt=rank) | Q(date_precision_rank=rank, pk__gt=pk)
    if date is None:
        return Q(date__isnull=True) & later_same_date
    return Q(date__gt=date) | (Q(date=date) & later_same_date) | Q(date__isnull=True)


def bind(params, *form_classes):
    """The forms bound to the parameters (a QueryDict); unknown parameters and invalid values raise
    BadParameters, so a typo is an error rather than a silently unfiltered timeline."""
    bound = [form_class(params) for form_class in form_classes]
    known = {name for form in bound for name in form.fields}
    errors = {
        name: [f"Unknown parameter. Known: {', '.join(sorted(known)) or 'none'}."]
        for name in sorted(set(params) - known)
    }
    for form in bound:
        if not form.is_valid():
            errors.update({name: [e["message"] for e in errs] for name, errs in form.errors.get_json_data().items()})
    if errors:
        raise BadParameters(errors)
    return bound


def base_url(request):
    return request.build_absolute_uri("/")


@api_view
def event_list(request):
    filters, paging = bind(request.GET, EventFilters, PageForm)
    events, cursor = paging.page(filters.events())
    next_url = None
    if cursor:
        params = request.GET.copy()
        params["cursor"] = cursor
        next_url = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
    return JsonResponse({"events": [event_to_dict(e) for e in events], "next": next_url})


@api_view
def event_detail(request, pk):
    bind(request.GET)
    if not (pk.isascii() and pk.isdigit()):
        raise Http404
    return JsonResponse(event_to_dict(get_object_or_404(prefetched(Event.objects.all()), pk=int(pk))))


@api_view
def not_found(request):
    raise Http404


def download(body, content_type, filename):
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@api_view
def events_csv(request):
    (filters,) = bind(request.GET, EventFilters)
    body = exports.events_csv(prefetched(filters.events()), base_url(request))
    # The byte-order mark makes Excel read the file as UTF-8 rather than its local code page.
    return download("\ufeff" + body, "text/csv; charset=utf-8", "events.csv")


@api_view
def events_ics(request):
    (filters,) = bind(request.GET, EventFilters)
    body = exports.events_ics(prefetched(filters.events()), base_url(request))
    return download(body, "text/calendar; charset=utf-8", "events.ics")


@api_view
def events_timelinejs_sheet(request):
    (filters,) = bind(request.GET, EventFilters)
    body = exports.events_timelinejs_sheet(prefetched(filters.events()), base_url(request))
    return download("\ufeff" + body, "text/csv; charset=utf-8", "events-timelinejs.csv")


@api_view
def events_timelinejs(request):
    (filters,) = bind(request.GET, EventFilters)
    return JsonResponse(exports.events_timelinejs(prefetched(filters.events()), base_url(request)))


"""{% export_links %}: links to every export of the events the current page's filters select."""

from django import template

from ..api import EventFilters

register = template.Library()


@register.inclusion_tag("events/_export_links.html", takes_context=True)
def export_links(context):
    """Only the filters are carried over: the page's chunk cursor `after` is not an API parameter."""
    query = context["request"].GET.copy()
    for name in set(query) - set(EventFilters().fields):
        del query[name]
    return {"query": query.urlencode()}

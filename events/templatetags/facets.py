"""The timeline's filter options as HTML: {{ facets.country|options:"checkbox" }} writes a facet's
labelled inputs with their counts, {{ facets|count_swaps }} the counts alone for an htmx response to
swap in place. Hundreds of options, each a template node or two, took a large part of the page's
time (manage.py bench); format_html_join writes them, escaped the same, in a fraction of it."""

from django import template

from ..html import format_html, format_html_join

register = template.Library()


def count(option, swap=False):
    swapped = ' hx-swap-oob="true"' if swap else ""
    return format_html('<span class="n{}" id="{}"' + swapped + ">{}</span>", "" if option.count else " zero",
                       option.dom_id, option.count)


@register.filter
def options(options, input_type):
    """A facet's options as <label>ed inputs of this type, named after the facet, each with its count.
    A radio that would empty the page is disabled (a checkbox adds its events to the others')."""
    return format_html_join("\n", '<label class="option"><input type="{}" name="{}" value="{}"{}> {} {}</label>', (
        (input_type, o.facet, o.value,
         " checked" if o.selected else " disabled" if input_type == "radio" and o.disabled else "", o.label, count(o))
        for o in options
    ))


@register.filter
def count_swaps(facets):
    """Every option's count, marked for htmx to swap into the filter form as it stands (out of band)."""
    return format_html_join("", "{}", (
        (count(option, swap=True),) for name, options in facets.items() if name != "review" for option in options
    ))

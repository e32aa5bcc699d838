"""The timeline's filters: a form bound to request.GET, so every view of the timeline is a URL."""

from django import forms

from .models import Country, Event, Person


class TimelineFilterForm(forms.Form):
    country = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    person = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [(c.code, c.name) for c in Country.objects.filter(events__isnull=False).distinct()]
        self.fields["person"].choices = [("", "Anyone")] + [
            (p.pk, p.name) for p in Person.objects.filter(events__isnull=False).distinct()
        ]

    def events(self):
        """The events these filters select, in date order; unbound or invalid filters select all."""
        data = self.cleaned_data if self.is_valid() else {}
        return (
            Event.objects.in_countries(data.get("country"))
            .with_person(data.get("person"))
            .chronological()
        )

"""A ModelAdmin (wagtail-modeladmin) that answers a mistyped address as Django's admin does.

wagtail-modeladmin lets a filter it cannot apply (``?status__in=x``, a field that does not
exist) and an entry address that names no entry (``edit/abc/``) end in a server error. Here a
list drops such filters, says so and shows every entry; such an entry address is not found.
"""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_modeladmin.options import ModelAdmin


class ForgivingModelAdmin(ModelAdmin):
    def index_view(self, request):
        try:
            return super().index_view(request)
        except IncorrectLookupParameters:
            if not request.GET:
                raise  # not the address's fault: nothing to drop
            messages.warning(
                request,
                _("The filter in the address cannot be applied: the list shows every entry."),
            )
            return redirect(self.url_helper.index_url)

    def _valid_pk_or_404(self, instance_pk):
        # Checked before the view looks the entry up: its lookup raises on such a value.
        try:
            self.model._meta.pk.to_python(unquote(instance_pk))
        except ValidationError:
            raise Http404 from None

    def inspect_view(self, request, instance_pk):
        self._valid_pk_or_404(instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._valid_pk_or_404(instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._valid_pk_or_404(instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._valid_pk_or_404(instance_pk)
        return super().history_view(request, instance_pk)

"""A ModelAdmin (wagtail-modeladmin) that answers a mistyped address as Django's admin does.

wagtail-modeladmin lets a filter it cannot apply (``?status__in=x``, a field that does not
exist) and an entry address that names no entry (``edit/abc/``) end in a server error. Here a
list drops such filters, says so and shows every entry; such an entry address is not found.

It also applies any lookup the address names, across relations: whether the list is empty
would tell a user who may see it another user's password hash, letter by letter
(``?meeting__owner__password__startswith=…``). Here, as in Django's admin
(``lookup_allowed``), a filter may follow a relation only as one of the list's own filters.

Its exports hold what visitors typed into the public forms: a CSV cell that a spreadsheet
would run as a formula (``=HYPERLINK(…)``) starts with an apostrophe, and an XLSX cell drops
the characters a worksheet cannot hold (openpyxl refused the whole export).
"""

import re
import unicodedata
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.admin import ModelAdmin as DjangoModelAdmin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

# What a spreadsheet takes for the start of a formula, and what is only a number or a phone
# number (``-``, ``+49 341 123-45``) that it may compute but that calls nothing.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_LIKE = re.compile(r"[+-]?[\d\s().,/-]*")
# What an XLSX worksheet (XML 1.0) cannot hold: the control characters of openpyxl's
# ILLEGAL_CHARACTERS_RE and the noncharacters U+FFFE and U+FFFF, which a form takes.
NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class SafeExportIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if not isinstance(value, str):
            return value
        if export_format == self.FORMAT_XLSX:
            return NOT_IN_XLSX.sub("", value)
        # NFKC: a full-width "＝" may be read as "=" too.
        first = unicodedata.normalize("NFKC", value[:1])
        if first.startswith(FORMULA_START) and not NUMBER_LIKE.fullmatch(value):
            return "'" + value
        return value


class ForgivingModelAdmin(ModelAdmin):
    index_view_class = SafeExportIndexView

    def _lookups_allowed(self, request):
        view = self.index_view_class
        not_lookups = {*view.IGNORED_PARAMS, view.PAGE_VAR, view.ERROR_FLAG}
        rules = SimpleNamespace(
            model=self.model, date_hierarchy=None, get_list_filter=self.get_list_filter
        )
        return all(
            DjangoModelAdmin.lookup_allowed(rules, lookup, value, request)
            for lookup, value in request.GET.items()
            if lookup not in not_lookups
        )

    def index_view(self, request):
        try:
            # Checked for those who may see the list: the others are refused by the view.
            can_list = self.permission_helper.user_can_list(request.user)
            if can_list and not self._lookups_allowed(request):
                raise IncorrectLookupParameters
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

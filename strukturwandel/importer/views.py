"""The admin's "Import" action on a documentation index: upload, check, create drafts."""

import base64
import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from strukturwandel.documentation.models import DocumentationIndexPage

from .convert.reading import MAX_SIZE, ImportFileError, check_size
from .forms import ImportForm
from .importing import import_file

SESSION_KEY = "strukturwandel_importer"
# The checked files wait in the session between the two steps: a bound on what it holds
# (each file may have MAX_SIZE; reports are rarely more than a few hundred kB).
MAX_FILES = 20
MAX_TOTAL_SIZE = 20 * 2**20


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Step one shows what each file yields (nothing saved); step two creates the drafts."""

    template_name = "strukturwandel_importer/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import documentation")
    header_icon = "upload"

    def dispatch(self, request, page_id):
        self.index = get_object_or_404(Page, id=page_id).specific
        if not isinstance(self.index, DocumentationIndexPage):
            raise PermissionDenied
        if not self.index.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.index.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_explore", args=[self.index.id]),
                "label": self.index.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(index=self.index, max_mb=MAX_SIZE // 2**20, **kwargs)

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.create(request.POST["token"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        files, results = [], []
        uploads = form.cleaned_data["files"]
        if len(uploads) > MAX_FILES:
            form.add_error(
                "files", _("At most %(count)s files at a time, please.") % {"count": MAX_FILES}
            )
            return self.form_invalid(form)
        if sum(upload.size for upload in uploads) > MAX_TOTAL_SIZE:
            form.add_error(
                "files",
                _(
                    "Together the files may have at most %(mb)s MB. Please import them in "
                    "several rounds."
                )
                % {"mb": MAX_TOTAL_SIZE // 2**20},
            )
            return self.form_invalid(form)
        for upload in uploads:
            try:
                check_size(upload.size)
                data = upload.read()
            except ImportFileError as error:
                results.append(_Failed(upload.name, str(error)))
                continue
            result = import_file(upload.name, data, self.index, dry_run=True)
            results.append(result)
            if result.ok:
                files.append((upload.name, base64.b64encode(data).decode("ascii")))
        if not files:
            form.add_error("files", _("None of the files can be imported; see below."))
            return self.render_to_response(self.get_context_data(form=form, results=results))
        token = secrets.token_urlsafe(16)
        # The checked files wait in the session for the second step: a file input cannot be
        # filled again, so the editor does not have to choose them twice.
        self.request.session[SESSION_KEY] = {"token": token, "files": files}
        return self.render_to_response(
            self.get_context_data(form=form, results=results, token=token)
        )

    def create(self, token):
        stored = self.request.session.get(SESSION_KEY) or {}
        if not token or stored.get("token") != token:
            messages.error(
                self.request, _("The upload has expired. Please choose the files again.")
            )
            return redirect("strukturwandel_importer_import", self.index.id)
        del self.request.session[SESSION_KEY]
        pages = []
        for name, encoded in stored["files"]:
            result = import_file(
                name, base64.b64decode(encoded), self.index, user=self.request.user
            )
            if result.ok:
                pages.append(result.page)
            else:
                messages.error(
                    self.request,
                    _("%(name)s: %(error)s") % {"name": name, "error": result.error},
                )
        if pages:
            messages.success(
                self.request,
                ngettext(
                    "%(count)s draft created. Please check it before publishing.",
                    "%(count)s drafts created. Please check them before publishing.",
                    len(pages),
                )
                % {"count": len(pages)},
            )
        if len(pages) == 1:
            return redirect("wagtailadmin_pages:edit", pages[0].id)
        return redirect("wagtailadmin_explore", self.index.id)


class _Failed:
    def __init__(self, name, error):
        self.name, self.error, self.ok, self.lines, self.page = name, error, False, [], None

"""The meeting editor's form: a new meeting starts from what its series already knows."""

from wagtail.admin.forms import WagtailAdminPageForm


class MeetingPageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance.pk is None and not self.is_bound and parent_page is not None:
            from .planning import new_meeting_defaults

            for name, value in new_meeting_defaults(parent_page).items():
                if name in self.fields:
                    self.initial[name] = value

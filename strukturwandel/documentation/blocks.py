"""Structured blocks for meeting documentation and alliance reports.

Blocks that open a section of a report derive from ``SectionBlock``: the page numbers them in
reading order ("1 Impuls …", "3 Hauptpunkte aus der Diskussion") and lists them in its table of
contents, so editors never type numbers.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from strukturwandel.core.blocks import (
    PREVIEW_TEMPLATE,
    BaseStreamBlock,
    HeadingBlock,
    LabelledImageBlock,
    LinkBlock,
)
from strukturwandel.people.blocks import SpeakerBlock, speakers_line

LIST_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]
INLINE_FEATURES = ["bold", "italic", "link", "document-link"]

# What a section is called when the editor leaves its heading empty.
DISCUSSION_HEADING = _("Main points from the discussion")
NEXT_DATES_HEADING = _("Next Strukturwandel-Stammtische")
NETWORKING_HEADING = _("Further networking")
DECISIONS_HEADING = _("Decisions and next steps")
SURVEY_HEADING = pgettext_lazy("strukturwandel", "Survey results")


class SectionBlock(blocks.StructBlock):
    """A block that opens a numbered section with its own heading."""

    def section_title(self, value):
        return value.get("heading") or str(self.meta.default_heading)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The page passes number, anchor and title; a block rendered on its own has no number.
        context["section_title"] = context.get("section_title") or self.section_title(value)
        return context

    class Meta:
        default_heading = ""
        preview_template = PREVIEW_TEMPLATE


def section_heading(default_heading):
    """The optional heading of a section; left empty, the section shows ``default_heading``
    (the same text as the block's ``Meta.default_heading``)."""
    return blocks.CharBlock(
        label=_("Section heading"),
        max_length=200,
        required=False,
        help_text=format_lazy(_("Leave empty for '{heading}'."), heading=default_heading),
    )


class ImpulseBlock(SectionBlock):
    speakers = blocks.ListBlock(
        SpeakerBlock(), label=pgettext_lazy("strukturwandel", "Speakers"), min_num=0
    )
    title = blocks.CharBlock(
        label=_("Title of the impulse"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to name the impulse after its speakers."),
    )
    key_points = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Key points"),
        features=LIST_FEATURES,
        required=False,
        help_text=_("A bulleted list; indent a point (Tab) for sub-points."),
    )
    links = blocks.ListBlock(
        LinkBlock(), label=pgettext_lazy("strukturwandel", "Links"), default=[]
    )
    image = LabelledImageBlock(label=pgettext_lazy("strukturwandel", "Image"), required=False)
    slides = DocumentChooserBlock(label=pgettext_lazy("strukturwandel", "Slides"), required=False)

    class Meta:
        icon = "user"
        label = _("Impulse")
        template = "strukturwandel_documentation/blocks/impulse.html"
        description = _("A short input by one or more speakers: key points, links and slides.")
        default_heading = _("Impulse")
        preview_value = {
            "speakers": [
                {"name": "Erika Beispiel", "organisation_name": "Gesellschaftsdenken e.V."}
            ],
            "title": "Gespräche im Straßencafé",
            "key_points": "<ul><li>Mehrere Tausend Gespräche in einem offenen Format</li>"
            "<li>Positive Resonanz in der Stadt</li></ul>",
        }

    def section_title(self, value):
        speakers = speakers_line(value.get("speakers") or [])
        title = value.get("title")
        if title:
            return _("Impulse: %(title)s") % {"title": title}
        if speakers:
            return _("Impulse by %(speakers)s") % {"speakers": speakers}
        return str(self.meta.default_heading)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["speakers"] = [
            SpeakerBlock.display(speaker)
            for speaker in value.get("speakers") or []
            if SpeakerBlock.display(speaker)["name"]
        ]
        return context


class DiscussionPointBlock(blocks.StructBlock):
    key_term = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Key term"),
        max_length=120,
        required=False,
        help_text=_("Shown emphasised at the start of the point, e.g. 'Transparenz'."),
    )
    text = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Point"), features=INLINE_FEATURES
    )
    sub_points = blocks.ListBlock(
        blocks.RichTextBlock(
            features=INLINE_FEATURES, label=pgettext_lazy("strukturwandel", "Sub-point")
        ),
        label=pgettext_lazy("strukturwandel", "Sub-points"),
        default=[],
    )
    follow_up = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Follow-up"),
        max_length=300,
        required=False,
        help_text=_("What happens next; shown after an arrow (➔)."),
    )
    follow_up_meeting = blocks.PageChooserBlock(
        page_type="strukturwandel_events.MeetingPage",
        label=_("Meeting of the follow-up"),
        required=False,
        help_text=_("Optional: the meeting that takes the point up; the follow-up links to it."),
    )

    class Meta:
        icon = "comment"
        label = _("Discussion point")


class DiscussionBlock(SectionBlock):
    heading = section_heading(DISCUSSION_HEADING)
    intro = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Introduction"),
        features=INLINE_FEATURES,
        required=False,
    )
    points = blocks.ListBlock(
        DiscussionPointBlock(), label=pgettext_lazy("strukturwandel", "Main points"), default=[]
    )

    class Meta:
        icon = "comment"
        label = _("Discussion")
        template = "strukturwandel_documentation/blocks/discussion.html"
        description = _("The main points of the discussion, each with an emphasised key term.")
        default_heading = DISCUSSION_HEADING
        preview_value = {
            "points": [
                {
                    "key_term": "Transparenz",
                    "text": "<p>Wo werden welche Themen im Strukturwandel diskutiert?</p>",
                    "sub_points": [],
                    "follow_up": "Wir stimmen uns weiter ab.",
                }
            ]
        }

    def section_title(self, value):
        # An empty discussion is left out rather than shown as a numbered, empty section.
        if not (value.get("points") or value.get("intro")):
            return None
        return super().section_title(value)


class NextDatesBlock(SectionBlock):
    """The series' meetings after this meeting, read live from the meeting pages."""

    heading = section_heading(NEXT_DATES_HEADING)
    series = blocks.PageChooserBlock(
        page_type="strukturwandel_events.EventSeriesPage",
        label=pgettext_lazy("strukturwandel", "Series"),
        required=False,
        help_text=_("Leave empty to use the series of the documented meeting."),
    )
    count = blocks.IntegerBlock(label=_("How many dates"), min_value=1, max_value=12, default=3)
    note = blocks.RichTextBlock(
        label=_("Note below the dates"), features=INLINE_FEATURES, required=False
    )

    class Meta:
        icon = "date"
        label = _("Next dates")
        template = "strukturwandel_documentation/blocks/next_dates.html"
        description = _("Lists the next meetings of the series automatically, with links.")
        default_heading = NEXT_DATES_HEADING
        preview_value = {"count": 3}

    def get_preview_context(self, value, parent_context=None):
        from strukturwandel.events import listings
        from strukturwandel.events.models import MeetingStatus

        context = super().get_preview_context(value, parent_context)
        # The picker has no documented meeting: the next public meetings that take place
        # stand in, as the block on a page lists them.
        meetings = listings.upcoming_meetings(listings.meeting_queryset(for_cards=False))
        meetings = meetings.exclude(status=MeetingStatus.CANCELLED)
        context["preview_meetings"] = list(meetings[: value.get("count") or 3])
        return context

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        meetings = (parent_context or {}).get("preview_meetings", [])
        if page is not None and hasattr(page, "next_meetings"):
            meetings = page.next_meetings(value.get("series"))[: value.get("count") or 3]
        # The dates are those after the documented meeting; read later, some have passed and
        # are marked so they are not taken for upcoming dates.
        now = timezone.now()
        context["meetings"] = meetings
        context["past_meeting_ids"] = {meeting.pk for meeting in meetings if meeting.end <= now}
        return context


class NetworkingBlock(SectionBlock):
    heading = section_heading(NETWORKING_HEADING)
    text = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Text"), features=INLINE_FEATURES, required=False
    )
    links = blocks.ListBlock(
        LinkBlock(), label=pgettext_lazy("strukturwandel", "Links"), default=[]
    )

    class Meta:
        icon = "group"
        label = _("Networking and links")
        template = "strukturwandel_documentation/blocks/networking.html"
        description = _("Where participants keep in touch, e.g. a pin board for business cards.")
        default_heading = NETWORKING_HEADING
        preview_value = {
            "text": "<p>Legen Sie Ihre <b>digitale Visitenkarte</b> an.</p>",
            "links": [{"label": "Pinnwand", "url": "https://example.org/"}],
        }


class SectionHeadingBlock(HeadingBlock):
    """The shared heading block; a level-2 heading opens a numbered section."""

    class Meta:
        template = "strukturwandel_documentation/blocks/section_heading.html"

    def section_title(self, value):
        return value.get("text") if value.get("level") != "h3" else None


class WorkingGroupUpdateBlock(SectionBlock):
    group = blocks.PageChooserBlock(
        page_type="strukturwandel_groups.WorkingGroupPage",
        label=pgettext_lazy("strukturwandel", "Working group"),
    )
    text = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Update"), features=LIST_FEATURES
    )

    class Meta:
        icon = "group"
        label = _("Working-group update")
        template = "strukturwandel_documentation/blocks/working_group_update.html"
        description = _("What a working group reports; also shown on the group's page.")
        default_heading = _("Update from a working group")
        # Without a group (the picker has none) the section keeps its default heading.
        preview_value = {
            "text": "<ul><li>Erstes Treffen: Themen und Formate abgesteckt</li>"
            "<li>Nächstes Treffen im Herbst</li></ul>"
        }

    def section_title(self, value):
        group = value.get("group")
        if group is None:
            return str(self.meta.default_heading)
        return _("Update: %(group)s") % {"group": group.display_name}


class DecisionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Decision or step"))
    responsible = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Who"), max_length=200, required=False
    )
    due = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "By when"),
        max_length=100,
        required=False,
        help_text=_("e.g. 'bis Herbst 2021'"),
    )

    class Meta:
        icon = "tick"
        label = pgettext_lazy("strukturwandel", "Decision")


class DecisionsBlock(SectionBlock):
    heading = section_heading(DECISIONS_HEADING)
    intro = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Introduction"),
        features=INLINE_FEATURES,
        required=False,
    )
    items = blocks.ListBlock(DecisionBlock(), label=_("Decisions and steps"), default=[])

    class Meta:
        icon = "tick"
        label = _("Decisions and next steps")
        template = "strukturwandel_documentation/blocks/decisions.html"
        description = _("What was decided and what happens next, with who and by when.")
        default_heading = DECISIONS_HEADING
        preview_value = {
            "items": [
                {
                    "text": "Einen Koordinierungskreis bilden",
                    "responsible": "AG Struktur",
                    "due": "Sommer 2021",
                },
                {"text": "Eine Online-Pinnwand für Visitenkarten einrichten", "responsible": ""},
            ]
        }


class SurveyAnswerBlock(blocks.StructBlock):
    answer = blocks.CharBlock(label=pgettext_lazy("strukturwandel", "Answer"), max_length=300)
    count = blocks.IntegerBlock(label=pgettext_lazy("strukturwandel", "Count"), min_value=0)

    class Meta:
        icon = "list-ul"
        label = pgettext_lazy("strukturwandel", "Answer")


class SurveyResultsBlock(SectionBlock):
    heading = section_heading(SURVEY_HEADING)
    question = blocks.CharBlock(label=pgettext_lazy("strukturwandel", "Question"), max_length=300)
    total = blocks.IntegerBlock(
        label=_("Total answers"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to use the sum of the counts."),
    )
    answers = blocks.ListBlock(
        SurveyAnswerBlock(), label=pgettext_lazy("strukturwandel", "Answers"), min_num=1
    )
    note = blocks.RichTextBlock(
        label=pgettext_lazy("strukturwandel", "Note"), features=INLINE_FEATURES, required=False
    )

    class Meta:
        icon = "table"
        label = _("Survey results")
        template = "strukturwandel_documentation/blocks/survey_results.html"
        description = _("Answers and counts of a survey, shown as a bar chart and a table.")
        default_heading = SURVEY_HEADING
        preview_value = {
            "question": "Möchten Sie im Bündnis mitarbeiten?",
            "answers": [{"answer": "Ja", "count": 60}, {"answer": "Vielleicht", "count": 40}],
        }

    def clean(self, value):
        value = super().clean(value)
        total = value.get("total")
        counted = sum(answer.get("count") or 0 for answer in value.get("answers") or [])
        if total and counted > total:
            raise StructBlockValidationError(
                block_errors={
                    "total": ValidationError(
                        _("The counts add up to %(counted)s, more than the total.")
                        % {"counted": counted}
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        answers = [answer for answer in value.get("answers") or [] if answer.get("answer")]
        counted = sum(answer.get("count") or 0 for answer in answers)
        total = value.get("total") or counted
        biggest = max((answer.get("count") or 0 for answer in answers), default=0)
        context["total"] = total
        context["rows"] = [
            {
                "answer": answer["answer"],
                "count": answer.get("count") or 0,
                "percent": round(100 * (answer.get("count") or 0) / total) if total else 0,
                # Bars are scaled to the largest answer so small shares stay visible.
                # A plain number for the SVG, never localised ("42,5" is no length).
                "width": f"{100 * (answer.get('count') or 0) / biggest:.1f}" if biggest else "0",
            }
            for answer in answers
        ]
        return context


class DocumentationStreamBlock(BaseStreamBlock):
    """The core stream's text, images and media, with headings that open numbered sections,
    and the blocks of a meeting's documentation."""

    heading = SectionHeadingBlock()
    impulse = ImpulseBlock()
    discussion = DiscussionBlock()
    next_dates = NextDatesBlock()
    networking = NetworkingBlock()


class ReportStreamBlock(DocumentationStreamBlock):
    working_group_update = WorkingGroupUpdateBlock()
    decisions = DecisionsBlock()
    survey_results = SurveyResultsBlock()

"""Content blocks every page type of the package shares."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]

# The block picker's preview page, with the package's stylesheet. Wagtail shows previews only
# for blocks with a preview template (or a site-wide override of its own, which a package
# should not make), so every block of the package names this one or a sample built on it.
PREVIEW_TEMPLATE = "strukturwandel_core/block_preview.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "strukturwandel_core/blocks/heading_block.html"
        description = _("A heading that structures the page and appears in the outline.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Worum geht's?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "strukturwandel_core/blocks/paragraph_block.html"
        description = _("Text with emphasis, links and lists.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = (
            "<p>Der Strukturwandel berührt viele Themen und Lebensbereiche. "
            "Hier kommen Engagierte aus der Region zu Wort.</p>"
        )


class LabelledImageBlock(ImageBlock):
    """Wagtail's image block with alt text, its image chooser labelled in our catalogue.

    ImageBlock builds its children itself and leaves the chooser unlabelled, so the editor
    showed the field name "Image" untranslated. The label is set after construction; it is not
    part of the block's deconstruction, so migrations do not change.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = pgettext_lazy("strukturwandel", "Image file")


class FigureBlock(blocks.StructBlock):
    image = LabelledImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=pgettext_lazy("strukturwandel", "Caption"), required=False, max_length=300
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "strukturwandel_core/blocks/figure_block.html"
        description = _("An image with alternative text and an optional caption.")
        # The preview draws a sample picture: the picker has no image of the site's to show.
        preview_template = "strukturwandel_core/block_previews/figure_block.html"
        preview_value = {"caption": "Auftakttreffen des Bündnisses im Kulturhaus"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "strukturwandel_core/blocks/quote_block.html"
        description = _("A quotation with the name of who said it.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "quote": "Nicht zu lange mit den eigenen Strukturen beschäftigen, "
            "sondern schnell in die thematische Arbeit kommen!",
            "attribution": "Teilnehmerin des Auftakttreffens",
        }


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = pgettext_lazy("strukturwandel", "Embed")
        template = "strukturwandel_core/blocks/embed_block.html"
        description = _("A video or other media from a URL (for example YouTube or Vimeo).")
        preview_template = "strukturwandel_core/block_previews/embed_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "strukturwandel_core/blocks/document_block.html"
        description = _("A downloadable file such as slides or a PDF, with its type and size.")
        preview_template = "strukturwandel_core/block_previews/document_block.html"
        preview_value = {"label": "Folien zum Impuls"}


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"), max_length=200)
    url = blocks.URLBlock(label=_("Address (URL)"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "strukturwandel_core/blocks/link_block.html"
        description = _("A link to another website, with the text readers see.")
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"label": "Website", "url": "https://example.org/"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    document = DocumentBlock()

    class Meta:
        block_counts = {}

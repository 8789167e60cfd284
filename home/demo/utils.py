from wagtail.models import Page


def ensure_child(parent, page_class, slug, **fields):
    """Return the live child of ``parent`` with ``slug``, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def set_m2m_and_publish(page: Page, **relations):
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()

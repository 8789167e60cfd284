"""Every visible string has a German translation, and the shipped .mo files are current."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    [*ROOT.glob("strukturwandel/*/locale/de/LC_MESSAGES/django.po")]
    + [ROOT / "home" / "locale" / "de" / "LC_MESSAGES" / "django.po"]
)


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete_and_compiled(po_path):
    catalogue = polib.pofile(str(po_path))
    missing = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert missing == [], f"untranslated in {po_path}: {missing}"

    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled_ids = {entry.msgid for entry in compiled}
    assert {e.msgid for e in catalogue if e.translated()} <= compiled_ids, (
        f"{po_path.with_suffix('.mo')} is out of date: run `make messages`"
    )


def _their_translations():
    """German translations of Django, Wagtail and the other installed apps, by msgid."""
    import django
    from django.apps import apps

    paths = [Path(django.__file__).parent / "conf" / "locale"]
    paths += [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if not config.name.startswith("strukturwandel")
    ]
    translations = {}
    for path in paths:
        po_path = path / "de" / "LC_MESSAGES" / "django.po"
        if po_path.exists():
            for entry in polib.pofile(str(po_path)):
                if entry.msgstr and not entry.msgctxt:
                    translations.setdefault(entry.msgid, set()).add(entry.msgstr)
    return translations


def test_catalogues_do_not_retranslate_wagtail_or_django():
    """Our catalogues come first in INSTALLED_APPS: a msgid Wagtail or Django already translate
    would change their admin too. Use a context (pgettext) or a more specific msgid instead."""
    theirs = _their_translations()
    clashes = [
        f"{po_path.relative_to(ROOT)}: {entry.msgid!r} → {entry.msgstr!r}, "
        f"theirs: {theirs[entry.msgid]}"
        for po_path in CATALOGUES
        for entry in polib.pofile(str(po_path))
        if not entry.msgctxt and entry.msgid in theirs and entry.msgstr not in theirs[entry.msgid]
    ]
    assert clashes == []

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

"""python manage.py import_documentation: per-file report, URLs, errors, exit status."""

import pytest
from django.core.management import CommandError, call_command

from strukturwandel.documentation.models import DocumentationPage

from .conftest import FIXTURES, KICKOFF, STAMMTISCH

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_documentation", *args, stdout=out, stderr=err)
        error = None
    except CommandError as raised:
        error = raised
    return out.getvalue(), err.getvalue(), error


def test_imports_each_file_and_prints_its_urls(index, meetings):
    out, err, error = run(
        str(FIXTURES / STAMMTISCH),
        str(FIXTURES / KICKOFF),
        "--parent",
        "/dokumentation/",
        "--publish",
    )
    assert error is None, err
    pages = DocumentationPage.objects.order_by("pk")
    assert pages.count() == 2 and all(page.live for page in pages)
    lines = out.splitlines()
    for page in pages:
        assert f"http://testserver/admin/pages/{page.pk}/edit/" in lines
        assert page.full_url in lines
    assert any("David Loesche" in line for line in lines)
    assert any("Transparenz" in line for line in lines)


def test_dry_run_prints_the_structure_and_saves_nothing(index, meetings):
    out, err, error = run(str(FIXTURES / STAMMTISCH), "--parent", str(index.pk), "--dry-run")
    assert error is None, err
    assert "Rüdiger Brumme" in out
    assert not DocumentationPage.objects.exists()


def test_a_bad_file_is_reported_and_the_others_imported(index, tmp_path):
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "kaputt.docx"
    binary.write_bytes(b"no zip at all")
    unknown = tmp_path / "bild.png"
    unknown.write_bytes(b"\x89PNG")
    out, err, error = run(
        str(empty),
        str(binary),
        str(unknown),
        str(tmp_path / "fehlt.md"),
        str(FIXTURES / KICKOFF),
        "--parent",
        "/dokumentation/",
    )
    assert error is not None and str(error) == "4 von 5 Dateien konnten nicht importiert werden."
    assert DocumentationPage.objects.count() == 1
    errors = err.splitlines()
    assert errors == [
        f"{empty}: Die Datei ist leer.",
        f"{binary}: Das ist keine Word-Datei (.docx), oder sie ist beschädigt.",
        f"{unknown}: Nicht unterstütztes Format „.png“: Markdown (.md), Text (.txt) oder Word "
        "(.docx).",
        f"{tmp_path / 'fehlt.md'}: Die Datei kann nicht gelesen werden: No such file or directory",
    ]
    assert "/admin/pages/" in out.splitlines()[-1]


def test_parent_must_be_a_documentation_index(index, root_page):
    with pytest.raises(CommandError):
        call_command("import_documentation", str(FIXTURES / KICKOFF), "--parent", str(root_page.pk))
    with pytest.raises(CommandError):
        call_command("import_documentation", str(FIXTURES / KICKOFF), "--parent", "/nirgends/")


def test_dry_run_counts_the_words_of_kept_text_in_german(index, tmp_path):
    one, many = tmp_path / "eins.md", tmp_path / "viele.md"
    one.write_text("# Notiz\n\nHallo\n")
    many.write_text("# Notiz\n\nHallo und willkommen\n")
    out, err, error = run(str(one), str(many), "--parent", str(index.pk), "--dry-run")
    assert error is None, err
    assert "Text (unverändert übernommen): 1 Wort\n" in out
    assert "Text (unverändert übernommen): 3 Wörter\n" in out

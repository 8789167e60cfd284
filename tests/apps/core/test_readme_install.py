"""The README's install section applied to Wagtail's project template (fast; make host-site
installs the wheel and runs the site)."""

import subprocess
import sys
from pathlib import Path

from django.apps import apps

from strukturwandel.core import checks
from tests.host_site import readme_install

from .test_checks import layout_checks

README = Path(__file__).resolve().parents[3] / "README.md"


def test_the_readme_marks_every_snippet_the_host_site_leg_applies():
    assert set(readme_install.snippets(README)) == {
        "wheel",
        "settings",
        "urls",
        "head",
        "main",
        "footer",
        "migrate",
    }


def test_the_readme_settings_install_every_app_and_what_they_need():
    namespace = {"INSTALLED_APPS": ["home"]}
    exec(readme_install.snippets(README)["settings"], namespace)  # noqa: S102
    installed = namespace["INSTALLED_APPS"]
    assert installed[0] == "home"
    package_apps = [c.name for c in apps.get_app_configs() if c.name.startswith("strukturwandel.")]
    assert set(package_apps) <= set(installed)
    for name in checks.required_apps():
        assert name in installed or (name == "recurrence" and checks.RECURRENCE_CONFIG in installed)


def test_a_wagtail_start_layout_passes_the_checks_after_the_readme(tmp_path):
    wagtail = Path(sys.executable).parent / "wagtail"
    subprocess.run([wagtail, "start", "hostsite", tmp_path], check=True, capture_output=True)
    stock = (tmp_path / "hostsite" / "templates" / "base.html").read_text()
    assert [m.id for m in layout_checks(tmp_path / "stock", {"base.html": stock})] == [
        "strukturwandel.W003"
    ]

    readme_install.apply(README, tmp_path)

    layout = (tmp_path / "hostsite" / "templates" / "base.html").read_text()
    assert layout_checks(tmp_path / "after", {"base.html": layout}) == []
    assert layout.index("{% strukturwandel_head %}") < layout.index("</head>")
    assert layout.index("{% site_footer %}") < layout.index("</body>")
    urls = (tmp_path / "hostsite" / "urls.py").read_text()
    compile(urls, "urls.py", "exec")
    assert urls.index('include("strukturwandel.events.urls")') < urls.index(
        'path("", include(wagtail_urls))'
    )

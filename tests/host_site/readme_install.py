"""Apply the README's "Installing into an existing Wagtail site" to a `wagtail start` site.

The README marks each snippet with an HTML comment (``<!-- install:NAME -->``) before a fenced
block and says in prose where it goes; this script reads the snippets from the README and puts
them exactly there, so CI follows the README as written:

    python readme_install.py README.md shell NAME     # print a shell snippet (wheel, migrate)
    python readme_install.py README.md apply SITE     # settings, urls, template into SITE

Standard library only: it runs in the host site's fresh environment.
"""

import re
import sys
import textwrap
from pathlib import Path

SNIPPET = re.compile(r"<!-- install:(?P<name>[\w-]+) -->\s*\n```[\w-]*\n(?P<body>.*?)\n```", re.S)


class InstallError(Exception):
    pass


def snippets(readme):
    found = {}
    for match in SNIPPET.finditer(Path(readme).read_text(encoding="utf-8")):
        if match["name"] in found:
            raise InstallError(f"README: snippet install:{match['name']} appears twice")
        found[match["name"]] = textwrap.dedent(match["body"]).strip("\n")
    return found


def indented(snippet, like):
    """The snippet's lines indented like the line ``like``."""
    indent = like[: len(like) - len(like.lstrip())]
    return [indent + line if line else line for line in snippet.splitlines()]


def insert_before(lines, snippet, is_anchor, what):
    for number, line in enumerate(lines):
        if is_anchor(line):
            return lines[:number] + indented(snippet, line) + lines[number:]
    raise InstallError(f"no {what} found")


def apply(readme, site):
    parts = snippets(readme)
    site = Path(site)
    (project,) = [path.parent.parent for path in site.glob("*/settings/base.py")]

    # Settings: appended to the settings module, after INSTALLED_APPS and TEMPLATES.
    settings = project / "settings" / "base.py"
    settings.write_text(settings.read_text() + "\n\n" + parts["settings"] + "\n")

    # URLs: the snippet's lines that urls.py lacks, before Wagtail's catch-all pattern (not
    # the commented-out alternative); the snippet's other lines show where.
    urls = project / "urls.py"
    lines = urls.read_text().splitlines()
    present = {line.strip() for line in lines}
    new = [line.strip() for line in parts["urls"].splitlines() if line.strip() not in present]
    lines = insert_before(
        lines,
        "\n".join(new),
        lambda line: line.strip() == 'path("", include(wagtail_urls)),',
        'path("", include(wagtail_urls)), in urls.py',
    )
    urls.write_text("\n".join(lines) + "\n")

    # Layout: the head tag inside <head>, <main> around the content block, the footer before
    # </body>.
    layout = project / "templates" / "base.html"
    lines = layout.read_text().splitlines()
    lines = insert_before(lines, parts["head"], lambda line: "</head>" in line, "</head>")
    (content,) = [line.strip() for line in parts["main"].splitlines() if "block content" in line]
    for number, line in enumerate(lines):
        if line.strip() == content:
            lines[number : number + 1] = indented(parts["main"], line)
            break
    else:
        raise InstallError(f"no line {content} in base.html")
    lines = insert_before(lines, parts["footer"], lambda line: "</body>" in line, "</body>")
    layout.write_text("\n".join(lines) + "\n")


def main(argv):
    readme, command, argument = argv
    if command == "shell":
        print(snippets(readme)[argument])
    elif command == "apply":
        apply(readme, argument)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (InstallError, KeyError, ValueError) as error:
        raise SystemExit(f"readme_install: {error!r}") from error

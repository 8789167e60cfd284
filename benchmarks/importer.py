"""How the report importer's conversion grows with the file: ``python benchmarks/importer.py``.

Converts synthetic reports of 1,000, 10,000 and 60,000 lines (up to 2 MB; uploads may have
5 MB) in the shapes that once took minutes, as text and as Markdown, and prints the
seconds per file and per 10,000 lines. The time per line should stay about the same as files
grow: a figure that climbs with the size is work done again for every line. Not part of the
test suite: no test imports it.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

from strukturwandel.importer.convert import convert  # noqa: E402

SIZES = (1_000, 10_000, 60_000)


def long_paragraph(lines):
    """A title, then one paragraph of ``lines`` lines before any section."""
    return "Notiz\n" + "\n".join(f"Zeile {n} eines langen Absatzes" for n in range(lines))


def long_item(lines):
    """One bullet whose text goes on for ``lines`` lines."""
    return "Notiz\n\n- Punkt\n" + "\n".join(f"Zeile {n} setzt den Punkt fort" for n in range(lines))


def many_sections(lines):
    """Numbered sections of ten bullets each, as the association's reports are written."""
    parts = ["Strukturwandel-Stammtisch am 14.12.2026", ""]
    for number in range(lines // 12):
        parts += [f"{number + 1}. Diskussion", ""]
        parts += [f"- Punkt {n}: Wärme aus dem Dorf" for n in range(10)]
        parts.append("")
    return "\n".join(parts)


SHAPES = {
    "long paragraph": long_paragraph,
    "long list item": long_item,
    "many sections": many_sections,
}


def main():
    print(f"{'shape':<16} {'format':<6} {'lines':>7} {'MB':>5} {'s':>7} {'s per 10k lines':>16}")
    for shape, build in SHAPES.items():
        for suffix in ("txt", "md"):
            for lines in SIZES:
                data = build(lines).encode()
                started = time.perf_counter()
                convert(f"bericht.{suffix}", data)
                seconds = time.perf_counter() - started
                print(
                    f"{shape:<16} {suffix:<6} {lines:>7} {len(data) / 2**20:>5.1f} "
                    f"{seconds:>7.2f} {seconds / lines * 10_000:>16.3f}"
                )


if __name__ == "__main__":
    main()

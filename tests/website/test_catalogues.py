"""Every string the code marks for translation has its Dutch translation in the catalogue.

makemessages runs on a copy of the source (it writes into the locale directory it finds), so the
check sees exactly what a translator would be asked for: a missing, empty or fuzzy Dutch entry
fails, and the message names each string and where it is used.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("manage.py", "website", "campaigns", "donations", "elections", "petitions", "projects", "templates")
APPS = [path.parent.name for path in ROOT.glob("*/apps.py")]


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext's xgettext (Debian package gettext)")
def test_every_marked_string_has_a_dutch_translation(tmp_path):
    for name in (*SOURCES, *APPS, "locale"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "nl", "--no-obsolete", "--no-wrap"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )

    catalogue = polib.pofile(str(tmp_path / "locale/nl/LC_MESSAGES/django.po"))
    missing = [
        f"{entry.msgid!r} ({', '.join(path for path, _ in entry.occurrences[:2])})"
        for entry in catalogue
        if not entry.obsolete and (entry.fuzzy or not entry.translated())
    ]
    assert not missing, "Strings without a Dutch translation:\n" + "\n".join(missing)

"""installer/: the desktop bundle (PyInstaller), its icon, the Linux menu entry and the Windows installer script.

The slow tests build the real one-folder bundle on this OS (about half a minute on two cores) and
run it the way staff would: its smoke test, a per-user install, and a start over an older database.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import consult_desk

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
V1_DATABASE = ROOT / "tests" / "fixtures" / "schema_v1.sqlite3"
LINUX = sys.platform.startswith("linux")


def load_build():
    spec = importlib.util.spec_from_file_location("installer_build", INSTALLER / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load_build()


# ------------------------------------------------------------------ fast checks


def test_version_comes_from_pyproject():
    assert build.project_version() == consult_desk.__version__
    assert build.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert build.version_tuple("1.2.3rc4") == (1, 2, 3, 4)
    assert build.version_tuple("2.10") == (2, 10, 0, 0)


def test_icon_rendered_from_svg_to_png_and_multi_size_ico(qapp, tmp_path):
    from PySide6.QtGui import QImage

    png, ico = build.render_icons(tmp_path)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (256, 256)
    assert image.pixelColor(128, 128).alpha() == 255 and image.pixelColor(0, 0).alpha() == 0
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(build.ICO_SIZES))
    sizes = []
    for i in range(count):
        width, height, _, _, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and planes == 1 and bpp == 32
        embedded = QImage.fromData(data[offset:offset + length], "PNG")
        assert embedded.width() == (width or 256) == (height or 256)
        sizes.append(embedded.width())
    assert sizes == sorted(build.ICO_SIZES)


def test_translations_compiled_before_bundling(tmp_path):
    i18n = tmp_path / "i18n"
    i18n.mkdir()
    shutil.copy2(ROOT / "resources" / "i18n" / "installer_ja.ts", i18n)
    assert build.compile_translations(i18n) == [i18n / "installer_ja.qm"]
    assert (i18n / "installer_ja.qm").stat().st_size > 0


def test_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(INSTALLER / "linux" / "consult-desk.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Consult Desk"
    assert section["Name[ja]"] == "相談予約デスク"
    assert section["Exec"] == "consult-desk" and section["Icon"] == "consult-desk"
    assert "Office" in section["Categories"].split(";") and section["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(INSTALLER / "linux" / "consult-desk.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_windows_installer_script():
    """Per-user install, Japanese, Start-menu shortcut, data kept on uninstall unless the user says yes."""
    raw = (INSTALLER / "windows" / "consult_desk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: how Inno Setup 6 reads Japanese text
    iss = raw.decode("utf-8-sig").replace("\r\n", "\n")  # CRLF, as Windows tools expect
    settings = dict(re.findall(r"^(\w+)=(.*)$", iss.split("[Setup]", 1)[1].split("\n[", 1)[0], re.M))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"] == r"{localappdata}\Programs\ConsultDesk"
    assert settings["AppId"].startswith("{{")
    assert 'MessagesFile: "compiler:Languages\\Japanese.isl"' in iss
    assert re.search(r'^Name: "\{group\}\\', iss, re.M) and "ConsultDesk.exe" in iss
    code = iss.split("[Code]", 1)[1]
    assert "CurUninstallStepChanged" in code and "UninstallSilent" in code and "MB_DEFBUTTON2" in code
    assert r"{localappdata}\ConsultDesk" in code  # platformdirs.user_data_dir("ConsultDesk", "ConsultDesk")
    assert r'Name: "{app}\_internal"' in iss  # an upgrade removes the old bundle's files first


# ------------------------------------------------------------------ the real bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("installer")
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "build.py"), "--dist", str(out / "dist"), "--work", str(out / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    path = out / "dist" / "consult-desk"
    assert (path / f"consult-desk{build.EXE_SUFFIX}").is_file()
    return path


def run_bundled(exe: Path, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=build.smoke_env(home), capture_output=True, text=True,
                          timeout=180, encoding="utf-8", errors="replace")


@pytest.mark.slow
def test_bundle_smoke_test(bundle, tmp_path):
    """The built program opens its window offscreen, loads presets and translations, exits 0."""
    internal = bundle / "_internal" / "resources"
    assert sorted(p.name for p in (internal / "presets").glob("*.json")) == sorted(
        p.name for p in (ROOT / "resources" / "presets").glob("*.json"))
    assert (internal / "i18n" / "main_ja.qm").is_file() and not list((internal / "i18n").glob("*.ts"))
    assert (internal / "icons" / "consult-desk.png").is_file()
    if (ROOT / "resources" / "templates").is_dir():
        assert (internal / "templates").is_dir()

    db = tmp_path / "x.sqlite3"
    result = run_bundled(bundle / f"consult-desk{build.EXE_SUFFIX}", ["--db", str(db), "--smoke-test"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke-test: ok" in result.stdout
    assert db.is_file()

    listed = run_bundled(bundle / f"consult-desk{build.EXE_SUFFIX}", ["--db", str(db), "offices", "--json"], tmp_path)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]", listed.stderr


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="install.sh and the .desktop entry are the Linux install")
def test_bundle_installed_per_user_upgrades_older_database(bundle, tmp_path):
    """install.sh puts the program in ~/.local; started without --db it finds the database in the user
    data folder, backs it up, migrates it and keeps every reservation; uninstall keeps the data."""
    home = tmp_path / "home"
    env = build.smoke_env(home) | {"HOME": str(home)}
    data = home / "data" / "ConsultDesk"  # XDG_DATA_HOME/ConsultDesk (platformdirs)
    data.mkdir(parents=True)
    shutil.copy2(V1_DATABASE, data / "consult_desk.sqlite3")
    with sqlite3.connect(data / "consult_desk.sqlite3") as con:
        before = con.execute("SELECT * FROM reservation ORDER BY id").fetchall()

    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    installed = home / ".local" / "bin" / "consult-desk"
    assert installed.is_symlink()
    desktop = (home / "data" / "applications" / "consult-desk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{home}/.local/opt/consult-desk/consult-desk"' in desktop
    assert (home / "data" / "icons" / "hicolor" / "256x256" / "apps" / "consult-desk.png").is_file()

    result = subprocess.run([str(installed), "--smoke-test"], env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0 and "smoke-test: ok" in result.stdout, result.stdout + result.stderr
    with sqlite3.connect(data / "consult_desk.sqlite3") as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        after = con.execute("SELECT * FROM reservation ORDER BY id").fetchall()
    # Every reservation kept as it was, but Hello Work's offers, which read as the confirmed bookings
    # they are since schema 4 (004 第4条(2)): status confirmed, no reply date, updated now.
    status, reply_by, updated = 6, 14, 21
    expected = [
        (*r[:status], "confirmed", *r[status + 1 : reply_by], None, *r[reply_by + 1 : updated]) if r[status] == "offered"
        else r[:updated]
        for r in before
    ]
    assert [r[:updated] for r in after] == expected and len(before) > 100
    assert [r[updated] for r, b in zip(after, before, strict=True) if b[status] != "offered"] == [
        b[updated] for b in before if b[status] != "offered"
    ]
    with sqlite3.connect(V1_DATABASE) as con:
        old = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    if version != old:  # the program's schema is newer than the fixture's: it was backed up first
        assert len(list((data / "backups").glob("consult_desk-v*.sqlite3"))) == 1

    subprocess.run(["sh", str(home / ".local" / "opt" / "consult-desk" / "install.sh"), "--uninstall"],
                   env=env, check=True, capture_output=True)
    assert not installed.exists() and not (home / ".local" / "opt" / "consult-desk").exists()
    assert (data / "consult_desk.sqlite3").is_file()
    assert os.path.getsize(data / "consult_desk.sqlite3") > 0

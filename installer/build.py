#!/usr/bin/env python3
"""Build the Consult Desk desktop bundle on the current OS (PyInstaller, one folder).

    python installer/build.py [--dist DIR] [--work DIR] [--smoke] [--archive] [--inno]

PyInstaller runs ``installer/consult_desk.spec``; the spec first calls this script with
``--prepare DIR``, which compiles the translations (resources/i18n/*.ts -> *.qm, pyside6-lrelease)
and renders the icon (resources/icons/consult-desk.svg -> PNG and ICO, QtSvg). So running
``pyinstaller installer/consult_desk.spec`` directly gives the same bundle.

- ``--smoke``: start the built program with a temporary database, ``--smoke-test`` and
  QT_QPA_PLATFORM=offscreen; fails unless it exits 0 and prints ``smoke-test: ok``.
- ``--archive``: also pack the folder (``consult-desk-VERSION-OS-ARCH.tar.gz``, ``.zip`` on Windows).
- ``--inno`` (Windows): run Inno Setup's ISCC on installer/windows/consult_desk.iss.

Needs the ``installer`` extra: ``pip install -e '.[installer]'`` (the ``test`` extra has it too).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "consult_desk.spec"
ICON_SVG = ROOT / "resources" / "icons" / "consult-desk.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
BUNDLE_NAME = "consult-desk"
IS_WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""


def say(message: str) -> None:
    print(f"[installer] {message}", flush=True)


def project_version(root: Path = ROOT) -> str:
    """The version in pyproject.toml (the single source; the spec and the Windows installer use it)."""
    with open(root / "pyproject.toml", "rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0) for the Windows version resource; suffixes such as ``rc1`` are dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+", 1)[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


# ------------------------------------------------------------------ translations


def lrelease_command() -> list[str]:
    """pyside6-lrelease next to this interpreter (virtualenv bin/ or Scripts/), else on PATH."""
    bindir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (bindir / name).exists():
            return [str(bindir / name)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials in this environment")


def compile_translations(i18n: Path = ROOT / "resources" / "i18n") -> list[Path]:
    """Compile every ``*.ts`` whose ``.qm`` is missing or older; return all ``*_ja.qm`` files."""
    for ts in sorted(i18n.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
            say(f"compiled {qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm}")
    qms = sorted(i18n.glob("*_ja.qm"))
    if not qms:
        raise SystemExit(f"no *_ja.qm in {i18n}: nothing to translate the window with")
    return qms


# ------------------------------------------------------------------ icon


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels with QtSvg, as PNG bytes (transparent background)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive for later calls
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for QtSvg")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not write PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (Windows Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


def render_icons(out: Path, svg: Path = ICON_SVG) -> tuple[Path, Path]:
    """``consult-desk.png`` (256 px, for Linux menus and the window) and ``consult-desk.ico`` (Windows)."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(svg, size) for size in ICO_SIZES}
    png = out / "consult-desk.png"
    png.write_bytes(pngs[256])
    ico = out / "consult-desk.ico"
    ico.write_bytes(ico_bytes(pngs))
    return png, ico


def prepare(out: Path) -> None:
    compile_translations()
    png, ico = render_icons(out)
    say(f"icons: {png.name}, {ico.name} in {out}")


# ------------------------------------------------------------------ build, smoke test, archive


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    say("running " + " ".join(cmd))
    subprocess.run(cmd, check=True, cwd=ROOT)
    bundle = dist / BUNDLE_NAME
    if not (bundle / f"{BUNDLE_NAME}{EXE_SUFFIX}").exists():
        raise SystemExit(f"PyInstaller did not produce {bundle / BUNDLE_NAME}{EXE_SUFFIX}")
    return bundle


def add_linux_files(bundle: Path, work: Path) -> None:
    """Next to the program: the .desktop file, the icon and the per-user install script."""
    for name in ("consult-desk.desktop", "install.sh"):
        shutil.copy2(HERE / "linux" / name, bundle / name)
    shutil.copy2(work / SPEC.stem / "prepared" / "consult-desk.png", bundle / "consult-desk.png")


def smoke_env(home: Path) -> dict[str, str]:
    """The environment for the smoke test: offscreen Qt, a throwaway profile, the bundle's own resources."""
    env = {k: v for k, v in os.environ.items() if k not in ("CONSULT_DESK_RESOURCES", "CONSULT_DESK_DB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["CONSULT_DESK_LANG"] = "ja"
    return env


def smoke(bundle: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run ``<bundle>/consult-desk --db TMP/smoke.sqlite3 --smoke-test`` and return the finished process."""
    exe = bundle / f"{BUNDLE_NAME}{EXE_SUFFIX}"
    with tempfile.TemporaryDirectory(prefix="consult-desk-smoke-") as tmp:
        home = Path(tmp)
        cmd = [str(exe), "--db", str(home / "smoke.sqlite3"), "--smoke-test"]
        return subprocess.run(cmd, env=smoke_env(home), capture_output=True, text=True, timeout=timeout,
                              encoding="utf-8", errors="replace")


def archive(bundle: Path, version: str) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    base = bundle.parent / f"{BUNDLE_NAME}-{version}-{system}-{platform.machine().lower()}"
    fmt = "zip" if IS_WINDOWS else "gztar"
    return Path(shutil.make_archive(str(base), fmt, root_dir=bundle.parent, base_dir=bundle.name))


def run_inno(dist: Path, work: Path, version: str) -> None:
    candidates = [shutil.which("ISCC"), shutil.which("iscc")]
    for var in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(var)
        if base:
            candidates += [str(Path(base) / "Inno Setup 6" / "ISCC.exe"),
                           str(Path(base) / "Programs" / "Inno Setup 6" / "ISCC.exe")]
    iscc = next((c for c in candidates if c and Path(c).exists()), None)
    if iscc is None:
        raise SystemExit("ISCC.exe (Inno Setup 6) not found: install it from https://jrsoftware.org/isdl.php")
    iss = HERE / "windows" / "consult_desk.iss"
    icon = work / SPEC.stem / "prepared" / "consult-desk.ico"
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DBundleDir={dist / BUNDLE_NAME}", f"/DIconFile={icon}",
                    f"/O{dist}", str(iss)], check=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=HERE / "dist", help="output folder (default installer/dist)")
    parser.add_argument("--work", type=Path, default=HERE / "build", help="work folder (default installer/build)")
    parser.add_argument("--smoke", action="store_true", help="run the built program's smoke test")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle folder")
    parser.add_argument("--inno", action="store_true", help="Windows: build the Inno Setup installer")
    parser.add_argument("--prepare", type=Path, metavar="DIR", help=argparse.SUPPRESS)  # called by the spec
    args = parser.parse_args(argv)

    if args.prepare:
        prepare(args.prepare)
        return 0

    version = project_version()
    dist, work = args.dist.resolve(), args.work.resolve()
    started = time.monotonic()
    bundle = run_pyinstaller(dist, work)
    if sys.platform.startswith("linux"):
        add_linux_files(bundle, work)
    say(f"built {bundle} (version {version}) in {time.monotonic() - started:.0f} s, "
        f"{folder_size(bundle) / 1e6:.0f} MB")

    if args.smoke:
        result = smoke(bundle)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        if result.returncode != 0 or "smoke-test: ok" not in result.stdout:
            say(f"smoke test FAILED (exit {result.returncode})")
            return 1
        say("smoke test passed")
    if args.archive:
        say(f"archive {archive(bundle, version)}")
    if args.inno:
        if not IS_WINDOWS:
            raise SystemExit("--inno needs Windows (Inno Setup)")
        run_inno(dist, work, version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The core is Qt-free: nothing outside consult_desk/ui imports PySide6 (STYLE.md, anki).

The one seam is the command line's entry point, which opens the window with a function-level
import of ``consult_desk.ui.shell.app`` when no command is given; the core never imports ui at module level.
"""

from __future__ import annotations

import ast
from pathlib import Path

import consult_desk

PACKAGE = Path(consult_desk.__file__).parent


def test_core_never_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = set(map(id, tree.body))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                qt = name.split(".")[0] in ("PySide6", "shiboken6")
                ui_at_module_level = name.startswith("consult_desk.ui") and id(node) in top_level
                if qt or ui_at_module_level:
                    offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []

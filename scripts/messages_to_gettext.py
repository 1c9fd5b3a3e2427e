#!/usr/bin/env python3
"""Turn the core's (Japanese, English) message pairs into gettext: English ids + the Japanese catalogue.

    .venv/bin/python scripts/messages_to_gettext.py          # convert, extract, update .po, compile .mo
    .venv/bin/python scripts/messages_to_gettext.py --check  # only report what would change (exit 1)

Mechanical and safe to run again (on code that still gains pairs):

1. In every module of ``consult_desk/`` (the Qt widgets keep their ``tr()``/.ts and are skipped),
   a module-level table ``NAME = {key: ("日本語", "English"), ...}`` has each pair replaced by
   ``N_("English")`` (``MESSAGES`` in errors.py) or ``NP_("module.name", "English")`` (label
   tables, with a message context so that one English word may have different Japanese in two
   tables); the pair's Japanese goes into the catalogue under that id (and context).
   Values already converted are left alone. ``dict[K, tuple[str, str]]`` annotations become
   ``dict[K, str]``.
2. The usual lookup ``ja, en = NAME.get(k, (d, d))`` + ``return en if language() == "en" else ja``
   becomes ``return _p("module.name", NAME.get(k, d))``; imports are added (ruff --fix tidies them).
3. ``pybabel extract`` (the same keywords as babel.cfg documents) runs over ``consult_desk/``; the
   catalogue ``resources/locale/ja/LC_MESSAGES/consult_desk.po`` is updated from it (new ids, source
   locations, unused ids made obsolete) and compiled to ``consult_desk.mo``.

Pairs written in other shapes (one-liners such as ``"x" if language() == "en" else "y"``) are
listed at the end for a person to convert by hand with ``_t("English {name}", name=...)``.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "consult_desk"
SKIP = ("ui",)  # Qt widgets: tr() and .ts files, not this catalogue
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "consult_desk"
PO = LOCALE / "ja" / "LC_MESSAGES" / f"{DOMAIN}.po"
MO = PO.with_suffix(".mo")
# The keywords of consult_desk.i18n (also in babel.cfg's comment, for `pybabel extract -k ...`).
KEYWORDS = {"_t": None, "N_": None, "_p": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
MARKERS = ("N_", "NP_", "_t", "_p")
ONE_LINER = re.compile(r'if language\(\) [!=]= "en"|en = language\(\) == "en"')


def sources() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in SKIP
    )


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_pair(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Tuple)
        and len(node.elts) == 2
        and all(_string(e) is not None for e in node.elts)
    )


def _is_marked(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS


# Tables whose labels share another table's context (its lookup function translates both).
CONTEXTS = {("states", "SPECS"): "states.action"}


def _japanese(text: str) -> bool:
    return any(ord(c) >= 0x3000 for c in text)


def context_of(module: str, name: str) -> str | None:
    """``MESSAGES`` has no context (codes are unique sentences); a label table is ``module.label``."""
    if name == "MESSAGES":
        return None
    if (module, name) in CONTEXTS:
        return CONTEXTS[module, name]
    short = name.removesuffix("_LABELS").lower()
    return f"{module}.{short}"


class Offsets:
    def __init__(self, text: str) -> None:
        self.starts = [0]
        for line in text.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def __call__(self, line: int, col: int) -> int:
        # ast columns are UTF-8 byte offsets
        return self.starts[line - 1] + col


def _char_col(text: str, offsets: Offsets, line: int, byte_col: int) -> int:
    line_text = text[offsets.starts[line - 1] : offsets.starts[line] if line < len(offsets.starts) else None]
    return offsets.starts[line - 1] + len(line_text.encode("utf-8")[:byte_col].decode("utf-8"))


def convert_module(path: Path, module: str | None = None) -> tuple[str, list[tuple[str | None, str, str]]]:
    """The module's new text and the (context, English, Japanese) entries taken from it."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    offsets = Offsets(text)
    if module is None:
        module = path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
    edits: list[tuple[int, int, str]] = []
    entries: list[tuple[str | None, str, str]] = []
    contexts: dict[str, str | None] = {}

    def span(node: ast.AST) -> tuple[int, int]:
        return (
            _char_col(text, offsets, node.lineno, node.col_offset),  # type: ignore[attr-defined]
            _char_col(text, offsets, node.end_lineno, node.end_col_offset),  # type: ignore[attr-defined]
        )

    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value, annotation = stmt.targets[0], stmt.value, None
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, value, annotation = stmt.target, stmt.value, stmt.annotation
        else:
            continue
        if not isinstance(target, ast.Name) or not isinstance(value, (ast.Dict, ast.DictComp)):
            continue
        if isinstance(value, ast.Dict):
            # a table of pairs (``**other`` entries, whose key is None, are left as they are)
            values = [v for k, v in zip(value.keys, value.values, strict=True) if k is not None]
            pairs = [v for v in values if _is_pair(v)]
            if not pairs or not all(_is_pair(v) or _is_marked(v) for v in values):
                continue
        else:
            # a table built from calls, e.g. ActionSpec(..., ("日本語", "English"), ...): the
            # Japanese-English pairs among the calls' arguments
            pairs = [
                arg
                for call in ast.walk(value)
                if isinstance(call, ast.Call)
                for arg in [*call.args, *(k.value for k in call.keywords)]
                if _is_pair(arg) and _japanese(_string(arg.elts[0]) or "")  # type: ignore[attr-defined]
            ]
            if not pairs:
                continue
        name = target.id
        ctx = context_of(module, name)
        contexts[name] = ctx
        for pair in pairs:
            ja_node, en_node = pair.elts  # type: ignore[attr-defined]
            ja, en = _string(ja_node), _string(en_node)
            assert ja is not None and en is not None
            entries.append((ctx, en, ja))
            start, end = span(pair)
            en_start, en_end = span(en_node)
            literal = text[en_start:en_end]
            call = "N_(" if ctx is None else f'NP_("{ctx}", '
            if "\n" in literal:
                line_start = text.rfind("\n", 0, en_start) + 1
                indent = text[line_start:en_start]
                outer = indent[:-4] if indent.endswith("    ") else indent
                edits.append((start, end, f"{call}\n{indent}{literal}\n{outer})"))
            else:
                edits.append((start, end, f"{call}{literal})"))
        if annotation is not None:
            a_start, a_end = span(annotation)
            ann = text[a_start:a_end]
            new_ann = re.sub(r"^dict\[(.+), tuple\[str, str\]\]$", r"dict[\1, str]", ann)
            if new_ann != ann:
                edits.append((a_start, a_end, new_ann))

    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]

    # the lookup one-liner of each converted table
    for name, ctx in contexts.items():
        pattern = re.compile(
            rf'^(?P<indent>[ \t]+)ja, en = {name}\.get\((?P<key>.+?), \((?P<default>.+?), (?P=default)\)\)\n'
            rf'[ \t]+return en if language\(\) == "en" else ja\n',
            re.M,
        )
        if ctx is None:
            repl = rf"\g<indent>return _t({name}.get(\g<key>, \g<default>))\n"
        else:
            repl = rf'\g<indent>return _p("{ctx}", {name}.get(\g<key>, \g<default>))\n'
        text = pattern.sub(repl, text)

    if text != path.read_text(encoding="utf-8"):
        needed = [m for m in MARKERS if re.search(rf"(?<![\w.]){m}\(", text)]
        have = re.search(r"^from consult_desk\.i18n import (.+)$", text, re.M)
        if have:
            names = sorted({n.strip() for n in have.group(1).split(",")} | set(needed))
            text = text[: have.start()] + f"from consult_desk.i18n import {', '.join(names)}" + text[have.end() :]
        elif needed and module != "i18n":
            # after the last top-level import (which may span several lines)
            last = [n for n in ast.parse(text).body if isinstance(n, (ast.Import, ast.ImportFrom))]
            lines = text.splitlines(keepends=True)
            at = last[-1].end_lineno or 0 if last else 0
            lines.insert(at, f"from consult_desk.i18n import {', '.join(sorted(needed))}\n")
            text = "".join(lines)
    return text, entries


PAIR_USE = re.compile(r"\]\s*\[\s*[01]\b|\)\s*\[\s*[01]\b|\[1 if |\[0 if |ja, en = |ja_en|pair\[[01]\]|\bfor \w+, \(\w+, \w+\) in ")


def _converted_tables(path: Path) -> list[str]:
    """Module-level tables whose values are N_/NP_ ids."""
    names = []
    for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else (
            stmt.target if isinstance(stmt, ast.AnnAssign) else None)
        value = getattr(stmt, "value", None)
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict) and value.values and any(
            _is_marked(v) for v in value.values
        ):
            names.append(target.id)
    return names


def extract() -> Catalog:
    """What ``pybabel extract`` finds in the sources (the template of the catalogue)."""
    template = Catalog(project="consult-desk", domain=DOMAIN)
    method_map = [("ui/**.py", "ignore"), ("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map, keywords=KEYWORDS
    ):
        template.add(message, None, [(f"consult_desk/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def read_catalogue() -> Catalog:
    if PO.exists():
        with PO.open("rb") as f:
            return read_po(f, locale="ja", domain=DOMAIN)
    return Catalog(locale="ja", domain=DOMAIN, project="consult-desk", fuzzy=False)


def entries_of(catalog: Catalog) -> set[tuple[str | None, str, str]]:
    """(context, id, Japanese) of every message: what decides whether the catalogue changed."""
    return {(m.context, str(m.id), str(m.string or "")) for m in catalog if m.id}


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, ignore_obsolete=True, include_lineno=False)
    return buf.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def compile_mo(po: Path = PO, mo: Path = MO) -> None:
    with po.open("rb") as f:
        catalog = read_po(f, locale="ja", domain=DOMAIN)
    mo.parent.mkdir(parents=True, exist_ok=True)
    mo.write_bytes(mo_bytes(catalog))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if something would")
    args = parser.parse_args(argv)

    changed: list[Path] = []
    entries: list[tuple[str | None, str, str]] = []
    for path in sources():
        new_text, found = convert_module(path)
        entries += found
        if new_text != path.read_text(encoding="utf-8"):
            changed.append(path)
            if not args.check:
                path.write_text(new_text, encoding="utf-8")

    catalog = read_catalogue()
    clashes = []
    for ctx, en, ja in entries:
        old = catalog.get(en, context=ctx)
        if old is not None and old.string and old.string != ja:
            clashes.append(f"  {ctx or ''}|{en!r}: catalogue {old.string!r}, code {ja!r} (code wins)")
        catalog.add(en, ja, context=ctx)
    if not args.check and changed:
        subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--fix", "--select", "I001,F401", "--quiet", *map(str, changed)],
            cwd=ROOT,
            check=False,
        )
    template = extract()
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.fuzzy = False
    po_new = po_bytes(catalog)
    untranslated = [
        f"  {m.context or ''}|{m.id!r}" for m in catalog if m.id and not m.string
    ]
    stale = entries_of(catalog) != entries_of(read_catalogue())
    if not args.check and (stale or not PO.exists()):  # unchanged: left alone (no header-date churn)
        PO.parent.mkdir(parents=True, exist_ok=True)
        PO.write_bytes(po_new)
    if not args.check and (stale or not MO.exists() or MO.read_bytes() != mo_bytes(read_catalogue())):
        compile_mo()

    for path in changed:
        print(f"{'would convert' if args.check else 'converted'}: {path.relative_to(ROOT)}")
    print(f"pairs taken: {len(entries)}; catalogue: {sum(1 for m in catalog if m.id)} messages"
          f"{' (would change)' if args.check and stale else ''}")
    if clashes:
        print("Japanese changed for existing ids:\n" + "\n".join(clashes))
    if untranslated:
        print("no Japanese yet (fill in the .po, then run again to compile):\n" + "\n".join(untranslated))
    # Uses of a converted table that still expect a pair (NAME[k][0], ja, en = NAME[k], ...):
    # each value is now an English id; translate it with _p(context, NAME[k]) or in_language("ja", ...).
    tables = sorted({n for p in sources() for n in _converted_tables(p)})
    pair_uses = [
        f"  {p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in sorted(PACKAGE.rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        for name in tables
        if re.search(rf"\b{name}\b", line) and PAIR_USE.search(line)
    ]
    if pair_uses:
        print("uses of converted tables that still expect (ja, en) pairs:\n" + "\n".join(pair_uses))
    by_hand = [
        f"  {p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in sources()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if ONE_LINER.search(line)
    ]
    if by_hand:
        print("language() one-liners left to convert by hand (_t / _p):\n" + "\n".join(by_hand))
    return 1 if args.check and (changed or stale) else 0


if __name__ == "__main__":
    sys.exit(main())

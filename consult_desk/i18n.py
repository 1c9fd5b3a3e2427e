"""The core's and the command line's messages: English message ids, Japanese from a gettext catalogue.

A message is written in English with named placeholders and marked for extraction:

* ``_t("Office '{office}' does not exist", office=oid)``: translated (and filled) now;
* ``_p("states.status", "requested")``: the same with a message context, where one English word
  needs different Japanese in different places;
* ``N_("...")`` / ``NP_("ctx", "...")``: only marked, for texts defined at import time (tables such
  as ``errors.MESSAGES``); they stay English ids and are translated where they are shown, so the
  language can change after import.

``pybabel extract`` finds these four (see ``babel.cfg`` and ``scripts/messages_to_gettext.py``);
the Japanese catalogue is ``resources/locale/ja/LC_MESSAGES/consult_desk.po``, compiled to ``.mo``
(``scripts/setup.sh``, the installer and the converter compile it). Python's own :mod:`gettext`
reads it at run time: Babel is needed only to extract and compile. Widgets keep Qt's ``tr()``
and ``.ts`` files; this module is for the core, which never imports Qt.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from consult_desk.paths import resources_dir

DOMAIN = "consult_desk"
LANGUAGES = ("ja", "en")

_LANG = "ja"


def set_language(lang: str) -> None:
    """Switch the core's messages between Japanese (default) and English (the message ids)."""
    global _LANG
    _LANG = "en" if lang.lower().startswith("en") else "ja"


def language() -> str:
    return _LANG


def locale_dir() -> Path:
    return resources_dir() / "locale"


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``; English is the ids themselves. Looked up once per language
    (and resources folder): every message of every row goes through here."""
    return _load(lang, os.environ.get("CONSULT_DESK_RESOURCES", ""))


@cache
def _load(lang: str, resources_override: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, str(locale_dir()), languages=[lang], fallback=True)


def _fill(text: str, params: dict[str, Any]) -> str:
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def in_language(lang: str, msgid: str, /, context: str | None = None, **params: Any) -> str:
    """``msgid`` in ``lang`` whatever the UI language (CSV headers stay Japanese, for example)."""
    cat = catalogue("en" if lang.lower().startswith("en") else "ja")
    text = cat.pgettext(context, msgid) if context is not None else cat.gettext(msgid)
    return _fill(text, params)


def _t(msgid: str, /, **params: Any) -> str:
    """``msgid`` in the UI language, its ``{named}`` placeholders filled from ``params``."""
    return in_language(_LANG, msgid, **params)


def _p(context: str, msgid: str, /, **params: Any) -> str:
    """Like :func:`_t`, with a message context (``msgctxt``)."""
    return in_language(_LANG, msgid, context, **params)


def join(items: Iterable[str], alternatives: bool = False) -> str:
    """A list inside a sentence: "a, b" / 「a、b」; ``alternatives``: "a/b" / 「a・b」."""
    if alternatives:
        return _p("list of alternatives", "/").join(items)
    return _p("list separator", ", ").join(items)


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``msgid`` for extraction only; translate it where it is shown (:func:`_t`)."""
    return msgid


def NP_(context: str, msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``msgid`` in ``context`` for extraction only; translate it with :func:`_p`."""
    return msgid


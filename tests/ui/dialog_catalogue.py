"""Every dialog a clerk or supervisor opens, built with demo data, and what "fits the screen" means.

Used by ``test_dialog_fit.py`` (each dialog fits a 1366×768 laptop at 150 %: 911×512 logical pixels,
minus a taskbar) and ``test_screenshots.py`` (pictures of them). The demo office is Hello Work Kawagoe
on Wednesday 13 January 2027, 09:40, as in the other screenshots.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator

from desk_support import WED
from PySide6.QtCore import QSize, Qt, QTranslator
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QSizeGrip,
    QWidget,
)

from consult_desk import auth, booking, credentials, lifecycle
from consult_desk.clock import FixedClock
from consult_desk.context import Actor, Context
from consult_desk.demo import add_demo_data, demo_credentials
from consult_desk.offices import create_office, get_config
from consult_desk.schedule import day_plan
from consult_desk.ui.widgets.screen_fit import fit_to_screen

OFFICE = "hellowork-kawagoe"
COMPANIONS_OFFICE = "yamaguchi-vocational"  # names companions in advance (003 5(1)①)
# 1366×768 at 150 %: 911×512 logical pixels, minus the taskbar (32) and the dialog's title bar
BUDGET = QSize(900, 480)
# the longest name a field must show whole (a full Japanese name, family and given)
FULL_NAME = "長谷川 由美子"

Maker = Callable[[], QWidget]


@contextlib.contextmanager
def ui_language(qapp: QApplication, lang: str) -> Iterator[None]:
    """The window's language for a block: Japanese loads the translators, English (the source
    language) sets aside any an earlier test left installed; the core's messages follow. Restored after."""
    from consult_desk.errors import set_language
    from consult_desk.ui.shell.app import install_translators

    left = qapp.findChildren(QTranslator)
    for translator in left:
        qapp.removeTranslator(translator)
    installed = install_translators(qapp, lang) if lang == "ja" else []
    set_language(lang)
    try:
        yield
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        for translator in left:
            qapp.installTranslator(translator)


def demo_desk(make_request) -> tuple[Context, int]:  # noqa: ANN001 (the make_request fixture)
    """Two offices with demo data, the demo staff accounts; the administrator's context at 09:40 and a
    reservation with a companion named in advance."""
    clock = FixedClock(dt.datetime.combine(WED, dt.time(9, 40)))
    setup = Context(Actor("setup", "設定", "admin"), clock)
    for office in (OFFICE, COMPANIONS_OFFICE):
        create_office(setup, office)
        add_demo_data(office, today=WED, days_back=3, days_ahead=7, now=clock.now())
    auth.create_demo_accounts(clock)
    ctx = Context(auth.actor_of(auth.get_staff("admin")), clock)
    free = get_config(COMPANIONS_OFFICE).grid(WED + dt.timedelta(days=14))[0][0]  # after the demo's weeks
    companion = booking.book(ctx, make_request(COMPANIONS_OFFICE, free, name="長谷川 由美子",
        phone="080-1111-2222", companions=[{"name": "長谷川 太郎", "relation": "家族"}]))
    return ctx, companion.id


def dialogs(ctx: Context, companion_id: int, mail_sender) -> Iterator[tuple[str, Maker]]:  # noqa: ANN001, C901
    """(name, maker) for each dialog, in the state a person meets it (after 不良 in the check-in...)."""
    from consult_desk.ui.desk.booking_dialog import BookingDialog
    from consult_desk.ui.desk.consent_dialog import ConsentDialog, TermsDialog
    from consult_desk.ui.desk.credentials_widget import ReissueDialog
    from consult_desk.ui.desk.loans_view import LoanDialog
    from consult_desk.ui.mail.mail_preview_dialog import MailPreviewDialog
    from consult_desk.ui.mail.smtp_settings_dialog import SmtpSettingsDialog
    from consult_desk.ui.mail.template_editor_dialog import TemplateEditorDialog
    from consult_desk.ui.session.action_runner import ActionDialog
    from consult_desk.ui.session.callback_panel import CallbackPanel
    from consult_desk.ui.session.checkin_dialog import CheckInDialog
    from consult_desk.ui.session.terminate_dialog import TerminateDialog
    from consult_desk.ui.shell.first_start import OfficeSetupDialog
    from consult_desk.ui.shell.settings_dialog import SettingsDialog
    from consult_desk.ui.shell.sign_in_dialog import FirstAdminDialog, SignInDialog
    from consult_desk.ui.supervisor.actions import PurgeDialog
    from consult_desk.ui.supervisor.meetings_dialog import MeetingsDialog
    from consult_desk.ui.supervisor.staff_dialog import (
        OwnPasswordDialog,
        PasswordDialog,
        StaffDialog,
        StaffEditDialog,
    )

    plan = day_plan(ctx, OFFICE, WED)

    def status(name: str) -> int:
        return next(r.id for r in plan.reservations if r.status == name)

    waiting = next(r.id for r in plan.reservations if r.status == "details_sent" and r.start.hour >= 10)
    config = get_config(OFFICE)
    if credentials.current(waiting) is None:
        credentials.set_credentials(ctx, waiting, demo_credentials(config, waiting))
    later = next(s.start for s in day_plan(ctx, OFFICE, dt.date(2027, 1, 20)).slots if s.bookable)
    companion_slot = get_config(COMPANIONS_OFFICE).grid(WED + dt.timedelta(days=15))[0][0]

    def booking_dialog() -> QWidget:
        return BookingDialog(ctx, OFFICE, start=later,
                             prefill={"name": "長谷川 由美子", "kana": "はせがわ ゆみこ", "phone": "０９０－１２３４－５６７８"})

    def booking_companions() -> QWidget:
        dialog = BookingDialog(ctx, COMPANIONS_OFFICE, start=companion_slot)
        dialog.add_companion("山田 一郎", "通訳")
        return dialog

    def checkin_failed() -> QWidget:
        dialog = CheckInDialog(ctx, companion_id)
        dialog.test_failed.setChecked(True)
        return dialog

    def staff_edit() -> QWidget:
        return StaffEditDialog(ctx, next(s for s in auth.list_staff(ctx) if s.login == "reception"))

    def terms() -> QWidget:
        text = config["terms"]
        return TermsDialog(str(text.get("title", "")), str(text.get("text", "")))

    def file_dialog() -> QWidget:
        from consult_desk.ui.widgets.file_dialogs import file_dialog as make

        return make(None, "Back up the database", "consult_desk-20270113.sqlite3", "Database backup (*.sqlite3)", True)

    yield "booking", booking_dialog
    yield "booking_companions", booking_companions
    yield "booking_reschedule", lambda: BookingDialog(ctx, OFFICE, rescheduled_from=waiting)
    yield "consent", lambda: ConsentDialog(ctx, OFFICE, ticked=["terms"])
    yield "terms", terms
    yield "checkin_failed", checkin_failed
    yield "checkin", lambda: CheckInDialog(ctx, waiting)
    yield "terminate", lambda: TerminateDialog(ctx, status("in_session"))
    yield "callback", lambda: CallbackPanel(ctx, status("phone_callback"))
    yield "action_cancel", lambda: ActionDialog("cancel", config, lifecycle.describe(lifecycle.get_reservation(waiting)))
    yield "credentials_reissue", lambda: ReissueDialog(ctx, waiting, config)
    yield "meetings", lambda: MeetingsDialog(ctx, OFFICE)
    yield "mail_preview", lambda: MailPreviewDialog(ctx, waiting, "details", mail_sender=mail_sender)
    yield "smtp_settings", lambda: SmtpSettingsDialog(ctx, OFFICE)
    yield "mail_templates", lambda: TemplateEditorDialog(ctx, OFFICE)
    yield "loan", lambda: LoanDialog(ctx, waiting)
    yield "settings", SettingsDialog
    yield "staff", lambda: StaffDialog(ctx)
    yield "staff_edit", staff_edit
    yield "staff_password", lambda: PasswordDialog(ctx, "reception")
    yield "own_password", lambda: OwnPasswordDialog(ctx)
    yield "sign_in", lambda: SignInDialog(ctx.clock)
    yield "sign_in_locked", lambda: SignInDialog(ctx.clock, locked_for=ctx.actor)
    yield "first_admin", lambda: FirstAdminDialog(ctx.clock)
    yield "office_setup", lambda: OfficeSetupDialog(ctx)
    yield "purge", lambda: PurgeDialog(ctx)
    yield "backup_file", file_dialog


def place(dialog: QWidget, available: QSize) -> None:
    """Size ``dialog`` as Qt would when showing it on a screen of ``available`` logical pixels
    (``QWidget.adjustSize``: the size hint, at most 2/3 of the screen, at least the minimum size), or
    as the dialog sizes itself (``fit_to``, ``screen_fit.fit_to_screen``)."""
    fit_to = getattr(dialog, "fit_to", None)
    wanted = dialog.property("wanted_size")
    if fit_to is not None:
        fit_to(available)
    elif isinstance(wanted, QSize):
        fit_to_screen(dialog, wanted, available)
    elif not dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        hint = dialog.sizeHint()
        layout = dialog.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(layout.totalHeightForWidth(hint.width()))
        dialog.resize(min(hint.width(), available.width() * 2 // 3), min(hint.height(), available.height() * 2 // 3))
    dialog.resize(dialog.size().expandedTo(dialog.minimumSize()))


def _inside_scroll_area(widget: QWidget, dialog: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _laid_out(dialog: QWidget) -> list[QWidget]:
    """The widgets the dialog's layouts place (a visible child outside them floats at its corner)."""
    found: list[QWidget] = []
    pending = [dialog.layout()] if dialog.layout() is not None else []
    while pending:
        layout = pending.pop()
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() is not None:
                found.append(item.widget())
            elif item.layout() is not None:
                pending.append(item.layout())
    return found


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text.replace("<br>", "\n")).replace("&nbsp;", " ")


def lonely_tail(label: QLabel) -> str:
    """The last line of a wrapped label when it holds two characters or fewer (「い。」), else ""."""
    text = _plain(QLabel.text(label)).replace("&&", "&")  # as shown (WrappedLabel.text() drops its joiners)
    width = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
    if not label.wordWrap() or not text.strip() or width <= 0:
        return ""
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, label.font())
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart():line.textStart() + line.textLength()])
        layout.endLayout()
        if len(lines) > 1 and len(lines[-1].strip()) <= 2:
            return lines[-1].strip()
    return ""


def problems(dialog: QWidget, budget: QSize = BUDGET) -> list[str]:
    """What a person would see wrong in the shown ``dialog``: larger than ``budget``, buttons off the
    dialog, cut or squeezed labels and buttons, a name field too narrow for a full name."""
    QApplication.processEvents()
    name = dialog.objectName() or type(dialog).__name__
    found: list[str] = []
    if dialog.width() > budget.width() or dialog.height() > budget.height():
        found.append(f"{name}: {dialog.width()}×{dialog.height()} is larger than {budget.width()}×{budget.height()}")
    least = dialog.minimumSize().expandedTo(dialog.minimumSizeHint())
    if least.width() > budget.width() or least.height() > budget.height():
        found.append(f"{name}: needs at least {least.width()}×{least.height()}")
    area = dialog.rect()
    laid_out = _laid_out(dialog)
    name_width = dialog.fontMetrics().horizontalAdvance(FULL_NAME) + 12
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.width() <= 0:
            continue
        where = f"{name}: {type(widget).__name__} {widget.objectName() or ''}"
        scrolled = _inside_scroll_area(widget, dialog)
        if (widget.parentWidget() is dialog and widget not in laid_out and not widget.isWindow()
                and not isinstance(widget, QSizeGrip)):
            found.append(f"{where}: in no layout, floating over the dialog")
        if isinstance(widget, QDialogButtonBox) or (isinstance(widget, QAbstractButton) and not scrolled
                                                    and isinstance(widget.parentWidget(), QDialogButtonBox)):
            top_left = widget.mapTo(dialog, widget.rect().topLeft())
            if not area.contains(top_left) or not area.contains(widget.mapTo(dialog, widget.rect().bottomRight())):
                found.append(f"{where}: off the dialog")
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            text = _plain(widget.text())[:30]
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(f"{where} «{text}»: {needed} high in {widget.height()}")
                tail = lonely_tail(widget)
                if tail:
                    found.append(f"{where} «{text}»: a lonely last line «{tail}»")
            else:
                hint = widget.sizeHint()
                if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                    found.append(f"{where} «{text}»: needs {hint.width()}×{hint.height()}, has {widget.width()}×{widget.height()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1:
                found.append(f"{where} «{widget.text()[:30]}»: cut ({hint.width()} wide in {widget.width()})")
        elif isinstance(widget, QGroupBox):
            least_box = widget.minimumSizeHint()
            if widget.height() < least_box.height() - 1:
                found.append(f"{where} «{widget.title()[:30]}»: squeezed to {widget.height()} of {least_box.height()}")
        if isinstance(widget, QListView) and widget.wordWrap():
            model = widget.model()
            for row in range(model.rowCount() if model is not None else 0):
                index = model.index(row, 0)
                needed, shown = widget.sizeHintForIndex(index).height(), widget.visualRect(index).height()
                if shown < needed:
                    found.append(f"{where} row {row}: {needed} high in {shown} (cut, elided)")
        if (type(widget) is QLineEdit and widget.isEnabled() and not widget.isReadOnly()
                and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
                and widget.width() < name_width):
            found.append(f"{where}: {widget.width()} wide, a full name needs {name_width}")
    return found

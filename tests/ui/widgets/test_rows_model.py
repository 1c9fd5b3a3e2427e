"""The shared list-of-rows table model and the models built on it: rows, columns, Japanese headers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from consult_desk.ui.desk.reservation_panel import HistoryModel
from consult_desk.ui.desk.search_view import SearchModel
from consult_desk.ui.mail.outbox_view import OutboxModel
from consult_desk.ui.session.callback_queue import QueueModel
from consult_desk.ui.session.due_list import DueModel
from consult_desk.ui.session.today_board import BoardModel
from consult_desk.ui.supervisor.audit_view import AuditModel
from consult_desk.ui.supervisor.reports_view import StatisticsModel
from consult_desk.ui.supervisor.staff_dialog import StaffModel
from consult_desk.ui.widgets.rows_model import RowsTableModel

HORIZONTAL = Qt.Orientation.Horizontal


class Pairs(RowsTableModel[tuple[str, str]]):
    def headers(self) -> list[str]:
        return ["Left", "Right"]


def test_rows_are_replaced_with_a_reset_and_read_back_by_index(qtbot):
    model = Pairs()
    assert model.rowCount() == 0 and model.columnCount() == 2
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([("a", "b"), ("c", "d")])
    assert model.rowCount() == 2
    assert model.row(model.index(1, 0)) == ("c", "d")
    child = model.index(0, 0)
    assert model.rowCount(child) == 0 and model.columnCount(child) == 0
    assert model.headerData(1, HORIZONTAL) == "Right"
    assert model.headerData(1, Qt.Orientation.Vertical) is None
    assert model.headerData(1, HORIZONTAL, Qt.ItemDataRole.ToolTipRole) is None
    assert model.rowCount(QModelIndex()) == 2


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize(
    ("model_class", "titles"),
    [
        (OutboxModel, ["送信予定", "予約", "メール", "宛先", "件名", "状態", "試行回数", "エラー"]),  # the schedule (issue 17)
        (StaffModel, ["ログインID", "氏名", "役割", "事業所", "状態"]),
        (DueModel, ["区分", "対応", "期限", "相談日時", "氏名", "電話番号"]),
        (AuditModel, ["日時", "職員", "操作", "対象", "件数", "詳細"]),
        (QueueModel, ["予定", "氏名", "電話番号", "架電記録", "事業所"]),
        (HistoryModel, ["日時", "操作", "状態", "経路", "担当", "メモ"]),
        (SearchModel, ["番号", "日時", "氏名", "ふりがな", "電話番号", "メールアドレス", "状態"]),
        (StatisticsModel, ["区分", "項目", "申込数", "予約数", "終了", "電話相談で終了", "キャンセル", "うち当日",
                           "無断キャンセル", "接続不良", "平均時間（分）"]),
        (BoardModel, ["相談員・席", "時刻", "氏名", "状態", "次の操作", "残り時間", "注意"]),
    ],
)
def test_each_model_keeps_its_own_translated_headers(qtbot, model_class, titles):
    """The titles are translated in each model's own context ("Due" is 区分 in the due list, 予定 in the queue)."""
    model = model_class()
    assert model.columnCount() == len(titles)
    assert [model.headerData(i, HORIZONTAL) for i in range(len(titles))] == titles

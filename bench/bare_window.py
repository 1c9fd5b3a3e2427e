"""Start-up baseline: a bare PySide6 window that opens the same SQLite file, shows, and reports its
first paint exactly as the desk window does under CONSULT_DESK_BENCH_EXIT_AFTER_SHOW=1 (its first paint
is also its complete one: no ``bench-frame`` line).

    python bench/bare_window.py FILE.sqlite3
"""

from __future__ import annotations

import resource
import sqlite3
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QMainWindow) -> None:
        super().__init__(window)
        self.app, self.window, self.done = app, window, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if not self.done and watched is self.window and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self.finish)
        return False

    def finish(self) -> None:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"bench-shown {time.time():.6f} {peak_kib} {time.process_time():.6f}", flush=True)
        self.app.quit()


def main(path: str) -> int:
    app = QApplication(sys.argv[:1])
    con = sqlite3.connect(path)
    count = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    window = QMainWindow()
    window.setCentralWidget(QLabel(f"{path}: {count} objects"))
    window.resize(1280, 800)
    window.installEventFilter(FirstPaint(app, window))
    window.show()
    code = app.exec()
    con.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))

"""Entry point of the bundled program: PyInstaller runs this file as ``__main__``.

Without a command it opens the desk window; with one it is the same command line as ``consult-desk``.
"""

from consult_desk.launch import main

if __name__ == "__main__":
    raise SystemExit(main())

from consult_desk.cli import main

raise SystemExit(main())

from consult_desk.launch import main

raise SystemExit(main())

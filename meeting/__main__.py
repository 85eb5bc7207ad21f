from meeting.cli.main import main

raise SystemExit(main())

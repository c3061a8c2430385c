from massage_trainer.cli import main

raise SystemExit(main())

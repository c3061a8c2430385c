import sys

if sys.argv[1:2] == ["--cue-worker"]:  # the frozen app starting itself as a cue worker
    from massage_trainer.sound.worker import run

    sys.argv[1:] = sys.argv[2:]
    run()

from massage_trainer.cli import main

raise SystemExit(main())

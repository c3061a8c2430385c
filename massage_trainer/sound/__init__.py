"""Sound and speech, kept out of the window's process.

The chime, the metronome and the spoken cues are played by small worker processes
(`python -m massage_trainer.sound.worker sound|speech`) that the window talks to over their
standard input and output, one JSON object a line (`wire` documents the messages). Whatever the
audio system or the speech engine does there (a crash, a hang, a flood of warnings, a sound
server that goes away) stays there: `supervisor` starts each worker, watches it with pings,
kills one that stops answering and starts it again, with growing pauses, while the session goes
on silently.

Modules: `wire` (the messages), `supervisor` (the window's side: QProcess, watchdog, restarts),
`worker` (the worker's main loop), `output` (pre-decoded samples mixed into a low-latency audio
output) and `voice` (the speech engine). The window's process imports only `wire` and
`supervisor`; `output` and `voice` load QtMultimedia and QtTextToSpeech and run only in a
worker. This package imports nothing from `massage_trainer.ui` or `massage_trainer.core`.
"""

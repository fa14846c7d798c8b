"""The command line's exit statuses (listed in ``textrepair --help`` and the README)."""

EXIT_OK = 0  # every input processed
EXIT_FAILED = 1  # some input, record or output failed: each is named on stderr, the rest was done
EXIT_USAGE = 2  # bad command line, bad lexicon
EXIT_INTERRUPTED = 130  # 128 + SIGINT (Ctrl-C), as a shell reports it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what `cat` reports when `head` stops reading
EXIT_TERMINATED = 143  # 128 + SIGTERM (`kill`): workers ended, no partial output left

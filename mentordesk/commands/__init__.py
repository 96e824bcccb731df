"""One module a headless subcommand; see ``mentordesk.cli.COMMAND_MODULES``."""

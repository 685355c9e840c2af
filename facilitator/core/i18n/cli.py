"""Text the command line prints for people (not error messages, which stay English)."""

MESSAGES = {
    "cli.mismatches.heading": {
        "en": "{title} — mismatches: {count}",
        "et": "{title} — lahknevusi: {count}",
    },
}

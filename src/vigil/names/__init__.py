"""A person's name: parts, romanisation and (with the linkage work) matching keys."""

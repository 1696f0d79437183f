package dev.driftless.generator.render;

import java.util.Locale;

/** How a changelog file is written. Formatted SQL by default: plain SQL a reviewer can read. */
public enum ChangelogFormat {
    SQL("sql"),
    YAML("yaml");

    private final String extension;

    ChangelogFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ChangelogFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "sql" -> SQL;
            case "yaml", "yml" -> YAML;
            default -> throw new IllegalArgumentException("unknown changelog format '" + text + "' (use sql or yaml)");
        };
    }
}

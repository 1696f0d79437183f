package dev.driftless.generator.findings;

import dev.driftless.generator.source.SourceLocation;
import java.util.Objects;

/**
 * The entity source a finding points at.
 *
 * @param className the class (fully qualified)
 * @param field     the field, or {@code null} when the finding is about the class (a table, an index)
 * @param location  file and line, or {@code null} when the sources are not available
 */
public record Source(String className, String field, SourceLocation location) {

    public Source {
        Objects.requireNonNull(className, "className");
    }

    public String simpleClassName() {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** {@code com/acme/Order.java:42 field symbol}, or {@code Order.symbol} without sources. */
    public String describe() {
        if (location != null) {
            return location + (field != null ? " field " + field : " class " + simpleClassName());
        }
        return field != null ? simpleClassName() + "." + field : "class " + simpleClassName();
    }
}

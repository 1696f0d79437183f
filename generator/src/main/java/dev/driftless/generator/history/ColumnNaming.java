package dev.driftless.generator.history;

import dev.driftless.generator.entity.NamingStrategy;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a logical name (a field name, an explicit {@code @Column(name)}, an entity name) into the name PostgreSQL
 * stores, the way Hibernate and PostgreSQL together do it: the physical naming strategy first, then PostgreSQL
 * folds an unquoted identifier to lower case. Only the two strategies driftless knows are supported; for any other
 * strategy there is no naming, and so no rename is guessed from source history.
 */
public final class ColumnNaming {

    private final boolean snakeCase;

    private ColumnNaming(boolean snakeCase) {
        this.snakeCase = snakeCase;
    }

    /** Hibernate's default physical naming: the logical name as written. */
    public static final ColumnNaming HIBERNATE = new ColumnNaming(false);
    /** Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}. */
    public static final ColumnNaming SPRING = new ColumnNaming(true);

    /** The naming for a strategy, or empty when it is one we cannot mirror (a custom class). */
    public static Optional<ColumnNaming> of(NamingStrategy strategy) {
        if (!strategy.standardImplicit()) {
            return Optional.empty();
        }
        if (strategy.namesAsWritten()) {
            return Optional.of(HIBERNATE);
        }
        return strategy.snakeCase() ? Optional.of(SPRING) : Optional.empty();
    }

    /**
     * The stored name of a logical name. A quoted name ({@code "Name"} or {@code `Name`}) is kept exactly as written,
     * by Hibernate's strategies and by PostgreSQL alike.
     */
    public String physical(String logical) {
        boolean quoted = logical.length() > 1 && (logical.startsWith("\"") && logical.endsWith("\"")
                || logical.startsWith("`") && logical.endsWith("`"));
        if (quoted) {
            return logical.substring(1, logical.length() - 1);
        }
        return (snakeCase ? snakeCase(logical) : logical).toLowerCase(Locale.ROOT);
    }

    /** Hibernate's CamelCaseToUnderscoresNamingStrategy#apply, without the lower-casing; tested against the real one. */
    static String snakeCase(String name) {
        StringBuilder builder = new StringBuilder(name);
        for (int i = 1; i < builder.length() - 1; i++) {
            if (underscoreRequired(builder.charAt(i - 1), builder.charAt(i), builder.charAt(i + 1))) {
                builder.insert(i++, '_');
            }
        }
        return builder.toString();
    }

    private static boolean underscoreRequired(char before, char current, char after) {
        return (Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                && (Character.isLowerCase(after) || Character.isDigit(after));
    }
}

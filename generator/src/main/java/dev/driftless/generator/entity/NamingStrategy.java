package dev.driftless.generator.entity;

import java.util.Locale;

/**
 * The application's physical naming strategy: how Hibernate turns field and class names into columns and tables.
 * It must match the application's, or every name differs.
 */
public record NamingStrategy(String physicalStrategyClass) {

    /** Hibernate's own default: names as written. */
    public static final NamingStrategy HIBERNATE = new NamingStrategy(null);
    /** Spring Boot's default: {@code tradeCount} becomes {@code trade_count}. */
    public static final NamingStrategy SPRING =
            new NamingStrategy("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");

    /** {@code default}/{@code hibernate}, {@code spring}, or a fully qualified class name. */
    public static NamingStrategy parse(String text) {
        if (text == null || text.isBlank()) {
            return HIBERNATE;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "default", "hibernate" -> HIBERNATE;
            case "spring", "spring-boot", "snake_case" -> SPRING;
            default -> new NamingStrategy(text);
        };
    }
}

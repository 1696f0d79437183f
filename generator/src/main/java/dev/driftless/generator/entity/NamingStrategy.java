package dev.driftless.generator.entity;

import dev.driftless.generator.entity.naming.SpringImplicitNaming;
import java.util.Locale;
import java.util.Map;

/**
 * The application's naming strategies: how Hibernate turns field and class names into columns and tables. They must
 * match the application's, or every name differs.
 *
 * @param physicalStrategyClass {@code hibernate.physical_naming_strategy}, or {@code null} for Hibernate's default
 * @param implicitStrategyClass {@code hibernate.implicit_naming_strategy}, or {@code null} for Hibernate's default
 *                              (the JPA-compliant one)
 */
public record NamingStrategy(String physicalStrategyClass, String implicitStrategyClass) {

    static final String STANDARD_PHYSICAL = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";
    static final String CAMEL_CASE_TO_UNDERSCORES = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    static final String JPA_COMPLIANT_IMPLICIT = "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl";

    // before the presets: their construction reads it
    /** Spring Boot's implicit strategy classes (Boot 2/3, and Boot 4's new package), all the same rule. */
    private static final Map<String, String> KNOWN_IMPLICIT = Map.of(
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy", SpringImplicitNaming.class.getName(),
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy", SpringImplicitNaming.class.getName(),
            "default", JPA_COMPLIANT_IMPLICIT,
            "jpa", JPA_COMPLIANT_IMPLICIT);

    /** Hibernate's own default: names as written, JPA's implicit names. */
    public static final NamingStrategy HIBERNATE = new NamingStrategy(null, null);
    /** Hibernate's standard physical naming with its JPA-compliant implicit naming, said explicitly. */
    public static final NamingStrategy JPA = new NamingStrategy(null, JPA_COMPLIANT_IMPLICIT);
    /**
     * Spring Boot's default: {@code tradeCount} becomes {@code trade_count}, and join tables are named after the owning
     * table and property.
     */
    public static final NamingStrategy SPRING = new NamingStrategy(CAMEL_CASE_TO_UNDERSCORES, SpringImplicitNaming.class.getName());

    /** Only a physical strategy; Hibernate's default implicit one. */
    public NamingStrategy(String physicalStrategyClass) {
        this(physicalStrategyClass, null);
    }

    public NamingStrategy {
        physicalStrategyClass = canonicalPhysical(physicalStrategyClass);
        implicitStrategyClass = canonicalImplicit(implicitStrategyClass);
    }

    /**
     * {@code default}/{@code hibernate}, {@code jpa}, {@code spring}, or a fully qualified physical strategy class name
     * (the standard classes are recognised as the presets).
     */
    public static NamingStrategy parse(String text) {
        if (text == null || text.isBlank()) {
            return HIBERNATE;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "default", "hibernate" -> HIBERNATE;
            case "jpa" -> JPA;
            case "spring", "spring-boot", "snake_case" -> SPRING;
            default -> new NamingStrategy(text.strip());
        };
    }

    /** Both strategies given by name (either may be {@code null}: Hibernate's default). */
    public static NamingStrategy of(String physical, String implicit) {
        NamingStrategy preset = parse(physical);
        return implicit == null || implicit.isBlank() ? preset : new NamingStrategy(preset.physicalStrategyClass(), implicit);
    }

    /** The same physical naming as Hibernate's default, whatever the implicit one: names as written. */
    public boolean namesAsWritten() {
        return physicalStrategyClass == null;
    }

    /** An implicit naming whose column names driftless knows (Hibernate's JPA-compliant one, or Spring's). */
    public boolean standardImplicit() {
        return implicitStrategyClass == null || implicitStrategyClass.equals(JPA_COMPLIANT_IMPLICIT)
                || implicitStrategyClass.equals(SpringImplicitNaming.class.getName());
    }

    /** Spring Boot's physical naming: camel case to snake case. */
    public boolean snakeCase() {
        return CAMEL_CASE_TO_UNDERSCORES.equals(physicalStrategyClass);
    }

    /** The preset this is, for progress lines: {@code default}, {@code jpa}, {@code spring}, or the class names. */
    public String describe() {
        if (equals(HIBERNATE)) {
            return "default";
        }
        if (equals(JPA)) {
            return "jpa";
        }
        if (equals(SPRING)) {
            return "spring";
        }
        return "physical " + (physicalStrategyClass == null ? STANDARD_PHYSICAL : physicalStrategyClass)
                + ", implicit " + (implicitStrategyClass == null ? JPA_COMPLIANT_IMPLICIT : implicitStrategyClass);
    }

    /** Hibernate's own standard class is the same as not naming one. */
    private static String canonicalPhysical(String name) {
        if (name == null || name.isBlank() || name.strip().equals(STANDARD_PHYSICAL) || name.strip().equalsIgnoreCase("default")) {
            return null;
        }
        return name.strip();
    }

    /** Spring's implicit classes are replaced by ours; Hibernate's JPA-compliant one is kept by name (the {@code jpa} preset). */
    private static String canonicalImplicit(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return KNOWN_IMPLICIT.getOrDefault(name.strip(), name.strip());
    }
}

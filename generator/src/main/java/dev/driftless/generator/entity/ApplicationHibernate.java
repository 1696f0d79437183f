package dev.driftless.generator.entity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The Hibernate ORM the application itself runs, when its jar is on the project's class path. driftless reads the
 * entities with the Hibernate it bundles (the parent class loader wins), never with this one; {@link #note} says so,
 * and what the difference of majors means for the schema (issue 12).
 *
 * @param version the application's hibernate-core version ({@code 6.6.33.Final})
 * @param jar     where it was found
 */
public record ApplicationHibernate(String version, Path jar) {

    /**
     * Where Hibernate ORM 6.6 creates another schema than the bundled 7.x for the same model and settings, as cli's
     * Hibernate6SchemaTest finds it over the fidelity corpus (the rest of the corpus is the same, catalog for catalog).
     * {@link Hibernate6Schema} undoes all but the last (an application that has it cannot start at all).
     */
    static final List<String> HIBERNATE_6_DIFFERENCES = List.of(
            "it puts no check on a discriminator column, an @OrderColumn or a boolean stored as CHAR",
            "it leaves a @Version column nullable unless the mapping makes it not null (a primitive without @Column,"
                    + " @Column(nullable = false))",
            "it creates LocalTime and OffsetTime columns as time(6), not time(0)",
            "it makes a Set element collection's (owner, element) no unique key",
            "it refuses Byte[] and Character[] attributes unless hibernate.type.wrapper_array_handling is set");

    /** The first hibernate-core jar of {@code classpath}, if there is one. */
    public static Optional<ApplicationHibernate> find(List<Path> classpath) {
        for (Path entry : classpath) {
            String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
            if (name.startsWith("hibernate-core") && name.endsWith(".jar") && Files.isRegularFile(entry)) {
                return Optional.of(new ApplicationHibernate(version(entry, name), entry));
            }
        }
        return Optional.empty();
    }

    /** The bundled Hibernate ORM's version, the one that reads the entities. */
    public static String bundled() {
        return org.hibernate.Version.getVersionString();
    }

    /** Whether the application's Hibernate is 6.2 or a newer 6.x: the ones whose schema {@link Hibernate6Schema} writes. */
    public boolean createsHibernate6Schema() {
        return major(version).equals("6") && !version.startsWith("6.0.") && !version.startsWith("6.1.");
    }

    /** The progress line for Hibernate 7's own schema (no {@link Hibernate6Schema}). */
    public String note() {
        return note(false);
    }

    /**
     * The progress line: which Hibernate read the entities, which one the application runs, and what that means.
     *
     * @param hibernate6Schema whether the schema is written as Hibernate 6.6 creates it ({@link Hibernate6Schema})
     */
    public String note(boolean hibernate6Schema) {
        String read = "entities read with the bundled Hibernate ORM " + bundled() + "; the application's is " + version
                + " (" + jar.getFileName() + ")";
        String major = major(version);
        if (hibernate6Schema) {
            return read + ": the schema is written as Hibernate 6.6 creates it" + (createsHibernate6Schema()
                    ? " (driftless's tests prove it per mapping against Hibernate 6.6 itself; 6.2 to 6.5 are not tested)"
                    : " (hibernate-schema: 6 in driftless.yaml)");
        }
        if (major.equals(major(bundled()))) {
            return read + ", the same major";
        }
        if (version.startsWith("6.0.") || version.startsWith("6.1.")) {
            return read + ": Hibernate 6.0 and 6.1 keep columns in the mapping's order, 6.2 and newer order them (fixed-size"
                    + " first, composite keys in Hibernate's order); say hibernate.column_ordering_strategy: legacy under"
                    + " 'hibernate:' for that order";
        }
        if (major.equals("6")) {
            return read + ": hibernate-schema: 7 in driftless.yaml, so the schema is Hibernate 7's, which differs from"
                    + " the one Hibernate 6.6 creates: " + String.join("; ", HIBERNATE_6_DIFFERENCES)
                    + ". So driftless's changelog can be stricter than the application's own ddl-auto=create";
        }
        return read + ": Hibernate " + major + " is not one driftless can stand in for (Hibernate 6.2 or newer"
                + " expected), so the schema may not be the application's";
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** The manifest's Implementation-Version, else what the file name says after {@code hibernate-core-}. */
    private static String version(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
            if (version != null && !version.isBlank()) {
                return version.strip();
            }
        } catch (IOException e) {
            // not a readable jar: its name is all there is
        }
        String bare = name.substring(0, name.length() - ".jar".length());
        return bare.startsWith("hibernate-core-") ? bare.substring("hibernate-core-".length()) : "of unknown version";
    }
}

package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the application's hibernate-core on its class path, and what the note says for each major. */
class ApplicationHibernateTest {

    @Test
    void theManifestsVersionCountsAndEachMajorIsSaidForWhatItMeans(@TempDir Path dir) throws IOException {
        Path other = jar(dir.resolve("jakarta.persistence-api-3.1.0.jar"), "3.1.0");
        Path six = jar(dir.resolve("hibernate-core-6.4.jar"), "6.4.10.Final");
        ApplicationHibernate found = ApplicationHibernate.find(List.of(dir.resolve("classes"), other, six)).orElseThrow();
        assertEquals("6.4.10.Final", found.version(), "the manifest's, not the file name's");
        assertTrue(found.createsHibernate6Schema());
        String note = found.note(true);
        assertEquals("entities read with the bundled Hibernate ORM " + org.hibernate.Version.getVersionString()
                + "; the application's is 6.4.10.Final (hibernate-core-6.4.jar): the schema is written as Hibernate 6.6"
                + " creates it (driftless's tests prove it per mapping against Hibernate 6.6 itself; 6.2 to 6.5 are not"
                + " tested)", note);
        // hibernate-schema: 7 keeps Hibernate 7's schema, and says where it differs
        String seven7 = found.note(false);
        assertTrue(seven7.contains("hibernate-schema: 7 in driftless.yaml"), seven7);
        ApplicationHibernate.HIBERNATE_6_DIFFERENCES.forEach(d -> assertTrue(seven7.contains(d), seven7));
        assertTrue(Hibernate6Schema.Mode.DETECT.applies(Optional.of(found)));
        assertFalse(Hibernate6Schema.Mode.NEVER.applies(Optional.of(found)));
        assertFalse(Hibernate6Schema.Mode.DETECT.applies(Optional.empty()));
        assertTrue(Hibernate6Schema.Mode.ALWAYS.applies(Optional.empty()));

        ApplicationHibernate sevenJar = ApplicationHibernate.find(List.of(jar(dir.resolve("hibernate-core-7.2.4.Final.jar"), null)))
                .orElseThrow();
        String seven = sevenJar.note();
        assertTrue(seven.endsWith("the application's is 7.2.4.Final (hibernate-core-7.2.4.Final.jar), the same major"), seven);
        assertFalse(Hibernate6Schema.Mode.DETECT.applies(Optional.of(sevenJar)));
        assertTrue(sevenJar.note(true).endsWith("the schema is written as Hibernate 6.6 creates it (hibernate-schema: 6 in"
                + " driftless.yaml)"), sevenJar.note(true));

        String five = ApplicationHibernate.find(List.of(jar(dir.resolve("hibernate-core-5.6.15.Final.jar"), "5.6.15.Final")))
                .orElseThrow().note();
        assertTrue(five.contains("Hibernate 5 is not one driftless can stand in for"), five);

        String sixOne = ApplicationHibernate.find(List.of(jar(dir.resolve("hibernate-core-6.1.7.Final.jar"), "6.1.7.Final")))
                .orElseThrow().note();
        assertTrue(sixOne.contains("keep columns in the mapping's order") && sixOne.contains("column_ordering_strategy"), sixOne);
        assertFalse(ApplicationHibernate.find(List.of(dir.resolve("hibernate-core-6.1.7.Final.jar"))).orElseThrow()
                .createsHibernate6Schema(), "6.0 and 6.1 are not among the ones compared");

        assertEquals(Optional.empty(), ApplicationHibernate.find(List.of(other, dir.resolve("hibernate-core-missing.jar"))));
    }

    /** An empty jar whose manifest says {@code version} (none when {@code null}). */
    private static Path jar(Path file, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}

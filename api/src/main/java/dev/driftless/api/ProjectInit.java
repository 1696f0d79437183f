package dev.driftless.api;

import dev.driftless.generator.entity.NamingStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code driftless init}: a commented driftless.yaml at the project root, from what is there: the compiled classes,
 * where changelogs belong (Spring Boot's Liquibase folder when the project has that layout), the naming and default
 * schema the application's own configuration gives. Never a password.
 */
public final class ProjectInit {

    /** @param file the file written; @param lines what it says, for the summary */
    public record Written(Path file, List<String> found) {
    }

    private ProjectInit() {
    }

    public static Written write(Path workingDirectory, boolean force) {
        ProjectLayout layout = ProjectLayout.discover(workingDirectory, null);
        Path file = layout.root().resolve(Config.FILE_NAME);
        if (Files.exists(file) && !force) {
            throw new DriftlessException(ExitCode.USAGE, file + " exists already: edit it, or run driftless init --force"
                    + " to replace it");
        }
        MavenModule module = layout.module();
        if (module != null && module.aggregator()) {
            throw new DriftlessException(ExitCode.USAGE, module.directory() + " is an aggregator pom (packaging pom):"
                    + " run driftless init in the module that holds the entities");
        }
        Path moduleDir = module != null ? module.directory() : workingDirectory.toAbsolutePath().normalize();
        Path root = file.getParent();
        Path resources = moduleDir.resolve("src/main/resources");
        Path classes = module != null ? module.classes() : moduleDir.resolve("build/classes/java/main");
        HibernateSettings app;
        try {
            app = HibernateSettings.resolve(null, Map.of(), List.of(resources, classes), List.of());
        } catch (RuntimeException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot read the application's configuration: " + e.getMessage(), e);
        }
        List<String> found = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("# driftless.yaml, written by driftless init from what it found. Paths are"
                + " relative to this file,\n# which also marks the project root: the embedded database lives in"
                + " .driftless/ beside it (git-ignore that).\n\n");
        String where = rel(root, classes);
        if (module != null) {
            yaml.append("# The compiled entity classes (run ").append(module.compileHint()).append(" first), and what they"
                    + " need besides JPA and Hibernate:\n# 'maven' asks the module's build (dependency:build-classpath),"
                    + " cached until a pom.xml changes.\nclasses: ").append(where).append("\nclasspath: maven\n");
            found.add("classes " + where + ", class path from Maven");
        } else if (Files.isDirectory(classes)) {
            yaml.append("# The compiled entity classes; list the jars they need besides JPA and Hibernate under"
                    + " classpath.\nclasses: ").append(where).append("\n# classpath: [libs/*.jar]\n");
            found.add("classes " + where);
        } else {
            yaml.append("# The compiled entity classes (no build found here): a folder or jar.\n# classes: build/classes/java/main\n");
            found.add("no compiled classes: set classes");
        }
        yaml.append("# The entity sources: file and line of each finding, renames from git history.\nsources: ")
                .append(rel(root, moduleDir.resolve("src/main/java"))).append('\n');
        yaml.append("# The application's configuration files, read for Hibernate settings.\nresources: [")
                .append(rel(root, resources)).append("]\n");
        boolean spring = "Spring Boot".equals(app.application().framework()) || springOrLiquibase(moduleDir, resources);
        Path changelogs = spring ? resources.resolve("db/changelog") : moduleDir.resolve("changelogs");
        yaml.append(spring ? "# Where changelogs go: Spring Boot's Liquibase integration reads"
                + " db/changelog/db.changelog-master.yaml.\n" : "# Where changelogs go (db.changelog-master.yaml includes them).\n")
                .append("changelogs: ").append(rel(root, changelogs)).append('\n');
        found.add("changelogs " + rel(root, changelogs));
        String origin = app.note() == null ? "Hibernate's default" : "the application's configuration";
        yaml.append("# Naming and default schema, as ").append(origin).append(" gives them (delete a line to follow it"
                + " as it changes).\nnaming: ").append(namingValue(app.naming())).append('\n');
        found.add("naming " + namingValue(app.naming()));
        if (app.defaultSchema() != null) {
            yaml.append("default-schema: ").append(app.defaultSchema()).append('\n');
            found.add("default-schema " + app.defaultSchema());
        }
        yaml.append("\n# The target database. Without a url (and $DRIFTLESS_URL) driftless runs an embedded PostgreSQL;"
                + "\n# the password only ever comes from $DRIFTLESS_PASSWORD, never from this file.\n");
        String url = app.application().url();
        yaml.append(url != null && url.startsWith("jdbc:postgresql:") && !Secrets.inUrl(url) ? "# url: " + url + "\n"
                : "# url: jdbc:postgresql://127.0.0.1:5432/app\n");
        String user = app.application().user();
        yaml.append("# user: ").append(user != null ? user : "app").append('\n');
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Written(file, found);
    }

    private static String namingValue(NamingStrategy naming) {
        if (naming.equals(NamingStrategy.SPRING)) {
            return "spring";
        }
        if (naming.equals(NamingStrategy.JPA)) {
            return "jpa";
        }
        return naming.physicalStrategyClass() == null || naming.equals(NamingStrategy.HIBERNATE) ? "default"
                : naming.physicalStrategyClass();
    }

    private static boolean springOrLiquibase(Path moduleDir, Path resources) {
        if (Files.isDirectory(resources.resolve("db/changelog"))) {
            return true;
        }
        try {
            Path pom = moduleDir.resolve(MavenModule.POM);
            String text = Files.isRegularFile(pom) ? Files.readString(pom) : "";
            return text.contains("spring-boot") || text.contains("liquibase");
        } catch (IOException e) {
            return false;
        }
    }

    private static String rel(Path root, Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}

package dev.driftless.api;

import dev.driftless.generator.render.MasterChangelog;
import dev.driftless.generator.settings.ApplicationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application's own Liquibase changelog, where its configuration names one ({@code spring.liquibase.change-log},
 * {@code quarkus.liquibase.change-log}) as a class path resource: driftless then keeps its changelogs beside it,
 * includes them from that same master (YAML or XML, whatever its name: {@code db.changelog-master.xml}, JHipster's
 * {@code master.xml}) and names files from the class path's root, as the application's Liquibase does, so the two
 * agree on every {@code DATABASECHANGELOG} row and the application's Liquibase runs driftless's changesets too.
 *
 * @param directory where the master changelog is (and driftless's files go)
 * @param root      the resource folder the class path names start from ({@code changelog-root})
 * @param master    the master's file name
 * @param origin    the setting and file it came from, for messages
 */
record ApplicationChangelog(Path directory, Path root, String master, String origin) {

    static Optional<ApplicationChangelog> of(ApplicationSettings app, List<Path> resourceFolders) {
        Optional<Path> relative = resource(app);
        if (relative.isEmpty() || !new MasterChangelog(relative.get()).writable()) {
            return Optional.empty();
        }
        String origin = "change-log " + changeLog(app) + " in "
                + app.liquibaseOrigin(ApplicationSettings.LIQUIBASE_CHANGE_LOG);
        return resourceFolders.stream().filter(Files::isDirectory).findFirst()
                .map(root -> root.toAbsolutePath().normalize())
                .map(root -> new ApplicationChangelog(root.resolve(relative.get()).getParent(), root,
                        relative.get().getFileName().toString(), origin));
    }

    /** What to tell a user whose application names a master driftless cannot write into, or empty. */
    static Optional<String> unusable(ApplicationSettings app) {
        Optional<Path> relative = resource(app);
        if (relative.isEmpty() || new MasterChangelog(relative.get()).writable()) {
            return Optional.empty();
        }
        return Optional.of("the application's Liquibase master is " + changeLog(app) + " ("
                + app.liquibaseOrigin(ApplicationSettings.LIQUIBASE_CHANGE_LOG) + "), neither YAML nor XML, so driftless"
                + " cannot add its includes to it: keep a " + MasterChangelog.DEFAULT_NAME + " that includes it, and"
                + " set 'changelogs' and 'changelog-root' in driftless.yaml (docs/adopting.md)");
    }

    private static String changeLog(ApplicationSettings app) {
        return app.liquibase().get(ApplicationSettings.LIQUIBASE_CHANGE_LOG);
    }

    /** The master's path below the class path's root, when the setting names a class path resource. */
    private static Optional<Path> resource(ApplicationSettings app) {
        String changeLog = changeLog(app);
        if (changeLog == null) {
            return Optional.empty();
        }
        String resource = changeLog.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
        if (resource.isEmpty() || resource.contains(":") || resource.contains("..")) {
            return Optional.empty(); // a file: or URL location, not one in the application's resources
        }
        return Optional.of(Path.of(resource));
    }
}

package dev.driftless.api;

import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.generator.settings.ApplicationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application's own Liquibase changelog, where its configuration names one ({@code spring.liquibase.change-log},
 * {@code quarkus.liquibase.change-log}) as a class path resource: driftless then keeps its changelogs beside it and names
 * files from the class path's root, as the application's Liquibase does, so the two agree on every
 * {@code DATABASECHANGELOG} row. Only a master named as driftless's ({@value ChangelogRunner#DEFAULT_MASTER_FILE}, also
 * Spring Boot's default) is taken: driftless writes its includes into that file.
 *
 * @param directory where the master changelog is (and driftless's files go)
 * @param root      the resource folder the class path names start from ({@code changelog-root})
 * @param origin    the setting and file it came from, for messages
 */
record ApplicationChangelog(Path directory, Path root, String origin) {

    static Optional<ApplicationChangelog> of(ApplicationSettings app, List<Path> resourceFolders) {
        String changeLog = app.liquibase().get(ApplicationSettings.LIQUIBASE_CHANGE_LOG);
        if (changeLog == null) {
            return Optional.empty();
        }
        String resource = changeLog.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
        if (resource.isEmpty() || resource.contains(":") || resource.contains("..")) {
            return Optional.empty(); // a file: or URL location, not one in the application's resources
        }
        Path relative = Path.of(resource);
        if (!relative.getFileName().toString().equals(ChangelogRunner.DEFAULT_MASTER_FILE)) {
            return Optional.empty();
        }
        String origin = "change-log " + changeLog + " in " + app.liquibaseOrigin(ApplicationSettings.LIQUIBASE_CHANGE_LOG);
        return resourceFolders.stream().filter(Files::isDirectory).findFirst()
                .map(root -> root.toAbsolutePath().normalize())
                .map(root -> new ApplicationChangelog(root.resolve(relative).getParent(), root, origin));
    }

    /** What to tell a user whose application names a master driftless cannot write into, or empty. */
    static Optional<String> unusable(ApplicationSettings app) {
        String changeLog = app.liquibase().get(ApplicationSettings.LIQUIBASE_CHANGE_LOG);
        if (changeLog == null || changeLog.endsWith("/" + ChangelogRunner.DEFAULT_MASTER_FILE)
                || changeLog.endsWith(":" + ChangelogRunner.DEFAULT_MASTER_FILE)) {
            return Optional.empty();
        }
        return Optional.of("the application's Liquibase master is " + changeLog + " ("
                + app.liquibaseOrigin(ApplicationSettings.LIQUIBASE_CHANGE_LOG) + "); driftless keeps its own "
                + ChangelogRunner.DEFAULT_MASTER_FILE + ": set 'changelogs' and 'changelog-root' in driftless.yaml and"
                + " include the application's master from it (docs/adopting.md)");
    }
}

package dev.driftless.changelogs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;

/**
 * Applied changesets that are no longer in the changelog (Flyway calls them "missing"), told apart from rows of a
 * shared {@code DATABASECHANGELOG} that belong to another changelog: a row whose file is not in this project's
 * changelog directory (an absolute or {@code classpath:} path, one that leaves the directory, or a file that is not
 * there) was written by another changelog. Rows before the adoption point are adopted history and are neither.
 *
 * @param missing         applied, recorded against a file of this changelog directory, but not in the changelog
 * @param otherChangelogs applied rows of another changelog's files
 */
public record MissingChangesets(List<ChangesetRef> missing, List<ChangesetRef> otherChangelogs) {

    public static final MissingChangesets NONE = new MissingChangesets(List.of(), List.of());

    public MissingChangesets {
        missing = List.copyOf(missing);
        otherChangelogs = List.copyOf(otherChangelogs);
    }

    /** {@code ran} oldest first, as {@code DATABASECHANGELOG} orders it. */
    static MissingChangesets of(List<RanChangeSet> ran, DatabaseChangeLog changelog, Path changelogDirectory) {
        List<ChangesetRef> missing = new ArrayList<>();
        List<ChangesetRef> others = new ArrayList<>();
        int adopted = AdoptedHistory.rowsBefore(ran);
        for (int i = adopted; i < ran.size(); i++) {
            RanChangeSet row = ran.get(i);
            if (changelog.getChangeSet(row) != null) {
                continue;
            }
            ChangesetRef ref = new ChangesetRef(row.getChangeLog(), row.getId(), row.getAuthor());
            (outside(row.getChangeLog(), changelogDirectory) ? others : missing).add(ref);
        }
        return new MissingChangesets(missing, others);
    }

    /**
     * One line for the rows of other changelogs, naming up to three of their files; empty when there are none.
     */
    public String describeOtherChangelogs(Path changelogDirectory) {
        if (otherChangelogs.isEmpty()) {
            return "";
        }
        List<String> files = otherChangelogs.stream().map(ChangesetRef::file).distinct().toList();
        return otherChangelogs.size() + " applied row(s) of DATABASECHANGELOG name files that are not in "
                + changelogDirectory + " (" + String.join(", ", files.subList(0, Math.min(3, files.size())))
                + (files.size() > 3 ? ", and " + (files.size() - 3) + " more" : "") + "): another changelog's history"
                + " in the same table, not checked" + files.stream().map(f -> namedFrom(f, changelogDirectory))
                .flatMap(java.util.Optional::stream).findFirst()
                .map(prefix -> ". They name this changelog's own files from another folder (as " + prefix + "…, the way"
                        + " Spring Boot's Liquibase names them from the class path): set changelog-root in driftless.yaml"
                        + " to the folder that holds " + prefix + " (e.g. src/main/resources) to take them as its history")
                .orElse("");
    }

    /**
     * The leading folders of {@code file} (a row's file name) after which the rest is a file of this changelog
     * directory, e.g. {@code db/changelog/} for {@code classpath:db/changelog/changes/001.sql}.
     */
    static java.util.Optional<String> namedFrom(String file, Path changelogDirectory) {
        String path = file.replaceFirst("^classpath\\*?:", "").replace('\\', '/').replaceFirst("^/+", "");
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String rest = path.substring(slash + 1);
            Path resolved = changelogDirectory.resolve(rest).normalize();
            if (!rest.isEmpty() && resolved.startsWith(changelogDirectory) && Files.isRegularFile(resolved)) {
                return java.util.Optional.of(path.substring(0, slash + 1));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean outside(String file, Path changelogDirectory) {
        if (file == null || file.isBlank() || file.contains(":") || file.startsWith("/") || file.startsWith("\\")) {
            return true;
        }
        Path resolved = changelogDirectory.resolve(file).normalize();
        return !resolved.startsWith(changelogDirectory) || !Files.isRegularFile(resolved);
    }
}

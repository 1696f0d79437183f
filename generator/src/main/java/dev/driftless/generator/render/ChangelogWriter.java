package dev.driftless.generator.render;

import dev.driftless.model.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a new changelog file into the changelog directory and includes it from the master changelog.
 * File names start with a UTC timestamp, so they sort in creation order.
 */
public final class ChangelogWriter {

    public static final String MASTER = "db.changelog-master.yaml";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final ChangelogRenderer renderer;

    public ChangelogWriter() {
        this(DdlSettings.DEFAULT);
    }

    public ChangelogWriter(DdlSettings ddl) {
        this.renderer = new ChangelogRenderer(ddl);
    }

    /** What was written: the new file and the changesets in it. */
    public record Written(Path file, List<ChangeSet> changeSets) {
    }

    public Written write(Path directory, List<Change> changes, String name, ChangelogFormat format, Instant now) {
        return write(directory, changes, name, format, now, java.util.Map.of());
    }

    /**
     * @param notes sentences for reviewers added to the comments of some changesets
     * @throws UnsafeChangelogException before anything is written, when a change could break out of its changeset
     */
    public Written write(Path directory, List<Change> changes, String name, ChangelogFormat format, Instant now,
                         java.util.Map<Change, String> notes) {
        new ChangelogGuard().check(changes);
        String stamp = STAMP.format(after(newestStamp(directory), now));
        String fileName = stamp + "-" + slug(name) + "." + format.extension();
        List<ChangeSet> sets = renderer.changeSets(stamp, changes, notes);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName);
            Files.writeString(file, renderer.render(format, sets), StandardOpenOption.CREATE_NEW);
            include(directory.resolve(MASTER), fileName);
            return new Written(file, sets);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the changelog in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a changelog for a change the model cannot express (a data migration): one formatted-SQL changeset, named
     * and stamped like a generated one and included in the master, whose body and rollback are for its author to
     * write. Both are placeholders that fail with a message saying so: a comment-only changeset would pass check
     * (an empty change rolls back to the same schema) and be recorded as applied.
     */
    public Path writeBlank(Path directory, String name, Instant now) {
        String stamp = STAMP.format(after(newestStamp(directory), now));
        String fileName = stamp + "-" + slug(name) + ".sql";
        String oneLine = name.replaceAll("\\p{Cntrl}+", " ").strip(); // a comment line must stay one line
        String text = "-- liquibase formatted sql\n\n"
                + "-- changeset driftless:" + stamp + "-1\n"
                + "-- comment: " + oneLine + " (written by hand: driftless new)\n"
                + "-- Replace both placeholders: each fails on purpose, with its message, so neither apply nor check\n"
                + "-- (which proves every rollback) lets an unwritten change or rollback through.\n"
                + "SELECT CAST('driftless new: write the SQL of this changeset' AS integer);\n"
                + "-- rollback SELECT CAST('driftless new: write the rollback of this changeset' AS integer);\n";
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName);
            Files.writeString(file, text, StandardOpenOption.CREATE_NEW);
            include(directory.resolve(MASTER), fileName);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the changelog in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Two changelogs written within one second must still sort in creation order (and keep distinct changeset ids):
     * a new stamp is at least one second after the newest one already in the directory.
     */
    private static Instant after(Instant newest, Instant now) {
        Instant second = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return newest != null && !second.isAfter(newest) ? newest.plusSeconds(1) : second;
    }

    private static Instant newestStamp(Path directory) {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("\\d{14}-.*"))
                    .map(n -> java.time.LocalDateTime.parse(n.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                            .toInstant(ZoneOffset.UTC))
                    .max(Instant::compareTo).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A file-name-safe version of a description: {@code Add column orders.fee} becomes {@code add-column-orders-fee}. */
    public static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "changes" : slug;
    }

    /** Appends {@code fileName} to the master changelog, creating it when missing. */
    static void include(Path master, String fileName) throws IOException {
        if (!Files.exists(master)) {
            Files.writeString(master, "# Written by driftless: each generated changelog is included here, oldest first.\n"
                    + "databaseChangeLog:\n");
        }
        Files.writeString(master, "  - include:\n      file: " + fileName + "\n      relativeToChangelogFile: true\n",
                StandardOpenOption.APPEND);
    }
}

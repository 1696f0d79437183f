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

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final ChangelogRenderer renderer;
    /** The master's file name in the changelog directory; {@code null} for {@link MasterChangelog#DEFAULT_NAME}. */
    private final String masterName;

    public ChangelogWriter() {
        this(DdlSettings.DEFAULT, null);
    }

    public ChangelogWriter(DdlSettings ddl) {
        this(ddl, null);
    }

    /** @param masterName the master changelog's file name in the changelog directory, null for the default */
    public ChangelogWriter(DdlSettings ddl, String masterName) {
        this.renderer = new ChangelogRenderer(ddl);
        this.masterName = masterName;
    }

    /**
     * What was written (or, from {@link #preview}, would be): the new file, the changesets in it and its text.
     *
     * @param written false for a preview: {@code file} does not exist and the master does not include it
     */
    public record Written(Path file, List<ChangeSet> changeSets, String text, boolean written) {
        public Written(Path file, List<ChangeSet> changeSets) {
            this(file, changeSets, null, true);
        }
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
        return write(preview(directory, changes, name, format, now, notes));
    }

    /** Writes exactly what {@link #preview} showed, and includes it in the master of its directory. */
    public Written write(Written preview) {
        Path directory = preview.file().getParent();
        MasterChangelog master = MasterChangelog.in(directory, masterName);
        master.requireWritable(); // before the file is written, so a refused master leaves nothing behind
        try {
            Files.createDirectories(directory);
            Files.writeString(preview.file(), preview.text(), StandardOpenOption.CREATE_NEW);
            master.include(preview.file().getFileName().toString());
            return new Written(preview.file(), preview.changeSets(), preview.text(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the changelog in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The changelog {@link #write} would write, named and stamped as it would be, with nothing written: for
     * {@code diff --print}. The same guard refuses a change that could break out of its changeset.
     */
    public Written preview(Path directory, List<Change> changes, String name, ChangelogFormat format, Instant now,
                           java.util.Map<Change, String> notes) {
        new ChangelogGuard().check(changes);
        String stamp = STAMP.format(after(newestStamp(directory), now));
        String fileName = stamp + "-" + slug(name) + "." + format.extension();
        List<ChangeSet> sets = renderer.changeSets(stamp, changes, notes);
        return new Written(directory.resolve(fileName), sets, renderer.render(format, sets), false);
    }

    /**
     * The newest changelog file driftless generated in {@code directory} (by its stamp), or null: the one
     * {@code diff --replace} may regenerate.
     */
    public static Path newest(Path directory) {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{14}-.*\\.(sql|yaml|xml)"))
                    .max(java.util.Comparator.comparing(f -> f.getFileName().toString())).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a changelog for a change the model cannot express (a data migration): one formatted-SQL changeset, named
     * and stamped like a generated one and included in the master, whose body and rollback are for its author to
     * write. Both are placeholders that fail with a message saying so: a comment-only changeset would pass check
     * (an empty change rolls back to the same schema) and be recorded as applied.
     */
    public Path writeBlank(Path directory, String name, Instant now) {
        return writeHandWritten(directory, name, now, (stamp, oneLine) -> "-- liquibase formatted sql\n\n"
                + "-- changeset driftless:" + stamp + "-1\n"
                + "-- comment: " + oneLine + " (written by hand: driftless new)\n"
                + "-- Replace both placeholders: each fails on purpose, with its message, so neither apply nor check\n"
                + "-- (which proves every rollback) lets an unwritten change or rollback through.\n"
                + "SELECT CAST('driftless new: write the SQL of this changeset' AS integer);\n"
                + "-- rollback SELECT CAST('driftless new: write the rollback of this changeset' AS integer);\n");
    }

    /**
     * Writes a batched data migration template ({@link BatchedBackfill}) for its author to complete, named, stamped and
     * included in the master like {@link #writeBlank}.
     */
    public Path writeBatched(Path directory, String name, BatchedBackfill backfill, Instant now) {
        return writeHandWritten(directory, name, now, backfill::changelog);
    }

    private Path writeHandWritten(Path directory, String name, Instant now,
                                  java.util.function.BinaryOperator<String> text) {
        String stamp = STAMP.format(after(newestStamp(directory), now));
        String fileName = stamp + "-" + slug(name) + ".sql";
        String oneLine = name.replaceAll("\\p{Cntrl}+", " ").strip(); // a comment line must stay one line
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName);
            MasterChangelog master = MasterChangelog.in(directory, masterName);
            master.requireWritable();
            Files.writeString(file, text.apply(stamp, oneLine), StandardOpenOption.CREATE_NEW);
            master.include(fileName);
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
}

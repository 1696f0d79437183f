package dev.driftless.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Wraps a folder of numbered SQL migrations ({@code 001_add_optimizer_tables.sql}, {@code 002-…}) into the
 * changelog, in their numeric order, so a project can switch to driftless without rewriting its history. Each file
 * becomes one changeset whose id is the file name, sent to the server as written ({@code splitStatements:false}, so
 * {@code DO $$ … $$} blocks survive). They get no rollback: driftless refuses to roll past them, naming the file.
 */
public final class SqlFolderImport {

    public static final String AUTHOR = "imported";
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)[_\\-.].*\\.sql", Pattern.CASE_INSENSITIVE);
    private static final String FORMATTED_SQL = "-- liquibase formatted sql";

    /** The changelog files written, in include order, and the changeset ids they hold. */
    public record Imported(List<Path> files, List<String> ids) {
    }

    /**
     * One SQL file to import as one changeset.
     *
     * @param runOnChange whether the changeset runs again when its text changes (a Flyway repeatable)
     * @param text        the SQL to write (a Flyway migration with its placeholders replaced), or null for the file's
     */
    public record Source(Path file, boolean runOnChange, String text) {

        public Source(Path file, boolean runOnChange) {
            this(file, runOnChange, null);
        }

        public String fileName() {
            return file.getFileName().toString();
        }

        /** The changeset id: the file name without {@code .sql}. */
        public String id() {
            return fileName().substring(0, fileName().length() - ".sql".length());
        }
    }

    /** The files of {@code folder} that {@link #numberedFiles} does not take. */
    public static List<Path> notNumbered(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !NUMBERED.matcher(f.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The numbered .sql files in {@code folder}, by number then name. */
    public static List<Path> numberedFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> NUMBERED.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> number(f)).thenComparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one changelog file per numbered SQL file into the master's directory and includes them from
     * {@code master}, after whatever it includes already.
     *
     * @throws IllegalArgumentException when the folder holds no numbered files, or one was imported before
     */
    public Imported importFolder(Path folder, MasterChangelog master) {
        List<Path> sources = numberedFiles(folder);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no numbered .sql files (like 001_create_tables.sql) in " + folder);
        }
        return importSources(sources.stream().map(f -> new Source(f, false)).toList(), master);
    }

    /**
     * Writes one changelog file per source, in the given order, into the master's directory and includes them from
     * {@code master}, after whatever it includes already.
     *
     * @throws IllegalArgumentException when a file of that name was imported before, or two sources share a name, or a
     *                                  name holds a control character
     */
    public Imported importSources(List<Source> sources, MasterChangelog master) {
        Path changelogDirectory = master.directory();
        master.requireWritable();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Source source : sources) {
            // the file name becomes the changeset id on a '-- changeset' line: a control character there would end it
            if (UnsafeText.hasUnsafe(source.fileName())) {
                throw new IllegalArgumentException("the file name \"" + UnsafeText.printable(source.fileName())
                        + "\" holds a control character; rename the file first");
            }
            if (!names.add(source.fileName())) {
                throw new IllegalArgumentException("two files are named " + source.fileName() + "; the changelog"
                        + " directory is flat, so each imported file needs its own name");
            }
            if (Files.exists(changelogDirectory.resolve(source.fileName()))) {
                throw new IllegalArgumentException(source.fileName() + " is already in " + changelogDirectory
                        + ": it was imported before");
            }
        }
        try {
            Files.createDirectories(changelogDirectory);
            List<Path> written = new java.util.ArrayList<>();
            List<String> ids = new java.util.ArrayList<>();
            for (Source source : sources) {
                Path target = changelogDirectory.resolve(source.fileName());
                String text = source.text() != null ? source.text() : Files.readString(source.file());
                Files.writeString(target, wrap(text, source.id(), source.fileName(), source.runOnChange()));
                master.include(source.fileName());
                written.add(target);
                ids.add(source.id());
            }
            return new Imported(List.copyOf(written), List.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import into " + changelogDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A file that already is a Liquibase formatted SQL changelog is kept as it is. */
    static String wrap(String sql, String id, String fileName) {
        return wrap(sql, id, fileName, false);
    }

    static String wrap(String text, String id, String fileName, boolean runOnChange) {
        // A byte order mark would land mid-file after the header, and reach the server as part of a statement.
        String sql = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith(FORMATTED_SQL)) {
            return sql;
        }
        return FORMATTED_SQL + "\n\n-- changeset " + AUTHOR + ":" + id + " splitStatements:false"
                + (runOnChange ? " runOnChange:true" : "") + "\n"
                + "-- comment: imported from " + fileName + "\n" + sql + (sql.endsWith("\n") ? "" : "\n");
    }

    private static long number(Path file) {
        Matcher m = NUMBERED.matcher(file.getFileName().toString());
        m.matches();
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}

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
     * Writes one changelog file per numbered SQL file into {@code changelogDirectory} and includes them from the
     * master changelog, after whatever it includes already.
     *
     * @throws IllegalArgumentException when the folder holds no numbered files, or one was imported before
     */
    public Imported importFolder(Path folder, Path changelogDirectory) {
        List<Path> sources = numberedFiles(folder);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no numbered .sql files (like 001_create_tables.sql) in " + folder);
        }
        for (Path source : sources) {
            // the file name becomes the changeset id on a '-- changeset' line: a control character there would end it
            if (UnsafeText.hasUnsafe(source.getFileName().toString())) {
                throw new IllegalArgumentException("the file name \"" + UnsafeText.printable(source.getFileName().toString())
                        + "\" holds a control character; rename the file first");
            }
            if (Files.exists(changelogDirectory.resolve(source.getFileName().toString()))) {
                throw new IllegalArgumentException(source.getFileName() + " is already in " + changelogDirectory
                        + ": it was imported before");
            }
        }
        try {
            Files.createDirectories(changelogDirectory);
            List<Path> written = new java.util.ArrayList<>();
            List<String> ids = new java.util.ArrayList<>();
            for (Path source : sources) {
                String name = source.getFileName().toString();
                String id = name.substring(0, name.length() - ".sql".length());
                Path target = changelogDirectory.resolve(name);
                Files.writeString(target, wrap(Files.readString(source), id, name));
                ChangelogWriter.include(changelogDirectory.resolve(ChangelogWriter.MASTER), name);
                written.add(target);
                ids.add(id);
            }
            return new Imported(List.copyOf(written), List.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import into " + changelogDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A file that already is a Liquibase formatted SQL changelog is kept as it is. */
    static String wrap(String sql, String id, String fileName) {
        if (sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith(FORMATTED_SQL)) {
            return sql;
        }
        return FORMATTED_SQL + "\n\n-- changeset " + AUTHOR + ":" + id + " splitStatements:false\n"
                + "-- comment: imported from " + fileName + "\n" + sql + (sql.endsWith("\n") ? "" : "\n");
    }

    private static long number(Path file) {
        Matcher m = NUMBERED.matcher(file.getFileName().toString());
        m.matches();
        String digits = m.group(1);
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}

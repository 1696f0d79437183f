package dev.driftless.generator.adopt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of Flyway SQL migrations read as Flyway reads it with its default naming: {@code V<version>__<desc>.sql}
 * (versioned), {@code B<version>__<desc>.sql} (a baseline, which stands for every version up to its own on a new
 * database), {@code R__<desc>.sql} (repeatable, re-run when it changes, after the versioned ones). Subfolders are
 * read too, as Flyway scans a location. Every file it does not take is listed with the reason.
 *
 * @param migrations what a new database runs, in Flyway's order: the newest baseline, then the versions above it
 *                   by version, then the repeatables by description
 * @param skipped    every other file, with why
 */
public record FlywayFolder(Path folder, List<Migration> migrations, List<Skipped> skipped) {

    private static final Pattern NAME = Pattern.compile("([VBR])([^_]*(?:_(?!_)[^_]*)*)__(.+)\\.sql");
    private static final Pattern ANY_FLYWAY = Pattern.compile("[VBRU]([^_]*(?:_(?!_)[^_]*)*)__(.+)\\.sql");

    public FlywayFolder {
        migrations = List.copyOf(migrations);
        skipped = List.copyOf(skipped);
    }

    public enum Kind { VERSIONED, BASELINE, REPEATABLE }

    /**
     * One migration file.
     *
     * @param version     null for a repeatable
     * @param description as Flyway derives it: the name after {@code __}, underscores as spaces
     * @param checksum    the checksum Flyway records for it ({@link FlywayChecksum}): the file's, or for a repeatable
     *                    whose placeholders are replaced, its SQL's
     * @param text        the file's text
     * @param sql         what Flyway sends: the text with its placeholders replaced ({@link FlywayPlaceholders})
     * @param equivalentChecksum another checksum Flyway accepts for it (a repeatable's file's own, which Flyway
     *                    recorded before 6.3), or null
     */
    public record Migration(Path file, Kind kind, FlywayVersion version, String description, int checksum, String text,
                            String sql, Integer equivalentChecksum) {

        /** As read, before any placeholder is replaced. */
        public Migration(Path file, Kind kind, FlywayVersion version, String description, int checksum, String text) {
            this(file, kind, version, description, checksum, text, text, null);
        }

        /** The same file as Flyway runs it: {@code sql} sent, {@code checksum} recorded. */
        public Migration running(String sql, int checksum, Integer equivalentChecksum) {
            return new Migration(file, kind, version, description, checksum, text, sql, equivalentChecksum);
        }

        /** Whether Flyway takes {@code recorded} (a history row's checksum) for this migration's. */
        public boolean checksumMatches(int recorded) {
            return recorded == checksum || (equivalentChecksum != null && recorded == equivalentChecksum);
        }

        public String fileName() {
            return file.getFileName().toString();
        }

        /** How Flyway's {@code info} names it: the version, or "repeatable" with the description. */
        public String describe() {
            return version == null ? "repeatable '" + description + "'" : "version " + version.display();
        }
    }

    /** A file of the folder that is not imported, and why. */
    public record Skipped(Path file, String reason) {
    }

    /** The same folder with each migration's placeholders replaced, as Flyway runs them. */
    public FlywayFolder withPlaceholders(FlywayPlaceholders placeholders) {
        return new FlywayFolder(folder, migrations.stream()
                .map(m -> placeholders.apply(m, folder.relativize(m.file()).toString())).toList(), skipped);
    }

    /** Whether any file directly in or under {@code folder} is named like a Flyway migration. */
    public static boolean looksLikeFlyway(Path folder) {
        return files(folder).stream().anyMatch(f -> ANY_FLYWAY.matcher(f.getFileName().toString()).matches());
    }

    public static FlywayFolder read(Path folder) {
        List<Migration> versioned = new ArrayList<>();
        List<Migration> baselines = new ArrayList<>();
        List<Migration> repeatables = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            Optional<String> notTaken = whyNot(name);
            if (notTaken.isPresent()) {
                skipped.add(new Skipped(file, notTaken.get()));
                continue;
            }
            Matcher m = NAME.matcher(name);
            m.matches();
            String description = m.group(3).replace('_', ' ');
            String text = text(file);
            int checksum = FlywayChecksum.of(text);
            switch (m.group(1)) {
                case "R" -> repeatables.add(new Migration(file, Kind.REPEATABLE, null, description, checksum, text));
                case "B" -> baselines.add(new Migration(file, Kind.BASELINE, FlywayVersion.parse(m.group(2)), description, checksum, text));
                default -> versioned.add(new Migration(file, Kind.VERSIONED, FlywayVersion.parse(m.group(2)), description, checksum, text));
            }
        }
        return ordered(folder, versioned, baselines, repeatables, skipped);
    }

    private static FlywayFolder ordered(Path folder, List<Migration> versioned, List<Migration> baselines,
                                        List<Migration> repeatables, List<Skipped> skipped) {
        Comparator<Migration> byVersion = Comparator.comparing(Migration::version);
        Optional<Migration> baseline = baselines.stream().max(byVersion);
        List<Migration> migrations = new ArrayList<>();
        baseline.ifPresent(migrations::add);
        for (Migration b : baselines) {
            if (b != baseline.get()) {
                skipped.add(new Skipped(b.file(), "an older baseline than " + baseline.get().fileName()
                        + ", which replaces it"));
            }
        }
        for (Migration v : versioned.stream().sorted(byVersion).toList()) {
            if (baseline.isPresent() && v.version().compareTo(baseline.get().version()) <= 0) {
                skipped.add(new Skipped(v.file(), "version " + v.version().display() + " is covered by the baseline "
                        + baseline.get().fileName() + " (Flyway does not run it on a new database either)"));
            } else {
                migrations.add(v);
            }
        }
        repeatables.stream().sorted(Comparator.comparing(Migration::description)).forEach(migrations::add);
        requireUniqueVersions(migrations);
        skipped.sort(Comparator.comparing(s -> s.file().toString()));
        return new FlywayFolder(folder, migrations, skipped);
    }

    /** Flyway refuses two migrations of one version, or two repeatables of one description; so do we. */
    private static void requireUniqueVersions(List<Migration> migrations) {
        for (int i = 1; i < migrations.size(); i++) {
            Migration a = migrations.get(i - 1);
            Migration b = migrations.get(i);
            boolean sameVersion = a.version() != null && b.version() != null && a.version().sameAs(b.version());
            boolean sameRepeatable = a.version() == null && b.version() == null && a.description().equals(b.description());
            if (sameVersion || sameRepeatable) {
                throw new IllegalArgumentException("Found more than one migration with " + b.describe() + ": "
                        + a.file() + " and " + b.file() + " (Flyway refuses this too)");
            }
        }
    }

    private static Optional<String> whyNot(String name) {
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
            return Optional.of(name.endsWith(".sql.conf") ? "Flyway script configuration: not read, the script's"
                    + " settings are not imported" : "not a .sql file");
        }
        if (name.startsWith("U") && ANY_FLYWAY.matcher(name).matches()) {
            return Optional.of("an undo migration: driftless rolls back with each changeset's own rollback, and"
                    + " imported migrations have none");
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.of("not named like a Flyway migration (V<version>__<description>.sql, B<version>__…,"
                    + " R__<description>.sql)");
        }
        boolean repeatable = m.group(1).equals("R");
        if (repeatable && !m.group(2).isEmpty()) {
            return Optional.of("a repeatable migration has no version (R__<description>.sql)");
        }
        if (!repeatable) {
            try {
                FlywayVersion.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                return Optional.of("'" + m.group(2) + "' is not a Flyway version (digits separated by . or _)");
            }
        }
        return Optional.empty();
    }

    /** Regular files under {@code folder}, by path, hidden ones left out. */
    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** As Flyway reads with its default encoding: UTF-8, a malformed byte becoming U+FFFD. */
    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

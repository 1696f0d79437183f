package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged archive (cli/target/driftless-VERSION.zip), unpacked somewhere else and run from yet another folder
 * through a symlink, as a user who installed it would: it needs nothing from the build.
 */
class ArchiveIT {

    @TempDir
    Path install;

    @TempDir
    Path project;

    @Test
    void theUnpackedArchiveRunsFromAnyFolder() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("driftless-.*\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no driftless-VERSION.zip in cli/target: run package"));
        }
        Path home = unzip(archive, install);
        Path launcher = home.resolve("bin/driftless");
        assertEquals(0755, unixMode(archive, home.getFileName() + "/bin/driftless") & 0777,
                "the archive gives bin/driftless mode 0755, which unzip keeps");
        Path link = Files.createSymbolicLink(install.resolve("driftless"), launcher);

        CliRun version = run(link, "--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().startsWith("driftless "), version::toString);

        TestDatabase database = TestPostgres.freshDatabase();
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: changelogs\nurl: " + database.url()
                + "\nuser: " + database.user() + "\n");
        Path changelogs = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(changelogs.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001-accounts.sql\n      relativeToChangelogFile: true\n");
        CliRun apply = run(link, "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"));
        CliRun status = run(link, "status");
        assertTrue(status.out().contains("1 applied, 0 pending"), status::toString);
    }

    private CliRun run(Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DRIFTLESS_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile(project, "out", ".txt");
        Path err = Files.createTempFile(project, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new CliRun(process.isAlive() ? -1 : process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The Unix mode an archive's central directory gives an entry (its external attributes' high 16 bits), which
     * java.util.zip does not expose.
     */
    private static int unixMode(Path archive, String name) throws IOException {
        java.nio.ByteBuffer zip = java.nio.ByteBuffer.wrap(Files.readAllBytes(archive)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= zip.limit(); at++) {
            if (zip.getInt(at) != 0x02014b50) {
                continue;
            }
            int nameLength = zip.getShort(at + 28) & 0xffff;
            byte[] entryName = new byte[nameLength];
            zip.get(at + 46, entryName);
            if (new String(entryName, StandardCharsets.UTF_8).equals(name)) {
                return zip.getInt(at + 38) >>> 16;
            }
        }
        throw new AssertionError(name + " is not in " + archive);
    }

    /** Unzips, then makes bin/driftless executable as unzip would (ZipInputStream drops file modes). */
    private static Path unzip(Path archive, Path into) throws IOException {
        Path top = null;
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the archive's folder: " + entry.getName());
                }
                if (top == null) {
                    top = into.resolve(into.relativize(target).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        Path launcher = top.resolve("bin/driftless");
        if (Files.exists(launcher)) {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(launcher);
            modes.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(launcher, modes);
        }
        return top;
    }
}

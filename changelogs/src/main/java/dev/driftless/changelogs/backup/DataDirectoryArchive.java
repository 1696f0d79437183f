package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backs up the embedded server's data directory as a zip of its files, and puts them back. The server must be
 * stopped: a copy of a running cluster's files is not consistent. (The embedded binaries ship no pg_dump; a
 * file-level copy of a stopped cluster is exact and fast.)
 *
 * <p>Symbolic links are never followed. The one kind a driftless data directory has is the link in
 * {@code pg_tblspc} to the RAM tablespace that holds only throwaway scratch databases (see the dev database): it is
 * stored as a link, without what it points to, and a restore links it to the restoring project's scratch location,
 * emptied (its files belonged to the cluster being replaced; the dev database makes the tablespace afresh). Any
 * other link (a tablespace of the user's outside the data directory) would not be in the copy, so the backup
 * refuses rather than lose it silently.
 */
public final class DataDirectoryArchive {

    /** A file in the archive, not the data directory: the links, one {@code relative-path TAB target} a line. */
    static final String LINKS_ENTRY = ".driftless-links";
    /** PostgreSQL refuses to start on a data directory anyone but its owner can read. */
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectoryArchive() {
    }

    /**
     * Zips every file under {@code dataDirectory} into {@code archive} (created before, as owner-only, and
     * overwritten).
     *
     * @param scratchLocation where the RAM tablespace of this data directory lives; a link there is stored as a link
     * @throws IOException when the server runs, or the directory has a link to anywhere else
     */
    public static void write(Path dataDirectory, Path archive, Path scratchLocation) throws IOException {
        requireStopped(dataDirectory);
        List<String> links = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(archive, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(dataDirectory)) {
                        zip.putNextEntry(new ZipEntry(relative(dataDirectory, dir) + "/"));
                        zip.closeEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isSymbolicLink()) {
                        links.add(relative(dataDirectory, file) + "\t" + scratchLink(file, scratchLocation));
                    } else if (attributes.isRegularFile()) {
                        zip.putNextEntry(new ZipEntry(relative(dataDirectory, file)));
                        Files.copy(file, zip);
                        zip.closeEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            zip.putNextEntry(new ZipEntry(LINKS_ENTRY));
            zip.write(String.join("\n", links).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** Whether {@code archive} is a complete data-directory backup (its zip directory reads, it has PG_VERSION). */
    public static void verify(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.getEntry("PG_VERSION") == null || zip.getEntry(LINKS_ENTRY) == null) {
                throw new IOException(archive.getFileName() + " is incomplete (no PG_VERSION in it)");
            }
        }
    }

    /**
     * Replaces {@code dataDirectory} with the files in {@code archive}. The old directory is moved aside first and
     * deleted only when the new one is complete, so a failed restore leaves the old one in place.
     *
     * @param scratchLocation where this data directory's RAM tablespace lives: stored links are made to point there
     */
    public static void restore(Path archive, Path dataDirectory, Path scratchLocation) throws IOException {
        requireStopped(dataDirectory);
        Path incoming = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".restoring");
        deleteTree(incoming);
        Files.createDirectories(incoming);
        setPermissions(incoming, DIRECTORY);
        try {
            extract(archive, incoming, scratchLocation);
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
        // Scratch databases of the replaced cluster: nothing the restored one knows or needs.
        deleteTree(scratchLocation);
    }

    private static void extract(Path archive, Path incoming, Path scratchLocation) throws IOException {
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(LINKS_ENTRY)) {
                    relink(new String(zip.readAllBytes(), StandardCharsets.UTF_8), archive, incoming, scratchLocation);
                    continue;
                }
                Path target = inside(incoming, entry.getName(), archive);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    setPermissions(target, DIRECTORY);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    setPermissions(target, FILE);
                }
            }
        }
    }

    private static void relink(String links, Path archive, Path incoming, Path scratchLocation) throws IOException {
        for (String line : links.lines().filter(l -> !l.isBlank()).toList()) {
            Path link = inside(incoming, line.substring(0, line.indexOf('\t')), archive);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, scratchLocation);
        }
    }

    private static String scratchLink(Path link, Path scratchLocation) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).toAbsolutePath().normalize();
        if (scratchLocation == null || !target.equals(scratchLocation.toAbsolutePath().normalize())) {
            throw new IOException(link + " links to " + target + ", outside the data directory (a tablespace of"
                    + " your own?): a copy of the data directory cannot hold it; drop the tablespace or back up"
                    + " with pg_dump");
        }
        return target.toString();
    }

    private static Path inside(Path root, String name, Path archive) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException(archive + " is not a driftless data-directory backup (entry " + name + ")");
        }
        return target;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void requireStopped(Path dataDirectory) throws IOException {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IOException("the embedded server is still running on " + dataDirectory + " (postmaster.pid exists)");
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): PostgreSQL does not check permissions there.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

package dev.driftless.generator.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over the inputs of a derived result, fed piece by piece; every piece is length-delimited so two different
 * sequences of pieces never hash alike.
 */
public final class Fingerprint {

    private final MessageDigest digest;

    private Fingerprint(String purpose) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        text(purpose);
    }

    /** @param purpose what the fingerprint is of, with a format version: results of another kind never match */
    public static Fingerprint of(String purpose) {
        return new Fingerprint(purpose);
    }

    public Fingerprint text(String value) {
        byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        digest.update(bytes);
        return this;
    }

    public Fingerprint texts(List<String> values) {
        number(values.size());
        values.forEach(this::text);
        return this;
    }

    private void number(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }

    /** Every file under {@code location} (or the file itself): relative names and contents. */
    public Fingerprint contents(Path location) {
        return walk(location, true);
    }

    /**
     * Every file under {@code location} (or the file itself) by name, size and modification time: for libraries, which
     * change by being replaced and are too big to read on every run.
     */
    public Fingerprint stamps(Path location) {
        return walk(location, false);
    }

    private Fingerprint walk(Path location, boolean contents) {
        // Contents speak for themselves; a library is known by where it is (and its size and time).
        text(contents ? "<contents>" : location.toAbsolutePath().normalize().toString());
        if (!Files.exists(location)) {
            return text("<missing>");
        }
        try (Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text(location.relativize(file).toString().replace('\\', '/'));
                if (contents) {
                    fileContents(file);
                } else {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    number(attributes.size());
                    number(attributes.lastModifiedTime().toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
        }
        return this;
    }

    private void fileContents(Path file) throws IOException {
        number(Files.size(file));
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
    }

    /**
     * The code {@code type} was loaded from, so another driftless build never reads this one's results: a jar by its
     * contents (a reinstalled, identical driftless still hits a cache kept between CI runs), a class directory (a
     * development build) by its files' names, sizes and times.
     */
    public Fingerprint codeOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return text(type.getName() + "@<unknown code source>");
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? contents(location) : stamps(location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return text(source.getLocation().toString());
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

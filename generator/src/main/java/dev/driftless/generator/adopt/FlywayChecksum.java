package dev.driftless.generator.adopt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration: a CRC32 over the UTF-8 bytes of the file's lines without their
 * line terminators ({@code \n}, {@code \r\n} or {@code \r}, as {@link BufferedReader#readLine()} splits), a byte
 * order mark dropped from the first line, stored as a signed int. So line endings never change it; blank lines
 * neither.
 */
public final class FlywayChecksum {

    private static final char BOM = '\uFEFF';

    private FlywayChecksum() {
    }

    public static int of(String text) {
        CRC32 crc32 = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == BOM) {
                line = line.substring(1);
            }
            for (; line != null; line = reader.readLine()) {
                crc32.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc32.getValue();
    }
}

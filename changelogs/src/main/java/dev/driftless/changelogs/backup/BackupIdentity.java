package dev.driftless.changelogs.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database a backup holds: the server ({@code host:port}, or {@code embedded}) and the database's name. Part
 * of every backup's file name, so {@code --keep} prunes only one database's backups and {@code restore} notices a
 * backup of another database.
 */
public record BackupIdentity(String server, String database) {

    /** The embedded default database of a project. */
    public static final BackupIdentity EMBEDDED = new BackupIdentity("embedded", "driftless");

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?.*)?");
    /** How the identity appears in a file name: {@code database@server}, each part escaped. */
    static final String TAG_PATTERN = "[A-Za-z0-9_.%]+@[A-Za-z0-9_.%]+";

    public BackupIdentity {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(database, "database");
    }

    /** The server and database a JDBC URL names; the port defaults to 5432, the database to the user's name. */
    public static BackupIdentity ofUrl(String jdbcUrl, String user) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new BackupException("cannot tell which database " + jdbcUrl.replaceAll("\\?.*", "")
                    + " is; use jdbc:postgresql://host:port/database");
        }
        String server = m.group(1).isEmpty() ? "localhost:5432" : m.group(1).toLowerCase(Locale.ROOT);
        if (!server.contains(":") || server.endsWith("]")) {
            server = server + ":5432";
        }
        String database = m.group(2) == null || m.group(2).isEmpty() ? String.valueOf(user) : decode(m.group(2));
        return new BackupIdentity(server, database);
    }

    /** {@code database@server}, with every character but letters, digits, '_' and '.' escaped as %XX. */
    public String tag() {
        return escape(database) + "@" + escape(server);
    }

    /** The identity a file name's tag stands for. */
    static Optional<BackupIdentity> fromTag(String tag) {
        int at = tag.indexOf('@');
        if (at <= 0 || at != tag.lastIndexOf('@')) {
            return Optional.empty();
        }
        return Optional.of(new BackupIdentity(decode(tag.substring(at + 1)), decode(tag.substring(0, at))));
    }

    @Override
    public String toString() {
        return equals(EMBEDDED) ? "the embedded database" : database + " on " + server;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int from) {
        return from + 2 <= text.length() && text.substring(from, from + 2).matches("[0-9A-Fa-f]{2}");
    }
}

package dev.driftless.api;

import java.util.regex.Pattern;

/**
 * Masks credentials in any text about to be shown: a {@code password=} parameter (JDBC URL query, connection string)
 * and the password of a {@code user:password@} URL. Every message, report line and stack trace goes through it, since
 * a JDBC driver or a library may echo the URL it could not use.
 */
public final class Secrets {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=\\s*)[^&\\s;,)'\"]+");
    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:)[^@/\\s]+@");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        return USERINFO.matcher(masked).replaceAll("$1***@");
    }

    /** Whether {@code url} carries a password (a {@code password=} parameter or {@code user:password@}). */
    public static boolean inUrl(String url) {
        return url != null && !mask(url).equals(url);
    }
}

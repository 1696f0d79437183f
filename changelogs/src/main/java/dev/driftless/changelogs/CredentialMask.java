package dev.driftless.changelogs;

import java.util.regex.Pattern;

/**
 * Masks credentials in text: a {@code password=} parameter (JDBC URL query, connection string) and the password of a
 * {@code user:password@} URL. Lives here, below the facade, because the runner stores error text in the history
 * table, where a password must never land either; the facade's {@code Secrets} uses the same rules.
 */
public final class CredentialMask {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=\\s*)[^&\\s;,)'\"]+");
    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:)[^@/\\s]+@");

    private CredentialMask() {
    }

    /** {@code text} with every password replaced by {@code ***}; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        return USERINFO.matcher(masked).replaceAll("$1***@");
    }
}

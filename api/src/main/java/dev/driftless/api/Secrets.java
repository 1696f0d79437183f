package dev.driftless.api;

import dev.driftless.changelogs.CredentialMask;

/**
 * Masks credentials in any text about to be shown: a {@code password=} parameter (JDBC URL query, connection string)
 * and the password of a {@code user:password@} URL. Every message, report line and stack trace goes through it, since
 * a JDBC driver or a library may echo the URL it could not use.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The runner's rules ({@link CredentialMask}), so what the history table stores and what is shown agree. */
    public static String mask(String text) {
        return CredentialMask.mask(text);
    }

    /** Whether {@code url} carries a password (a {@code password=} parameter or {@code user:password@}). */
    /**
     * Whether a setting's name says it holds a secret ({@code app_password}, {@code apiToken}): its value is shown as
     * {@code ***} wherever driftless prints settings (changelog parameters, Flyway placeholders).
     */
    public static boolean namedLikeASecret(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).matches(".*(pass|secret|token|credential|key).*");
    }

    public static boolean inUrl(String url) {
        return url != null && !mask(url).equals(url);
    }
}

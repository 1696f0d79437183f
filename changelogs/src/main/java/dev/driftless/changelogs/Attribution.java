package dev.driftless.changelogs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Who ran a write and why, as the history table records it with each apply attempt and rollback.
 *
 * @param reason  the {@code --reason} given, or {@code null}
 * @param osUser  the operating-system user running driftless ({@code user.name})
 * @param version driftless's version
 */
record Attribution(String reason, String osUser, String version) {

    Attribution {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** This process, with {@code reason}. */
    static Attribution of(String reason) {
        return new Attribution(reason, System.getProperty("user.name"), buildVersion());
    }

    /** From the build (a filtered resource), so it is right in a jar, a test run and the IDE alike. */
    private static String buildVersion() {
        try (InputStream in = Attribution.class.getResourceAsStream("driftless-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

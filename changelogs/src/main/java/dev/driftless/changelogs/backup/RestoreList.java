package dev.driftless.changelogs.backup;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part of a backup's table of contents ({@code pg_restore --list}) that a restore runs: everything but the
 * schemas the target database already has. With {@code --clean}, pg_restore would drop and re-create each such
 * schema: that fails as soon as the schema holds one object the backup does not (a table an apply added since), and
 * it needs {@code CREATE} on the database, which the schema's owner need not have. The objects in the schema are
 * still dropped and restored one by one; a schema the target lacks is still created.
 */
final class RestoreList {

    /** {@code 7; 2615 16388 SCHEMA - app owner}: a name may hold spaces, the owner (last) cannot. */
    private static final Pattern SCHEMA_ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ SCHEMA - (.+) (\\S+)$");

    private RestoreList() {
    }

    /** {@code toc} without the entries that create a schema in {@code existingSchemas}. */
    static String without(String toc, Set<String> existingSchemas) {
        return toc.lines().filter(line -> !createsOneOf(line, existingSchemas))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean createsOneOf(String line, Set<String> schemas) {
        Matcher entry = SCHEMA_ENTRY.matcher(line);
        return entry.matches() && schemas.contains(entry.group(1));
    }
}

package dev.driftless.maven;

import dev.driftless.api.Driftless;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adopts an existing database, as {@code driftless baseline}: writes a changelog describing its current schema and
 * records it as applied without running it, so later diffs are incremental.
 */
@Mojo(name = "baseline", threadSafe = true)
public final class BaselineMojo extends DriftlessMojo {

    /** The name of the changelog file (default: baseline). */
    @Parameter(property = "driftless.name")
    String name;

    /** The changelog format: sql (default) or yaml. */
    @Parameter(property = "driftless.format")
    String format;

    @Override
    String goal() {
        return "baseline";
    }

    @Override
    String format() {
        return format;
    }

    @Override
    void run() {
        Driftless.BaselineResult result = driftless(config()).baseline(name);
        info("Wrote " + result.written().file() + " with " + result.written().changeSets().size()
                + " changeset(s) describing " + result.target() + ",");
        info("and recorded them as applied without running them. From now on driftless:diff writes only what changes.");
        if (!result.history().isEmpty()) {
            info("The database's own history (" + result.history().describe() + ") stays as it is, before the adoption point.");
        }
    }
}

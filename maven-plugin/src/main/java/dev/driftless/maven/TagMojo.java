package dev.driftless.maven;

import dev.driftless.api.Driftless;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Tags the database's current state (its most recently applied changeset), for rollback to it, as {@code driftless tag}. */
@Mojo(name = "tag", threadSafe = true)
public final class TagMojo extends DriftlessMojo {

    /** The tag, e.g. the release version. */
    @Parameter(property = "driftless.tag", required = true)
    String tag;

    @Override
    String goal() {
        return "tag";
    }

    @Override
    void run() {
        Driftless.TagResult result = driftless(config()).tag(tag);
        info("Tagged " + result.changeset().file() + " :: " + result.changeset().id() + " as " + result.tag() + ".");
    }
}

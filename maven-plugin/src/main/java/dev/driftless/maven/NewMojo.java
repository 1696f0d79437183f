package dev.driftless.maven;

import dev.driftless.api.Config;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import dev.driftless.generator.render.ChangelogWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes an empty formatted-SQL changeset for a change the entities cannot express (a data migration, a backfill),
 * named and included like a generated one, as {@code driftless new}. Its SQL and rollback are placeholders that fail
 * until written, so check and apply refuse it until then.
 */
@Mojo(name = "new", threadSafe = true)
public final class NewMojo extends DriftlessMojo {

    /** What the change does, e.g. "backfill sharpe ratio". */
    @Parameter(property = "driftless.name")
    String name;

    @Override
    String goal() {
        return "new";
    }

    @Override
    void run() {
        if (name == null || name.isBlank()) {
            throw new DriftlessException(ExitCode.USAGE, "give the change a name, e.g. mvn driftless:new"
                    + " -Ddriftless.name=\"backfill sharpe ratio\"");
        }
        Config config = config();
        config.writableMaster();
        Path file = new ChangelogWriter(config.ddl(), config.runner().master())
                .writeBlank(config.changelogDirectory(), name, Clock.systemUTC().instant());
        info("Wrote " + file + " and included it in " + config.master().name() + ".");
        info("Replace its two placeholders (the SQL and the '-- rollback' line), then run driftless:check.");
    }
}

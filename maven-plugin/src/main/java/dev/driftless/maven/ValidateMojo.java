package dev.driftless.maven;

import dev.driftless.api.Gate;
import dev.driftless.api.Reports;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the entity classes with the live database, read-only, as {@code driftless validate}: fails the build with
 * every difference, grouped by table, each with the entity's file and line, the lines the command line prints.
 */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ValidateMojo extends DriftlessMojo {

    /** Also write a JUnit XML report here: a test case per table, a failure per difference. */
    @Parameter(property = "driftless.junit")
    File junit;

    @Override
    String goal() {
        return "validate";
    }

    @Override
    boolean needsEntities() {
        return true;
    }

    @Override
    void run() throws MojoFailureException {
        Gate.ValidateResult result = driftless(config()).validate();
        if (junit != null) {
            Reports.junit(result, junit.toPath());
        }
        String report = printed(out -> Reports.human(result, out, false)).stripTrailing();
        if (!result.agrees()) {
            throw new MojoFailureException(report);
        }
        info(report);
    }
}

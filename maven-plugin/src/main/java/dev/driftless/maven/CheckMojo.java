package dev.driftless.maven;

import dev.driftless.api.Gate;
import dev.driftless.api.Reports;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The CI gate, offline on a throwaway embedded PostgreSQL, as {@code driftless check}: replays every changelog from
 * empty, proves each changeset's rollback restores the schema exactly, and compares the result with the entity
 * classes. Binds to {@code verify} when an execution names it; fails the build when anything disagrees.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class CheckMojo extends DriftlessMojo {

    @Override
    String goal() {
        return "check";
    }

    @Override
    boolean needsEntities() {
        return true;
    }

    @Override
    void run() throws MojoFailureException {
        Gate.CheckResult result = driftless(config()).check();
        String took = String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0);
        if (result.passes()) {
            info("OK: the changelogs (" + result.verified() + ") and the entities agree (" + took + ").");
            return;
        }
        StringBuilder report = new StringBuilder("driftless check failed (" + result.verified() + ", " + took + "):");
        result.problems().forEach(problem -> report.append("\n✗ ").append(problem.message()));
        if (!result.modelChanges().isEmpty()) {
            report.append("\nThe entities have ").append(result.modelChanges().size())
                    .append(" change(s) with no changelog; run driftless:diff to generate one:\n")
                    .append(printed(out -> Reports.findings(result.modelChanges(), out, false)).stripTrailing());
        }
        throw new MojoFailureException(report.toString());
    }
}

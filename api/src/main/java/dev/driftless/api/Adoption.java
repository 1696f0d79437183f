package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetRef;
import java.sql.Connection;
import java.sql.SQLException;
import dev.driftless.generator.adopt.AdoptionPoint;
import java.util.List;

/** Where the adoption point sits in a parsed changelog, and adding one to a changelog a project already has. */
final class Adoption {

    private Adoption() {
    }

    /** How many changesets, the adoption point included, are adopted history; 0 when there is no adoption point. */
    static int changesetsUpTo(List<ChangesetRef> changesets) {
        for (int i = changesets.size() - 1; i >= 0; i--) {
            if (AdoptionPoint.is(changesets.get(i).id(), changesets.get(i).author())) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The outcome of {@link #adoptExisting}.
     *
     * @param adopted how many changesets precede the adoption point
     * @param marked  whether the target records the adoption point as applied (nothing was pending before it)
     */
    record Adopted(int adopted, boolean marked, List<ChangesetRef> pending) {
    }

    /**
     * Appends the adoption point after every changeset the project's changelog has (a Liquibase project's own history),
     * and records it as applied on the target when nothing before it is pending there; else apply runs it after them.
     */
    static Adopted adoptExisting(Config config) {
        if (AdoptionPoint.existsIn(config.writableMaster())) {
            throw new DriftlessException(ExitCode.USAGE, "the changelog has an adoption point already");
        }
        try (Target target = Target.open(config); Connection connection = target.connect()) {
            ChangelogRunner runner = config.changelogRunner(connection);
            int adopted = runner.status().size();
            if (adopted == 0) {
                throw new DriftlessException(ExitCode.USAGE, "there is no changelog to adopt in " + config.changelogDirectory()
                        + ": use driftless baseline for a database without one, or import-sql for a folder of SQL files");
            }
            List<ChangesetRef> pending = runner.pending();
            AdoptionPoint.append(config.master(), adopted + " changeset(s) of the project's own changelog");
            boolean marked = pending.isEmpty()
                    && !runner.markApplied(ref -> AdoptionPoint.is(ref.id(), ref.author())).isEmpty();
            return new Adopted(adopted, marked, pending);
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        } catch (ChangelogException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }
}

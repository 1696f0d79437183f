package dev.driftless.maven;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.RenameSettings;
import dev.driftless.generator.render.ChangeSet;
import dev.driftless.model.Change;
import dev.driftless.model.ChangeRisk;
import dev.driftless.model.KeptObject;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Renames;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the entity classes with the database and writes a changelog of the differences, as {@code driftless diff}
 * does. Writes nothing when they agree; fails when the database has changesets that are not applied yet.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class DiffMojo extends DriftlessMojo {

    /** The name of the new changelog file (default: from the changes). */
    @Parameter(property = "driftless.name")
    String name;

    /** The changelog format: sql (Liquibase formatted SQL, default) or yaml. */
    @Parameter(property = "driftless.format")
    String format;

    /** Also drop tables, sequences and enum types no entity maps. */
    @Parameter(property = "driftless.dropUnmapped")
    Boolean dropUnmapped;

    /** Columns renamed, SCHEMA.TABLE.OLD=NEW: renamed instead of dropped and added. */
    @Parameter(property = "driftless.renames")
    List<String> renames;

    /** Tables renamed or moved, SCHEMA.OLD=SCHEMA.NEW. */
    @Parameter(property = "driftless.tableRenames")
    List<String> tableRenames;

    /** The git revision the entity sources are compared with to find renames (default: HEAD). */
    @Parameter(property = "driftless.since")
    String since;

    /** Look for renames in the entity sources' git history (default: 'renames: history' in driftless.yaml, else true). */
    @Parameter(property = "driftless.renameHistory")
    Boolean renameHistory;

    /** Take each probable rename (a dropped and an added column of compatible type) as a rename. */
    @Parameter(property = "driftless.acceptProbableRenames")
    Boolean acceptProbableRenames;

    /** Write plain DDL on existing tables: no concurrent index builds, no NOT VALID + VALIDATE, no timeouts. */
    @Parameter(property = "driftless.simpleDdl", defaultValue = "false")
    boolean simpleDdl;

    /** Write nothing: log the changelog diff would write. */
    @Parameter(property = "driftless.print", defaultValue = "false")
    boolean print;

    /** Regenerate the newest changelog, which must not be applied (the old one is set aside in .driftless/replaced/). */
    @Parameter(property = "driftless.replace", defaultValue = "false")
    boolean replace;

    @Override
    String goal() {
        return "diff";
    }

    @Override
    boolean needsEntities() {
        return true;
    }

    @Override
    String format() {
        return format;
    }

    @Override
    Boolean dropUnmapped() {
        return dropUnmapped;
    }

    @Override
    RenameSettings.Overrides renames() {
        return new RenameSettings.Overrides(renames == null ? List.of() : renames,
                tableRenames == null ? List.of() : tableRenames, null, since, acceptProbableRenames,
                renameHistory == null ? null : !renameHistory);
    }

    @Override
    void run() throws MojoFailureException {
        if (print && replace) {
            throw new dev.driftless.api.DriftlessException(dev.driftless.api.ExitCode.USAGE,
                    "print and replace cannot go together: print writes nothing, replace rewrites the newest changelog");
        }
        Config loaded = config();
        Config config = simpleDdl ? loaded.withSimpleDdl() : loaded;
        // No terminal to ask at: a probable rename is one only when configured so.
        Driftless.DiffResult result = driftless(config).diff(name, probable -> config.renames().acceptProbable(),
                print ? Driftless.DiffMode.PRINT : replace ? Driftless.DiffMode.REPLACE : Driftless.DiffMode.WRITE);
        if (result.blockedByPending()) {
            StringBuilder message = new StringBuilder(result.pendingFirst().size() + " changeset(s) in the changelogs are"
                    + " not applied to " + result.target() + " yet:");
            result.pendingFirst().forEach(c -> message.append("\n  ").append(c.file()).append(" :: ").append(c.id()));
            throw new MojoFailureException(message.append("\nApply them first (driftless:apply), then run diff again;"
                    + " otherwise they would be generated twice.").toString());
        }
        notes(result);
        if (result.written() == null) {
            info("No changes: the entities and " + result.target() + " agree.");
            return;
        }
        if (!result.written().written()) {
            info("Would write " + result.written().file() + " with " + result.written().changeSets().size()
                    + " changeset(s); nothing was written:\n\n" + result.written().text());
            return;
        }
        info("Wrote " + result.written().file() + " with " + result.written().changeSets().size() + " changeset(s):");
        for (ChangeSet set : result.written().changeSets()) {
            info("  " + (set.destructive() ? "! " : "  ") + set.comment());
        }
        warnings(result, config);
        info("Review it, then run: mvn driftless:apply");
    }

    private void notes(Driftless.DiffResult result) {
        if (result.diff() != null) {
            result.diff().unmappedTables().forEach(t -> unmapped("table", t));
            result.diff().unmappedSequences().forEach(s -> unmapped("sequence", s));
            result.diff().unmappedEnumTypes().forEach(e -> unmapped("enum type", e));
        }
        for (Renames.Request done : result.renames().alreadyApplied()) {
            info("note: " + done.rename().describe() + " (" + done.why() + ") is already done in the database; the hint can go");
        }
        result.renames().applied().forEach((rename, request) -> info("rename: " + rename.describe() + " (" + request.why() + ")"));
        for (KeptObject kept : result.diff() == null ? List.<KeptObject>of() : result.diff().kept()) {
            info("note: " + kept.describe() + " exists only in the database; kept");
        }
        if (result.setAside() != null) {
            info("Set aside " + result.setAside().getFileName() + " (it is in " + result.setAside().getParent()
                    + ") and removed its include.");
        }
    }

    private void unmapped(String kind, QualifiedName name) {
        info("note: " + kind + " " + name + " exists only in the database; left alone (dropUnmapped drops it)");
    }

    private void warnings(Driftless.DiffResult result, Config config) {
        for (Change.RenameColumn probable : result.renames().probable()) {
            warn("PROBABLE RENAME: " + probable.table() + "." + probable.from() + " is dropped and " + probable.table()
                    + "." + probable.to() + " added; the changelog drops the column and its data. If it is a rename, run"
                    + " again with -Ddriftless.replace -Ddriftless.renames=" + Driftless.renameHint(probable));
        }
        for (Driftless.RiskedChange risked : result.risks(config.ddl().online())) {
            if (risked.risk().level() != ChangeRisk.Level.SAFE) {
                warn("risk: " + risked.change().describe() + " — " + risked.risk().describe()
                        + (risked.tableSize() == null ? "" : "; " + risked.change().table() + " holds "
                        + risked.tableSize().describe()));
            }
        }
        result.dataProblems().forEach(problem -> warn(problem));
    }
}

package dev.driftless.generator.findings;

import java.util.Locale;

/** Where a difference came from, when the changelogs tell: they are replayed and compared with both sides. */
public enum Origin {
    /** The changelogs fix it, but a changeset that does is not applied to the database yet. */
    NOT_APPLIED("not applied yet: a pending changeset fixes it (driftless apply)"),
    /** The changelogs disagree with the model too: nobody generated a changelog for the change. */
    MODEL_CHANGED("model changed without a changelog (driftless diff)"),
    /** The applied changelogs agree with the model; the database does not: someone changed it by hand. */
    CHANGED_BY_HAND("changed in the database by hand (drift)");

    private final String description;

    Origin(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

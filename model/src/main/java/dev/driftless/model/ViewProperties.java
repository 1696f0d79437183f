package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a view's or materialized view's definition leaves out and a re-created one would lose: read so that a view
 * dropped and re-created around a column's type change comes back as it was. Its owner is not among them: a re-created
 * view belongs to whoever applies the changeset.
 *
 * @param comment   its comment, or {@code null}
 * @param options   its {@code reloptions} as PostgreSQL stores them ({@code security_barrier=true},
 *                  {@code check_option=cascaded}; a materialized view's storage parameters), in catalog order
 * @param grants    the privileges granted on it to others than its owner
 * @param indexes   a materialized view's indexes, each its whole {@code CREATE INDEX} statement (pg_get_indexdef), by name
 * @param populated false for a materialized view created {@code WITH NO DATA} and never refreshed
 */
public record ViewProperties(String comment, List<String> options, List<Grant> grants, List<String> indexes,
                             boolean populated) implements Serializable {

    public static final ViewProperties NONE = new ViewProperties(null, List.of(), List.of(), List.of(), true);

    public ViewProperties {
        options = options == null ? List.of() : List.copyOf(options);
        grants = grants == null ? List.of() : List.copyOf(grants);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    /**
     * One privilege on the view.
     *
     * @param privilege {@code SELECT}, {@code INSERT}, … as aclexplode names it
     * @param grantee   the role's name, or {@code null} for {@code PUBLIC}
     * @param grantable granted {@code WITH GRANT OPTION}
     */
    public record Grant(String privilege, String grantee, boolean grantable) implements Serializable {
        public Grant {
            Objects.requireNonNull(privilege, "privilege");
        }
    }
}

package dev.driftless.changelogs;

import java.time.Instant;
import java.util.Objects;

/** How far {@link ChangelogRunner#rollback(RollbackTarget, boolean)} goes back. */
public sealed interface RollbackTarget {

    /** Words for messages: "the last 3 changesets", "to tag v1.2". */
    String describe();

    /** The {@code count} most recently applied changesets. */
    record Count(int count) implements RollbackTarget {
        public Count {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, was " + count);
            }
        }

        @Override
        public String describe() {
            return "the last " + count + " changeset" + (count == 1 ? "" : "s");
        }
    }

    /** Every changeset applied after the one that carries {@code tag}. */
    record ToTag(String tag) implements RollbackTarget {
        public ToTag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public String describe() {
            return "to tag " + tag;
        }
    }

    /** Every changeset applied after {@code instant}. */
    record ToDate(Instant instant) implements RollbackTarget {
        public ToDate {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public String describe() {
            return "to " + instant;
        }
    }
}

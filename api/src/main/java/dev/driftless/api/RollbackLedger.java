package dev.driftless.api;

import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.generator.catalog.CatalogChanges.Key;
import dev.driftless.generator.catalog.CatalogChanges.State;
import dev.driftless.generator.catalog.CatalogChanges.Touched;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bookkeeping that proves rollbacks exact from digests of touched objects ({@link
 * dev.driftless.generator.catalog.CatalogChanges}) instead of whole schemas.
 *
 * <p>It keeps the digest of every object now and, per applied changeset, the digests its objects had before it, for
 * those whose digest it changed. Rolling changeset i back is exact (digests cannot tell constraint names or column
 * order, as the differ cannot) when every object changeset i changed has its digest from before i again and the
 * rollback changed nothing else. Objects neither changed have their state from before i already: the newer
 * changesets' rollbacks, proven before, restored them. So after each proven rollback the digests now are those from
 * before its changeset, which is what the next (older) rollback is compared from.
 */
final class RollbackLedger {

    /** Digests of the objects that exist now; a key missing here is absent. */
    private final Map<Key, String> now = new HashMap<>();
    /** The last name seen for each object id, so that a rename also counts as the old name going away. */
    private final Map<Long, Key> names = new HashMap<>();
    private final Deque<Step> applied = new ArrayDeque<>();

    /** One applied changeset: the digests, before it, of the objects it changed ({@link State#ABSENT} when new). */
    private record Step(ChangesetRef changeset, Map<Key, String> before) {
    }

    /** The state before the first changeset. */
    void start(Touched everything) {
        changes(everything);
    }

    /** Changeset {@code changeset} was applied and touched {@code touched}. */
    void applied(ChangesetRef changeset, Touched touched) {
        applied.push(new Step(changeset, changes(touched)));
    }

    /**
     * The newest applied changeset, {@code changeset}, was rolled back and its rollback touched {@code touched}.
     *
     * @return the objects whose digest is not what it was before the changeset; empty when the rollback is exact
     */
    List<Key> rolledBack(ChangesetRef changeset, Touched touched) {
        Step step = applied.pop();
        if (!step.changeset().equals(changeset)) {
            throw new IllegalStateException("rolled back " + changeset + " but the newest applied is " + step.changeset());
        }
        Map<Key, String> changedByRollback = changes(touched);
        List<Key> wrong = new ArrayList<>();
        step.before().forEach((key, before) -> {
            if (!now.getOrDefault(key, State.ABSENT).equals(before)) {
                wrong.add(key);
            }
        });
        changedByRollback.keySet().stream().filter(key -> !step.before().containsKey(key)).forEach(wrong::add);
        return wrong;
    }

    /** How many applied changesets are newer than {@code changeset}; -1 when it is not applied. */
    int newerThan(ChangesetRef changeset) {
        int newer = 0;
        for (Step step : applied) {
            if (step.changeset().equals(changeset)) {
                return newer;
            }
            newer++;
        }
        return -1;
    }

    /** The newest changeset still applied, if any. */
    Optional<ChangesetRef> newestApplied() {
        return Optional.ofNullable(applied.peek()).map(Step::changeset);
    }

    /** Brings {@link #now} up to date; returns the previous digest of every object whose digest changed. */
    private Map<Key, String> changes(Touched touched) {
        Map<Key, String> seen = new LinkedHashMap<>();
        for (State state : touched.states()) {
            seen.put(state.key(), state.digest());
        }
        for (State state : touched.states()) {
            if (state.oid() != null) {
                Key previous = names.put(state.oid(), state.key());
                // Whatever bears the old name now would have been logged: a rename leaves it absent.
                if (previous != null && !seen.containsKey(previous)) {
                    seen.put(previous, State.ABSENT);
                }
            }
        }
        if (touched.complete()) {
            now.keySet().forEach(key -> seen.putIfAbsent(key, State.ABSENT));
        }
        Map<Key, String> changed = new LinkedHashMap<>();
        seen.forEach((key, digest) -> {
            String before = now.getOrDefault(key, State.ABSENT);
            if (!Objects.equals(before, digest)) {
                changed.put(key, before);
                if (digest.equals(State.ABSENT)) {
                    now.remove(key);
                } else {
                    now.put(key, digest);
                }
            }
        });
        return changed;
    }
}

package dev.driftless.api;

import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.generator.adopt.AdoptionPoint;
import java.util.List;

/** Where the adoption point sits in a parsed changelog. */
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
}

package dev.driftless.generator.entity;

import java.util.List;

/** The entities map names PostgreSQL would cut or a changelog cannot carry; each is listed, before anything is written. */
public final class UnfitNamesException extends RuntimeException {

    private final List<UnfitName> names;

    public UnfitNamesException(List<UnfitName> names) {
        super(names.size() + " mapped name(s) PostgreSQL cannot keep as they are");
        this.names = List.copyOf(names);
    }

    public List<UnfitName> names() {
        return names;
    }
}

package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL enum type ({@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}), with the casts that involve it.
 *
 * @param values the labels in their sort order
 * @param casts  the {@code WITH INOUT} casts from or to this type (Hibernate creates one each way, implicit), sorted
 */
public record EnumType(QualifiedName name, List<String> values, List<Cast> casts) implements Serializable {

    public EnumType {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        casts = casts.stream().sorted().toList();
    }

    /** {@code true} when this type's labels are {@code other}'s with none taken away and none moved. */
    public boolean onlyAddsTo(EnumType other) {
        int next = 0;
        for (String value : values) {
            if (next < other.values.size() && other.values.get(next).equals(value)) {
                next++;
            }
        }
        return next == other.values.size();
    }

    /**
     * A cast between two types, done through their text forms ({@code WITH INOUT}).
     *
     * @param source  the source type as {@code format_type} prints it
     * @param target  the target type as {@code format_type} prints it
     * @param context {@code implicit}, {@code assignment} or {@code explicit}
     */
    public record Cast(String source, String target, String context) implements Comparable<Cast>, Serializable {
        public Cast {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(context, "context");
        }

        @Override
        public int compareTo(Cast other) {
            return (source + "\u0000" + target).compareTo(other.source + "\u0000" + other.target);
        }
    }

    /**
     * A column whose type is this enum (or an array of it), with its default: what must be converted when the type
     * has to be re-created.
     */
    public record Usage(QualifiedName table, String column, boolean array, String defaultValue) {
        public Usage {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }
}

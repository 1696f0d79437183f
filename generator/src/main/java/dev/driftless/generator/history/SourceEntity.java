package dev.driftless.generator.history;

import dev.driftless.model.QualifiedName;
import java.util.List;
import java.util.Optional;

/**
 * What one entity class's source says about its table, as far as it can be known without compiling: the table
 * name and the single-column fields with their column names. Anything unsure is left out, or {@code null}.
 *
 * @param className the fully qualified class name
 * @param file      the source file, relative to the sources directory
 * @param table     the table as PostgreSQL stores its name, or {@code null} when unsure
 * @param fields    the fields mapped to one column of this table each
 */
public record SourceEntity(String className, String file, QualifiedName table, List<MappedField> fields) {

    public SourceEntity {
        fields = List.copyOf(fields);
    }

    /**
     * A field mapped to one column.
     *
     * @param column    the column as PostgreSQL stores its name, or {@code null} when unsure
     * @param signature the field's type and mapping with the column name left out: two fields with the same
     *                  signature map the same way apart from their names
     */
    public record MappedField(String field, String column, String signature) {
    }

    public Optional<MappedField> field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }

    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Field names and signatures, sorted: two classes of one shape are one class renamed or moved. */
    public List<String> shape() {
        return fields.stream().map(f -> f.field() + ":" + f.signature()).sorted().toList();
    }
}

package dev.driftless.generator.entity;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.type.SqlTypes;

/**
 * Makes the bundled Hibernate 7's boot metadata write the schema Hibernate ORM 6.6 creates for the same model, for an
 * application that runs Hibernate 6 (Spring Boot 3): each of the differences cli's Hibernate6SchemaTest finds between
 * the two majors ({@link ApplicationHibernate#HIBERNATE_6_DIFFERENCES}) is undone by the smallest change to the
 * metadata, before Hibernate 7 writes its DDL. Hibernate 7 offers no way to take back a check or a unique key it added,
 * so those two are removed from its private lists; {@link #adjust} fails loudly if a Hibernate upgrade renames them.
 */
public final class Hibernate6Schema {

    /** Whether the model's schema is written as Hibernate 6.6 creates it ({@code hibernate-schema:} in driftless.yaml). */
    public enum Mode {
        /** When the application's own hibernate-core on the class path is 6.2 or newer 6.x. */
        DETECT,
        /** Always ({@code hibernate-schema: 6}). */
        ALWAYS,
        /** Never: Hibernate 7's own schema ({@code hibernate-schema: 7}). */
        NEVER;

        /** {@code 6}, {@code 7} or {@code auto}, as driftless.yaml's {@code hibernate-schema} says it. */
        public static Mode parse(String text) {
            return switch (text == null ? "auto" : text.strip()) {
                case "auto" -> DETECT;
                case "6" -> ALWAYS;
                case "7" -> NEVER;
                default -> throw new IllegalArgumentException("hibernate-schema must be 6, 7 or auto (the default: 6 when"
                        + " the application's own hibernate-core on the class path is 6.x), not '" + text + "'");
            };
        }

        /** Whether the schema is Hibernate 6.6's for an application running {@code application}'s Hibernate. */
        public boolean applies(Optional<ApplicationHibernate> application) {
            return this == ALWAYS || this == DETECT && application.map(ApplicationHibernate::createsHibernate6Schema).orElse(false);
        }
    }

    /** The progress line when {@code hibernate-schema: 6} asks for it without a Hibernate 6 on the class path. */
    public static final String FORCED_NOTE = "the schema is written as Hibernate 6.6 creates it (hibernate-schema: 6 in"
            + " driftless.yaml): no check on a discriminator, an @OrderColumn or a CHAR boolean, a @Version column"
            + " nullable unless the mapping makes it not null, time(6), no key on a Set element collection with a"
            + " nullable element";

    private static final Set<Integer> TIME_TYPES = Set.of(SqlTypes.TIME, SqlTypes.TIME_WITH_TIMEZONE, SqlTypes.TIME_UTC);
    /** What 6.6 gives a time column without a precision (the dialect's default timestamp precision); 7 gives 0. */
    private static final int HIBERNATE_6_TIME_PRECISION = 6;
    // what Hibernate 7 writes, the column's name (quoted or not) first
    private static final Pattern VALUES_CHECK = Pattern.compile("\\S+ in \\(.*\\)");
    private static final Pattern NOT_NEGATIVE_CHECK = Pattern.compile("\\S+\\s*>=\\s*0");
    private static final Pattern CHAR_BOOLEAN_CHECK = Pattern.compile("\\S+ in \\('.','.'\\)");

    private Hibernate6Schema() {
    }

    /** Changes {@code metadata} where Hibernate 7's schema is not Hibernate 6.6's. */
    public static void adjust(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity instanceof RootClass root) {
                discriminatorWithoutCheck(root);
                versionNullableAsHibernate6(root);
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            orderColumnWithoutCheck(collection);
            setWithoutNullableElementKey(collection);
        }
        for (Table table : metadata.collectTableMappings()) {
            for (Column column : table.getColumns()) {
                timePrecisionSix(column);
                charBooleanWithoutCheck(column);
            }
        }
    }

    /** 7 checks a discriminator column against the entities' values ({@code kind in ('CAR','TRUCK')}); 6.6 does not. */
    private static void discriminatorWithoutCheck(RootClass root) {
        if (root.getDiscriminator() == null) {
            return;
        }
        for (Column column : columns(root.getDiscriminator().getSelectables())) {
            removeChecks(column, VALUES_CHECK);
        }
    }

    /**
     * 7 makes every {@code @Version} column not null; 6.6 only the column the mapping itself makes not null: a
     * primitive attribute's implicit column (a {@code @Column} of its own is nullable unless it says otherwise, the
     * example's {@code @Version @Column(name = "version") long version} proves it), {@code @Column(nullable = false)}
     * or {@code @Basic(optional = false)}.
     */
    private static void versionNullableAsHibernate6(RootClass root) {
        Property version = root.getVersion();
        if (version == null || root.getMappedClass() == null) {
            return;
        }
        var getter = version.getGetter(root.getMappedClass());
        if (!hibernate6Nullable(getter.getReturnTypeClass().isPrimitive(), getter.getMember())) {
            return;
        }
        columns(version.getValue().getSelectables()).forEach(column -> column.setNullable(true));
    }

    private static boolean hibernate6Nullable(boolean primitive, Member member) {
        boolean columnAnnotation = false;
        if (member instanceof AnnotatedElement element) {
            for (var annotation : element.getAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.equals("jakarta.persistence.Column")) {
                    columnAnnotation = true;
                    if (Boolean.FALSE.equals(attribute(annotation, "nullable"))) {
                        return false;
                    }
                }
                if (name.equals("jakarta.persistence.Basic") && Boolean.FALSE.equals(attribute(annotation, "optional"))) {
                    return false;
                }
            }
        }
        return !primitive || columnAnnotation;
    }

    private static Object attribute(java.lang.annotation.Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** 7 checks that an {@code @OrderColumn} is not negative ({@code position>=0}); 6.6 does not. */
    private static void orderColumnWithoutCheck(Collection collection) {
        if (collection instanceof org.hibernate.mapping.List list && list.getIndex() != null) {
            for (Column column : columns(list.getIndex().getSelectables())) {
                removeChecks(column, NOT_NEGATIVE_CHECK);
            }
        }
    }

    /**
     * A Set element collection whose element may be null: 7 makes (owner, element) a unique key, 6.6 makes no key at
     * all (both make it the primary key when the element is not null).
     */
    private static void setWithoutNullableElementKey(Collection collection) {
        if (!(collection instanceof org.hibernate.mapping.Set) || collection.isOneToMany()) {
            return;
        }
        Table table = collection.getCollectionTable();
        if (table.hasPrimaryKey()) {
            return;
        }
        List<Column> ownerAndElement = new ArrayList<>(columns(collection.getKey().getSelectables()));
        ownerAndElement.addAll(columns(collection.getElement().getSelectables()));
        List<String> implied = table.getUniqueKeys().entrySet().stream()
                .filter(e -> !e.getValue().isExplicit() && !e.getValue().isNameExplicit()
                        && e.getValue().getColumns().equals(ownerAndElement))
                .map(java.util.Map.Entry::getKey).toList();
        if (!implied.isEmpty()) {
            java.util.Map<String, UniqueKey> keys = privateField(Table.class, "uniqueKeys", table);
            implied.forEach(keys::remove);
        }
    }

    /** 7 creates a time column without a precision as time(0); 6.6 as time(6). */
    private static void timePrecisionSix(Column column) {
        if (column.getValue() instanceof BasicValue value && column.getSqlType() == null
                && column.getTemporalPrecision() == null && column.getPrecision() == null
                && TIME_TYPES.contains(value.resolve().getJdbcType().getDdlTypeCode())) {
            column.setTemporalPrecision(HIBERNATE_6_TIME_PRECISION);
        }
    }

    /**
     * A boolean stored as a character by the settings ({@code hibernate.type.preferred_boolean_jdbc_type=CHAR}), where
     * 7 applies its {@code TrueFalseConverter} implicitly and checks the two letters; 6.6 does not. A converter the
     * mapping names ({@code @Convert(converter = YesNoConverter.class)}) keeps its check: no test has compared it.
     */
    private static void charBooleanWithoutCheck(Column column) {
        if (column.getValue() instanceof BasicValue value && column.hasCheckConstraint()) {
            var resolution = value.resolve();
            Class<?> type = resolution.getDomainJavaType().getJavaTypeClass();
            int code = resolution.getJdbcType().getDdlTypeCode();
            if ((type == Boolean.class || type == boolean.class) && value.getJpaAttributeConverterDescriptor() == null
                    && (code == SqlTypes.CHAR || code == SqlTypes.NCHAR)) {
                removeChecks(column, CHAR_BOOLEAN_CHECK);
            }
        }
    }

    /** Removes the unnamed checks Hibernate made of {@code column} that are all {@code made}. */
    private static void removeChecks(Column column, Pattern made) {
        if (column.getCheckConstraints().stream().noneMatch(c -> c.isAnonymous() && made.matcher(c.getConstraint().strip()).matches())) {
            return;
        }
        List<CheckConstraint> checks = privateField(Column.class, "checkConstraints", column);
        checks.removeIf(c -> c.isAnonymous() && made.matcher(c.getConstraint().strip()).matches());
    }

    private static List<Column> columns(List<Selectable> selectables) {
        return selectables.stream().filter(Column.class::isInstance).map(Column.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T privateField(Class<?> owner, String name, Object of) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(of);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new EntityReadException("cannot write the schema as Hibernate 6.6 creates it: Hibernate ORM "
                    + org.hibernate.Version.getVersionString() + " has no " + owner.getSimpleName() + "." + name
                    + " (set hibernate-schema: 7 in driftless.yaml for Hibernate 7's schema)", e);
        }
    }
}

package dev.driftless.generator.history;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.driftless.model.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One revision of the entity sources, parsed with JavaParser on demand, and what its entity classes map to, the way
 * Hibernate would map them: explicit {@code @Table}, {@code @Column} and {@code @JoinColumn} names, otherwise the
 * entity or field name, through the application's physical naming. Whatever it cannot be sure of (property access,
 * embedded and composite keys, entity inheritance, names from constants) it leaves out, so no rename is guessed
 * from it.
 */
public final class SourceSnapshot {

    /** Field annotations that mean "not one column of this table". */
    private static final Set<String> NOT_A_COLUMN = Set.of("Transient", "OneToMany", "ManyToMany", "ElementCollection",
            "Embedded", "EmbeddedId", "JoinTable", "JoinColumns", "MapsId", "Formula", "Any", "ManyToAny");
    /** Annotations whose {@code name} is the column name, left out of the signature. */
    private static final Set<String> NAMING = Set.of("Column", "JoinColumn");

    private final SourceTree tree;
    private final ColumnNaming naming;
    private final String defaultSchema;
    private final JavaParser parser = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();
    private Map<String, List<String>> filesBySimpleName;

    /** @param defaultSchema {@code hibernate.default_schema}, or {@code null} for {@code public} */
    public SourceSnapshot(SourceTree tree, ColumnNaming naming, String defaultSchema) {
        this.tree = tree;
        this.naming = naming;
        this.defaultSchema = defaultSchema == null || defaultSchema.isBlank() ? "public" : defaultSchema;
    }

    /** The entity classes declared in one file (empty when the file is gone or does not parse). */
    public List<SourceEntity> entitiesIn(String path) {
        Optional<CompilationUnit> unit = unit(path);
        if (unit.isEmpty()) {
            return List.of();
        }
        List<SourceEntity> entities = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.get().findAll(ClassOrInterfaceDeclaration.class)) {
            if (annotation(type, "Entity").isPresent()) {
                entities.add(entity(path, unit.get(), type));
            }
        }
        return entities;
    }

    private SourceEntity entity(String path, CompilationUnit unit, ClassOrInterfaceDeclaration type) {
        String className = type.getFullyQualifiedName().orElse(type.getNameAsString());
        QualifiedName table = table(type);
        boolean sure = table != null && fieldAccess(type) && ownTable(unit, type);
        List<SourceEntity.MappedField> fields = new ArrayList<>();
        if (sure) {
            for (FieldDeclaration declaration : type.getFields()) {
                if (declaration.isStatic() || declaration.hasModifier(Modifier.Keyword.TRANSIENT)
                        || NOT_A_COLUMN.stream().anyMatch(a -> annotation(declaration, a).isPresent())) {
                    continue;
                }
                for (VariableDeclarator variable : declaration.getVariables()) {
                    SourceEntity.MappedField field = field(unit, declaration, variable);
                    if (field != null) {
                        fields.add(field);
                    }
                }
            }
        }
        return new SourceEntity(className, path, table, fields);
    }

    /** The table: {@code @Table(name, schema)}, else the entity name ({@code @Entity(name)} or the class name). */
    private QualifiedName table(ClassOrInterfaceDeclaration type) {
        Optional<AnnotationExpr> tableAnnotation = annotation(type, "Table");
        String name = tableAnnotation.map(a -> attribute(a, "name")).orElse(Attribute.ABSENT).text();
        String schema = tableAnnotation.map(a -> attribute(a, "schema")).orElse(Attribute.ABSENT).text();
        if (tableAnnotation.isPresent() && (attribute(tableAnnotation.get(), "name").unknown()
                || attribute(tableAnnotation.get(), "schema").unknown())) {
            return null;
        }
        if (name == null || name.isEmpty()) {
            Attribute entityName = attribute(annotation(type, "Entity").orElseThrow(), "name");
            if (entityName.unknown()) {
                return null;
            }
            name = entityName.text() == null || entityName.text().isEmpty() ? type.getNameAsString() : entityName.text();
        }
        return new QualifiedName(schema == null || schema.isEmpty() ? naming.physical(defaultSchema) : naming.physical(schema),
                naming.physical(name));
    }

    /** Field access: no mapping annotations on methods and no {@code @Access(PROPERTY)}. */
    private static boolean fieldAccess(ClassOrInterfaceDeclaration type) {
        if (annotation(type, "Access").map(a -> a.toString().contains("PROPERTY")).orElse(false)) {
            return false;
        }
        for (MethodDeclaration method : type.getMethods()) {
            if (annotation(method, "Id").isPresent() || annotation(method, "Column").isPresent()
                    || annotation(method, "EmbeddedId").isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** The class's fields land in its own table unless it extends another entity (single-table inheritance). */
    private boolean ownTable(CompilationUnit unit, ClassOrInterfaceDeclaration type) {
        if (type.getExtendedTypes().isEmpty()) {
            return true;
        }
        return find(unit, type.getExtendedTypes().get(0).getNameAsString())
                .map(parent -> annotation(parent, "MappedSuperclass").isPresent()
                        && annotation(parent, "Entity").isEmpty())
                .orElse(false);
    }

    private SourceEntity.MappedField field(CompilationUnit unit, FieldDeclaration declaration, VariableDeclarator variable) {
        String fieldName = variable.getNameAsString();
        String type = variable.getType().asString();
        String signature = type + " " + declaration.getAnnotations().stream()
                .map(SourceSnapshot::withoutName).sorted().collect(Collectors.joining(" "));
        boolean association = annotation(declaration, "ManyToOne").isPresent() || annotation(declaration, "OneToOne").isPresent();
        Optional<AnnotationExpr> column = annotation(declaration, association ? "JoinColumn" : "Column");
        Attribute explicit = column.map(a -> attribute(a, "name")).orElse(Attribute.ABSENT);
        if (explicit.unknown()) {
            return new SourceEntity.MappedField(fieldName, null, signature);
        }
        if (explicit.text() != null && !explicit.text().isEmpty()) {
            return new SourceEntity.MappedField(fieldName, naming.physical(explicit.text()), signature);
        }
        if (association) {
            if (annotation(declaration, "OneToOne").map(a -> !attribute(a, "mappedBy").absent()).orElse(false)) {
                return null; // the other side owns the column
            }
            // Hibernate's implicit join column: <field>_<referenced primary key column>, then the physical naming.
            String referenced = variable.getType().isClassOrInterfaceType()
                    ? idColumn(unit, variable.getType().asClassOrInterfaceType()) : null;
            return new SourceEntity.MappedField(fieldName,
                    referenced == null ? null : naming.physical(fieldName + "_" + referenced), signature);
        }
        if (variable.getType().isClassOrInterfaceType()) {
            ClassOrInterfaceType classType = variable.getType().asClassOrInterfaceType();
            if (classType.getTypeArguments().isPresent()) {
                return null; // a collection or other generic type: not one plain column
            }
            Optional<ClassOrInterfaceDeclaration> declared = find(unit, classType.getNameAsString());
            if (declared.isPresent() && (annotation(declared.get(), "Embeddable").isPresent()
                    || annotation(declared.get(), "Entity").isPresent())) {
                return null; // embedded columns, or an unannotated association: unsure
            }
        }
        return new SourceEntity.MappedField(fieldName, naming.physical(fieldName), signature);
    }

    /** The logical name of the referenced entity's single {@code @Id} column, or {@code null} when unsure. */
    private String idColumn(CompilationUnit unit, ClassOrInterfaceType target) {
        Optional<ClassOrInterfaceDeclaration> declared = find(unit, target.getNameAsString());
        for (int depth = 0; declared.isPresent() && depth < 4; depth++) {
            ClassOrInterfaceDeclaration type = declared.get();
            if (annotation(type, "IdClass").isPresent()) {
                return null;
            }
            List<FieldDeclaration> ids = type.getFields().stream()
                    .filter(f -> annotation(f, "Id").isPresent() || annotation(f, "EmbeddedId").isPresent()).toList();
            if (ids.size() > 1 || ids.size() == 1 && (annotation(ids.get(0), "EmbeddedId").isPresent()
                    || ids.get(0).getVariables().size() != 1)) {
                return null;
            }
            if (ids.size() == 1) {
                Attribute name = annotation(ids.get(0), "Column").map(a -> attribute(a, "name")).orElse(Attribute.ABSENT);
                if (name.unknown()) {
                    return null;
                }
                return name.text() != null && !name.text().isEmpty() ? name.text() : ids.get(0).getVariable(0).getNameAsString();
            }
            if (type.getExtendedTypes().isEmpty()) {
                return null;
            }
            CompilationUnit typeUnit = type.findCompilationUnit().orElse(unit);
            declared = find(typeUnit, type.getExtendedTypes().get(0).getNameAsString());
        }
        return null;
    }

    /**
     * The class a simple or qualified name refers to from {@code unit}: a nested or top-level type of the same file,
     * then an explicit import, then the same package, then a single file of that name anywhere in the tree.
     */
    Optional<ClassOrInterfaceDeclaration> find(CompilationUnit unit, String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        Optional<ClassOrInterfaceDeclaration> local = unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(c -> c.getNameAsString().equals(simple)).findFirst();
        if (local.isPresent()) {
            return local;
        }
        List<String> candidates = filesBySimpleName().getOrDefault(simple, List.of());
        String packagePath = unit.getPackageDeclaration().map(p -> p.getNameAsString().replace('.', '/') + "/").orElse("");
        String imported = name.contains(".") ? name : unit.getImports().stream()
                .filter(i -> !i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(simple))
                .map(i -> i.getNameAsString()).findFirst().orElse(null);
        List<String> preferred = new ArrayList<>();
        if (imported != null) {
            candidates.stream().filter(p -> p.endsWith(imported.replace('.', '/') + ".java")).forEach(preferred::add);
        }
        candidates.stream().filter(p -> p.equals(packagePath + simple + ".java")
                || p.endsWith("/" + packagePath + simple + ".java")).forEach(preferred::add);
        if (preferred.isEmpty() && imported == null && candidates.size() == 1) {
            preferred.add(candidates.get(0));
        }
        for (String path : preferred) {
            Optional<ClassOrInterfaceDeclaration> found = unit(path).flatMap(u -> u.findAll(ClassOrInterfaceDeclaration.class)
                    .stream().filter(c -> c.getNameAsString().equals(simple)).findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Map<String, List<String>> filesBySimpleName() {
        if (filesBySimpleName == null) {
            filesBySimpleName = tree.javaFiles().stream().collect(Collectors.groupingBy(
                    p -> p.substring(p.lastIndexOf('/') + 1, p.length() - ".java".length())));
        }
        return filesBySimpleName;
    }

    private Optional<CompilationUnit> unit(String path) {
        return parsed.computeIfAbsent(path, p -> tree.read(p).flatMap(text -> {
            ParseResult<CompilationUnit> result = parser.parse(text);
            return result.isSuccessful() ? result.getResult() : Optional.empty();
        }));
    }

    // ---- annotations ----

    /** An annotation by its simple name, whether written simple or qualified. */
    static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> node, String simpleName) {
        return node.getAnnotations().stream().filter(a -> a.getName().getIdentifier().equals(simpleName)).findFirst();
    }

    /** An annotation attribute: absent, a string literal, or something we cannot read from source alone (a constant). */
    record Attribute(String text, boolean unknown) {
        static final Attribute ABSENT = new Attribute(null, false);

        boolean absent() {
            return text == null && !unknown;
        }
    }

    static Attribute attribute(AnnotationExpr annotation, String name) {
        if (!(annotation instanceof NormalAnnotationExpr normal)) {
            return Attribute.ABSENT;
        }
        for (MemberValuePair pair : normal.getPairs()) {
            if (pair.getNameAsString().equals(name)) {
                Expression value = pair.getValue();
                return value instanceof StringLiteralExpr literal ? new Attribute(literal.asString(), false)
                        : new Attribute(null, true);
            }
        }
        return Attribute.ABSENT;
    }

    /** The annotation as written, with a naming annotation's {@code name} left out, under its simple name. */
    private static String withoutName(AnnotationExpr annotation) {
        String simple = annotation.getName().getIdentifier();
        if (annotation instanceof NormalAnnotationExpr normal) {
            List<MemberValuePair> pairs = normal.getPairs().stream()
                    .filter(p -> !(NAMING.contains(simple) && p.getNameAsString().equals("name"))).toList();
            return "@" + simple + pairs.stream().map(p -> p.getNameAsString() + "=" + p.getValue())
                    .sorted().collect(Collectors.joining(",", "(", ")"));
        }
        return "@" + simple + annotation.toString().substring(annotation.toString().indexOf(annotation.getNameAsString())
                + annotation.getNameAsString().length());
    }
}

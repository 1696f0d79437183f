package dev.driftless.generator.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The <em>current</em> entity sources, parsed with JavaParser (syntax only): where each class and each field is
 * declared, so a finding can point at {@code com/acme/Order.java:42}. Files that do not parse are skipped; a class
 * or field not found simply has no location.
 */
public final class SourceIndex {

    private final Map<String, SourceLocation> classes = new HashMap<>();
    private final Map<String, SourceLocation> fields = new HashMap<>();
    private final Map<String, String> sequenceOwners = new HashMap<>();
    private List<Path> unparsedRoots;

    private SourceIndex() {
    }

    /** An index that knows nothing: findings then name the class and field only. */
    public static SourceIndex empty() {
        return new SourceIndex();
    }

    /** Parses every {@code .java} file under the given source roots; roots that do not exist are skipped. */
    public static SourceIndex of(List<Path> roots) {
        SourceIndex index = new SourceIndex();
        index.parse(roots);
        return index;
    }

    /**
     * As {@link #of}, parsing when first asked: a run that finds nothing to point at (the usual case) never parses
     * the sources, which takes seconds for thousands of entities.
     */
    public static SourceIndex lazy(List<Path> roots) {
        SourceIndex index = new SourceIndex();
        index.unparsedRoots = List.copyOf(roots);
        return index;
    }

    private void parsePending() {
        if (unparsedRoots != null) {
            List<Path> roots = unparsedRoots;
            unparsedRoots = null;
            parse(roots);
        }
    }

    private void parse(List<Path> roots) {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false);
        JavaParser parser = new JavaParser(configuration);
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    add(parser, root, file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the entity sources under " + root + ": " + e.getMessage(), e);
            }
        }
    }

    public boolean isEmpty() {
        parsePending();
        return classes.isEmpty();
    }

    /** Where the class (fully qualified, nested classes with {@code $} or {@code .}) is declared. */
    public Optional<SourceLocation> classLocation(String className) {
        parsePending();
        return Optional.ofNullable(classes.get(className.replace('$', '.')));
    }

    /** Where a field (or record component) of a class is declared. */
    public Optional<SourceLocation> fieldLocation(String className, String field) {
        parsePending();
        return Optional.ofNullable(fields.get(className.replace('$', '.') + "#" + field));
    }

    /**
     * The {@code class#field} whose {@code @SequenceGenerator(sequenceName = …)} names this sequence (compared
     * case-insensitively, schema left out), if any.
     */
    public Optional<String> sequenceOwner(String sequenceName) {
        parsePending();
        return Optional.ofNullable(sequenceOwners.get(sequenceName.toLowerCase(Locale.ROOT)));
    }

    private void add(JavaParser parser, Path root, Path file) {
        ParseResult<CompilationUnit> result;
        try {
            result = parser.parse(file);
        } catch (IOException e) {
            return;
        }
        if (result.getResult().isEmpty()) {
            return;
        }
        CompilationUnit unit = result.getResult().get();
        String relative = root.relativize(file).toString().replace('\\', '/');
        Path absolute = file.toAbsolutePath().normalize();
        String packagePrefix = unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (TypeDeclaration<?> type : unit.getTypes()) {
            addType(type, packagePrefix + type.getNameAsString(), relative, absolute);
        }
    }

    private void addType(TypeDeclaration<?> type, String qualifiedName, String file, Path absolute) {
        classes.put(qualifiedName, new SourceLocation(file, absolute, line(type.getName())));
        sequenceOwner(type.getAnnotations(), qualifiedName, null);
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                fields.put(qualifiedName + "#" + variable.getNameAsString(),
                        new SourceLocation(file, absolute, line(variable.getName())));
                sequenceOwner(field.getAnnotations(), qualifiedName, variable.getNameAsString());
            }
        }
        boolean propertyAccess = propertyAccess(type);
        for (MethodDeclaration method : type.getMethods()) {
            getterProperty(method).ifPresent(property -> {
                String key = qualifiedName + "#" + property;
                // the member that carries the mapping: an annotated getter, any getter of a property-access class
                // (annotated or not), or the getter of a property that has no field
                if (mapsProperty(method) || !fields.containsKey(key) || propertyAccess && !has(method.getAnnotations(), "Transient")) {
                    fields.put(key, new SourceLocation(file, absolute, line(method.getName())));
                }
            });
        }
        if (type instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                fields.put(qualifiedName + "#" + component.getNameAsString(),
                        new SourceLocation(file, absolute, line(component.getName())));
            }
        }
        for (var member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                addType(nested, qualifiedName + "." + nested.getNameAsString(), file, absolute);
            }
        }
    }

    /** Annotations that map a property when they sit on its getter ({@code @Access(PROPERTY)}, or Hibernate's default). */
    private static final java.util.Set<String> MAPPING = java.util.Set.of("Id", "EmbeddedId", "Column", "JoinColumn",
            "JoinColumns", "JoinTable", "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "Basic", "Enumerated", "Lob",
            "Temporal", "Convert", "Embedded", "ElementCollection", "CollectionTable", "GeneratedValue", "Version",
            "OrderColumn", "MapsId", "SequenceGenerator", "JdbcTypeCode", "Type", "Formula", "Check", "ColumnDefault",
            "NaturalId", "Comment");

    /** {@code getOrderQuantity()} and {@code isActive()} with no parameters: the property they read. */
    private static Optional<String> getterProperty(MethodDeclaration method) {
        if (!method.getParameters().isEmpty() || method.isStatic()) {
            return Optional.empty();
        }
        String name = method.getNameAsString();
        String rest = name.startsWith("get") ? name.substring(3) : name.startsWith("is") ? name.substring(2) : "";
        if (rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
            return Optional.empty();
        }
        // java.beans.Introspector.decapitalize: "URL" stays "URL", "Name" becomes "name"
        return Optional.of(rest.length() > 1 && Character.isUpperCase(rest.charAt(1)) ? rest
                : Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
    }

    /**
     * Whether Hibernate reads this class through its getters: {@code @Access(AccessType.PROPERTY)} on the class, or,
     * without a class-level {@code @Access}, an {@code @Id}/{@code @EmbeddedId} on a getter (JPA's default access).
     */
    private static boolean propertyAccess(TypeDeclaration<?> type) {
        Optional<AnnotationExpr> access = type.getAnnotations().stream()
                .filter(a -> a.getName().getIdentifier().equals("Access")).findFirst();
        if (access.isPresent()) {
            return access.get().toString().contains("PROPERTY");
        }
        return type.getMethods().stream().anyMatch(m -> has(m.getAnnotations(), "Id") || has(m.getAnnotations(), "EmbeddedId"));
    }

    private static boolean has(List<AnnotationExpr> annotations, String name) {
        return annotations.stream().anyMatch(a -> a.getName().getIdentifier().equals(name));
    }

    private static boolean mapsProperty(MethodDeclaration method) {
        return method.getAnnotations().stream().anyMatch(a -> MAPPING.contains(a.getName().getIdentifier()));
    }

    private void sequenceOwner(List<AnnotationExpr> annotations, String className, String field) {
        for (AnnotationExpr annotation : annotations) {
            if (!annotation.getNameAsString().endsWith("SequenceGenerator") || !(annotation instanceof NormalAnnotationExpr normal)) {
                continue;
            }
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals("sequenceName") && pair.getValue() instanceof StringLiteralExpr literal) {
                    sequenceOwners.put(literal.getValue().toLowerCase(Locale.ROOT), className + (field == null ? "" : "#" + field));
                }
            }
        }
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }
}

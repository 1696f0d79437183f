package dev.driftless.generator.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * Reads compiled entity classes through Hibernate's own boot metadata, with the application's naming
 * strategy and the target's PostgreSQL version, and returns the DDL Hibernate itself would run.
 * It never connects to a database.
 */
public final class EntityReader {

    private static final List<String> MAPPING_ANNOTATIONS = List.of(
            "jakarta.persistence.Entity", "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Embeddable");

    /**
     * @param classes       directories or jars holding the entity classes
     * @param classpath     further directories or jars the entity classes need (their dependencies)
     * @param defaultSchema {@code hibernate.default_schema}, or {@code null}
     * @param serverVersion the target's PostgreSQL version as {@code major.minor}, so the dialect is the right one
     * @param hibernate     further Hibernate settings, as the application gives them ({@code hibernate.*} names);
     *                      a {@code hibernate.default_schema} here counts when {@code defaultSchema} is not given
     * @param packages      only the mapped classes in these packages (or their subpackages) are read, when
     *                      {@code classes} holds more than the model (a test class path, the Java API's
     *                      {@code entityPackages}); empty reads every mapped class
     * @param managedClasses the only {@code @Entity} classes the application's persistence unit maps (a persistence.xml
     *                      that excludes unlisted classes), or empty for every one found in {@code classes}
     * @param hibernate6Schema whether the schema is written as Hibernate ORM 6.6 creates it ({@link Hibernate6Schema}),
     *                      for an application that runs Hibernate 6; else it is the bundled Hibernate's own
     */
    public record Settings(List<Path> classes, List<Path> classpath, NamingStrategy naming, String defaultSchema,
                           String serverVersion, java.util.SortedMap<String, String> hibernate, List<String> packages,
                           List<String> managedClasses, boolean hibernate6Schema) {
        public Settings {
            managedClasses = managedClasses == null ? List.of() : List.copyOf(managedClasses);
            classes = List.copyOf(classes);
            packages = packages == null ? List.of() : List.copyOf(packages);
            classpath = List.copyOf(classpath);
            Objects.requireNonNull(naming, "naming");
            Objects.requireNonNull(serverVersion, "serverVersion");
            hibernate = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(hibernate == null ? Map.of() : hibernate));
            if (defaultSchema == null || defaultSchema.isBlank()) {
                defaultSchema = hibernate.get(AvailableSettings.DEFAULT_SCHEMA);
            }
        }

        /** Hibernate 7's own schema. */
        public Settings(List<Path> classes, List<Path> classpath, NamingStrategy naming, String defaultSchema,
                        String serverVersion, java.util.SortedMap<String, String> hibernate, List<String> packages,
                        List<String> managedClasses) {
            this(classes, classpath, naming, defaultSchema, serverVersion, hibernate, packages, managedClasses, false);
        }

        /** Every mapped class of {@code classes} in these packages (all, when empty). */
        public Settings(List<Path> classes, List<Path> classpath, NamingStrategy naming, String defaultSchema,
                        String serverVersion, java.util.SortedMap<String, String> hibernate, List<String> packages) {
            this(classes, classpath, naming, defaultSchema, serverVersion, hibernate, packages, List.of());
        }

        public Settings(List<Path> classes, List<Path> classpath, NamingStrategy naming, String defaultSchema,
                        String serverVersion, java.util.SortedMap<String, String> hibernate) {
            this(classes, classpath, naming, defaultSchema, serverVersion, hibernate, List.of());
        }

        /** Whether {@code className} is in one of {@link #packages} (always, when none are given). */
        public boolean inPackages(String className) {
            return packages.isEmpty() || packages.stream().anyMatch(p -> className.startsWith(p + "."));
        }

        public Settings(List<Path> classes, List<Path> classpath, NamingStrategy naming, String defaultSchema,
                        String serverVersion) {
            this(classes, classpath, naming, defaultSchema, serverVersion, new java.util.TreeMap<>());
        }
    }

    public EntityModel read(Settings settings) {
        for (Path location : settings.classes()) {
            if (!Files.exists(location)) {
                throw new EntityReadException("the entity classes " + location + " do not exist"
                        + " (compile the project first, or point 'classes' in driftless.yaml at its compiled classes)");
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls(settings), EntityReader.class.getClassLoader())) {
            List<Class<?>> mapped = managed(mappedClasses(settings, loader), settings.managedClasses());
            if (mapped.stream().noneMatch(c -> hasAnnotation(c, "jakarta.persistence.Entity"))) {
                throw new EntityReadException("no @Entity classes found in " + settings.classes()
                        + (settings.packages().isEmpty() ? "" : " in the packages " + settings.packages())
                        + " (is it the right directory, and are the classes compiled?)");
            }
            return read(settings, loader, mapped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The persistence unit's own entities (and every mapped superclass and embeddable, which only count when used). */
    private static List<Class<?>> managed(List<Class<?>> mapped, List<String> managedClasses) {
        if (managedClasses.isEmpty()) {
            return mapped;
        }
        return mapped.stream().filter(c -> !hasAnnotation(c, "jakarta.persistence.Entity")
                || managedClasses.contains(c.getName())).toList();
    }

    private static URL[] urls(Settings settings) {
        return Stream.concat(settings.classes().stream(), settings.classpath().stream()).map(path -> {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new EntityReadException("not a usable class path entry: " + path, e);
            }
        }).toArray(URL[]::new);
    }

    private static EntityModel read(Settings settings, ClassLoader loader, List<Class<?>> mapped) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap)
                // Name and version pick the dialect, so the DDL is the one this server version gets.
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, settings.serverVersion())
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false);
        // the application's own settings, then the naming strategies resolved from them (which already include theirs)
        settings.hibernate().forEach(builder::applySetting);
        if (settings.naming().physicalStrategyClass() != null) {
            builder.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, settings.naming().physicalStrategyClass());
        }
        if (settings.naming().implicitStrategyClass() != null) {
            builder.applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, settings.naming().implicitStrategyClass());
        }
        if (settings.defaultSchema() != null && !settings.defaultSchema().isBlank()) {
            builder.applySetting(AvailableSettings.DEFAULT_SCHEMA, settings.defaultSchema());
        }
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            mapped.forEach(MissingClasses::check);
            mapped.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            if (settings.hibernate6Schema()) {
                Hibernate6Schema.adjust(metadata);
            }
            EntityMapping mapping = MappingReader.read(metadata, settings.defaultSchema());
            MappedNames.check(metadata, mapping, settings.defaultSchema());
            // Hibernate's own schema creation, with the settings and the column order its SessionFactory would use.
            List<String> ddl = CreationCommands.of(metadata, registry).stream()
                    .map(EntityReader::escapeCommentLiteral).toList();
            refuseSmuggledStatements(ddl);
            // after the DDL: building the id generators must not change what Hibernate would create
            List<SequenceIdColumn> sequenceIds = SequenceIdReader.read(metadata, registry, settings.defaultSchema());
            return new EntityModel(mapped.stream().map(Class::getName).sorted().toList(), ddl,
                    mapping, enumColumns(metadata, settings.defaultSchema()), sequenceIds);
        } catch (EntityReadException | UnfitNamesException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new EntityReadException("Hibernate could not read the entities: " + rootMessage(e), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static void refuseSmuggledStatements(List<String> ddl) {
        for (String command : ddl) {
            try {
                dev.driftless.generator.devdb.SingleStatements.require(command);
            } catch (IllegalArgumentException e) {
                throw new EntityReadException("the entities' mapping (a name, a columnDefinition, a check) carries SQL: "
                        + e.getMessage() + "; refusing to run it", e);
            }
        }
    }

    /** The columns whose values are Java enums, named as PostgreSQL stores them (unquoted names folded to lower case). */
    private static List<EnumColumn> enumColumns(Metadata metadata, String defaultSchema) {
        List<EnumColumn> columns = new ArrayList<>();
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            String schema = table.getSchema() != null ? folded(table.getSchema(), table.isSchemaQuoted())
                    : defaultSchema != null && !defaultSchema.isBlank() ? defaultSchema.toLowerCase(java.util.Locale.ROOT) : "public";
            dev.driftless.model.QualifiedName name = new dev.driftless.model.QualifiedName(schema,
                    folded(table.getName(), table.isQuoted()));
            for (org.hibernate.mapping.Column column : table.getColumns()) {
                if (column.getValue() instanceof org.hibernate.mapping.BasicValue value) {
                    Class<?> type = value.resolve().getDomainJavaType().getJavaTypeClass();
                    if (type != null && type.isEnum()) {
                        columns.add(new EnumColumn(name, folded(column.getName(), column.isQuoted()),
                                java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()));
                    }
                }
            }
        }
        return columns;
    }

    private static String folded(String name, boolean quoted) {
        String bare = name.startsWith("`") || name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return quoted ? bare : bare.toLowerCase(java.util.Locale.ROOT);
    }

    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile(
            "(?is)(comment on (?:table|column) .+? is ')(.*)'");

    /**
     * Hibernate writes {@code @Comment} text into {@code comment on … is '…'} without doubling its single quotes, so a
     * comment like {@code It's} gives DDL PostgreSQL rejects (and that the application's own schema export would run
     * into too). Doubles them when the literal is not already well-formed.
     */
    static String escapeCommentLiteral(String statement) {
        java.util.regex.Matcher m = COMMENT.matcher(statement);
        if (!m.matches()) {
            return statement;
        }
        String text = m.group(2);
        if (!text.replace("''", "").contains("'")) {
            return statement;
        }
        return m.group(1) + text.replace("'", "''") + "'";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ClassNotFoundException || root instanceof NoClassDefFoundError) {
            String missing = MissingClasses.missingName(root);
            return "class " + missing + " is not on the class path" + MissingClasses.likelyJar(missing)
                    + "; add its jar under 'classpath' in driftless.yaml (or --classpath)";
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static List<Class<?>> mappedClasses(Settings settings, ClassLoader loader) throws IOException {
        List<Path> locations = settings.classes();
        List<Class<?>> mapped = new ArrayList<>();
        for (String name : classNames(locations).stream().filter(settings::inPackages).toList()) {
            Class<?> type = load(name, loader, locations);
            if (type != null && MAPPING_ANNOTATIONS.stream().anyMatch(a -> hasAnnotation(type, a))) {
                mapped.add(type);
            }
        }
        return mapped;
    }

    private static Class<?> load(String name, ClassLoader loader, List<Path> locations) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // Other classes of the application (a Spring configuration, a controller) may need jars we do not have,
            // and are no business of ours; a mapped class that cannot load would silently lose its table.
            if (MappedClassFiles.isMapped(name, locations)) {
                throw MissingClasses.entityNotLoadable(name, e);
            }
            return null;
        }
    }

    private static boolean hasAnnotation(Class<?> type, String annotation) {
        for (Annotation a : type.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> classNames(List<Path> locations) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path location : locations) {
            if (Files.isDirectory(location)) {
                names.addAll(classNamesUnder(location));
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    names.addAll(classNamesUnder(jar.getPath("/")));
                }
            }
        }
        return names.stream().sorted().toList();
    }

    private static List<String> classNamesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString())
                    .filter(f -> !f.startsWith("META-INF") && !f.endsWith("module-info.class") && !f.endsWith("package-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
    }
}

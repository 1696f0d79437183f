package dev.driftless.generator.entity;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says which class an entity needs that is not on the class path, who needs it, and which jar usually has it, instead
 * of the {@code InvocationTargetException} or {@code NoClassDefFoundError} Hibernate would end in.
 */
final class MissingClasses {

    /** Package prefixes and the artifact that usually brings them, most specific first. */
    private static final List<Map.Entry<String, String>> JARS = List.of(
            Map.entry("org.springframework.data.jpa", "org.springframework.data:spring-data-jpa"),
            Map.entry("org.springframework.data", "org.springframework.data:spring-data-commons"),
            Map.entry("org.springframework", "the Spring Framework jars (spring-core, spring-context, ...)"),
            Map.entry("org.hibernate.envers", "org.hibernate.orm:hibernate-envers"),
            Map.entry("org.hibernate.validator", "org.hibernate.validator:hibernate-validator"),
            Map.entry("jakarta.validation", "jakarta.validation:jakarta.validation-api"),
            Map.entry("io.hypersistence", "io.hypersistence:hypersistence-utils-hibernate-*"),
            Map.entry("com.vladmihalcea", "com.vladmihalcea:hibernate-types-*"),
            Map.entry("com.fasterxml.jackson", "com.fasterxml.jackson.core:jackson-databind"),
            Map.entry("org.locationtech.jts", "org.locationtech.jts:jts-core"),
            Map.entry("org.joda", "joda-time:joda-time"),
            Map.entry("io.quarkus", "the Quarkus jars of the application"));

    private MissingClasses() {
    }

    /** The jar that likely holds {@code className}, as a hint ending the sentence, or "" when we do not know. */
    static String likelyJar(String className) {
        return JARS.stream().filter(e -> className.startsWith(e.getKey() + ".")).findFirst()
                .map(e -> " (it is usually in " + e.getValue() + ")").orElse("");
    }

    /** The class a loading error is about, taken from its message ({@code a/b/C} or {@code a.b.C}). */
    static String missingName(Throwable error) {
        String message = String.valueOf(error instanceof TypeNotPresentException t ? t.typeName() : error.getMessage());
        return message.replace('/', '.').replaceFirst("^.*?([\\w$]+(\\.[\\w$]+)+).*$", "$1");
    }

    /** The error for an entity class that itself could not be loaded. */
    static EntityReadException entityNotLoadable(String entity, Throwable error) {
        String missing = missingName(error);
        return new EntityReadException("the mapped class " + entity + " cannot be loaded: it needs " + missing
                + ", which is not on the class path" + likelyJar(missing)
                + "; add the jar or directory under 'classpath' in driftless.yaml (or --classpath)", error);
    }

    /**
     * Checks the classes named by the mapping annotations of an entity ({@code @EntityListeners}, {@code @Convert},
     * {@code @IdClass}, ...) and the types of its fields, so a missing one is named with who needs it.
     */
    static void check(Class<?> entity) {
        List<AnnotatedElement> members = new ArrayList<>();
        members.add(entity);
        try {
            members.addAll(List.of(entity.getDeclaredFields()));
            members.addAll(List.of(entity.getDeclaredMethods()));
        } catch (LinkageError e) {
            throw notOnClassPath(missingName(e), "a field or method type of " + entity.getName(), e);
        }
        for (AnnotatedElement member : members) {
            for (Annotation annotation : annotations(member, entity)) {
                checkClassValues(annotation, entity);
            }
        }
    }

    private static Annotation[] annotations(AnnotatedElement member, Class<?> entity) {
        try {
            return member.getDeclaredAnnotations();
        } catch (TypeNotPresentException | LinkageError e) {
            throw notOnClassPath(missingName(e), "an annotation of " + entity.getName(), e);
        }
    }

    private static void checkClassValues(Annotation annotation, Class<?> entity) {
        for (Method value : annotation.annotationType().getDeclaredMethods()) {
            Class<?> type = value.getReturnType();
            if (type != Class.class && type != Class[].class) {
                continue;
            }
            try {
                value.invoke(annotation);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof TypeNotPresentException || cause instanceof LinkageError) {
                    throw notOnClassPath(missingName(cause),
                            "named in @" + annotation.annotationType().getSimpleName() + " of " + entity.getName(), cause);
                }
            } catch (IllegalAccessException e) {
                // an annotation member we may not call tells nothing about the class path
            }
        }
    }

    private static EntityReadException notOnClassPath(String missing, String who, Throwable cause) {
        return new EntityReadException("class " + missing + ", " + who + ", is not on the class path" + likelyJar(missing)
                + "; add the jar or directory under 'classpath' in driftless.yaml (or --classpath)", cause);
    }
}

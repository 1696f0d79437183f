package dev.driftless.cli;

import dev.driftless.testing.ModelCompiler;
import java.nio.file.Path;

/**
 * A copy of the bundled example under {@code project}: its committed changelogs (editable) and its entities compiled.
 *
 * @param changelogs the copied changelog directory
 * @param classes    the compiled entity classes
 */
record ExampleProject(Path changelogs, Path classes) {

    static ExampleProject copyInto(Path project) {
        Path example = ModelCompiler.exampleSources().getParent().resolve("resources/db/changelog");
        return new ExampleProject(ModelCompiler.copySources(example, project.resolve("changelogs")),
                ModelCompiler.compile(ModelCompiler.exampleSources(), project.resolve("classes")));
    }
}

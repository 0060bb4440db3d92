package org.yardstick.index.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yardstick.index.engine.IndexMethod;
import org.yardstick.index.engine.IndexTree;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * An index definition (指数定义) as read from its YAML file (see {@code docs/index-spec.md}).
 *
 * @param code the index's code
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param tree the validated tree with weights, directions and denominators
 * @param method the method of each stage
 * @param layout which data columns are what
 */
public record IndexSpec(String code, String nameZh, String nameEn, IndexTree tree, IndexMethod method,
        DataLayout layout) {

    /** Reads and validates a spec file; every problem names file:line: field. */
    public static IndexSpec read(Path file) {
        String source = file.getFileName().toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return IndexSpecReader.read(source, text);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.SYNTAX,
                    "cannot be read: " + e.getMessage()));
        }
    }

    /** Reads and validates spec text; {@code source} names it in problems. */
    public static IndexSpec parse(String source, String text) {
        return IndexSpecReader.read(source, text);
    }
}

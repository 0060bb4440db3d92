package org.yardstick.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.TextDecoding;

/** Files inside the application (or any Spring resource location), such as {@code classpath:demo/}. */
final class ClasspathFileSet implements FileSet {

    private final String location;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ClasspathFileSet(String location) {
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public String label() {
        return location.replaceFirst("^classpath:", "");
    }

    @Override
    public Optional<String> read(String name) {
        Resource r = resolver.getResource(location + name);
        if (!r.exists()) {
            return Optional.empty();
        }
        try (InputStream in = r.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            return Optional.of(TextDecoding.utf8(bytes).orElseThrow(() -> new InvalidInputException(
                    InputProblem.of(describe(name), 0, "", null, FileProblem.BAD_ENCODING))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String directory, String suffix) {
        try {
            Resource[] found = resolver.getResources(location + directory + "/*" + suffix);
            return Arrays.stream(found).map(Resource::getFilename).filter(Objects::nonNull)
                    .map(f -> directory + "/" + f).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.yardstick.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The files of a directory on disk. */
public final class DirectoryFileSet implements FileSet {

    private final Path root;

    public DirectoryFileSet(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String label() {
        return root + "/";
    }

    @Override
    public Optional<String> read(String name) {
        Path p = resolve(name);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            return Optional.of(TextDecoding.utf8(bytes).orElseThrow(() -> new InvalidInputException(
                    InputProblem.of(describe(name), 0, "", null, FileProblem.BAD_ENCODING))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String directory, String suffix) {
        Path dir = resolve(directory);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> directory + "/" + p.getFileName())
                    .filter(n -> n.endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String name) {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("file name leaves the directory: " + name);
        }
        return p;
    }
}

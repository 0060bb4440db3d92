package org.yardstick;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yardstick.shared.FileSet;

/** Files held in memory, for loader tests. */
public final class MapFileSet implements FileSet {

    private final Map<String, String> files = new LinkedHashMap<>();

    public MapFileSet with(String name, String content) {
        files.put(name, content);
        return this;
    }

    @Override
    public String label() {
        return "test/";
    }

    @Override
    public Optional<String> read(String name) {
        return Optional.ofNullable(files.get(name));
    }

    @Override
    public List<String> list(String directory, String suffix) {
        return files.keySet().stream().filter(n -> n.startsWith(directory + "/") && n.endsWith(suffix)).sorted().toList();
    }
}

package org.yardstick.framework.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/**
 * Framework files as a person or a program sends them: YAML files, several, or a zip of a folder; each
 * placed where the import looks for it ({@code indicators.yaml}, {@code plans/<name>.yaml} …), whatever
 * folder the zip had around them.
 */
final class UploadedFiles implements FileSet {

    /** The most an upload may hold, unpacked. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final String label;
    private final Map<String, String> files = new LinkedHashMap<>();
    private long total;

    UploadedFiles(String label) {
        this.label = label;
    }

    /** Adds a file by its name, or the YAML files of a zip. */
    UploadedFiles add(String name, byte[] content) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".zip")) {
            unzip(name, content);
        } else {
            put(name, content, false);
        }
        return this;
    }

    /** A single YAML document without a name: placed by what it holds (a plan, indicators, documents, breakdowns). */
    UploadedFiles addYaml(String text) {
        String name = "framework.yaml";
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (line.startsWith("plan:")) {
                name = "plans/uploaded.yaml";
                break;
            }
            if (!line.startsWith(" ") && (l.startsWith("indicators:") || l.startsWith("documents:") || l.startsWith("disaggregations:"))) {
                name = l.substring(0, l.indexOf(':')) + ".yaml";
                break;
            }
            if (line.startsWith("data_sets:")) {
                name = "data-sets.yaml";
                break;
            }
        }
        put(name, text.getBytes(StandardCharsets.UTF_8), false);
        return this;
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    private void unzip(String zipName, byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".yaml")) {
                    put(e.getName(), read(zip), true);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(InputProblem.of(zipName, 0, "", "", FileProblem.SYNTAX, String.valueOf(e.getMessage())));
        }
    }

    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_BYTES) {
                throw new InvalidInputException(InputProblem.of(label, 0, "", "", FileProblem.TOO_LARGE, "20 MB"));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void put(String path, byte[] content, boolean counted) {
        String p = path.replace('\\', '/');
        int plansAt = p.lastIndexOf("plans/");
        String name = plansAt >= 0 ? p.substring(plansAt) : p.substring(p.lastIndexOf('/') + 1);
        if (!counted) {
            total += content.length;
        }
        if (total > MAX_BYTES) {
            throw new InvalidInputException(InputProblem.of(label, 0, "", "", FileProblem.TOO_LARGE, "20 MB"));
        }
        if (!name.startsWith("plans/") && !List.of("documents.yaml", "disaggregations.yaml", "indicators.yaml", "data-sets.yaml").contains(name)) {
            // a single plan file sent under its own name
            name = "plans/" + name;
        }
        files.put(name, new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Optional<String> read(String name) {
        return Optional.ofNullable(files.get(name));
    }

    @Override
    public List<String> list(String directory, String suffix) {
        return files.keySet().stream().filter(n -> n.startsWith(directory + "/") && n.endsWith(suffix)).sorted().toList();
    }

    /** Framework files as a zip, by file name. */
    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}

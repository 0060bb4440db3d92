package org.yardstick.observation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yardstick.observation.imports.bench.ImportMemoryBench;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.Period;

/**
 * Reading an upload takes memory that does not grow with the file: CSV and Excel files of about
 * 1 MB and of 16–24 times that are generated on disk (never committed) and read while the heap in
 * use after a full collection is sampled; the larger file may not need more than twice the
 * smaller's (plus a few MB of measuring noise), and far less than its own size. A workbook whose
 * shared strings expand beyond any template is refused, never read into memory.
 */
class ImportMemoryTest {

    static final long MB = 1024 * 1024;
    static final long NOISE = 6 * MB;

    @TempDir Path dir;

    /** Heap in use after full collections: what is really held. */
    static long retained() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The most the heap held (after collections) at a few points while the rows were read, above the start. */
    static final class Sampler {
        final long base = retained();
        final long every;
        long seen;
        long peak;

        Sampler(long rows) {
            this.every = Math.max(1, rows / 4);
        }

        void row() {
            if (++seen % every == 0) {
                peak = Math.max(peak, retained() - base);
            }
        }
    }

    Path csv(String name, long bytes) throws IOException {
        return ImportMemoryBench.csv(dir.resolve(name), bytes);
    }

    long csvGrowth(Path file) throws IOException {
        long rows = lines(file);
        Sampler s = new Sampler(rows);
        long read = CsvFigures.read("f.csv", file, r -> s.row());
        assertThat(read).isEqualTo(rows - 1);
        return s.peak;
    }

    static long lines(Path file) throws IOException {
        try (var l = java.nio.file.Files.lines(file)) {
            return l.count();
        }
    }

    @Test
    void aCsvFile24TimesLargerDoesNotNeedTwiceTheMemory() throws IOException {
        Path small = csv("small.csv", MB);
        Path large = csv("large.csv", 24 * MB);
        long a = csvGrowth(small);
        long b = csvGrowth(large);
        System.out.printf("CSV: %d MB -> %d KB held, %d MB -> %d KB held%n", size(small) / MB, a / 1024, size(large) / MB,
                b / 1024);
        assertThat(b).as("heap held reading %d MB (vs %d KB for 1 MB)", size(large) / MB, a / 1024)
                .isLessThanOrEqualTo(2 * a + NOISE).isLessThan(size(large) / 4);
    }

    Path xlsx(String name, int rows) throws IOException {
        return ImportMemoryBench.xlsx(dir.resolve(name), rows);
    }

    long excelGrowth(Path file, int rows) {
        Sampler s = new Sampler(rows * 4L);
        ExcelFigures.read("f.xlsx", file, Period.Type.YEAR, r -> s.row(), p -> { });
        return s.peak;
    }

    @Test
    void anExcelFile16TimesLargerDoesNotNeedTwiceTheMemory() throws IOException {
        Path small = xlsx("small.xlsx", 12_000);
        Path large = xlsx("large.xlsx", 192_000);
        long a = excelGrowth(small, 12_000);
        long b = excelGrowth(large, 192_000);
        System.out.printf("Excel: %d KB -> %d KB held, %d KB -> %d KB held%n", size(small) / 1024, a / 1024,
                size(large) / 1024, b / 1024);
        assertThat(size(large)).isGreaterThan(12 * size(small));
        assertThat(b).as("heap held reading %d KB (vs %d KB for %d KB)", size(large) / 1024, a / 1024, size(small) / 1024)
                .isLessThanOrEqualTo(2 * a + NOISE);
    }

    @Test
    void aWorkbookWhoseSharedStringsExpandBeyondAnyTemplateIsRefused() throws IOException {
        // a real workbook with its shared strings replaced by 17 M characters of words: far under the zip-bomb
        // ratio POI checks, and more text than any template holds
        Path bomb = ImportMemoryBench.bomb(dir, 17);
        assertThat(size(bomb)).isLessThan(ExcelFigures.MAX_BYTES);
        long base = retained();
        assertThatThrownBy(() -> ExcelFigures.read("bomb.xlsx", bomb, Period.Type.YEAR, r -> { }, p -> { }))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.kind()).isEqualTo(ImportProblem.STRINGS_TOO_LARGE)));
        assertThat(retained() - base).as("nothing of it is held after the refusal").isLessThan(NOISE);
    }

    static long size(Path file) {
        return file.toFile().length();
    }
}

package org.yardstick.progress.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK font of the PDF reports: {@code yardstick.report.font} if set, else Debian's
 * fonts-noto-cjk at {@value #NOTO}; the bold face is the sibling file with {@code Bold} for
 * {@code Regular}, if present. A collection (.ttc) is read with fontbox's {@link TrueTypeCollection}
 * and its Simplified Chinese face chosen. Each PDF embeds a subset holding only the characters it
 * uses ({@link TrueTypeSubset}). Without a font the reports say so instead of printing empty boxes.
 */
@Component
public class ReportFonts implements DisposableBean {

    /** Debian's Noto Sans CJK collection (package fonts-noto-cjk). */
    public static final String NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /** The font family the report's style sheet names. */
    public static final String FAMILY = "Yardstick CJK";

    private static final Logger LOG = LoggerFactory.getLogger(ReportFonts.class);

    private final @Nullable Path regular;
    private final @Nullable Path bold;
    private final String looked;
    private final List<AutoCloseable> open = new ArrayList<>();
    private @Nullable TrueTypeFont regularFace;
    private @Nullable TrueTypeFont boldFace;

    ReportFonts(@Value("${yardstick.report.font:}") String configured) {
        Path path = configured.isBlank() ? Path.of(NOTO) : Path.of(configured.strip());
        looked = path.toString();
        this.regular = Files.isReadable(path) ? path : null;
        Path b = path.resolveSibling(path.getFileName().toString().replace("Regular", "Bold"));
        this.bold = regular != null && !b.equals(path) && Files.isReadable(b) ? b : null;
        if (regular == null) {
            LOG.warn("No CJK font for PDF reports at {}: install fonts-noto-cjk or set yardstick.report.font", looked);
        }
    }

    /** Whether PDF reports can be made. */
    public boolean available() {
        return regular != null;
    }

    /** Where the font was looked for. */
    public String location() {
        return looked;
    }

    /** Whether there is a bold face. */
    public boolean hasBold() {
        return bold != null;
    }

    /**
     * The font for one document: a subset with the given characters, loaded into that document
     * (and embedded when it is saved).
     */
    public synchronized PDFont load(PDDocument document, SortedSet<Integer> codePoints, boolean boldFace)
            throws IOException {
        TrueTypeFont face = face(boldFace && bold != null);
        String name = face.getName() == null ? "YardstickCJK" : face.getName().replace(" ", "");
        byte[] subset = TrueTypeSubset.build(face, codePoints, FAMILY, name, boldFace && bold != null);
        return PDType0Font.load(document, new ByteArrayInputStream(subset), true);
    }

    private TrueTypeFont face(boolean wantBold) throws IOException {
        if (regular == null) {
            throw new IllegalStateException("no CJK font at " + looked);
        }
        if (wantBold) {
            if (boldFace == null) {
                boldFace = read(bold);
            }
            return boldFace;
        }
        if (regularFace == null) {
            regularFace = read(regular);
        }
        return regularFace;
    }

    /** The font in a file; in a collection, the Simplified Chinese face (…CJKsc…, not Mono), else the first. */
    private TrueTypeFont read(Path path) throws IOException {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".ttc") || file.endsWith(".otc")) {
            TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
            open.add(collection);
            List<TrueTypeFont> faces = new ArrayList<>();
            collection.processAllFonts(faces::add);
            TrueTypeFont chosen = null;
            for (TrueTypeFont f : faces) {
                String n = String.valueOf(f.getName()).toLowerCase(Locale.ROOT);
                if (n.contains("sc") && !n.contains("mono") && (n.contains("cjksc") || n.contains(" sc"))) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null && !faces.isEmpty()) {
                chosen = faces.get(0);
            }
            if (chosen == null) {
                throw new IOException("no font in the collection " + path);
            }
            return chosen;
        }
        File f = path.toFile();
        TrueTypeFont font = file.endsWith(".otf") ? new OTFParser().parse(new RandomAccessReadBufferedFile(f))
                : new TTFParser().parse(new RandomAccessReadBufferedFile(f));
        open.add(font);
        return font;
    }

    @Override
    public synchronized void destroy() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing a font", e);
            }
        }
        open.clear();
    }
}

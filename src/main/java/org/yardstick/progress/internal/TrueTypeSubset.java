package org.yardstick.progress.internal;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.jspecify.annotations.Nullable;

/**
 * Builds a small TrueType font holding only the glyphs of the characters a document uses, from an
 * OpenType font with PostScript (CFF) outlines such as Noto Sans CJK — which PDFBox can embed only
 * whole (16 MB), not as a subset — or from a TrueType font inside a collection. Each glyph's cubic outline is converted to TrueType's quadratic
 * curves (a cubic is split until one quadratic stays within half a font unit of it), so the
 * result is an ordinary glyf font that PDFBox subsets and embeds like any other. Plain Java on
 * fontbox; no hinting (PDF viewers do not need it).
 */
final class TrueTypeSubset {

    /** Largest deviation of a quadratic from the cubic it replaces, in font units (1/1000 em for Noto). */
    static final double TOLERANCE = 0.5;

    private TrueTypeSubset() {}

    /** One glyph: contours of points, each point on or off the curve, in font units. */
    record Glyph(List<List<int[]>> contours, int advance) {

        int points() {
            return contours.stream().mapToInt(List::size).sum();
        }

        int[] bounds() {
            int xMin = Integer.MAX_VALUE;
            int yMin = Integer.MAX_VALUE;
            int xMax = Integer.MIN_VALUE;
            int yMax = Integer.MIN_VALUE;
            for (List<int[]> c : contours) {
                for (int[] p : c) {
                    xMin = Math.min(xMin, p[0]);
                    yMin = Math.min(yMin, p[1]);
                    xMax = Math.max(xMax, p[0]);
                    yMax = Math.max(yMax, p[1]);
                }
            }
            return contours.isEmpty() ? new int[] {0, 0, 0, 0} : new int[] {xMin, yMin, xMax, yMax};
        }
    }

    /**
     * A TrueType font with {@code .notdef} and the glyphs of these code points (those the font has),
     * named {@code postScriptName}; bold sets the style bits.
     */
    static byte[] build(TrueTypeFont font, SortedSet<Integer> codePoints, String family, String postScriptName,
                        boolean bold) throws IOException {
        CFFFont cff = font instanceof OpenTypeFont otf && otf.isPostScript() ? otf.getCFF().getFont() : null;
        CmapLookup cmap = font.getUnicodeCmapLookup();
        List<Glyph> glyphs = new ArrayList<>();
        Map<Integer, Integer> newGid = new TreeMap<>();
        Map<Integer, Integer> byOldGid = new TreeMap<>();
        glyphs.add(glyph(font, cff, 0));
        for (int cp : codePoints) {
            int old = cmap.getGlyphId(cp);
            if (old <= 0) {
                continue;
            }
            Integer gid = byOldGid.get(old);
            if (gid == null) {
                gid = glyphs.size();
                glyphs.add(glyph(font, cff, old));
                byOldGid.put(old, gid);
            }
            newGid.put(cp, gid);
        }
        return new Writer(font, glyphs, newGid, family, postScriptName, bold).write();
    }

    /** A glyph's outline: from the CFF charstrings of a PostScript-flavoured font, else from its glyf table. */
    private static Glyph glyph(TrueTypeFont font, @Nullable CFFFont cff, int gid) throws IOException {
        GeneralPath path;
        if (cff instanceof CFFCIDFont cid) {
            path = cid.getType2CharString(cid.getCharset().getCIDForGID(gid)).getPath();
        } else if (cff != null) {
            path = cff.getType2CharString(gid).getPath();
        } else {
            GlyphData data = font.getGlyph().getGlyph(gid);
            path = data == null ? new GeneralPath() : data.getPath();
        }
        return new Glyph(contours(path), font.getAdvanceWidth(gid));
    }

    /** The path's contours with cubic curves replaced by quadratic ones. */
    static List<List<int[]>> contours(GeneralPath path) {
        List<List<int[]>> contours = new ArrayList<>();
        List<int[]> current = null;
        double[] c = new double[6];
        double x = 0;
        double y = 0;
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    close(contours, current);
                    current = new ArrayList<>();
                    current.add(on(c[0], c[1]));
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    current = started(current, x, y);
                    current.add(on(c[0], c[1]));
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    current = started(current, x, y);
                    current.add(off(c[0], c[1]));
                    current.add(on(c[2], c[3]));
                    x = c[2];
                    y = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    current = started(current, x, y);
                    cubic(current, x, y, c[0], c[1], c[2], c[3], c[4], c[5], 0);
                    x = c[4];
                    y = c[5];
                }
                case PathIterator.SEG_CLOSE -> {
                    close(contours, current);
                    current = null;
                }
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        close(contours, current);
        return contours;
    }

    private static List<int[]> started(@Nullable List<int[]> current, double x, double y) {
        if (current != null) {
            return current;
        }
        List<int[]> fresh = new ArrayList<>();
        fresh.add(on(x, y));
        return fresh;
    }

    /** Ends a contour: drops a last point that repeats the first, and contours too small to draw. */
    private static void close(List<List<int[]>> contours, @Nullable List<int[]> contour) {
        if (contour == null) {
            return;
        }
        int n = contour.size();
        if (n > 1) {
            int[] first = contour.get(0);
            int[] last = contour.get(n - 1);
            if (last[0] == first[0] && last[1] == first[1] && last[2] == 1 && first[2] == 1) {
                contour.remove(n - 1);
            }
        }
        if (contour.size() >= 2) {
            contours.add(contour);
        }
    }

    /**
     * Appends a cubic from (x0, y0) as quadratics: one quadratic with control point
     * {@code (3(p1 + p2) − p0 − p3) / 4} when its distance from the cubic,
     * {@code √3/36 · |p3 − 3p2 + 3p1 − p0|}, is within {@link #TOLERANCE}; else the two halves.
     */
    static void cubic(List<int[]> out, double x0, double y0, double x1, double y1, double x2, double y2, double x3,
                      double y3, int depth) {
        double dx = x3 - 3 * x2 + 3 * x1 - x0;
        double dy = y3 - 3 * y2 + 3 * y1 - y0;
        double error = Math.sqrt(dx * dx + dy * dy) * Math.sqrt(3) / 36;
        if (error <= TOLERANCE || depth >= 6) {
            out.add(off((3 * (x1 + x2) - x0 - x3) / 4, (3 * (y1 + y2) - y0 - y3) / 4));
            out.add(on(x3, y3));
            return;
        }
        double ax = (x0 + x1) / 2;
        double ay = (y0 + y1) / 2;
        double bx = (x1 + x2) / 2;
        double by = (y1 + y2) / 2;
        double cx = (x2 + x3) / 2;
        double cy = (y2 + y3) / 2;
        double abx = (ax + bx) / 2;
        double aby = (ay + by) / 2;
        double bcx = (bx + cx) / 2;
        double bcy = (by + cy) / 2;
        double mx = (abx + bcx) / 2;
        double my = (aby + bcy) / 2;
        cubic(out, x0, y0, ax, ay, abx, aby, mx, my, depth + 1);
        cubic(out, mx, my, bcx, bcy, cx, cy, x3, y3, depth + 1);
    }

    private static int[] on(double x, double y) {
        return new int[] {(int) Math.round(x), (int) Math.round(y), 1};
    }

    private static int[] off(double x, double y) {
        return new int[] {(int) Math.round(x), (int) Math.round(y), 0};
    }

    /** Writes the tables and the table directory. */
    private static final class Writer {

        private final TrueTypeFont source;
        private final List<Glyph> glyphs;
        private final Map<Integer, Integer> cmap;
        private final String family;
        private final String postScriptName;
        private final boolean bold;

        Writer(TrueTypeFont source, List<Glyph> glyphs, Map<Integer, Integer> cmap, String family, String postScriptName,
               boolean bold) {
            this.source = source;
            this.glyphs = glyphs;
            this.cmap = cmap;
            this.family = family;
            this.postScriptName = postScriptName;
            this.bold = bold;
        }

        byte[] write() throws IOException {
            // glyf and loca first: the other tables need the bounds
            ByteArrayOutputStream glyf = new ByteArrayOutputStream();
            DataOutputStream g = new DataOutputStream(glyf);
            int[] loca = new int[glyphs.size() + 1];
            int xMin = Integer.MAX_VALUE;
            int yMin = Integer.MAX_VALUE;
            int xMax = Integer.MIN_VALUE;
            int yMax = Integer.MIN_VALUE;
            int maxPoints = 0;
            int maxContours = 0;
            int advanceMax = 0;
            int minLsb = Integer.MAX_VALUE;
            int minRsb = Integer.MAX_VALUE;
            int maxExtent = Integer.MIN_VALUE;
            for (int i = 0; i < glyphs.size(); i++) {
                loca[i] = g.size();
                Glyph glyph = glyphs.get(i);
                advanceMax = Math.max(advanceMax, glyph.advance());
                if (glyph.contours().isEmpty()) {
                    continue;
                }
                int[] b = glyph.bounds();
                xMin = Math.min(xMin, b[0]);
                yMin = Math.min(yMin, b[1]);
                xMax = Math.max(xMax, b[2]);
                yMax = Math.max(yMax, b[3]);
                minLsb = Math.min(minLsb, b[0]);
                minRsb = Math.min(minRsb, glyph.advance() - b[2]);
                maxExtent = Math.max(maxExtent, b[2]);
                maxPoints = Math.max(maxPoints, glyph.points());
                maxContours = Math.max(maxContours, glyph.contours().size());
                g.writeShort(glyph.contours().size());
                for (int v : b) {
                    g.writeShort(v);
                }
                int end = -1;
                for (List<int[]> c : glyph.contours()) {
                    end += c.size();
                    g.writeShort(end);
                }
                g.writeShort(0); // no instructions
                for (List<int[]> c : glyph.contours()) {
                    for (int[] p : c) {
                        g.writeByte(p[2]); // on curve or not; coordinates as 16-bit deltas
                    }
                }
                deltas(g, glyph, 0);
                deltas(g, glyph, 1);
                while (g.size() % 4 != 0) {
                    g.writeByte(0);
                }
            }
            loca[glyphs.size()] = g.size();
            if (xMin == Integer.MAX_VALUE) {
                xMin = yMin = xMax = yMax = minLsb = minRsb = maxExtent = 0;
            }

            Map<String, byte[]> tables = new TreeMap<>();
            tables.put("glyf", glyf.toByteArray());
            tables.put("loca", table(o -> {
                for (int offset : loca) {
                    o.writeInt(offset);
                }
            }));
            int units = source.getUnitsPerEm();
            int[] box = {xMin, yMin, xMax, yMax};
            tables.put("head", table(o -> {
                o.writeInt(0x00010000);
                o.writeInt(0x00010000);
                o.writeInt(0); // checkSumAdjustment, set below
                o.writeInt(0x5F0F3CF5);
                o.writeShort(0x000B);
                o.writeShort(units);
                o.writeLong(0);
                o.writeLong(0);
                for (int v : box) {
                    o.writeShort(v);
                }
                o.writeShort(bold ? 1 : 0);
                o.writeShort(8);
                o.writeShort(2);
                o.writeShort(1); // long offsets in loca
                o.writeShort(0);
            }));
            HorizontalHeaderTable hhea = source.getHorizontalHeader();
            int advMax = advanceMax;
            int lsb = minLsb;
            int rsb = minRsb;
            int extent = maxExtent;
            tables.put("hhea", table(o -> {
                o.writeInt(0x00010000);
                o.writeShort(hhea.getAscender());
                o.writeShort(hhea.getDescender());
                o.writeShort(hhea.getLineGap());
                o.writeShort(advMax);
                o.writeShort(lsb);
                o.writeShort(rsb);
                o.writeShort(extent);
                o.writeShort(1);
                o.writeShort(0);
                o.writeShort(0);
                for (int i = 0; i < 4; i++) {
                    o.writeShort(0);
                }
                o.writeShort(0);
                o.writeShort(glyphs.size());
            }));
            tables.put("hmtx", table(o -> {
                for (Glyph glyph : glyphs) {
                    o.writeShort(glyph.advance());
                    o.writeShort(glyph.contours().isEmpty() ? 0 : glyph.bounds()[0]);
                }
            }));
            int points = maxPoints;
            int contours = maxContours;
            tables.put("maxp", table(o -> {
                o.writeInt(0x00010000);
                o.writeShort(glyphs.size());
                o.writeShort(points);
                o.writeShort(contours);
                o.writeShort(0);
                o.writeShort(0);
                o.writeShort(2);
                for (int i = 0; i < 8; i++) {
                    o.writeShort(0);
                }
            }));
            tables.put("OS/2", os2());
            tables.put("cmap", cmapTable());
            tables.put("name", names());
            tables.put("post", table(o -> {
                o.writeInt(0x00030000);
                o.writeInt(0);
                o.writeShort(source.getPostScript() == null ? -100 : source.getPostScript().getUnderlinePosition());
                o.writeShort(source.getPostScript() == null ? 50 : source.getPostScript().getUnderlineThickness());
                for (int i = 0; i < 5; i++) {
                    o.writeInt(0);
                }
            }));
            return assemble(tables);
        }

        /** The glyph's x (axis 0) or y (axis 1) coordinates, each as a 16-bit difference from the one before. */
        private static void deltas(DataOutputStream g, Glyph glyph, int axis) throws IOException {
            int last = 0;
            for (List<int[]> c : glyph.contours()) {
                for (int[] p : c) {
                    g.writeShort(p[axis] - last);
                    last = p[axis];
                }
            }
        }

        private byte[] os2() throws IOException {
            OS2WindowsMetricsTable os2 = source.getOS2Windows();
            int first = cmap.isEmpty() ? 0x20 : Math.min(0xFFFF, cmap.keySet().iterator().next());
            int last = 0x20;
            for (int cp : cmap.keySet()) {
                last = Math.max(last, Math.min(0xFFFF, cp));
            }
            int firstChar = first;
            int lastChar = last;
            return table(o -> {
                o.writeShort(4);
                o.writeShort(os2.getAverageCharWidth());
                o.writeShort(bold ? 700 : os2.getWeightClass());
                o.writeShort(os2.getWidthClass());
                o.writeShort(0); // installable: the font is under the SIL Open Font License
                o.writeShort(os2.getSubscriptXSize());
                o.writeShort(os2.getSubscriptYSize());
                o.writeShort(os2.getSubscriptXOffset());
                o.writeShort(os2.getSubscriptYOffset());
                o.writeShort(os2.getSuperscriptXSize());
                o.writeShort(os2.getSuperscriptYSize());
                o.writeShort(os2.getSuperscriptXOffset());
                o.writeShort(os2.getSuperscriptYOffset());
                o.writeShort(os2.getStrikeoutSize());
                o.writeShort(os2.getStrikeoutPosition());
                o.writeShort(os2.getFamilyClass());
                byte[] panose = os2.getPanose();
                for (int i = 0; i < 10; i++) {
                    o.writeByte(panose != null && i < panose.length ? panose[i] : 0);
                }
                o.writeInt((int) os2.getUnicodeRange1());
                o.writeInt((int) os2.getUnicodeRange2());
                o.writeInt((int) os2.getUnicodeRange3());
                o.writeInt((int) os2.getUnicodeRange4());
                String vendor = (os2.getAchVendId() + "    ").substring(0, 4);
                o.write(vendor.getBytes(StandardCharsets.US_ASCII));
                o.writeShort(bold ? 0x20 : 0x40);
                o.writeShort(firstChar);
                o.writeShort(lastChar);
                o.writeShort(os2.getTypoAscender());
                o.writeShort(os2.getTypoDescender());
                o.writeShort(os2.getTypoLineGap());
                o.writeShort(os2.getWinAscent());
                o.writeShort(os2.getWinDescent());
                o.writeInt((int) os2.getCodePageRange1());
                o.writeInt((int) os2.getCodePageRange2());
                o.writeShort(os2.getHeight());
                o.writeShort(os2.getCapHeight());
                o.writeShort(0);
                o.writeShort(0x20);
                o.writeShort(2);
            });
        }

        /** A (3,1) format 4 table for the basic plane, a (3,10) format 12 table for everything. */
        private byte[] cmapTable() throws IOException {
            List<Integer> bmp = cmap.keySet().stream().filter(cp -> cp < 0xFFFF).toList();
            int segments = bmp.size() + 1;
            byte[] format4 = table(o -> {
                int searchRange = 2 * Integer.highestOneBit(segments);
                o.writeShort(4);
                o.writeShort(16 + 8 * segments);
                o.writeShort(0);
                o.writeShort(2 * segments);
                o.writeShort(searchRange);
                o.writeShort(Integer.numberOfTrailingZeros(searchRange / 2));
                o.writeShort(2 * segments - searchRange);
                for (int cp : bmp) {
                    o.writeShort(cp);
                }
                o.writeShort(0xFFFF);
                o.writeShort(0);
                for (int cp : bmp) {
                    o.writeShort(cp);
                }
                o.writeShort(0xFFFF);
                for (int cp : bmp) {
                    o.writeShort((cmap.get(cp) - cp) & 0xFFFF);
                }
                o.writeShort(1);
                for (int i = 0; i < segments; i++) {
                    o.writeShort(0);
                }
            });
            byte[] format12 = table(o -> {
                o.writeShort(12);
                o.writeShort(0);
                o.writeInt(16 + 12 * cmap.size());
                o.writeInt(0);
                o.writeInt(cmap.size());
                for (Map.Entry<Integer, Integer> e : cmap.entrySet()) {
                    o.writeInt(e.getKey());
                    o.writeInt(e.getKey());
                    o.writeInt(e.getValue());
                }
            });
            return table(o -> {
                o.writeShort(0);
                o.writeShort(2);
                o.writeShort(3);
                o.writeShort(1);
                o.writeInt(4 + 16);
                o.writeShort(3);
                o.writeShort(10);
                o.writeInt(4 + 16 + format4.length);
                o.write(format4);
                o.write(format12);
            });
        }

        private byte[] names() throws IOException {
            String style = bold ? "Bold" : "Regular";
            String[] values = {family, style, postScriptName + ";yardstick-subset", family + " " + style, postScriptName};
            int[] ids = {1, 2, 3, 4, 6};
            List<byte[]> strings = new ArrayList<>();
            for (String v : values) {
                strings.add(v.getBytes(StandardCharsets.UTF_16BE));
            }
            return table(o -> {
                o.writeShort(0);
                o.writeShort(ids.length);
                o.writeShort(6 + 12 * ids.length);
                int offset = 0;
                for (int i = 0; i < ids.length; i++) {
                    o.writeShort(3);
                    o.writeShort(1);
                    o.writeShort(0x0409);
                    o.writeShort(ids[i]);
                    o.writeShort(strings.get(i).length);
                    o.writeShort(offset);
                    offset += strings.get(i).length;
                }
                for (byte[] s : strings) {
                    o.write(s);
                }
            });
        }

        /** The offset table, the table records (sorted by tag) and the tables, with checksums. */
        private static byte[] assemble(Map<String, byte[]> tables) throws IOException {
            int n = tables.size();
            int entrySelector = Integer.numberOfTrailingZeros(Integer.highestOneBit(n));
            int searchRange = 16 * Integer.highestOneBit(n);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(out);
            o.writeInt(0x00010000);
            o.writeShort(n);
            o.writeShort(searchRange);
            o.writeShort(entrySelector);
            o.writeShort(16 * n - searchRange);
            int offset = 12 + 16 * n;
            int headOffset = 0;
            for (Map.Entry<String, byte[]> e : tables.entrySet()) {
                byte[] data = e.getValue();
                o.write(e.getKey().getBytes(StandardCharsets.US_ASCII));
                o.writeInt((int) checksum(data));
                o.writeInt(offset);
                o.writeInt(data.length);
                if (e.getKey().equals("head")) {
                    headOffset = offset;
                }
                offset += (data.length + 3) & ~3;
            }
            for (byte[] data : tables.values()) {
                o.write(data);
                for (int pad = data.length; pad % 4 != 0; pad++) {
                    o.writeByte(0);
                }
            }
            byte[] font = out.toByteArray();
            long adjustment = (0xB1B0AFBAL - checksum(font)) & 0xFFFFFFFFL;
            font[headOffset + 8] = (byte) (adjustment >>> 24);
            font[headOffset + 9] = (byte) (adjustment >>> 16);
            font[headOffset + 10] = (byte) (adjustment >>> 8);
            font[headOffset + 11] = (byte) adjustment;
            return font;
        }

        static long checksum(byte[] data) {
            long sum = 0;
            for (int i = 0; i < data.length; i += 4) {
                long word = 0;
                for (int j = 0; j < 4; j++) {
                    word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
                }
                sum = (sum + word) & 0xFFFFFFFFL;
            }
            return sum;
        }

        interface Body {
            void write(DataOutputStream out) throws IOException;
        }

        private static byte[] table(Body body) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            body.write(new DataOutputStream(bytes));
            return bytes.toByteArray();
        }
    }
}

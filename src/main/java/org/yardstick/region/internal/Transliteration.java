package org.yardstick.region.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * English names for places that have no curated one: the proper name in pinyin without tones, the
 * administrative suffix translated (乌苏市 → Wusu City, 尉犁县 → Yuli County). Characters with several
 * readings take their first, which is occasionally wrong; curated names in the demo's
 * {@code regions.yaml} replace these for every place the plans mention.
 */
public final class Transliteration {

    /** Longest suffixes first. */
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("自治区直辖县级行政区划", "County-level divisions under the autonomous region"),
            Map.entry("省直辖县级行政区划", "County-level divisions under the province"),
            Map.entry("市辖区", "Districts"),
            Map.entry("特别行政区", "Special Administrative Region"),
            Map.entry("自治州", "Autonomous Prefecture"),
            Map.entry("自治县", "Autonomous County"),
            Map.entry("自治旗", "Autonomous Banner"),
            Map.entry("自治区", "Autonomous Region"),
            Map.entry("林区", "Forestry District"),
            Map.entry("新区", "New Area"),
            Map.entry("地区", "Prefecture"),
            Map.entry("街道", "Subdistrict"),
            Map.entry("省", "Province"),
            Map.entry("市", "City"),
            Map.entry("县", "County"),
            Map.entry("区", "District"),
            Map.entry("旗", "Banner"),
            Map.entry("盟", "League"),
            Map.entry("镇", "Town"),
            Map.entry("乡", "Township"));

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
    }

    private Transliteration() {}

    public static String placeName(String zh) {
        for (Map.Entry<String, String> s : SUFFIXES) {
            if (zh.equals(s.getKey())) {
                return s.getValue();
            }
            if (zh.endsWith(s.getKey()) && zh.length() > s.getKey().length()) {
                String stem = zh.substring(0, zh.length() - s.getKey().length());
                return capitalise(pinyin(stem)) + " " + s.getValue();
            }
        }
        return capitalise(pinyin(zh));
    }

    static String pinyin(String zh) {
        StringBuilder out = new StringBuilder();
        for (char c : zh.toCharArray()) {
            out.append(READINGS.computeIfAbsent(c, Transliteration::reading));
        }
        return out.toString();
    }

    /**
     * The first reading of each character met so far: pinyin4j formats its readings anew on every call
     * (tens of microseconds), and 620k village names use a few thousand characters.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Character, String> READINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String reading(char c) {
        String[] readings;
        try {
            readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        return readings == null || readings.length == 0 ? String.valueOf(c) : readings[0];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}

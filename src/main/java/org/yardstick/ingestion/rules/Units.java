package org.yardstick.ingestion.rules;

/**
 * Compares units as documents write them: 个百分点, 百分点, 个点 and 点 are all points; an index has no
 * unit or 点; 万 alone agrees with 万户 (the measure word is often left out: 光纤到户数超过176万).
 */
public final class Units {

    private Units() {}

    /** The unit in a form where the same unit written two ways is equal. */
    public static String canonical(String unit) {
        String u = unit.strip();
        if (u.equals("个百分点") || u.equals("百分点") || u.equals("个点") || u.equals("点")) {
            return "pt";
        }
        if (u.equals("兆比特每秒")) {
            return "Mbps";
        }
        if (u.equals("吉比特每秒")) {
            return "Gbps";
        }
        return u;
    }

    /** Whether two units can be the same unit (see the class comment). */
    public static boolean compatible(String a, String b) {
        String x = canonical(a);
        String y = canonical(b);
        if (x.equals(y)) {
            return true;
        }
        if (x.isEmpty() && y.equals("pt") || y.isEmpty() && x.equals("pt")) {
            return true;
        }
        String mx = magnitude(x);
        String my = magnitude(y);
        if (!mx.equals(my)) {
            return false;
        }
        String rx = x.substring(mx.length());
        String ry = y.substring(my.length());
        return rx.isEmpty() || ry.isEmpty() || countWord(rx) && countWord(ry);
    }

    /** 个 and 家 and 所 … all count things; a catalogue of 个 is not contradicted by 家. */
    private static boolean countWord(String s) {
        return s.length() == 1 && "个家所座处项条名户".contains(s);
    }

    static String magnitude(String u) {
        for (String m : new String[] {"万亿", "千万", "百万", "万", "亿"}) {
            if (u.startsWith(m)) {
                return m;
            }
        }
        return "";
    }
}

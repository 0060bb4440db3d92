package org.yardstick.ingestion.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first English name for an indicator the catalogue does not hold, from a small glossary of the words
 * plans use (宽带 broadband, 用户 users, 覆盖率 coverage, 普及率 penetration …), longest word first. A
 * rate or share at the end of the Chinese name leads the English one (普及率 → "Penetration of …").
 * Words the glossary lacks are left out; when fewer than half of the name's characters are known the
 * draft is empty and the commit names the indicator "Indicator &lt;code&gt;". Never the Chinese name
 * copied, never pinyin. The planner edits the draft on the review page.
 */
public final class EnglishNames {

    private static final Map<String, String> GLOSSARY = new LinkedHashMap<>();

    /** Words that name a rate or share: they come first in English ("Coverage of …"). */
    private static final List<String> LEADING = List.of("覆盖率", "普及率", "渗透率", "比例", "比重", "占比", "达标率",
            "使用率", "利用率", "接入率", "增长率", "增速", "率");

    static {
        String[][] words = {
            {"固定宽带", "fixed broadband"}, {"移动宽带", "mobile broadband"}, {"宽带", "broadband"},
            {"光纤到户", "FTTH"}, {"光纤入户", "FTTH"}, {"光纤", "fibre"}, {"光缆", "optical cable"},
            {"互联网", "internet"}, {"移动互联网", "mobile internet"}, {"物联网", "internet of things"},
            {"云计算", "cloud computing"}, {"大数据", "big data"}, {"数据中心", "data centre"}, {"电子商务", "e-commerce"},
            {"电子政务", "e-government"}, {"信息消费", "information consumption"}, {"信息化", "informatization"},
            {"信息", "information"}, {"软件", "software"}, {"软件和信息技术服务业", "software and IT services"},
            {"电子信息", "electronic information"}, {"制造业", "manufacturing"}, {"产业", "industry"},
            {"两化融合", "integration of informatization and industrialization"}, {"融合", "integration"},
            {"用户", "users"}, {"家庭", "households"}, {"户", "households"}, {"企业", "enterprises"},
            {"行政村", "administrative villages"}, {"自然村", "natural villages"}, {"村", "villages"},
            {"城市", "urban"}, {"城镇", "urban"}, {"农村", "rural"}, {"乡镇", "townships"}, {"学校", "schools"},
            {"医院", "hospitals"}, {"基站", "base stations"}, {"4G", "4G"}, {"5G", "5G"}, {"3G", "3G"},
            {"出口带宽", "outbound bandwidth"}, {"省际出口带宽", "inter-provincial outbound bandwidth"},
            {"带宽", "bandwidth"}, {"接入能力", "access capacity"}, {"接入", "access"}, {"端口", "ports"},
            {"网络", "network"}, {"网民", "internet users"}, {"网站", "websites"}, {"网上", "online"},
            {"在线", "online"}, {"服务", "services"}, {"政务服务", "government services"}, {"平台", "platforms"},
            {"交易额", "transaction volume"}, {"销售额", "sales"}, {"收入", "revenue"}, {"业务收入", "business revenue"},
            {"规模", "size"}, {"总量", "total"}, {"总额", "total"}, {"增加值", "value added"}, {"产值", "output value"},
            {"投资", "investment"}, {"数量", "number"}, {"个数", "number"}, {"人数", "number of people"},
            {"覆盖率", "coverage"}, {"覆盖", "coverage"}, {"普及率", "penetration"}, {"渗透率", "penetration"},
            {"比例", "share"}, {"比重", "share"}, {"占比", "share"}, {"达标率", "compliance rate"},
            {"使用率", "usage rate"}, {"利用率", "utilisation rate"}, {"接入率", "access rate"}, {"增长率", "growth rate"},
            {"增速", "growth rate"}, {"率", "rate"}, {"指数", "index"}, {"发展", "development"}, {"水平", "level"},
            {"速率", "speed"}, {"平均", "average"}, {"人均", "per capita"}, {"每百户", "per 100 households"},
            {"每百人", "per 100 people"}, {"移动电话", "mobile phones"}, {"电话", "telephone"}, {"电视", "television"},
            {"智慧城市", "smart cities"}, {"智能", "smart"}, {"示范", "demonstration"}, {"园区", "parks"},
            {"项目", "projects"}, {"工程", "projects"}, {"人才", "professionals"}, {"培训", "training"},
            {"应用", "applications"}, {"系统", "systems"}, {"数字", "digital"}, {"移动", "mobile"}, {"通信", "telecom"},
            {"电信", "telecom"}, {"新增", "new"}, {"建成", "built"}, {"建设", "construction"}, {"全区", ""},
            {"全省", ""}, {"全市", ""}, {"全县", ""}, {"全国", "national"}, {"通", "with"}, {"的", ""}, {"和", "and"},
            {"与", "and"}, {"及", "and"}, {"、", "and"}, {"研发", "R&D"}, {"经费", "spending"}, {"专利", "patents"},
            {"上网", "internet access"}, {"公共", "public"}, {"无线", "wireless"}, {"局域网", "local area network"},
            {"机架", "racks"}, {"服务器", "servers"}, {"存储", "storage"}, {"卫星", "satellite"}, {"有线", "cable"},
            {"目标", "goals"}, {"主要", "main"}, {"总体", "overall"}, {"发展目标", "development goals"},
            // the words of headings, tasks and 责任单位 (sections, tasks and organisations a document brings)
            {"现状", "current state"}, {"发展现状", "current state"}, {"发展基础", "foundations"}, {"基础", "foundations"},
            {"基础设施", "infrastructure"}, {"信息基础设施", "information infrastructure"}, {"任务", "tasks"},
            {"主要任务", "main tasks"}, {"重点任务", "key tasks"}, {"保障措施", "safeguards"}, {"措施", "measures"},
            {"保障", "safeguards"}, {"总体要求", "general requirements"}, {"要求", "requirements"},
            {"具体目标", "specific goals"}, {"总体目标", "overall goals"}, {"主要目标", "main goals"},
            {"指导思想", "guiding thought"}, {"基本原则", "principles"}, {"组织领导", "leadership"},
            {"统筹协调", "coordination"}, {"加强", "strengthen"}, {"推进", "advance"}, {"推动", "promote"},
            {"加快", "accelerate"}, {"实施", "implement"}, {"促进", "promote"}, {"提升", "raise"}, {"培育", "foster"},
            {"扩大", "expand"}, {"升级", "upgrading"}, {"改造", "upgrading"}, {"演进", "evolution"}, {"安全", "security"},
            {"网络安全", "cybersecurity"}, {"信息安全", "information security"}, {"政务", "government"},
            {"消费", "consumption"}, {"经济", "economy"}, {"数据", "data"}, {"统一", "unified"}, {"协调", "coordination"},
            {"新业态", "new business forms"}, {"覆盖面", "coverage"}, {"公共服务", "public services"}, {"体系", "system"},
            {"乡村", "rural"}, {"城乡", "urban and rural"}, {"全覆盖", "full coverage"}, {"水平", "level"},
            {"通信管理局", "Communications Administration"}, {"发展改革委", "Development and Reform Commission"},
            {"发改委", "Development and Reform Commission"},
            {"工业和信息化委", "Industry and Information Technology Commission"},
            {"工业和信息化厅", "Department of Industry and Information Technology"},
            {"工信委", "Industry and Information Technology Commission"},
            {"经信委", "Economy and Information Technology Commission"}, {"网信办", "Cyberspace Affairs Office"},
            {"科技厅", "Department of Science and Technology"}, {"商务厅", "Department of Commerce"},
            {"财政厅", "Department of Finance"}, {"政府办公厅", "General Office of the Government"},
            {"政务服务数据管理局", "Government Services and Data Administration"}, {"人民政府", "People's Government"},
            {"自治区", "Autonomous Region"}, {"省", "Provincial"}, {"办公厅", "General Office"},
            {"管理局", "Administration"}, {"发展局", "Development Bureau"}, {"局", "Bureau"}, {"委员会", "Commission"},
        };
        List<String[]> sorted = new ArrayList<>(List.of(words));
        sorted.sort(Comparator.comparingInt((String[] w) -> -w[0].length()));
        sorted.forEach(w -> GLOSSARY.put(w[0], w[1]));
    }

    private EnglishNames() {}

    /** The draft English name of {@code zh}, or "" when the glossary knows too little of it. */
    public static String draft(String zh) {
        String name = zh == null ? "" : zh.strip();
        if (name.isEmpty()) {
            return "";
        }
        String lead = "";
        for (String l : LEADING) {
            if (name.endsWith(l) && name.length() > l.length()) {
                lead = GLOSSARY.get(l);
                name = name.substring(0, name.length() - l.length());
                break;
            }
        }
        List<String> out = new ArrayList<>();
        int known = 0;
        int i = 0;
        while (i < name.length()) {
            String hit = null;
            for (String w : GLOSSARY.keySet()) {
                if (name.startsWith(w, i)) {
                    hit = w;
                    break;
                }
            }
            if (hit == null) {
                char c = name.charAt(i);
                if (c < 0x80 && Character.isLetterOrDigit(c)) {
                    int j = i;
                    while (j < name.length() && name.charAt(j) < 0x80 && Character.isLetterOrDigit(name.charAt(j))) {
                        j++;
                    }
                    out.add(name.substring(i, j)); // Latin letters and digits as written (IPv6, 4K)
                    known += j - i;
                    i = j;
                } else {
                    i++;
                }
                continue;
            }
            String en = GLOSSARY.get(hit);
            if (!en.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(en))) {
                out.add(en);
            }
            known += hit.length();
            i += hit.length();
        }
        if (known * 2 < name.length() || (out.isEmpty() && lead.isEmpty())) {
            return "";
        }
        String body = String.join(" ", out).replaceAll("^(and|with) |( and| with)$", "").strip();
        String result = lead.isEmpty() ? body : body.isEmpty() ? lead : lead + " of " + body;
        return result.isEmpty() ? "" : Character.toUpperCase(result.charAt(0)) + result.substring(1);
    }
}

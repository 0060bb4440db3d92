package org.yardstick.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.framework.Indicators;
import org.yardstick.framework.Plans;
import org.yardstick.observation.DataSets;
import org.yardstick.region.Organisations;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;

/**
 * Names where a person reads, instead of codes (issue 15 item 4): pages ask
 * {@code ${@names.region('650102', #locale)}} → 天山区, {@code ${@names.status('DRAFT', #locale)}} → 草稿,
 * {@code ${@names.key('observation', 'MOBILE_USERS/650102/2025', #locale)}} → 移动电话用户数 · 天山区 · 2025.
 * An unknown code is shown as it is (a retired or mistyped code must stay visible, never vanish).
 */
@Component("names")
public class Names implements org.yardstick.web.NameLookup {

    /** Codes a person may meet in recorded text: an indicator, region, data set or organisation code. */
    private static final Pattern SEPARATORS = Pattern.compile("\\s*[,，、;；]\\s*");

    private final Regions regions;
    private final Indicators indicators;
    private final Organisations organisations;
    private final DataSets dataSets;
    private final Accounts accounts;
    private final Plans plans;
    private final MessageSource messages;

    /** An enum's value recorded in the trail: the bundle keys that may name it, by field (first found wins). */
    private static final java.util.Map<String, List<String>> ENUM_KEYS = java.util.Map.ofEntries(
            java.util.Map.entry("kind", List.of("target.kind.", "validation.kind.")),
            java.util.Map.entry("qualifier", List.of("qualifier.")),
            java.util.Map.entry("polarity", List.of("polarity.")),
            java.util.Map.entry("aggregation", List.of("aggregation.")),
            java.util.Map.entry("nature", List.of("nature.")),
            java.util.Map.entry("change_unit", List.of("authoring.change-unit.")),
            java.util.Map.entry("period_rule", List.of("authoring.period-rule.")),
            java.util.Map.entry("measure", List.of("measure.")));
    private static final List<String> ANY_ENUM = List.of("collect.status.", "role.", "target.kind.", "validation.kind.",
            "measure.", "nature.", "polarity.", "aggregation.");
    private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    Names(Regions regions, Indicators indicators, Organisations organisations, DataSets dataSets, Accounts accounts,
          Plans plans, MessageSource messages) {
        this.regions = regions;
        this.indicators = indicators;
        this.organisations = organisations;
        this.dataSets = dataSets;
        this.accounts = accounts;
        this.plans = plans;
        this.messages = messages;
    }

    /** Looks a name up once per request (an audit page names the same units and indicators many times). */
    private String cached(String kind, String code, Locale locale, java.util.function.Supplier<String> lookup) {
        var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookup.get();
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> cache = (java.util.Map<String, String>) request.getAttribute(Names.class.getName(),
                org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new java.util.HashMap<>();
            request.setAttribute(Names.class.getName(), cache, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        String key = kind + "\u0000" + locale.getLanguage() + "\u0000" + code;
        String hit = cache.get(key);
        if (hit == null) {
            hit = lookup.get();
            cache.put(key, hit);
        }
        return hit;
    }

    /** A plan's name; the code itself if unknown. */
    public String plan(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return cached("plan", code, locale, () -> plans.find(code).map(p -> p.name().in(locale)).orElse(code));
    }

    /**
     * Any code a person may meet in recorded text, as a name: an indicator, a data set, an organisation,
     * a plan or a region, tried in that order; a list ({@code xj-jxw,xj-fgw}) name by name; the text itself
     * if it names nothing known.
     */
    public String anyCode(@Nullable String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return text == null ? "" : text;
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        String[] codes = SEPARATORS.split(t);
        if (codes.length > 1) {
            List<String> out = new ArrayList<>();
            for (String c : codes) {
                out.add(anyCode(c, locale));
            }
            return String.join(message("names.separator", locale, "、"), out);
        }
        if (t.length() > 1 && t.endsWith("?")) {
            // a data set's optional indicator, as its audit rows write it (BB_USERS?)
            return anyCode(t.substring(0, t.length() - 1), locale) + message("names.optional", locale, " (optional)");
        }
        String code = t;
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || code.length() > 80) {
            return text;
        }
        return cached("any", code, locale, () -> {
            var i = indicators.find(code);
            if (i.isPresent()) {
                return i.get().name().in(locale);
            }
            var d = dataSets.find(code);
            if (d.isPresent()) {
                return d.get().name().in(locale);
            }
            var o = organisations.find(code);
            if (o.isPresent()) {
                return shortOrFull(o.get(), locale);
            }
            var p = plans.find(code);
            if (p.isPresent()) {
                return p.get().name().in(locale);
            }
            return code.matches("\\d+|[A-Z]{2}") ? regions.find(code).map(r -> r.name().in(locale)).orElse(code) : code;
        });
    }

    /** A region's name: 天山区 / Tianshan District; the code itself if unknown. */
    public String region(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return regions.find(code).map(r -> r.name().in(locale)).orElse(code);
    }

    /** An indicator's name; the code itself if unknown. */
    public String indicator(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return indicators.find(code).map(i -> i.name().in(locale)).orElse(code);
    }

    /** A data set's name; the code itself if unknown. */
    public String dataSet(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return dataSets.find(code).map(d -> d.name().in(locale)).orElse(code);
    }

    /** An organisation's name (its short name where it has one); the code itself if unknown. */
    public String organisation(@Nullable String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return organisations.find(code).map(o -> shortOrFull(o, locale)).orElse(code);
    }

    private static String shortOrFull(org.yardstick.region.Organisation o, Locale locale) {
        String shortName = o.shortName().in(locale);
        return shortName.isBlank() ? o.name().in(locale) : shortName;
    }

    /** A list of organisation codes as written in a field ({@code xj-jxw、xj-fgw}) → 自治区经信厅、自治区发展改革委. */
    public String organisations(@Nullable String codes, Locale locale) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (String code : SEPARATORS.split(codes.strip())) {
            if (!code.isEmpty()) {
                names.add(organisation(code, locale));
            }
        }
        return String.join(message("names.separator", locale, "、"), names);
    }

    /** Who did it: the account's display name, the username if the account is gone; 系统 for the platform. */
    public String person(@Nullable String username, Locale locale) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if (username.equals("system")) {
            return message("names.system", locale, "system");
        }
        return accounts.find(username).map(a -> a.displayName()).filter(n -> !n.isBlank()).orElse(username);
    }

    /** A submission's status word: 草稿 / Draft; accepts any case (approved, APPROVED). */
    public String status(@Nullable String status, Locale locale) {
        if (status == null || status.isBlank()) {
            return "";
        }
        return message("collect.status." + status.strip().toUpperCase(Locale.ROOT), locale, status);
    }

    /** A role's name: 企业 / Enterprise. */
    public String role(@Nullable String role, Locale locale) {
        if (role == null || role.isBlank()) {
            return "";
        }
        return message("role." + role.strip().toUpperCase(Locale.ROOT), locale, role);
    }

    /**
     * The readable key of an audited thing: an observation's {@code INDICATOR/REGION/PERIOD[/category]}
     * as indicator · region · period, a submission's {@code DATASET/REGION/PERIOD} as data set · region · period,
     * a region's or organisation's code as its name, anything else as recorded.
     */
    public String key(String entityType, @Nullable String key, Locale locale) {
        if (key == null || key.isBlank()) {
            return "";
        }
        String[] parts = key.split("/");
        String sep = " · ";
        return switch (entityType) {
            case "observation" -> parts.length >= 3
                    ? indicator(parts[0], locale) + sep + region(parts[1], locale) + sep + parts[2]
                        + (parts.length > 3 ? sep + String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length)) : "")
                    : key;
            case "submission" -> parts.length == 3
                    ? dataSet(parts[0], locale) + sep + region(parts[1], locale) + sep + parts[2] : key;
            case "region" -> region(key, locale);
            case "organisation" -> organisation(key, locale);
            case "data_set" -> dataSet(key, locale);
            case "account" -> person(key, locale);
            case "plan" -> plan(key, locale);
            case "indicator" -> indicator(key, locale);
            default -> parts.length >= 2 && plans.find(parts[0]).isPresent()
                    ? plan(parts[0], locale) + sep + String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length))
                    : anyCode(key, locale);
        };
    }

    /** A recorded field's label: {@code status} → 状态; the field itself if the bundle has no label. */
    public String field(@Nullable String field, Locale locale) {
        if (field == null || field.isBlank()) {
            return "";
        }
        if (field.startsWith("comment.")) { // a reviewer's comment on one value: 对“宽带用户数”的意见
            return messages.getMessage("audit.field.value-comment", new Object[] {indicator(field.substring(8), locale)},
                    field, locale);
        }
        String label = messages.getMessage("audit.field." + field, null, null, locale);
        return label != null ? label : anyCode(field, locale);
    }

    /** A recorded value in words: statuses, roles, yes/no, organisation lists; other values as recorded. */
    public String value(@Nullable String field, @Nullable String value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (field == null) {
            return value;
        }
        return switch (field) {
            case "status" -> status(value, locale);
            case "role" -> role(value, locale);
            case "region", "region_code" -> region(value, locale);
            case "organisation", "organisation_code", "lead", "lead_unit" -> organisation(value, locale);
            case "co_units", "coUnits", "co-units" -> organisations(value, locale);
            case "channel" -> message("audit.channel." + value.toLowerCase(Locale.ROOT), locale, value);
            default -> switch (value) {
                case "true" -> message("names.yes", locale, value);
                case "false" -> message("names.no", locale, value);
                default -> UPPER.matcher(value).matches() ? enumWord(field, value, locale) : anyCode(value, locale);
            };
        };
    }

    /** An enum value's word (同比变化 for YOY_CHANGE), by the field's keys first; an indicator code's name otherwise. */
    private String enumWord(String field, String value, Locale locale) {
        List<String> prefixes = new ArrayList<>(ENUM_KEYS.getOrDefault(field, List.of()));
        prefixes.addAll(ANY_ENUM);
        for (String prefix : prefixes) {
            String w = messages.getMessage(prefix + value, null, null, locale);
            if (w != null && !w.isBlank()) {
                return w;
            }
        }
        return anyCode(value, locale);
    }

    /** An audited kind of thing: 数据 / figure. */
    public String entityType(String entityType, Locale locale) {
        return message("audit.entity." + entityType, locale, entityType);
    }

    /** An audited action: 提交 / submitted. */
    public String action(String action, Locale locale) {
        return message("history.action." + action, locale, action);
    }

    private String message(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}

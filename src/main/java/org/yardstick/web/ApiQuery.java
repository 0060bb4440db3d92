package org.yardstick.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.ProblemKind;

/**
 * The reading conventions of the API (docs: api.md "Reading") in one place: {@code page}/{@code size}
 * with a largest page, {@code period=2018..2023}, {@code fields=code,value}; the answer a page of a
 * list with {@code Link} (first, prev, next, last), {@code X-Total-Count} and a public
 * {@code Cache-Control}. A parameter that cannot be read is refused with {@link BadParameters} (400,
 * every problem at once), never ignored.
 */
public final class ApiQuery {

    /** The largest page a client may ask for; also the page size when it asks for none. */
    public static final int MAX_SIZE = 1000;
    /** Years a period filter may name; anything outside is a typing error. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    /** How long a shared cache may keep a public answer before it revalidates with its ETag. */
    public static final CacheControl PUBLIC = CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();

    private static final String SOURCE = "query";

    private ApiQuery() {}

    /** What can be wrong with a query parameter. */
    public enum Problem implements ProblemKind {
        NOT_POSITIVE("api.not-positive", "must be a whole number of at least 1"),
        PAGE_TOO_LARGE("api.page-too-large", "is larger than the largest page size, {0,number,#}"),
        NOT_A_PERIOD("api.not-a-period", "must be a year or a range of years such as 2018..2023"),
        REVERSED("api.period-reversed", "starts after it ends"),
        YEAR_OUT_OF_RANGE("api.year-out-of-range", "years must lie between {0,number,#} and {1,number,#}"),
        NOT_ACCEPTABLE("api.not-acceptable", "cannot be answered; this resource answers {0}");

        private final String key;
        private final String template;

        Problem(String key, String template) {
            this.key = key;
            this.template = template;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String template() {
            return template;
        }
    }

    /** Parameters that cannot be read: answered 400 with a {@code problems} list. */
    public static final class BadParameters extends RuntimeException {
        private final List<InputProblem> problems;

        public BadParameters(List<InputProblem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<InputProblem> problems() {
            return problems;
        }
    }

    /** A client asked more often than its limit allows in the current window. */
    public static final class TooManyRequests extends RuntimeException {
        private final long retryAfterSeconds;
        private final int limit;

        public TooManyRequests(int limit, long retryAfterSeconds) {
            super("more than " + limit + " requests in the window; retry after " + retryAfterSeconds + " s");
            this.limit = limit;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int limit() {
            return limit;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A page of a list: 1-based number and size. */
    public record Page(int page, int size) {
        int from(int total) {
            return (int) Math.min((long) (page - 1) * size, total);
        }
    }

    /** What a list request asks besides its filters: the page and the fields. */
    public record Reading(Page page, List<String> fields) {}

    /** Reads {@code page}, {@code size} and {@code fields} (the components of {@code type}), adding what is wrong to problems. */
    public static Reading reading(@Nullable String page, @Nullable String size, @Nullable String fields,
                                  Class<? extends Record> type, List<InputProblem> problems) {
        return new Reading(page(page, size, problems), fields(fields, fieldsOf(type), problems));
    }

    /** A range of years, both ends included. */
    public record Years(int from, int to) {
        public boolean contains(int year) {
            return year >= from && year <= to;
        }
    }

    public static InputProblem problem(String parameter, @Nullable String value, ProblemKind kind, Object... args) {
        return InputProblem.of(SOURCE, 0, parameter, value, kind, args);
    }

    /** Throws {@link BadParameters} when anything was found wrong. */
    public static void refuse(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new BadParameters(problems);
        }
    }

    public static Page page(@Nullable String page, @Nullable String size, List<InputProblem> problems) {
        int p = positive("page", page, 1, problems);
        int s = positive("size", size, MAX_SIZE, problems);
        if (s > MAX_SIZE) {
            problems.add(problem("size", size, Problem.PAGE_TOO_LARGE, MAX_SIZE));
        }
        return new Page(p, Math.min(s, MAX_SIZE));
    }

    private static int positive(String name, @Nullable String text, int otherwise, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(problem(name, text, Problem.NOT_POSITIVE));
        return otherwise;
    }

    /** {@code 2020} or {@code 2018..2023} (either end may be left open: {@code 2018..}, {@code ..2020}). */
    public static @Nullable Years years(@Nullable String period, List<InputProblem> problems) {
        if (period == null || period.isBlank()) {
            return null;
        }
        String text = period.strip();
        String[] ends = text.contains("..") ? text.split("\\.\\.", -1) : new String[] {text, text};
        if (ends.length != 2) {
            problems.add(problem("period", period, Problem.NOT_A_PERIOD));
            return null;
        }
        Integer from = year(ends[0], FIRST_YEAR);
        Integer to = year(ends[1], LAST_YEAR);
        if (from == null || to == null || (ends[0].isBlank() && ends[1].isBlank())) {
            problems.add(problem("period", period, Problem.NOT_A_PERIOD));
            return null;
        }
        if (from < FIRST_YEAR || to > LAST_YEAR || from > LAST_YEAR || to < FIRST_YEAR) {
            problems.add(problem("period", period, Problem.YEAR_OUT_OF_RANGE, FIRST_YEAR, LAST_YEAR));
            return null;
        }
        if (from > to) {
            problems.add(problem("period", period, Problem.REVERSED));
            return null;
        }
        return new Years(from, to);
    }

    private static @Nullable Integer year(String text, int open) {
        if (text.isBlank()) {
            return open;
        }
        String t = text.strip();
        if (!t.matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(t);
    }

    /** The names a record type offers to {@code fields=}. */
    public static Set<String> fieldsOf(Class<? extends Record> type) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /** The fields asked for, in the order asked; empty for all. Unknown names are problems. */
    public static List<String> fields(@Nullable String fields, Set<String> known, List<InputProblem> problems) {
        if (fields == null || fields.isBlank()) {
            return List.of();
        }
        List<String> asked = new ArrayList<>();
        for (String f : fields.split(",")) {
            String name = f.strip();
            if (name.isEmpty() || asked.contains(name)) {
                continue;
            }
            if (!known.contains(name)) {
                problems.add(InputProblem.of(SOURCE, 0, "fields", name, FileProblem.UNKNOWN_FIELD,
                        String.join(", ", new TreeSet<>(known))));
            } else {
                asked.add(name);
            }
        }
        return asked;
    }

    /** A value is one of the allowed ones (case-sensitive); otherwise a problem naming them. */
    public static void oneOf(String parameter, @Nullable String value, Set<String> allowed, List<InputProblem> problems) {
        if (value != null && !value.isBlank() && !allowed.contains(value)) {
            problems.add(problem(parameter, value, FileProblem.NOT_ONE_OF, String.join(", ", new TreeSet<>(allowed))));
        }
    }

    /**
     * One page of a list in its stable order, each item whole or with the fields asked for, with
     * {@code Link} (first, prev, next, last: the request's own URL with another {@code page}),
     * {@code X-Total-Count} and a public {@code Cache-Control} (the ETag comes from the content).
     */
    public static ResponseEntity<List<?>> answer(List<? extends Record> all, Page page, List<String> fields,
                                                 HttpServletRequest request) {
        List<? extends Record> shown = slice(all, page);
        List<?> body = fields.isEmpty() ? shown : shown.stream().map(r -> select(r, fields)).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC).headers(pageHeaders(all.size(), page, request)).body(body);
    }

    public static ResponseEntity<List<?>> answer(List<? extends Record> all, Reading reading, HttpServletRequest request) {
        return answer(all, reading.page(), reading.fields(), request);
    }

    /**
     * A page the database already cut (its items, and the total the filter matches): the same answer as
     * {@link #answer(List, Reading, HttpServletRequest)} without reading the whole list.
     */
    public static ResponseEntity<List<?>> answerPage(List<? extends Record> shown, long total, Reading reading,
                                                     HttpServletRequest request) {
        List<?> body = reading.fields().isEmpty() ? shown : shown.stream().map(r -> select(r, reading.fields())).toList();
        return ResponseEntity.ok().cacheControl(PUBLIC)
                .headers(pageHeaders((int) Math.min(total, Integer.MAX_VALUE), reading.page(), request)).body(body);
    }

    /** Where a page starts in the whole list. */
    public static long offset(Page page) {
        return (long) (page.page() - 1) * page.size();
    }

    /** The items of a page. */
    public static <T> List<T> slice(List<T> all, Page page) {
        int from = page.from(all.size());
        return all.subList(from, Math.min(from + page.size(), all.size()));
    }

    /** {@code Link} (first, prev, next, last) and {@code X-Total-Count} of a page of a list of {@code total} items. */
    public static HttpHeaders pageHeaders(int total, Page page, HttpServletRequest request) {
        int last = Math.max(1, (total + page.size() - 1) / page.size());
        List<String> links = new ArrayList<>();
        links.add(link(request, 1, page.size(), "first"));
        if (page.page() > 1) {
            links.add(link(request, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(request, page.page() + 1, page.size(), "next"));
        }
        links.add(link(request, last, page.size(), "last"));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.LINK, String.join(", ", links));
        headers.set("X-Total-Count", Integer.toString(total));
        headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Link, X-Total-Count, ETag, Retry-After, X-RateLimit-Limit, "
                + "X-RateLimit-Remaining, X-RateLimit-Reset");
        return headers;
    }

    private static String link(HttpServletRequest request, int page, int size, String rel) {
        var builder = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page)
                .replaceQueryParam("size", size);
        String url;
        try {
            url = builder.build(true).toUriString(); // the query arrived encoded: keep it as it is
        } catch (IllegalArgumentException raw) {
            url = builder.build().encode().toUriString();
        }
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    /** The fields of a record by name, in the order asked. */
    public static Map<String, @Nullable Object> select(Record r, List<String> fields) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            byName.put(c.getName(), c);
        }
        for (String f : fields) {
            RecordComponent c = byName.get(f);
            if (c == null) {
                continue;
            }
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                out.put(f, accessor.invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + f + " of " + r.getClass(), e);
            }
        }
        return out;
    }
}

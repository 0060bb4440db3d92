package org.yardstick.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yardstick.shared.TableDownload;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a download request of any public table: the table streamed in the format asked
 * for ({@code csv}, {@code xlsx}, {@code json}; {@code bom=true} for Excel's CSV), as an attachment;
 * or, for a format that is none of these, a 400 problem detail naming it (never a 500).
 */
public final class Downloads {

    private Downloads() {}

    /** Problem details are written by hand here: the streamed answer has no message converter. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The table in the format, or a problem detail (400) when the format is unknown. */
    public static ResponseEntity<StreamingResponseBody> answer(TableDownload table, @Nullable String format, boolean bom,
                                                               MessageSource messages, Locale locale) {
        Optional<TableDownload.Format> f = TableDownload.Format.of(format == null ? "csv" : format);
        if (f.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", "urn:yardstick:bad-parameter");
            p.put("title", messages.getMessage("api.bad-parameter", new Object[] {"format"},
                    "parameter format has an invalid value", locale));
            p.put("status", HttpStatus.BAD_REQUEST.value());
            p.put("detail", messages.getMessage("download.bad-format", new Object[] {format},
                    "unknown format " + format + ": csv, xlsx or json", locale));
            p.put("field", "format");
            p.put("value", format);
            byte[] body = JSON.writeValueAsBytes(p);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(out -> out.write(body));
        }
        TableDownload.Format chosen = f.get();
        StreamingResponseBody body = out -> table.write(chosen, bom, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(chosen.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table.fileName(chosen), StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * The table as {@link #answer(TableDownload, String, boolean, MessageSource, Locale)}, with a weak ETag made
     * of {@code state} (what the table's data is made of, read cheaply) and the format, byte-order mark and
     * language asked: when {@code If-None-Match} names it, 304 and the table is neither read nor written.
     */
    public static ResponseEntity<StreamingResponseBody> answer(TableDownload table, @Nullable String format, boolean bom,
                                                               MessageSource messages, Locale locale, String state,
                                                               @Nullable String ifNoneMatch) {
        Optional<TableDownload.Format> f = TableDownload.Format.of(format == null ? "csv" : format);
        if (f.isEmpty()) {
            return answer(table, format, bom, messages, locale);
        }
        String etag = "W/" + ETags.ofContent(String.join("|", state, f.get().name(), Boolean.toString(bom),
                locale.toLanguageTag()));
        if (ETags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        ResponseEntity<StreamingResponseBody> ok = answer(table, format, bom, messages, locale);
        return ResponseEntity.ok().headers(ok.getHeaders()).eTag(etag).body(ok.getBody());
    }

    /** The language of a download: English when the request's locale is English, Chinese otherwise. */
    public static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}

package org.yardstick.reading;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;
import org.yardstick.framework.Document;
import org.yardstick.framework.Documents;

/**
 * Titles of source documents for pages ({@code ${@documentTitles.of(code, #locale)}}), read once per
 * request.
 */
@Component("documentTitles")
@RequestScope
class DocumentTitles {

    private final Documents documents;
    private final Map<String, Document> byCode = new ConcurrentHashMap<>();

    DocumentTitles(Documents documents) {
        this.documents = documents;
    }

    /** The document's title in the language, or its code if it is unknown. */
    public String of(String code, Locale locale) {
        if (byCode.isEmpty()) {
            documents.all().forEach(d -> byCode.put(d.code(), d));
        }
        Document d = byCode.get(code);
        return d == null ? code : d.title().in(locale);
    }
}

package org.yardstick.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The versioned URL of a static file, for the few links to static files a page has
 * ({@code th:href="${@assets.url('/css/yardstick.css')}"} → {@code /css/yardstick-<md5>.css}): the
 * content changes the URL, so browsers may keep the file for a year. Only these links are resolved
 * (WebConfig leaves the filter that would resolve every link of a page off); each once.
 */
@Component("assets")
public class Assets {

    private final ObjectProvider<ResourceUrlProvider> provider;
    private final String contextPath;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** Without a servlet context (the command-line tools start no web server) there are no pages to link from. */
    Assets(ObjectProvider<ResourceUrlProvider> provider, ObjectProvider<jakarta.servlet.ServletContext> servlet) {
        this.provider = provider;
        jakarta.servlet.ServletContext context = servlet.getIfAvailable();
        this.contextPath = context == null ? "" : context.getContextPath();
    }

    /** The versioned path of a static file; the path itself when resources are not versioned. */
    public String url(String path) {
        String known = urls.get(path);
        if (known != null) {
            return known;
        }
        ResourceUrlProvider p = provider.getIfAvailable();
        String versioned = p == null ? null : p.getForLookupPath(path);
        String url = contextPath + (versioned == null ? path : versioned);
        urls.put(path, url);
        return url;
    }
}

package org.yardstick.publish.api;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yardstick.web.ApiQuery;

/** The API guide (接口指南): one page of curl examples for the main reads and a write, in both languages. */
@Controller
class ApiGuideController {

    /** One part of the guide: the message key of its heading (and {@code key.text} of its sentence) and its commands. */
    record Section(String key, List<Object> args, String example) {}

    private final RateLimit limit;

    ApiGuideController(RateLimit limit) {
        this.limit = limit;
    }

    @GetMapping("/api-guide")
    String guide(Model model) {
        String b = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        int max = ApiQuery.MAX_SIZE;
        model.addAttribute("sections", List.of(
                new Section("apiguide.list", List.of(), """
                        curl -s '%1$s/api/v1/plans'
                        curl -s '%1$s/api/v1/indicators?fields=code,name,unit'""".formatted(b)),
                new Section("apiguide.paging", List.of(max), """
                        curl -si '%1$s/api/v1/indicators/IIDI/observations?page=2&size=10'
                        # Link: <…?page=1&size=10>; rel="first", <…?page=1&size=10>; rel="prev", <…?page=3&size=10>; rel="next", …
                        # X-Total-Count: 42""".formatted(b)),
                new Section("apiguide.filter", List.of(), """
                        curl -s '%1$s/api/v1/indicators/IIDI/observations?region=65&descendants=true&period=2015..2020&breakdown=_T&fields=region,period,value'
                        curl -s '%1$s/api/v1/plans/xj-info-13fyp/targets?status=cannot_be_judged&fields=code,indicator,progress'
                        curl -s '%1$s/api/v1/plans/xj-info-13fyp/tasks?status=overdue&fields=code,title,lead,status'
                        curl -s '%1$s/api/v1/indices/IDI/scores?period=2020&page=1&size=100'""".formatted(b)),
                new Section("apiguide.etag", List.of(), """
                        curl -si '%1$s/api/v1/plans' | grep -i etag
                        # ETag: "0a1b2c3d…"
                        curl -si -H 'If-None-Match: "0a1b2c3d…"' '%1$s/api/v1/plans'
                        # HTTP/1.1 304""".formatted(b)),
                new Section("apiguide.limit", List.of(limit.limit(), limit.windowSeconds()), """
                        curl -si '%1$s/api/v1/plans' | grep -i x-ratelimit
                        # X-RateLimit-Limit: %2$d
                        # X-RateLimit-Remaining: %3$d
                        # … beyond the limit: HTTP/1.1 429, Retry-After: <seconds>""".formatted(b, limit.limit(),
                        limit.limit() - 1)),
                new Section("apiguide.token", List.of(), """
                        curl -s -X POST -H 'Authorization: Bearer ys_…' -H 'Content-Type: text/csv' \\
                             --data-binary @figures.csv '%1$s/api/v1/figures?dataSet=xj-county-info&dryRun=true'""".formatted(b)),
                new Section("apiguide.errors", List.of(max), """
                        curl -s -H 'Accept-Language: en' '%1$s/api/v1/plans?size=5000'
                        # {"type": "urn:yardstick:bad-parameter", "status": 400, "problems": [{"field": "size", "value": "5000",
                        #   "reason": "is larger than the largest page size, %2$d"}]}""".formatted(b, max))));
        return "publish/api-guide";
    }
}

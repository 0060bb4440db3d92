package org.yardstick.publish.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI document ({@code /v3/api-docs}): title, description, contact and licence, the
 * problem-details schema every error answers with, and the shared error answers the operations refer to.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BAD_PARAMETER = "BadParameter";
    static final String NOT_FOUND = "NotFound";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String RATE_LIMITED = "RateLimited";

    static final String DESCRIPTION = """
            Monitoring and evaluation of development plans (信息化规划监测评估): plans, targets and their progress,
            the supervision status of tasks, indicators, regions, approved figures with their sources, and index
            scores at full precision.

            **Reading.** Anonymous clients read what the public portal shows (approved, published figures only).
            Lists are paged with `page` (from 1) and `size` (at most 1000, the default) in a stable order, with
            `Link` headers (first, prev, next, last) and `X-Total-Count`; `fields=code,value` selects fields;
            figures filter by `period=2018..2023`, `region=65&descendants=true`, `level=`, `breakdown=`; targets by
            `status=`. Every answer has an `ETag`; send it back in `If-None-Match` to get `304 Not Modified`.

            **Limits.** Anonymous clients may make 600 requests a minute per address (configurable); the
            answers say how many remain (`X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`),
            and beyond it `429` with `Retry-After`. Clients with a token or a password are not limited.

            **Writing** needs a personal access token (`Authorization: Bearer …`, made on the account page) or
            Basic; bulk writes take `dryRun=true`.

            **Errors** are RFC 9457 problem details (`application/problem+json`) in the language of
            `Accept-Language` (zh-CN by default, en), with a `problems` list naming the parameter or field, the
            value and the reason of every problem. The API guide with curl examples: `/api-guide`.""";

    /**
     * The contact and the licence are the deployer's: {@code yardstick.api.contact-name}, {@code -url},
     * {@code -email}; {@code yardstick.api.licence-name}, {@code -url} (no licence is claimed when unset).
     */
    @Bean
    OpenAPI yardstickOpenApi(@Value("${yardstick.api.contact-name:Yardstick}") String contactName,
                             @Value("${yardstick.api.contact-url:/api-guide}") String contactUrl,
                             @Value("${yardstick.api.contact-email:}") String contactEmail,
                             @Value("${yardstick.api.licence-name:}") String licenceName,
                             @Value("${yardstick.api.licence-url:}") String licenceUrl) {
        Schema<?> problem = new ObjectSchema().description("one problem of the request")
                .addProperty("source", new StringSchema().example("query"))
                .addProperty("row", new IntegerSchema().description("row or line, 0 when not applicable").example(0))
                .addProperty("field", new StringSchema().example("size"))
                .addProperty("value", new StringSchema().example("5000"))
                .addProperty("code", new StringSchema().example("api.page-too-large"))
                .addProperty("reason", new StringSchema().example("is larger than the largest page size, 1000"));
        Schema<?> problemDetail = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:yardstick:bad-parameter"))
                .addProperty("title", new StringSchema().example("Bad request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("total", new IntegerSchema().description("how many problems there are"))
                .addProperty("problems", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Problem")));
        Components components = new Components()
                .addSchemas("Problem", problem)
                .addSchemas("ProblemDetail", problemDetail)
                .addResponses(BAD_PARAMETER, error("A query parameter cannot be read: every problem with its parameter, "
                        + "value and reason", """
                        {"type": "urn:yardstick:bad-parameter", "title": "Bad request", "status": 400,
                         "detail": "size=5000: is larger than the largest page size, 1000", "total": 1,
                         "problems": [{"source": "query", "row": 0, "field": "size", "value": "5000",
                                       "code": "api.page-too-large", "reason": "is larger than the largest page size, 1000"}]}"""))
                .addResponses(NOT_FOUND, error("No such code", """
                        {"type": "urn:yardstick:not-found", "status": 404, "detail": "unknown plan nope",
                         "kind": "plan", "code": "nope"}"""))
                .addResponses(NOT_ACCEPTABLE, error("No representation matches the Accept header", """
                        {"type": "urn:yardstick:not-acceptable", "title": "Not acceptable", "status": 406, "total": 1,
                         "problems": [{"source": "header", "row": 0, "field": "Accept", "value": "application/xml",
                                       "code": "api.not-acceptable", "reason": "cannot be answered; this resource answers application/json"}]}"""))
                .addResponses(RATE_LIMITED, error("Too many requests from this address in the current window", """
                        {"type": "urn:yardstick:rate-limited", "title": "Too many requests", "status": 429,
                         "detail": "more than 600 requests; retry after 42 s, or use a token",
                         "limit": 600, "retryAfter": 42}""")
                        .addHeaderObject("Retry-After", new Header().description("seconds until the window ends")
                                .schema(new IntegerSchema())));
        Info info = new Info().title("Yardstick API — 信息化规划监测评估").version("v1").description(DESCRIPTION)
                .contact(new Contact().name(contactName).url(contactUrl).email(contactEmail.isBlank() ? null : contactEmail));
        if (!licenceName.isBlank()) {
            info.license(new License().name(licenceName).url(licenceUrl.isBlank() ? null : licenceUrl));
        }
        return new OpenAPI()
                .info(info)
                .components(components)
                .tags(List.of(new Tag().name("public").description("Anonymous reads of what the portal publishes")));
    }

    private static ApiResponse error(String description, String example) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))
                        .addExamples("example", new Example().value(example))));
    }
}

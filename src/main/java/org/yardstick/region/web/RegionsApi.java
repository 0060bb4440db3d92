package org.yardstick.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.jobs.Jobs;
import org.yardstick.region.Channel;
import org.yardstick.region.DivisionImport;
import org.yardstick.region.Editor;
import org.yardstick.region.Editors;
import org.yardstick.region.Organisation;
import org.yardstick.region.OrganisationAuthoring;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionAuthoring.Draft;
import org.yardstick.region.RegionAuthoring;
import org.yardstick.region.Regions;
import org.yardstick.region.internal.RegionProblem;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.web.ETags;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authoring regions and organisations through the API: the same checks, scope and audit as the pages
 * (channel {@code api}). Reading is the public API's ({@code GET /api/v1/regions/{code}}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "regions", description = "Add, rename, move and retire regions and organisations (责任单位); import official divisions")
class RegionsApi {

    private static final String INVALID = "{\"type\":\"urn:yardstick:invalid-input\",\"title\":\"Unprocessable Content\","
            + "\"status\":422,\"detail\":\"1 problem(s) in input\",\"problems\":[{\"source\":\"request\",\"line\":2,"
            + "\"field\":\"parent\",\"value\":\"XX\",\"code\":\"region.unknown-parent\","
            + "\"reason\":\"is neither a stored region nor one added earlier in the input\"}]}";

    private final RegionAuthoring authoring;
    private final OrganisationAuthoring organisations;
    private final Regions regions;
    private final Editors editors;
    private final DivisionImport divisions;
    private final Jobs jobs;
    private final Organisations organisationsRepo;
    private final JsonMapper json;

    RegionsApi(RegionAuthoring authoring, OrganisationAuthoring organisations, Regions regions, Editors editors,
               DivisionImport divisions, Jobs jobs, Organisations organisationsRepo, JsonMapper json) {
        this.json = json;
        this.organisationsRepo = organisationsRepo;
        this.authoring = authoring;
        this.organisations = organisations;
        this.regions = regions;
        this.editors = editors;
        this.divisions = divisions;
        this.jobs = jobs;
    }

    /** A region as the authoring API answers it. */
    record RegionView(String code, @Nullable String parent, String level, String nameZh, String nameEn, String path,
                      int depth, boolean official, boolean retired) {}

    /** The answer to a bulk addition. */
    record AddedView(int count, List<String> codes, boolean dryRun) {}

    /** Fields to change; absent ones stay. */
    record RegionPatch(@Nullable String nameZh, @Nullable String nameEn, @Nullable String parent, @Nullable String reason) {}

    /** An organisation as the API answers it. */
    record OrganisationView(String code, String nameZh, String nameEn, String shortZh, String shortEn, String kind,
                            String region, List<String> aliases, boolean retired) {}

    /** The answer to an import started in the background. */
    record JobStarted(String job, String href) {}

    private Editor editor() {
        return editors.current().orElseThrow(() -> new AccessDeniedException("no account"));
    }

    private RegionView view(Region r) {
        String parent = r.parentId() == null ? null : regions.find(r.parentId()).map(Region::code).orElse(null);
        return new RegionView(r.code(), parent, r.level().name(), r.name().zh(), r.name().en(), r.path(), r.depth(),
                r.official(), authoring.isRetired(r.code()));
    }

    @PostMapping(path = "/regions", consumes = {"application/json", "text/csv"})
    @Operation(summary = "Add a region (a JSON object) or many (a JSON array or CSV), all or nothing",
            description = "Parents come before their children or are stored already. `level` is one of WORLD, GROUPING, "
                    + "COUNTRY, PROVINCE, PREFECTURE, COUNTY, TOWNSHIP, VILLAGE, CORPS, DIVISION, REGIMENT; a level must "
                    + "rank below its parent's (groupings may nest; levels may be skipped). CSV has the columns code, parent, "
                    + "level, name_zh, name_en (the header is row 1). Planners add inside their region, administrators "
                    + "anywhere (a region at the top only they). `?dryRun=true` checks and answers what would be added, "
                    + "writing nothing.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "one", value = "{\"code\":\"650102001\",\"parent\":\"650102\",\"level\":\"TOWNSHIP\","
                            + "\"nameZh\":\"燕儿窝街道\",\"nameEn\":\"Yanerwo Subdistrict\"}"),
                    @ExampleObject(name = "world and countries", value = "[{\"code\":\"WLD\",\"level\":\"WORLD\",\"nameZh\":\"世界\","
                            + "\"nameEn\":\"World\"},{\"code\":\"DEU\",\"parent\":\"WLD\",\"level\":\"COUNTRY\",\"nameZh\":\"德国\","
                            + "\"nameEn\":\"Germany\"},{\"code\":\"FRA\",\"parent\":\"WLD\",\"level\":\"COUNTRY\",\"nameEn\":\"France\"}]")}),
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv",
                        value = "code,parent,level,name_zh,name_en\nWLD,,WORLD,世界,World\nDEU,WLD,COUNTRY,德国,Germany\n"))}))
    @ApiResponse(responseCode = "201", description = "Added (200 with dryRun: would be added)",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = "{\"count\":3,\"codes\":[\"WLD\",\"DEU\",\"FRA\"],\"dryRun\":false}")))
    @ApiResponse(responseCode = "422", description = "Unknown parent, duplicate or repeated code, level order, retired parent …; "
            + "every problem by row; nothing written",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = INVALID)))
    @ApiResponse(responseCode = "403", description = "A row lies outside the account's region", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<AddedView> add(@RequestBody String body,
                                  @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @RequestParam(defaultValue = "false") boolean dryRun,
                                  @RequestParam(defaultValue = "") String reason) {
        String source;
        int firstRow;
        List<Draft> drafts = new ArrayList<>();
        if (MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.valueOf("text/csv"))) {
            source = "regions.csv";
            CsvReader.Table csv = CsvReader.table(source, body);
            Map<String, Integer> c = CsvReader.columns(source, csv.header(), List.of("code", "level"));
            csv.rows().forEach(r -> drafts.add(new Draft(
                    CsvReader.cell(r, c, "code").orElse(null), CsvReader.cell(r, c, "parent").orElse(null),
                    CsvReader.cell(r, c, "level").orElse(null), CsvReader.cell(r, c, "name_zh").orElse(null),
                    CsvReader.cell(r, c, "name_en").orElse(null))));
            firstRow = csv.rows().isEmpty() ? 2 : (int) csv.rows().get(0).line();
        } else {
            source = "request";
            firstRow = 1;
            JsonNode json;
            try {
                json = this.json.readTree(body);
            } catch (JacksonException e) {
                throw new InvalidInputException(InputProblem.of(source, 0, "", null, FileProblem.SYNTAX,
                        "not JSON: " + e.getOriginalMessage()));
            }
            if (json.isArray()) {
                json.forEach(n -> drafts.add(draft(n)));
            } else {
                drafts.add(draft(json));
            }
        }
        RegionAuthoring.Added added = authoring.add(source, firstRow, drafts, editor(), Channel.API, reason, dryRun);
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new AddedView(added.codes().size(), added.codes(), added.dryRun()));
    }

    @PatchMapping(path = "/regions/{code}", consumes = "application/json")
    @Operation(summary = "Rename a region (nameZh, nameEn) or move it under another parent (with its whole subtree)",
            description = "Moving a region into its own subtree is refused (422, cycle), and so is a parent whose level "
                    + "does not rank above the region's.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = "{\"parent\":\"ASIA\",\"reason\":\"ASEM members grouped by continent\"}"))))
    @ApiResponse(responseCode = "200", description = "The region as it now is", content = @Content(examples = @ExampleObject(
            value = "{\"code\":\"DEU\",\"parent\":\"EUR\",\"level\":\"COUNTRY\",\"nameZh\":\"德国\",\"nameEn\":\"Germany\","
                    + "\"path\":\"/WLD/EUR/DEU/\",\"depth\":2,\"official\":false,\"retired\":false}")))
    @ApiResponse(responseCode = "422", description = "Cycle, unknown or retired parent, level order, empty name",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such region", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "`If-Match` names another tag than the region's current one (ETag of "
            + "GET /api/v1/regions/{code}): someone changed it since", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<RegionView> update(@PathVariable String code, @RequestBody RegionPatch patch,
                                      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        requireCurrent(ifMatch, ETags.ofContent(authoring.state(regions.get(code))));
        Region r = authoring.update(code, new RegionAuthoring.Patch(patch.nameZh(), patch.nameEn(), patch.parent()),
                editor(), Channel.API, patch.reason() == null ? "" : patch.reason());
        return ResponseEntity.ok().eTag(ETags.ofContent(authoring.state(r))).body(view(r));
    }

    /**
     * Refuses a change whose {@code If-Match} names another tag than the current one (412, nothing changed); a
     * change without {@code If-Match} is taken, as before.
     */
    static void requireCurrent(@Nullable String ifMatch, String current) {
        if (ifMatch != null && !ifMatch.isBlank() && !ETags.matches(ifMatch, current)) {
            throw new InvalidInputException(InputProblem.of("request", 0, "If-Match", ifMatch, RegionProblem.STALE, current));
        }
    }

    @DeleteMapping("/regions/{code}")
    @Operation(summary = "Retire a region (it is kept; pages say it is retired)",
            description = "Refused (422) while live sub-regions, figures, targets, plans, live organisations or enabled "
                    + "accounts refer to it.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "Retired")
    @ApiResponse(responseCode = "422", description = "Still referred to", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(value = "{\"type\":\"urn:yardstick:invalid-input\",\"status\":422,\"problems\":[{\"source\":"
                    + "\"request\",\"line\":0,\"field\":\"code\",\"value\":\"650102\",\"code\":\"region.retire-referred\","
                    + "\"reason\":\"cannot be retired: 12 sub-regions refer to it\"}]}")))
    RegionView retire(@PathVariable String code, @RequestParam(defaultValue = "") String reason) {
        authoring.retire(code, editor(), Channel.API, reason);
        return view(regions.get(code));
    }

    @PostMapping(path = "/regions/divisions", consumes = "multipart/form-data")
    @Operation(summary = "Import official divisions (provinces.csv … villages.csv.gz) in the background",
            description = "Answers 202 with the job to poll (`/api/v1/jobs/{id}`). All or nothing: a bad row (code length, "
                    + "unknown parent) refuses the import, the job lists the problems. Re-importing changes nothing; "
                    + "changed names are updated, new codes added. Administrators only.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "202", description = "Started", content = @Content(examples = @ExampleObject(
            value = "{\"job\":\"0b6c2f0e-…\",\"href\":\"/api/v1/jobs/0b6c2f0e-…\"}")))
    ResponseEntity<JobStarted> importDivisions(@RequestParam("file") List<MultipartFile> files) {
        Editor by = editor();
        if (!by.admin()) {
            throw new AccessDeniedException("only an administrator imports divisions");
        }
        String id = startImport(files, by, Channel.API, divisions, jobs);
        return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + id)).body(new JobStarted(id, "/api/v1/jobs/" + id));
    }

    /** Copies the uploads to temporary files (read twice) and starts the import job; the files go when it ends. */
    static String startImport(List<MultipartFile> files, Editor by, Channel channel, DivisionImport divisions, Jobs jobs) {
        List<Path> temp = new ArrayList<>();
        List<DivisionImport.DivisionFile> sources = new ArrayList<>();
        try {
            for (MultipartFile f : files) {
                if (f.isEmpty()) {
                    continue;
                }
                Path p = Files.createTempFile("divisions-", ".csv");
                f.transferTo(p);
                temp.add(p);
                String name = f.getOriginalFilename() == null ? p.getFileName().toString() : f.getOriginalFilename();
                sources.add(new DivisionImport.DivisionFile(name, () -> Files.newInputStream(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jobs.submit("divisions-import", by.username(), progress -> {
            try {
                return divisions.importFiles(sources, by.username(), channel, progress).asMap();
            } finally {
                for (Path p : temp) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a temporary file left behind is removed with the temporary folder
                    }
                }
            }
        });
    }

    @PostMapping(path = "/organisations", consumes = "application/json")
    @Operation(summary = "Add an organisation (责任单位)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"code\":\"XJ-STATS\",\"nameZh\":\"新疆维吾尔自治区统计局\",\"nameEn\":\"Statistics Bureau of Xinjiang\","
                            + "\"shortZh\":\"自治区统计局\",\"kind\":\"AGENCY\",\"region\":\"65\",\"aliases\":[\"统计局\"]}"))))
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "422", description = "Duplicate code, unknown region, unknown kind …",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<OrganisationView> addOrganisation(@RequestBody OrganisationAuthoring.Draft draft,
                                                     @RequestParam(defaultValue = "") String reason) {
        Organisation o = organisations.add(draft, editor(), Channel.API, reason);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(o));
    }

    @PatchMapping(path = "/organisations/{code}", consumes = "application/json")
    @Operation(summary = "Rename an organisation, change its kind, region or aliases (the complete new list)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"shortZh\":\"自治区统计局\",\"aliases\":[\"统计局\",\"区统计局\"]}"))))
    @ApiResponse(responseCode = "200", description = "The organisation as it now is")
    @ApiResponse(responseCode = "422", description = "Empty name, unknown region or kind", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "`If-Match` names another tag than the organisation's current one: "
            + "someone changed it since", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<OrganisationView> updateOrganisation(@PathVariable String code, @RequestBody OrganisationAuthoring.Draft draft,
                                                        @RequestParam(defaultValue = "") String reason,
                                                        @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        requireCurrent(ifMatch, ETags.ofContent(view(organisationsRepo.get(code)).toString()));
        OrganisationView after = view(organisations.update(code, draft, editor(), Channel.API, reason));
        return ResponseEntity.ok().eTag(ETags.ofContent(after.toString())).body(after);
    }

    @GetMapping("/organisations/{code}")
    @Operation(summary = "An organisation (责任单位), retired ones included (retired: true)",
            description = "Its ETag is a digest of the answer: `If-None-Match` with it answers 304 while it is unchanged, "
                    + "`If-Match` with it makes a change refused (412) if someone changed it since.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = "{\"code\":\"XJ-STATS\","
            + "\"nameZh\":\"新疆维吾尔自治区统计局\",\"nameEn\":\"Statistics Bureau of Xinjiang\",\"shortZh\":\"自治区统计局\","
            + "\"shortEn\":\"\",\"kind\":\"AGENCY\",\"region\":\"65\",\"aliases\":[\"统计局\"],\"retired\":false}")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the tag `If-None-Match` names")
    @ApiResponse(responseCode = "404", description = "No such organisation", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<OrganisationView> organisation(@PathVariable String code,
                                                  @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        OrganisationView view = view(organisationsRepo.get(code));
        return ETags.answer(ifNoneMatch, ETags.ofContent(view.toString()), ResponseEntity.ok(), view);
    }

    @DeleteMapping("/organisations/{code}")
    @Operation(summary = "Retire an organisation (kept for what refers to it)",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "200", description = "Retired")
    OrganisationView retireOrganisation(@PathVariable String code, @RequestParam(defaultValue = "") String reason) {
        organisations.retire(code, editor(), Channel.API, reason);
        return view(organisationsRepo.get(code));
    }

    private OrganisationView view(Organisation o) {
        Region r = regions.find(o.regionId()).orElseThrow();
        return new OrganisationView(o.code(), o.name().zh(), o.name().en(), o.shortName().zh(), o.shortName().en(),
                o.kind().name(), r.code(), o.aliases(), organisations.isRetired(o.code()));
    }

    private static Draft draft(JsonNode n) {
        return new Draft(text(n, "code"), text(n, "parent"), text(n, "level"), text(n, "nameZh"), text(n, "nameEn"));
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}

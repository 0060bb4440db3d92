package org.yardstick.backup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yardstick.backup.internal.Backup;
import org.yardstick.backup.internal.Backups;

/** Online backups of the embedded database, for the platform's administrator and their scripts. */
@RestController
@RequestMapping(path = "/api/v1/backups", produces = "application/json")
@Tag(name = "backups", description = "Online backups of the embedded H2 database (PostgreSQL: use pg_dump)")
class BackupsApi {

    private final Backups backups;

    BackupsApi(Backups backups) {
        this.backups = backups;
    }

    @GetMapping
    @Operation(summary = "The backups taken so far, newest first",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    List<Backup> list() {
        return backups.list();
    }

    @PostMapping
    @Operation(summary = "Take a backup of the embedded database now",
            description = "H2 writes a consistent zip of its database file under `yardstick.backup.directory` "
                    + "(default `./data/backups`) while the platform keeps serving. Restore: stop the platform, unzip "
                    + "into `./data/`, start. On PostgreSQL the request is refused (422): back up with `pg_dump`.",
            security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")})
    @ApiResponse(responseCode = "201", description = "The backup written",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(
                    value = "{\"file\":\"yardstick-20261205-031500.zip\",\"bytes\":5230112,\"takenAt\":\"2026-12-05T03:15:00Z\"}")))
    @ApiResponse(responseCode = "422", description = "Not the embedded database", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not the platform's administrator", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Backup> take() {
        Backup b = backups.take();
        return ResponseEntity.created(URI.create("/admin/backups/" + b.file())).body(b);
    }
}

package org.yardstick.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yardstick.region.Region;
import org.yardstick.region.Regions;
import org.yardstick.shared.LocalizedText;

/**
 * The region picker (地区选择器, issue 15 item 6): the lines of its tree, found by name or code as one
 * types, or the regions directly inside one when it is expanded. Region names are public, as the
 * region pages are. One endpoint for the page ({@code /regions/picker}, an HTML fragment the picker's
 * script puts in its list) and one for programs ({@code /api/v1/regions/search}).
 */
@Controller
@Tag(name = "regions", description = "Regions and responsible units (地区与责任单位)")
class RegionPicker {

    /** Lines shown for a search: enough to pick from, short enough for a phone on a slow link. */
    static final int SHOWN = 30;
    /** Children listed under an expanded region (a township has hundreds of villages). */
    static final int CHILDREN = 200;

    private final Regions regions;

    RegionPicker(Regions regions) {
        this.regions = regions;
    }

    /** One line of the tree: the region, where it lies (省 › 市), whether it has regions inside. */
    record Line(String code, LocalizedText name, String level, List<LocalizedText> within, boolean parent) {}

    @GetMapping("/regions/picker")
    String lines(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String parent,
                 Model model) {
        List<Line> lines;
        boolean nested = parent != null && !parent.isBlank();
        if (nested) {
            lines = lines(regions.children(regions.get(parent.strip()), 0, CHILDREN), false);
        } else if (q == null || q.isBlank()) {
            lines = lines(regions.roots().stream().flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r),
                    regions.children(r, 0, CHILDREN).stream())).toList(), false);
        } else {
            lines = lines(regions.search(q, SHOWN + 1), true);
        }
        model.addAttribute("lines", lines.size() > SHOWN && !nested ? lines.subList(0, SHOWN) : lines);
        model.addAttribute("more", lines.size() > SHOWN && !nested);
        model.addAttribute("nested", nested);
        model.addAttribute("query", q == null ? "" : q.strip());
        return "region/picker-lines :: lines";
    }

    record Found(String code, String name, String nameEn, String level, List<String> within) {}

    @GetMapping(path = "/api/v1/regions/search", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Regions whose code starts with, or whose Chinese or English name contains, the text",
            description = "At most 30, the highest levels first, each with the names of the regions it lies in "
                    + "(as the region picker shows them). Public, as region names are.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            [{"code":"650102","name":"天山区","nameEn":"Tianshan District","level":"county","within":["新疆维吾尔自治区","乌鲁木齐市"]}]""")))
    List<Found> search(@Parameter(description = "part of a name or the start of a code", example = "天山")
                       @RequestParam String q) {
        if (q.isBlank()) {
            return List.of();
        }
        return lines(regions.search(q, SHOWN), true).stream().map(l -> new Found(l.code(), l.name().zh(), l.name().en(),
                l.level(), l.within().stream().map(LocalizedText::zh).toList())).toList();
    }

    private List<Line> lines(List<Region> found, boolean withAncestors) {
        List<Line> out = new ArrayList<>();
        for (Region r : found) {
            List<LocalizedText> within = withAncestors
                    ? regions.ancestors(r).stream().filter(a -> a.depth() > 0).map(Region::name).toList() : List.of();
            out.add(new Line(r.code(), r.name(), r.level().name().toLowerCase(Locale.ROOT), within,
                    regions.countChildren(r) > 0));
        }
        return out;
    }
}

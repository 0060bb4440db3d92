package org.yardstick.region.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yardstick.jobs.Job;
import org.yardstick.jobs.Jobs;
import org.yardstick.region.Channel;
import org.yardstick.region.DivisionImport;
import org.yardstick.region.Editor;
import org.yardstick.region.Editors;
import org.yardstick.region.Organisation;
import org.yardstick.region.OrganisationAuthoring;
import org.yardstick.region.OrganisationKind;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionAuthoring;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.NotFoundException;

/**
 * The pages that author regions and organisations (地区与责任单位管理) and import official divisions:
 * a tree with search and paging (a township lists hundreds of villages), forms that say what is wrong
 * next to the field, a progress bar that follows the import's job.
 */
@Controller
@RequestMapping("/manage")
class RegionPages {

    static final int PAGE = 50;

    private final Regions regions;
    private final RegionAuthoring authoring;
    private final Organisations organisations;
    private final OrganisationAuthoring organisationAuthoring;
    private final Editors editors;
    private final DivisionImport divisions;
    private final Jobs jobs;

    RegionPages(Regions regions, RegionAuthoring authoring, Organisations organisations,
                OrganisationAuthoring organisationAuthoring, Editors editors, DivisionImport divisions, Jobs jobs) {
        this.regions = regions;
        this.authoring = authoring;
        this.organisations = organisations;
        this.organisationAuthoring = organisationAuthoring;
        this.editors = editors;
        this.divisions = divisions;
        this.jobs = jobs;
    }

    private Editor editor() {
        Editor e = editors.current().orElseThrow(() -> new AccessDeniedException("no account"));
        if (!e.mayAuthor()) {
            throw new AccessDeniedException(e.username() + " may not author regions");
        }
        return e;
    }

    /** The tree: the roots, a region with its children (paged), or search results. */
    @GetMapping("/regions")
    String regions(@RequestParam(required = false) @Nullable String code, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "1") int page, Model model) {
        Editor by = editor();
        Region region = code == null || code.isBlank() ? null : regions.get(code.strip());
        List<Region> rows;
        long total;
        int p = Math.max(1, page);
        if (!q.isBlank()) {
            rows = regions.search(q, PAGE);
            total = rows.size();
        } else if (region != null) {
            total = regions.countChildren(region);
            rows = regions.children(region, (p - 1) * PAGE, PAGE);
        } else {
            rows = regions.roots();
            total = rows.size();
        }
        model.addAttribute("region", region);
        model.addAttribute("ancestors", region == null ? List.of() : regions.ancestors(region));
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
        model.addAttribute("q", q);
        List<String> codes = new java.util.ArrayList<>(rows.stream().map(Region::code).toList());
        if (region != null) {
            codes.add(region.code());
        }
        model.addAttribute("retired", regions.retired(codes));
        model.addAttribute("levels", RegionLevel.values());
        model.addAttribute("mayEdit", by.mayEdit(region));
        model.addAttribute("admin", by.admin());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "region/regions";
    }

    @PostMapping("/regions")
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String parent,
               @RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String nameZh,
               @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            authoring.add("form", 0, List.of(new RegionAuthoring.Draft(code, parent, level, nameZh, nameEn)), editor(),
                    Channel.FORM, reason, false);
            return "redirect:/manage/regions?code=" + code.strip();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", Map.of("action", "add", "code", code, "level", level, "nameZh", nameZh,
                    "nameEn", nameEn, "reason", reason));
            return regions(parent.isBlank() ? null : parent, "", 1, model);
        }
    }

    @PostMapping("/regions/{code}")
    String update(@PathVariable String code, @RequestParam(defaultValue = "") String nameZh,
                  @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String parent,
                  @RequestParam(defaultValue = "") String reason, Model model) {
        Region r = regions.get(code);
        String currentParent = r.parentId() == null ? "" : regions.find(r.parentId()).map(Region::code).orElse("");
        try {
            authoring.update(code, new RegionAuthoring.Patch(nameZh, nameEn,
                    parent.isBlank() || parent.strip().equals(currentParent) ? null : parent), editor(), Channel.FORM, reason);
            return "redirect:/manage/regions?code=" + code;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", Map.of("action", "update", "nameZh", nameZh, "nameEn", nameEn, "parent", parent,
                    "reason", reason));
            return regions(code, "", 1, model);
        }
    }

    @PostMapping("/regions/{code}/retire")
    String retire(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            authoring.retire(code, editor(), Channel.FORM, reason);
            return "redirect:/manage/regions?code=" + code;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", Map.of("action", "retire", "reason", reason));
            return regions(code, "", 1, model);
        }
    }

    @GetMapping("/organisations")
    String organisations(@RequestParam(defaultValue = "") String q, Model model) {
        Editor by = editor();
        String t = q.strip();
        List<Organisation> all = organisations.all().stream().filter(o -> t.isEmpty() || o.code().contains(t)
                || o.name().zh().contains(t) || o.name().en().toLowerCase().contains(t.toLowerCase())
                || o.shortName().zh().contains(t) || o.aliases().contains(t)).toList();
        model.addAttribute("organisations", all);
        model.addAttribute("regionsById", regions.byIds(all.stream().map(Organisation::regionId).distinct().toList()));
        model.addAttribute("retired", organisationAuthoring.retiredCodes());
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("q", q);
        model.addAttribute("admin", by.admin());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "region/organisations";
    }

    @PostMapping("/organisations")
    String addOrganisation(@RequestParam Map<String, String> form, Model model) {
        try {
            organisationAuthoring.add(draft(form), editor(), Channel.FORM, form.getOrDefault("reason", ""));
            return "redirect:/manage/organisations/" + form.getOrDefault("code", "").strip();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form);
            return organisations("", model);
        }
    }

    @GetMapping("/organisations/{code}")
    String organisation(@PathVariable String code, Model model) {
        editor();
        Organisation o = organisations.get(code);
        model.addAttribute("organisation", o);
        model.addAttribute("region", regions.find(o.regionId()).orElseThrow());
        model.addAttribute("isRetired", organisationAuthoring.isRetired(code));
        model.addAttribute("kinds", OrganisationKind.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "region/organisation";
    }

    @PostMapping("/organisations/{code}")
    String updateOrganisation(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        try {
            organisationAuthoring.update(code, draft(form), editor(), Channel.FORM, form.getOrDefault("reason", ""));
            return "redirect:/manage/organisations/" + code;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return organisation(code, model);
        }
    }

    @PostMapping("/organisations/{code}/retire")
    String retireOrganisation(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            organisationAuthoring.retire(code, editor(), Channel.FORM, reason);
            return "redirect:/manage/organisations/" + code;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return organisation(code, model);
        }
    }

    private static OrganisationAuthoring.Draft draft(Map<String, String> f) {
        String aliases = f.get("aliases");
        return new OrganisationAuthoring.Draft(f.get("code"), f.get("nameZh"), f.get("nameEn"), f.get("shortZh"),
                f.get("shortEn"), f.get("kind"), f.get("region"), aliases == null ? null
                        : Arrays.stream(aliases.split("[,，、\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    @GetMapping("/divisions")
    String divisionsForm(Model model) {
        requireAdmin();
        return "region/divisions";
    }

    @PostMapping("/divisions")
    String importDivisions(@RequestParam("file") List<MultipartFile> files) {
        Editor by = requireAdmin();
        String id = RegionsApi.startImport(files, by, Channel.FILE, divisions, jobs);
        return "redirect:/manage/divisions/jobs/" + id;
    }

    @GetMapping("/divisions/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "region/job";
    }

    /** The progress bar alone, polled by htmx while the job runs. */
    @GetMapping("/divisions/jobs/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "region/job :: progress";
    }

    private Job job(String id) {
        Editor by = editor();
        return jobs.find(id).filter(j -> by.admin() || j.owner().equals(by.username()))
                .map(j -> jobs.inLanguage(j, org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                .orElseThrow(() -> new NotFoundException("job", id));
    }

    private Editor requireAdmin() {
        Editor by = editor();
        if (!by.admin()) {
            throw new AccessDeniedException("only an administrator imports divisions");
        }
        return by;
    }
}

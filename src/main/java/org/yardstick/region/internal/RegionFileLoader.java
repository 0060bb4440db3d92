package org.yardstick.region.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.region.NewOrganisation;
import org.yardstick.region.NewRegion;
import org.yardstick.region.OrganisationKind;
import org.yardstick.region.Organisations;
import org.yardstick.region.Region;
import org.yardstick.region.RegionFiles;
import org.yardstick.region.RegionLevel;
import org.yardstick.region.Regions;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.FileSet;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;
import org.yardstick.shared.LocalizedText;
import org.yardstick.shared.YamlNode;

@Component
class RegionFileLoader implements RegionFiles {

    private final Regions regions;
    private final Organisations organisations;

    RegionFileLoader(Regions regions, Organisations organisations) {
        this.regions = regions;
        this.organisations = organisations;
    }

    @Override
    @Transactional
    public Loaded load(FileSet files) {
        List<InputProblem> problems = new ArrayList<>();
        List<NewRegion> added = new ArrayList<>();
        Map<String, String> english = new LinkedHashMap<>();
        Map<String, LocalizedText> renamed = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        files.read("regions.yaml").ifPresent(text -> InvalidInputException.collect(problems, () -> {
            YamlNode root = YamlNode.parse(files.describe("regions.yaml"), text);
            root.allowOnly("regions", "english_names");
            root.get("regions").each(r -> {
                r.allowOnly("code", "parent", "name_zh", "name_en", "level", "official");
                String code = r.code("code");
                Integer first = lines.putIfAbsent(code, r.line());
                if (first != null) {
                    throw r.get("code").fail(FileProblem.DUPLICATE, first);
                }
                String parent = r.has("parent") ? r.get("parent").asCode() : null;
                RegionLevel level = r.choice("level", RegionLevel.class);
                LocalizedText name = LocalizedText.of(r.text("name_zh"), r.text("name_en"));
                Optional<Region> existing = regions.find(code);
                if (existing.isPresent()) {
                    // a region that exists already (the country, an official division): the file may rename it
                    Region e = existing.get();
                    String existingParent = e.ancestorCodes().isEmpty() ? null
                            : e.ancestorCodes().get(e.ancestorCodes().size() - 1);
                    if (e.level() != level || !Objects.equals(existingParent, parent)) {
                        throw r.get("code").fail(RegionProblem.CODE_EXISTS, e.level().name().toLowerCase(),
                                existingParent == null ? "-" : existingParent);
                    }
                    renamed.put(code, name);
                    return;
                }
                if (parent != null && !lines.containsKey(parent) && regions.find(parent).isEmpty()) {
                    throw r.get("parent").fail(RegionProblem.UNKNOWN_REGION);
                }
                added.add(new NewRegion(code, parent, level, name, r.bool("official", false)));
            });
            YamlNode names = root.get("english_names");
            if (!names.isMissing() && !names.isNull()) {
                for (String code : names.keys()) {
                    YamlNode n = names.get(code);
                    if (regions.find(code).isEmpty() && !lines.containsKey(code)) {
                        problems.add(n.problem(RegionProblem.UNKNOWN_REGION));
                        continue;
                    }
                    english.put(code, n.text());
                }
            }
        }));
        List<NewOrganisation> orgs = new ArrayList<>();
        Map<String, Integer> orgLines = new HashMap<>();
        files.read("organisations.yaml").ifPresent(text -> InvalidInputException.collect(problems, () -> {
            YamlNode root = YamlNode.parse(files.describe("organisations.yaml"), text);
            root.allowOnly("organisations");
            root.get("organisations").each(o -> {
                o.allowOnly("code", "name_zh", "name_en", "short_zh", "short_en", "region", "kind", "aliases");
                String code = o.code("code");
                Integer first = orgLines.putIfAbsent(code, o.line());
                if (first != null) {
                    throw o.get("code").fail(FileProblem.DUPLICATE, first);
                }
                String region = o.get("region").isMissing() ? "" : o.text("region");
                if (regions.find(region).isEmpty() && !lines.containsKey(region)) {
                    throw o.problemAt("region", RegionProblem.UNKNOWN_REGION);
                }
                orgs.add(new NewOrganisation(code, LocalizedText.of(o.text("name_zh"), o.text("name_en")),
                        LocalizedText.of(o.text("short_zh"), o.text("short_en")), o.choice("kind", OrganisationKind.class),
                        region, o.get("aliases").texts()));
            });
        }));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        regions.add(added);
        renamed.forEach(regions::rename);
        english.forEach(regions::renameEnglish);
        organisations.add(orgs);
        return new Loaded(added.size(), renamed.size() + english.size(), orgs.size());
    }
}

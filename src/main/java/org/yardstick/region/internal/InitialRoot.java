package org.yardstick.region.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yardstick.region.Channel;
import org.yardstick.region.Editor;
import org.yardstick.region.RegionAuthoring;
import org.yardstick.region.Regions;

/**
 * An empty start (no demo: {@code --yardstick.demo.load-on-empty=false}) gets one top-level region, so that the
 * first administrator has a region to belong to and can log in (decision 0030): by default {@code CN} 全国 /
 * China (national), a country; {@code yardstick.regions.initial-root=CODE,LEVEL,名称,Name} chooses another
 * (an analyst's {@code WLD,WORLD,世界,World}); an empty value creates none. Runs after the demo and before the
 * initial administrator; written through {@link RegionAuthoring} like any region, so it is in the audit trail.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class InitialRoot implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialRoot.class);

    private final Regions regions;
    private final RegionAuthoring authoring;
    private final String root;

    InitialRoot(Regions regions, RegionAuthoring authoring,
                @Value("${yardstick.regions.initial-root:CN,COUNTRY,全国,China (national)}") String root) {
        this.regions = regions;
        this.authoring = authoring;
        this.root = root;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (root.isBlank() || regions.count() > 0) {
            return;
        }
        String[] p = root.split(",", 4);
        if (p.length < 4) {
            throw new IllegalStateException("yardstick.regions.initial-root must be CODE,LEVEL,名称,Name, not: " + root);
        }
        authoring.add("yardstick.regions.initial-root", 1,
                List.of(new RegionAuthoring.Draft(p[0].strip(), null, p[1].strip(), p[2].strip(), p[3].strip())),
                Editor.system(), Channel.FILE, "empty start: the top-level region of the first administrator", false);
        log.info("Empty database: created the top-level region {} ({}); the administrator belongs to it.", p[0].strip(), p[3].strip());
    }
}

package org.yardstick.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yardstick.framework.FrameworkFiles;
import org.yardstick.index.IndexDefinitions;
import org.yardstick.observation.ObservationFiles;
import org.yardstick.observation.ObservationStatus;
import org.yardstick.region.OfficialDivisions;
import org.yardstick.region.RegionFiles;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;
import org.yardstick.shared.FileSet;
import org.yardstick.validation.ValidationRuleFiles;

/** Loads the demo dataset: official divisions, then the seed plans' framework files, figures and index definitions. */
@Service
class DemoData {

    /**
     * Settings of the demo dataset.
     *
     * @param loadOnEmpty load the demo when the database has no regions yet
     * @param location where the demo files are (a Spring resource location)
     */
    @ConfigurationProperties("yardstick.demo")
    public record Settings(boolean loadOnEmpty, String location) {
        public Settings {
            location = location == null || location.isBlank() ? "classpath:demo/" : location;
        }
    }

    /** What a load wrote. */
    public record Summary(int regions, int organisations, int documents, int indicators, int plans, int targets,
                          int tasks, int observations, int sources, int accounts, int indices) {}

    static final String ACTOR = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Settings settings;
    private final Regions regions;
    private final OfficialDivisions divisions;
    private final RegionFiles regionFiles;
    private final FrameworkFiles frameworkFiles;
    private final ObservationFiles observationFiles;
    private final TransactionTemplate transaction;
    private final Accounts accounts;
    private final ValidationRuleFiles validationRuleFiles;
    private final IndexDefinitions indexDefinitions;

    DemoData(Settings settings, Regions regions, OfficialDivisions divisions, RegionFiles regionFiles,
             FrameworkFiles frameworkFiles, ObservationFiles observationFiles, TransactionTemplate transaction,
             Accounts accounts, ValidationRuleFiles validationRuleFiles,
             IndexDefinitions indexDefinitions) {
        this.settings = settings;
        this.regions = regions;
        this.divisions = divisions;
        this.regionFiles = regionFiles;
        this.frameworkFiles = frameworkFiles;
        this.observationFiles = observationFiles;
        this.transaction = transaction;
        this.accounts = accounts;
        this.validationRuleFiles = validationRuleFiles;
        this.indexDefinitions = indexDefinitions;
    }

    /** Loads the demo if enabled and the database holds no regions; returns whether it did. */
    public boolean loadIfEmpty() {
        if (!settings.loadOnEmpty() || regions.count() > 0) {
            return false;
        }
        load();
        return true;
    }

    /** Loads the demo into an empty database, all in one transaction. */
    public Summary load() {
        FileSet files = new ClasspathFileSet(settings.location());
        Summary summary = transaction.execute(status -> {
            int official = divisions.importNbs2023();
            RegionFiles.Loaded r = regionFiles.load(files);
            FrameworkFiles.Loaded f = frameworkFiles.load(files, ACTOR); // data-sets.yaml too, as a framework file
            validationRuleFiles.load(files, ACTOR);
            ObservationFiles.Loaded o = observationFiles.load(files, "observations.csv", ObservationStatus.APPROVED, ACTOR);
            int accountsCreated = accounts.count() == 0 ? DemoAccounts.create(accounts) : 0;
            int indices = indexDefinitions.load(files, "indices", ACTOR);
            return new Summary(official + r.regions(), r.organisations(), f.documents(), f.indicators(), f.plans(),
                    f.targets(), f.tasks(), o.observations(), o.sources(), accountsCreated, indices);
        });
        log.info("Demo data loaded from {}: {}", files.label(), summary);
        return summary;
    }
}

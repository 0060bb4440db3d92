package org.yardstick.reading;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yardstick.observation.DataSet;
import org.yardstick.observation.DataSets;
import org.yardstick.observation.Observation;
import org.yardstick.observation.Submission;
import org.yardstick.observation.Submissions;
import org.yardstick.region.Regions;
import org.yardstick.security.Accounts;

/**
 * The provenance line of a collected figure (出处 of a figure that quotes no document, issue 15 item 8):
 * {@code 由天山区填报，乌鲁木齐市审核，2026-05-20} / "reported by Tianshan District, approved by Urumqi, 2026-05-20",
 * from the submission that holds it: the reporting region, the reviewer's region and the day of approval.
 */
@Component("provenance")
public class Provenance {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final DataSets dataSets;
    private final Submissions submissions;
    private final Accounts accounts;
    private final Regions regions;
    private final Names names;
    private final MessageSource messages;
    private final Clock clock;

    Provenance(DataSets dataSets, Submissions submissions, Accounts accounts, Regions regions, Names names,
               MessageSource messages, Clock clock) {
        this.dataSets = dataSets;
        this.submissions = submissions;
        this.accounts = accounts;
        this.regions = regions;
        this.names = names;
        this.messages = messages;
        this.clock = clock;
    }

    /** The line for a figure collected through a data set; empty when the figure quotes documents or came otherwise. */
    public String of(@Nullable Observation o, Locale locale) {
        if (o == null || !o.sources().isEmpty()) {
            return "";
        }
        Optional<Submission> held = submission(o);
        if (held.isEmpty()) {
            return "";
        }
        Submission s = held.get();
        String reported = names.region(s.regionCode(), locale);
        if (s.reviewedBy() == null || s.reviewedAt() == null) {
            return messages.getMessage("provenance.reported", new Object[] {reported}, locale);
        }
        String reviewer = accounts.find(s.reviewedBy()).map(a -> a.regionCode())
                .map(code -> names.region(code, locale)).orElse(names.person(s.reviewedBy(), locale));
        return messages.getMessage("provenance.approved",
                new Object[] {reported, reviewer, DAY.format(s.reviewedAt().atZone(clock.getZone()))}, locale);
    }

    private Optional<Submission> submission(Observation o) {
        var level = regions.find(o.regionCode()).map(r -> r.level()).orElse(null);
        if (level == null) {
            return Optional.empty();
        }
        for (DataSet d : dataSets.forLevel(level)) {
            if (d.items().stream().anyMatch(i -> i.indicatorCode().equals(o.indicatorCode()))) {
                Optional<Submission> s = submissions.find(d.code(), o.regionCode(), o.period().code());
                if (s.isPresent()) {
                    return s;
                }
            }
        }
        return Optional.empty();
    }
}

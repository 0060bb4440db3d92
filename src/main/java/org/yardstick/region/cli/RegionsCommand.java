package org.yardstick.region.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.yardstick.jobs.Job;
import org.yardstick.jobs.JobProgress;
import org.yardstick.jobs.JobState;
import org.yardstick.jobs.Jobs;
import org.yardstick.region.Channel;
import org.yardstick.region.DivisionImport;

/**
 * {@code java -jar yardstick.jar regions import-divisions FILE... [--spring.datasource.url=…]}: imports
 * official division files (provinces.csv … villages.csv.gz) into the configured database, the same import
 * the page runs, recorded as a job. Exit code 0 when imported, 2 for bad input (every problem printed as
 * {@code file:line:field: reason}) or usage, 1 for anything else. Nothing is written unless every row is right.
 */
public final class RegionsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = """
            usage: regions import-divisions FILE... [--spring.datasource.url=…]
              FILE  provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv.gz (gzip or plain CSV);
                    imported from provinces down, all or nothing; importing again changes nothing""";

    private RegionsCommand() {}

    /** Runs the command; {@code args} start with {@code regions}. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.isEmpty() && a.get(0).equals("regions")) {
            a.remove(0);
        }
        if (a.isEmpty() || !a.get(0).equals("import-divisions")) {
            err.println(a.isEmpty() ? USAGE : "unknown command: " + a.get(0) + "\n" + USAGE);
            return BAD_INPUT;
        }
        List<Path> files = a.subList(1, a.size()).stream().filter(s -> !s.startsWith("--")).map(Path::of).toList();
        if (files.isEmpty()) {
            err.println("no files\n" + USAGE);
            return BAD_INPUT;
        }
        for (Path f : files) {
            if (!Files.isReadable(f)) {
                err.println(f + ": cannot be read");
                return BAD_INPUT;
            }
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] springArgs = Stream.concat(Arrays.stream(args).filter(s -> s.startsWith("--")),
                Stream.of("--spring.main.banner-mode=off")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(springArgs)) {
            DivisionImport divisions = context.getBean(DivisionImport.class);
            Jobs jobs = context.getBean(Jobs.class);
            Job job = jobs.runHere("divisions-import", "system", progress -> divisions.importFiles(
                    files.stream().map(DivisionImport.DivisionFile::of).toList(), "system", Channel.FILE,
                    printing(progress, out)).asMap());
            if (job.state() == JobState.SUCCEEDED) {
                out.println("imported: " + job.result());
                return OK;
            }
            for (Job.Problem p : job.problems()) {
                err.println(p.source() + (p.line() > 0 ? ":" + p.line() : "") + (p.field().isEmpty() ? "" : ":" + p.field())
                        + ": " + p.reason() + (p.value().isEmpty() ? "" : " (value: \"" + p.value() + "\")"));
            }
            err.println(job.message());
            return job.problems().isEmpty() ? FAILED : BAD_INPUT;
        }
    }

    /** Prints each phase and every 10% of it, and tells the job. */
    private static JobProgress printing(JobProgress job, PrintStream out) {
        return new JobProgress() {
            private long total;
            private long printed = -1;
            private String phase = "";

            @Override
            public void phase(String phase, long total) {
                this.phase = phase;
                this.total = total;
                this.printed = -1;
                job.phase(phase, total);
                out.println(phase + (total > 0 ? " " + total + " rows" : ""));
            }

            @Override
            public void done(long done) {
                job.done(done);
                long tenth = total > 0 ? done * 10 / total : done / 100_000;
                if (tenth != printed) {
                    printed = tenth;
                    out.println("  " + phase + ": " + done + (total > 0 ? " of " + total : ""));
                }
            }
        };
    }
}

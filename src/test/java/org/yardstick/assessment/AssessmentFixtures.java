package org.yardstick.assessment;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.yardstick.As;
import org.yardstick.assessment.engine.Stage;
import org.yardstick.security.Accounts;
import org.yardstick.security.NewAccount;
import org.yardstick.security.Role;

/** The assessment tests' set-up: accounts made by the administrator, generated submitted assessments (test data). */
final class AssessmentFixtures {

    static final String PASSWORD = "Panel-7#qTz-Analyse-2026";
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-06-01T00:00:00Z");

    private AssessmentFixtures() {}

    /** A new account of this role, region and organisation, made by the administrator; its name. */
    static String account(UserDetailsService details, Accounts accounts, Role role, @Nullable String region,
                          @Nullable String organisation) {
        String name = "asm-t-" + role.name().toLowerCase(Locale.ROOT) + "-" + System.nanoTime() % 10_000_000;
        As.user(details, "admin");
        try {
            accounts.create(new NewAccount(name, "自评估测试", PASSWORD, role, region, organisation, false), "admin");
        } finally {
            As.nobody();
        }
        return name;
    }

    /**
     * A generated enterprise with a submitted assessment under the questionnaire (in the variant, or none), every
     * dimension scoring its total when {@code dimensions} are given; the assessment's id.
     */
    static long submitted(JdbcClient jdbc, long questionnaire, long regionId, String creditCode, String industry,
                          String size, double total, @Nullable String variant, Iterable<String> dimensions) {
        jdbc.sql("insert into asm_enterprise (credit_code, name, region_id, industry_code, size_class, above_scale, "
                        + "registered_by, registered_at) values (?, ?, ?, ?, ?, false, 'test', ?)")
                .params(creditCode, "生成企业" + creditCode, regionId, industry, size, AT).update();
        long e = jdbc.sql("select id from asm_enterprise where credit_code = ?").param(creditCode).query(Long.class).single();
        Stage stage = total >= 80 ? Stage.INNOVATION : total >= 60 ? Stage.INTEGRATION
                : total >= 40 ? Stage.SINGLE_COVERAGE : Stage.STARTING;
        jdbc.sql("insert into asm_assessment (enterprise_id, questionnaire_id, status, total_score, stage, submitted_at, "
                + "updated_at, variant) values (?, ?, 'SUBMITTED', ?, ?, ?, ?, ?)")
                .params(e, questionnaire, total, stage.name(), AT, AT, variant).update();
        long a = jdbc.sql("select id from asm_assessment where enterprise_id = ?").param(e).query(Long.class).single();
        for (String d : dimensions) {
            jdbc.sql("insert into asm_dimension_score (assessment_id, dimension_code, score) values (?, ?, ?)")
                    .params(a, d, total).update();
        }
        return a;
    }
}

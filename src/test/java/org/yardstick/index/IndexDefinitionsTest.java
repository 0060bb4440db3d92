package org.yardstick.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.YardstickTest;
import org.yardstick.audit.AuditEvent;
import org.yardstick.audit.AuditTrail;
import org.yardstick.index.engine.TreeNode;
import org.yardstick.shared.FileProblem;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** Definitions are checked with line and field, saved as versions, audited, and locked optimistically. */
@YardstickTest
@Transactional
class IndexDefinitionsTest {

    @Autowired IndexDefinitions definitions;
    @Autowired UserDetailsService accounts;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;

    static int counter;

    /** A valid definition over the demo's indicators; a new code for each call. */
    static String valid(String code, String weight) {
        return """
                index: {code: %s, name_zh: 宽带测试指数, name_en: Broadband test index}
                regions: {scope: "65", level: prefecture}
                periods: [2015, 2016]
                aggregates:
                  - {code: ROOT, name_zh: 总, name_en: Total}
                  - {code: NET, name_zh: 网络, name_en: Networks, parent: ROOT, weight: %s}
                  - {code: USE, name_zh: 应用, name_en: Use, parent: ROOT}
                indicators:
                  - {code: IIDI, name_zh: 两化融合, name_en: Integration, parent: NET}
                  - {code: IDI, name_zh: 信息化, name_en: Informatization, parent: USE}
                """.formatted(code, weight);
    }

    static String newCode() {
        return "TDEF" + System.nanoTime() % 100_000_000 + (++counter);
    }

    void logIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    long versions(String code) {
        return jdbc.sql("select count(*) from index_definition_version v join index_definition d on d.id = v.definition_id "
                + "where d.code = ?").param(code).query(Long.class).single();
    }

    @Test
    void theDemoCarriesTheIntegrationIndexAsPublishedWithoutWeights() {
        IndexDefinition iidi = definitions.get("IIDI");
        assertThat(iidi.name().zh()).isEqualTo("两化融合发展指数");
        assertThat(iidi.computable()).isFalse();
        assertThat(iidi.spec().tree().root().code()).isEqualTo("IIDI");
        assertThat(iidi.spec().tree().childCodes(iidi.spec().tree().aggregates().size() - 1))
                .containsExactly("IIDI_ENV", "IIDI_APP", "IIDI_BEN");
        assertThat(List.of("IIDI_ENV", "IIDI_APP", "IIDI_BEN")).allSatisfy(code -> {
            TreeNode n = iidi.spec().tree().node(code);
            assertThat(n.weightPublished()).as(code + " weight").isFalse();
            assertThat(n.componentsPublished()).as(code + " components").isFalse();
        });
        assertThat(iidi.published()).containsEntry("IIDI", "IIDI").containsEntry("IIDI_ENV", "IIDI_ENV");
        assertThat(iidi.coverage().periodCodes()).containsExactly("2010", "2015", "2016");
        IndexDefinition idi = definitions.get("IDI");
        assertThat(idi.spec().tree().indicators()).isEmpty();
        assertThat(idi.spec().tree().root().componentsPublished()).isFalse();
        assertThat(definitions.history("IIDI")).singleElement()
                .satisfies(v -> assertThat(v.origin()).isEqualTo("indices/iidi.yaml"));
    }

    @Test
    void everyProblemNamesItsLineAndFieldAndNothingIsSaved() {
        logIn("planner");
        String code = newCode();
        String yaml = """
                index: {code: %s, name_zh: 测试, name_en: Test}
                regions: {scope: "99", level: prefecture}
                periods: [2015, 20x6]
                aggregates:
                  - {code: ROOT, name_zh: 总, name_en: Total}
                indicators:
                  - {code: NO_SUCH_INDICATOR, name_zh: 甲, name_en: A, parent: ROOT}
                  - {code: IDI, name_zh: 乙, name_en: B, parent: ROOT, wieght: 2}
                """.formatted(code);
        List<InputProblem> problems = definitions.check(yaml, null);
        assertThat(problems).extracting(InputProblem::line, InputProblem::field).contains(
                org.assertj.core.groups.Tuple.tuple(3L, "periods[2]"),
                org.assertj.core.groups.Tuple.tuple(8L, "indicators[2].wieght"));
        assertThat(problems).extracting(p -> p.kind()).contains(FileProblem.UNKNOWN_FIELD,
                IndexDefinitionProblem.NOT_A_PERIOD);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> definitions.save(null, 0, yaml, ""));
        assertThat(e.problems()).isEqualTo(problems);
        assertThat(versions(code)).isZero();

        // with the form right, what the names refer to is checked: the region and the indicator
        String fixed = yaml.replace("20x6", "2016").replace("wieght", "weight");
        List<InputProblem> references = definitions.check(fixed, null);
        assertThat(references).extracting(InputProblem::line, InputProblem::field, InputProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "regions.scope", IndexDefinitionProblem.UNKNOWN_REGION),
                org.assertj.core.groups.Tuple.tuple(7L, "indicators[1].code", IndexDefinitionProblem.UNKNOWN_INDICATOR));
        assertThat(references.get(1).reason()).isEqualTo("there is no indicator with code NO_SUCH_INDICATOR in the catalogue");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> definitions.save(null, 0, fixed, "")))
                .isNotNull();
        assertThat(versions(code)).isZero();
        assertThat(audit.search(new AuditTrail.Filter("index", null, null, null, code), 10)).isEmpty();
    }

    @Test
    void everySaveIsANewVersionKeptInTheHistoryAndTheAuditTrail() {
        logIn("planner");
        String code = newCode();
        String first = valid(code, "1");
        String second = valid(code, "2");
        IndexDefinitions.Saved created = definitions.save(null, 0, first, "first draft");
        assertThat(created.definition().version()).isEqualTo(1);
        IndexDefinitions.Saved updated = definitions.save(code, 1, second, "networks count double");
        assertThat(updated.changed()).isTrue();
        assertThat(updated.definition().version()).isEqualTo(2);
        assertThat(updated.definition().spec().tree().node("NET").weight()).isEqualTo(2);
        IndexDefinitions.Saved same = definitions.save(code, 2, second, "again");
        assertThat(same.changed()).isFalse();
        assertThat(same.definition().version()).isEqualTo(2);

        assertThat(definitions.history(code)).extracting(IndexVersion::version, IndexVersion::savedBy,
                IndexVersion::origin, IndexVersion::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "planner", IndexDefinitions.EDITOR, "networks count double"),
                org.assertj.core.groups.Tuple.tuple(1, "planner", IndexDefinitions.EDITOR, "first draft"));
        assertThat(definitions.version(code, 1).yaml()).isEqualTo(first);
        assertThat(definitions.get(code).yaml()).isEqualTo(second);

        long id = jdbc.sql("select id from index_definition where code = ?").param(code).query(Long.class).single();
        List<AuditEvent> trail = audit.history("index", id);
        assertThat(trail).filteredOn(a -> a.field().equals("version"))
                .extracting(AuditEvent::action, AuditEvent::oldValue, AuditEvent::newValue, AuditEvent::actor,
                        AuditEvent::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("create", null, "1", "planner", "first draft"),
                        org.assertj.core.groups.Tuple.tuple("update", "1", "2", "planner", "networks count double"));
    }

    @Test
    void aSaveFromAnOlderVersionIsAConflictAndSavesNothing() {
        logIn("planner");
        String code = newCode();
        definitions.save(null, 0, valid(code, "1"), "");
        definitions.save(code, 1, valid(code, "3"), "the first editor");
        IndexDefinitions.Conflict conflict = catchThrowableOfType(IndexDefinitions.Conflict.class,
                () -> definitions.save(code, 1, valid(code, "5"), "the second editor, from version 1"));
        assertThat(conflict.basedOn()).isEqualTo(1);
        assertThat(conflict.current().version()).isEqualTo(2);
        assertThat(conflict.current().savedBy()).isEqualTo("planner");
        assertThat(versions(code)).isEqualTo(2);
        assertThat(definitions.get(code).spec().tree().node("NET").weight()).isEqualTo(3);
    }

    @Test
    void theCodeOfAnIndexCannotChangeAndANewIndexNeedsAFreeCode() {
        logIn("planner");
        String code = newCode();
        definitions.save(null, 0, valid(code, "1"), "");
        assertThat(definitions.check(valid("OTHER", "1"), code)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(IndexDefinitionProblem.CODE_CHANGED);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("index.code");
        });
        assertThat(definitions.check(valid("IIDI", "1"), null)).extracting(InputProblem::kind)
                .containsExactly(IndexDefinitionProblem.CODE_TAKEN);
    }

    @Test
    void onlyPlannersAndAdministratorsMaySave() {
        String code = newCode();
        assertThat(catchThrowableOfType(AccessDeniedException.class,
                () -> definitions.save(null, 0, valid(code, "1"), ""))).as("anonymous").isNotNull();
        logIn("reporter");
        assertThat(catchThrowableOfType(AccessDeniedException.class,
                () -> definitions.save(null, 0, valid(code, "1"), ""))).as("reporter").isNotNull();
        assertThat(versions(code)).isZero();
        logIn("admin");
        assertThat(definitions.save(null, 0, valid(code, "1"), "").definition().savedBy()).isEqualTo("admin");
    }
}

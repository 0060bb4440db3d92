package org.yardstick.supervision.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.audit.Changed;
import org.yardstick.audit.Changed.FieldChange;
import org.yardstick.region.Organisation;
import org.yardstick.region.Organisations;
import org.yardstick.shared.InputProblem;
import org.yardstick.shared.InvalidInputException;

/** Where each unit's alert e-mails and digests go; set by planners and administrators. */
@Service
public class Contacts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Access access;
    private final ApplicationEventPublisher events;

    Contacts(JdbcClient jdbc, Organisations organisations, Access access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.access = access;
        this.events = events;
    }

    public List<String> of(String organisationCode) {
        return jdbc.sql("select c.email from sup_contact c join organisation o on o.id = c.organisation_id "
                        + "where o.code = ? order by c.email")
                .param(organisationCode).query(String.class).list();
    }

    /**
     * Replaces a unit's addresses with those given (separated by commas, semicolons, spaces or lines).
     *
     * @throws InvalidInputException naming each address that is not one, or a list longer than
     *     {@value #MAX_LIST} characters; nothing is changed then
     */
    /** The longest list of one unit's addresses, joined by commas: what the audit trail's value column holds. */
    static final int MAX_LIST = 4000;

    @Transactional
    public List<String> set(String organisationCode, @Nullable String addresses) {
        access.requirePlan();
        Organisation o = organisations.get(organisationCode);
        Set<String> emails = new LinkedHashSet<>();
        List<InputProblem> problems = new ArrayList<>();
        for (String a : (addresses == null ? "" : addresses).split("[,;\\s]+")) {
            if (a.isBlank()) {
                continue;
            }
            if (!EMAIL.matcher(a).matches() || a.length() > 254) {
                problems.add(InputProblem.of("contact", 0, "emails", a, Problem.BAD_EMAIL));
            } else {
                emails.add(a);
            }
        }
        int length = String.join(",", emails).length();
        if (length > MAX_LIST) {
            problems.add(InputProblem.of("contact", 0, "emails", addresses, Problem.CONTACTS_TOO_LONG, length, MAX_LIST));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = String.join(",", of(organisationCode));
        jdbc.sql("delete from sup_contact where organisation_id = ?").param(o.id()).update();
        for (String e : emails) {
            jdbc.sql("insert into sup_contact (organisation_id, email) values (?, ?)").params(o.id(), e).update();
        }
        events.publishEvent(Changed.of("supervision-contact", o.id(), o.code(), "update", access.actor(), "",
                new FieldChange("emails", before, String.join(",", emails))));
        return List.copyOf(emails);
    }
}

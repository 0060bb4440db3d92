package org.yardstick.framework.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yardstick.framework.internal.Drafts.DisaggregationDraft;
import org.yardstick.framework.internal.Drafts.DocumentDraft;

/** Writes the catalogue drafts that have no write path of their own (documents, breakdowns); runs in the caller's transaction. */
final class FrameworkWriter {

    private final JdbcClient jdbc;

    FrameworkWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a document, or updates the one with the same code. */
    void upsert(DocumentDraft d) {
        int n = jdbc.sql("""
                update document set title_zh = ?, title_en = ?, issuer_zh = ?, issuer_en = ?, issued = ?, kind = ?, reference = ?
                where code = ?""")
                .params(d.title().zh(), d.title().en(), d.issuer().zh(), d.issuer().en(), d.issued(), d.kind().name(),
                        d.reference(), d.code())
                .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into document (code, title_zh, title_en, issuer_zh, issuer_en, issued, kind, reference)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(d.code(), d.title().zh(), d.title().en(), d.issuer().zh(), d.issuer().en(), d.issued(),
                            d.kind().name(), d.reference())
                    .update();
        }
    }

    void upsert(DisaggregationDraft d) {
        int n = jdbc.sql("update disaggregation set dimension = ?, name_zh = ?, name_en = ? where code = ?")
                .params(d.dimension().name(), d.name().zh(), d.name().en(), d.code()).update();
        if (n == 0) {
            jdbc.sql("insert into disaggregation (code, dimension, name_zh, name_en) values (?, ?, ?, ?)")
                    .params(d.code(), d.dimension().name(), d.name().zh(), d.name().en()).update();
        }
    }
}

package org.yardstick.aggregation.internal;

import java.util.ArrayList;
import java.util.List;
import org.yardstick.aggregation.engine.Formula;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yardstick.framework.Indicator;
import org.yardstick.framework.IndicatorRulesChanged;
import org.yardstick.framework.Indicators;

/**
 * An indicator's aggregation rule, formula or period rule changed: its aggregates (and those of the
 * derived indicators that read it) were computed by the old rule, so they are computed again for every
 * period with figures, before the change commits.
 */
@Component
class OnIndicatorRulesChanged {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Recomputation recomputation;

    OnIndicatorRulesChanged(JdbcClient jdbc, Indicators indicators, Recomputation recomputation) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.recomputation = recomputation;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(IndicatorRulesChanged event) {
        Indicator indicator = indicators.get(event.indicatorCode());
        List<String> read = new ArrayList<>();
        read.add(indicator.code());
        for (String part : new String[] {indicator.numeratorCode(), indicator.denominatorCode(), indicator.weightCode()}) {
            if (part != null) {
                read.add(part);
            }
        }
        if (indicator.formula() != null && !indicator.formula().isBlank()) {
            java.util.Set<String> known = new java.util.HashSet<>();
            indicators.all().forEach(i -> known.add(i.code()));
            try {
                read.addAll(Formula.parse(indicator.code(), indicator.formula(), known).inputs());
            } catch (Formula.Invalid e) {
                // nothing to recompute from: the formula gives no value
            }
        }
        List<String> periods = jdbc.sql("""
                select distinct o.period from observation o join indicator i on i.id = o.indicator_id
                where i.code in (:codes) and o.status = 'APPROVED'
                union select distinct a.period from aggregate_value a where a.indicator_id = :id""")
                .param("codes", read).param("id", indicator.id()).query(String.class).list();
        for (String period : periods) {
            recomputation.recompute(List.of(indicator.code()), period);
        }
    }
}

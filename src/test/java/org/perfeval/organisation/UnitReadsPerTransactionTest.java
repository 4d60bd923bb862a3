package org.perfeval.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.bench.StatementCounter;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

@PerfevalTest
@Import(StatementCounter.class)
class UnitReadsPerTransactionTest {
    @Autowired TestOrg testOrg;
    @Autowired UnitNames names;
    @Autowired UnitHistoryMapper history;
    @Autowired org.perfeval.audit.AuditLog audit;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aUnitIsReadOnceInATransactionAndAgainAfterTheTreeChanges() {
        TestOrg.World w = testOrg.create();
        Long id = w.unitA().id();
        String before = w.unitA().name();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        StatementCounter.recordOnThisThread();
        tx.executeWithoutResult(s -> {
            assertThat(names.name(id)).isEqualTo(before);
            // A write elsewhere (MyBatis forgets its own session cache at any write): the unit stays remembered.
            audit.action(w.admin(), org.perfeval.audit.AuditAction.LOGIN_SUCCESS, "unit", id, "test");
            assertThat(names.name(id)).isEqualTo(before);
            history.updateName(id, before + "（改）");
            assertThat(names.name(id)).as("a write to the tree forgets what was read").isEqualTo(before + "（改）");
            audit.action(w.admin(), org.perfeval.audit.AuditAction.LOGIN_SUCCESS, "unit", id, "test");
            assertThat(names.name(id)).isEqualTo(before + "（改）");
        });
        List<String> recorded = StatementCounter.stopRecording();
        assertThat(recorded.stream().filter(sql -> sql.startsWith("SELECT id, code, name, kind, parent_id FROM org_unit WHERE id =")))
                .as("one read before the rename, one after").hasSize(2);
        // The next transaction reads again: nothing is kept beyond one.
        StatementCounter.recordOnThisThread();
        String after = tx.execute(s -> names.name(id));
        List<String> next = StatementCounter.stopRecording();
        assertThat(after).isEqualTo(before + "（改）");
        assertThat(next).anyMatch(sql -> sql.startsWith("SELECT id, code, name, kind, parent_id FROM org_unit WHERE id ="));
    }
}

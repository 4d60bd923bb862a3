package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A content read is kept for the rest of a read-write transaction, and a save replaces it. */
@PerfevalTest
class FormStoreTest {
    @Autowired TestOrg testOrg;
    @Autowired FormStore store;
    @Autowired FormMapper formMapper;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void readOnceInATransactionAndForgottenOnSave() {
        TestOrg.World w = testOrg.create();
        Long id = testOrg.openForm(w, "读取缓存项目").getId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            EvaluationForm first = store.content(id);
            assertThat(store.content(id)).as("the same read, not a second query").isSameAs(first);

            // Written behind the store's back: the transaction keeps what it read.
            jdbc.update("UPDATE evaluation_form SET goal_expected = '改过的目标' WHERE id = ?", id);
            assertThat(store.content(id)).isSameAs(first);

            EvaluationForm changed = Fixtures.clean();
            changed.getGoal().setExpected("保存后的目标");
            store.save(id, formMapper.findHeader(id).getVersion(), changed);
            EvaluationForm afterSave = store.content(id);
            assertThat(afterSave).isNotSameAs(first);
            assertThat(afterSave.getGoal().getExpected()).isEqualTo("保存后的目标");
        });
        // Outside a transaction every call reads the table.
        EvaluationForm one = store.content(id);
        assertThat(store.content(id)).isNotSameAs(one);
        assertThat(one.getGoal().getExpected()).isEqualTo("保存后的目标");
    }
}

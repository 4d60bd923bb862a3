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
    @Autowired com.fasterxml.jackson.databind.ObjectMapper json;

    /** Every field of every child row comes back as it was saved (the rows are written with plain JDBC). */
    @Test
    void savedContentReadsBackTheSame() throws Exception {
        TestOrg.World w = testOrg.create();
        Long id = testOrg.openForm(w, "往返项目").getId();
        EvaluationForm saved = FormStore.normalized(Fixtures.clean());
        saved.getBudgetLines().get(0).setQuarterlyProgress(java.util.List.of(new java.math.BigDecimal("12.5"),
                new java.math.BigDecimal("30"), new java.math.BigDecimal("60"), new java.math.BigDecimal("95")));
        org.perfeval.exchange.Indicator first = saved.getIndicators().get(0);
        first.getDeviationReasons().setFunding("资金下达晚");
        first.getDeviationReasons().setOther("其他原因");
        first.setDeviationNote("偏差说明");
        first.setImprovement("改进措施");
        first.setPreviousActual("上年 95%");
        first.setAdjustedTarget("≥96%");
        saved.getSuggestions().getSelected().add("建议继续全额安排");
        saved.getSuggestions().getDetails().put("建议继续全额安排", "执行良好");
        org.perfeval.exchange.ReportSection section = new org.perfeval.exchange.ReportSection();
        section.setHeading("一、基本情况");
        section.setBody("正文");
        saved.getReport().getSections().add(section);
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                store.save(id, formMapper.findHeader(id).getVersion(), saved));

        EvaluationForm read = store.content(id);
        // The fixed fields come from the form's row (campaign, unit), and numbers without trailing zeros.
        saved.setTitle(read.getTitle());
        saved.setYear(read.getYear());
        saved.setUnit(read.getUnit());
        saved.setSupervisingDepartment(read.getSupervisingDepartment());
        saved.getBudgetLines().get(0).setStatedRate(new java.math.BigDecimal("75"));
        assertThat(json.writeValueAsString(read)).isEqualTo(json.writeValueAsString(FormStore.normalized(saved)));
    }

    /** A submission that posts what was saved keeps the stored rows; a change, in rows or header, is written. */
    @Test
    void saveIfChangedRewritesOnlyWhatChanged() {
        TestOrg.World w = testOrg.create();
        Long id = testOrg.openForm(w, "提交不改项目").getId();
        EvaluationForm draft = Fixtures.clean();
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                store.save(id, formMapper.findHeader(id).getVersion(), draft));
        String rowIds = "SELECT GROUP_CONCAT(id ORDER BY seq) FROM indicator WHERE form_id = ?";
        String before = jdbc.queryForObject(rowIds, String.class, id);

        EvaluationForm same = Fixtures.clean();
        same.setTitle(store.content(id).getTitle());
        same.getBudgetLines().get(0).setStatedRate(new java.math.BigDecimal("75.000")); // the same number
        int version = formMapper.findHeader(id).getVersion();
        int after = new TransactionTemplate(transactions).execute(status -> store.saveIfChanged(id, version, same));
        assertThat(after).isEqualTo(version + 1).isEqualTo(formMapper.findHeader(id).getVersion());
        assertThat(jdbc.queryForObject(rowIds, String.class, id)).as("rows left in place").isEqualTo(before);

        EvaluationForm goal = Fixtures.clean();
        goal.setTitle(same.getTitle());
        goal.getGoal().setExpected("只改了目标");
        EvaluationForm read = new TransactionTemplate(transactions).execute(status -> {
            store.saveIfChanged(id, after, goal);
            return store.content(id);
        });
        assertThat(read.getGoal().getExpected()).isEqualTo("只改了目标");
        assertThat(jdbc.queryForObject(rowIds, String.class, id)).isEqualTo(before);

        EvaluationForm changed = Fixtures.clean();
        changed.setTitle(same.getTitle());
        changed.getIndicators().get(0).setActual("98%");
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                store.saveIfChanged(id, after + 1, changed));
        assertThat(store.content(id).getIndicators().get(0).getActual()).isEqualTo("98%");
        assertThat(jdbc.queryForObject(rowIds, String.class, id)).isNotEqualTo(before);
    }

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

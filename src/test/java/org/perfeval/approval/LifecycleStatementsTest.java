package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.perfeval.bench.StatementCounter;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormStatus;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Statements of each step of a form's lifecycle (the benchmark's lifecycle, on H2): a fixed upper
 * bound a little above today's count, so a read repeated inside a step, or a record written twice,
 * fails here. The statements are printed to see which.
 */
@PerfevalTest
@Import(StatementCounter.class)
class LifecycleStatementsTest {
    @Autowired TestOrg testOrg;
    @Autowired Approval approval;
    @Autowired ReviewService reviews;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;

    @Test
    void eachStepOfALifecycleCostsAFixedFewStatements() {
        TestOrg.World w = testOrg.create();
        // A first lifecycle warms what is cached per node (process definition, templates, rule sets).
        for (String title : List.of("语句流程预热", "语句流程")) {
            boolean measured = !title.endsWith("预热");
            Long[] opened = new Long[1];
            List<String> open = recorded("open", measured, () -> opened[0] = testOrg.openForm(w, title).getId());
            Long id = opened[0];
            int v = formMapper.findHeader(id).getVersion();
            List<String> save = recorded("save draft", measured, () -> forms.saveDraft(w.staffA(), id, v, Fixtures.clean()));
            int v2 = formMapper.findHeader(id).getVersion();
            List<String> submit = recorded("submit", measured, () -> approval.submit(w.staffA(), id, v2, Fixtures.clean()));
            List<String> approve = recorded("supervisor approve", measured, () -> {
                reviews.decide(w.reviewer1(), id, new ReviewInput(Decision.APPROVE, Map.of("建议继续全额安排", "良好"), "同意", null));
                return null;
            });
            List<String> publish = recorded("finance approve + publish", measured, () -> {
                reviews.decide(w.finance(), id, new ReviewInput(Decision.APPROVE, Map.of(), "同意公开", null));
                return null;
            });
            assertThat(formMapper.findHeader(id).getStatus()).isEqualTo(FormStatus.PUBLISHED);
            if (!measured) {
                continue;
            }
            // The unit, its department, the unit's path and its ancestors are each read once in a
            // submission, though filing, the review chain and the notice each ask (UnitReadsPerTransaction;
            // seven reads without it).
            List<String> unitReads = submit.stream().filter(s -> s.contains("FROM org_unit WHERE id")).toList();
            assertThat(unitReads).as("org_unit reads in a submission").hasSizeLessThanOrEqualTo(4);
            // One read of the form's route (group, due date, review chain) and one update of its row
            // for the content with the filing.
            assertThat(submit.stream().filter(s -> s.contains("FROM evaluation_form f LEFT JOIN campaign c"))).hasSize(1);
            assertThat(submit.stream().filter(s -> s.startsWith("UPDATE evaluation_form SET title"))).hasSize(1);
            assertThat(submit.stream().filter(s -> s.contains("filed_unit_name ="))).hasSize(1);
            // Opening: the 【待办】 notice needs no read of the form, whether the task came back by a return
            // travels with it (FormRoute.returned); the one header read is the test helper's own.
            assertThat(open.stream().filter(s -> s.contains("JOIN org_unit s ON s.id = f.supervising_unit_id")))
                    .as("form header reads in an opening").hasSize(1);
            // A decision reads the engine's task and its review position by key: the engine's task and
            // variable queries build their statement from the whole query language, a tenth of a
            // lifecycle's processor time (issue 21).
            assertThat(approve).as("the engine's task query in a decision")
                    .noneMatch(s -> s.contains("from ACT_RU_TASK RES") || s.contains("from ACT_RU_VARIABLE RES"));
            assertThat(approve).as("the engine's task read by key").contains("select * from ACT_RU_TASK where ID_ = ?");
            assertThat(save).as("save draft").hasSizeLessThanOrEqualTo(BOUND_SAVE);
            assertThat(submit).as("submit").hasSizeLessThanOrEqualTo(BOUND_SUBMIT);
            assertThat(approve).as("supervisor approve").hasSizeLessThanOrEqualTo(BOUND_APPROVE);
            assertThat(publish).as("finance approve + publish").hasSizeLessThanOrEqualTo(BOUND_PUBLISH);
        }
    }

    // Counted on H2 (2026-12-01): 11, 45, 37 and 60; the process's engine statements are most of them.
    static final int BOUND_SAVE = 12;
    static final int BOUND_SUBMIT = 47;
    static final int BOUND_APPROVE = 39;
    static final int BOUND_PUBLISH = 62;

    private static List<String> recorded(String step, boolean print, Supplier<Object> work) {
        StatementCounter.recordOnThisThread();
        List<String> statements;
        try {
            work.get();
        } finally {
            statements = StatementCounter.stopRecording();
        }
        if (print) {
            System.out.println("---- " + step + ": " + statements.size());
            statements.forEach(s -> System.out.println("  " + (s.length() > 160 ? s.substring(0, 160) : s)));
        }
        return statements;
    }
}

package org.perfeval.approval;

import org.perfeval.form.FormStatus;
import org.perfeval.form.FormStore;
import org.perfeval.form.FormMapper;
import org.perfeval.form.FormHeader;
import org.perfeval.form.EvaluationFormService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A form change and the task completion commit together or not at all. */
@PerfevalTest
class AtomicityTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired FormMapper formMapper;
    @Autowired FormStore formStore;
    @Autowired TaskService taskService;
    @Autowired InboxMapper inboxMapper;
    @MockitoSpyBean FormProcess process;
    @MockitoSpyBean FormLifecycle lifecycle;

    @AfterEach
    void realAgain() {
        doCallRealMethod().when(process).complete(any(), anyMap());
        doCallRealMethod().when(lifecycle).scoreAndStore(any());
    }

    @Test
    void failureAfterTheFormUpdateBeforeTheTaskCompletesChangesNothing() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "原子性一");
        FormHeader before = formMapper.findHeader(form.getId());
        doThrow(new IllegalStateException("injected")).when(process).complete(any(), anyMap());

        assertThatThrownBy(() -> approval.submit(w.staffA(), form.getId(), before.getVersion(), Fixtures.clean()))
                .hasMessage("injected");

        assertUnchanged(form.getId(), before);
    }

    @Test
    void failureInsideTheEngineStepRollsBackTheFormToo() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "原子性二");
        FormHeader before = formMapper.findHeader(form.getId());
        doThrow(new IllegalStateException("scoring down")).when(lifecycle).scoreAndStore(any());

        assertThatThrownBy(() -> approval.submit(w.staffA(), form.getId(), before.getVersion(), Fixtures.clean()))
                .isInstanceOf(IllegalStateException.class).hasMessage("scoring down");

        assertUnchanged(form.getId(), before);
    }

    private void assertUnchanged(Long formId, FormHeader before) {
        FormHeader after = formMapper.findHeader(formId);
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getStatus()).isEqualTo(FormStatus.DRAFT);
        assertThat(after.getSubmittedAt()).isNull();
        // Still the blank template: the fixture's indicators were not kept.
        assertThat(formStore.content(formId).getIndicators()).allMatch(i -> i.getName() == null);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(formId)).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_FillDraft");
        assertThat(inboxMapper.findByForm(formId).stage()).isEqualTo("Task_FillDraft");
    }
}

package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.ReviewerDirectory;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.Role;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The task controls on a chain of review levels (二级单位 then 主管部门): a level's task goes only to
 * that level's reviewers, and the 主管部门 above, who sees the form, neither hands it over nor
 * reassigns it unless it leads that level's group.
 */
@PerfevalTest
@Import(TestTree.class)
class TaskControlLevelsTest {
    @Autowired TestTree testTree;
    @Autowired OrgAdminService org;
    @Autowired ReviewerDirectory directory;
    @Autowired Approval approval;
    @Autowired TaskControl control;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inbox;

    @Test
    void eachLevelHandsOverWithinItself() {
        TestTree.Deep t = testTree.create();
        Actor secondColleague = org.actorOf(org.createUser("sc-" + t.second().code(), "二级同事", t.second(),
                Role.SUPERVISOR_REVIEWER, TestOrg.PASSWORD));
        FormHeader form = testTree.openForm(t, t.base1(), "层级转办项目", true);
        Long formId = form.getId();
        approval.submit(t.staffBase1(), formId, formMapper.findHeader(formId).getVersion(), Fixtures.clean());
        assertThat(inbox.findByForm(formId).candidateGroup()).isEqualTo(AccessPolicy.departmentGroup(t.second().id()));

        // The 主管部门 sees the form but is not the 二级单位 level: no hand-over, no reassignment.
        assertThatThrownBy(() -> control.transfer(t.deptReviewer(), formId, secondColleague.id(), null))
                .isInstanceOf(ForbiddenException.class);
        directory.setLead(t.admin(), t.deptReviewer().id(), true);
        assertThatThrownBy(() -> control.reassign(t.deptReviewer(), formId, secondColleague.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(control.controls(t.deptReviewer(), formMapper.findHeader(formId)).any()).isFalse();

        control.transfer(t.secondReviewer(), formId, secondColleague.id(), "请同事办理");
        assertThat(inbox.findByForm(formId).assignee()).isEqualTo(secondColleague.username());
        reviews.decide(secondColleague, formId, new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        // On to the 主管部门 level, which its (lead) reviewer may now hand over within itself.
        assertThat(inbox.findByForm(formId).candidateGroup()).isEqualTo(AccessPolicy.departmentGroup(t.dept().id()));
        assertThat(control.controls(t.deptReviewer(), formMapper.findHeader(formId)).canReassign()).isTrue();
        assertThat(control.controls(t.secondReviewer(), formMapper.findHeader(formId)).any()).isFalse();
    }
}

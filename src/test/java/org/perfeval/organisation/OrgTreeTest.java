package org.perfeval.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.campaign.CampaignService;
import org.perfeval.form.FormHeader;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The tree at any depth: paths, ancestors, subtrees, moves, and who sees which unit's forms. */
@PerfevalTest
@Import(TestTree.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class OrgTreeTest {
    @Autowired OrgTree tree;
    @Autowired TestTree testTree;
    @Autowired TestOrg testOrg;
    @Autowired AccessPolicy policy;
    @Autowired CampaignService campaigns;
    @Autowired UserAccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrgAdminService admin;
    @Autowired MockMvc mvc;

    @Test
    void ancestorsSubtreesAndPositions() {
        TestTree.Deep t = testTree.create();
        assertThat(tree.ancestorsOf(t.base1().id())).extracting(OrgUnit::id)
                .containsExactly(t.second().id(), t.dept().id(), t.finance().id());
        assertThat(tree.ancestorsOf(t.finance().id())).isEmpty();
        assertThat(tree.subtreeOf(t.dept().id())).extracting(OrgUnit::id).containsExactlyInAnyOrder(
                t.dept().id(), t.second().id(), t.base1().id(), t.base2().id(), t.sibling().id(), t.base3().id());
        assertThat(tree.subtreeOf(t.second().id())).extracting(OrgUnit::id)
                .containsExactlyInAnyOrder(t.second().id(), t.base1().id(), t.base2().id());
        assertThat(tree.isUnder(t.base1().id(), t.dept().id())).isTrue();
        assertThat(tree.isUnder(t.dept().id(), t.dept().id())).isTrue();
        assertThat(tree.isUnder(t.base3().id(), t.second().id())).isFalse();
        assertThat(tree.isUnder(t.direct().id(), t.dept().id())).isFalse();
        assertThat(tree.positionLabel(t.finance())).isEqualTo("财政部门");
        assertThat(tree.positionLabel(t.dept())).isEqualTo("主管部门");
        assertThat(tree.positionLabel(t.second())).isEqualTo("二级单位");
        assertThat(tree.positionLabel(t.base1())).isEqualTo("基层单位");
        assertThat(tree.departmentOf(t.base1())).isEqualTo(t.dept().id());
        assertThat(tree.departmentsOf(List.of(t.base1(), t.dept(), t.direct())))
                .containsEntry(t.base1().id(), t.dept().id()).containsEntry(t.dept().id(), t.dept().id())
                .containsEntry(t.direct().id(), t.finance().id());
    }

    @Test
    void aMovedBranchTakesItsSubtreeAlongAndCannotMoveBelowItself() {
        TestTree.Deep t = testTree.create();
        jdbc.update("UPDATE org_unit SET parent_id = ? WHERE id = ?", t.second().id(), t.sibling().id());
        tree.recomputePaths(t.sibling().id());
        assertThat(tree.ancestorsOf(t.base3().id())).extracting(OrgUnit::id)
                .containsExactly(t.sibling().id(), t.second().id(), t.dept().id(), t.finance().id());
        assertThat(tree.isUnder(t.base3().id(), t.second().id())).isTrue();
        assertThat(policy.canView(t.secondReviewer(), t.base3().id(), null)).isTrue();

        jdbc.update("UPDATE org_unit SET parent_id = ? WHERE id = ?", t.base1().id(), t.second().id());
        assertThatThrownBy(() -> tree.recomputePaths(t.second().id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondLevelUnitMayHaveReviewersAndABaseUnitMayNot() {
        TestTree.Deep t = testTree.create();
        assertThat(admin.addUser(t.admin(), "rv2-" + t.second().code(), "二级审核乙", t.second().id(),
                org.perfeval.shared.Role.SUPERVISOR_REVIEWER, "a-long-password-1").role())
                .isEqualTo(org.perfeval.shared.Role.SUPERVISOR_REVIEWER);
        assertThatThrownBy(() -> admin.addUser(t.admin(), "rvb-" + t.base1().code(), "基层审核", t.base1().id(),
                org.perfeval.shared.Role.SUPERVISOR_REVIEWER, "a-long-password-1"))
                .isInstanceOf(org.perfeval.shared.InvalidInputException.class).hasMessageContaining("与单位类型不符");
    }

    @Test
    void aUnitWrittenWithoutAPathIsPlacedByItsParents() {
        TestTree.Deep t = testTree.create();
        jdbc.update("UPDATE org_unit SET path = NULL WHERE id = ?", t.base2().id());
        assertThat(tree.ancestorsOf(t.base2().id())).extracting(OrgUnit::id)
                .containsExactly(t.second().id(), t.dept().id(), t.finance().id());
        assertThat(policy.canView(t.deptReviewer(), t.base2().id(), null)).isTrue();
        assertThat(policy.canView(t.siblingReviewer(), t.base2().id(), null)).isFalse();
        tree.recomputePaths(t.base2().id());
        assertThat(jdbc.queryForObject("SELECT path FROM org_unit WHERE id = ?", String.class, t.base2().id()))
                .isEqualTo("/" + t.finance().id() + "/" + t.dept().id() + "/" + t.second().id() + "/"
                        + t.base2().id() + "/");
    }

    @Test
    void aReviewerSeesTheirWholeSubtreeButNotASiblingBranch() throws Exception {
        TestTree.Deep t = testTree.create();
        assertThat(policy.canView(t.secondReviewer(), t.base1().id(), null)).isTrue();
        assertThat(policy.canView(t.secondReviewer(), t.second().id(), null)).isTrue();
        assertThat(policy.canView(t.secondReviewer(), t.base3().id(), null)).isFalse();
        assertThat(policy.canView(t.secondReviewer(), t.dept().id(), null)).isFalse();
        assertThat(policy.canView(t.deptReviewer(), t.base3().id(), null)).isTrue();
        assertThat(policy.canView(t.deptReviewer(), t.direct().id(), null)).isFalse();
        assertThat(policy.canView(t.staffBase1(), t.base2().id(), null)).isFalse();
        assertThat(policy.canView(t.financeReviewer(), t.base3().id(), null)).isTrue();
        assertThat(policy.visibleUnits(t.secondReviewer(), List::of)).extracting(OrgUnit::id)
                .containsExactlyInAnyOrder(t.second().id(), t.base1().id(), t.base2().id());

        TestOrg.World w = testOrg.create();
        FormHeader mine = testOrg.openFormFor(w, t.base1().id(), "一校项目");
        FormHeader sibling = testOrg.openFormFor(w, t.base3().id(), "教研项目");
        assertThat(mine.getSupervisingUnitId()).isEqualTo(t.dept().id());
        assertThat(campaigns.visibleTo(t.secondReviewer())).extracting(c -> c.id())
                .contains(mine.getCampaignId()).doesNotContain(sibling.getCampaignId());
        assertThat(campaigns.visibleTo(t.deptReviewer())).extracting(c -> c.id())
                .contains(mine.getCampaignId(), sibling.getCampaignId());

        var reviewer = user(accounts.loadUserByUsername(t.secondReviewer().username()));
        mvc.perform(get("/forms/" + mine.getId()).with(reviewer)).andExpect(status().isOk());
        mvc.perform(get("/forms/" + sibling.getId()).with(reviewer)).andExpect(status().isNotFound());
    }
}

package org.perfeval.support;

import java.util.UUID;

import org.perfeval.form.FormHeader;

import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.springframework.boot.test.context.TestComponent;

/**
 * A fresh four-level organisation per test (财政 at the root):
 * <pre>
 * finance
 *  ├─ dept (主管部门)
 *  │   ├─ second (二级单位) ── base1, base2 (基层单位)
 *  │   └─ sibling (二级单位) ── base3
 *  └─ direct (a unit directly under 财政)
 * </pre>
 */
@TestComponent
public class TestTree {
    private final OrgAdminService org;
    private final TestOrg testOrg;

    public TestTree(OrgAdminService org, TestOrg testOrg) {
        this.org = org;
        this.testOrg = testOrg;
    }

    /** Opens a campaign (二级单位 review on or off) with one project form for the unit. */
    public FormHeader openForm(Deep t, OrgUnit unit, String title, boolean secondaryReview) {
        return testOrg.openFormFor(t.admin(), unit.id(), title, secondaryReview);
    }

    public Deep create() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        OrgUnit finance = org.createUnit("tf-" + s, "财政局" + s, UnitKind.FINANCE, null);
        OrgUnit dept = org.createUnit("ts-" + s, "教育局" + s, UnitKind.SUPERVISING, finance);
        OrgUnit second = org.createUnit("tt-" + s, "职教中心" + s, UnitKind.UNIT, dept);
        OrgUnit base1 = org.createUnit("tb1-" + s, "第一职校" + s, UnitKind.UNIT, second);
        OrgUnit base2 = org.createUnit("tb2-" + s, "第二职校" + s, UnitKind.UNIT, second);
        OrgUnit sibling = org.createUnit("tt2-" + s, "教研中心" + s, UnitKind.UNIT, dept);
        OrgUnit base3 = org.createUnit("tb3-" + s, "教研一室" + s, UnitKind.UNIT, sibling);
        OrgUnit direct = org.createUnit("td-" + s, "机关事务中心" + s, UnitKind.UNIT, finance);
        return new Deep(finance, dept, second, base1, base2, sibling, base3, direct,
                actor("b1-" + s, "一校填报", base1, Role.UNIT_STAFF),
                actor("b3-" + s, "教研填报", base3, Role.UNIT_STAFF),
                actor("ds-" + s, "本级填报", dept, Role.UNIT_STAFF),
                actor("dd-" + s, "直属填报", direct, Role.UNIT_STAFF),
                actor("rt-" + s, "二级审核", second, Role.SUPERVISOR_REVIEWER),
                actor("rt2-" + s, "兄弟审核", sibling, Role.SUPERVISOR_REVIEWER),
                actor("rs-" + s, "主管审核", dept, Role.SUPERVISOR_REVIEWER),
                actor("rf-" + s, "财政审核", finance, Role.FINANCE_REVIEWER),
                actor("ad-" + s, "管理员", finance, Role.ADMIN));
    }

    private Actor actor(String username, String name, OrgUnit unit, Role role) {
        return org.actorOf(org.createUser(username, name, unit, role, TestOrg.PASSWORD));
    }

    public record Deep(OrgUnit finance, OrgUnit dept, OrgUnit second, OrgUnit base1, OrgUnit base2, OrgUnit sibling,
                       OrgUnit base3, OrgUnit direct, Actor staffBase1, Actor staffBase3, Actor staffDept,
                       Actor staffDirect, Actor secondReviewer, Actor siblingReviewer, Actor deptReviewer,
                       Actor financeReviewer, Actor admin) {
    }
}

package org.perfeval.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.exchange.FormType;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.shared.Role;
import org.perfeval.organisation.UnitKind;
import org.springframework.boot.test.context.TestComponent;

/**
 * A fresh organisation per test, so tests share one database without seeing each other's units:
 * unit A under department 1, unit B under department 2, their reviewers, finance and an admin.
 */
@TestComponent
public class TestOrg {
    public static final String PASSWORD = "test-password";

    private final OrgAdminService org;
    private final CampaignService campaigns;
    private final FormMapper formMapper;
    private OrgAdminService.PasswordHash passwordHash;

    public TestOrg(OrgAdminService org, CampaignService campaigns, FormMapper formMapper) {
        this.org = org;
        this.campaigns = campaigns;
        this.formMapper = formMapper;
    }

    public World create() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        OrgUnit finance = org.createUnit("cz-" + s, "财政局" + s, UnitKind.FINANCE, null);
        OrgUnit dept1 = org.createUnit("d1-" + s, "医疗保障局" + s, UnitKind.SUPERVISING, null);
        OrgUnit dept2 = org.createUnit("d2-" + s, "卫生健康委" + s, UnitKind.SUPERVISING, null);
        OrgUnit unitA = org.createUnit("ua-" + s, "医保服务中心" + s, UnitKind.UNIT, dept1);
        OrgUnit unitB = org.createUnit("ub-" + s, "疾控中心" + s, UnitKind.UNIT, dept2);
        return new World(
                actor("staffa-" + s, "甲填报", unitA, Role.UNIT_STAFF),
                actor("staffb-" + s, "乙填报", unitB, Role.UNIT_STAFF),
                actor("rev1-" + s, "一审核", dept1, Role.SUPERVISOR_REVIEWER),
                actor("rev1b-" + s, "一审核乙", dept1, Role.SUPERVISOR_REVIEWER),
                actor("rev2-" + s, "二审核", dept2, Role.SUPERVISOR_REVIEWER),
                actor("fin-" + s, "财审核", finance, Role.FINANCE_REVIEWER),
                actor("admin-" + s, "管理员", finance, Role.ADMIN),
                unitA, unitB, dept1, dept2);
    }

    private Actor actor(String username, String name, OrgUnit unit, Role role) {
        if (passwordHash == null) {
            passwordHash = org.passwordHash(PASSWORD); // once: each hash costs about 0.1 s
        }
        return org.actorOf(org.createUser(username, name, unit, role, passwordHash));
    }

    /** A 2024 project campaign to create: the fields tests do not care about filled in. */
    public static NewCampaign projectCampaign(String name) {
        NewCampaign c = new NewCampaign();
        c.name = name;
        c.fiscalYear = 2024;
        c.formType = FormType.PROJECT;
        return c;
    }

    /** A campaign to create with its stages due in 10, 20 and 30 days. */
    public static NewCampaign dueCampaign(String name, FormType type, int year) {
        NewCampaign c = projectCampaign(name);
        c.formType = type;
        c.fiscalYear = year;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        c.fillDue = now.plus(10, ChronoUnit.DAYS);
        c.supervisorDue = now.plus(20, ChronoUnit.DAYS);
        c.financeDue = now.plus(30, ChronoUnit.DAYS);
        return c;
    }

    /** Opens a campaign with one project form for unit A and returns the form's header. */
    public FormHeader openForm(World w, String title) {
        return openFormFor(w, w.unitA().id(), title);
    }

    /** Opens a campaign with one project form for the given unit. */
    public FormHeader openFormFor(World w, Long unitId, String title) {
        return openFormFor(w.admin(), unitId, title, false);
    }

    /** Opens a campaign, with 二级单位 review on or off, with one project form for the given unit. */
    public FormHeader openFormFor(Actor admin, Long unitId, String title, boolean secondaryReview) {
        NewCampaign c = dueCampaign("测试任务 " + title, FormType.PROJECT, 2024);
        c.secondaryReview = secondaryReview;
        Campaign campaign = campaigns.create(admin, c);
        campaigns.open(admin, campaign.id(), List.of(new FormAssignment(unitId, title)));
        return formMapper.findByCampaign(campaign.id()).get(0);
    }

    public record World(Actor staffA, Actor staffB, Actor reviewer1, Actor reviewer1b, Actor reviewer2,
                        Actor finance, Actor admin, OrgUnit unitA, OrgUnit unitB, OrgUnit dept1, OrgUnit dept2) {
    }
}

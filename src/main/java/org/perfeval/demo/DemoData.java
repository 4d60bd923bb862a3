package org.perfeval.demo;

import org.perfeval.form.FormEdit;
import org.perfeval.approval.Approval;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfeval.campaign.Campaign;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.AppUser;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgMapper;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.PasswordPolicy;
import org.perfeval.shared.Role;
import org.perfeval.organisation.UnitKind;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo profile (on by default for the embedded H2 run): 市财政局, two supervising departments
 * with their units, one user per role, and one open campaign with forms at different stages,
 * some filled from the shared fixtures.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {
    static final String PASSWORD = PasswordPolicy.DEMO_PASSWORD;

    private final OrgAdminService org;
    private final OrgMapper orgMapper;
    private final CampaignService campaigns;
    private final FormMapper formMapper;
    private final Approval approval;
    private final ReviewService reviews;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final List<String[]> logins = new ArrayList<>();

    private final org.perfeval.organisation.ReviewerDirectory reviewerDirectory;
    private final org.springframework.core.env.Environment environment;

    DemoData(OrgAdminService org, OrgMapper orgMapper, CampaignService campaigns,
             FormMapper formMapper, Approval approval, ReviewService reviews, ObjectMapper objectMapper, Clock clock,
             org.perfeval.organisation.ReviewerDirectory reviewerDirectory,
             org.springframework.core.env.Environment environment) {
        this.reviewerDirectory = reviewerDirectory;
        this.environment = environment;
        this.org = org;
        this.orgMapper = orgMapper;
        this.campaigns = campaigns;
        this.formMapper = formMapper;
        this.approval = approval;
        this.reviews = reviews;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!orgMapper.listUnits().isEmpty()) {
            // Only an empty database gets the demo data; a restart keeps what was there.
            printExistingLogins();
            return;
        }
        OrgUnit finance = org.createUnit("czj", "市财政局", UnitKind.FINANCE, null);
        Actor admin = user("admin", "王管理", finance, Role.ADMIN);
        Actor financeReviewer = user("cz-shenhe", "李财审", finance, Role.FINANCE_REVIEWER);

        OrgUnit ybj = org.createUnit("ybj", "市医疗保障局", UnitKind.SUPERVISING, null);
        OrgUnit ybFw = org.createUnit("yb-fwzx", "市医疗保障事务服务中心", UnitKind.UNIT, ybj);
        OrgUnit ybJg = org.createUnit("yb-jgzx", "市医疗保障基金监管中心", UnitKind.UNIT, ybj);
        OrgUnit wjw = org.createUnit("wjw", "市卫生健康委员会", UnitKind.SUPERVISING, null);
        OrgUnit wjJk = org.createUnit("wj-jkzx", "市疾病预防控制中心", UnitKind.UNIT, wjw);
        OrgUnit wjYy = org.createUnit("wj-rmyy", "市人民医院", UnitKind.UNIT, wjw);
        Actor ybReviewer = user("yb-shenhe", "赵主审", ybj, Role.SUPERVISOR_REVIEWER);
        // A second reviewer of the department to transfer or delegate to; 赵主审 leads (may reassign).
        user("yb-shenhe2", "冯副审", ybj, Role.SUPERVISOR_REVIEWER);
        reviewerDirectory.setLead(admin, ybReviewer.id(), true);
        Actor ybStaff = user("yb-tianbao", "钱填报", ybj, Role.UNIT_STAFF);
        Actor fwStaff = user("yb-fwzx", "孙填报", ybFw, Role.UNIT_STAFF);
        user("yb-jgzx", "周填报", ybJg, Role.UNIT_STAFF);
        user("wj-shenhe", "吴主审", wjw, Role.SUPERVISOR_REVIEWER);
        user("wj-tianbao", "郑填报", wjw, Role.UNIT_STAFF);
        user("wj-jkzx", "冯填报", wjJk, Role.UNIT_STAFF);
        user("wj-rmyy", "陈填报", wjYy, Role.UNIT_STAFF);

        NewCampaign campaign = new NewCampaign();
        campaign.name = "2024年度项目支出绩效自评";
        campaign.fiscalYear = 2024;
        campaign.formType = FormType.PROJECT;
        campaign.fillDue = clock.instant().plus(Duration.ofDays(14));
        campaign.supervisorDue = clock.instant().plus(Duration.ofDays(21));
        campaign.financeDue = clock.instant().plus(Duration.ofDays(28));
        Campaign opened = campaigns.create(admin, campaign);
        campaigns.open(admin, opened.id(), List.of(
                new FormAssignment(ybj.id(), "城乡医疗救助"),
                new FormAssignment(ybj.id(), "城乡居民基本医疗保险"),
                new FormAssignment(ybFw.id(), "医保经办能力提升"),
                new FormAssignment(ybJg.id(), "医保基金监管专项"),
                new FormAssignment(wjJk.id(), "重大传染病防控"),
                new FormAssignment(wjYy.id(), "公立医院运行保障")));
        Map<String, Long> ids = new java.util.HashMap<>();
        for (FormHeader h : formMapper.findByCampaign(opened.id())) {
            ids.put(h.getTitle(), h.getId());
        }

        // Weights add up to 90: submitting it is refused by 自评打分 and the findings are shown.
        fillAndSubmit(ybStaff, ids.get("城乡医疗救助"), "seed000-form1-medical-assistance.json");
        // Clean 本级 form of the department: straight to 财政 (no review level above it), then published.
        fillAndSubmit(ybStaff, ids.get("城乡居民基本医疗保险"), "seed000-form2-resident-insurance.json");
        reviews.decide(financeReviewer, ids.get("城乡居民基本医疗保险"), new ReviewInput(Decision.APPROVE,
                Map.of("建议继续安排，按规定调整下一年度预算金额", "结合执行率调整"), "同意公开", null));
        // Waiting for the supervising department.
        fillAndSubmit(fwStaff, ids.get("医保经办能力提升"), "example-liaoning-caps.json");

        deeperBranch(finance, admin);

        // A department campaign whose filling deadline has passed: its timers mark the forms overdue.
        NewCampaign late = new NewCampaign();
        late.name = "2024年度部门整体支出绩效自评";
        late.fiscalYear = 2024;
        late.formType = FormType.DEPARTMENT;
        late.fillDue = clock.instant().minus(Duration.ofDays(2));
        late.supervisorDue = clock.instant().plus(Duration.ofDays(10));
        late.financeDue = clock.instant().plus(Duration.ofDays(20));
        Campaign lateCampaign = campaigns.create(admin, late);
        campaigns.open(admin, lateCampaign.id(), List.of(new FormAssignment(wjJk.id(), null),
                new FormAssignment(wjYy.id(), null), new FormAssignment(ybFw.id(), null)));
        printLogins();
    }

    private OrgAdminService.PasswordHash passwordHash;

    /**
     * A deeper branch of the tree: 市教育局 under 财政, its 二级单位 市职业教育中心 with two 基层单位 of its own,
     * and a unit directly under 财政. In this campaign 二级单位 review first: a school's form goes
     * 职教中心 → 教育局 → 财政; the directly attached unit's form goes straight to 财政.
     */
    private void deeperBranch(OrgUnit finance, Actor admin) throws IOException {
        OrgUnit jyj = org.createUnit("jyj", "市教育局", UnitKind.SUPERVISING, finance);
        OrgUnit zj = org.createUnit("jy-zjzx", "市职业教育中心", UnitKind.UNIT, jyj);
        OrgUnit school1 = org.createUnit("jy-zx1", "市第一职业学校", UnitKind.UNIT, zj);
        OrgUnit school2 = org.createUnit("jy-zx2", "市第二职业学校", UnitKind.UNIT, zj);
        OrgUnit direct = org.createUnit("jg-fwzx", "市机关事务服务中心", UnitKind.UNIT, finance);
        user("jy-shenhe", "韩主审", jyj, Role.SUPERVISOR_REVIEWER);
        user("zj-shenhe", "杨二审", zj, Role.SUPERVISOR_REVIEWER);
        Actor school1Staff = user("jy-zx1", "朱填报", school1, Role.UNIT_STAFF);
        user("jy-zx2", "秦填报", school2, Role.UNIT_STAFF);
        Actor directStaff = user("jg-fwzx", "许填报", direct, Role.UNIT_STAFF);

        NewCampaign campaign = new NewCampaign();
        campaign.name = "2024年度教育项目绩效自评（二级单位先审）";
        campaign.fiscalYear = 2024;
        campaign.formType = FormType.PROJECT;
        campaign.fillDue = clock.instant().plus(Duration.ofDays(14));
        campaign.supervisorDue = clock.instant().plus(Duration.ofDays(21));
        campaign.financeDue = clock.instant().plus(Duration.ofDays(28));
        campaign.secondaryReview = true;
        Campaign opened = campaigns.create(admin, campaign);
        campaigns.open(admin, opened.id(), List.of(new FormAssignment(school1.id(), "职业技能实训基地建设"),
                new FormAssignment(school2.id(), "中职学生资助"), new FormAssignment(direct.id(), "机关运行保障")));
        for (FormHeader h : formMapper.findByCampaign(opened.id())) {
            if (h.getUnitId().equals(school1.id())) {
                // Waits for the 二级单位's reviewer (zj-shenhe).
                fillAndSubmit(school1Staff, h.getId(), "seed000-form2-resident-insurance.json");
            } else if (h.getUnitId().equals(direct.id())) {
                // Waits for 财政 directly.
                fillAndSubmit(directStaff, h.getId(), "seed000-form2-resident-insurance.json");
            }
        }
    }

    private Actor user(String username, String name, OrgUnit unit, Role role) {
        if (passwordHash == null) {
            passwordHash = org.passwordHash(PASSWORD);
        }
        AppUser user = org.createUser(username, name, unit, role, passwordHash);
        logins.add(new String[] {username, role.label(), unit.name()});
        return org.actorOf(user);
    }

    private void fillAndSubmit(Actor staff, Long formId, String fixture) throws IOException {
        EvaluationForm content;
        try (InputStream in = new ClassPathResource("demo/" + fixture).getInputStream()) {
            content = objectMapper.readValue(in, EvaluationForm.class);
        }
        int version = formMapper.findHeader(formId).getVersion();
        approval.submit(staff, formId, FormEdit.of(version, content));
    }

    private void printExistingLogins() {
        for (String username : List.of("admin", "cz-shenhe", "yb-shenhe", "yb-tianbao", "yb-fwzx", "yb-jgzx",
                "wj-shenhe", "wj-tianbao", "wj-jkzx", "wj-rmyy", "jy-shenhe", "zj-shenhe", "jy-zx1", "jy-zx2",
                "jg-fwzx")) {
            AppUser user = orgMapper.findUserByUsername(username);
            if (user != null) {
                logins.add(new String[] {username, user.role().label(), orgMapper.findUnit(user.unitId()).name()});
            }
        }
        if (!logins.isEmpty()) {
            printLogins();
        }
    }

    private void printLogins() {
        StringBuilder out = new StringBuilder("\n==== 演示账号（密码均为 " + PASSWORD + "）====\n");
        for (String[] login : logins) {
            out.append(String.format("  %-12s %-10s %s%n", login[0], login[1], login[2]));
        }
        // The port the server listens on (set by the embedded server once started; 8080 unless changed).
        out.append("==== 打开 http://localhost:" + environment.getProperty("local.server.port", "8080") + "/ 登录 ====\n");
        System.out.println(out);
    }
}

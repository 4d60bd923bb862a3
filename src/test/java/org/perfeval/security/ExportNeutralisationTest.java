package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.excel.FormWorkbookWriter;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.overdue.OverdueService;
import org.perfeval.approval.ApprovalEvents;
import org.perfeval.approval.Decision;
import org.perfeval.approval.Stage;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.inbox.InboxTask;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.shared.Actor;
import org.perfeval.shared.Role;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every Excel export (form, campaign, audit log, overdue list, follow-ups) writes text that starts
 * like a formula (= + - @ tab CR) as quote-prefixed text: no formula cells, nothing Excel evaluates.
 * The data of one unit is made of such text, so that each export has cells to check.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ExportNeutralisationTest {
    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired OrgAdminService org;
    @Autowired CampaignService campaigns;
    @Autowired FormMapper formMapper;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired OverdueService overdue;
    @Autowired InboxMapper inboxMapper;

    @Test
    void everyExportNeutralisesFormulaText() throws Exception {
        TestOrg.World w = testOrg.create();
        String s = Long.toString(System.nanoTime(), 36);
        OrgUnit unit = org.createUnit("fx-" + s, "=HYPERLINK(\"http://evil\",\"单位\")" + s, UnitKind.UNIT, w.dept1());
        Actor staff = org.actorOf(org.createUser("fx-staff-" + s, "@SUM(1,2)填报", unit, Role.UNIT_STAFF, TestOrg.PASSWORD));

        // One form published (follow-ups), one overdue in the fill stage.
        NewCampaign c = TestOrg.projectCampaign("-2+3 公式任务 " + s);
        c.fillDue = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Long campaignId = campaigns.create(w.admin(), c).id();
        campaigns.open(w.admin(), campaignId, List.of(new FormAssignment(unit.id(), "+CMD|' /C calc'!A0 项目" + s),
                new FormAssignment(unit.id(), "\t制表符项目" + s)));
        List<FormHeader> opened = formMapper.findByCampaign(campaignId);
        FormHeader published = opened.get(0);
        EvaluationForm content = Fixtures.clean();
        content.getIndicators().get(0).setName("=1+1 指标");
        content.getIndicators().get(0).setUnitOfMeasure("@单位");
        approval.submit(staff, published.getId(), formMapper.findHeader(published.getId()).getVersion(), content);
        reviews.decide(w.reviewer1(), published.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("改进预算项目管理", "=cmd|' /C calc'!A0"), null, null));
        reviews.decide(w.finance(), published.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("规范财政资金管理", "-按月对账"), null, null));
        InboxTask open = inboxMapper.findByForm(opened.get(1).getId());
        overdue.markOverdue(new ApprovalEvents.TaskOverdue(open.formId(), open.taskId(),
                Stage.FILL, open.candidateGroup(), open.dueAt()));

        var admin = user(accounts.loadUserByUsername(w.admin().username()));
        var unitStaff = user(accounts.loadUserByUsername(staff.username()));
        List<String> wrong = new ArrayList<>();
        String[][] exports = {
                {"/forms/" + published.getId() + "/export.xlsx", "staff"},
                {"/admin/campaigns/" + campaignId + "/export.xlsx", "admin"},
                {"/admin/audit/export", "admin"},
                {"/overdue/export?campaign=" + campaignId, "admin"},
                {"/follow-ups/export", "staff"},
                {"/search/export?q=" + s, "admin"},
        };
        for (String[] export : exports) {
            var r = mvc.perform(get(export[0]).with("admin".equals(export[1]) ? admin : unitStaff)).andReturn().getResponse();
            assertThat(r.getStatus()).as(export[0]).isEqualTo(200);
            int neutralised = check(export[0], r.getContentAsByteArray(), wrong);
            System.out.println("export " + export[0] + ": " + neutralised + " formula-like cells, all quote-prefixed");
            if (neutralised == 0) {
                wrong.add(export[0] + ": no formula-like text exported, the check proves nothing");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Counts formula-like text cells; notes any formula cell or unprefixed formula-like text. */
    static int check(String name, byte[] xlsx, List<String> wrong) throws Exception {
        int count = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            wrong.add(name + " " + sheet.getSheetName() + "!" + cell.getAddress() + " is a formula");
                        } else if (cell.getCellType() == CellType.STRING
                                && FormWorkbookWriter.looksLikeFormula(cell.getStringCellValue())) {
                            count++;
                            if (!cell.getCellStyle().getQuotePrefixed()) {
                                wrong.add(name + " " + sheet.getSheetName() + "!" + cell.getAddress() + " “"
                                        + cell.getStringCellValue() + "” is not quote-prefixed");
                            }
                        }
                    }
                }
            }
        }
        return count;
    }
}

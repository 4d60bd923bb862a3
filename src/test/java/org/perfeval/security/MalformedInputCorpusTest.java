package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.form.FormHeader;
import org.perfeval.exchange.excel.FormWorkbookWriter;
import org.perfeval.exchange.excel.PrintedForms;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The shared malformed-input corpus: JSON and Excel imports, the form page, the preview, review
 * opinions, campaign settings, uploads and query parameters. Every case must get a 4xx with a
 * Chinese message naming what is wrong, never a 5xx or a stack trace, and the business tables
 * must be exactly as before.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputCorpusTest {
    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Autowired MockMvc mvc;
    @Autowired TestOrg testOrg;
    @Autowired UserAccountService accounts;
    @Autowired JdbcTemplate jdbc;

    TestOrg.World w;
    FormHeader form;
    FormHeader underReview;

    record Case(String name, Function<MalformedInputCorpusTest, MockHttpServletRequestBuilder> request, String expect) {
    }

    @BeforeAll
    void setUp() {
        w = testOrg.create();
        form = testOrg.openForm(w, "畸形输入项目");
        underReview = testOrg.openForm(w, "畸形输入审核");
        approval.submit(w.staffA(), underReview.getId(), 2, Fixtures.clean());
    }

    @Autowired org.perfeval.form.EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;

    @Test
    void everyCaseIsRefusedWithAChineseFieldMessageAndChangesNothing() throws Exception {
        List<Case> corpus = corpus();
        String before = checksum();
        List<String> wrong = new ArrayList<>();
        for (Case c : corpus) {
            MockHttpServletResponse r = mvc.perform(c.request().apply(this)).andReturn().getResponse();
            String body = r.getContentAsString(StandardCharsets.UTF_8);
            if (r.getStatus() < 400 || r.getStatus() >= 500 || r.getStatus() == 401 || r.getStatus() == 403) {
                wrong.add(c.name() + ": status " + r.getStatus());
            } else if (!CHINESE.matcher(body).find() || body.contains("Exception") || body.contains("\tat ")) {
                wrong.add(c.name() + ": message " + body.substring(0, Math.min(200, body.length())));
            } else if (c.expect() != null && !body.contains(c.expect())) {
                wrong.add(c.name() + ": expected “" + c.expect() + "” in " + body.substring(0, Math.min(300, body.length())));
            }
        }
        System.out.println("malformed-input corpus: " + corpus.size() + " cases");
        assertThat(corpus.size()).isGreaterThanOrEqualTo(500);
        assertThat(wrong).isEmpty();
        assertThat(checksum()).isEqualTo(before);
    }

    /** The business tables, summed up: any saved change alters it. */
    String checksum() {
        return jdbc.queryForObject("SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(version), 0), ':', "
                + "COALESCE(SUM(LENGTH(COALESCE(goal_expected, ''))), 0)) FROM evaluation_form", String.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM budget_line", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM review_opinion", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM workflow_record", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM campaign", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM evidence", Integer.class)
                + "|" + jdbc.queryForObject("SELECT COUNT(*) FROM reminder", Integer.class);
    }

    List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String base = ExchangeJson.writeForm(Fixtures.clean());
        // JSON import and preview: every numeric field with every kind of bad number.
        String[] badNumbers = {"\"abc\"", "-1", "1e30", "\"１２\"", "\"1,000\"", "0.12345678", "\"NaN\"", "true", "{}", "[]",
                "\" \"", "\"12abc\""};
        String[] lineFields = {"initialBudget", "annualBudget", "executed", "statedRate", "weight", "claimedScore"};
        for (String field : lineFields) {
            for (String bad : badNumbers) {
                if (bad.equals("\" \"")) {
                    continue;
                }
                String json = base.replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + bad);
                cases.add(jsonImport("import budgetLines[0]." + field + "=" + bad, json,
                        org.perfeval.form.FieldLabels.label("budgetLines[0]." + field)));
            }
        }
        for (String field : new String[] {"weight", "claimedScore"}) {
            for (String bad : badNumbers) {
                if (bad.equals("\" \"")) {
                    continue;
                }
                String json = base.replaceFirst("(\"indicators\":\\[\\{[^}]*?\"" + field + "\":)[^,}]+", "$1" + bad);
                cases.add(jsonImport("import indicators[0]." + field + "=" + bad, json,
                        org.perfeval.form.FieldLabels.label("indicators[0]." + field)));
                cases.add(preview("preview indicators[0]." + field + "=" + bad, json, "indicators[0]." + field));
            }
        }
        String[][] structural = {
                {"malformed json", "{\"formType\": \"PROJECT\",", "JSON"},
                {"truncated", base.substring(0, base.length() / 2), "JSON"},
                {"array root", "[]", "JSON 对象"},
                {"string root", "\"form\"", "JSON 对象"},
                {"unknown top field", base.replaceFirst("\\{", "{\"hack\":1,"), "hack"},
                {"unknown line field", base.replaceFirst("\"role\"", "\"colour\":\"red\",\"role\""), "colour"},
                {"bad form type", base.replaceFirst("\"PROJECT\"", "\"OTHER\""), "formType"},
                {"bad role", base.replaceFirst("\"TOTAL\"", "\"BOSS\""), "role"},
                {"missing role", base.replaceFirst("\"role\":\"TOTAL\",", ""), "role"},
                {"bad operator", base.replaceFirst("\"operator\":null", "\"operator\":\"~\""), "operator"},
                {"year text", base.replaceFirst("\"year\":2023", "\"year\":\"明年\""), "year"},
                {"year far", base.replaceFirst("\"year\":2023", "\"year\":3023"), "year"},
                {"year decimal", base.replaceFirst("\"year\":2023", "\"year\":2023.5"), "year"},
                {"title number", base.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":12"), "title"},
                {"title over length", base.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"" + "长".repeat(201) + "\""), "项目名称"},
                {"goal over length", base.replaceFirst("\"expected\":\"[^\"]*\"", "\"expected\":\"" + "目".repeat(5001) + "\""), "预期目标"},
                {"name control char", base.replaceFirst("\"name\":\"异地", "\"name\":\"\\\\u0007异地"), "不可见字符"},
                {"name zero width", base.replaceFirst("\"name\":\"异地", "\"name\":\"\u200B异地"), "不可见字符"},
                {"name bidi override", base.replaceFirst("\"name\":\"异地", "\"name\":\"\u202E异地"), "不可见字符"},
                {"budgetLines object", base.replaceFirst("\"budgetLines\":\\[", "\"budgetLines\":{\"x\":[").replaceFirst("\\],\"goal\"", "]},\"goal\""), "budgetLines"},
                {"indicators string", base.replaceFirst("\"indicators\":\\[.*\\],\"claimedTotal\"", "\"indicators\":\"很多\",\"claimedTotal\""), "indicators"},
                {"indicator row number", base.replaceFirst("\"indicators\":\\[", "\"indicators\":[5,"), "indicators[0]"},
                {"goal array", base.replaceFirst("\"goal\":\\{[^}]*\\}", "\"goal\":[]"), "goal"},
                {"suggestions selected number", base.replaceFirst("\"suggestions\":null", "\"suggestions\":{\"selected\":[1]}"), "结果应用建议"},
                {"suggestions details array", base.replaceFirst("\"suggestions\":null", "\"suggestions\":{\"details\":[]}"), "suggestions.details"},
                {"report sections object", base.replaceFirst("\"report\":null", "\"report\":{\"sections\":{}}"), "report.sections"},
                {"quarterly progress text", base.replaceFirst("\"quarterlyProgress\":null", "\"quarterlyProgress\":\"Q1\""), "quarterlyProgress"},
                {"quarterly progress five", base.replaceFirst("\"quarterlyProgress\":null", "\"quarterlyProgress\":[1,2,3,4,5]"), "quarterlyProgress"},
                {"deep nesting", "{\"formType\":\"PROJECT\",\"goal\":" + "[".repeat(60) + "]".repeat(60) + "}", "JSON"},
                {"duplicate key", "{\"formType\":\"PROJECT\",\"formType\":\"DEPARTMENT\"}", "JSON"},
                {"too many rows", "{\"formType\":\"PROJECT\",\"indicators\":[" + "{},".repeat(600) + "{}]}", "indicators"},
                {"huge claimed total", base.replaceFirst("\"claimedTotal\":[^,}]+", "\"claimedTotal\":123456789012345678"), "claimedTotal"},
                {"negative weight", base.replaceFirst("(\"indicators\":\\[\\{[^}]*?\"weight\":)[^,}]+", "$1-15"), "weight"},
                {"formula name ok but bad number", base.replaceFirst("\"name\":\"异地", "\"name\":\"=HYPERLINK(\\\\\"x\\\\\")异地")
                        .replaceFirst("\"claimedTotal\":[^,}]+", "\"claimedTotal\":\"=1+1\""), "claimedTotal"},
                {"bom and garbage", "\uFEFF{{", "JSON"},
                // Fields added with the department form and composite rows.
                {"sub-indicators over the limit", base.replaceFirst("\"subIndicators\":\\[\\]",
                        "\"subIndicators\":[" + "{},".repeat(100) + "{}]"), "subIndicators"},
                {"sub-indicators object", base.replaceFirst("\"subIndicators\":\\[\\]", "\"subIndicators\":{}"), "subIndicators"},
                {"sub-indicator number", base.replaceFirst("\"subIndicators\":\\[\\]", "\"subIndicators\":[7]"), "subIndicators[0]"},
                {"sub-indicator unknown field", base.replaceFirst("\"subIndicators\":\\[\\]", "\"subIndicators\":[{\"bands\":[]}]"), "bands"},
                {"sub-indicator name over length", base.replaceFirst("\"subIndicators\":\\[\\]",
                        "\"subIndicators\":[{\"name\":\"" + "长".repeat(201) + "\"}]"), "分项指标"},
                {"sub-indicator rating over length", base.replaceFirst("\"subIndicators\":\\[\\]",
                        "\"subIndicators\":[{\"rating\":\"" + "优".repeat(21) + "\"}]"), "分项评级"},
                {"sub-indicator rating number", base.replaceFirst("\"subIndicators\":\\[\\]", "\"subIndicators\":[{\"rating\":95}]"), "rating"},
                {"sub-indicator rating zero width", base.replaceFirst("\"subIndicators\":\\[\\]",
                        "\"subIndicators\":[{\"rating\":\"\u200B良\"}]"), "不可见字符"},
                {"sub-indicator bad operator", base.replaceFirst("\"subIndicators\":\\[\\]", "\"subIndicators\":[{\"operator\":\"≈\"}]"), "operator"},
                {"sub-indicator target object", base.replaceFirst("\"subIndicators\":\\[\\]", "\"subIndicators\":[{\"target\":{}}]"), "target"},
                {"budget income negative", base.replaceFirst("\"budgetIncome\":null", "\"budgetIncome\":-5"), "budgetIncome"},
                {"budget expenditure text", base.replaceFirst("\"budgetExpenditure\":null", "\"budgetExpenditure\":\"很多\""), "budgetExpenditure"},
                {"authorised staff decimal", base.replaceFirst("\"authorisedStaff\":null", "\"authorisedStaff\":84.5"), "authorisedStaff"},
                {"actual staff huge", base.replaceFirst("\"actualStaff\":null", "\"actualStaff\":99999999999"), "实有人数"},
                {"task over length", base.replaceFirst("\"task\":null", "\"task\":\"" + "任".repeat(501) + "\""), "年度主要任务"},
                {"project number", base.replaceFirst("\"project\":null", "\"project\":12"), "project"},
                {"scoring standard over length", base.replaceFirst("\"scoringStandard\":null",
                        "\"scoringStandard\":\"" + "标".repeat(2001) + "\""), "评分标准"},
                {"evidence array", base.replaceFirst("\"evidence\":null", "\"evidence\":[]"), "evidence"},
                {"remark control char", base.replaceFirst("\"remark\":null", "\"remark\":\"\\\\u0007备注\""), "不可见字符"},
        };
        for (String[] s : structural) {
            cases.add(jsonImport("import " + s[0], s[1], s[2]));
            cases.add(preview("preview " + s[0], s[1], null));
        }
        // Excel import.
        byte[] good = new FormWorkbookWriter().write(Fixtures.clean());
        cases.add(excelImport("excel empty", new byte[0], "文件"));
        cases.add(excelImport("excel text", "这不是表格".getBytes(StandardCharsets.UTF_8), "Excel"));
        cases.add(excelImport("excel xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0}, ".xlsx"));
        cases.add(excelImport("excel random zip", zipWith("hello.txt"), "Excel"));
        cases.add(excelImport("excel truncated", java.util.Arrays.copyOf(good, good.length / 2), "Excel"));
        cases.add(excelImport("excel pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "Excel"));
        cases.add(excelImport("excel no form sheet", workbook(book -> book.createSheet("别的表")), "评价表"));
        cases.add(excelImport("excel no header", workbook(book -> book.createSheet("评价表").createRow(0).createCell(0).setCellValue("空")), "项目名称"));
        String[][] cellEdits = {
                {"资金名称", "5", "很多"}, {"资金名称", "6", "-100"}, {"资金名称", "9", "十"}, {"资金名称", "2", "NaN"},
                {"资金名称", "5", "1e99"}, {"资金名称", "1", "老板"}, {"资金名称", "10", "0.1234567"},
                {"一级指标", "8", "满分"}, {"一级指标", "9", "-3"}, {"一级指标", "8", "1,5"}, {"一级指标", "9", "３"},
                {"一级指标", "2", "长".repeat(201)}, {"一级指标", "15", "\u200B说明"}, {"项目名称", "11", "OTHER"},
                {"项目名称", "13", "公元"}, {"项目名称", "13", "1800"}, {"自评总分", "1", "九十"},
        };
        for (String[] edit : cellEdits) {
            cases.add(excelImport("excel " + edit[0] + " col " + edit[1] + " = " + edit[2].substring(0, Math.min(8, edit[2].length())),
                    editedSheet(good, edit[0], Integer.parseInt(edit[1]), edit[2]), "第"));
        }
        // Provincial layouts (issue 20): a header without rows, values shifted under the wrong
        // headers, a merged cell running from one block into the next, formulas (the cached value is
        // read, never evaluated: an error or a text result in a number column is refused by its cell).
        byte[] anhui = PrintedForms.anhuiProject(Fixtures.clean(), false, null);
        org.perfeval.exchange.EvaluationForm headerOnly = Fixtures.clean();
        headerOnly.getBudgetLines().clear();
        headerOnly.getIndicators().clear();
        cases.add(excelImport("layout header only", PrintedForms.anhuiProject(headerOnly, false, null), "没有指标行"));
        cases.add(excelImport("layout header only xls", PrintedForms.anhuiProject(headerOnly, true, null), "没有指标行"));
        cases.add(excelImport("layout shifted values", printedEdit(anhui, sheet -> {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(rowWith(sheet, "三级指标") + 1);
            for (int c = 8; c >= 2; c--) {
                org.apache.poi.ss.usermodel.Cell from = row.getCell(c);
                org.apache.poi.ss.usermodel.Cell to = row.getCell(c + 3) == null ? row.createCell(c + 3) : row.getCell(c + 3);
                if (from == null) {
                    to.setBlank();
                } else if (from.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    to.setCellValue(from.getNumericCellValue());
                } else {
                    to.setCellValue(from.getStringCellValue());
                }
            }
        }), "应为数字"));
        cases.add(excelImport("layout merged across blocks", printedEdit(anhui, sheet -> {
            int goal = rowWith(sheet, "预期目标");
            sheet.addMergedRegionUnsafe(new org.apache.poi.ss.util.CellRangeAddress(goal - 1, goal, 7, 7));
        }), "合并单元格"));
        for (String[] formula : new String[][] {{"1/0", "无法读取"}, {"\"十分\"", "应为数字"}}) {
            cases.add(excelImport("layout formula " + formula[0], printedEdit(anhui, sheet -> {
                org.apache.poi.ss.usermodel.Cell weight = sheet.getRow(rowWith(sheet, "三级指标") + 1).getCell(6);
                weight.setCellFormula(formula[0]);
                sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(weight);
            }), formula[1]));
        }
        // The Guangdong scoring table (department form): only its header, its 合计 row lost, a budget
        // cell merged into the table's header; and, whole and valid, dropped onto this project form.
        byte[] guangdong = PrintedForms.guangdongDepartment(PrintedForms.seed002(), false, null);
        byte[] guangdongHeaderOnly = printedEdit(guangdong, sheet -> {
            int header = rowWith(sheet, "三级指标");
            for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
                if (sheet.getMergedRegion(i).getFirstRow() > header) {
                    sheet.removeMergedRegion(i);
                }
            }
            for (int r = sheet.getLastRowNum(); r > header; r--) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
        });
        cases.add(excelImport("guangdong header only", guangdongHeaderOnly, "没有指标行"));
        cases.add(excelImport("guangdong without 合计", PrintedForms.guangdongDepartment(PrintedForms.seed002(), false, null,
                PrintedForms.Guangdong.NO_TOTAL), "没有“合计”行"));
        cases.add(excelImport("guangdong without 合计 xls", PrintedForms.guangdongDepartment(PrintedForms.seed002(), true, null,
                PrintedForms.Guangdong.NO_TOTAL), "没有“合计”行"));
        cases.add(excelImport("guangdong merged across blocks", PrintedForms.guangdongDepartment(PrintedForms.seed002(), false,
                null, PrintedForms.Guangdong.MERGED_ACROSS_BLOCKS), "合并单元格"));
        cases.add(excelImport("guangdong onto a project form", guangdong, "而本评价表是项目支出绩效自评表，不能导入"));
        cases.add(sheetPreview("preview guangdong header only", guangdongHeaderOnly, "没有指标行"));
        cases.add(sheetPreview("preview guangdong onto a project form", guangdong, "而本评价表是项目支出绩效自评表，不能导入"));
        cases.add(excelImport("layout unknown", PrintedForms.unrelated(), "姓名"));
        cases.add(excelImport("excel bomb", org.perfeval.exchange.excel.ExcelBombs.sparse(20L * 1024 * 1024), "压缩"));
        // The import preview and the whole-campaign import read the same way and write nothing.
        cases.add(sheetPreview("preview unknown layout", PrintedForms.unrelated(), "姓名"));
        cases.add(sheetPreview("preview header only", PrintedForms.anhuiProject(headerOnly, false, null), "没有指标行"));
        cases.add(sheetPreview("preview empty", new byte[0], "文件"));
        cases.add(sheetPreview("preview bomb", org.perfeval.exchange.excel.ExcelBombs.sparse(20L * 1024 * 1024), "压缩"));
        cases.add(new Case("preview confirm without preview", t -> t.as(post("/forms/" + t.form.getId() + "/import/confirm"),
                t.w.staffA()).param("token", "x"), "重新上传"));
        cases.add(new Case("campaign import unknown", t -> t.as(multipart("/admin/campaigns/" + t.form.getCampaignId() + "/import")
                .file(new MockMultipartFile("file", "all.xlsx", "application/octet-stream", PrintedForms.unrelated())), t.w.admin()),
                "未识别"));
        cases.add(new Case("campaign import text", t -> t.as(multipart("/admin/campaigns/" + t.form.getCampaignId() + "/import")
                .file(new MockMultipartFile("file", "all.xlsx", "application/octet-stream", "不是表格".getBytes(StandardCharsets.UTF_8))),
                t.w.admin()), "Excel"));
        cases.add(new Case("campaign import confirm without preview", t -> t.as(post("/admin/campaigns/"
                + t.form.getCampaignId() + "/import/confirm"), t.w.admin()).param("token", "x"), "重新上传"));
        // The form page: typed numbers that are not numbers.
        String[] pageFields = {"budgetLines[0].initialBudget", "budgetLines[0].annualBudget", "budgetLines[0].executed",
                "budgetLines[0].balance", "budgetLines[0].statedRate", "budgetLines[0].weight", "budgetLines[0].claimedScore",
                "indicators[0].weight", "indicators[0].claimedScore", "claimedTotal"};
        for (String field : pageFields) {
            // Full-width digits typed on the page are the number the user meant (Spring reads them as such).
            for (String bad : new String[] {"abc", "1,000", "NaN", "12元", "1e5e"}) {
                cases.add(new Case("page " + field + "=" + bad, t -> t.page().param(field, bad), "应为数字"));
            }
            if (!field.endsWith("balance")) {
                cases.add(new Case("page " + field + " negative", t -> t.page().param(field, "-5"), "负数"));
            }
        }
        cases.add(new Case("page over-long name", t -> t.page().param("indicators[0].name", "名".repeat(201)), "不能超过"));
        cases.add(new Case("page zero-width name", t -> t.page().param("indicators[0].name", "\u200B名"), "不可见字符"));
        cases.add(new Case("page 4-byte over-long goal", t -> t.page().param("goal.expected", "𠮷".repeat(5001)), "不能超过"));
        cases.add(new Case("page missing version", t -> t.as(post("/forms/" + t.form.getId()), t.w.staffA()).param("action", "save"), "版本号"));
        cases.add(new Case("page stale version", t -> t.as(post("/forms/" + t.form.getId()), t.w.staffA())
                .param("version", "999").param("action", "save"), "已被他人修改"));
        // Review opinions.
        cases.add(review("review no decision", null, null, "审核结果"));
        cases.add(review("review bad decision", "MAYBE", null, "审核结果无效"));
        cases.add(review("review return no reason", "RETURN_TO_UNIT", null, "退回原因"));
        cases.add(review("review return blank reason", "RETURN_TO_UNIT", "   ", "退回原因"));
        cases.add(review("review to supervisor by supervisor", "RETURN_TO_SUPERVISOR", "x", "财政部门"));
        cases.add(review("review reason too long", "RETURN_TO_UNIT", "因".repeat(2001), "不能超过"));
        cases.add(new Case("review bad option", t -> t.reviewRequest("APPROVE", null).param("opt", "99"), "意见选项"));
        cases.add(new Case("review option text", t -> t.reviewRequest("APPROVE", null).param("opt", "x"), "审核意见"));
        cases.add(new Case("review long option text", t -> t.reviewRequest("APPROVE", null).param("opt", "0")
                .param("detail0", "长".repeat(2001)), "不能超过"));
        // Campaign settings.
        cases.add(campaign("campaign no name", "", "2024", "PROJECT", "2025-03-31", "请填写任务名称"));
        cases.add(campaign("campaign year text", "任务", "明年", "PROJECT", "2025-03-31", "「年度」"));
        cases.add(campaign("campaign year far", "任务", "1888", "PROJECT", "2025-03-31", "年度"));
        cases.add(campaign("campaign bad type", "任务", "2024", "OTHER", "2025-03-31", "表样类型"));
        cases.add(campaign("campaign bad date", "任务", "2024", "PROJECT", "2025-13-45", "截止日期"));
        cases.add(campaign("campaign chinese date", "任务", "2024", "PROJECT", "三月底", "截止日期"));
        cases.add(new Case("campaign no units", t -> t.as(post("/admin/campaigns"), t.w.admin()).param("name", "任务")
                .param("fiscalYear", "2024").param("formType", "PROJECT"), "单位"));
        cases.add(new Case("deadline bad date", t -> t.as(post("/admin/campaigns/" + t.form.getCampaignId() + "/deadlines"), t.w.admin())
                .param("fillDue", "2025/03/31"), "截止日期"));
        cases.add(new Case("new user bad name", t -> t.as(post("/admin/users"), t.w.admin()).param("username", "有 空格")
                .param("displayName", "x").param("unitId", String.valueOf(t.w.unitA().id())).param("role", "UNIT_STAFF")
                .param("password", "long-enough-1"), "用户名"));
        cases.add(new Case("new user bad role", t -> t.as(post("/admin/users"), t.w.admin()).param("username", "abc")
                .param("role", "KING"), "角色"));
        cases.add(new Case("new unit bad code", t -> t.as(post("/admin/units"), t.w.admin()).param("code", "中文编码")
                .param("name", "x").param("kind", "SUPERVISING"), "编码"));
        for (String[] email : new String[][] {{"email header injection", "a@b.cn\r\nBcc: x@y.cn"},
                {"email without at", "没有邮箱"}, {"email four-byte", "𠮷@b.cn"}, {"email script", "<script>@b.cn"},
                {"email over-long", "a".repeat(250) + "@b.cn"}}) {
            cases.add(new Case(email[0], t -> t.as(post("/admin/users/" + t.w.staffA().id() + "/email"), t.w.admin())
                    .param("email", email[1]), "电子邮箱"));
        }
        cases.add(new Case("new user bad email", t -> t.as(post("/admin/users"), t.w.admin()).param("username", "mailuser")
                .param("displayName", "x").param("unitId", String.valueOf(t.w.unitA().id())).param("role", "UNIT_STAFF")
                .param("password", "long-enough-1").param("email", "x@"), "电子邮箱"));
        // Uploads.
        cases.add(upload("upload html as pdf", "a.pdf", "<html>".getBytes(StandardCharsets.UTF_8), "类型不被接受"));
        cases.add(upload("upload exe", "a.exe", new byte[] {'M', 'Z', 0, 0}, "类型不被接受"));
        cases.add(upload("upload empty", "a.pdf", new byte[0], "文件"));
        cases.add(upload("upload dot dot", "..", "%PDF-1".getBytes(StandardCharsets.US_ASCII), "文件名"));
        cases.add(upload("upload svg", "a.svg", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "类型不被接受"));
        cases.add(new Case("upload bad indicator", t -> t.as(multipart("/forms/" + t.form.getId() + "/evidence")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1".getBytes(StandardCharsets.US_ASCII))), t.w.staffA())
                .param("indicator", "-4"), "指标"));
        // Query parameters.
        cases.add(new Case("tasks page text", t -> t.as(get("/tasks"), t.w.staffA()).param("page", "abc"), "页码"));
        cases.add(new Case("tasks stage bad", t -> t.as(get("/tasks"), t.w.staffA()).param("stage", "Task_Hack"), "环节"));
        cases.add(new Case("tasks campaign text", t -> t.as(get("/tasks"), t.w.staffA()).param("campaign", "一"), "评价任务"));
        cases.add(new Case("public year text", t -> get("/public").param("year", "二〇二四"), "年度"));
        cases.add(new Case("audit bad action", t -> t.as(get("/admin/audit"), t.w.admin()).param("action", "HACK"), "操作类型"));
        cases.add(new Case("audit bad date", t -> t.as(get("/admin/audit"), t.w.admin()).param("from", "昨天"), "起始日期"));
        cases.add(new Case("overdue campaign text", t -> t.as(get("/overdue"), t.w.admin()).param("campaign", "x"), "campaign"));
        cases.add(new Case("form id text", t -> t.as(get("/forms/abc"), t.w.staffA()), "编号"));
        cases.addAll(generated());
        return cases;
    }

    /** Text fields of the form: the path, its limit and how to set it on a form. */
    record TextField(String path, int max, java.util.function.BiConsumer<org.perfeval.exchange.EvaluationForm, String> set) {
    }

    static List<TextField> formTextFields() {
        List<TextField> fields = new ArrayList<>();
        fields.add(new TextField("title", 200, org.perfeval.exchange.EvaluationForm::setTitle));
        fields.add(new TextField("moneyUnit", 20, org.perfeval.exchange.EvaluationForm::setMoneyUnit));
        fields.add(new TextField("claimedGrade", 8, org.perfeval.exchange.EvaluationForm::setClaimedGrade));
        fields.add(new TextField("goal.expected", 5000, (f, v) -> f.getGoal().setExpected(v)));
        fields.add(new TextField("goal.actual", 5000, (f, v) -> f.getGoal().setActual(v)));
        fields.add(new TextField("suggestions.overall", 2000, (f, v) -> suggestions(f).setOverall(v)));
        fields.add(new TextField("suggestions.selected", 200, (f, v) -> suggestions(f).getSelected().add(v)));
        fields.add(new TextField("budgetLines[0].name", 200, (f, v) -> f.getBudgetLines().get(0).setName(v)));
        String[][] indicator = {{"category", "100"}, {"subcategory", "100"}, {"name", "200"}, {"operator", "8"},
                {"target", "500"}, {"adjustedTarget", "500"}, {"unitOfMeasure", "50"}, {"actual", "500"},
                {"deviationNote", "2000"}, {"improvement", "2000"}, {"previousActual", "500"}};
        for (String[] field : indicator) {
            fields.add(new TextField("indicators[0]." + field[0], Integer.parseInt(field[1]), (f, v) -> {
                try {
                    new org.springframework.beans.BeanWrapperImpl(f.getIndicators().get(0)).setPropertyValue(field[0], v);
                } catch (org.springframework.beans.BeansException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (String reason : new String[] {"funding", "institution", "staffing", "facilities", "other"}) {
            fields.add(new TextField("indicators[0].deviationReasons." + reason, 2000, (f, v) -> {
                var ind = f.getIndicators().get(0);
                if (ind.getDeviationReasons() == null) {
                    ind.setDeviationReasons(new org.perfeval.exchange.DeviationReasons());
                }
                new org.springframework.beans.BeanWrapperImpl(ind.getDeviationReasons()).setPropertyValue(reason, v);
            }));
        }
        return fields;
    }

    private static org.perfeval.exchange.Suggestions suggestions(org.perfeval.exchange.EvaluationForm f) {
        if (f.getSuggestions() == null) {
            f.setSuggestions(new org.perfeval.exchange.Suggestions());
        }
        return f.getSuggestions();
    }

    /**
     * Every text field × {too long, control character} on the page and in the JSON import; every
     * row field × {index past the limit, negative, with a gap}; every number field × more kinds
     * of wrong type; every 指标库 and user field × {too long, control character}.
     */
    List<Case> generated() {
        List<Case> cases = new ArrayList<>();
        for (TextField field : formTextFields()) {
            String tooLong = "长".repeat(field.max() + 1);
            String control = "控" + (char) 7 + "制";
            // The title is the campaign's, not a field of the page.
            if (!field.path().equals("title")) {
                cases.add(new Case("page " + field.path() + " too long", t -> t.page().param(field.path(), tooLong), "不能超过"));
                cases.add(new Case("page " + field.path() + " control char", t -> t.page().param(field.path(), control), "不可见字符"));
            }
            for (String[] kind : new String[][] {{"too long", tooLong, "不能超过"}, {"control char", control, "不可见字符"}}) {
                org.perfeval.exchange.EvaluationForm f = Fixtures.clean();
                field.set().accept(f, kind[1]);
                // The import reads an operator as a symbol first: any Chinese refusal will do there.
                cases.add(jsonImport("import " + field.path() + " " + kind[0], ExchangeJson.writeForm(f),
                        field.path().endsWith("operator") ? null : kind[2]));
            }
        }
        String[] rowFields = {"indicators[%d].category", "indicators[%d].subcategory", "indicators[%d].name",
                "indicators[%d].operator", "indicators[%d].target", "indicators[%d].adjustedTarget",
                "indicators[%d].unitOfMeasure", "indicators[%d].actual", "indicators[%d].weight",
                "indicators[%d].claimedScore", "indicators[%d].deviationNote", "indicators[%d].improvement",
                "indicators[%d].previousActual", "indicators[%d].deviationReasons.funding",
                "budgetLines[%d].name", "budgetLines[%d].initialBudget", "budgetLines[%d].annualBudget",
                "budgetLines[%d].executed", "budgetLines[%d].balance", "budgetLines[%d].statedRate",
                "budgetLines[%d].weight", "budgetLines[%d].claimedScore", "report.sections[%d].heading",
                "report.sections[%d].body"};
        for (String field : rowFields) {
            for (int index : new int[] {256, 600, -1, 100000}) {
                String path = String.format(field, index);
                cases.add(new Case("page " + path, t -> t.page().param(path, "1"), "行号"));
            }
        }
        String[] numberFields = {"budgetLines[0].initialBudget", "budgetLines[0].annualBudget", "budgetLines[0].executed",
                "budgetLines[0].balance", "budgetLines[0].statedRate", "budgetLines[0].weight", "budgetLines[0].claimedScore",
                "indicators[0].weight", "indicators[0].claimedScore", "claimedTotal"};
        for (String field : numberFields) {
            for (String bad : new String[] {"0x10", "1/2", "∞", "十二", "1..2", "--1"}) {
                cases.add(new Case("page " + field + "=" + bad, t -> t.page().param(field, bad), "应为数字"));
            }
        }
        String[][] library = {{"sector", "50", "行业"}, {"category", "100", "一级指标"}, {"subcategory", "100", "二级指标"},
                {"name", "200", "三级指标"}, {"unitOfMeasure", "50", "度量单位"}, {"typicalTarget", "200", "参考指标值"},
                {"definition", "1000", "说明"}};
        for (String[] field : library) {
            for (String[] kind : new String[][] {{"too long", "长".repeat(Integer.parseInt(field[1]) + 1), "不能超过"},
                    {"control char", "控" + (char) 1 + "制", "控制字符"}}) {
                cases.add(new Case("library " + field[0] + " " + kind[0], t -> {
                    var r = t.as(post("/admin/library"), t.w.admin()).param("category", "一级").param("subcategory", "二级")
                            .param("name", "指标" + System.nanoTime());
                    return r.param(field[0], kind[1]);
                }, field[2]));
            }
        }
        String[][] userFields = {{"displayName", "长".repeat(101), "不能超过"}, {"displayName", "控" + (char) 2 + "制", "控制字符"},
                {"email", "a".repeat(300) + "@b.cn", "电子邮箱"}, {"role", "KING", "角色"}, {"unitId", "一", "单位"}};
        for (String[] field : userFields) {
            cases.add(new Case("edit user " + field[0] + " " + field[1].substring(0, Math.min(6, field[1].length())),
                    t -> {
                        java.util.Map<String, String> params = new java.util.LinkedHashMap<>(java.util.Map.of("displayName", "乙",
                                "unitId", String.valueOf(t.w.unitB().id()), "role", "UNIT_STAFF"));
                        params.put(field[0], field[1]);
                        var r = t.as(post("/admin/users/" + t.w.staffB().id()), t.w.admin());
                        params.forEach(r::param);
                        return r;
                    }, field[2]));
        }
        cases.add(campaign("campaign name too long", "任".repeat(201), "2024", "PROJECT", "2025-03-31", "不能超过"));
        cases.add(new Case("campaign form title too long", t -> t.as(post("/admin/campaigns/" + t.form.getCampaignId() + "/forms"),
                t.w.admin()).param("unit", String.valueOf(t.w.unitB().id())).param("title", "题".repeat(201)), "不能超过"));
        cases.add(new Case("new unit name too long", t -> t.as(post("/admin/units"), t.w.admin()).param("code", "long-name")
                .param("name", "长".repeat(201)).param("kind", "SUPERVISING"), "不能超过"));
        cases.add(new Case("password change too long", t -> t.as(post("/account/password"), t.w.staffB()).param("current", "x")
                .param("password", "p".repeat(100)).param("repeated", "p".repeat(100)), "不能超过"));
        return cases;
    }

    Case jsonImport(String name, String json, String expect) {
        return new Case(name, t -> t.as(multipart("/forms/" + t.form.getId() + "/import")
                .file(new MockMultipartFile("file", "form.json", "application/json", json.getBytes(StandardCharsets.UTF_8))),
                t.w.staffA()).param("version", String.valueOf(t.version())), expect);
    }

    Case excelImport(String name, byte[] bytes, String expect) {
        return new Case(name, t -> t.as(multipart("/forms/" + t.form.getId() + "/import")
                .file(new MockMultipartFile("file", "form.xlsx", "application/octet-stream", bytes)), t.w.staffA())
                .param("version", String.valueOf(t.version())), expect);
    }

    Case sheetPreview(String name, byte[] bytes, String expect) {
        return new Case(name, t -> t.as(multipart("/forms/" + t.form.getId() + "/import/preview")
                .file(new MockMultipartFile("file", "sheet.xlsx", "application/octet-stream", bytes)), t.w.staffA())
                .param("version", String.valueOf(t.version())), expect);
    }

    Case preview(String name, String json, String expect) {
        return new Case(name, t -> t.as(post("/forms/" + t.form.getId() + "/preview"), t.w.staffA())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json), expect);
    }

    Case review(String name, String decision, String reason, String expect) {
        return new Case(name, t -> t.reviewRequest(decision, reason), expect);
    }

    Case campaign(String name, String title, String year, String type, String fillDue, String expect) {
        return new Case(name, t -> t.as(post("/admin/campaigns"), t.w.admin()).param("name", title).param("fiscalYear", year)
                .param("formType", type).param("fillDue", fillDue).param("unit", String.valueOf(t.w.unitA().id())), expect);
    }

    Case upload(String name, String filename, byte[] bytes, String expect) {
        return new Case(name, t -> t.as(multipart("/forms/" + t.form.getId() + "/evidence")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes)), t.w.staffA()), expect);
    }

    MockHttpServletRequestBuilder reviewRequest(String decision, String reason) {
        MockHttpServletRequestBuilder r = as(post("/forms/" + underReview.getId() + "/review"), w.reviewer1());
        if (decision != null) {
            r.param("decision", decision);
        }
        if (reason != null) {
            r.param("reason", reason);
        }
        return r;
    }

    MockHttpServletRequestBuilder page() {
        return as(post("/forms/" + form.getId()), w.staffA()).param("version", String.valueOf(version())).param("action", "save");
    }

    int version() {
        return jdbc.queryForObject("SELECT version FROM evaluation_form WHERE id = ?", Integer.class, form.getId());
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, org.perfeval.shared.Actor actor) {
        return request.with(user(accounts.loadUserByUsername(actor.username()))).with(csrf());
    }

    static byte[] zipWith(String entry) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A printed provincial form with one edit made to its sheet. */
    static byte[] printedEdit(byte[] printed, java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet> edit) {
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(printed));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int rowWith(org.apache.poi.ss.usermodel.Sheet sheet, String text) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && text.equals(cell.getStringCellValue())) {
                    return row.getRowNum();
                }
            }
        }
        throw new IllegalStateException("no " + text);
    }

    static byte[] workbook(java.util.function.Consumer<XSSFWorkbook> build) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The good export with one cell of the first row under a block's header replaced by text. */
    static byte[] editedSheet(byte[] good, String blockLabel, int column, String value) {
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(good));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.getSheet("评价表");
            for (var row : sheet) {
                var first = row.getCell(0);
                if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && blockLabel.equals(first.getStringCellValue())) {
                    var target = blockLabel.equals("项目名称") || blockLabel.equals("自评总分") ? row : sheet.getRow(row.getRowNum() + 1);
                    var cell = target.getCell(column) == null ? target.createCell(column) : target.getCell(column);
                    cell.setCellValue(value);
                    break;
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

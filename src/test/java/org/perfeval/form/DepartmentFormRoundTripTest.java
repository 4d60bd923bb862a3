package org.perfeval.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.excel.FormWorkbookReader;
import org.perfeval.exchange.excel.FormWorkbookTest;
import org.perfeval.exchange.excel.FormWorkbookWriter;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The department form with every field it gained (部门预算, 单位基本情况, 年度主要任务, 评分标准, 佐证材料,
 * 备注, 分项指标 with ratings) and the fields the editor shows: JSON → store → Excel → store → JSON.
 */
@PerfevalTest
public class DepartmentFormRoundTripTest {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String FORM = """
            {
              "formType": "DEPARTMENT", "year": 2024, "title": "部门整体往返", "ruleSet": "guangdong-bands",
              "moneyUnit": "万元",
              "budgetIncome": 10698.8, "budgetExpenditure": 10442.74, "authorisedStaff": 84, "actualStaff": 79,
              "budgetLines": [
                { "name": "任务1", "role": "ITEM", "task": "优化制度，促进多层次医疗保障体系发展",
                  "project": "医疗保障能力提升", "annualBudget": 394.49, "executed": 380.2, "statedRate": 96.38,
                  "weight": 10, "claimedScore": 10, "quarterlyProgress": [20, 45, 70, 96.38] }
              ],
              "goal": { "expected": "年初总体目标", "actual": "全年完成情况" },
              "indicators": [
                { "category": "履职效能", "subcategory": "整体效能", "name": "产出指标完成情况", "weight": 20,
                  "claimedScore": 12.54, "scoringStandard": "完成率60%以下不得分……", "evidence": "年度工作总结",
                  "remark": "见附件", "deviationNote": "经费压减",
                  "subIndicators": [
                    { "name": "参保人数", "operator": ">=", "target": "200", "unitOfMeasure": "万人", "actual": "210" },
                    { "name": "普遍开展门诊统筹", "target": "普遍开展", "actual": "已普遍开展", "rating": "良" }
                  ] },
                { "category": "履职效能", "subcategory": "整体效能", "name": "预算调整率", "operator": "<=",
                  "target": "5%", "adjustedTarget": "4%", "unitOfMeasure": "%", "actual": "6%", "weight": 70,
                  "claimedScore": 46.67,
                  "deviationReasons": { "funding": "经费", "institution": "制度", "staffing": "人员",
                    "facilities": "硬件", "other": "其他" },
                  "deviationNote": "原因说明", "improvement": "改进措施", "scoringStandard": "按公式",
                  "evidence": "调整文件", "remark": "备注" }
              ],
              "claimedTotal": 69.21, "claimedGrade": "差",
              "suggestions": { "selected": ["建议进一步规范预算管理"], "details": { "建议进一步规范预算管理": "细化" },
                "overall": "总体" }
            }
            """;

    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired FormMapper formMapper;
    @Autowired FormStore store;

    @Test
    void everyNewFieldSurvivesJsonStoreExcelStoreJson() throws Exception {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "部门整体往返");
        EvaluationForm imported = ExchangeJson.readForm(FORM);
        forms.importDraft(w.staffA(), form.getId(), version(form), imported, "JSON");
        EvaluationForm stored = store.content(form.getId());
        assertThat(stored.getIndicators().get(0).getSubIndicators()).hasSize(2);

        byte[] xlsx = new FormWorkbookWriter().write(stored);
        EvaluationForm fromExcel = new FormWorkbookReader().read(xlsx);
        assertThat(fromExcel.getIndicators()).hasSize(2);
        forms.importDraft(w.staffA(), form.getId(), version(form), fromExcel, "Excel");

        JsonNode back = content(JSON.readTree(ExchangeJson.writeForm(store.content(form.getId()))));
        JsonNode original = content(JSON.readTree(FORM));
        assertThat(back).isEqualTo(original);
        for (String path : List.of("/budgetIncome", "/authorisedStaff", "/budgetLines/0/task", "/budgetLines/0/project",
                "/budgetLines/0/quarterlyProgress/3", "/indicators/0/subIndicators/1/rating",
                "/indicators/0/subIndicators/0/unitOfMeasure", "/indicators/1/deviationReasons/facilities",
                "/indicators/1/adjustedTarget", "/indicators/1/scoringStandard", "/indicators/1/evidence",
                "/indicators/1/remark")) {
            assertThat(back.at(path).isMissingNode()).as(path).isFalse();
        }
    }

    private int version(FormHeader form) {
        return formMapper.findHeader(form.getId()).getVersion();
    }

    private static JsonNode content(JsonNode node) {
        ObjectNode copy = (ObjectNode) FormWorkbookTest.normalized(node);
        StoredRoundTripTest.FIXED.forEach(copy::remove);
        return copy;
    }
}

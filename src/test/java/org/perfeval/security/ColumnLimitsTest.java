package org.perfeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.DeviationReasons;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormLimits;
import org.perfeval.exchange.Goal;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.Report;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.Suggestions;
import org.perfeval.shared.ColumnLimits;
import org.perfeval.shared.FieldProblem;
import org.perfeval.support.PerfevalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The length checks are derived from the schema as it really is (INFORMATION_SCHEMA, on H2 and on
 * MariaDB): every limit the code applies fits its column, every text column is either checked or
 * written only by the system, and each check refuses one character more than the column holds.
 */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ColumnLimitsTest {
    /** Form fields (exchange.FormLimits) and the column each is stored in. */
    static final Map<String, Field> FORM_FIELDS = new LinkedHashMap<>();

    record Field(String table, String column, BiConsumer<EvaluationForm, String> set) {
    }

    static {
        form("title", "evaluation_form", "title", EvaluationForm::setTitle);
        form("moneyUnit", "evaluation_form", "money_unit", EvaluationForm::setMoneyUnit);
        form("claimedGrade", "evaluation_form", "claimed_grade", EvaluationForm::setClaimedGrade);
        form("budgetLines[0].name", "budget_line", "name", (f, v) -> f.getBudgetLines().get(0).setName(v));
        form("indicators[0].category", "indicator", "category", (f, v) -> f.getIndicators().get(0).setCategory(v));
        form("indicators[0].subcategory", "indicator", "subcategory", (f, v) -> f.getIndicators().get(0).setSubcategory(v));
        form("indicators[0].name", "indicator", "name", (f, v) -> f.getIndicators().get(0).setName(v));
        form("indicators[0].operator", "indicator", "operator", (f, v) -> f.getIndicators().get(0).setOperator(v));
        form("indicators[0].target", "indicator", "target", (f, v) -> f.getIndicators().get(0).setTarget(v));
        form("indicators[0].adjustedTarget", "indicator", "adjusted_target", (f, v) -> f.getIndicators().get(0).setAdjustedTarget(v));
        form("indicators[0].unitOfMeasure", "indicator", "unit_of_measure", (f, v) -> f.getIndicators().get(0).setUnitOfMeasure(v));
        form("indicators[0].actual", "indicator", "actual", (f, v) -> f.getIndicators().get(0).setActual(v));
        form("indicators[0].previousActual", "indicator", "previous_actual", (f, v) -> f.getIndicators().get(0).setPreviousActual(v));
        form("suggestions.selected", "form_suggestion", "option_label", (f, v) -> f.getSuggestions().getSelected().add(v));
        form("report.sections[0].heading", "report_section", "heading", (f, v) -> f.getReport().getSections().get(0).setHeading(v));
    }

    private static void form(String path, String table, String column, BiConsumer<EvaluationForm, String> set) {
        FORM_FIELDS.put(path, new Field(table, column, set));
    }

    /** Text columns only the system writes (codes, enum names, generated ids, copies of checked text). */
    static final Set<String> SYSTEM_WRITTEN = Set.of(
            "org_unit.kind", "org_unit.path", "app_user.password_hash", "app_user.role",
            "campaign.form_type", "campaign.rule_set", "campaign.template", "campaign.status", "campaign.public_opinions",
            "evaluation_form.form_type", "evaluation_form.rule_set", "evaluation_form.status",
            "evaluation_form.process_instance_id", "evaluation_form.score_grade",
            "budget_line.role", "budget_line.quarterly_progress",
            "review_opinion.stage", "review_opinion.decision",
            "workflow_record.action", "workflow_record.from_status", "workflow_record.to_status",
            "inbox_task.task_id", "inbox_task.stage", "inbox_task.candidate_group", "inbox_task.assignee",
            "inbox_task.process_definition_id", "inbox_task.title", "inbox_task.unit_name", "inbox_task.form_type",
            "inbox_task.status", "consultation.task_id", "consultation.stage",
            "published_record.form_type", "published_record.title", "published_record.unit_name",
            "published_record.supervising_unit_name", "published_record.score_grade",
            "notification.kind", "notification.dedup_key", "notification.email_state",
            "reminder.stage", "overdue_mark.task_id", "overdue_mark.stage",
            // Deadline alarms: the engine's task id, the kind, and an exception's message cut to 1,000 characters.
            "deadline_alarm.task_id", "deadline_alarm.kind", "deadline_alarm.last_error",
            "request_key.request_key", "request_key.action", "request_key.outcome",
            "evidence.stored_name", "evidence.sha256", "published_record.pdf_sha256", "follow_up.stage", "follow_up.status", "audit_log.action",
            "indicator_library.form_type",
            "unit_history.field", "unit_history.actor_name",
            // Names as at filing: copies of org_unit.name (checked when a unit is named).
            "evaluation_form.filed_unit_name", "evaluation_form.filed_supervising_name", "evaluation_form.filed_unit_path",
            // Spring Session's own tables and the evidence store's generated names.
            "spring_session.primary_id", "spring_session.session_id", "spring_session.principal_name",
            "spring_session_attributes.session_primary_id", "spring_session_attributes.attribute_name",
            "evidence_content.stored_name");

    /**
     * Form fields checked by the exchange format's own limits (exchange.FieldCatalogue, applied to every
     * import and save): each catalogue field with a column, by the table it is stored in.
     */
    static Map<String, Integer> catalogueLimits() {
        Map<String, Integer> limits = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, List<? extends org.perfeval.exchange.FieldCatalogue.Field<?>>> add =
                (table, fields) -> fields.stream().filter(f -> f.column() != null && !f.numeric() && f.maxLength() > 0)
                        .forEach(f -> limits.put(table + "." + f.column(), f.maxLength()));
        add.accept("budget_line", org.perfeval.exchange.FieldCatalogue.BUDGET_LINE);
        add.accept("indicator", org.perfeval.exchange.FieldCatalogue.INDICATOR);
        add.accept("indicator_part", org.perfeval.exchange.FieldCatalogue.SUB_INDICATOR);
        return limits;
    }

    @Autowired JdbcTemplate jdbc;

    @Test
    void everyLimitFitsItsColumnAndEveryTextColumnIsCovered() {
        Map<String, Integer> columns = textColumns();
        List<String> wrong = new ArrayList<>();
        Set<String> covered = new TreeSet<>(SYSTEM_WRITTEN);
        for (ColumnLimits limit : ColumnLimits.values()) {
            String key = limit.table() + "." + limit.column();
            Integer length = columns.get(key);
            if (length == null) {
                wrong.add(limit + ": no column " + key);
            } else if (limit.max() > length) {
                wrong.add(limit + ": allows " + limit.max() + ", column " + key + " holds " + length);
            }
            covered.add(key);
        }
        FORM_FIELDS.values().forEach(f -> covered.add(f.table() + "." + f.column()));
        catalogueLimits().forEach((key, max) -> {
            Integer length = columns.get(key);
            if (length != null && max > length) {
                wrong.add("FieldCatalogue " + key + ": allows " + max + ", column holds " + length);
            }
            if (length != null) {
                covered.add(key);
            }
        });
        for (String column : columns.keySet()) {
            if (!covered.contains(column)) {
                wrong.add(column + " (" + columns.get(column) + ") has no length check: add it to shared.ColumnLimits"
                        + " and check it where user input is written, or list it here as written by the system only");
            }
        }
        System.out.println("column limits: " + columns.size() + " text columns, " + ColumnLimits.values().length
                + " checked limits, " + FORM_FIELDS.size() + " form fields");
        assertThat(wrong).isEmpty();
    }

    @Test
    void formLimitsRefuseOneCharacterMoreThanEachColumnHolds() {
        Map<String, Integer> columns = textColumns();
        List<String> wrong = new ArrayList<>();
        FORM_FIELDS.forEach((path, field) -> {
            int length = columns.get(field.table() + "." + field.column());
            if (!problemsAt(path, field, "字".repeat(length + 1))) {
                wrong.add(path + ": " + (length + 1) + " characters accepted, column holds " + length);
            }
            // Operators and grades are checked for their meaning elsewhere; here only the length.
            if (problemsAt(path, field, "字".repeat(length))) {
                wrong.add(path + ": " + length + " characters refused although the column holds them");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void columnLimitChecksRefuseOneMoreAndAcceptTheColumnLength() {
        Map<String, Integer> columns = textColumns();
        for (ColumnLimits limit : ColumnLimits.values()) {
            List<FieldProblem> problems = new ArrayList<>();
            assertThat(limit.check(problems, "x", "字段", "𠮷".repeat(limit.max()))).as(limit.name()).isTrue();
            assertThat(limit.check(problems, "x", "字段", "𠮷".repeat(limit.max() + 1))).as(limit.name()).isFalse();
            assertThat(problems).singleElement().extracting(FieldProblem::message).asString().contains("不能超过 " + limit.max());
            assertThat(limit.cut("字".repeat(columns.get(limit.table() + "." + limit.column()) + 5)).length())
                    .isEqualTo(limit.max());
        }
    }

    private static boolean problemsAt(String path, Field field, String value) {
        EvaluationForm form = new EvaluationForm();
        form.setBudgetLines(new ArrayList<>(List.of(new BudgetLine())));
        Indicator indicator = new Indicator();
        indicator.setDeviationReasons(new DeviationReasons());
        form.setIndicators(new ArrayList<>(List.of(indicator)));
        form.setGoal(new Goal());
        form.setSuggestions(new Suggestions());
        Report report = new Report();
        report.setSections(new ArrayList<>(List.of(new ReportSection())));
        form.setReport(report);
        field.set().accept(form, value);
        return FormLimits.check(form).stream().map(Problem::path).anyMatch(path::equals);
    }

    /** table.column → declared length, of our tables' VARCHAR/CHAR columns, as the database reports them. */
    Map<String, Integer> textColumns() {
        String schemaFilter = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                Integer.class) > 0 ? "TABLE_SCHEMA = 'PUBLIC'" : "TABLE_SCHEMA = DATABASE()";
        Map<String, Integer> columns = new LinkedHashMap<>();
        jdbc.query("SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                + schemaFilter, rs -> {
            String table = rs.getString(1).toLowerCase(Locale.ROOT);
            String type = rs.getString(4).toUpperCase(Locale.ROOT);
            if (table.startsWith("act_") || table.startsWith("flyway") || !(type.contains("CHAR"))
                    || type.contains("CLOB") || type.contains("TEXT") || type.contains("LARGE OBJECT")
                    || rs.getLong(3) > 65535) {
                // TEXT columns (H2 reports them as very long VARCHARs): bounded by the checks' own limits.
                return;
            }
            columns.put(table + "." + rs.getString(2).toLowerCase(Locale.ROOT), rs.getInt(3));
        });
        assertThat(columns).containsKey("indicator_library.sector");
        return columns;
    }
}

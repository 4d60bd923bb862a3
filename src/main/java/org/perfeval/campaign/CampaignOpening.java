package org.perfeval.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Indicator;
import org.perfeval.form.FormHistory;
import org.perfeval.form.FormMapper;
import org.perfeval.approval.Approval;
import org.perfeval.form.FormStatus;
import org.perfeval.form.FormStore;
import org.perfeval.form.WorkflowAction;
import org.perfeval.shared.Actor;
import org.perfeval.organisation.OrgMapper;
import org.perfeval.organisation.OrgUnit;
import org.perfeval.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Opens a batch of forms in the caller's transaction: a form and a process for each assignment that
 * has none yet. What can be read or written for the whole batch at once is (the units, the forms
 * they already have, last year's forms, the new rows and their child rows, the history records), so
 * that each form costs little more than its process start.
 */
@Component
class CampaignOpening {
    private final FormMapper formMapper;
    private final FormStore formStore;
    private final Approval formProcess;
    private final FormHistory history;
    private final FormTemplates templates;
    private final OrgMapper orgMapper;
    private final org.perfeval.organisation.OrgTree orgTree;
    private org.perfeval.organisation.UnitEditing unitEditing;

    @org.springframework.beans.factory.annotation.Autowired
    void setUnitEditing(org.perfeval.organisation.UnitEditing unitEditing) {
        this.unitEditing = unitEditing;
    }

    CampaignOpening(FormMapper formMapper, FormStore formStore, Approval formProcess, FormHistory history,
                    FormTemplates templates, OrgMapper orgMapper, org.perfeval.organisation.OrgTree orgTree) {
        this.orgTree = orgTree;
        this.formMapper = formMapper;
        this.formStore = formStore;
        this.formProcess = formProcess;
        this.history = history;
        this.templates = templates;
        this.orgMapper = orgMapper;
    }

    /** Returns how many forms were started; assignments already open (or repeated in the batch) start nothing. */
    int open(Actor actor, Campaign campaign, List<FormAssignment> assignments) {
        if (assignments.isEmpty()) {
            return 0;
        }
        Map<Long, OrgUnit> units = units(assignments);
        Map<FormKey, FormMapper.OpenedForm> existing = byKey(formMapper.findOpened(campaign.id(), units.keySet()));
        Map<FormKey, FormMapper.OpenedForm> lastYear = byKey(formMapper.findOfYear(units.keySet(), campaign.fiscalYear() - 1));
        EvaluationForm template = templates.blank(campaign.template());
        // A 基层单位 below a 二级单位 files under the 主管部门 above both, not under its parent.
        Map<Long, Long> departments = orgTree.departmentsOf(units.values());

        List<FormMapper.NewFormRow> created = new ArrayList<>();
        List<Long> toStart = new ArrayList<>();
        Set<FormKey> seen = new HashSet<>();
        for (FormAssignment assignment : assignments) {
            OrgUnit unit = units.get(assignment.unitId());
            String title = assignment.title() == null || assignment.title().isBlank() ? unit.name() : assignment.title();
            FormKey key = new FormKey(unit.id(), title);
            FormMapper.OpenedForm form = existing.get(key);
            if (!seen.add(key) || (form != null && form.processInstanceId() != null)) {
                continue;
            }
            if (form != null) {
                // Created by an opening that did not get to start its process.
                toStart.add(form.id());
            } else {
                FormMapper.NewFormRow row = newRow(campaign, unit, departments.get(unit.id()), title, template,
                        lastYear.get(key));
                if (assignment.budget() != null) {
                    budgetOf(row.content, assignment.budget());
                }
                created.add(row);
                toStart.add(null);
            }
        }
        formStore.createAll(created);
        int next = 0;
        for (int i = 0; i < toStart.size(); i++) {
            if (toStart.get(i) == null) {
                toStart.set(i, created.get(next++).id);
            }
        }
        formProcess.startAll(toStart);
        history.recordAll(toStart, actor, WorkflowAction.OPEN, null, FormStatus.DRAFT, campaign.name());
        return toStart.size();
    }

    private Map<Long, OrgUnit> units(List<FormAssignment> assignments) {
        Set<Long> ids = new LinkedHashSet<>();
        for (FormAssignment assignment : assignments) {
            if (assignment.unitId() == null) {
                throw new InvalidInputException("unitId", "请选择单位");
            }
            ids.add(assignment.unitId());
        }
        Map<Long, OrgUnit> units = new HashMap<>();
        for (OrgUnit unit : orgMapper.findUnits(ids)) {
            units.put(unit.id(), unit);
        }
        for (Long id : ids) {
            if (!units.containsKey(id)) {
                throw new InvalidInputException("unitId", "单位不存在：" + id);
            }
        }
        List<Long> disabled = unitEditing.disabledAmong(ids);
        if (!disabled.isEmpty()) {
            throw new InvalidInputException("unitId", "单位「" + units.get(disabled.get(0)).name() + "」已停用，不能下发评价表");
        }
        return units;
    }

    private FormMapper.NewFormRow newRow(Campaign campaign, OrgUnit unit, Long departmentId, String title,
                                         EvaluationForm template,
                                         FormMapper.OpenedForm lastYear) {
        FormMapper.NewFormRow row = new FormMapper.NewFormRow();
        row.campaignId = campaign.id();
        row.unitId = unit.id();
        row.supervisingUnitId = departmentId;
        row.formType = campaign.formType().name();
        row.fiscalYear = campaign.fiscalYear();
        row.title = title;
        row.ruleSet = campaign.ruleSet();
        // Each form gets its own copy: saving normalises and fills the content in place.
        row.content = templates.copy(template);
        if (lastYear != null) {
            startFromLastYear(row.content, formStore.content(lastYear.id()));
        }
        return row;
    }

    /** The budget the administrator gave the project: the 全年预算数 of its total line. */
    private static void budgetOf(EvaluationForm content, java.math.BigDecimal budget) {
        content.getBudgetLines().stream()
                .filter(l -> l.getRole() == org.perfeval.exchange.BudgetLineRole.TOTAL).findFirst()
                .ifPresent(total -> total.setAnnualBudget(budget));
    }

    /**
     * Next year's form of the same project starts from last year's indicators: names, operators and
     * units kept, last year's actual shown beside the new target, this year's values left empty.
     */
    private static void startFromLastYear(EvaluationForm blank, EvaluationForm last) {
        List<Indicator> rows = new ArrayList<>();
        for (Indicator old : last.getIndicators()) {
            if (old.getName() == null || old.getName().isBlank()) {
                continue;
            }
            Indicator row = new Indicator();
            row.setCategory(old.getCategory());
            row.setSubcategory(old.getSubcategory());
            row.setName(old.getName());
            row.setOperator(old.getOperator());
            row.setTarget(old.getAdjustedTarget() != null && !old.getAdjustedTarget().isBlank()
                    ? old.getAdjustedTarget() : old.getTarget());
            row.setUnitOfMeasure(old.getUnitOfMeasure());
            row.setWeight(old.getWeight());
            row.setPreviousActual(old.getActual());
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            blank.setIndicators(rows);
        }
        if (last.getGoal() != null) {
            blank.getGoal().setExpected(last.getGoal().getExpected());
        }
    }

    private static Map<FormKey, FormMapper.OpenedForm> byKey(List<FormMapper.OpenedForm> forms) {
        Map<FormKey, FormMapper.OpenedForm> byKey = new HashMap<>();
        for (FormMapper.OpenedForm form : forms) {
            byKey.put(new FormKey(form.unitId(), form.title()), form);
        }
        return byKey;
    }

    /** Unit and title identify a form within a campaign (the unique key), and a project across years. */
    private record FormKey(Long unitId, String title) {
    }
}

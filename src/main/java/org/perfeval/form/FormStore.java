package org.perfeval.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfeval.exchange.DeviationReasons;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.SubIndicator;
import org.perfeval.exchange.Goal;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.Report;
import org.perfeval.exchange.Suggestions;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.NotFoundException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reads and writes a form's content; no access checks here (the services do them). */
@Repository
public class FormStore {
    /** Key of the contents read in the current transaction. */
    private static final Object READ = new Object();

    private final FormMapper mapper;
    private final FormRowsWriter rows;

    public FormStore(FormMapper mapper, FormRowsWriter rows) {
        this.mapper = mapper;
        this.rows = rows;
    }

    public FormHeader header(Long formId) {
        FormHeader header = mapper.findHeader(formId);
        if (header == null) {
            throw new NotFoundException("评价表不存在");
        }
        return header;
    }

    public StoredForm load(Long formId) {
        FormHeader header = header(formId);
        return new StoredForm(header, content(formId));
    }

    /**
     * The form's content. A submission needs it three times (the snapshot in its history, the
     * scoring, the error list), so inside a read-write transaction the first read is kept until the
     * form is saved again or the transaction ends. Callers must not change what they are given.
     */
    public EvaluationForm content(Long formId) {
        Map<Long, EvaluationForm> read = readInThisTransaction();
        return read == null ? read(formId) : read.computeIfAbsent(formId, id -> read(id));
    }

    private static Map<Long, EvaluationForm> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        return org.perfeval.shared.TransactionMemo.of(READ);
    }

    private static void forget(Long formId) {
        Map<Long, EvaluationForm> read = org.perfeval.shared.TransactionMemo.ifBound(READ);
        if (read != null) {
            read.remove(formId);
        }
    }

    private EvaluationForm read(Long formId) {
        EvaluationForm form = mapper.findContentHeader(formId);
        form.setBudgetLines(new ArrayList<>(mapper.findBudgetLines(formId)));
        form.setIndicators(new ArrayList<>(mapper.findIndicators(formId)));
        for (FormMapper.PartRow part : mapper.findIndicatorParts(formId)) {
            if (part.indicatorSeq() < form.getIndicators().size()) {
                SubIndicator sub = new SubIndicator();
                sub.setName(part.name());
                sub.setOperator(part.operator());
                sub.setTarget(part.target());
                sub.setUnitOfMeasure(part.unitOfMeasure());
                sub.setActual(part.actual());
                sub.setRating(part.rating());
                form.getIndicators().get(part.indicatorSeq()).getSubIndicators().add(sub);
            }
        }
        Suggestions suggestions = form.getSuggestions() == null ? new Suggestions() : form.getSuggestions();
        for (FormMapper.SuggestionRow row : mapper.findSuggestions(formId)) {
            suggestions.getSelected().add(row.optionLabel());
            if (row.detail() != null) {
                suggestions.getDetails().put(row.optionLabel(), row.detail());
            }
        }
        form.setSuggestions(suggestions);
        Report report = new Report();
        report.setSections(new ArrayList<>(mapper.findReportSections(formId)));
        form.setReport(report);
        return normalized(form);
    }

    /**
     * Replaces the content of a form whose version is still {@code expectedVersion}; the child rows
     * are rewritten in the same transaction. Returns the new version.
     */
    public int save(Long formId, int expectedVersion, EvaluationForm content) {
        return save(formId, expectedVersion, content, null);
    }

    private int save(Long formId, int expectedVersion, EvaluationForm content, FormMapper.Filing filing) {
        forget(formId);
        normalized(content);
        updateHeader(formId, expectedVersion, content, filing);
        replaceChildren(formId, content);
        return expectedVersion + 1;
    }

    /**
     * The same, for a submission: a form is usually saved and then submitted unchanged, so the stored
     * rows are read first (the submission needs them anyway, for its snapshot and the scoring) and
     * rewritten only if the posted rows differ. Numbers are compared by value, so 75.0 equals 75.
     */
    public int saveIfChanged(Long formId, int expectedVersion, EvaluationForm content) {
        return saveIfChanged(formId, expectedVersion, content, null);
    }

    /** The same, filing the submission ({@code filing}: the names as at filing) with the header's update. */
    public int saveIfChanged(Long formId, int expectedVersion, EvaluationForm content, FormMapper.Filing filing) {
        normalized(content);
        EvaluationForm stored = content(formId);
        if (!rows.sameRows(content, stored)) {
            return save(formId, expectedVersion, content, filing);
        }
        updateHeader(formId, expectedVersion, content, filing);
        if (!sameHeader(content, stored)) {
            forget(formId);
        }
        return expectedVersion + 1;
    }

    /** The fields of the form's own row that updateContent writes. */
    private static boolean sameHeader(EvaluationForm a, EvaluationForm b) {
        return java.util.Objects.equals(a.getTitle(), b.getTitle())
                && java.util.Objects.equals(a.getMoneyUnit(), b.getMoneyUnit())
                && java.util.Objects.equals(a.getGoal().getExpected(), b.getGoal().getExpected())
                && java.util.Objects.equals(a.getGoal().getActual(), b.getGoal().getActual())
                && (a.getClaimedTotal() == null ? b.getClaimedTotal() == null
                        : b.getClaimedTotal() != null && a.getClaimedTotal().compareTo(b.getClaimedTotal()) == 0)
                && java.util.Objects.equals(a.getClaimedGrade(), b.getClaimedGrade())
                && java.util.Objects.equals(a.getSuggestions().getOverall(), b.getSuggestions().getOverall())
                && FieldCatalogue.DEPARTMENT_FACTS.stream().allMatch(f -> sameNumber((BigDecimal) f.get(a), (BigDecimal) f.get(b)));
    }

    private static boolean sameNumber(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    private void updateHeader(Long formId, int expectedVersion, EvaluationForm content, FormMapper.Filing filing) {
        if (mapper.updateContent(formId, expectedVersion, content, filing) == 0) {
            header(formId);
            throw new ConflictException("该评价表已被他人修改（您打开的是旧版本），请刷新后再保存；您填写的内容仍保留在页面上。");
        }
    }

    private void replaceChildren(Long formId, EvaluationForm content) {
        mapper.deleteBudgetLines(formId);
        mapper.deleteIndicatorParts(formId);
        mapper.deleteIndicators(formId);
        mapper.deleteSuggestions(formId);
        mapper.deleteReportSections(formId);
        rows.insert(List.of(Map.entry(formId, content)));
    }

    /**
     * Inserts new forms with their first content (version 1): a row each, then each child table's rows
     * of all of them in one statement. Fills in the rows' ids.
     */
    public void createAll(List<FormMapper.NewFormRow> newForms) {
        for (FormMapper.NewFormRow row : newForms) {
            normalized(row.content).setTitle(row.title);
            mapper.insertForm(row);
        }
        rows.insert(newForms.stream().map(r -> Map.entry(r.id, r.content)).toList());
    }

    static List<FormMapper.SuggestionRow> suggestionRows(Suggestions suggestions) {
        Map<String, String> details = suggestions.getDetails() == null ? Map.of() : suggestions.getDetails();
        return suggestions.getSelected().stream()
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                .map(s -> new FormMapper.SuggestionRow(s, details.get(s)))
                .toList();
    }

    /** Fills the optional parts with empty objects so that pages and the scorer need no null checks. */
    public static EvaluationForm normalized(EvaluationForm form) {
        if (form.getGoal() == null) {
            form.setGoal(new Goal());
        }
        if (form.getSuggestions() == null) {
            form.setSuggestions(new Suggestions());
        }
        if (form.getSuggestions().getSelected() == null) {
            form.getSuggestions().setSelected(new ArrayList<>());
        }
        if (form.getReport() == null) {
            form.setReport(new Report());
        }
        if (form.getBudgetLines() == null) {
            form.setBudgetLines(new ArrayList<>());
        }
        if (form.getIndicators() == null) {
            form.setIndicators(new ArrayList<>());
        }
        // Pages post sparse row indexes after rows are removed.
        form.getBudgetLines().removeIf(java.util.Objects::isNull);
        form.getIndicators().removeIf(java.util.Objects::isNull);
        form.getReport().getSections().removeIf(java.util.Objects::isNull);
        for (Indicator indicator : form.getIndicators()) {
            if (indicator.getDeviationReasons() == null) {
                indicator.setDeviationReasons(new DeviationReasons());
            }
            // The page always posts one blank 分项 row to type into; a blank one is not a sub-indicator.
            indicator.getSubIndicators().removeIf(sub -> sub == null || FieldCatalogue.SUB_INDICATOR.stream()
                    .allMatch(f -> f.get(sub) == null || f.get(sub).toString().isBlank()));
        }
        return form;
    }
}

package org.perfeval.form;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.SubIndicator;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the child rows of one or more forms (budget lines, indicators, suggestions, report
 * sections): one batch per table, values bound directly. The same statements built by
 * MyBatis's {@code <foreach>} evaluated an expression per value, a third of the processor time of a
 * whole approval cycle. Runs on the transaction's connection, like the mappers, and always after a
 * mapper has written the form in that transaction, which clears MyBatis's session cache.
 */
@Component
class FormRowsWriter {
    private static final List<FieldCatalogue.Field<BudgetLine>> BUDGET_COLUMNS = FieldCatalogue.columns(FieldCatalogue.BUDGET_LINE);
    private static final List<FieldCatalogue.Field<Indicator>> INDICATOR_COLUMNS = FieldCatalogue.columns(FieldCatalogue.INDICATOR);
    private static final List<FieldCatalogue.Field<SubIndicator>> PART_COLUMNS = FieldCatalogue.columns(FieldCatalogue.SUB_INDICATOR);

    private final JdbcTemplate jdbc;

    FormRowsWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<Map.Entry<Long, EvaluationForm>> forms) {
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        List<Object[]> suggestions = new ArrayList<>();
        List<Object[]> sections = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();
        for (Map.Entry<Long, EvaluationForm> form : forms) {
            collect(form.getKey(), form.getValue(), lines, indicators, suggestions, sections, parts);
        }
        insert("budget_line", columns(BUDGET_COLUMNS), lines);
        insert("indicator", columns(INDICATOR_COLUMNS), indicators);
        List<String> partColumns = columns(PART_COLUMNS);
        partColumns.add(1, "indicator_seq");
        insert("indicator_part", partColumns, parts);
        insert("form_suggestion", List.of("form_id", "seq", "option_label", "detail"), suggestions);
        insert("report_section", List.of("form_id", "seq", "heading", "body"), sections);
    }

    /** True when the two contents would write the same child rows (numbers compared by value). */
    boolean sameRows(EvaluationForm a, EvaluationForm b) {
        List<List<Object[]>> left = rowsOf(a);
        List<List<Object[]>> right = rowsOf(b);
        for (int table = 0; table < left.size(); table++) {
            if (left.get(table).size() != right.get(table).size()) {
                return false;
            }
            for (int row = 0; row < left.get(table).size(); row++) {
                Object[] x = left.get(table).get(row);
                Object[] y = right.get(table).get(row);
                for (int i = 0; i < x.length; i++) {
                    if (!sameValue(x[i], y[i])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean sameValue(Object x, Object y) {
        if (x instanceof BigDecimal p && y instanceof BigDecimal q) {
            return p.compareTo(q) == 0;
        }
        return java.util.Objects.equals(x, y);
    }

    private static List<List<Object[]>> rowsOf(EvaluationForm content) {
        List<List<Object[]>> tables = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        collect(0L, content, tables.get(0), tables.get(1), tables.get(2), tables.get(3), tables.get(4));
        return tables;
    }

    private static void collect(Long id, EvaluationForm content, List<Object[]> lines, List<Object[]> indicators,
                                List<Object[]> suggestions, List<Object[]> sections, List<Object[]> parts) {
        int seq = 0;
        for (BudgetLine l : content.getBudgetLines()) {
            lines.add(values(id, seq++, BUDGET_COLUMNS, l));
        }
        seq = 0;
        for (Indicator r : content.getIndicators()) {
            int partSeq = 0;
            for (SubIndicator sub : r.getSubIndicators()) {
                if (sub != null) {
                    // form_id, indicator_seq, seq, then the part's columns
                    Object[] values = values(id, partSeq++, PART_COLUMNS, sub);
                    Object[] withRow = new Object[values.length + 1];
                    withRow[0] = id;
                    withRow[1] = seq;
                    System.arraycopy(values, 1, withRow, 2, values.length - 1);
                    parts.add(withRow);
                }
            }
            indicators.add(values(id, seq++, INDICATOR_COLUMNS, r));
        }
        seq = 0;
        for (FormMapper.SuggestionRow s : FormStore.suggestionRows(content.getSuggestions())) {
            suggestions.add(new Object[] {id, seq++, s.optionLabel(), s.detail()});
        }
        seq = 0;
        for (ReportSection s : content.getReport().getSections()) {
            sections.add(new Object[] {id, seq++, s.getHeading(), s.getBody()});
        }
    }

    /** form_id, seq, then the row's catalogue fields that are columns of its table. */
    private static <T> Object[] values(Long id, int seq, List<FieldCatalogue.Field<T>> fields, T row) {
        Object[] values = new Object[fields.size() + 2];
        values[0] = id;
        values[1] = seq;
        for (int i = 0; i < fields.size(); i++) {
            Object value = fields.get(i).get(row);
            values[i + 2] = fields.get(i).kind() == FieldCatalogue.Kind.NUMBER_LIST ? progress(castList(value)) : value;
        }
        return values;
    }

    private static <T> List<String> columns(List<FieldCatalogue.Field<T>> fields) {
        List<String> columns = new ArrayList<>(List.of("form_id", "seq"));
        fields.forEach(f -> columns.add(f.column()));
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static List<BigDecimal> castList(Object value) {
        return (List<BigDecimal>) value;
    }

    /**
     * One JDBC batch per table: MySQL's driver (rewriteBatchedStatements) sends it as multi-row INSERTs
     * split by its packet size, and parses the one-row statement once per connection. A statement of a
     * whole batch's rows, as this wrote before, was too long for the driver's statement cache and was
     * parsed again at every save and every batch of an opening (an eighth of an opening's processor time).
     */
    private void insert(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int row) throws SQLException {
                Object[] values = rows.get(row);
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** Quarterly progress as stored by DecimalListTypeHandler: "12.5,30,60,95". */
    private static String progress(List<BigDecimal> values) {
        return values == null || values.isEmpty() ? null
                : values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","));
    }
}

package org.perfeval.publication;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.Objects;

import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FieldCatalogue;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.SubIndicator;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.scoring.IndicatorScore;
import org.perfeval.scoring.Scores;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/** Lays a published form out on A4 like the official table, with its report, in an embedded CJK font. */
public final class PublishedFormPdf {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日").withZone(ZoneId.of("Asia/Shanghai"));

    private final BaseFont base;
    private final Font title;
    private final Font heading;
    private final Font body;
    private final Font small;

    /** Rule set code to its Chinese name; the code itself unless told otherwise. */
    private java.util.function.UnaryOperator<String> ruleSetLabel = name -> name;

    PublishedFormPdf ruleSetLabels(java.util.function.UnaryOperator<String> labels) {
        this.ruleSetLabel = labels;
        return this;
    }

    public PublishedFormPdf(BaseFont base) {
        this.base = Objects.requireNonNull(base);
        this.title = new Font(base, 16, Font.BOLD);
        this.heading = new Font(base, 11, Font.BOLD);
        this.body = new Font(base, 9);
        this.small = new Font(base, 8);
    }

    public byte[] render(PdfContent c) {
        EvaluationForm f = c.form();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 40, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(base, "公开日期：" + DATE.format(c.publishedAt())));
            document.addTitle(f.getTitle() == null ? "" : f.getTitle());
            document.open();
            Paragraph t = new Paragraph(f.getYear() + "年度" + f.getFormType().label(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(10);
            document.add(t);
            document.add(facts(f, c));
            document.add(budget(f, c));
            document.add(goal(f));
            document.add(indicators(f, c));
            document.add(totals(c));
            suggestions(document, f);
            opinions(document, c.opinions());
            report(document, f);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF 生成失败", e);
        }
        return out.toByteArray();
    }

    /** A field's PDF heading from the field catalogue. */
    private static <T> String pdf(List<FieldCatalogue.Field<T>> fields, String path) {
        return FieldCatalogue.field(fields, path).pdfLabel();
    }

    private PdfPTable facts(EvaluationForm f, PdfContent c) throws DocumentException {
        PdfPTable table = table(new float[] {1.2f, 3f, 1.2f, 3f});
        label(table, pdf(FieldCatalogue.FORM, "title"));
        cell(table, f.getTitle(), 3);
        label(table, pdf(FieldCatalogue.FORM, "supervisingDepartment"));
        cell(table, c.supervisingUnitName(), 1);
        label(table, pdf(FieldCatalogue.FORM, "unit"));
        cell(table, c.unitName(), 1);
        label(table, pdf(FieldCatalogue.FORM, "moneyUnit"));
        cell(table, f.getMoneyUnit(), 1);
        label(table, pdf(FieldCatalogue.FORM, "ruleSet"));
        cell(table, ruleSetLabel.apply(c.score() == null ? f.getRuleSet() : c.score().ruleSet()), 1);
        for (FieldCatalogue.Field<EvaluationForm> field : FieldCatalogue.DEPARTMENT_FACTS) {
            if (field.get(f) != null) {
                label(table, field.pdfLabel());
                cell(table, ((BigDecimal) field.get(f)).stripTrailingZeros().toPlainString(), 1);
            }
        }
        table.completeRow();
        return table;
    }

    private PdfPTable budget(EvaluationForm f, PdfContent c) throws DocumentException {
        PdfPTable table = table(new float[] {3f, 1.3f, 1.3f, 1.3f, 0.9f, 1.1f, 0.9f});
        head(table, Stream.of("name", "initialBudget", "annualBudget", "executed", "weight", "statedRate", "claimedScore")
                .map(path -> pdf(FieldCatalogue.BUDGET_LINE, path)).toArray(String[]::new));
        for (int i = 0; i < f.getBudgetLines().size(); i++) {
            BudgetLine l = f.getBudgetLines().get(i);
            // A department form's 年度主要任务 and 对应项目 print under the row's name.
            cell(table, lines(l.getName(), labelled(pdf(FieldCatalogue.BUDGET_LINE, "task"), l.getTask()),
                    labelled(pdf(FieldCatalogue.BUDGET_LINE, "project"), l.getProject())), 1);
            num(table, l.getInitialBudget());
            num(table, l.getAnnualBudget());
            num(table, l.getExecuted());
            num(table, l.getWeight());
            int index = i;
            var scored = c.score() == null ? null : c.score().budgetLines().stream().filter(s -> s.index() == index)
                    .findFirst().orElse(null);
            cell(table, scored == null || scored.rate() == null ? "" : Scores.display(scored.rate().multiply(BigDecimal.valueOf(100))) + "%", 1);
            cell(table, scored == null ? "" : Scores.display(scored.score()), 1);
        }
        return table;
    }

    private PdfPTable goal(EvaluationForm f) throws DocumentException {
        PdfPTable table = table(new float[] {1f, 1f});
        head(table, pdf(FieldCatalogue.FORM, "goal.expected"), pdf(FieldCatalogue.FORM, "goal.actual"));
        cell(table, f.getGoal() == null ? "" : f.getGoal().getExpected(), 1);
        cell(table, f.getGoal() == null ? "" : f.getGoal().getActual(), 1);
        return table;
    }

    /** 一级 and 二级 cells span the rows under them, as on the paper form. */
    private PdfPTable indicators(EvaluationForm f, PdfContent c) throws DocumentException {
        PdfPTable table = table(new float[] {1.1f, 1.3f, 2.2f, 1.3f, 1.3f, 0.7f, 0.8f, 2.2f});
        head(table, Stream.concat(Stream.of("category", "subcategory", "name", "target", "actual", "weight", "claimedScore")
                .map(path -> pdf(FieldCatalogue.INDICATOR, path)), Stream.of("偏差原因分析及改进措施")).toArray(String[]::new));
        List<Indicator> rows = f.getIndicators();
        for (int i = 0; i < rows.size(); i++) {
            Indicator r = rows.get(i);
            if (i == 0 || !Objects.equals(rows.get(i - 1).getCategory(), r.getCategory())) {
                cellSpan(table, r.getCategory(), span(rows, i, true));
            }
            if (i == 0 || !Objects.equals(rows.get(i - 1).getCategory(), r.getCategory())
                    || !Objects.equals(rows.get(i - 1).getSubcategory(), r.getSubcategory())) {
                cellSpan(table, r.getSubcategory(), span(rows, i, false));
            }
            int index = i;
            IndicatorScore s = c.score() == null ? null
                    : c.score().indicators().stream().filter(x -> x.index() == index).findFirst().orElse(null);
            cell(table, lines(r.getName(), subIndicators(r, s)), 1);
            cell(table, org.perfeval.scoring.Operator.readable(r.getOperator(), r.getTarget()), 1);
            cell(table, r.getActual(), 1);
            num(table, r.getWeight());
            cell(table, s == null ? Scores.display(r.getClaimedScore()) : Scores.display(s.score()), 1);
            cell(table, lines(join(r.getDeviationNote(), r.getImprovement()),
                    labelled(pdf(FieldCatalogue.INDICATOR, "scoringStandard"), r.getScoringStandard()),
                    labelled(pdf(FieldCatalogue.INDICATOR, "evidence"), r.getEvidence()),
                    labelled(pdf(FieldCatalogue.INDICATOR, "remark"), r.getRemark())), 1);
        }
        return table;
    }

    private static int span(List<Indicator> rows, int from, boolean categoryOnly) {
        int n = 1;
        for (int j = from + 1; j < rows.size(); j++) {
            boolean same = Objects.equals(rows.get(j).getCategory(), rows.get(from).getCategory())
                    && (categoryOnly || Objects.equals(rows.get(j).getSubcategory(), rows.get(from).getSubcategory()));
            if (!same) {
                break;
            }
            n++;
        }
        return n;
    }

    private PdfPTable totals(PdfContent c) throws DocumentException {
        PdfPTable table = table(new float[] {1f, 1f, 1f, 1f, 1f, 1f});
        label(table, pdf(FieldCatalogue.FORM, "claimedTotal"));
        cell(table, c.score() == null ? "" : Scores.display(c.score().total()), 1);
        label(table, "减分项");
        cell(table, c.score() == null ? "" : Scores.display(c.score().deduction()), 1);
        label(table, pdf(FieldCatalogue.FORM, "claimedGrade"));
        cell(table, c.score() == null ? "" : c.score().grade(), 1);
        return table;
    }

    private void suggestions(Document document, EvaluationForm f) throws DocumentException {
        if (f.getSuggestions() == null || f.getSuggestions().getSelected() == null || f.getSuggestions().getSelected().isEmpty()) {
            return;
        }
        document.add(new Paragraph("结果应用建议", heading));
        for (String option : f.getSuggestions().getSelected()) {
            String detail = f.getSuggestions().getDetails() == null ? null : f.getSuggestions().getDetails().get(option);
            document.add(new Paragraph("√ " + option + (detail == null || detail.isBlank() ? "" : "：" + detail), body));
        }
        if (f.getSuggestions().getOverall() != null) {
            document.add(new Paragraph("总体意见：" + f.getSuggestions().getOverall(), body));
        }
    }

    private void opinions(Document document, List<ReviewOpinion> opinions) throws DocumentException {
        for (ReviewOpinion o : opinions) {
            document.add(new Paragraph(o.stage().label(), heading));
            for (ReviewOpinion.CheckedOption option : o.options()) {
                document.add(new Paragraph("√ " + option.optionLabel()
                        + (option.detail() == null ? "" : "：" + option.detail()), body));
            }
            if (o.overallOpinion() != null) {
                document.add(new Paragraph("总体意见：" + o.overallOpinion(), body));
            }
        }
    }

    private void report(Document document, EvaluationForm f) throws DocumentException {
        if (f.getReport() == null || f.getReport().getSections().isEmpty()) {
            return;
        }
        Paragraph p = new Paragraph("绩效自评报告", title);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(14);
        document.add(p);
        for (ReportSection s : f.getReport().getSections()) {
            Paragraph h = new Paragraph(s.getHeading() == null ? "" : s.getHeading(), heading);
            h.setSpacingBefore(6);
            document.add(h);
            if (s.getBody() != null) {
                Paragraph b = new Paragraph(s.getBody(), body);
                b.setFirstLineIndent(18);
                b.setLeading(14);
                document.add(b);
            }
        }
    }

    private PdfPTable table(float[] widths) throws DocumentException {
        PdfPTable table = new PdfPTable(widths.length);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        table.setSpacingBefore(6);
        table.setHeaderRows(0);
        return table;
    }

    private void head(PdfPTable table, String... labels) {
        for (String label : labels) {
            PdfPCell cell = new PdfPCell(new Phrase(label, heading));
            cell.setGrayFill(0.9f);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(5);
            cell.setPaddingBottom(7);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    private void label(PdfPTable table, String label) {
        PdfPCell cell = new PdfPCell(new Phrase(label, heading));
        cell.setGrayFill(0.93f);
        cell.setPadding(5);
        cell.setPaddingBottom(7);
        table.addCell(cell);
    }

    private void cell(PdfPTable table, String text, int colspan) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, body));
        cell.setColspan(colspan);
        cell.setPadding(3);
        table.addCell(cell);
    }

    private void cellSpan(PdfPTable table, String text, int rowspan) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, body));
        cell.setRowspan(rowspan);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        table.addCell(cell);
    }

    private void num(PdfPTable table, BigDecimal value) {
        PdfPCell cell = new PdfPCell(new Phrase(Scores.display(value), body));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setPadding(3);
        table.addCell(cell);
    }

    /** A composite row's 分项指标, one line each under its name, with the share each earned. */
    private static String subIndicators(Indicator row, IndicatorScore score) {
        List<String> out = new java.util.ArrayList<>();
        for (int j = 0; j < row.getSubIndicators().size(); j++) {
            SubIndicator sub = row.getSubIndicators().get(j);
            int index = j;
            var part = score == null ? null : score.subIndicators().stream().filter(p -> p.index() == index).findFirst().orElse(null);
            out.add(FieldCatalogue.SUB_ROW_MARK + " " + nz(sub.getName()) + " " + nz(org.perfeval.scoring.Operator.readable(sub.getOperator(), sub.getTarget()))
                    + nz(sub.getUnitOfMeasure()) + "：" + nz(sub.getActual())
                    + (sub.getRating() == null || sub.getRating().isBlank() ? "" : "（" + sub.getRating() + "）")
                    + (part == null ? "" : "，得分率 " + Scores.display(part.share().multiply(BigDecimal.valueOf(100))) + "%"));
        }
        return String.join("\n", out);
    }

    private static String labelled(String label, String value) {
        return value == null || value.isBlank() ? "" : label + "：" + value.strip();
    }

    private static String lines(String... parts) {
        return String.join("\n", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static String join(String a, String b) {
        String x = a == null ? "" : a.strip();
        String y = b == null ? "" : b.strip();
        return x.isEmpty() ? y : y.isEmpty() ? x : x + "；" + y;
    }

    /** Page number and publication date at the foot of every page. */
    static final class Footer extends PdfPageEventHelper {
        private final BaseFont font;
        private final String date;

        Footer(BaseFont font, String date) {
            this.font = font;
            this.date = date;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Font f = new Font(font, 8);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("第 " + writer.getPageNumber() + " 页", f),
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT, new Phrase(date, f),
                    document.right(), document.bottom() - 24, 0);
        }
    }
}

package org.perfeval.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Report;
import org.perfeval.exchange.ReportSection;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewOpinion;
import org.perfeval.review.OpinionBlock;
import org.perfeval.support.Fixtures;

import com.lowagie.text.pdf.BaseFont;

/** The published PDF: Chinese text in its text layer, every printed character in the embedded font, A4 pages. */
class PublishedFormPdfTest {
    static BaseFont font;

    @BeforeAll
    static void font() {
        font = CjkFont.find(CjkFont.DEFAULT_PATHS);
        Assumptions.assumeTrue(font != null,
                "No CJK font installed: apt-get install -y fonts-wqy-microhei (CI installs it)");
    }

    @Test
    void textLayerHasTheChineseTitleUnitAndIndicators() throws IOException {
        PdfContent content = content("<script>alert('x')</script>");
        byte[] pdf = new PublishedFormPdf(font).render(content);

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            // Cells wrap long names over lines: compare without white space.
            text = stripper.getText(doc).replaceAll("\\s+", "");
        }
        assertThat(text).contains("2023年度项目支出绩效自评表").contains("城乡居民基本医疗保险")
                .contains("烈山区医保中心").contains("经费支出合规率").contains("群众满意度调查").contains("第1页")
                .contains("公开日期：2024年03月05日").contains("97.50").contains("建议继续全额安排")
                .contains("<script>alert('x')");
        Path out = Path.of("target", "pdf");
        Files.createDirectories(out);
        Files.write(out.resolve("published-form.pdf"), pdf);
        renderFirstPage(out.resolve("published-form.pdf"));
    }

    /** A department form: 编制数, 年度主要任务, a composite row's 分项指标 with their shares, 佐证材料. */
    @Test
    void aDepartmentFormCarriesItsTasksSubIndicatorsAndEvidence() throws IOException {
        org.perfeval.exchange.EvaluationForm form = org.perfeval.scoring.GuangdongDepartmentFormFixture.form();
        PdfContent content = new PdfContent(form, Scorers.fromClasspath().score(form), "江门市医疗保障局", "江门市医疗保障局",
                List.of(), Instant.parse("2024-03-05T02:00:00Z"));
        byte[] pdf = new PublishedFormPdf(font).render(content);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertThat(text).contains("编制数").contains("84").contains("年度主要任务：优化制度")
                .contains("└参保人数≥200万人：210，得分率100.00%").contains("└普遍开展门诊统筹普遍开展：已普遍开展（良），得分率85.00%")
                .contains("佐证材料：年度工作总结").contains("12.54");
    }

    @Test
    void everyPrintedCharacterHasAGlyphInTheEmbeddedFont() {
        PdfContent content = content("说明");
        TreeSet<Integer> missing = new TreeSet<>();
        String printed = ExchangeJson.writeForm(content.form()) + content.unitName() + content.supervisingUnitName()
                + "年度项目支出部门整体绩效自评表项目名称主管部门实施单位金额单位评分规则资金年初预算数全年预算数全年执行数分值执行率得分"
                + "一级二级三级指标年度指标值实际完成值偏差原因分析及改进措施总分减分项等级结果应用建议总体意见第页公开日期√："
                + "主管部门审核意见财政部门审核意见绩效自评报告";
        printed.codePoints().filter(c -> c > 127 && !Character.isWhitespace(c))
                .filter(c -> !font.charExists(c)).forEach(missing::add);
        assertThat(missing).as("characters without a glyph").isEmpty();
    }

    @Test
    void sameInputGivesAReadablePdfWithAStableChecksumFunction() {
        byte[] pdf = new PublishedFormPdf(font).render(content("x"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(PublishedPdfs.sha256(pdf)).hasSize(64).isEqualTo(PublishedPdfs.sha256(pdf.clone()));
    }

    @Test
    void noFontMeansNoFontNotACrash() {
        assertThat(CjkFont.find(List.of("/nonexistent/font.ttc,0", "/etc/hostname"))).isNull();
    }

    static PdfContent content(String improvement) {
        EvaluationForm form = Fixtures.clean();
        form.getIndicators().get(0).setImprovement(improvement);
        Report report = new Report();
        report.setSections(List.of(new ReportSection("一、项目基本情况", "城乡居民基本医疗保险项目由烈山区医保中心实施。"),
                new ReportSection("三、综合评价情况及评价结论", "自评得分 97.50 分，等级为优。")));
        form.setReport(report);
        ReviewOpinion opinion = new ReviewOpinion(1L, OpinionBlock.SUPERVISOR, "赵主审", Decision.APPROVE, null,
                "同意", Instant.parse("2024-03-01T02:00:00Z"),
                List.of(new ReviewOpinion.CheckedOption("建议继续全额安排", "项目成效明显")));
        return new PdfContent(form, Scorers.fromClasspath().score(form), "烈山区医保中心", "烈山区医保局",
                List.of(opinion), Instant.parse("2024-03-05T02:00:00Z"));
    }

    /** A look at the first page as a picture, where poppler is installed (CI has it). */
    private static void renderFirstPage(Path pdf) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return;
        }
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf.toString(),
                pdf.resolveSibling("published-form-page").toString()).inheritIO().start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path png = pdf.resolveSibling("published-form-page-1.png");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        Map.of();
    }
}

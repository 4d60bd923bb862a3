package org.perfeval.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.perfeval.cli.ScoreCommand;
import org.perfeval.exchange.BudgetLine;
import org.perfeval.exchange.BudgetLineRole;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.FormType;
import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.scoring.Scorer;

/**
 * Scoring throughput: forms scored per second on one thread for a realistic 20-indicator form, and
 * the command-line scorer's time for 1,000 files. Run with the command in docs/performance.md;
 * prints figures, asserts nothing.
 */
public final class ScoringBenchmark {

    public static void main(String[] args) throws IOException {
        int forms = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Scorer scorer = Scorers.fromClasspath();
        EvaluationForm form = twentyIndicatorForm(false);
        measure(scorer, form, forms, "typical form (" + scorer.score(form).findings().size() + " findings)");
        EvaluationForm noisy = twentyIndicatorForm(true);
        measure(scorer, noisy, forms, "form with many warnings (" + scorer.score(noisy).findings().size() + " findings)");
        cli(form, files);
    }

    private static void measure(Scorer scorer, EvaluationForm form, int forms, String what) {
        for (int i = 0; i < Math.min(forms, 50_000); i++) {
            scorer.score(form);
        }
        double[] rates = new double[5];
        for (int rep = 0; rep < rates.length; rep++) {
            long start = System.nanoTime();
            long sink = 0;
            for (int i = 0; i < forms; i++) {
                sink += scorer.score(form).findings().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[rep] = forms / seconds;
            if (sink < 0) {
                System.out.println(sink);
            }
        }
        Arrays.sort(rates);
        System.out.printf("scoring, in-process, 1 thread, 20 indicators, %s: median %,.0f forms/s (min %,.0f, max %,.0f; %d reps of %,d)%n",
                what, rates[rates.length / 2], rates[0], rates[rates.length - 1], rates.length, forms);
    }

    private static void cli(EvaluationForm form, int files) throws IOException {
        Path dir = Files.createTempDirectory("perfeval-bench");
        String json = ExchangeJson.writeForm(form);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path file = dir.resolve("form-" + i + ".json");
            Files.writeString(file, json);
            paths.add(file.toString());
        }
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ScoreCommand.run(paths.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        double seconds = (System.nanoTime() - start) / 1e9;
        long lines = out.toString(StandardCharsets.UTF_8).lines().count();
        System.out.printf("CLI scorer, %,d files (in-process, JVM already warm): %.2f s, exit %d, %d result lines%n",
                files, seconds, exit, lines);
        System.out.println("CLI as a fresh JVM: time java -jar target/perfeval.jar score " + dir + "/*.json > /dev/null");
    }

    /** A 20-indicator form; a typical one scores its formula with one shortfall, a noisy one claims 80 % everywhere. */
    static EvaluationForm twentyIndicatorForm(boolean noisy) {
        EvaluationForm form = new EvaluationForm();
        form.setFormType(FormType.PROJECT);
        form.setYear(2024);
        form.setTitle("基准测试项目");
        form.setRuleSet("liaoning-caps");
        BudgetLine total = new BudgetLine();
        total.setName("年度资金总额");
        total.setRole(BudgetLineRole.TOTAL);
        total.setAnnualBudget(new BigDecimal("1200"));
        total.setExecuted(new BigDecimal("1010.5"));
        total.setStatedRate(new BigDecimal("84.21"));
        total.setWeight(BigDecimal.TEN);
        total.setClaimedScore(new BigDecimal("8.42"));
        form.setClaimedGrade("良");
        BudgetLine source = new BudgetLine();
        source.setName("本年财政拨款");
        source.setRole(BudgetLineRole.SOURCE);
        source.setAnnualBudget(new BigDecimal("1200"));
        source.setExecuted(new BigDecimal("1010.5"));
        form.setBudgetLines(new ArrayList<>(List.of(total, source)));
        String[][] rows = {
                {">=", "≥12次", "13次", "5"}, {"", "100%", "98%", "5"}, {"<=", "≤3000000", "2,850,000", "5"},
                {"=", "=12个月", "12个月", "5"}, {"", "≥95%", "96.5%", "5"}, {"", "较高", "达成预期指标", "5"},
                {">=", "≥18台(套)", "≥18台(套)", "4"}, {"", "按时完成", "部分达成预期指标并具有一定效果", "4"},
                {"<", "＜５%", "３%", "4"}, {">=", "≥1,000人", "1,250人", "4"},
        };
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String[] r = rows[i % rows.length];
            Indicator ind = new Indicator();
            ind.setCategory(i < 10 ? "产出指标" : i < 17 ? "效益指标" : "满意度指标");
            ind.setSubcategory("数量指标");
            ind.setName("指标" + i);
            ind.setOperator(r[0].isEmpty() ? null : r[0]);
            ind.setTarget(r[1]);
            ind.setActual(r[2]);
            // 20 × 4.5 = 90, plus 10 for execution: a form that passes the weights check.
            ind.setWeight(new BigDecimal("4.5"));
            if (noisy) {
                ind.setClaimedScore(ind.getWeight().multiply(new BigDecimal("0.8")));
                ind.setImprovement(i % 3 == 0 ? "加强管理" : null);
            } else if (i % 10 == 7) {
                ind.setClaimedScore(ind.getWeight().multiply(new BigDecimal("0.7")));
                ind.setImprovement("部分采购延后到下一年度");
            } else if (i % 10 == 5) {
                ind.setClaimedScore(ind.getWeight());
            } else {
                // quantitative: the formula decides
                ind.setClaimedScore(null);
                ind.setDeviationNote("按实际完成计分");
            }
            indicators.add(ind);
        }
        form.setIndicators(indicators);
        form.setClaimedTotal(new BigDecimal("85"));
        return form;
    }
}

package org.perfeval.bench;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The stack's ceiling for {@link ProductBenchmark}: a fixed Thymeleaf template behind the same
 * security filter chain and session store as every page, but no query of its own. Its rows are
 * sized by the benchmark to the page it is compared with.
 */
@Controller
@Profile("bench") // test classes share the application's package: keep it out of the tests' contexts
public class CeilingPage {
    private static final List<String[]> ROWS = IntStream.range(0, 2_000).mapToObj(i -> new String[] {
            "2024年度某某项目支出绩效自评表" + i, "某某市医疗保障服务中心", "2024年度项目支出绩效自评", "主管部门审核",
            "未签收", "92.50 优", "2026-11-30 10:00", "2026-12-15 18:00"}).toList();

    @GetMapping("/bench/ceiling")
    String ceiling(@RequestParam(defaultValue = "20") int rows, Model model) {
        model.addAttribute("rows", ROWS.subList(0, Math.max(0, Math.min(rows, ROWS.size()))));
        return "bench/ceiling";
    }
}

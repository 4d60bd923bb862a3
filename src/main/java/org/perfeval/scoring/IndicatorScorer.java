package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.perfeval.exchange.Indicator;
import org.perfeval.exchange.SubIndicator;

/** Scores one 三级指标 row under a rule set and reports what is wrong with it. */
final class IndicatorScorer {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final RuleSet rules;

    IndicatorScorer(RuleSet rules) {
        this.rules = rules;
    }

    IndicatorScore score(int index, Indicator row, List<Finding> findings) {
        String at = "indicators[" + index + "]";
        String name = label(row, index);
        BigDecimal weight = row.getWeight();
        BigDecimal claimed = row.getClaimedScore();
        if (weight == null) {
            findings.add(new Finding("MISSING_WEIGHT", Severity.ERROR, at + ".weight",
                    name + "没有填写分值。请填写该指标的分值，或删除该行。"));
            return new IndicatorScore(index, IndicatorKind.QUALITATIVE, null, BigDecimal.ZERO);
        }
        if (claimed != null && claimed.compareTo(weight) > 0) {
            findings.add(new Finding("SCORE_ABOVE_WEIGHT", Severity.ERROR, at + ".claimedScore",
                    name + "得分 " + Scores.display(claimed) + " 超过分值 " + Scores.display(weight) + "，得分不能高于分值。"));
        }
        if (row.getSubIndicators() != null && row.getSubIndicators().stream().anyMatch(java.util.Objects::nonNull)) {
            IndicatorScore result = composite(index, at, name, row, weight, claimed, findings);
            reasonCheck(at, name, row, result, weight, claimed, null, findings);
            return result;
        }
        if (Texts.blank(row.getActual()) && Texts.blank(targetOf(row)) && !Texts.blank(row.getScoringStandard())) {
            // A row the form scores by its 评分标准 alone (deduction method, no target or actual).
            IndicatorScore result = new IndicatorScore(index, IndicatorKind.QUALITATIVE, null,
                    claimed == null ? BigDecimal.ZERO : Scores.max(BigDecimal.ZERO, Scores.min(weight, claimed)));
            if (claimed == null) {
                findings.add(new Finding("MISSING_SCORE", Severity.ERROR, at + ".claimedScore",
                        name + "按评分标准打分，请填写得分。"));
            }
            reasonCheck(at, name, row, result, weight, claimed, null, findings);
            return result;
        }
        if (Texts.blank(row.getActual())) {
            findings.add(new Finding("MISSING_ACTUAL", Severity.ERROR, at + ".actual",
                    name + "没有填写全年实际完成值。请填写实际完成情况（数值，或“达成预期指标”等定性结论）。"));
            return new IndicatorScore(index, kindOf(row), null, BigDecimal.ZERO);
        }
        String targetText = !Texts.blank(row.getAdjustedTarget())
                ? row.getAdjustedTarget() : row.getTarget();
        ParsedValue target = ValueParser.parse(targetText);
        ParsedValue actual = ValueParser.parse(row.getActual());
        String actualText = actual.text();
        RuleSet.Tier tier = rules.tierOf(actualText);
        RuleSet.Rating rating = rules.ratingOf(actualText);
        String targetAt = at + (!Texts.blank(row.getAdjustedTarget()) ? ".adjustedTarget" : ".target");
        if (target.garbled()) {
            findings.add(new Finding("TARGET_GARBLED", Severity.ERROR, targetAt,
                    name + "的指标值“" + targetText + "”在数字和单位之后又出现数字，像是两个值粘在了一起。"
                            + "请只保留一个指标值，如“" + (target.operator() == null ? "" : target.operator().symbol())
                            + target.number().stripTrailingZeros().toPlainString() + "”加单位。"));
            target = target.asText();
        } else if (tier == null && rating == null && !target.isNumber() && target.operator() != null && actual.isNumber()) {
            findings.add(new Finding("TARGET_UNPARSEABLE", Severity.WARNING, targetAt,
                    name + "的指标值“" + targetText + "”有运算符号但没有可比较的数值，无法与实际完成值 "
                            + row.getActual() + " 按公式计算，已按定性指标处理。请填写数值指标值，如“≥95%”。"));
        }
        IndicatorScore result;
        if (tier == null && rating == null && target.isNumber() && actual.isNumber()) {
            Operator op = Operator.of(row.getOperator());
            result = quantitative(index, at, name, op != null ? op : target.operator() != null ? target.operator() : Operator.GE,
                    target.number(), actual.number(), weight, claimed, findings);
        } else {
            if (tier == null && rating == null && target.isNumber() && !actual.isNumber()) {
                findings.add(new Finding("ACTUAL_NOT_NUMERIC", Severity.WARNING, at + ".actual",
                        name + "的年度指标值是数值（" + targetText + "），但实际完成值“" + row.getActual()
                                + "”不是数值，已按定性指标处理。如为数值指标，请只填写数字和单位，如“95%”。"));
            }
            result = qualitative(index, at, name, actualText, tier, rating, weight, claimed, findings);
        }
        reasonCheck(at, name, row, result, weight, claimed, rating, findings);
        return result;
    }

    private static void reasonCheck(String at, String name, Indicator row, IndicatorScore result, BigDecimal weight,
                                    BigDecimal claimed, RuleSet.Rating rating, List<Finding> findings) {
        boolean unscored = result.kind() == IndicatorKind.QUALITATIVE && claimed == null && rating == null;
        if (result.score().compareTo(weight) < 0 && !hasReason(row) && !unscored) {
            findings.add(new Finding("MISSING_DEVIATION_REASON", Severity.WARNING, at + ".deviationNote",
                    name + "得分 " + Scores.display(result.score()) + "，低于分值 " + Scores.display(weight)
                            + "，但未填写偏差原因。请在“偏差原因分析”或“改进措施”中说明未达标的原因。"));
        }
    }

    private static String targetOf(Indicator row) {
        return !Texts.blank(row.getAdjustedTarget()) ? row.getAdjustedTarget() : row.getTarget();
    }

    /**
     * A composite row (Guangdong 产出/效益指标完成情况): each 分项指标 earns a share of the weight
     * by the rule set's completion bands, or by its rating when it is qualitative; the row's formula
     * score is the weight times the mean share. A claimed score above it is refused as for a
     * quantitative row.
     */
    private IndicatorScore composite(int index, String at, String name, Indicator row, BigDecimal weight,
                                     BigDecimal claimed, List<Finding> findings) {
        if (rules.completionBands().isEmpty()) {
            findings.add(new Finding("COMPOSITE_WITHOUT_BANDS", Severity.WARNING, at + ".subIndicators",
                    name + "有分项指标，但评分规则“" + rules.label() + "”没有完成率分档，分项按完成率（最高 100%）计分。"
                            + "如本表按广东部门整体规则评分，请选择相应的评分规则。"));
        }
        List<SubIndicatorScore> parts = new java.util.ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<SubIndicator> subs = row.getSubIndicators();
        for (int j = 0; j < subs.size(); j++) {
            SubIndicator sub = subs.get(j);
            if (sub == null) {
                continue;
            }
            String subAt = at + ".subIndicators[" + j + "]";
            String subName = name + "分项第 " + (j + 1) + " 项" + (Texts.blank(sub.getName()) ? "" : "「" + sub.getName() + "」");
            BigDecimal completion = null;
            BigDecimal share = BigDecimal.ZERO;
            if (!Texts.blank(sub.getRating())) {
                RuleSet.Rating rating = rules.ratingOf(Texts.strip(sub.getRating()));
                if (rating == null) {
                    findings.add(new Finding("RATING_UNKNOWN", Severity.ERROR, subAt + ".rating",
                            subName + "的评级“" + sub.getRating() + "”不是评分规则的评级。" + (rules.qualitativeRatings().isEmpty()
                                    ? "评分规则“" + rules.label() + "”没有定性评级，请改填数值指标值和实际完成值。"
                                    : "请填写" + String.join("、", rules.qualitativeRatings().stream().map(RuleSet.Rating::label).toList())
                                            + "之一。")));
                } else {
                    share = rating.share();
                }
            } else {
                ParsedValue target = ValueParser.parse(sub.getTarget());
                ParsedValue actual = ValueParser.parse(sub.getActual());
                if (Texts.blank(sub.getActual())) {
                    findings.add(new Finding("MISSING_ACTUAL", Severity.ERROR, subAt + ".actual",
                            subName + "没有填写实际完成值。定性分项请填写评级（" + ratingNames() + "）。"));
                } else if (target.garbled()) {
                    findings.add(new Finding("TARGET_GARBLED", Severity.ERROR, subAt + ".target",
                            subName + "的指标值“" + sub.getTarget() + "”在数字和单位之后又出现数字，像是两个值粘在了一起。请只保留一个指标值。"));
                } else if (!target.isNumber() || !actual.isNumber()) {
                    findings.add(new Finding("SUB_INDICATOR_NOT_SCORABLE", Severity.ERROR, subAt,
                            subName + "的指标值或实际完成值不是数值，无法计算完成率。数值分项请填写数字（如“≥3次”与“4次”），"
                                    + "定性分项请填写评级（" + ratingNames() + "）。"));
                } else {
                    Operator op = Operator.of(sub.getOperator());
                    op = op != null ? op : target.operator() != null ? target.operator() : Operator.GE;
                    completion = completion(op, target.number(), actual.number());
                    share = share(completion);
                }
            }
            parts.add(new SubIndicatorScore(j, completion, share));
            sum = sum.add(share);
        }
        BigDecimal formula = Scores.min(weight, weight.multiply(Scores.divide(sum, BigDecimal.valueOf(parts.size())), Scores.MC));
        BigDecimal score = formula;
        if (claimed != null && claimed.compareTo(weight) <= 0) {
            if (Scores.above(claimed, formula)) {
                findings.add(new Finding("SCORE_ABOVE_FORMULA", Severity.ERROR, at + ".claimedScore",
                        name + "自评得分 " + Scores.shown(claimed) + " 高于按 " + parts.size() + " 项分项指标平均计算的 "
                                + Scores.shown(formula, claimed) + " 分。请改为不超过 " + Scores.shown(formula, claimed) + " 分。"));
            } else {
                score = claimed.max(BigDecimal.ZERO);
            }
        }
        return new IndicatorScore(index, IndicatorKind.COMPOSITE, formula, score, parts);
    }

    private String ratingNames() {
        return rules.qualitativeRatings().isEmpty() ? "本评分规则无评级"
                : String.join("、", rules.qualitativeRatings().stream().map(RuleSet.Rating::label).toList());
    }

    private IndicatorScore quantitative(int index, String at, String name, Operator op, BigDecimal target,
                                        BigDecimal actual, BigDecimal weight, BigDecimal claimed,
                                        List<Finding> findings) {
        BigDecimal completion = completion(op, target, actual);
        BigDecimal formula = Scores.min(weight, weight.multiply(share(completion), Scores.MC));
        if (op.positive() && target.signum() > 0
                && actual.compareTo(target.multiply(rules.overAchievementRatio())) > 0) {
            findings.add(new Finding("OVER_ACHIEVEMENT", Severity.WARNING, at + ".target",
                    name + "实际完成值 " + actual.stripTrailingZeros().toPlainString() + " 超过年度指标值 "
                            + target.stripTrailingZeros().toPlainString() + " 的 "
                            + rules.overAchievementRatio().multiply(Scores.HUNDRED).stripTrailingZeros().toPlainString()
                            + "%，指标值可能设定偏低，请核实并在下一年度合理设定。"));
        }
        BigDecimal score = formula;
        if (claimed != null && claimed.compareTo(weight) <= 0) {
            if (Scores.above(claimed, formula)) {
                findings.add(new Finding("SCORE_ABOVE_FORMULA", Severity.ERROR, at + ".claimedScore",
                        name + "自评得分 " + Scores.shown(claimed) + " 高于按公式计算的 " + Scores.shown(formula, claimed)
                                + " 分（" + op.symbol() + target.stripTrailingZeros().toPlainString() + "，实际 "
                                + actual.stripTrailingZeros().toPlainString() + "）。定量指标得分不能高于公式得分，请改为不超过 "
                                + Scores.shown(formula, claimed) + " 分。"));
            } else {
                // The formula score rounded as printed is accepted and counts as claimed.
                score = claimed.max(BigDecimal.ZERO);
            }
        }
        return new IndicatorScore(index, IndicatorKind.QUANTITATIVE, formula, score);
    }

    /**
     * actual/target; for ≤ and < the rule set's negative formula (target/actual, or the linear
     * 1 − (actual − target)/target); min/max for =; 1 when the ideal is met at zero.
     */
    private BigDecimal completion(Operator op, BigDecimal target, BigDecimal actual) {
        if (op.negative()) {
            if (actual.signum() <= 0) {
                return BigDecimal.ONE;
            }
            if (target.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            if (rules.negativeFormula() == RuleSet.NegativeFormula.LINEAR) {
                return BigDecimal.ONE.subtract(Scores.divide(actual.subtract(target), target)).max(BigDecimal.ZERO);
            }
            return Scores.divide(target, actual);
        }
        if (op == Operator.EQ) {
            BigDecimal hi = Scores.max(actual, target);
            return hi.signum() == 0 ? BigDecimal.ONE : Scores.divide(Scores.min(actual, target), hi).max(BigDecimal.ZERO);
        }
        if (target.signum() <= 0) {
            return BigDecimal.ONE;
        }
        return Scores.divide(actual, target).max(BigDecimal.ZERO);
    }

    /** The share of the weight a completion earns: min(completion, 1), or the rule set's bands. */
    private BigDecimal share(BigDecimal completion) {
        if (rules.completionBands().isEmpty()) {
            return Scores.min(completion, BigDecimal.ONE);
        }
        for (RuleSet.CompletionBand band : rules.completionBands()) {
            if (band.contains(completion)) {
                return "RATE".equals(band.share()) ? Scores.min(completion, BigDecimal.ONE) : new BigDecimal(band.share());
            }
        }
        return BigDecimal.ZERO;
    }

    private IndicatorScore qualitative(int index, String at, String name, String actualText, RuleSet.Tier tier, RuleSet.Rating rating,
                                       BigDecimal weight, BigDecimal claimed, List<Finding> findings) {
        if (rating != null) {
            BigDecimal fixed = weight.multiply(rating.share(), Scores.MC);
            if (claimed != null && !Scores.differ(claimed, fixed, rules.tolerance())) {
                return new IndicatorScore(index, IndicatorKind.QUALITATIVE, null, Scores.min(weight, claimed.max(BigDecimal.ZERO)));
            }
            if (claimed != null) {
                findings.add(new Finding("TIER_RANGE", Severity.ERROR, at + ".claimedScore",
                        name + "评定为“" + rating.label() + "”，得分应为分值的 "
                                + rating.share().multiply(Scores.HUNDRED).stripTrailingZeros().toPlainString() + "%，即 "
                                + Scores.shown(fixed, claimed) + " 分，现填 " + Scores.shown(claimed) + " 分。"));
            }
            return new IndicatorScore(index, IndicatorKind.QUALITATIVE, null, fixed);
        }
        if (tier == null) {
            findings.add(new Finding("TIER_UNKNOWN", Severity.WARNING, at + ".actual",
                    name + "的实际完成值“" + Texts.strip(actualText) + "”不是评分规则认得的档次，无法核对得分范围。定性指标请填写"
                            + tierNames() + "之一。"));
        }
        if (claimed == null) {
            findings.add(new Finding("MISSING_SCORE", Severity.ERROR, at + ".claimedScore",
                    name + "是定性指标，请根据完成情况在对应档次内自评得分"
                            + (tier == null ? "。" : "（" + tier.label() + "：" + range(tier, weight) + "）。")));
            return new IndicatorScore(index, IndicatorKind.QUALITATIVE, null, BigDecimal.ZERO);
        }
        if (tier == null) {
            return new IndicatorScore(index, IndicatorKind.QUALITATIVE, null,
                    Scores.max(BigDecimal.ZERO, Scores.min(weight, claimed)));
        }
        BigDecimal low = weight.multiply(tier.min(), Scores.MC);
        BigDecimal high = weight.multiply(tier.max(), Scores.MC);
        int toLow = claimed.compareTo(Scores.asPrinted(low, claimed));
        int toHigh = claimed.compareTo(Scores.asPrinted(high, claimed));
        boolean below = tier.minInclusive() ? toLow < 0 : toLow <= 0;
        boolean above = tier.maxInclusive() ? toHigh > 0 : toHigh >= 0;
        BigDecimal effective = claimed;
        if (below || above) {
            findings.add(new Finding("TIER_RANGE", Severity.ERROR, at + ".claimedScore",
                    name + "为“" + tier.label() + "”，得分应在 " + range(tier, weight) + "之间，现填 "
                            + Scores.shown(claimed) + " 分。"));
            // An excluded bound is not a score the tier allows: the nearest two-decimal score inside is.
            effective = below ? (tier.minInclusive() ? low : low.setScale(2, RoundingMode.FLOOR).add(CENT))
                    : (tier.maxInclusive() ? high : high.setScale(2, RoundingMode.CEILING).subtract(CENT));
        }
        return new IndicatorScore(index, IndicatorKind.QUALITATIVE, null,
                Scores.max(BigDecimal.ZERO, Scores.min(weight, effective)));
    }

    private String tierNames() {
        return String.join("", rules.qualitativeTiers().stream().map(t -> "“" + t.label() + "”").toList())
                + String.join("", rules.qualitativeRatings().stream().map(r -> "“" + r.label() + "”").toList());
    }

    private static String range(RuleSet.Tier tier, BigDecimal weight) {
        return Scores.display(weight.multiply(tier.min())) + " 分（" + (tier.minInclusive() ? "含" : "不含") + "）至 "
                + Scores.display(weight.multiply(tier.max())) + " 分（" + (tier.maxInclusive() ? "含" : "不含") + "）";
    }

    private IndicatorKind kindOf(Indicator row) {
        ParsedValue target = ValueParser.parse(!Texts.blank(row.getAdjustedTarget())
                ? row.getAdjustedTarget() : row.getTarget());
        return target.isNumber() ? IndicatorKind.QUANTITATIVE : IndicatorKind.QUALITATIVE;
    }

    private static boolean hasReason(Indicator row) {
        return (row.getDeviationReasons() != null && !row.getDeviationReasons().noneGiven())
                || notBlank(row.getDeviationNote()) || notBlank(row.getImprovement());
    }

    private static boolean notBlank(String s) {
        return !Texts.blank(s);
    }

    static String label(Indicator row, int index) {
        String name = row.getName() == null || row.getName().isBlank() ? "" : "「" + row.getName() + "」";
        return "指标第 " + (index + 1) + " 行" + name;
    }
}

package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A province's scoring rules, read from forms/rulesets/*.json. Every kind of rule is data here:
 * grade bands, qualitative tiers or ratings, completion bands, execution mode and caps.
 */
public record RuleSet(String name, String label, List<GradeBand> grades, List<Tier> qualitativeTiers,
                      List<Rating> qualitativeRatings, List<CompletionBand> completionBands, Execution execution,
                      List<Cap> caps, BigDecimal overAchievementRatio, BigDecimal tolerance,
                      NegativeFormula negativeFormula) {

    public RuleSet {
        grades = List.copyOf(grades);
        qualitativeTiers = qualitativeTiers == null ? List.of() : List.copyOf(qualitativeTiers);
        qualitativeRatings = qualitativeRatings == null ? List.of() : List.copyOf(qualitativeRatings);
        completionBands = completionBands == null ? List.of() : List.copyOf(completionBands);
        caps = caps == null ? List.of() : List.copyOf(caps);
        execution = execution == null ? new Execution(ExecutionMode.RATE, null) : execution;
        overAchievementRatio = overAchievementRatio == null ? new BigDecimal("1.5") : overAchievementRatio;
        tolerance = tolerance == null ? new BigDecimal("0.01") : tolerance;
        negativeFormula = negativeFormula == null ? NegativeFormula.RATIO : negativeFormula;
        checkBands(name, completionBands);
    }

    /** Bands rise and end open (upTo null): otherwise a completion above the last bound would silently score 0. */
    private static void checkBands(String name, List<CompletionBand> bands) {
        for (int i = 0; i < bands.size(); i++) {
            CompletionBand band = bands.get(i);
            boolean last = i == bands.size() - 1;
            if ((band.upTo() == null) != last) {
                throw new IllegalArgumentException("rule set " + name + ": only the last completion band has no upTo");
            }
            if (!"RATE".equals(band.share()) && (band.share() == null || !band.share().matches("\\d+(\\.\\d+)?"))) {
                throw new IllegalArgumentException("rule set " + name + ": band share must be a number or RATE: " + band.share());
            }
            if (i > 0 && !last && band.upTo().compareTo(bands.get(i - 1).upTo()) <= 0) {
                throw new IllegalArgumentException("rule set " + name + ": completion bands must rise");
            }
        }
    }

    /** 等级 for a total: the first band whose minimum the total reaches. */
    public String grade(BigDecimal total) {
        for (GradeBand band : grades) {
            if (total.compareTo(band.min()) >= 0) {
                return band.grade();
            }
        }
        return grades.get(grades.size() - 1).grade();
    }

    /**
     * The tier a printed actual names: its label or one of its aliases, compared without spaces and
     * with full-width signs read as ASCII. A cell cut short by the printer ("全部或基本达成预期指标
     * 100%-8") still names the tier when what is left keeps the alias's words, i.e. everything
     * before the alias's first digit.
     */
    public Tier tierOf(String actual) {
        if (actual == null || qualitativeTiers.isEmpty()) {
            return null;
        }
        String a = labelKey(actual);
        if (a.isEmpty()) {
            return null;
        }
        for (Tier tier : qualitativeTiers) {
            if (labelKey(tier.label()).equals(a) || tier.aliases().contains(a)) {
                return tier;
            }
        }
        for (Tier tier : qualitativeTiers) {
            for (String alias : tier.aliases()) {
                if (alias.startsWith(a) && a.length() >= stemLength(alias)) {
                    return tier;
                }
            }
        }
        return null;
    }

    /** A label as compared: no white space, full-width forms as ASCII. */
    static String labelKey(String label) {
        String s = ValueParser.normalize(label);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static int stemLength(String alias) {
        for (int i = 0; i < alias.length(); i++) {
            if (Character.isDigit(alias.charAt(i))) {
                return i;
            }
        }
        return alias.length();
    }

    public Rating ratingOf(String actual) {
        if (actual == null) {
            return null;
        }
        if (qualitativeRatings.isEmpty()) {
            return null;
        }
        String a = actual;
        return qualitativeRatings.stream().filter(r -> r.label().equals(a)).findFirst().orElse(null);
    }

    /** The highest total allowed at this execution rate, or null when no cap applies. */
    public Cap capFor(BigDecimal rate) {
        for (Cap cap : caps) {
            if (rate.compareTo(cap.rateBelow()) < 0) {
                return cap;
            }
        }
        return null;
    }

    public record GradeBand(BigDecimal min, String grade) {
    }

    /**
     * 达成 / 部分达成 / 未达成: the share of the weight a unit may claim, between min and max; each
     * bound is inclusive unless the rule set says otherwise (national: [0.8, 1], [0.6, 0.8), [0, 0.6)).
     * Aliases are kept as {@link #labelKey} keys.
     */
    public record Tier(String label, List<String> aliases, BigDecimal min, BigDecimal max, Boolean minInclusive,
                       Boolean maxInclusive) {
        public Tier {
            aliases = aliases == null ? List.of() : aliases.stream().map(RuleSet::labelKey).toList();
            minInclusive = minInclusive == null || minInclusive;
            maxInclusive = maxInclusive == null || maxInclusive;
        }
    }

    /** How a negative indicator (≤, <: less is better) scores when the actual exceeds the target. */
    public enum NegativeFormula {
        /** weight × target / actual (the national rule). */
        RATIO,
        /** weight × (1 − (actual − target) / target): nothing at twice the target, never below 0. */
        LINEAR
    }

    /** A fixed rating (优 95 %, 良 85 % …) that gives its share of the weight. */
    public record Rating(String label, BigDecimal share) {
    }

    /**
     * Completion (actual/target) up to {@code upTo} scores {@code share} of the weight: a number, or
     * "RATE" for the completion itself. A null upTo is the last band.
     */
    public record CompletionBand(BigDecimal upTo, boolean inclusive, String share) {

        boolean contains(BigDecimal completion) {
            if (upTo == null) {
                return true;
            }
            int c = completion.compareTo(upTo);
            return c < 0 || (inclusive && c == 0);
        }
    }

    public enum ExecutionMode {
        /** weight × min(executed / annual budget, 1). */
        RATE,
        /** full marks at an average quarterly progress ≥ threshold, else progress / threshold × weight. */
        PROGRESS
    }

    public record Execution(ExecutionMode mode, BigDecimal progressThreshold) {
    }

    /** Below this execution rate the total may not exceed maxTotal (the excess is the 减分项). */
    public record Cap(BigDecimal rateBelow, BigDecimal maxTotal) {
    }
}

package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import org.perfeval.organisation.OrgUnit;
import org.perfeval.organisation.UnitKind;

/** Review levels over several tree shapes, and properties over random chains of ancestors. */
class ReviewChainTest {
    static final ReviewChain.Settings ON = new ReviewChain.Settings(true);
    static final ReviewChain.Settings OFF = new ReviewChain.Settings(false);

    static final OrgUnit FINANCE = unit(1, UnitKind.FINANCE, null);
    static final OrgUnit DEPT = unit(2, UnitKind.SUPERVISING, 1L);
    static final OrgUnit SECOND = unit(3, UnitKind.UNIT, 2L);
    static final OrgUnit SECOND_DEEPER = unit(4, UnitKind.UNIT, 3L);
    static final OrgUnit ROOT_DEPT = unit(5, UnitKind.SUPERVISING, null);

    static OrgUnit unit(long id, UnitKind kind, Long parent) {
        return new OrgUnit(id, "u" + id, "单位" + id, kind, parent);
    }

    @Example
    void aBaseUnitUnderASecondLevelUnitIsReviewedByBothWhenTheCampaignSaysSo() {
        List<OrgUnit> ancestors = List.of(SECOND, DEPT, FINANCE);
        assertThat(ReviewChain.of(ancestors, ON).levels()).containsExactly(3L, 2L);
        assertThat(ReviewChain.of(ancestors, OFF).levels()).containsExactly(2L);
    }

    @Example
    void everySecondLevelUnitOfADeepBranchReviewsInTurn() {
        List<OrgUnit> ancestors = List.of(SECOND_DEEPER, SECOND, DEPT, FINANCE);
        assertThat(ReviewChain.of(ancestors, ON).levels()).containsExactly(4L, 3L, 2L);
        assertThat(ReviewChain.of(ancestors, OFF).levels()).containsExactly(2L);
    }

    @Example
    void aDepartmentsOwnFormAndAUnitDirectlyUnderFinanceGoStraightToFinance() {
        assertThat(ReviewChain.of(List.of(FINANCE), ON).isEmpty()).isTrue();
        assertThat(ReviewChain.of(List.of(), ON).isEmpty()).isTrue();
        // a department kept at the root (no 财政 above it, as older trees are) reviews its units
        assertThat(ReviewChain.of(List.of(ROOT_DEPT), OFF).levels()).containsExactly(5L);
    }

    @Example
    void aSecondLevelUnitsOwnFormGoesToItsDepartment() {
        assertThat(ReviewChain.of(List.of(DEPT, FINANCE), ON).levels()).containsExactly(2L);
    }

    @Example
    void theVariableRoundTrips() {
        ReviewChain chain = new ReviewChain(List.of(12L, 5L));
        assertThat(chain.asVariable()).isEqualTo("12,5");
        assertThat(ReviewChain.fromVariable("12,5")).isEqualTo(chain);
        assertThat(ReviewChain.fromVariable("").isEmpty()).isTrue();
        assertThat(ReviewChain.fromVariable(null).isEmpty()).isTrue();
    }

    @Property
    void levelsAreAncestorsBelowFinanceInOrderAndOnlyDepartmentsWithoutSecondaryReview(
            @ForAll("ancestorChains") List<OrgUnit> ancestors, @ForAll boolean secondary) {
        List<Long> levels = ReviewChain.of(ancestors, new ReviewChain.Settings(secondary)).levels();
        List<OrgUnit> belowFinance = new ArrayList<>();
        for (OrgUnit u : ancestors) {
            if (u.kind() == UnitKind.FINANCE) {
                break;
            }
            belowFinance.add(u);
        }
        List<Long> expected = belowFinance.stream()
                .filter(u -> secondary || u.kind() == UnitKind.SUPERVISING).map(OrgUnit::id).toList();
        assertThat(levels).isEqualTo(expected);
        assertThat(ReviewChain.fromVariable(new ReviewChain(levels).asVariable()).levels()).isEqualTo(levels);
    }

    @Provide
    Arbitrary<List<OrgUnit>> ancestorChains() {
        return Arbitraries.of(UnitKind.values()).list().ofMaxSize(8).map(kinds -> {
            List<OrgUnit> units = new ArrayList<>();
            for (int i = 0; i < kinds.size(); i++) {
                units.add(unit(100 + i, kinds.get(i), (long) 101 + i));
            }
            return units;
        });
    }
}

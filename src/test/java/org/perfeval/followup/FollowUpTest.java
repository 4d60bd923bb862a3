package org.perfeval.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.campaign.NewCampaign;
import org.perfeval.evidence.Evidence;
import org.perfeval.evidence.EvidenceService;
import org.perfeval.exchange.EvaluationForm;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.library.IndicatorLibrary;
import org.perfeval.library.LibraryEntry;
import org.perfeval.approval.Decision;
import org.perfeval.review.ReviewInput;
import org.perfeval.review.ReviewService;
import org.perfeval.scoring.Finding;
import org.perfeval.shared.ConflictException;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.NotFoundException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;

/** Review opinions that ask for action become tracked 整改事项; the library fills rows; duplicates are found. */
@PerfevalTest
class FollowUpTest {
    @Autowired TestOrg testOrg;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired ReviewService reviews;
    @Autowired FormMapper formMapper;
    @Autowired FollowUpService followUps;
    @Autowired CampaignService campaigns;
    @Autowired IndicatorLibrary library;

    @Test
    void actionOpinionBecomesOneItemThatTheUnitClosesAndTheReviewerAccepts() {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "整改项目");
        submit(w, form);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("改进预算项目管理", "完善项目库"), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.RETURN_TO_UNIT, Map.of(), null, "补充说明"));
        submit(w, form);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("改进预算项目管理", "完善项目库", "建议继续全额安排", ""), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("规范财政资金管理", "按月对账"), null, null));

        List<FollowUp> items = followUps.visibleTo(w.staffA()).stream().filter(f -> f.formId().equals(form.getId())).toList();
        assertThat(items).extracting(FollowUp::opinionOption)
                .containsExactlyInAnyOrder("改进预算项目管理", "规范财政资金管理");
        assertThat(followUps.visibleTo(w.staffB())).noneMatch(f -> f.formId().equals(form.getId()));
        assertThat(followUps.visibleTo(w.reviewer2())).noneMatch(f -> f.formId().equals(form.getId()));
        assertThat(followUps.createFromOpinions(form.getId())).isZero();

        FollowUp supervisorItem = items.stream().filter(f -> f.stage().equals("SUPERVISOR")).findFirst().orElseThrow();
        assertThatThrownBy(() -> followUps.report(w.staffB(), supervisorItem.id(), FollowUpStatus.DONE, "x"))
                .isInstanceOf(NotFoundException.class);
        followUps.report(w.staffA(), supervisorItem.id(), FollowUpStatus.DONE, "已建立项目库并完成入库评审");
        assertThatThrownBy(() -> followUps.review(w.finance(), supervisorItem.id(), true))
                .isInstanceOf(ForbiddenException.class);
        followUps.review(w.reviewer1(), supervisorItem.id(), false);
        assertThat(status(w, supervisorItem.id())).isEqualTo(FollowUpStatus.NOT_ACCEPTED);
        followUps.report(w.staffA(), supervisorItem.id(), FollowUpStatus.DONE, "补充了评审记录");
        followUps.review(w.reviewer1(), supervisorItem.id(), true);
        assertThat(followUps.visibleTo(w.staffA()).stream().filter(f -> f.id().equals(supervisorItem.id()))
                .findFirst().orElseThrow().accepted()).isTrue();

        // Next year: the unaccepted finance item comes back on the unit's new form.
        assertThat(followUps.carriedOver(w.unitA().id(), 2025)).extracting(FollowUp::opinionOption)
                .containsExactly("规范财政资金管理");
        assertThat(followUps.carriedOver(w.unitA().id(), 2024)).isEmpty();
    }

    @Test
    void opinionSummaryCountsWhatWasStoredOnFiftyForms() {
        TestOrg.World w = testOrg.create();
        NewCampaign c = TestOrg.projectCampaign("汇总测试");
        Long id = campaigns.create(w.admin(), c).id();
        List<FormAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            assignments.add(new FormAssignment(w.unitA().id(), "汇总项目" + i));
        }
        campaigns.open(w.admin(), id, assignments);
        int full = 0;
        for (FormHeader f : formMapper.findByCampaign(id)) {
            submit(w, f);
            boolean fullAmount = f.getId() % 3 != 0;
            full += fullAmount ? 1 : 0;
            reviews.decide(w.reviewer1(), f.getId(), new ReviewInput(Decision.APPROVE,
                    fullAmount ? Map.of("建议继续全额安排", "") : Map.of("建议继续安排，按规定调整下一年度预算金额", "核减"), null, null));
        }
        List<FollowUpMapper.OpinionCount> summary = followUps.opinionSummary(id);
        int fullCount = full;
        assertThat(summary).filteredOn(o -> o.optionLabel().equals("建议继续全额安排")).singleElement()
                .satisfies(o -> assertThat(o.forms()).isEqualTo(fullCount));
        assertThat(summary).filteredOn(o -> o.optionLabel().startsWith("建议继续安排")).singleElement()
                .satisfies(o -> assertThat(o.forms()).isEqualTo(50 - fullCount));
    }

    @Test
    void libraryOffersIndicatorsAndDuplicateNamesAreAFinding() {
        List<LibraryEntry> found = library.search("满意度", "PROJECT", null);
        assertThat(found).extracting(LibraryEntry::name).contains("服务对象满意度");
        assertThat(found).allMatch(e -> e.formType().equals("PROJECT"));
        LibraryEntry picked = found.stream().filter(e -> e.name().equals("服务对象满意度")).findFirst().orElseThrow();
        assertThat(picked.operator()).isEqualTo(">=");
        assertThat(picked.typicalTarget()).isEqualTo("≥90%");

        EvaluationForm form = Fixtures.clean();
        form.getIndicators().get(1).setName(form.getIndicators().get(0).getName());
        List<Finding> findings = forms.preview(form).findings();
        assertThat(findings).filteredOn(f -> f.code().equals("DUPLICATE_INDICATOR")).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("indicators[1].name"));
    }

    @Test
    void unitAttachesEvidenceToItsItemUntilTheReviewerAcceptsIt() throws java.io.IOException {
        TestOrg.World w = testOrg.create();
        FormHeader form = testOrg.openForm(w, "整改佐证");
        submit(w, form);
        reviews.decide(w.reviewer1(), form.getId(), new ReviewInput(Decision.APPROVE,
                Map.of("改进预算项目管理", "完善项目库"), null, null));
        reviews.decide(w.finance(), form.getId(), new ReviewInput(Decision.APPROVE, Map.of(), null, null));
        FollowUp item = followUps.visibleTo(w.staffA()).stream().filter(f -> f.formId().equals(form.getId()))
                .findFirst().orElseThrow();
        byte[] pdf = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Evidence saved = followUps.uploadEvidence(w.staffA(), item.id(), "项目库制度.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf));
        assertThat(saved.followUpId()).isEqualTo(item.id());
        assertThatThrownBy(() -> followUps.uploadEvidence(w.staffB(), item.id(), "x.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> followUps.uploadEvidence(w.reviewer1(), item.id(), "x.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf))).isInstanceOf(ForbiddenException.class);
        assertThat(evidence.ofFollowUps(followUps.visibleTo(w.reviewer1()).stream().map(FollowUp::id).toList()).get(item.id()))
                .extracting(Evidence::originalName).containsExactly("项目库制度.pdf");
        assertThat(evidence.download(w.reviewer1(), saved.id()).bytes()).isEqualTo(pdf);
        assertThatThrownBy(() -> evidence.download(w.reviewer2(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThat(evidence.list(w.staffA(), form.getId())).as("the form's own files").isEmpty();

        followUps.report(w.staffA(), item.id(), FollowUpStatus.DONE, "已建立项目库");
        followUps.review(w.reviewer1(), item.id(), true);
        assertThatThrownBy(() -> evidence.delete(w.staffA(), saved.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> followUps.uploadEvidence(w.staffA(), item.id(), "迟到.pdf", pdf.length,
                new java.io.ByteArrayInputStream(pdf))).isInstanceOf(ConflictException.class);
    }

    @Autowired EvidenceService evidence;

    private void submit(TestOrg.World w, FormHeader form) {
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
    }

    private FollowUpStatus status(TestOrg.World w, Long id) {
        return followUps.visibleTo(w.staffA()).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().status();
    }
}

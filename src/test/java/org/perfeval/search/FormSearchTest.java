package org.perfeval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormStatus;
import org.perfeval.organisation.UserAccountService;
import org.perfeval.shared.Actor;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.test.web.servlet.MockMvc;

/** The lists take their scope from the access policy: no filter reaches a form outside it. */
@PerfevalTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@org.springframework.context.annotation.Import(org.perfeval.support.TestTree.class)
class FormSearchTest {
    @Autowired org.perfeval.support.TestTree testTree;
    @Autowired FormSearch search;
    @Autowired TestOrg testOrg;
    @Autowired MockMvc mvc;
    @Autowired UserAccountService accounts;

    @Test
    void everyoneFindsOnlyWhatTheyMaySee() {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        FormHeader a = testOrg.openForm(w, "查询甲项目" + s);
        FormHeader b = testOrg.openFormFor(w, w.unitB().id(), "查询乙项目" + s);

        assertThat(ids(w.staffA(), criteria(s, null))).containsExactly(a.getId());
        assertThat(ids(w.staffB(), criteria(s, null))).containsExactly(b.getId());
        // A filter on another unit never widens the scope.
        assertThat(ids(w.staffA(), criteria(s, w.unitB().id()))).isEmpty();
        assertThat(ids(w.reviewer1(), criteria(s, null))).containsExactly(a.getId());
        assertThat(ids(w.reviewer2(), criteria(s, null))).containsExactly(b.getId());
        assertThat(ids(w.reviewer1(), criteria(s, w.unitB().id()))).isEmpty();
        assertThat(ids(w.finance(), criteria(s, null))).containsExactlyInAnyOrder(a.getId(), b.getId());
        assertThat(ids(w.admin(), criteria(s, w.unitB().id()))).containsExactly(b.getId());

        // The unit name matches too, and the status and year filters narrow.
        SearchCriteria byUnitName = criteria(w.unitB().name(), null);
        assertThat(ids(w.finance(), byUnitName)).containsExactly(b.getId());
        SearchCriteria published = criteria(s, null);
        published.setStatus(FormStatus.PUBLISHED);
        assertThat(ids(w.finance(), published)).isEmpty();
        SearchCriteria otherYear = criteria(s, null);
        otherYear.setYear(1999);
        assertThat(ids(w.finance(), otherYear)).isEmpty();

        // 我发起的: the actor's own unit only, even when asked for another.
        SearchCriteria mine = criteria(s, w.unitB().id());
        assertThat(search.mine(w.staffA(), mine).rows()).extracting(SearchRow::id).containsExactly(a.getId());
        assertThat(search.mine(w.reviewer1(), criteria(s, null)).rows()).isEmpty();
    }

    @Test
    void aReviewerFindsTheFormsOfItsSubtreeOnly() {
        org.perfeval.support.TestTree.Deep t = testTree.create();
        TestOrg.World opener = new TestOrg.World(null, null, null, null, null, null, t.admin(), null, null, null, null);
        String s = UUID.randomUUID().toString().substring(0, 8);
        Long base1 = testOrg.openFormFor(opener, t.base1().id(), "树甲" + s).getId();
        Long base3 = testOrg.openFormFor(opener, t.base3().id(), "树乙" + s).getId();
        Long own = testOrg.openFormFor(opener, t.dept().id(), "树本级" + s).getId();

        assertThat(ids(t.secondReviewer(), criteria(s, null))).containsExactly(base1);
        assertThat(ids(t.siblingReviewer(), criteria(s, null))).containsExactly(base3);
        assertThat(ids(t.secondReviewer(), criteria(s, t.base3().id()))).isEmpty();
        assertThat(ids(t.deptReviewer(), criteria(s, null))).containsExactlyInAnyOrder(base1, base3, own);
        assertThat(ids(t.staffBase1(), criteria(s, null))).containsExactly(base1);
        assertThat(search.units(t.secondReviewer())).extracting(SearchMapper.UnitOption::id).containsExactly(t.base1().id());
    }

    @Test
    void likeWildcardsAreTakenLiterally() {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        testOrg.openForm(w, "通配" + s);
        assertThat(ids(w.finance(), criteria("%" + s.substring(0, 3) + "_", null))).isEmpty();
        assertThat(ids(w.finance(), criteria("通配" + s, null))).hasSize(1);
    }

    @Test
    void exportAndPagesStayInScope() throws Exception {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 8);
        testOrg.openForm(w, "导出甲" + s);
        testOrg.openFormFor(w, w.unitB().id(), "导出乙" + s);
        byte[] xlsx = mvc.perform(get("/search/export").param("q", s)
                        .with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> titles = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    titles.add(row.getCell(3).getStringCellValue());
                }
            }
        }
        assertThat(titles).containsExactly("导出甲" + s);

        String page = mvc.perform(get("/search").param("q", s).param("status", "NOT_A_STATUS").param("page", "99")
                        .with(user(accounts.loadUserByUsername(w.reviewer2().username()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("导出乙" + s).doesNotContain("导出甲" + s).contains("部分查询条件无效");
        String mine = mvc.perform(get("/mine").with(user(accounts.loadUserByUsername(w.staffA().username()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("导出甲" + s).doesNotContain("导出乙" + s);
    }

    private List<Long> ids(Actor actor, SearchCriteria criteria) {
        return search.search(actor, criteria).rows().stream().map(SearchRow::id).toList();
    }

    private static SearchCriteria criteria(String q, Long unit) {
        SearchCriteria c = new SearchCriteria();
        c.setQ(q);
        c.setUnit(unit);
        return c;
    }
}

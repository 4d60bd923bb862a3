package org.perfeval.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfeval.approval.Approval;
import org.perfeval.campaign.CampaignService;
import org.perfeval.campaign.FormAssignment;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Tree editing: refusals, moves with paths, renames that leave filed forms alone, disabling, Excel import. */
@PerfevalTest
@Import(TestTree.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class UnitEditingTest {
    @Autowired UnitEditing editing;
    @Autowired UnitImport unitImport;
    @Autowired TestTree testTree;
    @Autowired TestOrg testOrg;
    @Autowired OrgTree tree;
    @Autowired OrgMapper orgMapper;
    @Autowired FormMapper formMapper;
    @Autowired Approval approval;
    @Autowired CampaignService campaigns;
    @Autowired UserAccountService accounts;
    @Autowired MockMvc mvc;

    @Test
    void refusesCyclesUnknownParentsAndMisplacedKinds() {
        TestTree.Deep t = testTree.create();
        assertThatThrownBy(() -> editing.move(t.admin(), t.dept().id(), t.base1().id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("下级单位");
        assertThatThrownBy(() -> editing.move(t.admin(), t.second().id(), t.second().id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("自己的上级");
        assertThatThrownBy(() -> editing.parentIdByCode("no-such-" + UUID.randomUUID()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不存在");
        assertThatThrownBy(() -> editing.move(t.admin(), t.base1().id(), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("必须选择上级单位");
        assertThatThrownBy(() -> editing.move(t.admin(), t.dept().id(), t.second().id()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> editing.add(t.admin(), "x-" + UUID.randomUUID().toString().substring(0, 8), "新单位",
                UnitKind.UNIT, -42L)).isInstanceOf(InvalidInputException.class).hasMessageContaining("上级单位不存在");
        assertThatThrownBy(() -> editing.add(t.admin(), t.base1().code(), "重复编码", UnitKind.UNIT, t.dept().id()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已存在");
        assertThatThrownBy(() -> editing.rename(t.admin(), t.base1().id(), "  "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写单位名称");
        assertThatThrownBy(() -> editing.rename(t.deptReviewer(), t.base1().id(), "越权"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> editing.setEnabled(t.admin(), t.finance().id(), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("本人所在");
        // Nothing moved.
        assertThat(orgMapper.findUnit(t.dept().id()).parentId()).isEqualTo(t.finance().id());
        assertThat(tree.isUnder(t.base1().id(), t.second().id())).isTrue();
    }

    @Test
    void aMoveCarriesTheSubtreeAndIsKeptInHistory() {
        TestTree.Deep t = testTree.create();
        OrgUnit added = editing.add(t.admin(), "n-" + UUID.randomUUID().toString().substring(0, 8), "新增基层" ,
                UnitKind.UNIT, t.base1().id());
        assertThat(tree.isUnder(added.id(), t.second().id())).isTrue();
        editing.move(t.admin(), t.base1().id(), t.sibling().id());
        assertThat(tree.isUnder(t.base1().id(), t.sibling().id())).isTrue();
        assertThat(tree.isUnder(added.id(), t.sibling().id())).isTrue();
        assertThat(tree.isUnder(added.id(), t.second().id())).isFalse();
        List<UnitChange> changes = editing.changesOf(t.base1().id());
        assertThat(changes).extracting(UnitChange::field).containsExactly(UnitEditing.PARENT);
        assertThat(changes.get(0).oldValue()).isEqualTo(t.second().name());
        assertThat(changes.get(0).newValue()).isEqualTo(t.sibling().name());
        assertThat(changes.get(0).actorName()).isEqualTo(t.admin().displayName());
        assertThat(editing.changesOf(added.id())).extracting(UnitChange::field).containsExactly(UnitEditing.CREATED);
    }

    @Test
    void filedFormsKeepTheNamesTheyWereFiledWith() throws Exception {
        TestTree.Deep t = testTree.create();
        TestOrg.World opener = new TestOrg.World(null, null, null, null, null, null, t.admin(), null, null, null, null);
        String s = UUID.randomUUID().toString().substring(0, 8);
        FormHeader filed = testOrg.openFormFor(opener, t.base1().id(), "提交后更名" + s);
        FormHeader draft = testOrg.openFormFor(opener, t.base1().id(), "未提交" + s);
        approval.submit(t.staffBase1(), filed.getId(), formMapper.findHeader(filed.getId()).getVersion(), Fixtures.clean());
        String oldPath = t.dept().name() + "/" + t.second().name() + "/" + t.base1().name();
        assertThat(formMapper.findHeader(filed.getId()).getFiledUnitPath()).isEqualTo(oldPath);

        editing.rename(t.admin(), t.base1().id(), "更名后" + s);
        editing.rename(t.admin(), t.second().id(), "二级更名" + s);
        editing.move(t.admin(), t.base1().id(), t.sibling().id());

        FormHeader after = formMapper.findHeader(filed.getId());
        assertThat(after.getUnitName()).isEqualTo(t.base1().name());
        assertThat(after.getFiledUnitPath()).isEqualTo(oldPath);
        assertThat(formMapper.findHeader(draft.getId()).getUnitName()).isEqualTo("更名后" + s);
        var admin = user(accounts.loadUserByUsername(t.admin().username()));
        String print = mvc.perform(get("/forms/" + filed.getId() + "/print").with(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(print).contains(oldPath).doesNotContain("更名后" + s);
        String search = mvc.perform(get("/search").param("q", s).with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(search).contains(oldPath).contains("更名后" + s);
        assertThat(editing.changesOf(t.base1().id())).extracting(UnitChange::field)
                .containsExactly(UnitEditing.NAME, UnitEditing.PARENT);
    }

    @Test
    void aDisabledUnitGetsNoNewFormsAndItsUsersCannotLogIn() {
        TestTree.Deep t = testTree.create();
        assertThat(accounts.loadUserByUsername(t.staffBase1().username()).isEnabled()).isTrue();
        editing.setEnabled(t.admin(), t.base1().id(), false);
        assertThat(accounts.loadUserByUsername(t.staffBase1().username()).isEnabled()).isFalse();
        assertThat(editing.tree()).filteredOn(r -> r.unit().id().equals(t.base1().id()))
                .singleElement().extracting(UnitEditing.TreeRow::enabled).isEqualTo(false);
        Long campaign = campaigns.create(t.admin(), TestOrg.projectCampaign("停用单位任务" + UUID.randomUUID())).id();
        assertThatThrownBy(() -> campaigns.open(t.admin(), campaign, List.of(new FormAssignment(t.base1().id(), "项目"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已停用");
        editing.setEnabled(t.admin(), t.base1().id(), true);
        assertThat(accounts.loadUserByUsername(t.staffBase1().username()).isEnabled()).isTrue();
        assertThat(campaigns.open(t.admin(), campaign, List.of(new FormAssignment(t.base1().id(), "项目")))).isEqualTo(1);
        assertThat(editing.changesOf(t.base1().id())).extracting(UnitChange::newValue).containsExactly("停用", "启用");
    }

    @Test
    void anExcelSheetBuildsAFourLevelTreeAndABadRowIsNamedByItsCell() throws Exception {
        TestTree.Deep t = testTree.create();
        String s = UUID.randomUUID().toString().substring(0, 6);
        byte[] good = sheet(new String[][] {
                {"im-d-" + s, "导入主管" + s, t.finance().code(), "主管部门"},
                {"im-s-" + s, "导入二级" + s, "im-d-" + s, "二级单位"},
                {"im-b-" + s, "导入基层" + s, "im-s-" + s, "基层单位"}});
        List<UnitImport.Row> rows = unitImport.preview(t.admin(), good);
        assertThat(rows).allMatch(UnitImport.Row::ok);
        assertThat(unitImport.importRows(t.admin(), rows)).isEqualTo(3);
        OrgUnit base = orgMapper.findUnitByCode("im-b-" + s);
        assertThat(tree.ancestorsOf(base.id())).extracting(OrgUnit::code)
                .containsExactly("im-s-" + s, "im-d-" + s, t.finance().code());
        assertThat(editing.changesOf(base.id())).extracting(UnitChange::field).containsExactly(UnitEditing.CREATED);

        byte[] bad = sheet(new String[][] {
                {"im-x-" + s, "好行" + s, t.dept().code(), "预算单位"},
                {"im-y-" + s, "坏上级" + s, "nowhere-" + s, "预算单位"},
                {"im-z-" + s, "坏类型" + s, t.dept().code(), "科室"},
                {"im-x-" + s, "重复" + s, t.dept().code(), "预算单位"}});
        List<UnitImport.Row> checked = unitImport.preview(t.admin(), bad);
        assertThat(checked.get(0).ok()).isTrue();
        assertThat(checked.get(1).problems()).singleElement().asString().startsWith("C3：").contains("nowhere-" + s);
        assertThat(checked.get(2).problems()).singleElement().asString().startsWith("D4：");
        assertThat(checked.get(3).problems()).singleElement().asString().startsWith("A5：").contains("重复");
        assertThatThrownBy(() -> unitImport.importRows(t.admin(), checked)).isInstanceOf(InvalidInputException.class);
        assertThat(orgMapper.findUnitByCode("im-x-" + s)).isNull();

        var admin = user(accounts.loadUserByUsername(t.admin().username()));
        MockHttpServletResponse page = mvc.perform(multipart("/admin/units/import")
                .file(new MockMultipartFile("file", "units.xlsx", "application/octet-stream", bad)).with(admin).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("C3：").contains("D4：");
        assertThatThrownBy(() -> unitImport.preview(t.admin(), new byte[UserImportLimit.BYTES + 1]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 MB");
    }

    @Test
    void theTreePageShowsARefusalBesideItsField() throws Exception {
        TestTree.Deep t = testTree.create();
        var admin = user(accounts.loadUserByUsername(t.admin().username()));
        MockHttpServletResponse cycle = mvc.perform(post("/admin/units/" + t.dept().id() + "/move")
                .param("parentCode", t.base3().code()).with(admin).with(csrf())).andReturn().getResponse();
        assertThat(cycle.getStatus()).isEqualTo(400);
        assertThat(cycle.getContentAsString()).contains("move-error").contains("不能把单位移到其下级单位")
                .contains("value=\"" + t.base3().code() + "\"");
        MockHttpServletResponse unknown = mvc.perform(post("/admin/units/new").param("code", "ok-" + UUID.randomUUID().toString().substring(0, 8))
                .param("name", "输入保留").param("kind", "UNIT").param("parentCode", "missing-parent")
                .with(admin).with(csrf())).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString()).contains("id=\"new-parent-error\"").contains("上级单位编码「missing-parent」不存在")
                .contains("value=\"输入保留\"");
        MockHttpServletResponse ok = mvc.perform(post("/admin/units/" + t.base3().id() + "/rename").param("name", "页面更名")
                .with(admin).with(csrf())).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/admin/units").with(admin)).andReturn().getResponse().getContentAsString())
                .contains("页面更名").contains("更名");
    }

    private static byte[] sheet(String[][] rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("单位");
            Row head = sheet.createRow(0);
            for (int i = 0; i < UnitImport.HEADINGS.size(); i++) {
                head.createCell(i).setCellValue(UnitImport.HEADINGS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The user import's size limit, which the unit import shares. */
    static final class UserImportLimit {
        static final int BYTES = UserImport.MAX_BYTES;
    }
}

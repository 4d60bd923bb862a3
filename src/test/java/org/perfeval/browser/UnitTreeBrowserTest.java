package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An administrator builds a four-level branch from an Excel sheet (a bad sheet first: its problem is
 * named by its cell), then renames a unit on the tree page and sees the change in the history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
class UnitTreeBrowserTest {
    @LocalServerPort int port;
    @Autowired TestOrg testOrg;

    @Test
    void anAdministratorBuildsATreeFromExcelAndRenamesAUnit() throws Exception {
        TestOrg.World w = testOrg.create();
        String s = UUID.randomUUID().toString().substring(0, 6);
        Path bad = sheet("bad", new String[][] {{"bt-d-" + s, "导入局" + s, "nowhere-" + s, "主管部门"}});
        Path good = sheet("good", new String[][] {
                {"bt-d-" + s, "导入局" + s, "", "主管部门"},
                {"bt-s-" + s, "导入中心" + s, "bt-d-" + s, "二级单位"},
                {"bt-b-" + s, "导入学校" + s, "bt-s-" + s, "基层单位"}});
        try (Browser b = Browser.open(port)) {
            b.login(w.admin().username(), TestOrg.PASSWORD);
            b.find(By.linkText("单位管理")).click();
            b.find(By.linkText("从 Excel 导入单位")).click();
            b.find(By.cssSelector("input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
            b.find(By.cssSelector("form[action$='/admin/units/import'] button[type=submit]")).click();
            assertThat(b.text(By.id("import-preview"))).contains("C2：").contains("nowhere-" + s);
            b.screenshot("unit-import-refused");

            b.find(By.cssSelector("input[type=file]")).sendKeys(good.toAbsolutePath().toString());
            b.find(By.cssSelector("form[action$='/admin/units/import'] button[type=submit]")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/import/confirm']")));
            b.find(By.cssSelector("form[action$='/import/confirm'] button")).click();
            assertThat(b.text(By.id("import-done"))).contains("3");
            b.go("/admin/units");
            String tree = b.text(By.id("unit-tree"));
            assertThat(tree).contains("导入局" + s).contains("导入中心" + s).contains("导入学校" + s).contains("二级单位")
                    .contains("基层单位");
            b.screenshot("unit-tree");

            By school = By.xpath("//tr[td[2][text()='bt-b-" + s + "']]");
            b.find(school).findElement(By.cssSelector("input[name=name]")).clear();
            b.find(school).findElement(By.cssSelector("input[name=name]")).sendKeys("更名学校" + s);
            b.find(school).findElement(By.xpath(".//button[text()='更名']")).click();
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已更名"));
            assertThat(b.text(By.id("unit-history"))).contains("导入学校" + s).contains("更名学校" + s);
            b.screenshot("unit-renamed");
        }
    }

    private static Path sheet(String name, String[][] rows) throws Exception {
        Path file = Files.createTempFile("units-" + name, ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("单位");
            String[] headings = {"单位编码", "单位名称", "上级单位编码", "单位类型"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headings.length; i++) {
                head.createCell(i).setCellValue(headings[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}

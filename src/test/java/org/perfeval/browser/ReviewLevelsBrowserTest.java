package org.perfeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.perfeval.approval.Approval;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.inbox.InboxMapper;
import org.perfeval.organisation.AccessPolicy;
import org.perfeval.support.Fixtures;
import org.perfeval.support.TestOrg;
import org.perfeval.support.TestProfiles;
import org.perfeval.support.TestTree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A school's form along its chain in a real browser: the 二级单位's reviewer approves and recalls,
 * approves again, the 主管部门 approves, and 财政 returns it to the 二级单位 (驳回到指定节点).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import({TestOrg.class, TestTree.class})
class ReviewLevelsBrowserTest {
    @LocalServerPort int port;
    @Autowired TestTree testTree;
    @Autowired Approval approval;
    @Autowired FormMapper formMapper;
    @Autowired InboxMapper inboxMapper;

    @Test
    void approveRecallApproveThenFinanceReturnsToTheSecondLevel() {
        TestTree.Deep t = testTree.create();
        FormHeader form = testTree.openForm(t, t.base1(), "浏览器层级项目", true);
        approval.submit(t.staffBase1(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
        try (Browser b = Browser.open(port)) {
            b.login(t.secondReviewer().username(), TestOrg.PASSWORD);
            approve(b, form);
            b.go("/forms/" + form.getId());
            assertThat(b.text(By.id("review-chain"))).contains(t.dept().name() + "（当前）");
            b.find(By.id("recall-approval")).click();
            b.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
            assertThat(b.text(By.id("review-chain"))).contains(t.second().name() + "（当前）");
            b.screenshot("level-recalled");
            approve(b, form);

            b.login(t.deptReviewer().username(), TestOrg.PASSWORD);
            approve(b, form);

            b.login(t.financeReviewer().username(), TestOrg.PASSWORD);
            b.go("/forms/" + form.getId());
            b.find(By.cssSelector("input[name=decision][value=RETURN_TO_LEVEL]")).click();
            new Select(b.find(By.name("returnLevel"))).selectByVisibleText("第 1 级：" + t.second().name());
            b.find(By.cssSelector("#review-form textarea[name=reason]")).sendKeys("请二级单位复核佐证材料");
            b.screenshot("level-return");
            b.find(By.id("decide")).click();
            b.waiting().until(ExpectedConditions.urlContains("/tasks"));
        }
        assertThat(inboxMapper.findByForm(form.getId()).candidateGroup())
                .isEqualTo(AccessPolicy.departmentGroup(t.second().id()));
    }

    private static void approve(Browser b, FormHeader form) {
        b.go("/forms/" + form.getId());
        b.find(By.cssSelector("input[name=decision][value=APPROVE]")).click();
        b.find(By.id("decide")).click();
        b.waiting().until(ExpectedConditions.urlContains("/tasks"));
    }
}

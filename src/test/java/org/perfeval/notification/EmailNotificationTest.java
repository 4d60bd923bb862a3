package org.perfeval.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.perfeval.form.EvaluationFormService;
import org.perfeval.form.FormHeader;
import org.perfeval.form.FormMapper;
import org.perfeval.organisation.OrgAdminService;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.support.Fixtures;
import org.perfeval.support.PerfevalTest;
import org.perfeval.support.TestOrg;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Notifications go out by mail once SMTP is configured: once each, after the step, never blocking it. */
@PerfevalTest
class EmailNotificationTest {
    static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("perfeval.mail.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("perfeval.mail.poll-interval", () -> "PT1H");
        registry.add("perfeval.base-url", () -> "https://jx.example.gov.cn");
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Autowired TestOrg testOrg;
    @Autowired OrgAdminService orgAdmin;
    @Autowired EvaluationFormService forms;
    @Autowired org.perfeval.approval.Approval approval;
    @Autowired FormMapper formMapper;
    @Autowired EmailDispatcher dispatcher;
    @Autowired JdbcTemplate jdbc;

    @Test
    void eachNotificationIsMailedOnceEvenWithTwoNodesAndAFailingServerNeverBlocksTheStep() throws Exception {
        TestOrg.World w = testOrg.create();
        String address = "reviewer-" + w.reviewer1().id() + "@jx.example.gov.cn";
        orgAdmin.changeEmail(w.admin(), w.reviewer1().id(), address);
        dispatcher.dispatchPending();
        smtp.purgeEmailFromAllMailboxes();

        FormHeader first = testOrg.openForm(w, "邮件通知项目");
        submit(w, first);
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(address);
        assertThat(received[0].getSubject()).startsWith("【绩效自评】待办");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(mailText(received[0])).contains("https://jx.example.gov.cn/forms/" + first.getId());
        assertThat(dispatcher.dispatchPending()).as("a second round sends nothing again").isZero();
        assertThat(state(w.reviewer1b().id(), first.getId())).as("no address, no mail").isEqualTo("NO_ADDRESS");

        // Two nodes polling at once: every mail goes out exactly once.
        for (int i = 0; i < 20; i++) {
            submit(w, testOrg.openForm(w, "邮件批量" + i));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> rounds = new ArrayList<>();
        Callable<Integer> round = dispatcher::dispatchPending;
        rounds.add(nodes.submit(round));
        rounds.add(nodes.submit(round));
        int sent = 0;
        for (Future<Integer> f : rounds) {
            sent += f.get();
        }
        nodes.shutdown();
        assertThat(sent).isEqualTo(20);
        assertThat(smtp.getReceivedMessages()).hasSize(21);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND email_state = 'SENT'",
                Integer.class, w.reviewer1().id())).isEqualTo(21);

        // Mail server down: the submission still goes through; the mail waits, then is given up.
        smtp.stop();
        FormHeader late = testOrg.openForm(w, "邮件服务器故障");
        submit(w, late);
        assertThat(formMapper.findHeader(late.getId()).getStatus().name()).isEqualTo("SUPERVISOR_REVIEW");
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(state(w.reviewer1().id(), late.getId())).isEqualTo("PENDING");
        for (int i = 0; i < 4; i++) {
            dispatcher.dispatchPending();
        }
        assertThat(state(w.reviewer1().id(), late.getId())).isEqualTo("FAILED");
    }

    @Test
    void addressesAreCheckedAndHeaderInjectionIsRefused() {
        TestOrg.World w = testOrg.create();
        assertThatThrownBy(() -> orgAdmin.changeEmail(w.admin(), w.staffA().id(), "a@b.cn\r\nBcc: x@y.cn"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("电子邮箱");
        assertThatThrownBy(() -> orgAdmin.changeEmail(w.admin(), w.staffA().id(), "没有at符号"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> orgAdmin.changeEmail(w.staffA(), w.staffA().id(), "a@b.cn"))
                .isInstanceOf(org.perfeval.shared.ForbiddenException.class);
        orgAdmin.changeEmail(w.admin(), w.staffA().id(), " staff@unit.gov.cn ");
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE id = ?", String.class, w.staffA().id()))
                .isEqualTo("staff@unit.gov.cn");
        orgAdmin.changeEmail(w.admin(), w.staffA().id(), "");
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE id = ?", String.class, w.staffA().id())).isNull();
    }

    private void submit(TestOrg.World w, FormHeader form) {
        approval.submit(w.staffA(), form.getId(), formMapper.findHeader(form.getId()).getVersion(), Fixtures.clean());
    }

    private String state(Long recipient, Long formId) {
        return jdbc.queryForObject("SELECT email_state FROM notification WHERE recipient_id = ? AND form_id = ? AND kind = 'TASK'",
                String.class, recipient, formId);
    }

    private static String mailText(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String s ? s : GreenMailUtil.getBody(message);
    }
}

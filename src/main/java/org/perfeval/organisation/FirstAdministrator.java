package org.perfeval.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, a first start with no users creates the administrator "admin" with a
 * generated password and prints it once; it must be changed at the first login. There is no fixed
 * default password to forget to change.
 */
@Component
@Profile("!demo")
class FirstAdministrator implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private final OrgAdminService org;

    FirstAdministrator(OrgAdminService org) {
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password;
        try {
            password = org.createFirstAdministrator();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // Another instance starting on the same database created it (and printed its password).
            return;
        }
        if (password != null) {
            log.warn("\n==== 首次启动：已创建绩效管理员账号 admin，初始密码 {} （仅显示这一次，首次登录后须修改）====", password);
        }
    }
}

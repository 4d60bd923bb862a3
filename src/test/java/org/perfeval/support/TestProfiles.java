package org.perfeval.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** "test", plus "mariadb" when the build runs with -Dperfeval.db=mariadb (as .ci/run does). */
public class TestProfiles implements ActiveProfilesResolver {

    public static boolean onMariaDb() {
        return "mariadb".equalsIgnoreCase(System.getProperty("perfeval.db", "h2"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onMariaDb() ? new String[] {"test", "mariadb"} : new String[] {"test"};
    }
}

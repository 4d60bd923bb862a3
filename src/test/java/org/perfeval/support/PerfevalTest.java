package org.perfeval.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole-application test on H2, or on MariaDB under -Dperfeval.db=mariadb. Tagged "db": .ci/run
 * runs these again against MariaDB.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("db")
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestOrg.class)
public @interface PerfevalTest {
}

package org.perfeval.approval;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for our Flyway migrations, as Boot does for JPA and jOOQ. The engine
 * creates its own tables at start; if it ran first, Flyway would find a non-empty schema, take it as
 * version 1 (baseline-on-migrate, needed for databases created before Flyway) and skip our first
 * migration. Registered in META-INF/spring.factories.
 */
public class EngineAfterSchemaMigration extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
    }
}

package org.perfeval.scoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scoring module and the exchange model depend on the JDK and each other, nothing else. */
class ScoringArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.perfeval");

    @Test
    void scoringDependsOnNothingButTheJdkAndTheExchangeModel() {
        classes().that().resideInAPackage("org.perfeval.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.perfeval.scoring..",
                        "org.perfeval.exchange")
                .check(CLASSES);
    }

    @Test
    void theExchangeModelIsPlainJava() {
        classes().that().resideInAPackage("org.perfeval.exchange")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.perfeval.exchange")
                .check(CLASSES);
    }

    @Test
    void workflowGlueOnlyCallsServices() {
        classes().that().resideInAPackage("org.perfeval.approval..")
                .and().areAssignableTo(org.camunda.bpm.engine.delegate.JavaDelegate.class)
                .or().areAssignableTo(org.camunda.bpm.engine.delegate.TaskListener.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.perfeval.web..", "org.apache.ibatis..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheWebLayer() {
        classes().that().resideOutsideOfPackage("org.perfeval.web..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("org.perfeval.web..")
                .check(CLASSES);
    }
}

package org.perfeval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module map of docs/modules.md, checked: features are the packages under org.perfeval, the
 * exchange model ({@code exchange}) is apart from its JSON and Excel readers and writers
 * ({@code exchange.json}, {@code exchange.excel}: module "exchange-io"), and no module depends on
 * another in a loop. Run with {@code -Dperfeval.write-module-docs=true} to rewrite the picture.
 */
class ModuleBoundariesTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.perfeval");
    static final Path PICTURE = Path.of("docs", "modules.md");

    /** A class's module: the package under org.perfeval, with the exchange readers and writers apart. */
    static final SliceAssignment MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String module = moduleOf(javaClass.getPackageName());
            return module == null ? SliceIdentifier.ignore() : SliceIdentifier.of(module);
        }

        @Override
        public String getDescription() {
            return "modules of org.perfeval";
        }
    };

    static String moduleOf(String packageName) {
        if (!packageName.startsWith("org.perfeval.")) {
            return null;
        }
        String rest = packageName.substring("org.perfeval.".length());
        if (rest.startsWith("exchange.")) {
            return "exchange-io";
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void noModuleDependsOnAnotherInALoop() {
        slices().assignedFrom(MODULES).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheApprovalModuleTalksToTheProcessEngine() {
        noClasses().that().resideOutsideOfPackage("org.perfeval.approval..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(CLASSES);
    }

    @Test
    void scoringAndExchangeAreFreeOfSpringCamundaAndMyBatis() {
        noClasses().that().resideInAnyPackage("org.perfeval.scoring..", "org.perfeval.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
                        "org.apache.ibatis..", "org.mybatis..")
                .check(CLASSES);
    }

    @Test
    void controllersCallServicesNotMappers() {
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(ControllerAdvice.class)
                .should().dependOnClassesThat().areAnnotatedWith(Mapper.class)
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivateInsideTheirFeature() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(CLASSES);
    }

    /** docs/modules.md shows the modules as they are: it is regenerated from the classes and compared. */
    @Test
    void theModulePictureIsCurrent() throws IOException {
        String picture = picture();
        if (Boolean.getBoolean("perfeval.write-module-docs")) {
            Files.writeString(PICTURE, picture, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PICTURE, StandardCharsets.UTF_8))
                .as("docs/modules.md is out of date: run ./mvnw test -Dtest=ModuleBoundariesTest -Dperfeval.write-module-docs=true")
                .isEqualTo(picture);
    }

    static String picture() {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass c : CLASSES) {
            String from = moduleOf(c.getPackageName());
            if (from == null) {
                continue;
            }
            edges.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = moduleOf(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from)) {
                    edges.get(from).add(to);
                }
            }
        }
        StringBuilder md = new StringBuilder("""
                # Modules

                Generated by `ModuleBoundariesTest` from the compiled classes (it fails when this page is out of
                date). Each box is a package under `org.perfeval`; an arrow means "uses". There are no loops
                (checked by the same test). `approval` is the only module that talks to the process engine;
                the features below it learn about its steps from its events (`ApprovalEvents`).

                ```mermaid
                flowchart TD
                """);
        edges.forEach((from, tos) -> tos.forEach(to ->
                md.append("    ").append(id(from)).append(" --> ").append(id(to)).append('\n')));
        md.append("```\n\n| module | uses |\n|---|---|\n");
        edges.forEach((from, tos) -> md.append("| ").append(from).append(" | ")
                .append(String.join(", ", tos)).append(" |\n"));
        return md.toString();
    }

    private static String id(String module) {
        return module.replace('-', '_');
    }
}

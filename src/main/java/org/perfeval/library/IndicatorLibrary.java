package org.perfeval.library;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.perfeval.audit.AuditAction;
import org.perfeval.audit.AuditLog;
import org.perfeval.shared.Actor;
import org.perfeval.shared.ColumnLimits;
import org.perfeval.shared.FieldProblem;
import java.util.ArrayList;
import org.perfeval.shared.Role;
import org.perfeval.scoring.Operator;
import org.perfeval.shared.ForbiddenException;
import org.perfeval.shared.InvalidInputException;
import org.perfeval.shared.ReadOnly;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 指标库: searched by the form editor, maintained by administrators. An empty library is filled
 * from forms/indicator-library.json at start-up.
 */
@Service
public class IndicatorLibrary implements ApplicationRunner {
    private final LibraryMapper mapper;
    private final AuditLog audit;
    private final ObjectMapper objectMapper;

    public IndicatorLibrary(LibraryMapper mapper, AuditLog audit, ObjectMapper objectMapper) {
        this.mapper = mapper;
        this.audit = audit;
        this.objectMapper = objectMapper;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (mapper.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource("forms/indicator-library.json").getInputStream()) {
            for (Seed s : objectMapper.readValue(in, new TypeReference<List<Seed>>() { })) {
                mapper.insert(new LibraryEntry(null, s.formType(), s.sector(), s.category(), s.subcategory(), s.name(),
                        s.operator(), s.unitOfMeasure(), s.typicalTarget(), s.quantitative(), s.definition(), 0, 0));
            }
        }
    }

    @ReadOnly
    public List<LibraryEntry> search(String query, String formType, String sector) {
        String like = query == null || query.isBlank() ? null
                : org.perfeval.shared.Like.containing(query.strip());
        return mapper.search(blank(formType), blank(sector), like);
    }

    @Transactional
    public void add(Actor admin, LibraryEntry entry) {
        if (!admin.is(Role.ADMIN)) {
            throw new ForbiddenException("只有绩效管理员可以维护指标库");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (entry.name() == null || entry.name().isBlank()) {
            problems.add(new FieldProblem("name", "请填写三级指标名称"));
        }
        if (entry.category() == null || entry.category().isBlank() || entry.subcategory() == null || entry.subcategory().isBlank()) {
            problems.add(new FieldProblem("category", "请填写一级指标和二级指标"));
        }
        ColumnLimits.LIBRARY_SECTOR.check(problems, "sector", "行业", entry.sector());
        ColumnLimits.LIBRARY_CATEGORY.check(problems, "category", "一级指标", entry.category());
        ColumnLimits.LIBRARY_SUBCATEGORY.check(problems, "subcategory", "二级指标", entry.subcategory());
        ColumnLimits.LIBRARY_NAME.check(problems, "name", "三级指标", entry.name());
        ColumnLimits.LIBRARY_UNIT_OF_MEASURE.check(problems, "unitOfMeasure", "度量单位", entry.unitOfMeasure());
        ColumnLimits.LIBRARY_TYPICAL_TARGET.check(problems, "typicalTarget", "参考指标值", entry.typicalTarget());
        ColumnLimits.LIBRARY_DEFINITION.check(problems, "definition", "说明", entry.definition());
        if (entry.operator() != null && !entry.operator().isBlank() && Operator.of(entry.operator()) == null) {
            problems.add(new FieldProblem("operator", "运算符号应为 >=、>、<=、<、= 之一"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        try {
            mapper.insert(entry);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "指标库中已有同一类别下的「" + entry.name() + "」");
        }
        audit.action(admin, AuditAction.ADMIN_CHANGE, "library", entry.name(), "新增指标库条目");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record Seed(String formType, String sector, String category, String subcategory, String name, String operator,
                String unitOfMeasure, String typicalTarget, boolean quantitative, String definition) {
    }
}

package org.perfeval.search;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * SQL in src/main/resources/mapper/SearchMapper.xml. {@code unitScope} and {@code departmentScope}
 * are the actor's access scope (organisation.AccessPolicy.Scope: one unit, or every unit in a reviewer's
 * subtree through OrgTree.SUBTREE_UNIT_IDS); null means not restricted.
 */
@Mapper
interface SearchMapper {

    List<SearchRow> search(@Param("c") SearchCriteria criteria, @Param("unitScope") Long unitScope,
                           @Param("departmentScope") Long departmentScope, @Param("limit") int limit,
                           @Param("offset") int offset);

    long count(@Param("c") SearchCriteria criteria, @Param("unitScope") Long unitScope,
               @Param("departmentScope") Long departmentScope);

    /** The units whose forms the actor may see, for the filter. */
    List<UnitOption> units(@Param("unitScope") Long unitScope, @Param("departmentScope") Long departmentScope);

    record UnitOption(Long id, String name) {
    }
}

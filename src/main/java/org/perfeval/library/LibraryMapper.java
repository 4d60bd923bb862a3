package org.perfeval.library;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface LibraryMapper {

    @Insert("INSERT INTO indicator_library (form_type, sector, category, subcategory, name, operator, unit_of_measure,"
            + " typical_target, quantitative, definition) VALUES (#{formType}, #{sector}, #{category}, #{subcategory},"
            + " #{name}, #{operator}, #{unitOfMeasure}, #{typicalTarget}, #{quantitative}, #{definition})")
    void insert(LibraryEntry entry);

    @Select("SELECT COUNT(*) FROM indicator_library")
    int count();

    /** Entries with how many forms and units use an indicator of that name. */
    @Select({"<script>",
            "SELECT l.id, l.form_type, l.sector, l.category, l.subcategory, l.name, l.operator, l.unit_of_measure,",
            " l.typical_target, l.quantitative, l.definition,",
            " (SELECT COUNT(DISTINCT i.form_id) FROM indicator i WHERE i.name = l.name) AS used_in_forms,",
            " (SELECT COUNT(DISTINCT f.unit_id) FROM indicator i JOIN evaluation_form f ON f.id = i.form_id",
            "   WHERE i.name = l.name) AS used_by_units",
            " FROM indicator_library l WHERE 1 = 1",
            " <if test='formType != null'> AND l.form_type = #{formType}</if>",
            " <if test='sector != null'> AND l.sector = #{sector}</if>",
            " <if test='like != null'> AND l.name LIKE #{like}</if>",
            " ORDER BY l.form_type, l.category, l.subcategory, l.name LIMIT 200",
            "</script>"})
    List<LibraryEntry> search(@Param("formType") String formType, @Param("sector") String sector,
                              @Param("like") String like);
}

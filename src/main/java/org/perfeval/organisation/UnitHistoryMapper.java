package org.perfeval.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** org_unit's enabled flag, parent and name changes, and unit_history (V56). */
@Mapper
interface UnitHistoryMapper {

    @Insert("INSERT INTO unit_history (unit_id, field, old_value, new_value, actor_id, actor_name, changed_at)"
            + " VALUES (#{unitId}, #{field}, #{oldValue}, #{newValue}, #{actorId}, #{actorName}, #{at})")
    void insert(@Param("unitId") Long unitId, @Param("field") String field, @Param("oldValue") String oldValue,
                @Param("newValue") String newValue, @Param("actorId") Long actorId, @Param("actorName") String actorName,
                @Param("at") Instant at);

    @Select("SELECT h.id, h.unit_id, u.name AS unit_name, h.field, h.old_value, h.new_value, h.actor_name, h.changed_at"
            + " FROM unit_history h JOIN org_unit u ON u.id = h.unit_id ORDER BY h.changed_at DESC, h.id DESC LIMIT #{limit}")
    List<UnitChange> recent(int limit);

    @Select("SELECT h.id, h.unit_id, u.name AS unit_name, h.field, h.old_value, h.new_value, h.actor_name, h.changed_at"
            + " FROM unit_history h JOIN org_unit u ON u.id = h.unit_id WHERE h.unit_id = #{unitId} ORDER BY h.id")
    List<UnitChange> ofUnit(Long unitId);

    @Select("SELECT enabled FROM org_unit WHERE id = #{id}")
    Boolean enabled(Long id);

    @Select({"<script>SELECT id FROM org_unit WHERE enabled = FALSE AND id IN",
            "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>"})
    List<Long> disabledAmong(@Param("ids") Collection<Long> ids);

    @Select("SELECT id FROM org_unit WHERE enabled = FALSE")
    List<Long> disabled();

    @Update("UPDATE org_unit SET enabled = #{enabled} WHERE id = #{id}")
    int updateEnabled(@Param("id") Long id, @Param("enabled") boolean enabled);

    @Update("UPDATE org_unit SET name = #{name} WHERE id = #{id}")
    int updateName(@Param("id") Long id, @Param("name") String name);

    @Update("UPDATE org_unit SET parent_id = #{parentId} WHERE id = #{id}")
    int updateParent(@Param("id") Long id, @Param("parentId") Long parentId);

    @Select("SELECT id FROM org_unit WHERE id = #{id} FOR UPDATE")
    Long lock(Long id);
}

package org.perfeval.audit;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Append-only: there is deliberately no update or delete. */
@Mapper
public interface AuditMapper {

    @Insert("INSERT INTO audit_log (at, actor_id, actor_name, unit_name, action, object_type, object_id,"
            + " client_address, detail) VALUES (#{at}, #{actorId}, #{actorName}, #{unitName}, #{action},"
            + " #{objectType}, #{objectId}, #{clientAddress}, #{detail})")
    void insert(AuditEntry entry);

    @Select({"<script>",
            "SELECT id, at, actor_id, actor_name, unit_name, action, object_type, object_id, client_address, detail",
            " FROM audit_log WHERE 1 = 1",
            "<if test='action != null'> AND action = #{action}</if>",
            "<if test='actor != null'> AND actor_name LIKE #{actor}</if>",
            "<if test='objectId != null'> AND object_id = #{objectId}</if>",
            "<if test='from != null'> AND at &gt;= #{from}</if>",
            " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}",
            "</script>"})
    List<AuditEntry> search(@Param("action") String action, @Param("actor") String actorLike,
                            @Param("objectId") String objectId, @Param("from") Instant from, @Param("limit") int limit,
                            @Param("offset") int offset);
}

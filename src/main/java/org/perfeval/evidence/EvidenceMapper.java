package org.perfeval.evidence;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface EvidenceMapper {
    String COLUMNS = "id, form_id, indicator_seq, follow_up_id, original_name, stored_name, content_type, size_bytes,"
            + " sha256, uploaded_by, uploaded_at";

    @Insert("INSERT INTO evidence (form_id, indicator_seq, follow_up_id, original_name, stored_name, content_type,"
            + " size_bytes, sha256, uploaded_by, uploaded_at) VALUES (#{formId}, #{indicatorSeq}, #{followUpId},"
            + " #{originalName}, #{storedName},"
            + " #{contentType}, #{sizeBytes}, #{sha256}, #{uploadedBy}, #{uploadedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewEvidence evidence);

    @Select("SELECT COUNT(*) FROM evidence WHERE form_id = #{formId}")
    int countByForm(Long formId);

    @Select("SELECT COUNT(*) FROM evidence WHERE uploaded_by = #{userId} AND uploaded_at > #{since}")
    int countUploadedSince(@org.apache.ibatis.annotations.Param("userId") Long userId,
                           @org.apache.ibatis.annotations.Param("since") java.time.Instant since);

    /** The form's own files, not those of its 整改事项. */
    @Select("SELECT " + COLUMNS + " FROM evidence WHERE form_id = #{formId} AND follow_up_id IS NULL ORDER BY id")
    List<Evidence> findByForm(Long formId);

    @Select("<script>SELECT " + COLUMNS + " FROM evidence WHERE follow_up_id IN"
            + " <foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY id</script>")
    List<Evidence> findByFollowUps(@Param("ids") java.util.Collection<Long> ids);

    @Update("UPDATE evidence SET indicator_seq = #{seq} WHERE id = #{id}")
    void moveToRow(@Param("id") Long id, @Param("seq") Integer seq);

    @Select("SELECT " + COLUMNS + " FROM evidence WHERE id = #{id}")
    Evidence find(Long id);

    @Delete("DELETE FROM evidence WHERE id = #{id}")
    void delete(Long id);

    class NewEvidence {
        public Long id;
        public Long formId;
        public Integer indicatorSeq;
        public Long followUpId;
        public String originalName;
        public String storedName;
        public String contentType;
        public long sizeBytes;
        public String sha256;
        public Long uploadedBy;
        public java.time.Instant uploadedAt;
    }
}

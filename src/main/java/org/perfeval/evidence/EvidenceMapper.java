package org.perfeval.evidence;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface EvidenceMapper {
    String COLUMNS = "id, form_id, indicator_seq, original_name, stored_name, content_type, size_bytes, sha256,"
            + " uploaded_by, uploaded_at";

    @Insert("INSERT INTO evidence (form_id, indicator_seq, original_name, stored_name, content_type, size_bytes,"
            + " sha256, uploaded_by, uploaded_at) VALUES (#{formId}, #{indicatorSeq}, #{originalName}, #{storedName},"
            + " #{contentType}, #{sizeBytes}, #{sha256}, #{uploadedBy}, #{uploadedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewEvidence evidence);

    @Select("SELECT " + COLUMNS + " FROM evidence WHERE form_id = #{formId} ORDER BY id")
    List<Evidence> findByForm(Long formId);

    @Select("SELECT " + COLUMNS + " FROM evidence WHERE id = #{id}")
    Evidence find(Long id);

    @Delete("DELETE FROM evidence WHERE id = #{id}")
    void delete(Long id);

    class NewEvidence {
        public Long id;
        public Long formId;
        public Integer indicatorSeq;
        public String originalName;
        public String storedName;
        public String contentType;
        public long sizeBytes;
        public String sha256;
        public Long uploadedBy;
        public java.time.Instant uploadedAt;
    }
}

package org.perfeval.publication;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PublicationMapper {
    String COLUMNS = "id, form_id, revision, fiscal_year, form_type, title, unit_name, supervising_unit_name,"
            + " score_total, score_grade, content_json, score_json, opinions_json, published_at, pdf_sha256,"
            + " withdrawn_at, withdrawn_reason, superseded_by";
    String LIST_COLUMNS = "id, form_id, revision, fiscal_year, form_type, title, unit_name, supervising_unit_name,"
            + " score_total, score_grade, NULL AS content_json, NULL AS score_json, NULL AS opinions_json,"
            + " published_at, pdf_sha256, withdrawn_at, withdrawn_reason, superseded_by";

    @Insert("INSERT INTO published_record (form_id, revision, fiscal_year, form_type, title, unit_name,"
            + " supervising_unit_name, score_total, score_grade, content_json, score_json, opinions_json, published_at,"
            + " pdf, pdf_sha256) VALUES (#{formId}, #{revision}, #{fiscalYear}, #{formType}, #{title}, #{unitName},"
            + " #{supervisingUnitName}, #{scoreTotal}, #{scoreGrade}, #{contentJson}, #{scoreJson}, #{opinionsJson},"
            + " #{publishedAt}, #{pdf}, #{pdfSha256})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void insert(NewRecord record);

    @Select("SELECT COALESCE(MAX(revision), 0) FROM published_record WHERE form_id = #{formId}")
    int lastRevision(Long formId);

    @Update("UPDATE published_record SET superseded_by = #{newId} WHERE form_id = #{formId} AND id <> #{newId}"
            + " AND superseded_by IS NULL")
    void supersede(@Param("formId") Long formId, @Param("newId") Long newId);

    @Select("SELECT " + COLUMNS + " FROM published_record WHERE form_id = #{formId} AND superseded_by IS NULL")
    PublishedRecord current(Long formId);

    @Select("SELECT " + COLUMNS + " FROM published_record WHERE form_id = #{formId} AND revision = #{revision}")
    PublishedRecord revision(@Param("formId") Long formId, @Param("revision") int revision);

    @Select("SELECT " + COLUMNS + " FROM published_record WHERE id = #{id}")
    PublishedRecord find(Long id);

    /** The first rendering wins: a PDF once stored is never replaced. */
    @Update("UPDATE published_record SET pdf = #{pdf}, pdf_sha256 = #{sha256} WHERE id = #{id} AND pdf IS NULL")
    int storePdf(@Param("id") Long id, @Param("pdf") byte[] pdf, @Param("sha256") String sha256);

    @Select("SELECT pdf FROM published_record WHERE id = #{id}")
    PdfRow pdfOf(Long id);

    /** Wrapped: MyBatis would read a bare byte[] return type as a list of rows. */
    @Select("SELECT pdf FROM published_record WHERE form_id = #{formId} AND superseded_by IS NULL"
            + " AND withdrawn_at IS NULL")
    PdfRow currentPdf(Long formId);

    record PdfRow(byte[] pdf) {
    }

    @Select({"<script>",
            "SELECT " + LIST_COLUMNS + " FROM published_record WHERE superseded_by IS NULL",
            "<if test='year != null'> AND fiscal_year = #{year}</if>",
            "<if test='department != null'> AND supervising_unit_name = #{department}</if>",
            "<if test='unit != null'> AND unit_name = #{unit}</if>",
            "<if test='titleLike != null'> AND title LIKE #{titleLike}</if>",
            " ORDER BY fiscal_year DESC, published_at DESC, id DESC LIMIT 200",
            "</script>"})
    List<PublishedRecord> search(@Param("year") Integer year, @Param("department") String department,
                                 @Param("unit") String unit, @Param("titleLike") String titleLike);

    @Select("SELECT DISTINCT supervising_unit_name FROM published_record WHERE superseded_by IS NULL"
            + " ORDER BY supervising_unit_name")
    List<String> departments();

    @Select("SELECT DISTINCT fiscal_year FROM published_record WHERE superseded_by IS NULL ORDER BY fiscal_year DESC")
    List<Integer> years();

    @Update("UPDATE published_record SET withdrawn_at = #{at}, withdrawn_reason = #{reason}, withdrawn_by = #{by}"
            + " WHERE form_id = #{formId} AND superseded_by IS NULL AND withdrawn_at IS NULL")
    int withdraw(@Param("formId") Long formId, @Param("at") Instant at, @Param("reason") String reason,
                 @Param("by") Long by);

    class NewRecord {
        public Long id;
        public Long formId;
        public int revision;
        public Integer fiscalYear;
        public String formType;
        public String title;
        public String unitName;
        public String supervisingUnitName;
        public java.math.BigDecimal scoreTotal;
        public String scoreGrade;
        public String contentJson;
        public String scoreJson;
        public String opinionsJson;
        public Instant publishedAt;
        public byte[] pdf;
        public String pdfSha256;
    }
}

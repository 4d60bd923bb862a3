-- The department form as printed (部门年初预算收入/支出金额, 单位基本情况), the 年度主要任务 of its
-- execution rows, the 评分标准 / 佐证材料 / 备注 columns, and the 分项指标 of composite rows.
ALTER TABLE evaluation_form ADD COLUMN budget_income DECIMAL(20,6) NULL;
ALTER TABLE evaluation_form ADD COLUMN budget_expenditure DECIMAL(20,6) NULL;
ALTER TABLE evaluation_form ADD COLUMN authorised_staff DECIMAL(20,6) NULL;
ALTER TABLE evaluation_form ADD COLUMN actual_staff DECIMAL(20,6) NULL;

ALTER TABLE budget_line ADD COLUMN task VARCHAR(500) NULL;
ALTER TABLE budget_line ADD COLUMN project VARCHAR(200) NULL;

ALTER TABLE indicator ADD COLUMN scoring_standard TEXT NULL;
ALTER TABLE indicator ADD COLUMN evidence TEXT NULL;
ALTER TABLE indicator ADD COLUMN remark TEXT NULL;

CREATE TABLE indicator_part (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id          BIGINT        NOT NULL,
    indicator_seq    INT           NOT NULL,
    seq              INT           NOT NULL,
    name             VARCHAR(200)  NULL,
    operator         VARCHAR(8)    NULL,
    target           VARCHAR(500)  NULL,
    unit_of_measure  VARCHAR(50)   NULL,
    actual           VARCHAR(500)  NULL,
    rating           VARCHAR(20)   NULL,
    CONSTRAINT fk_indicator_part_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_indicator_part_form ON indicator_part (form_id, indicator_seq, seq);

-- 抄送: a reviewer, when deciding, copies the form to users; each may read it from then on (and
-- finds it under 抄送我的), never change it (organisation.AccessPolicy#canRead).
CREATE TABLE form_cc (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id     BIGINT     NOT NULL,
    user_id     BIGINT     NOT NULL,
    sender_id   BIGINT     NOT NULL,
    created_at  TIMESTAMP  NOT NULL,
    CONSTRAINT uk_form_cc UNIQUE (user_id, form_id),
    CONSTRAINT fk_form_cc_form FOREIGN KEY (form_id) REFERENCES evaluation_form (id),
    CONSTRAINT fk_form_cc_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_form_cc_sender FOREIGN KEY (sender_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

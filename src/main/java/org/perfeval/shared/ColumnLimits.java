package org.perfeval.shared;

import java.util.List;

/**
 * The text columns user input reaches (outside the form itself, which exchange.FormLimits checks),
 * each with the length the code allows. ColumnLimitsTest reads the real column definitions and
 * fails if a limit here exceeds its column or a text column is missing here: the checks cannot
 * drift from the schema. Lengths count characters (code points), as utf8mb4 VARCHAR does.
 */
public enum ColumnLimits {
    APP_USER_USERNAME("app_user", "username", 64),
    APP_USER_DISPLAY_NAME("app_user", "display_name", 100),
    APP_USER_EMAIL("app_user", "email", 254),
    ORG_UNIT_CODE("org_unit", "code", 64),
    ORG_UNIT_NAME("org_unit", "name", 200),
    CAMPAIGN_NAME("campaign", "name", 200),
    EVALUATION_FORM_TITLE("evaluation_form", "title", 200),
    LIBRARY_SECTOR("indicator_library", "sector", 50),
    LIBRARY_CATEGORY("indicator_library", "category", 100),
    LIBRARY_SUBCATEGORY("indicator_library", "subcategory", 100),
    LIBRARY_NAME("indicator_library", "name", 200),
    LIBRARY_OPERATOR("indicator_library", "operator", 8),
    LIBRARY_UNIT_OF_MEASURE("indicator_library", "unit_of_measure", 50),
    LIBRARY_TYPICAL_TARGET("indicator_library", "typical_target", 200),
    LIBRARY_DEFINITION("indicator_library", "definition", 1000),
    EVIDENCE_ORIGINAL_NAME("evidence", "original_name", 255),
    EVIDENCE_CONTENT_TYPE("evidence", "content_type", 100),
    REVIEW_OPTION_LABEL("review_opinion_option", "option_label", 200),
    FOLLOW_UP_OPINION_OPTION("follow_up", "opinion_option", 200),
    NOTIFICATION_MESSAGE("notification", "message", 500),
    AUDIT_ACTOR_NAME("audit_log", "actor_name", 100),
    AUDIT_UNIT_NAME("audit_log", "unit_name", 200),
    AUDIT_OBJECT_TYPE("audit_log", "object_type", 40),
    AUDIT_OBJECT_ID("audit_log", "object_id", 64),
    AUDIT_CLIENT_ADDRESS("audit_log", "client_address", 64),
    WORKFLOW_ACTOR_NAME("workflow_record", "actor_name", 100),
    LOGIN_THROTTLE_KEY("login_attempt", "throttle_key", 100);

    private final String table;
    private final String column;
    private final int max;

    ColumnLimits(String table, String column, int max) {
        this.table = table;
        this.column = column;
        this.max = max;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public int max() {
        return max;
    }

    public boolean fits(String value) {
        return value == null || value.codePointCount(0, value.length()) <= max;
    }

    /** Adds a Chinese problem if the value is too long or holds control characters; true if it is fine. */
    public boolean check(List<FieldProblem> problems, String path, String label, String value) {
        if (value == null) {
            return true;
        }
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)) {
            problems.add(new FieldProblem(path, label + "包含控制字符，请删除后重新输入"));
            return false;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(new FieldProblem(path, label + "不能超过 " + max + " 个字（现为 " + length + " 个字）"));
            return false;
        }
        return true;
    }

    /** The value cut to the column (whole characters), for text the system writes itself, e.g. audit details. */
    public String cut(String value) {
        if (value == null || fits(value)) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max));
    }
}

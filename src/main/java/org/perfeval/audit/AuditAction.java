package org.perfeval.audit;

/** What the audit trail records. */
public enum AuditAction {
    LOGIN_SUCCESS("登录成功"),
    LOGIN_FAILURE("登录失败"),
    LOGIN_LOCKED("账号锁定"),
    LOGIN_THROTTLED("登录地址受限"),
    PERMISSION_DENIED("越权访问被拒绝"),
    CSRF_REJECTED("CSRF 校验失败"),
    LOGIN_REQUIRED("未登录访问"),
    SAVE("保存草稿"),
    SUBMIT("提交"),
    WITHDRAW("撤回"),
    CLAIM("签收"),
    APPROVE("审核通过"),
    RETURN("退回"),
    RECALL("撤回审批"),
    PUBLISH("公开"),
    UNPUBLISH("撤回公开"),
    CAMPAIGN_CREATE("创建评价任务"),
    CAMPAIGN_OPEN("下发评价任务"),
    CAMPAIGN_DEADLINE("修改截止时间"),
    EXPORT("导出"),
    IMPORT("导入"),
    REMIND("催办"),
    EVIDENCE_UPLOAD("上传佐证材料"),
    EVIDENCE_DELETE("删除佐证材料"),
    ADMIN_CHANGE("管理变更"),
    CANCEL("作废"),
    REOPEN("重新开放"),
    UNIT_CHANGE("单位变更"),
    TASK_RELEASE("取消签收"),
    TASK_REASSIGN("改派"),
    TASK_TRANSFER("转办"),
    TASK_DELEGATE("委派"),
    TASK_RESOLVE("委派回复"),
    CONSULT_ASK("征求意见"),
    CONSULT_ANSWER("回复征求意见"),
    CARBON_COPY("抄送"),
    LEAD_REVIEWER("设置牵头审核人");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

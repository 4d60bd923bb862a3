package org.perfeval.form;

/** What a workflow record says happened. */
public enum WorkflowAction {
    OPEN("任务下发"),
    SAVE("保存草稿"),
    SUBMIT("提交"),
    SCORE("自评打分"),
    WITHDRAW("撤回"),
    CLAIM("签收"),
    APPROVE("审核通过"),
    RETURN_TO_UNIT("退回单位"),
    RETURN_TO_SUPERVISOR("退回主管部门"),
    RETURN_TO_LEVEL("退回审核层级"),
    RECALL("撤回审批"),
    PUBLISH("公开"),
    UNPUBLISH("撤回公开"),
    REMIND("催办"),
    CORRECT("发起更正"),
    CANCEL("作废"),
    REOPEN("重新开放"),
    RELEASE("取消签收"),
    REASSIGN("改派"),
    TRANSFER("转办"),
    DELEGATE("委派"),
    RESOLVE("委派回复"),
    CONSULT("征求意见"),
    CONSULT_ANSWER("回复征求意见"),
    CARBON_COPY("抄送");

    private final String label;

    WorkflowAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

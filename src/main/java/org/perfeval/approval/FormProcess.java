package org.perfeval.approval;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.task.Task;
import org.perfeval.shared.ConflictException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * The one place that talks to the process engine's runtime: start a form's process, find its open
 * task, claim, complete, withdraw, move timers. Engine races come back as {@link ConflictException}.
 */
@Component
class FormProcess {
    static final String PROCESS_KEY = "self-evaluation";
    /** Process versions 4 and earlier: the message their review tasks' 撤回 boundary events wait for. */
    static final String WITHDRAW_MESSAGE = "withdraw";
    static final String HANDLED_BY_OTHERS = "该任务已被他人处理，请刷新页面查看最新状态。";
    /** From version 3: the form's review levels (unit ids, {@link ReviewChain#asVariable}) and the one now reviewing. */
    static final String REVIEW_LEVELS = "reviewLevels";
    static final String LEVEL_INDEX = "levelIndex";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final org.camunda.bpm.engine.ManagementService managementService;
    private final RoutingFlags routingFlags;
    private final ApprovalMapper mapper;
    private final org.camunda.bpm.engine.ProcessEngine engine;

    FormProcess(RuntimeService runtimeService, TaskService taskService,
                org.camunda.bpm.engine.ManagementService managementService, RoutingFlags routingFlags,
                ApprovalMapper mapper, org.camunda.bpm.engine.ProcessEngine engine) {
        this.mapper = mapper;
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.routingFlags = routingFlags;
    }

    /**
     * Starts the form's process with no variables: the form id is the business key, and the process
     * reads the rest from the form (a variable costs three rows per start and more at the end).
     */
    String start(Long formId) {
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(formId)).getId();
    }

    /**
     * Starts the processes of a batch of forms in one engine command. The engine then reads the
     * definition and its timer definitions once and writes each of its tables once for the whole
     * batch (one multi-row insert on MySQL with rewriteBatchedStatements) instead of once per form.
     */
    void startAll(java.util.List<Long> formIds) {
        if (formIds.isEmpty()) {
            return;
        }
        commandExecutor().execute(context -> {
            for (Long formId : formIds) {
                start(formId);
            }
            return null;
        });
    }

    /**
     * The form's open user task, or null when it has none (e.g. published). Read from the inbox
     * projection, which the task listeners keep in the engine's transaction (InboxProjectionConsistencyTest);
     * a row written before the projection kept the process definition is looked up in the engine.
     */
    OpenTask openTask(Long formId) {
        return org.perfeval.shared.ReadMemo.read(() -> readOpenTask(formId), "openTask", formId);
    }

    private OpenTask readOpenTask(Long formId) {
        OpenTask task = mapper.findOpenTask(formId);
        if (task != null && task.processDefinitionId() != null) {
            return task;
        }
        Task engineTask = engineTask(formId);
        return engineTask == null ? null : new OpenTask(engineTask.getId(), engineTask.getTaskDefinitionKey(),
                engineTask.getAssignee(), engineTask.getDueDate() == null ? null : engineTask.getDueDate().toInstant(),
                engineTask.getProcessDefinitionId(), candidateGroupOf(engineTask.getId()));
    }

    private String candidateGroupOf(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private Task engineTask(Long formId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(formId)).singleResult();
    }

    /**
     * True while the task is delegated (委派): then neither the delegate nor the delegator may decide
     * it. Only a claimed task can be delegated, so an unclaimed one costs no query.
     */
    boolean delegationPending(OpenTask task) {
        if (task.assignee() == null) {
            return false;
        }
        Task engineTask = engineTask(task);
        return engineTask != null && engineTask.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING;
    }

    /** The engine's task behind an open task, or null when it is gone; read once while a page is drawn. */
    Task engineTask(OpenTask task) {
        return org.perfeval.shared.ReadMemo.read(() -> taskById(task.id()), "engineTask", task.id());
    }

    /**
     * The engine's task by its id, or null. The task query builds its statement from the engine's whole
     * query language (authorisation, tenants, dozens of optional criteria), which was a tenth of a
     * lifecycle's processor time for a read by key; the task manager's read is one plain select.
     */
    private Task taskById(String taskId) {
        return commandExecutor().execute(context -> context.getTaskManager().findTaskById(taskId));
    }

    void claim(OpenTask task, String username) {
        guardTask(task, () -> taskService.claim(task.id(), username));
    }

    /** Completes the task; the variables are routing flags for the next gateway ({@link RoutingFlags}). */
    void complete(OpenTask task, Map<String, Object> flags) {
        complete(task, flags, null);
    }

    /** Completes the task with routing flags and, from version 3, the review level to go to next. */
    void complete(OpenTask task, Map<String, Object> flags, Integer levelIndex) {
        org.camunda.bpm.engine.variable.VariableMap variables = routingFlags.flags(task.processDefinitionId(), flags);
        if (levelIndex != null) {
            variables.putValue(LEVEL_INDEX, levelIndex);
        }
        guardTask(task, () -> taskService.complete(task.id(), variables));
    }

    /** Where a decision stands: the form's place in its review chain and whether the task is delegated. */
    record DecisionPoint(ReviewPosition position, boolean delegationPending) {
    }

    /** What a decision tells the process: routing flags and, from version 3, the review level to go to next. */
    record Completion(Map<String, Object> flags, Integer levelIndex) {
    }

    /**
     * Places a decision and completes the task in one engine command, so the completion finds the task
     * the position read already loaded, and the delegation state costs no query of its own.
     * {@code plan} runs inside the command, in the caller's transaction.
     */
    void decide(OpenTask task, java.util.function.Function<DecisionPoint, Completion> plan) {
        guardTask(task, () -> commandExecutor().execute(context -> {
            ReviewPosition position = position(task);
            org.camunda.bpm.engine.impl.persistence.entity.TaskEntity entity = context.getTaskManager().findTaskById(task.id());
            if (entity == null) {
                throw new ConflictException(HANDLED_BY_OTHERS);
            }
            Completion completion = plan.apply(new DecisionPoint(position,
                    entity.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING));
            complete(task, completion.flags(), completion.levelIndex());
            return null;
        }));
    }

    private org.camunda.bpm.engine.impl.interceptor.CommandExecutor commandExecutor() {
        return ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /**
     * The form's place in its review chain at this task, or null for processes started before
     * version 3 (one fixed 主管部门 stage) and before the first submission.
     */
    ReviewPosition position(OpenTask task) {
        return org.perfeval.shared.ReadMemo.read(() -> readPosition(task), "position", task.id());
    }

    private ReviewPosition readPosition(OpenTask task) {
        // Both variables live on the process instance (PlanReviewDelegate, complete, recallTo): one
        // variable query there, where the task's getVariables walks task, execution and definition (6 reads).
        Task engineTask = engineTask(task);
        if (engineTask == null) {
            throw new ConflictException(HANDLED_BY_OTHERS);
        }
        String processInstanceId = engineTask.getProcessInstanceId();
        // Read by key for the same reason as taskById; the values are read inside the command, which
        // fetches what a value keeps outside its row.
        Map<String, Object> variables = commandExecutor().execute(context -> {
            Map<String, Object> found = new java.util.HashMap<>();
            context.getVariableInstanceManager().findVariableInstancesByExecutionIdAndVariableNames(processInstanceId,
                    java.util.List.of(REVIEW_LEVELS, LEVEL_INDEX)).forEach(v -> found.put(v.getName(), v.getValue()));
            return found;
        });
        if (variables.get(REVIEW_LEVELS) == null || variables.get(LEVEL_INDEX) == null) {
            return null;
        }
        return new ReviewPosition(ReviewChain.fromVariable((String) variables.get(REVIEW_LEVELS)),
                (Integer) variables.get(LEVEL_INDEX));
    }

    /**
     * 撤回审批: moves the form from its open task back to the review of {@code levelIndex} (process
     * instance modification), and gives that task to {@code assignee}. The open task is cancelled first:
     * the inbox keeps one task per form.
     */
    void recallTo(OpenTask task, int levelIndex, String assignee) {
        Task engineTask = taskById(task.id());
        if (engineTask == null) {
            throw new ConflictException(HANDLED_BY_OTHERS);
        }
        String processInstanceId = engineTask.getProcessInstanceId();
        org.camunda.bpm.engine.runtime.ActivityInstance[] current = runtimeService.getActivityInstance(processInstanceId)
                .getActivityInstances(task.taskKey());
        if (current.length != 1) {
            throw new ConflictException(HANDLED_BY_OTHERS);
        }
        guard(() -> {
            runtimeService.setVariable(processInstanceId, LEVEL_INDEX, levelIndex);
            runtimeService.createProcessInstanceModification(processInstanceId)
                    .cancelActivityInstance(current[0].getId())
                    .startBeforeActivity(Stage.SUPERVISOR_REVIEW.taskKey())
                    .execute();
            Task recalled = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
            taskService.claim(recalled.getId(), assignee);
        });
    }

    /**
     * Racing reviewers lose in many ways inside the engine (optimistic locking, a task gone between
     * query and call, half-removed executions). Whatever the engine throws, if the task is gone,
     * someone else completed it; any other failure is reported as itself.
     */
    void guardTask(OpenTask task, Runnable engineCall) {
        try {
            guard(engineCall);
        } catch (ConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            boolean gone;
            try {
                gone = taskService.createTaskQuery().taskId(task.id()).count() == 0;
            } catch (RuntimeException lookup) {
                // The engine cannot even be asked (e.g. the database went away): report the first failure.
                e.addSuppressed(lookup);
                throw e;
            }
            if (gone) {
                throw new ConflictException(HANDLED_BY_OTHERS, e);
            }
            throw e;
        }
    }

    /**
     * Moves the due date of the form's open task at this stage, with its timers (versions 3 and earlier;
     * later ones have none to ask for); false when the form
     * is not at that stage.
     */
    boolean moveDeadline(Long formId, Stage stage, java.time.Instant due, java.time.Duration warnBefore) {
        Task task = engineTask(formId);
        if (task == null || !stage.taskKey().equals(task.getTaskDefinitionKey()) || due == null) {
            return false;
        }
        task.setDueDate(java.util.Date.from(due));
        taskService.saveTask(task);
        if (routingFlags.hasDeadlineTimers(task.getProcessDefinitionId())) {
            moveTimer(task, stage.overdueTimer(), due);
            moveTimer(task, stage.dueSoonTimer(), due.minus(warnBefore));
        }
        return true;
    }

    private void moveTimer(Task task, String timerActivityId, java.time.Instant at) {
        for (org.camunda.bpm.engine.runtime.Job job : managementService.createJobQuery()
                .processInstanceId(task.getProcessInstanceId()).activityId(timerActivityId).list()) {
            managementService.setJobDuedate(job.getId(), java.util.Date.from(at));
        }
    }

    /**
     * Ends the form's running process (作废, or before 重新开放 starts a new one); the task listeners
     * see their task deleted, so the inbox and timers go with it. False when none was running.
     */
    boolean end(Long formId, String reason) {
        org.camunda.bpm.engine.runtime.ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(formId)).singleResult();
        if (instance == null) {
            return false;
        }
        guard(() -> runtimeService.deleteProcessInstance(instance.getId(), reason, false, true));
        return true;
    }

    /**
     * 撤回: from version 5 the unit completes the open review task with the decision WITHDRAW, which the
     * review's gateway sends back to 填报; earlier versions take the message on the task's boundary event.
     */
    void withdraw(Long formId, OpenTask task) {
        if (routingFlags.withdrawIsDecision(task.processDefinitionId())) {
            complete(task, Map.of("decision", RoutingFlags.WITHDRAW));
            return;
        }
        guardTask(task, () -> runtimeService.createMessageCorrelation(WITHDRAW_MESSAGE)
                .processInstanceBusinessKey(String.valueOf(formId)).correlate());
    }

    private static void guard(Runnable engineCall) {
        try {
            engineCall.run();
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | ConcurrencyFailureException
                 | org.camunda.bpm.engine.exception.NullValueException e) {
            // NullValueException: the task was completed by someone else between our query and our call.
            throw new ConflictException(HANDLED_BY_OTHERS, e);
        } catch (ProcessEngineException e) {
            if (isConcurrentUpdate(e)) {
                throw new ConflictException(HANDLED_BY_OTHERS, e);
            }
            throw e;
        }
    }

    /** H2 reports a lost row race as its own SQL error instead of an optimistic-locking failure. */
    private static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && (sql.getErrorCode() == 90131 || "40001".equals(sql.getSQLState())
                        || "HYT00".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }
}

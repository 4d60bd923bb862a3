package org.perfeval.approval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The flags that steer the process's gateways (hasErrors, decision) are read once, by the gateway
 * right after they are set, in the same transaction. From version 2 of the process they are
 * transient, so they never reach the database (three rows each, and their removal at the end).
 * Instances started under version 1 hold them as stored variables, and the engine refuses to set
 * a transient variable over a stored one, so those keep getting stored ones.
 */
@Component
public class RoutingFlags {
    static final int TRANSIENT_SINCE_VERSION = 2;
    /** From version 5, 撤回 is this decision on the open review task; before, a message to its boundary event. */
    static final int WITHDRAW_DECISION_SINCE_VERSION = 5;
    static final String WITHDRAW = "WITHDRAW";
    /** From version 4, deadlines are swept ({@link Deadlines}), not timers on each task. */
    static final int NO_TIMERS_SINCE_VERSION = 4;

    private final RepositoryService repositories;
    private final Map<String, Integer> versionByDefinition = new ConcurrentHashMap<>();

    public RoutingFlags(RepositoryService repositories) {
        this.repositories = repositories;
    }

    /** The process version a definition's version tag names; 0 when it names none (version 1 had no tag). */
    static int versionOf(String versionTag) {
        if (versionTag == null) {
            return 0;
        }
        try {
            return Integer.parseInt(versionTag.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public TypedValue flag(String processDefinitionId, Object value) {
        return Variables.untypedValue(value, isTransient(processDefinitionId));
    }

    public VariableMap flags(String processDefinitionId, Map<String, Object> values) {
        VariableMap variables = Variables.createVariables();
        values.forEach((name, value) -> variables.putValueTyped(name, flag(processDefinitionId, value)));
        return variables;
    }

    /** Process versions 3 and earlier: each user task carries its 逾期 and 即将到期 timers (jobs). */
    boolean hasDeadlineTimers(String processDefinitionId) {
        return version(processDefinitionId) < NO_TIMERS_SINCE_VERSION;
    }

    /** True when the definition routes 撤回 as a decision ({@link #WITHDRAW}) rather than a message. */
    boolean withdrawIsDecision(String processDefinitionId) {
        return version(processDefinitionId) >= WITHDRAW_DECISION_SINCE_VERSION;
    }

    /** Version 2 and every later one: flags are transient. */
    private boolean isTransient(String processDefinitionId) {
        return version(processDefinitionId) >= TRANSIENT_SINCE_VERSION;
    }

    private int version(String processDefinitionId) {
        return versionByDefinition.computeIfAbsent(processDefinitionId, id ->
                versionOf(repositories.getProcessDefinition(id).getVersionTag()));
    }
}

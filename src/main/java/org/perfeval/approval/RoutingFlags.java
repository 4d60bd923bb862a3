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
    static final String TRANSIENT_SINCE_VERSION_TAG = "2";

    private final RepositoryService repositories;
    private final Map<String, Boolean> transientByDefinition = new ConcurrentHashMap<>();

    public RoutingFlags(RepositoryService repositories) {
        this.repositories = repositories;
    }

    /** Version 2 and every later one: flags are transient. */
    static boolean transientIn(String versionTag) {
        if (versionTag == null) {
            return false;
        }
        try {
            return Integer.parseInt(versionTag.strip()) >= Integer.parseInt(TRANSIENT_SINCE_VERSION_TAG);
        } catch (NumberFormatException e) {
            return false;
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

    private boolean isTransient(String processDefinitionId) {
        return transientByDefinition.computeIfAbsent(processDefinitionId, id ->
                transientIn(repositories.getProcessDefinition(id).getVersionTag()));
    }
}

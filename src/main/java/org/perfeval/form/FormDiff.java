package org.perfeval.form;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What changed between two submissions of a form, field by field (e.g. after a return), read from
 * the snapshots that every submission stores.
 */
@Component
public class FormDiff {
    private final ObjectMapper objectMapper;
    private final WorkflowRecordMapper records;

    public FormDiff(ObjectMapper objectMapper, WorkflowRecordMapper records) {
        this.objectMapper = objectMapper;
        this.records = records;
    }

    public record Change(String path, String before, String after) {
    }

    /** Changes of the latest submission against the one before it; empty after a first submission. */
    public List<Change> sinceLastSubmission(Long formId) {
        List<String> snapshots = records.lastSubmittedSnapshots(formId);
        if (snapshots.size() < 2) {
            return List.of();
        }
        return between(snapshots.get(1), snapshots.get(0));
    }

    public List<Change> between(String beforeJson, String afterJson) {
        try {
            List<Change> changes = new ArrayList<>();
            compare("", objectMapper.readTree(beforeJson), objectMapper.readTree(afterJson), changes);
            return changes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot unreadable", e);
        }
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (isEmpty(before) && isEmpty(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
        } else if (before != null && after != null && before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), changes);
            }
        } else if (!sameValue(before, after)) {
            changes.add(new Change(path, text(before), text(after)));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())
                || (node.isContainerNode() && node.isEmpty());
    }

    private static String text(JsonNode node) {
        if (isEmpty(node)) {
            return "";
        }
        if (node.isContainerNode()) {
            StringBuilder s = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isEmpty(e.getValue())) {
                    s.append(s.isEmpty() ? "" : "，").append(e.getValue().asText());
                }
            }
            return s.isEmpty() ? node.toString() : s.toString();
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    }
}

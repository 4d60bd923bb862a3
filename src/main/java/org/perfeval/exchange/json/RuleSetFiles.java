package org.perfeval.exchange.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.scoring.RuleSet;
import org.perfeval.scoring.RuleSetCatalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the rule sets under forms/rulesets/ (listed in index.txt, so that it works the same from
 * target/classes and from inside the fat jar). A new province is a new file and a line in the index.
 */
public final class RuleSetFiles {
    static final String FOLDER = "forms/rulesets/";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RuleSetFiles() {
    }

    public static RuleSetCatalog load() {
        List<RuleSet> ruleSets = new ArrayList<>();
        for (String name : read("index.txt").split("\\R")) {
            if (!name.isBlank()) {
                ruleSets.add(parse(name.strip(), read(name.strip() + ".json")));
            }
        }
        return new RuleSetCatalog(ruleSets);
    }

    static RuleSet parse(String name, String json) {
        try {
            RuleSet ruleSet = MAPPER.readValue(json, RuleSet.class);
            if (!name.equals(ruleSet.name())) {
                throw new IllegalStateException("rule set file " + name + ".json names itself " + ruleSet.name());
            }
            return ruleSet;
        } catch (IOException e) {
            throw new IllegalStateException("rule set " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String read(String file) {
        try (InputStream in = RuleSetFiles.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.perfeval.support;

import java.io.IOException;
import java.io.InputStream;

import org.perfeval.exchange.EvaluationForm;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Forms from the demo copies of the shared fixtures (src/main/resources/demo). */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Fixtures() {
    }

    /** A clean project form (no ERROR findings). */
    public static EvaluationForm clean() {
        return read("seed000-form2-resident-insurance.json");
    }

    /** A project form whose weights add up to 90: 自评打分 refuses it. */
    public static EvaluationForm withErrors() {
        return read("seed000-form1-medical-assistance.json");
    }

    public static EvaluationForm read(String name) {
        try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
            return MAPPER.readValue(in, EvaluationForm.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

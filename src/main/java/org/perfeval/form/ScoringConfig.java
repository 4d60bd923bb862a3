package org.perfeval.form;

import org.perfeval.exchange.json.Scorers;
import org.perfeval.scoring.Scorer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScoringConfig {

    @Bean
    Scorer scorer() {
        return Scorers.fromClasspath();
    }
}

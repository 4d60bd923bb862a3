package org.perfeval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PerfevalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PerfevalApplication.class, args);
    }
}

package org.perfeval;

import java.util.Arrays;

import org.perfeval.cli.BackupCommand;
import org.perfeval.cli.ConvertCommand;
import org.perfeval.cli.ScoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PerfevalApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("score")) {
            // The command-line scorer starts no web server and no database.
            System.exit(ScoreCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("convert")) {
            System.exit(ConvertCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // Database and evidence files only: no web server, no engine.
            System.exit(BackupCommand.run(args[0], Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(PerfevalApplication.class, args);
    }
}

package org.perfeval.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.InvalidFormException;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.scoring.Scorer;

/**
 * {@code java -jar perfeval.jar score FILE…}: one JSON scoring result per line on standard output;
 * a file that is not a valid form gets one line on standard error and makes the exit code 2. No web
 * server and no database are started.
 */
public final class ScoreCommand {
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private ScoreCommand() {
    }

    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length == 0) {
            err.println("用法：java -jar perfeval.jar score 评价表.json [更多.json …]");
            return 2;
        }
        Scorer scorer = Scorers.fromClasspath();
        int exit = 0;
        for (String file : files) {
            try {
                Path path = Path.of(file);
                if (Files.size(path) > MAX_FILE_BYTES) {
                    throw new InvalidFormException(java.util.List.of(new Problem("", "文件超过 10 MB")));
                }
                EvaluationForm form = ExchangeJson.readForm(Files.readAllBytes(path));
                out.println(ExchangeJson.writeResult(scorer.score(form)));
            } catch (InvalidFormException e) {
                StringBuilder line = new StringBuilder(file).append(": ");
                for (int i = 0; i < e.problems().size(); i++) {
                    Problem p = e.problems().get(i);
                    line.append(i == 0 ? "" : "；").append(p.path().isEmpty() ? "" : p.path() + " ").append(p.message());
                }
                err.println(line.toString().replace('\n', ' '));
                exit = 2;
            } catch (NoSuchFileException e) {
                err.println(file + ": 文件不存在");
                exit = 2;
            } catch (IOException | RuntimeException e) {
                err.println(file + ": 无法读取：" + e.getMessage());
                exit = 2;
            }
        }
        return exit;
    }
}

package org.perfeval.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.InvalidFormException;
import org.perfeval.exchange.json.Scorers;
import org.perfeval.scoring.Scorer;

/**
 * {@code java -jar perfeval.jar score FILE…}: one JSON scoring result per line on standard output
 * (a file is exchange JSON, or an Excel sheet read as {@code convert} reads it);
 * a file that is not a valid form gets one line on standard error and makes the exit code 2. No web
 * server and no database are started.
 */
public final class ScoreCommand {
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private ScoreCommand() {
    }

    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length == 0) {
            err.println("用法：java -jar perfeval.jar score 评价表.json|评价表.xlsx [更多 …]");
            return 2;
        }
        Scorer scorer = Scorers.fromClasspath();
        int exit = 0;
        for (String file : files) {
            try {
                EvaluationForm form = ConvertCommand.readForm(Path.of(file));
                out.println(ExchangeJson.writeResult(scorer.score(form)));
            } catch (InvalidFormException e) {
                err.println(ConvertCommand.describe(file, e.problems()));
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

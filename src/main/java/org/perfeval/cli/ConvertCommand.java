package org.perfeval.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.perfeval.exchange.EvaluationForm;
import org.perfeval.exchange.Problem;
import org.perfeval.exchange.excel.SheetImport;
import org.perfeval.exchange.excel.WorkbookCells;
import org.perfeval.exchange.json.ExchangeJson;
import org.perfeval.exchange.json.InvalidFormException;

/**
 * {@code java -jar perfeval.jar convert SHEET.xlsx}: the form of an Excel sheet (the product's
 * export or a province's printed layout, .xlsx or .xls) as exchange JSON on standard output, which
 * {@code score} reads; which layout was recognised and any column it could not place go to standard
 * error. A sheet that cannot be read gives its cells' problems on standard error and exit code 2.
 * No web server and no database are started.
 */
public final class ConvertCommand {

    private ConvertCommand() {
    }

    public static int run(String[] files, PrintStream out, PrintStream err) {
        if (files.length != 1) {
            err.println("用法：java -jar perfeval.jar convert 评价表.xlsx > 评价表.json");
            return 2;
        }
        String file = files[0];
        try {
            byte[] bytes = read(Path.of(file));
            SheetImport.Result result = SheetImport.recognise(WorkbookCells.read(bytes));
            err.println(file + ": 按“" + result.layoutName() + "”识别（工作表“" + result.sheetName() + "”）");
            for (String column : result.unknownColumns()) {
                err.println(file + ": 未导入 " + column);
            }
            for (String cell : result.notRead()) {
                err.println(file + ": 未读取 " + cell);
            }
            if (!result.valid()) {
                throw new InvalidFormException(result.problems());
            }
            out.println(ExchangeJson.writeForm(result.form()));
            return 0;
        } catch (InvalidFormException e) {
            err.println(describe(file, e.problems()));
        } catch (NoSuchFileException e) {
            err.println(file + ": 文件不存在");
        } catch (IOException | RuntimeException e) {
            err.println(file + ": 无法读取：" + e.getMessage());
        }
        return 2;
    }

    /** A form file for the command line: exchange JSON, or an Excel sheet in any known layout. */
    static EvaluationForm readForm(Path path) throws IOException {
        byte[] bytes = read(path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean office = bytes.length >= 2 && ((bytes[0] == 'P' && bytes[1] == 'K') || ((bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF));
        return name.endsWith(".xlsx") || name.endsWith(".xls") || office ? SheetImport.read(bytes) : ExchangeJson.readForm(bytes);
    }

    private static byte[] read(Path path) throws IOException {
        if (Files.size(path) > ScoreCommand.MAX_FILE_BYTES) {
            throw new InvalidFormException(List.of(new Problem("", "文件超过 10 MB")));
        }
        return Files.readAllBytes(path);
    }

    static String describe(String file, List<Problem> problems) {
        StringBuilder line = new StringBuilder(file).append(": ");
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            line.append(i == 0 ? "" : "；").append(p.path().isEmpty() ? "" : p.path() + " ").append(p.message());
        }
        return line.toString().replace('\n', ' ');
    }
}

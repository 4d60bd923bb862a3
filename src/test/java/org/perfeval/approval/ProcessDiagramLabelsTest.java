package org.perfeval.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The process picture's labels never overlap one another (each text's box, a character one font size wide). */
class ProcessDiagramLabelsTest {
    static final Pattern TEXT = Pattern.compile(
            "<text x=\"(-?\\d+)\" y=\"(-?\\d+)\" text-anchor=\"middle\" font-size=\"(\\d+)\"[^>]*>([^<]*)</text>");

    record Box(String text, double left, double right, double top, double bottom) {
        boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }
    }

    /** Whether a segment passes through the box (sampled finely: flows are short straight runs). */
    static boolean crosses(Box box, double x1, double y1, double x2, double y2) {
        for (int i = 0; i <= 200; i++) {
            double x = x1 + (x2 - x1) * i / 200.0;
            double y = y1 + (y2 - y1) * i / 200.0;
            if (x > box.left() && x < box.right() && y > box.top() && y < box.bottom()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noTwoLabelsOverlap() throws Exception {
        ProcessDiagram diagram = new ProcessDiagram();
        for (String current : new String[] {null, "Task_FillDraft", "Task_SupervisorReview"}) {
            List<Box> boxes = new ArrayList<>();
            Matcher m = TEXT.matcher(diagram.svg(current));
            while (m.find()) {
                double x = Double.parseDouble(m.group(1));
                double y = Double.parseDouble(m.group(2));
                double size = Double.parseDouble(m.group(3));
                String text = m.group(4);
                double width = text.codePointCount(0, text.length()) * size;
                boxes.add(new Box(text, x - width / 2, x + width / 2, y - size, y + 2));
            }
            assertThat(boxes).hasSizeGreaterThan(5);
            List<String> overlapping = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    if (boxes.get(i).overlaps(boxes.get(j))) {
                        overlapping.add(boxes.get(i).text() + " / " + boxes.get(j).text());
                    }
                }
            }
            // Nor does a flow's line run through a label.
            Matcher e = Pattern.compile("<polyline points=\"([^\"]+)\"").matcher(diagram.svg(current));
            while (e.find()) {
                String[] points = e.group(1).trim().split("\\s+");
                for (int k = 1; k < points.length; k++) {
                    String[] a = points[k - 1].split(",");
                    String[] b = points[k].split(",");
                    double x1 = Double.parseDouble(a[0]), y1 = Double.parseDouble(a[1]);
                    double x2 = Double.parseDouble(b[0]), y2 = Double.parseDouble(b[1]);
                    for (Box box : boxes) {
                        if (crosses(box, x1, y1, x2, y2)) {
                            overlapping.add(box.text() + " / line " + points[k - 1] + "→" + points[k]);
                        }
                    }
                }
            }
            assertThat(overlapping).as("labels drawn over each other or over a flow").isEmpty();
        }
    }
}

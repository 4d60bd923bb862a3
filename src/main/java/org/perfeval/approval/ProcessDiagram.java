package org.perfeval.approval;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Locale;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws bpmn/self-evaluation.bpmn as SVG from its own diagram coordinates, with the form's current
 * stage highlighted, so the picture can never disagree with the process that runs.
 */
@Component
public class ProcessDiagram {
    private final BpmnModelInstance model;
    /** The picture depends only on the highlighted activity; drawing it cost a third of the form page's handler. */
    private final java.util.Map<String, String> drawn = new java.util.concurrent.ConcurrentHashMap<>();

    public ProcessDiagram() throws IOException {
        try (InputStream in = new ClassPathResource("bpmn/self-evaluation.bpmn").getInputStream()) {
            model = Bpmn.readModelFromStream(in);
        }
    }

    public String svg(String currentActivityId) {
        return drawn.computeIfAbsent(currentActivityId == null ? "" : currentActivityId, this::draw);
    }

    private String draw(String currentActivityId) {
        StringBuilder svg = new StringBuilder(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + viewBox() + "\" role=\"img\" aria-label=\"审批流程图\""
                        + " class=\"process\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\""
                        + " fill=\"#6b7280\"/></marker></defs>");
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint p : edge.getWaypoints()) {
                points.append(num(p.getX())).append(',').append(num(p.getY())).append(' ');
            }
            svg.append("<polyline points=\"").append(points.toString().strip())
                    .append("\" fill=\"none\" stroke=\"#9ca3af\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        }
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        for (BpmnShape shape : shapes) {
            if (!(shape.getBpmnElement() instanceof FlowNode node)) {
                continue;
            }
            Bounds b = shape.getBounds();
            boolean current = node.getId().equals(currentActivityId);
            String stroke = current ? "#b91c1c" : "#4b5563";
            String fill = current ? "#fee2e2" : "#ffffff";
            String width = current ? "3" : "1.5";
            double cx = b.getX() + b.getWidth() / 2;
            double cy = b.getY() + b.getHeight() / 2;
            if (node instanceof BoundaryEvent) {
                // Several sit side by side on a task's edge: a label under each ran into its neighbours'.
                // The circle carries the name's first character; the whole name is its tooltip.
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\">",
                        num(cx), num(cy), num(b.getWidth() / 2), fill, stroke, width));
                if (node.getName() != null) {
                    svg.append("<title>").append(HtmlUtils.htmlEscape(node.getName())).append("</title>");
                }
                svg.append("</circle>");
                if (node.getName() != null && !node.getName().isEmpty()) {
                    line(svg, node.getName().substring(0, 1), cx, cy + 4, 11, current);
                }
            } else if (node instanceof StartEvent || node instanceof EndEvent) {
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                        num(cx), num(cy), num(b.getWidth() / 2), fill, stroke,
                        node instanceof EndEvent ? "3" : width));
                label(svg, node.getName(), cx, b.getY() + b.getHeight() + 14, current);
            } else if (node instanceof Gateway) {
                svg.append(String.format(Locale.ROOT, "<polygon points=\"%s,%s %s,%s %s,%s %s,%s\" fill=\"%s\""
                                + " stroke=\"%s\" stroke-width=\"%s\"/>", num(cx), num(b.getY()),
                        num(b.getX() + b.getWidth()), num(cy), num(cx), num(b.getY() + b.getHeight()), num(b.getX()),
                        num(cy), fill, stroke, width));
            } else {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"8\""
                                + " fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>", num(b.getX()), num(b.getY()),
                        num(b.getWidth()), num(b.getHeight()), fill, stroke, width));
                wrapped(svg, node.getName(), cx, cy, b.getWidth(), current);
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The drawing's extent, from its own coordinates, with room for the labels under events. */
    private String viewBox() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            Bounds b = shape.getBounds();
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight());
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            for (Waypoint p : edge.getWaypoints()) {
                minX = Math.min(minX, p.getX());
                minY = Math.min(minY, p.getY());
                maxX = Math.max(maxX, p.getX());
                maxY = Math.max(maxY, p.getY());
            }
        }
        return num(minX - 20) + " " + num(minY - 20) + " " + num(maxX - minX + 40) + " " + num(maxY - minY + 40);
    }

    static final int FONT = 13;

    private static void label(StringBuilder svg, String text, double x, double y, boolean bold) {
        if (text == null) {
            return;
        }
        line(svg, text, x, y, FONT, bold);
    }

    /** A task's name in lines that fit inside its box (a Chinese character is about one font size wide), centred. */
    private static void wrapped(StringBuilder svg, String text, double cx, double cy, double boxWidth, boolean bold) {
        if (text == null) {
            return;
        }
        int perLine = Math.max(2, (int) ((boxWidth - 10) / FONT));
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += perLine) {
            lines.add(text.substring(i, Math.min(text.length(), i + perLine)));
        }
        double first = cy + 5 - (lines.size() - 1) * (FONT + 2) / 2.0;
        for (int i = 0; i < lines.size(); i++) {
            line(svg, lines.get(i), cx, first + i * (FONT + 2), FONT, bold);
        }
    }

    private static void line(StringBuilder svg, String text, double x, double y, int size, boolean bold) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"middle\" font-size=\"").append(size).append('"')
                .append(bold ? " font-weight=\"bold\"" : "")
                .append(" fill=\"#111827\">").append(HtmlUtils.htmlEscape(text)).append("</text>");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}

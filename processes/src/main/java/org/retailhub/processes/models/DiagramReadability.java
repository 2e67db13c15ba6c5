package org.retailhub.processes.models;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a person sees of a model in Modeler or Cockpit, read from its BPMN DI: flows that cross, shapes that overlap,
 * labels on top of shapes, flows or other labels, and flows that run right to left although they do not loop back.
 * External labels are placed the way bpmn-js (Modeler, Cockpit) places them: centred on the label bounds written in
 * the file, or under the shape / beside the flow's middle where none are written, sized by their text.
 */
final class DiagramReadability {

    /** bpmn-js draws external labels in 11 px Arial (5.3 px a character on average, capitals wider), 1.2 line height. */
    private static final double CHAR_WIDTH = 6;
    private static final double LABEL_WIDTH = 90;
    private static final double LINE_HEIGHT = 13.2;
    /** bpmn-js puts a flow's default label 15 px above (or right of) the middle of its middle segment. */
    private static final double FLOW_LABEL_INDENT = 15;

    private record Box(String owner, double x, double y, double w, double h) {

        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(Box o) {
            return x <= o.x && y <= o.y && o.x + o.w <= x + w && o.y + o.h <= y + h;
        }

        /** True if the segment runs through the inside of the box (touching its border does not count). */
        boolean cutBy(Segment s) {
            double x1 = Math.max(Math.min(s.x1, s.x2), x), x2 = Math.min(Math.max(s.x1, s.x2), x + w);
            double y1 = Math.max(Math.min(s.y1, s.y2), y), y2 = Math.min(Math.max(s.y1, s.y2), y + h);
            if (s.x1 != s.x2 && s.y1 != s.y2) { // a diagonal: sample it (it is reported on its own anyway)
                for (double t = 0; t <= 1; t += 0.02) {
                    double px = s.x1 + t * (s.x2 - s.x1), py = s.y1 + t * (s.y2 - s.y1);
                    if (px > x && px < x + w && py > y && py < y + h) {
                        return true;
                    }
                }
                return false;
            }
            return s.x1 == s.x2 ? s.x1 > x && s.x1 < x + w && y1 < y2 : s.y1 > y && s.y1 < y + h && x1 < x2;
        }
    }

    private record Segment(double x1, double y1, double x2, double y2) {

        /** Any common point: a crossing, one end on the other, or overlapping collinear segments. */
        boolean touches(Segment o) {
            double d1 = side(o.x1, o.y1, o.x2, o.y2, x1, y1), d2 = side(o.x1, o.y1, o.x2, o.y2, x2, y2);
            double d3 = side(x1, y1, x2, y2, o.x1, o.y1), d4 = side(x1, y1, x2, y2, o.x2, o.y2);
            if (d1 * d2 < 0 && d3 * d4 < 0) {
                return true;
            }
            return d1 == 0 && within(o, x1, y1) || d2 == 0 && within(o, x2, y2)
                    || d3 == 0 && within(this, o.x1, o.y1) || d4 == 0 && within(this, o.x2, o.y2);
        }

        /** Strictly crossing: each passes from one side of the other to the other side. */
        boolean crosses(Segment o) {
            return side(o.x1, o.y1, o.x2, o.y2, x1, y1) * side(o.x1, o.y1, o.x2, o.y2, x2, y2) < 0
                    && side(x1, y1, x2, y2, o.x1, o.y1) * side(x1, y1, x2, y2, o.x2, o.y2) < 0;
        }

        private static double side(double ax, double ay, double bx, double by, double px, double py) {
            return Math.signum((bx - ax) * (py - ay) - (by - ay) * (px - ax));
        }

        private static boolean within(Segment s, double px, double py) {
            return px >= Math.min(s.x1, s.x2) && px <= Math.max(s.x1, s.x2) && py >= Math.min(s.y1, s.y2) && py <= Math.max(s.y1, s.y2);
        }
    }

    private final Map<String, Box> shapes = new HashMap<>();
    private final Map<String, List<Segment>> edges = new HashMap<>();
    private final Map<String, SequenceFlow> flows = new HashMap<>();
    private final List<Box> labels = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final BpmnModelInstance bpmn;

    private DiagramReadability(BpmnModelInstance bpmn) {
        this.bpmn = bpmn;
    }

    /** Every way the model's diagram is hard to read, one line each; empty for a readable diagram. */
    static List<String> problems(BpmnModelInstance bpmn) {
        DiagramReadability diagram = new DiagramReadability(bpmn);
        diagram.read();
        diagram.shapesDoNotOverlap();
        diagram.flowsRunAroundShapesAndEachOther();
        diagram.labelsStandFree();
        diagram.flowsRunLeftToRight();
        return diagram.problems;
    }

    private void read() {
        for (BpmnShape shape : bpmn.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            shapes.put(element.getId(), box(element.getId(), shape.getBounds()));
            if (element instanceof FlowNode node && hasExternalLabel(node)) {
                labels.add(label(node, shape.getBpmnLabel(), shapes.get(element.getId())));
            }
        }
        for (SequenceFlow flow : bpmn.getModelElementsByType(SequenceFlow.class)) {
            flows.put(flow.getId(), flow);
        }
        for (BpmnEdge edge : bpmn.getModelElementsByType(BpmnEdge.class)) {
            List<Segment> segments = new ArrayList<>();
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (int i = 1; i < points.size(); i++) {
                segments.add(new Segment(points.get(i - 1).getX(), points.get(i - 1).getY(), points.get(i).getX(), points.get(i).getY()));
            }
            String id = edge.getBpmnElement().getId();
            edges.put(id, segments);
            if (edge.getBpmnElement() instanceof SequenceFlow flow && named(flow)) {
                labels.add(label(flow, edge.getBpmnLabel(), segments));
            }
        }
        flows.keySet().stream().filter(id -> !edges.containsKey(id)).forEach(id -> problems.add(id + " is not drawn"));
    }

    private void shapesDoNotOverlap() {
        List<String> ids = new ArrayList<>(shapes.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i), b = ids.get(j);
                if (shapes.get(a).overlaps(shapes.get(b)) && !nested(a, b) && !nested(b, a) && !attached(a, b) && !attached(b, a)) {
                    problems.add("shapes " + a + " and " + b + " overlap");
                }
            }
        }
    }

    private void flowsRunAroundShapesAndEachOther() {
        List<String> ids = new ArrayList<>(edges.keySet());
        for (int i = 0; i < ids.size(); i++) {
            String a = ids.get(i);
            for (Box shape : shapes.values()) {
                if (!ends(a).contains(shape.owner()) && !nested(shape.owner(), a) && !attached(ends(a), shape.owner())
                        && edges.get(a).stream().anyMatch(shape::cutBy)) {
                    problems.add(a + " runs through " + shape.owner());
                }
            }
            for (int j = i + 1; j < ids.size(); j++) {
                String b = ids.get(j);
                boolean siblings = ends(a).stream().anyMatch(ends(b)::contains); // fan-out or fan-in may share a stretch
                if (edges.get(a).stream().anyMatch(s -> edges.get(b).stream().anyMatch(t -> siblings ? s.crosses(t) : s.touches(t)))) {
                    problems.add("flows " + a + " and " + b + " cross");
                }
            }
        }
    }

    private void labelsStandFree() {
        for (int i = 0; i < labels.size(); i++) {
            Box label = labels.get(i);
            for (Box shape : shapes.values()) {
                if (label.overlaps(shape) && !shape.owner().equals(label.owner()) && !nested(shape.owner(), label.owner())) {
                    problems.add("label of " + label.owner() + " overlaps " + shape.owner());
                }
            }
            for (Map.Entry<String, List<Segment>> edge : edges.entrySet()) {
                if (!edge.getKey().equals(label.owner()) && edge.getValue().stream().anyMatch(label::cutBy)) {
                    problems.add("label of " + label.owner() + " is crossed by " + edge.getKey());
                }
            }
            for (int j = i + 1; j < labels.size(); j++) {
                if (label.overlaps(labels.get(j))) {
                    problems.add("labels of " + label.owner() + " and " + labels.get(j).owner() + " overlap");
                }
            }
        }
    }

    /** A flow may run right to left only where it loops back to a step already passed (a back edge from any start). */
    private void flowsRunLeftToRight() {
        Set<String> loopsBack = new HashSet<>();
        Set<FlowNode> done = new HashSet<>();
        // from the start events first: a boundary event hangs off a step they reach, and a search from it alone
        // would take the step it joins for new ground and miss the loop back to it
        for (Class<? extends FlowNode> starts : List.of(StartEvent.class, BoundaryEvent.class)) {
            for (FlowNode node : bpmn.getModelElementsByType(starts)) {
                backEdges(node, new HashSet<>(), done, loopsBack);
            }
        }
        edges.forEach((id, segments) -> {
            if (segments.stream().anyMatch(s -> s.x1 != s.x2 && s.y1 != s.y2)) {
                problems.add(id + " has a slanted stretch: draw flows with horizontal and vertical stretches");
            }
            if (!loopsBack.contains(id) && segments.stream().anyMatch(s -> s.x2 < s.x1)) {
                problems.add(id + " runs right to left although it does not loop back");
            }
        });
    }

    private static void backEdges(FlowNode node, Set<FlowNode> path, Set<FlowNode> done, Set<String> loopsBack) {
        if (done.contains(node)) {
            return;
        }
        path.add(node);
        for (SequenceFlow out : node.getOutgoing()) {
            if (path.contains(out.getTarget())) {
                loopsBack.add(out.getId());
            } else {
                backEdges(out.getTarget(), path, done, loopsBack);
            }
        }
        path.remove(node);
        done.add(node);
    }

    /** The ids a flow connects (with the host of a boundary event it leaves from); a shape's own id otherwise. */
    private Set<String> ends(String id) {
        SequenceFlow flow = flows.get(id);
        if (flow == null) {
            return Set.of(id);
        }
        return Set.of(flow.getSource().getId(), flow.getTarget().getId());
    }

    private boolean attached(Collection<String> ids, String host) {
        return ids.stream().anyMatch(id -> attached(id, host));
    }

    private boolean attached(String boundary, String host) {
        return bpmn.getModelElementById(boundary) instanceof BoundaryEvent event && event.getAttachedTo().getId().equals(host);
    }

    /** True if {@code inner} (a shape or a flow) sits inside the sub-process {@code outer}. */
    private boolean nested(String outer, String inner) {
        if (!(bpmn.getModelElementById(outer) instanceof SubProcess)) {
            return false;
        }
        for (ModelElementInstance e = bpmn.getModelElementById(inner); e != null; e = e.getParentElement()) {
            if (e.equals(bpmn.getModelElementById(outer)) && !outer.equals(inner)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExternalLabel(FlowNode node) {
        return (node instanceof Event || node instanceof Gateway) && named(node);
    }

    private static boolean named(FlowElement element) {
        return element.getName() != null && !element.getName().isBlank();
    }

    private static Box label(FlowNode node, BpmnLabel label, Box shape) {
        if (label != null && label.getBounds() != null) {
            return text(node, label.getBounds());
        }
        return text(node, LABEL_WIDTH, shape.x() + shape.w() / 2, shape.y() + shape.h());
    }

    private static Box label(SequenceFlow flow, BpmnLabel label, List<Segment> segments) {
        if (label != null && label.getBounds() != null) {
            return text(flow, label.getBounds());
        }
        Segment middle = segments.get((segments.size() + 1) / 2 - 1); // bpmn-js: the middle of waypoints n/2-1 .. n/2
        double x = (middle.x1 + middle.x2) / 2, y = (middle.y1 + middle.y2) / 2;
        boolean flat = middle.x1 != middle.x2;
        return text(flow, LABEL_WIDTH, flat ? x : x + FLOW_LABEL_INDENT, (flat ? y - FLOW_LABEL_INDENT : y) - 10);
    }

    /** Label bounds written in the file keep their place and width; the text wraps at that width (a long word spills over). */
    private static Box text(FlowElement element, Bounds written) {
        Box text = text(element, written.getWidth(), written.getX() + written.getWidth() / 2, written.getY());
        double width = Math.max(text.w(), written.getWidth());
        return new Box(element.getId(), written.getX() + written.getWidth() / 2 - width / 2, written.getY(), width, text.h());
    }

    /** The box bpmn-js lays the element's name out in: wrapped at {@code wrap} px, centred on {@code centreX}, from {@code top} down. */
    private static Box text(FlowElement element, double wrap, double centreX, double top) {
        int lines = 1;
        double line = 0, widest = 0;
        for (String word : element.getName().trim().split("\\s+")) {
            double width = word.length() * CHAR_WIDTH;
            if (line > 0 && line + CHAR_WIDTH + width > wrap) {
                lines++;
                line = 0;
            }
            line += (line > 0 ? CHAR_WIDTH : 0) + width;
            widest = Math.max(widest, line);
        }
        return new Box(element.getId(), centreX - widest / 2, top, widest, lines * LINE_HEIGHT);
    }

    private static Box box(String owner, Bounds b) {
        return new Box(owner, b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }
}

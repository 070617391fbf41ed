package dev.aio.diagnostics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.aio.asyncio.Future;

/**
 * Draws recorded {@link TimelineEvent}s as a plain SVG 1.1 picture: one row per task (name and
 * coroutine on the left), a bar for each step it ran, a band for each span it waited (what for in
 * the band when it fits, always in the tooltip), markers for how it ended, a time axis in seconds
 * and a legend. The output depends only on its arguments (fixed number formatting, no ids or
 * dates), so a run under the virtual clock gives the same bytes every time.
 */
public final class TimelineSvg {
    private static final int PLOT_WIDTH = 900;
    private static final int RIGHT_MARGIN = 40;
    private static final int TOP = 64;
    private static final int ROW_HEIGHT = 36;
    /** A step that takes no time is still drawn this wide. */
    private static final double MIN_STEP_WIDTH = 3;
    private static final double UNFINISHED_MIN_WIDTH = 150;
    /** Steps that start less than this many pixels apart cannot be told apart: they are drawn as one cluster. */
    private static final double DENSE_GAP = 4;
    /** The fewest steps drawn as a cluster. */
    private static final int MIN_CLUSTER_STEPS = 8;

    private static final String RUN_FILL = "#2f6fad";
    private static final String SLEEP_FILL = "#b9dcf2";
    private static final String SLEEP_STROKE = "#5a9fd0";
    private static final String MOON_FILL = "#2d6f9e";
    private static final String WAIT_FILL = "#fbd08a";
    private static final String WAIT_STROKE = "#d9891c";
    private static final String READY_FILL = "#dde1e4";
    private static final String READY_STROKE = "#9aa5ab";
    private static final String DONE_FILL = "#2e8b57";
    private static final String FAIL_FILL = "#c0392b";
    private static final String CANCEL_STROKE = "#d62728";

    private TimelineSvg() {
    }

    private enum SpanKind {
        RUN, SLEEP, WAIT, READY
    }

    private record Span(SpanKind kind, double start, double end, String text, boolean unfinished) {
    }

    /**
     * Steps too close together to draw one by one: how many, from when to when, how long they ran
     * in all, and what the task mostly waited for between them ({@code waitText} when all those
     * waits say the same, else null).
     */
    private record Cluster(double start, double end, int steps, double running, SpanKind waitKind, String waitText) {
        static Cluster of(List<Span> spans) {
            int steps = 0;
            double running = 0;
            Map<SpanKind, Double> waited = new EnumMap<>(SpanKind.class);
            Map<SpanKind, String> texts = new EnumMap<>(SpanKind.class);
            Set<SpanKind> mixed = EnumSet.noneOf(SpanKind.class);
            for (Span s : spans) {
                double d = s.end - s.start;
                if (s.kind == SpanKind.RUN) {
                    steps++;
                    running += d;
                    continue;
                }
                waited.merge(s.kind, d, Double::sum);
                String previous = texts.putIfAbsent(s.kind, s.text);
                if (previous != null && !previous.equals(s.text)) {
                    mixed.add(s.kind);
                }
            }
            SpanKind kind = SpanKind.READY;
            double most = -1;
            for (Map.Entry<SpanKind, Double> e : waited.entrySet()) {
                if (e.getValue() > most) {
                    most = e.getValue();
                    kind = e.getKey();
                }
            }
            String text = mixed.contains(kind) ? null : texts.get(kind);
            return new Cluster(spans.get(0).start, spans.get(spans.size() - 1).end, steps, running, kind, text);
        }
    }

    private static final class Row {
        final String coroutine;
        final double created;
        String name = "";
        final List<Span> spans = new ArrayList<>();
        double stepStart = Double.NaN;
        /** The wait begun by the last step, not yet ended by a new step. */
        TimelineEvent waiting;
        TimelineEvent ending;

        Row(String coroutine, double created) {
            this.coroutine = coroutine;
            this.created = created;
        }
    }

    /**
     * The picture of {@code events} (in the order they happened) from the first of them to loop
     * time {@code end}; spans still open at {@code end} are drawn up to it. The axis counts from the
     * first event, so the real clock's start-up (loop time passing before the main task is made)
     * leaves no empty stretch; under the virtual clock the first event is at 0 anyway.
     */
    public static String render(List<TimelineEvent> events, double end, String title) {
        double origin = events.isEmpty() ? 0 : Math.min(events.get(0).time(), end);
        if (!events.isEmpty() && allEnded(events)) {
            // Nothing happens after the last task ended (the real clock went on through shutdown).
            end = events.get(events.size() - 1).time();
        }
        List<Row> rows = rows(shifted(events, origin), end - origin);
        double span = end - origin > 0 ? end - origin : 1;
        Axis axis = Axis.of(span);
        int labelWidth = labelWidth(rows);
        Scale x = t -> labelWidth + t / span * PLOT_WIDTH;
        // Whatever is drawn past the end of the axis (a wait the run ended in, an ending marker) widens the picture.
        double right = 0;
        for (Row r : rows) {
            right = Math.max(right, rightmost(r, x));
        }
        int width = Math.max(labelWidth + PLOT_WIDTH + RIGHT_MARGIN, (int) Math.ceil(right) + 10);
        int bottom = TOP + rows.size() * ROW_HEIGHT;
        Svg svg = new Svg();
        int height = bottom + 36 + Legend.height();
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
                        + "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"12\">");
        svg.line("<title>" + escape(title) + "</title>");
        svg.line("<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>");
        svg.line("<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">" + escape(title) + "</text>");

        // Row stripes and labels.
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int top = TOP + i * ROW_HEIGHT;
            if (i % 2 == 0) {
                svg.line("<rect x=\"0\" y=\"" + top + "\" width=\"" + width + "\" height=\"" + ROW_HEIGHT + "\" fill=\"#f3f5f7\"/>");
            }
            svg.line("<text x=\"10\" y=\"" + (top + 16) + "\" font-weight=\"bold\" fill=\"#222222\">" + escape(clip(r.name, 32)) + "</text>");
            svg.line("<text x=\"10\" y=\"" + (top + 30) + "\" font-size=\"10\" fill=\"#666666\">" + escape(clip(r.coroutine, 40)) + "</text>");
        }
        // Time axis: grid lines with labels above and below the rows.
        svg.line("<g stroke=\"#d0d4d8\" stroke-width=\"1\">");
        for (int i = 0; i <= axis.count; i++) {
            String gx = num(x.at(axis.tick(i)));
            svg.line("<line x1=\"" + gx + "\" y1=\"" + (TOP - 6) + "\" x2=\"" + gx + "\" y2=\"" + (bottom + 6) + "\"/>");
        }
        svg.line("</g>");
        svg.line("<line x1=\"" + labelWidth + "\" y1=\"" + bottom + "\" x2=\"" + (labelWidth + PLOT_WIDTH) + "\" y2=\"" + bottom + "\" stroke=\"#888888\" stroke-width=\"1\"/>");
        svg.line("<g font-size=\"11\" fill=\"#444444\" text-anchor=\"middle\">");
        for (int i = 0; i <= axis.count; i++) {
            String gx = num(x.at(axis.tick(i)));
            String label = axis.label(i);
            svg.line("<text x=\"" + gx + "\" y=\"" + (TOP - 10) + "\">" + label + "</text>");
            svg.line("<text x=\"" + gx + "\" y=\"" + (bottom + 18) + "\">" + label + "</text>");
        }
        svg.line("</g>");
        // What each task did.
        for (int i = 0; i < rows.size(); i++) {
            drawRow(svg, rows.get(i), TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2.0, x, width);
        }
        Legend.draw(svg, 10, bottom + 40, width - 20);
        svg.line("</svg>");
        return svg.toString();
    }

    private static boolean allEnded(List<TimelineEvent> events) {
        Set<Integer> open = new HashSet<>();
        for (TimelineEvent e : events) {
            switch (e.kind()) {
                case CREATED -> open.add(e.task());
                case DONE, FAILED, CANCELLED -> open.remove(e.task());
                default -> {
                }
            }
        }
        return open.isEmpty();
    }

    private static List<TimelineEvent> shifted(List<TimelineEvent> events, double origin) {
        if (origin == 0) {
            return events;
        }
        List<TimelineEvent> out = new ArrayList<>(events.size());
        for (TimelineEvent e : events) {
            out.add(new TimelineEvent(e.kind(), e.task(), e.time() - origin, e.text()));
        }
        return out;
    }

    private static List<Row> rows(List<TimelineEvent> events, double end) {
        Map<Integer, Row> rows = new LinkedHashMap<>();
        for (TimelineEvent e : events) {
            Row r = rows.get(e.task());
            if (e.kind() == TimelineEvent.Kind.CREATED) {
                rows.put(e.task(), new Row(e.text(), e.time()));
                continue;
            }
            if (r == null) {
                continue;
            }
            switch (e.kind()) {
                case NAMED -> r.name = e.text();
                case STEP_START -> {
                    closeWait(r, e.time(), false);
                    r.stepStart = e.time();
                }
                default -> {
                    if (!Double.isNaN(r.stepStart)) {
                        r.spans.add(new Span(SpanKind.RUN, r.stepStart, e.time(), null, false));
                        r.stepStart = Double.NaN;
                    }
                    switch (e.kind()) {
                        case WAIT, SLEEP, YIELD -> r.waiting = e;
                        default -> r.ending = e;
                    }
                }
            }
        }
        for (Row r : rows.values()) {
            if (!Double.isNaN(r.stepStart)) {
                r.spans.add(new Span(SpanKind.RUN, r.stepStart, end, null, true));
            }
            closeWait(r, end, true);
        }
        return new ArrayList<>(rows.values());
    }

    private static void closeWait(Row r, double time, boolean unfinished) {
        TimelineEvent w = r.waiting;
        if (w == null) {
            return;
        }
        SpanKind kind = switch (w.kind()) {
            case SLEEP -> SpanKind.SLEEP;
            case YIELD -> SpanKind.READY;
            default -> SpanKind.WAIT;
        };
        r.spans.add(new Span(kind, w.time(), time, w.text(), unfinished));
        r.waiting = null;
    }

    /** The right end of what {@link #drawRow} draws for {@code r}. */
    private static double rightmost(Row r, Scale x) {
        double right = 0;
        for (Span s : r.spans) {
            double x0 = x.at(s.start);
            right = Math.max(right, s.kind != SpanKind.RUN && s.unfinished ? x0 + Math.max(x.at(s.end) - x0, UNFINISHED_MIN_WIDTH) : Math.max(x.at(s.end), x0 + MIN_STEP_WIDTH));
        }
        if (r.ending != null) {
            right = Math.max(right, Math.max(x.at(r.ending.time()), right) + 6 + 8);
        }
        return right;
    }

    /**
     * The row's spans in time order, with each stretch of steps too close together to draw one by
     * one (a task looping on a short sleep, seen over a long run) replaced by a {@link Cluster}.
     */
    private static List<Object> layout(Row r, Scale x) {
        List<Span> spans = r.spans;
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (i < spans.size()) {
            int last = denseStretchEnd(spans, i, x);
            if (last > i) {
                out.add(Cluster.of(spans.subList(i, last + 1)));
                i = last + 1;
            } else {
                out.add(spans.get(i++));
            }
        }
        return out;
    }

    /**
     * The index of the last step of the dense stretch starting with the step at {@code i}, or
     * {@code i} when there is none: steps less than {@link #DENSE_GAP} pixels apart, with only
     * narrow waits between them, at least {@link #MIN_CLUSTER_STEPS} of them.
     */
    private static int denseStretchEnd(List<Span> spans, int i, Scale x) {
        if (spans.get(i).kind != SpanKind.RUN) {
            return i;
        }
        int steps = 0;
        int lastStep = i;
        double previousStepX = Double.NaN;
        for (int k = i; k < spans.size(); k++) {
            Span s = spans.get(k);
            double x0 = x.at(s.start);
            if (s.unfinished) {
                break;
            }
            if (s.kind == SpanKind.RUN) {
                if (steps > 0 && x0 - previousStepX >= DENSE_GAP) {
                    break;
                }
                previousStepX = x0;
                steps++;
                lastStep = k;
            } else if (x.at(s.end) - x0 >= DENSE_GAP) {
                break;
            }
        }
        return steps >= MIN_CLUSTER_STEPS ? lastStep : i;
    }

    private static void drawRow(Svg svg, Row r, double cy, Scale x, int width) {
        String who = r.name + " (" + r.coroutine + ")";
        svg.line("<g><title>" + escape(who + " created at " + seconds(r.created)) + "</title>" + createdTick(x.at(r.created), cy, 12) + "</g>");
        List<Object> items = layout(r, x);
        for (Object item : items) {
            if (item instanceof Span s && s.kind != SpanKind.RUN) {
                drawWait(svg, who, s, cy, x);
            } else if (item instanceof Cluster c) {
                drawCluster(svg, who, c, cy, x);
            }
        }
        double lastRunEnd = x.at(r.created);
        for (Object item : items) {
            if (item instanceof Span s && s.kind == SpanKind.RUN) {
                double x0 = x.at(s.start);
                double w = Math.max(MIN_STEP_WIDTH, x.at(s.end) - x0);
                lastRunEnd = x0 + w;
                String tip = who + " ran from " + seconds(s.start) + " to " + seconds(s.end) + (s.unfinished ? " (still running when the run ended)" : "");
                svg.line("<rect x=\"" + num(x0) + "\" y=\"" + num(cy - 9) + "\" width=\"" + num(w) + "\" height=\"18\" fill=\"" + RUN_FILL + "\"><title>" + escape(tip) + "</title></rect>");
            } else if (item instanceof Cluster c) {
                lastRunEnd = Math.max(x.at(c.end), x.at(c.start) + MIN_STEP_WIDTH);
            }
        }
        TimelineEvent e = r.ending;
        if (e != null) {
            double mx = Math.max(x.at(e.time()), lastRunEnd) + 6;
            switch (e.kind()) {
                case DONE -> svg.line("<g><title>" + escape(who + " done at " + seconds(e.time()) + ", result " + e.text()) + "</title>" + dot(mx, cy) + "</g>");
                case FAILED -> {
                    svg.line("<g><title>" + escape(who + " failed at " + seconds(e.time()) + ": " + e.text()) + "</title>");
                    svg.line(diamond(mx, cy, 7, FAIL_FILL));
                    svg.line("<text x=\"" + num(mx) + "\" y=\"" + num(cy + 4) + "\" font-size=\"10\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">!</text>");
                    svg.line("</g>");
                    // The exception beside the marker, or above the row's bars, ending at it, where the picture ends too soon.
                    String text = escape(clip(e.text(), 60));
                    if (mx + 10 + textWidth(clip(e.text(), 60), 10) <= width) {
                        svg.line("<text x=\"" + num(mx + 10) + "\" y=\"" + num(cy + 4) + "\" font-size=\"10\" fill=\"" + FAIL_FILL + "\">" + text + "</text>");
                    } else {
                        svg.line("<text x=\"" + num(mx + 7) + "\" y=\"" + num(cy - 9.5) + "\" font-size=\"10\" fill=\"" + FAIL_FILL + "\" text-anchor=\"end\">" + text + "</text>");
                    }
                }
                default -> {
                    svg.line("<g><title>" + escape(who + " cancelled at " + seconds(e.time())) + "</title>");
                    svg.line(cross(mx, cy, 5.5));
                    svg.line("</g>");
                }
            }
        }
    }

    /**
     * A dense stretch of steps: a band in the colours of what the task mostly waited for between
     * them, with a comb of small marks above and below for the steps, labelled with their count.
     */
    private static void drawCluster(Svg svg, String who, Cluster c, double cy, Scale x) {
        double x0 = x.at(c.start);
        double w = Math.max(MIN_STEP_WIDTH, x.at(c.end) - x0);
        String fill;
        String stroke;
        String between;
        String each;
        switch (c.waitKind) {
            case SLEEP -> {
                fill = SLEEP_FILL;
                stroke = SLEEP_STROKE;
                between = "sleeping (asyncio.sleep)";
                double asked = sleepRequested(c.waitText);
                each = Double.isNaN(asked) ? "sleeping between" : "sleep " + trimSeconds(asked) + " each";
            }
            case READY -> {
                fill = READY_FILL;
                stroke = READY_STROKE;
                between = "yielding (asyncio.sleep(0))";
                each = "yielding between";
            }
            default -> {
                fill = WAIT_FILL;
                stroke = WAIT_STROKE;
                between = c.waitText == null ? "waiting" : "waiting for " + c.waitText;
                each = between;
            }
        }
        String tip = who + " ran " + c.steps + " steps from " + seconds(c.start) + " to " + seconds(c.end) + " (" + seconds(c.running) + " running in all), " + between + " between them";
        svg.line("<g><title>" + escape(tip) + "</title>");
        svg.line(band(x0, cy, w, fill, stroke, false));
        for (double markY : new double[]{cy - 7.5, cy + 7.5}) {
            svg.line("<line x1=\"" + num(x0) + "\" y1=\"" + num(markY) + "\" x2=\"" + num(x0 + w) + "\" y2=\"" + num(markY) + "\" stroke=\"" + RUN_FILL
                            + "\" stroke-width=\"3\" stroke-dasharray=\"1.5,2.5\"/>");
        }
        for (String label : new String[]{c.steps + " steps, " + each, c.steps + " steps"}) {
            if (textWidth(label, 9.5) + 10 <= w) {
                svg.line("<text x=\"" + num(x0 + 6) + "\" y=\"" + num(cy + 3.5) + "\" font-size=\"9.5\" fill=\"#333333\">" + escape(label) + "</text>");
                break;
            }
        }
        svg.line("</g>");
    }

    private static void drawWait(Svg svg, String who, Span s, double cy, Scale x) {
        double x0 = x.at(s.start);
        // A wait the run ended in (a deadlock, say) is drawn wide enough to read even when it began at the end.
        double w = Math.max(x.at(s.end) - x0, s.unfinished ? UNFINISHED_MIN_WIDTH : 0);
        String fill;
        String stroke;
        List<String> labels = new ArrayList<>();
        String tip;
        switch (s.kind) {
            case SLEEP -> {
                fill = SLEEP_FILL;
                stroke = SLEEP_STROKE;
                tip = who + " sleeping (asyncio.sleep)";
                double asked = sleepRequested(s.text);
                String slept = trimSeconds(s.end - s.start);
                if (s.unfinished) {
                    labels.add("sleeping");
                } else if (Double.isNaN(asked)) {
                    labels.add("sleep " + slept);
                } else if (s.end - s.start < asked && !slept.equals(trimSeconds(asked))) {
                    // Woken early (cancelled, say): the band ends there, the label says what was asked for.
                    String sleep = "sleep " + trimSeconds(asked);
                    labels.addAll(List.of(sleep + ", cut short after " + slept, sleep + ", cut short", sleep));
                    tip += ", cut short: it asked for " + trimSeconds(asked) + ",";
                } else {
                    labels.add("sleep " + trimSeconds(asked));
                }
            }
            case READY -> {
                fill = READY_FILL;
                stroke = READY_STROKE;
                labels.add("ready");
                tip = who + " yielded (asyncio.sleep(0)): ready to run again";
            }
            default -> {
                fill = WAIT_FILL;
                stroke = WAIT_STROKE;
                labels.add(s.text);
                tip = who + " waiting for " + s.text;
            }
        }
        tip += " from " + seconds(s.start) + " to " + seconds(s.end) + (s.unfinished ? " (still waiting when the run ended)" : "");
        if (w < 0.5) {
            return;
        }
        svg.line("<g><title>" + escape(tip) + "</title>");
        svg.line(band(x0, cy, w, fill, stroke, s.unfinished));
        boolean moon = s.kind == SpanKind.SLEEP && w >= 16;
        if (moon) {
            svg.line(moon(x0, cy));
        }
        double textX = x0 + (moon ? 18 : 6);
        for (String label : labels) {
            if (textWidth(label, 9.5) + (textX - x0) + 4 <= w) {
                svg.line("<text x=\"" + num(textX) + "\" y=\"" + num(cy + 3.5) + "\" font-size=\"9.5\" fill=\"#333333\">" + escape(label) + "</text>");
                break;
            }
        }
        svg.line("</g>");
    }

    /** The delay a sleep asked for, from its description such as {@code asyncio.sleep(0.4)}; NaN when it does not say. */
    private static double sleepRequested(String text) {
        if (text == null || !text.startsWith(Future.SLEEP_PURPOSE_PREFIX) || !text.endsWith(")")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(text.substring(Future.SLEEP_PURPOSE_PREFIX.length(), text.length() - 1));
            return d >= 0 && Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String band(double x0, double cy, double w, String fill, String stroke, boolean dashed) {
        return "<rect x=\"" + num(x0) + "\" y=\"" + num(cy - 6) + "\" width=\"" + num(w) + "\" height=\"12\" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"1\""
                        + (dashed ? " stroke-dasharray=\"4,3\"" : "") + "/>";
    }

    /** The sleep marker: a crescent moon near the start of the band (a disc partly covered by one of the band's colour). */
    private static String moon(double x0, double cy) {
        return "<circle cx=\"" + num(x0 + 11) + "\" cy=\"" + num(cy) + "\" r=\"4.5\" fill=\"" + MOON_FILL + "\"/><circle cx=\"" + num(x0 + 13) + "\" cy=\"" + num(cy - 1.5)
                        + "\" r=\"3.8\" fill=\"" + SLEEP_FILL + "\"/>";
    }

    private static String dot(double cx, double cy) {
        return "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"5.5\" fill=\"" + DONE_FILL + "\"/>";
    }

    private static String createdTick(double cx, double cy, double half) {
        return "<line x1=\"" + num(cx) + "\" y1=\"" + num(cy - half) + "\" x2=\"" + num(cx) + "\" y2=\"" + num(cy + half) + "\" stroke=\"#7f8c8d\" stroke-width=\"1.5\"/>";
    }

    private static String diamond(double cx, double cy, double r, String fill) {
        return "<path d=\"M" + num(cx) + "," + num(cy - r) + "L" + num(cx + r) + "," + num(cy) + "L" + num(cx) + "," + num(cy + r) + "L" + num(cx - r) + "," + num(cy) + "z\" fill=\"" + fill + "\"/>";
    }

    private static String cross(double cx, double cy, double r) {
        return "<path d=\"M" + num(cx - r) + "," + num(cy - r) + "L" + num(cx + r) + "," + num(cy + r) + "M" + num(cx - r) + "," + num(cy + r) + "L" + num(cx + r) + "," + num(cy - r)
                        + "\" stroke=\"" + CANCEL_STROKE + "\" stroke-width=\"3\" stroke-linecap=\"round\" fill=\"none\"/>";
    }

    /** The legend: a swatch and a few words per element, in a grid of four columns. */
    private static final class Legend {
        private static final int COLUMNS = 4;
        private static final int LINE = 22;
        private static final String[][] ITEMS = {
                        {"run", "running (one step)"},
                        {"sleep", "sleeping (asyncio.sleep)"},
                        {"wait", "waiting (label or hover: for what)"},
                        {"ready", "yielded, ready to run again"},
                        {"created", "task created"},
                        {"done", "done (hover: result)"},
                        {"failed", "ended with an exception"},
                        {"cancelled", "cancelled"}};

        static int height() {
            return (ITEMS.length + COLUMNS - 1) / COLUMNS * LINE + 8;
        }

        static void draw(Svg svg, double left, double top, double width) {
            double column = width / COLUMNS;
            svg.line("<g font-size=\"11\" fill=\"#333333\">");
            for (int i = 0; i < ITEMS.length; i++) {
                double sx = left + (i % COLUMNS) * column;
                double cy = top + (i / COLUMNS) * LINE + 6;
                switch (ITEMS[i][0]) {
                    case "run" -> svg.line("<rect x=\"" + num(sx + 4) + "\" y=\"" + num(cy - 9) + "\" width=\"16\" height=\"18\" fill=\"" + RUN_FILL + "\"/>");
                    case "sleep" -> {
                        svg.line(band(sx, cy, 24, SLEEP_FILL, SLEEP_STROKE, false));
                        svg.line(moon(sx, cy));
                    }
                    case "wait" -> svg.line(band(sx, cy, 24, WAIT_FILL, WAIT_STROKE, false));
                    case "ready" -> svg.line(band(sx, cy, 24, READY_FILL, READY_STROKE, false));
                    case "created" -> svg.line(createdTick(sx + 12, cy, 8));
                    case "done" -> svg.line(dot(sx + 12, cy));
                    case "failed" -> svg.line(diamond(sx + 12, cy, 7, FAIL_FILL));
                    default -> svg.line(cross(sx + 12, cy, 5.5));
                }
                svg.line("<text x=\"" + num(sx + 30) + "\" y=\"" + num(cy + 4) + "\">" + escape(ITEMS[i][1]) + "</text>");
            }
            svg.line("</g>");
        }
    }

    /** Tick positions: a round step (1, 2 or 5 times a power of ten) giving at most about ten ticks. */
    private record Axis(double step, int decimals, int count) {
        static Axis of(double span) {
            double raw = span / 10;
            int exponent = (int) Math.floor(Math.log10(raw));
            double power = Math.pow(10, exponent);
            double mantissa = raw / power;
            int m = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
            if (m == 10) {
                m = 1;
                exponent++;
                power *= 10;
            }
            double step = m * power;
            int count = (int) Math.floor(span / step + 1e-9);
            return new Axis(step, Math.max(0, -exponent), count);
        }

        double tick(int i) {
            return i * step;
        }

        String label(int i) {
            return String.format(Locale.ROOT, "%." + decimals + "f s", tick(i));
        }
    }

    @FunctionalInterface
    private interface Scale {
        double at(double seconds);
    }

    private static int labelWidth(List<Row> rows) {
        double w = 120;
        for (Row r : rows) {
            w = Math.max(w, textWidth(clip(r.name, 32), 13) + 24);
            w = Math.max(w, textWidth(clip(r.coroutine, 40), 10) + 24);
        }
        return (int) Math.ceil(w);
    }

    /** A generous estimate of the width of {@code s} in a sans-serif font of {@code size}. */
    private static double textWidth(String s, double size) {
        return s.codePointCount(0, s.length()) * size * 0.62;
    }

    private static String clip(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String seconds(double t) {
        return String.format(Locale.ROOT, "%.3f s", t);
    }

    /** A duration as short as it can be said: {@code 1 s}, {@code 0.25 s}. */
    private static String trimSeconds(double t) {
        String s = String.format(Locale.ROOT, "%.3f", t);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " s";
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static final class Svg {
        private final StringBuilder sb = new StringBuilder();

        void line(String s) {
            sb.append(s).append('\n');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}

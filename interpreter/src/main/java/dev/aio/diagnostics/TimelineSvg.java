package dev.aio.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * The picture of {@code events} (in the order they happened) over loop time {@code [0, end]};
     * spans still open at {@code end} are drawn up to it.
     */
    public static String render(List<TimelineEvent> events, double end, String title) {
        List<Row> rows = rows(events, end);
        double span = end > 0 ? end : 1;
        Axis axis = Axis.of(span);
        int labelWidth = labelWidth(rows);
        int width = labelWidth + PLOT_WIDTH + RIGHT_MARGIN;
        int bottom = TOP + rows.size() * ROW_HEIGHT;
        Svg svg = new Svg();
        int height = bottom + 36 + Legend.height();
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
                        + "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" font-size=\"12\">");
        svg.line("<title>" + escape(title) + "</title>");
        svg.line("<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>");
        svg.line("<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#222222\">" + escape(title) + "</text>");

        Scale x = t -> labelWidth + t / span * PLOT_WIDTH;
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

    private static void drawRow(Svg svg, Row r, double cy, Scale x, int width) {
        String who = r.name + " (" + r.coroutine + ")";
        svg.line("<g><title>" + escape(who + " created at " + seconds(r.created)) + "</title>" + createdTick(x.at(r.created), cy, 12) + "</g>");
        for (Span s : r.spans) {
            if (s.kind != SpanKind.RUN) {
                drawWait(svg, who, s, cy, x);
            }
        }
        double lastRunEnd = x.at(r.created);
        for (Span s : r.spans) {
            if (s.kind == SpanKind.RUN) {
                double x0 = x.at(s.start);
                double w = Math.max(MIN_STEP_WIDTH, x.at(s.end) - x0);
                lastRunEnd = x0 + w;
                String tip = who + " ran from " + seconds(s.start) + " to " + seconds(s.end) + (s.unfinished ? " (still running when the run ended)" : "");
                svg.line("<rect x=\"" + num(x0) + "\" y=\"" + num(cy - 9) + "\" width=\"" + num(w) + "\" height=\"18\" fill=\"" + RUN_FILL + "\"><title>" + escape(tip) + "</title></rect>");
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

    private static void drawWait(Svg svg, String who, Span s, double cy, Scale x) {
        double x0 = x.at(s.start);
        // A wait the run ended in (a deadlock, say) is drawn wide enough to read even when it began at the end.
        double w = Math.max(x.at(s.end) - x0, s.unfinished ? UNFINISHED_MIN_WIDTH : 0);
        String fill;
        String stroke;
        String label;
        String tip;
        switch (s.kind) {
            case SLEEP -> {
                fill = SLEEP_FILL;
                stroke = SLEEP_STROKE;
                label = s.unfinished ? "sleeping" : "sleep " + trimSeconds(s.end - s.start);
                tip = who + " sleeping (asyncio.sleep)";
            }
            case READY -> {
                fill = READY_FILL;
                stroke = READY_STROKE;
                label = "ready";
                tip = who + " yielded (asyncio.sleep(0)): ready to run again";
            }
            default -> {
                fill = WAIT_FILL;
                stroke = WAIT_STROKE;
                label = s.text;
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
        if (textWidth(label, 9.5) + (textX - x0) + 4 <= w) {
            svg.line("<text x=\"" + num(textX) + "\" y=\"" + num(cy + 3.5) + "\" font-size=\"9.5\" fill=\"#333333\">" + escape(label) + "</text>");
        }
        svg.line("</g>");
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

package dev.aio.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.aio.diagnostics.TimelineEvent.Kind;

/** {@link TimelineSvg} on a small hand-built run. */
class TimelineSvgTest {
    /**
     * Task 0 ({@code main}) sleeps 1 s, then waits for task 1 until 2 s and ends with a result; task 1
     * waits for a queue, fails at 2 s; task 2 is cancelled at 0.5 s; task 3 is still waiting for a lock
     * when the run ends at 2.5 s.
     */
    private static final List<TimelineEvent> EVENTS = List.of(
                    new TimelineEvent(Kind.CREATED, 0, 0, "main()"),
                    new TimelineEvent(Kind.NAMED, 0, 0, "Task-1"),
                    new TimelineEvent(Kind.STEP_START, 0, 0, null),
                    new TimelineEvent(Kind.CREATED, 1, 0, "worker()"),
                    new TimelineEvent(Kind.NAMED, 1, 0, "Task-2"),
                    new TimelineEvent(Kind.NAMED, 1, 0, "<worker & co>"),
                    new TimelineEvent(Kind.CREATED, 2, 0, "ticker()"),
                    new TimelineEvent(Kind.NAMED, 2, 0, "Task-3"),
                    new TimelineEvent(Kind.CREATED, 3, 0, "locker()"),
                    new TimelineEvent(Kind.NAMED, 3, 0, "Task-4"),
                    new TimelineEvent(Kind.SLEEP, 0, 0, "asyncio.sleep()"),
                    new TimelineEvent(Kind.STEP_START, 1, 0, null),
                    new TimelineEvent(Kind.WAIT, 1, 0, "queue.get()"),
                    new TimelineEvent(Kind.STEP_START, 2, 0, null),
                    new TimelineEvent(Kind.YIELD, 2, 0, null),
                    new TimelineEvent(Kind.STEP_START, 3, 0, null),
                    new TimelineEvent(Kind.WAIT, 3, 0, "lock.acquire()"),
                    new TimelineEvent(Kind.STEP_START, 2, 0.5, null),
                    new TimelineEvent(Kind.CANCELLED, 2, 0.5, null),
                    new TimelineEvent(Kind.STEP_START, 0, 1, null),
                    new TimelineEvent(Kind.WAIT, 0, 1, "task '<worker & co>'"),
                    new TimelineEvent(Kind.STEP_START, 1, 1.5, null),
                    new TimelineEvent(Kind.FAILED, 1, 2, "ValueError: boom"),
                    new TimelineEvent(Kind.STEP_START, 0, 2, null),
                    new TimelineEvent(Kind.DONE, 0, 2, "42"));

    private static String render() {
        return TimelineSvg.render(EVENTS, 2.5, "aio timeline: demo.aio (virtual time)");
    }

    @Test
    void isWellFormedSvgWithOneRowPerTask() throws Exception {
        String svg = render();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("1.1", root.getAttribute("version"));
        String text = texts(doc);
        for (String label : List.of("Task-1", "main()", "<worker & co>", "worker()", "Task-3", "ticker()", "Task-4", "locker()")) {
            assertTrue(text.contains(label), label);
        }
        // The axis, in seconds, labelled above and below the rows.
        assertTrue(svg.contains(">0.0 s</text>") && svg.contains(">2.5 s</text>"), svg);
        assertTrue(svg.contains("&lt;worker &amp; co&gt;"), "names are escaped");
    }

    @Test
    void drawsStepsWaitsAndEndings() {
        String svg = render();
        // Tooltips say who waited for what, and when.
        assertTrue(svg.contains("<title>Task-1 (main()) sleeping (asyncio.sleep) from 0.000 s to 1.000 s</title>"), svg);
        assertTrue(svg.contains("<title>&lt;worker &amp; co&gt; (worker()) waiting for queue.get() from 0.000 s to 1.500 s</title>"), svg);
        assertTrue(svg.contains("Task-1 (main()) waiting for task '&lt;worker &amp; co&gt;' from 1.000 s to 2.000 s"), svg);
        assertTrue(svg.contains("Task-4 (locker()) waiting for lock.acquire() from 0.000 s to 2.500 s (still waiting when the run ended)"), svg);
        assertTrue(svg.contains("stroke-dasharray"), "an unfinished wait is dashed");
        // Labels in the bands that are wide enough.
        assertTrue(svg.contains(">sleep 1 s</text>") && svg.contains(">queue.get()</text>") && svg.contains(">lock.acquire()</text>"), svg);
        // Endings: a dot, the exception, a cross.
        assertTrue(svg.contains("<title>Task-1 (main()) done at 2.000 s, result 42</title>"), svg);
        assertTrue(svg.contains("failed at 2.000 s: ValueError: boom") && svg.contains(">ValueError: boom</text>"), svg);
        assertTrue(svg.contains("<title>Task-3 (ticker()) cancelled at 0.500 s</title>"), svg);
        // A step that takes no time still has a visible width.
        assertTrue(svg.contains("width=\"3\" height=\"18\""), svg);
        assertTrue(svg.contains("ran from 1.500 s to 2.000 s"), svg);
    }

    @Test
    void outputIsTheSameEveryTimeAndInEveryLocale() {
        String first = render();
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(first, render());
        } finally {
            Locale.setDefault(saved);
        }
        assertFalse(first.contains(","  + "0 s"), "decimal points, not commas");
    }

    @Test
    void anEmptyRunStillDrawsAnAxisAndALegend() {
        String svg = TimelineSvg.render(List.of(), 0, "empty");
        assertTrue(svg.contains(">0.0 s</text>") && svg.contains(">1.0 s</text>") && svg.contains("cancelled</text>"), svg);
    }

    /** A task looping on {@code asyncio.sleep(1)} 5,000 times: one labelled band, not 5,000 overlapping bars. */
    @Test
    void stepsTooCloseToDrawOneByOneAreOneCluster() {
        List<TimelineEvent> events = new ArrayList<>(List.of(
                        new TimelineEvent(Kind.CREATED, 0, 0, "poller()"),
                        new TimelineEvent(Kind.NAMED, 0, 0, "poller")));
        for (int i = 0; i < 5000; i++) {
            events.add(new TimelineEvent(Kind.STEP_START, 0, i, null));
            events.add(new TimelineEvent(Kind.SLEEP, 0, i, "asyncio.sleep(1)"));
        }
        events.add(new TimelineEvent(Kind.STEP_START, 0, 5000, null));
        events.add(new TimelineEvent(Kind.DONE, 0, 5000, "None"));
        String svg = TimelineSvg.render(events, 5000, "dense");
        assertTrue(svg.contains(">5001 steps, sleep 1 s each</text>"), svg);
        assertTrue(svg.contains("poller (poller()) ran 5001 steps from 0.000 s to 5000.000 s (0.000 s running in all), sleeping (asyncio.sleep) between them"), svg);
        assertTrue(count(svg, "height=\"18\" fill=\"#2f6fad\"") <= 2, "no step is drawn on its own");
    }

    /** A sleep cut short by a cancellation says what it asked for, and where it was cut. */
    @Test
    void aSleepCutShortSaysWhatItAskedFor() {
        List<TimelineEvent> events = List.of(
                        new TimelineEvent(Kind.CREATED, 0, 0, "sleeper()"),
                        new TimelineEvent(Kind.NAMED, 0, 0, "sleeper"),
                        new TimelineEvent(Kind.STEP_START, 0, 0, null),
                        new TimelineEvent(Kind.SLEEP, 0, 0, "asyncio.sleep(0.4)"),
                        new TimelineEvent(Kind.STEP_START, 0, 0.3, null),
                        new TimelineEvent(Kind.CANCELLED, 0, 0.3, null),
                        new TimelineEvent(Kind.CREATED, 1, 0, "other()"),
                        new TimelineEvent(Kind.NAMED, 1, 0, "other"),
                        new TimelineEvent(Kind.STEP_START, 1, 0, null),
                        new TimelineEvent(Kind.SLEEP, 1, 0, "asyncio.sleep(0.3)"),
                        new TimelineEvent(Kind.STEP_START, 1, 0.3, null),
                        new TimelineEvent(Kind.DONE, 1, 0.3, "None"));
        String svg = TimelineSvg.render(events, 0.3, "cut");
        assertTrue(svg.contains(">sleep 0.4 s, cut short after 0.3 s</text>"), svg);
        assertFalse(svg.contains(">sleep 0.3 s, cut"), svg);
        assertTrue(svg.contains(">sleep 0.3 s</text>"), svg);
    }

    /** On the real clock, loop time passes before the first task: the axis starts at it, and ends at the last event. */
    @Test
    void theAxisSpansTheEventsOnly() {
        List<TimelineEvent> events = List.of(
                        new TimelineEvent(Kind.CREATED, 0, 0.8, "main()"),
                        new TimelineEvent(Kind.NAMED, 0, 0.8, "Task-1"),
                        new TimelineEvent(Kind.STEP_START, 0, 0.8, null),
                        new TimelineEvent(Kind.SLEEP, 0, 0.8, "asyncio.sleep(1)"),
                        new TimelineEvent(Kind.STEP_START, 0, 1.8, null),
                        new TimelineEvent(Kind.DONE, 0, 1.8, "None"));
        String svg = TimelineSvg.render(events, 3.1, "real clock");
        assertTrue(svg.contains(">1.0 s</text>") && !svg.contains(">1.2 s</text>") && !svg.contains(">2.0 s</text>"), svg);
        assertTrue(svg.contains("sleeping (asyncio.sleep) from 0.000 s to 1.000 s"), svg);
    }

    /** A wait the run ended in is drawn wide enough to read, and the picture is widened to hold it. */
    @Test
    void nothingRunsOffTheRightEdge() {
        String svg = render();
        Matcher size = Pattern.compile("<svg [^>]*width=\"(\\d+)\"").matcher(svg);
        assertTrue(size.find(), svg);
        int width = Integer.parseInt(size.group(1));
        Matcher rects = Pattern.compile("<rect x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"").matcher(svg);
        while (rects.find()) {
            double right = Double.parseDouble(rects.group(1)) + Double.parseDouble(rects.group(2));
            assertTrue(right <= width, "a rectangle ends at " + right + " in a picture " + width + " wide");
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String texts(Document doc) {
        StringBuilder sb = new StringBuilder();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            sb.append(nodes.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }
}

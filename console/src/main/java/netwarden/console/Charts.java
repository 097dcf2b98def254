package netwarden.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToDoubleFunction;
import netwarden.store.Results;

/**
 * uPlot charts: the page carries the series as JSON in a {@code data-chart} attribute and the console script
 * draws them. Dragging across a chart selects a range; the script then loads the page for that range (the
 * range is in the URL, so a zoomed view can be shared). An optional earlier series (the previous period) is
 * drawn dashed on the same time axis, shifted by one span.
 */
final class Charts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {}

    record Metric(String title, String unit, ToDoubleFunction<Results.Point> value) {}

    static final List<Metric> SERVICE = List.of(
            new Metric("Packets per second", "pps", Results.Point::meanPps),
            new Metric("Bits per second", "bps", Results.Point::meanBps),
            new Metric("Distinct sources", "sources", p -> p.sources()),
            new Metric("Players", "players", p -> p.players()));

    /**
     * One chart of {@code metric}: {@code points} over the range, {@code previous} (may be empty) one span
     * earlier; {@code markFromMs}/{@code markToMs} shade a period (an incident), 0 for none.
     */
    static Html.Raw chart(Metric metric, List<Results.Point> points, List<Results.Point> previous, long shiftSeconds,
                          long markFromMs, long markToMs) {
        ObjectNode c = JSON.createObjectNode().put("title", metric.title()).put("unit", metric.unit());
        ArrayNode x = c.putArray("x"), y = c.putArray("y");
        for (Results.Point p : points) {
            x.add(p.ts());
            y.add(metric.value().applyAsDouble(p));
        }
        if (!previous.isEmpty()) {
            ArrayNode px = c.putArray("px"), py = c.putArray("py");
            for (Results.Point p : previous) {
                px.add(p.ts() + shiftSeconds);
                py.add(metric.value().applyAsDouble(p));
            }
        }
        if (markFromMs > 0) c.putArray("mark").add(markFromMs / 1000).add(markToMs / 1000);
        return new Html().f("<figure class=chart><figcaption>%s</figcaption><div class=plot data-chart=\"%s\"></div>%s</figure>",
                metric.title(), c.toString(), Html.safe(points.isEmpty() ? "<p class=empty>No data in this range.</p>" : "")).build();
    }
}

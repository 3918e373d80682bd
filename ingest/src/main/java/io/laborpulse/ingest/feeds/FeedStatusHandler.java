package io.laborpulse.ingest.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/** {@code GET /api/v1/feeds}: every feed's {@link FeedPoller.FeedStatus} as a JSON array. */
public final class FeedStatusHandler implements HttpHandler {

    public static final String PATH = "/api/v1/feeds";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedPoller poller;

    public FeedStatusHandler(FeedPoller poller) {
        this.poller = poller;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        ObjectNode error = null;
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            status = 405;
            error = JSON.createObjectNode().put("error", "use GET");
        }
        byte[] body = JSON.writeValueAsBytes(error != null ? error : statuses());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private ArrayNode statuses() {
        ArrayNode feeds = JSON.createArrayNode();
        for (FeedPoller.FeedStatus s : poller.statuses()) {
            ObjectNode feed = feeds.addObject()
                    .put("name", s.name())
                    .put("url", s.url())
                    .put("lastResult", s.lastResult() == null ? null : s.lastResult().name())
                    .put("lastError", s.lastError())
                    .put("consecutiveFailures", s.consecutiveFailures())
                    .put("items", s.items())
                    .put("newItems", s.newItems())
                    .put("totalNewItems", s.totalNewItems());
            time(feed, "lastPoll", s.lastPoll());
            time(feed, "lastSuccess", s.lastSuccess());
            time(feed, "nextPoll", s.nextPoll());
        }
        return feeds;
    }

    private static void time(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }
}

package nl.mantelzorgthuis.notificationservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A system that receives webhooks, on loopback: it records every call (headers, body, the answer it
 * gave) and answers as the test tells it (status, Retry-After, delay).
 */
public final class Receiver implements AutoCloseable {

    public record Call(Map<String, List<String>> headers, String body, int answered) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    public record Answer(int status, String retryAfter, Duration delay) {
        public static Answer ok() {
            return new Answer(200, null, Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, null, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Function<Integer, Answer>> answers = new AtomicReference<>(n -> Answer.ok());

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            Answer answer = answers.get().apply(calls.size() + 1);
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay()); // the slow receiver the test simulates, not a wait in the test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            calls.add(new Call(headers, body, answer.status()));
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How to answer the n-th call (counted from 1). */
    public void answer(Function<Integer, Answer> answers) {
        this.answers.set(answers);
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public List<Call> delivered() {
        return calls().stream().filter(c -> c.answered() >= 200 && c.answered() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

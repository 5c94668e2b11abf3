package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;

/**
 * What a developer needs to see the notifications of the demo: an SMTP server the
 * notification-service mails to (GreenMail, nothing leaves the machine), a webhook receiver that
 * checks each call's Standard Webhooks signature with the demo webhook's secret, a ZGW notificatie
 * receiver, and one web page listing the mails and calls: http://localhost:8025.
 */
final class DevMailbox implements AutoCloseable {

    record Call(Instant at, String path, String webhookId, String signature, String body) {
    }

    private final GreenMail smtp;
    private final HttpServer web;
    private final Path secretFile;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    DevMailbox(int smtpPort, int webPort, Path secretFile) throws IOException {
        this.secretFile = secretFile;
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 50);
        web.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        web.createContext("/hooks/", this::receive);
        web.createContext("/nrc/", this::receive);
        web.createContext(DemoGazetteer.PATH, new DemoGazetteer());
        web.createContext("/", this::page);
    }

    DevMailbox start() {
        smtp.start();
        web.start();
        return this;
    }

    String hookUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + "/hooks/demo";
    }

    /** The demo gazetteer on this machine, in place of PDOK Locatieserver (no internet needed). */
    String gazetteerUrl() {
        return "http://127.0.0.1:" + web.getAddress().getPort() + DemoGazetteer.PATH;
    }

    String pageUrl() {
        return "http://localhost:" + web.getAddress().getPort() + "/";
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String verdict = "not signed";
        if (exchange.getRequestHeaders().getFirst("webhook-signature") != null) {
            verdict = verify(body, exchange);
        } else if (exchange.getRequestHeaders().getFirst("Authorization") != null) {
            verdict = "ZGW auth header: " + exchange.getRequestHeaders().getFirst("Authorization");
        }
        calls.add(new Call(Instant.now(), exchange.getRequestURI().getPath(), id, verdict, body));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private String verify(String body, HttpExchange exchange) {
        try {
            if (!Files.isRegularFile(secretFile)) {
                return "signed (no demo secret on file to check it)";
            }
            Map<String, List<String>> headers = new HashMap<>();
            for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
                headers.put(name, List.of(exchange.getRequestHeaders().getFirst(name)));
            }
            new Webhook(Files.readString(secretFile).trim()).verify(body, headers);
            return "signature valid";
        } catch (Exception e) {
            return "signature INVALID: " + e.getMessage();
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<MimeMessage> mails() {
        return List.of(smtp.getReceivedMessages());
    }


    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Demo: e-mail en webhooks</title><style>body{font-family:sans-serif;margin:2em}pre{white-space:pre-wrap;
                background:#f4f4f4;padding:.5em}td,th{text-align:left;padding:.2em .6em;vertical-align:top}</style></head><body>
                <h1>Lokaal platform: verstuurde e-mail en webhook-aanroepen</h1>""");
        html.append("<h2>E-mail (").append(mails().size()).append(")</h2><table><tr><th>aan</th><th>onderwerp</th><th>tekst</th></tr>");
        List<MimeMessage> mails = new ArrayList<>(mails());
        Collections.reverse(mails);
        for (MimeMessage mail : mails) {
            try {
                html.append("<tr><td>").append(escape(mail.getAllRecipients()[0].toString())).append("</td><td>")
                        .append(escape(mail.getSubject())).append("</td><td><pre>").append(escape(String.valueOf(mail.getContent())))
                        .append("</pre></td></tr>");
            } catch (jakarta.mail.MessagingException | IOException e) {
                html.append("<tr><td colspan=3>unreadable mail</td></tr>");
            }
        }
        html.append("</table><h2>Webhook-aanroepen (").append(calls.size()).append(")</h2><table><tr><th>tijd</th><th>pad</th>"
                + "<th>webhook-id</th><th>controle</th><th>inhoud</th></tr>");
        List<Call> newestFirst = new ArrayList<>(calls());
        Collections.reverse(newestFirst);
        for (Call call : newestFirst) {
            html.append("<tr><td>").append(call.at()).append("</td><td>").append(escape(call.path())).append("</td><td>")
                    .append(escape(String.valueOf(call.webhookId()))).append("</td><td>").append(escape(call.signature()))
                    .append("</td><td><pre>").append(escape(call.body())).append("</pre></td></tr>");
        }
        respond(exchange, "text/html; charset=utf-8", html.append("</table></body></html>").toString());
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
